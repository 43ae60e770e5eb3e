/** The bar across the top: menu, level name, clock, money, time controls, labels, help. */
import { useEffect, useRef } from 'react'
import { hourlyCost } from '../sim'
import { useGame, useUi, useWorld } from '../state'
import { clockText, money } from './format'
import { TimeControls } from './TimeControls'
import { useHud } from './uiStore'
import { askToLeave } from './navigation'
import { FollowButton } from './Follow'
import { LabButton } from './lab/LabButton'

export function TopBar() {
  const world = useWorld()
  const level = useGame((s) => s.level)
  const vocab = useUi((s) => s.vocab)
  const panel = useHud((s) => s.panel)
  const over = useGame((s) => s.progress.outcome !== 'playing')
  const ref = useRef<HTMLElement>(null)
  // The side panels start below the bar, however many rows it wraps to.
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => document.documentElement.style.setProperty('--hud-top', `${el.offsetHeight + 16}px`))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  const perHour = hourlyCost(world)
  const overBudget = level?.budgetPerHour !== undefined && perHour > level.budgetPerHour
  return (
    <header className="top-bar panel" aria-label="Game controls" ref={ref}>
      <button type="button" data-testid={over ? undefined : 'btn-menu'} onClick={askToLeave} title="Back to the menu">
        ← Menu
      </button>
      <div className="level-name" title={level?.chapter}>
        <strong>{level ? level.title : 'Sandbox'}</strong>
      </div>
      <div className="readouts" aria-live="off">
        {level ? (
          <span className="readout" data-testid="time-left" title="Time left in this level">
            <span aria-hidden="true">◷ </span>
            {clockText(level.durationMs - world.timeMs)} left
          </span>
        ) : (
          <span className="readout" data-testid="time-now">
            <span aria-hidden="true">◷ </span>
            {clockText(world.timeMs)}
          </span>
        )}
        <span className={`readout${overBudget ? ' bad' : ''}`} data-testid="budget" title="Running cost per hour of all standing houses">
          {money(perHour)}/h{level?.budgetPerHour !== undefined && <> of {money(level.budgetPerHour)}/h</>}
          {overBudget && <strong> — over budget!</strong>}
          <span className="spent"> · spent {money(world.costSpent)}</span>
        </span>
        {world.delayScale !== 1 && (
          <span className="readout badge" data-testid="classroom-time" title="Kubernetes delays are compressed for the classroom">
            <span aria-hidden="true">» </span>Classroom time ×{+(1 / world.delayScale).toFixed(1)}
          </span>
        )}
      </div>
      <TimeControls />
      <div className="top-buttons">
        <button
          type="button"
          data-testid="vocab-toggle"
          aria-pressed={vocab === 'technical'}
          aria-keyshortcuts="L"
          onClick={() => useUi.getState().toggleVocab()}
          title="Switch all labels (L)"
        >
          {vocab === 'metaphor' ? '⌂ Houses' : '☰ Servers'}
          <span className="visually-hidden"> (labels; L switches)</span>
        </button>
        {level && (
          <>
            <button
              type="button"
              data-testid="btn-brief"
              aria-pressed={panel === 'brief'}
              aria-keyshortcuts="B"
              onClick={() => useHud.getState().toggle('brief')}
            >
              Brief
            </button>
            <button
              type="button"
              data-testid="btn-hints"
              aria-pressed={panel === 'hints'}
              aria-keyshortcuts="H"
              onClick={() => useHud.getState().toggle('hints')}
            >
              Hints
            </button>
          </>
        )}
        <LabButton />
        <button
          type="button"
          data-testid="btn-console"
          aria-pressed={panel === 'console'}
          aria-keyshortcuts="K"
          onClick={() => useHud.getState().toggle('console')}
        >
          kubectl
        </button>
        <button
          type="button"
          data-testid="btn-keys"
          aria-pressed={panel === 'keys'}
          aria-keyshortcuts="?"
          onClick={() => useHud.getState().toggle('keys')}
          title="Keyboard keys (?)"
        >
          ? Keys
        </button>
        <FollowButton />
        <button
          type="button"
          data-testid="btn-focus"
          aria-pressed={false}
          aria-keyshortcuts="F"
          onClick={() => useHud.getState().toggleFocus()}
          title="Focus: hide everything but time and captions (F)"
        >
          ▣ Focus
        </button>
      </div>
    </header>
  )
}

/** Focus mode's only bar: the clock, the time controls and the way back. */
export function FocusBar() {
  const world = useWorld()
  const level = useGame((s) => s.level)
  return (
    <header className="focus-bar panel" aria-label="Time">
      <span className="readout" data-testid={level ? 'time-left' : 'time-now'}>
        <span aria-hidden="true">◷ </span>
        {level ? `${clockText(level.durationMs - world.timeMs)} left` : clockText(world.timeMs)}
      </span>
      <TimeControls />
      <button
        type="button"
        data-testid="btn-focus"
        aria-pressed={true}
        aria-keyshortcuts="F"
        onClick={() => useHud.getState().toggleFocus()}
        title="Show the panels again (F)"
      >
        ▣ Panels
      </button>
    </header>
  )
}
