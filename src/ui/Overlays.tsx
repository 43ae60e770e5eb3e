/** Panels the player opens and closes: the level brief, hints and the list of keys. */
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { useGame } from '../state'
import { KEY_HELP } from './keys'
import { Console } from './manager/Console'
import { useHud } from './uiStore'
import { backToMenu } from './navigation'

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
  const level = useGame((s) => s.level)
  if (!level) return null
  return (
    <Sheet title={`Brief: ${level.title}`} testid="brief">
      <p className="chapter">{level.chapter}</p>
      <h2>{level.title}</h2>
      <p className="brief-text">{level.brief}</p>
      <p className="muted">The clock is paused. Build first, then press Space (or ▶ Play) to start time. Press B to see this again.</p>
      <button type="button" className="primary big" data-testid="btn-start-level" data-autofocus onClick={close}>
        Let's go
      </button>
    </Sheet>
  )
}

export function Hints() {
  const level = useGame((s) => s.level)
  if (!level) return null
  return (
    <Sheet title="Hints" testid="hints">
      <h2>Hints</h2>
      {level.hints.length ? (
        <ol className="hints">
          {level.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
      ) : (
        <p>No hints for this level. Read the brief again (B).</p>
      )}
      <button type="button" data-autofocus onClick={close}>
        Close
      </button>
    </Sheet>
  )
}

export function KeysHelp() {
  return (
    <Sheet title="Keyboard keys" testid="keys-help">
      <h2>Keys</h2>
      <dl className="keys">
        {KEY_HELP.map((k) => (
          <div key={k.keys + k.text}>
            <dt>
              <kbd>{k.keys}</kbd>
            </dt>
            <dd>{k.text}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Tab moves between panels; keys do nothing while you type in a box.</p>
      <button type="button" data-autofocus onClick={close}>
        Close
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
  const level = useGame((s) => s.level)
  return (
    <Sheet title="Leave this level?" testid="leave-confirm">
      <h2>Leave “{level?.title}”?</h2>
      <p>The street you built and the time played in this level are lost; the campaign keeps your stars.</p>
      <div className="row">
        <button type="button" className="primary" data-autofocus data-testid="btn-leave-stay" onClick={close}>
          Stay and play
        </button>
        <button type="button" data-testid="btn-leave-confirm" onClick={backToMenu}>
          Leave to the menu
        </button>
      </div>
    </Sheet>
  )
}
