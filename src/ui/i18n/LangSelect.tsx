/** The language choice (English, Español): on the title menu and with the classroom's presentation settings; remembered. */
import { LANGS } from '../../sim'
import type { Lang } from '../../sim'
import { useSettings } from '../../state'
import { useLang, useT } from './t'

export function LangSelect() {
  const lang = useLang()
  const t = useT()
  return (
    <label className="lang-select">
      {t('lang.label')}{' '}
      <select data-testid="lang-select" value={lang} onChange={(e) => useSettings.getState().chooseLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
