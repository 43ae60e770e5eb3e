/** The title menu: Campaign, Sandbox, the VM-vs-container lab, and Classroom (guided lessons). */
import { useGame, useProgress } from '../state'
import { useHud } from './uiStore'

export function ProgressWarning() {
  const warning = useProgress((s) => s.warning)
  if (!warning) return null
  return (
    <p className="warning" role="alert" data-testid="progress-warning">
      <span aria-hidden="true">⚠ </span>
      {warning}
    </p>
  )
}

export function Menu() {
  return (
    <main className="screen menu">
      <div className="title-block">
        <p className="tagline">servers are houses · virtual machines are apartments · containers are rooms</p>
        <h1 className="game-title">
          <span aria-hidden="true" className="roof">
            ⌂{' '}
          </span>
          House of Pods
        </h1>
        <p className="lede">
          Build a street of houses, split them into apartments, fill them with rooms, and hire a building manager to keep it all running.
        </p>
      </div>
      <ProgressWarning />
      <nav className="menu-buttons" aria-label="Game modes">
        <button
          type="button"
          className="big primary"
          data-testid="mode-campaign"
          autoFocus
          onClick={() => useHud.getState().setScreen('levels')}
        >
          <span aria-hidden="true">★ </span>Campaign
          <small>Levels, one idea at a time</small>
        </button>
        <button type="button" className="big" data-testid="mode-sandbox" onClick={() => useGame.getState().startSandbox()}>
          <span aria-hidden="true">⚒ </span>Sandbox
          <small>Everything unlocked, break things on purpose</small>
        </button>
        <button type="button" className="big" data-testid="mode-lab" onClick={() => useGame.getState().startLab(0)}>
          <span aria-hidden="true">⚗ </span>VM vs container lab
          <small>Apartments against rooms, measured side by side</small>
        </button>
        <button type="button" className="big" data-testid="mode-classroom" onClick={() => useHud.getState().setScreen('classroom')}>
          <span aria-hidden="true">✎ </span>Classroom
          <small>Guided lessons for a projector, and the hand-ins of a class</small>
        </button>
      </nav>
      <p className="muted footnote">Press ? in a game for the keyboard keys. Everything works without a mouse.</p>
    </main>
  )
}
