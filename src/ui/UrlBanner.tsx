/** A small banner naming the URL settings the game did not understand (their defaults are used). */
import { useSettings } from '../state'
import './settings.css'
import { useT } from './i18n'
import { usePhrases } from './i18n/phrases'
import { URL_EN } from './urlText'

export function UrlBanner() {
  const problems = useSettings((s) => s.problems)
  const t = useT()
  const x = usePhrases('url', URL_EN)
  // The store keeps each problem as state/url.ts wrote it (English); its frame and values read in the chosen language.
  const problemText = (p: string) => {
    const m = /^URL setting (\S+) is not understood \((.*)\): using (.*)\.$/.exec(p)
    return m ? t('url.problem', { setting: m[1]!, expected: x.phrase(m[2]!), fallback: x.phrase(m[3]!) }) : p
  }
  if (problems.length === 0) return null
  return (
    <div className="url-banner" role="status" data-testid="url-banner">
      <ul>
        {problems.map((p) => (
          <li key={p}>
            <span aria-hidden="true">⚠ </span>
            {problemText(p)}
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="url-banner-close"
        onClick={() => useSettings.getState().setProblems([])}
        aria-label={t('url.dismiss')}
      >
        ✕
      </button>
    </div>
  )
}
