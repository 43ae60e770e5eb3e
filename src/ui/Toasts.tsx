/** A refused action's reason, in the current vocabulary, in a live region; and other notices. */
import { useEffect, useState } from 'react'
import { useGame, useUi } from '../state'
import { resultText, useLang, useT } from './i18n'

const SHOW_MS = 8000

export function Rejection() {
  const r = useGame((s) => s.lastRejection)
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const t = useT()
  const [hidden, setHidden] = useState<object | null>(null)
  useEffect(() => {
    if (!r) return
    const t = setTimeout(() => setHidden(r), SHOW_MS)
    return () => clearTimeout(t)
  }, [r])
  const show = r && hidden !== r
  return (
    <div className={`toast rejection${show ? ' shown' : ''}`} role="status" aria-live="polite" data-testid="rejection">
      {show && (
        <>
          <span aria-hidden="true">⚠ </span>
          <strong>{t('toast.notPossible')}</strong>
          {resultText(r, vocab, lang)}
          <button type="button" className="toast-close" aria-label={t('toast.dismiss')} onClick={() => setHidden(r)}>
            ✕
          </button>
        </>
      )}
    </div>
  )
}

export function Notices() {
  const notices = useUi((s) => s.notices)
  const r = useGame((s) => s.lastRejection)
  // Components that both notify and dispatch would say a refusal twice: the rejection box has it.
  const list = notices.filter((n) => !(n.level === 'error' && r && (n.text === r.metaphor || n.text === r.technical)))
  useEffect(() => {
    if (notices.length === 0) return
    const t = setTimeout(() => useUi.getState().dismiss(notices[0]!.id), 6000)
    return () => clearTimeout(t)
  }, [notices])
  return (
    <ul className="notices" aria-live="polite">
      {list.map((n) => (
        <li key={n.id} className={`toast ${n.level}`}>
          <span aria-hidden="true">{n.level === 'error' ? '✖ ' : 'ℹ '}</span>
          {n.text}
        </li>
      ))}
    </ul>
  )
}
