/** Panels the player opens and closes: the level brief, hints and the list of keys. */
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { useGame } from '../state'
import { KEY_HELP } from './keys'
import { Console } from './manager/Console'
import { useHud } from './uiStore'
import { backToMenu } from './navigation'
import { useLang, useT } from './i18n'
import { useLevelText } from './i18n/content'

function Sheet({ title, testid, children, wide }: { title: string; testid: string; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    // The focus goes to the sheet's button (often its last line), but the sheet is read from its top.
    ref.current?.querySelector<HTMLElement>('[data-autofocus], button')?.focus({ preventScroll: true })
    return () => prev?.focus?.()
  }, [])
  return (
    <div className={`panel sheet${wide ? ' wide' : ''}`} role="dialog" aria-label={title} data-testid={testid} ref={ref}>
      {children}
    </div>
  )
}

const close = () => useHud.getState().open(null)

export function Brief() {
  const level = useLevelText(useGame((s) => s.level))
  const t = useT()
  if (!level) return null
  return (
    <Sheet title={t('brief.title', { title: level.title })} testid="brief">
      <p className="chapter">{level.chapter}</p>
      <h2>{level.title}</h2>
      <p className="brief-text">{level.brief}</p>
      <p className="muted">{t('brief.paused')}</p>
      <button type="button" className="primary big" data-testid="btn-start-level" data-autofocus onClick={close}>
        {t('brief.go')}
      </button>
    </Sheet>
  )
}

export function Hints() {
  const level = useLevelText(useGame((s) => s.level))
  const t = useT()
  if (!level) return null
  return (
    <Sheet title={t('hints.title')} testid="hints">
      <h2>{t('hints.title')}</h2>
      {level.hints.length ? (
        <ol className="hints">
          {level.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
      ) : (
        <p>{t('hints.none')}</p>
      )}
      <button type="button" data-autofocus onClick={close}>
        {t('sheet.close')}
      </button>
    </Sheet>
  )
}

export function KeysHelp() {
  const t = useT()
  const lang = useLang()
  return (
    <Sheet title={t('keys.title')} testid="keys-help">
      <h2>{t('keys.heading')}</h2>
      <dl className="keys">
        {KEY_HELP.map((k) => (
          <div key={k.keys + k.text}>
            <dt>
              <kbd>{k.keys}</kbd>
            </dt>
            <dd>{lang === 'es' ? k.es : k.text}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('keys.tab')}</p>
      <button type="button" data-autofocus onClick={close}>
        {t('sheet.close')}
      </button>
    </Sheet>
  )
}

export function ConsoleSheet() {
  return (
    <div className="console-sheet">
      <Console onClose={close} />
    </div>
  )
}

/** Leaving a level mid-way throws its street away: asked first, staying is the default. */
export function LeaveConfirm() {
  const level = useLevelText(useGame((s) => s.level))
  const t = useT()
  return (
    <Sheet title={t('leave.title')} testid="leave-confirm">
      <h2>{t('leave.heading', { title: level?.title ?? '' })}</h2>
      <p>{t('leave.text')}</p>
      <div className="row">
        <button type="button" className="primary" data-autofocus data-testid="btn-leave-stay" onClick={close}>
          {t('leave.stay')}
        </button>
        <button type="button" data-testid="btn-leave-confirm" onClick={backToMenu}>
          {t('leave.go')}
        </button>
      </div>
    </Sheet>
  )
}
