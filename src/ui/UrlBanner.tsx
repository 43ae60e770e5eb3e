/** A small banner naming the URL settings the game did not understand (their defaults are used). */
import { useSettings } from '../state'
import './settings.css'
import { useT } from './i18n'

export function UrlBanner() {
  const problems = useSettings((s) => s.problems)
  const t = useT()
  if (problems.length === 0) return null
  return (
    <div className="url-banner" role="status" data-testid="url-banner">
      <ul>
        {problems.map((p) => (
          <li key={p}>
            <span aria-hidden="true">⚠ </span>
            {p}
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
