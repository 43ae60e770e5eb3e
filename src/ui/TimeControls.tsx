/** Play/pause, step and speed. The same actions are on Space, "." and 1–4. */
import { SPEEDS, useGame } from '../state'

export function TimeControls() {
  const paused = useGame((s) => s.paused)
  const speed = useGame((s) => s.speed)
  const over = useGame((s) => s.progress.outcome !== 'playing')
  return (
    <div className="time-controls" role="group" aria-label="Time">
      <button
        type="button"
        className={`play${paused ? '' : ' on'}`}
        data-testid="time-play"
        aria-pressed={!paused}
        aria-keyshortcuts="Space"
        disabled={over}
        onClick={() => useGame.getState().togglePaused()}
      >
        {paused ? '▶ Play' : '❚❚ Pause'}
      </button>
      <button
        type="button"
        data-testid="time-step"
        aria-keyshortcuts="."
        title="Step 0.1 s (.)"
        disabled={over}
        onClick={() => useGame.getState().stepOnce()}
      >
        Step
      </button>
      <span className="speed-group" role="group" aria-label="Speed">
        {SPEEDS.map((s, i) => (
          <button
            key={s}
            type="button"
            className="speed"
            data-testid={`speed-${s}`}
            aria-pressed={speed === s}
            aria-keyshortcuts={String(i + 1)}
            title={`Speed ${s}× (key ${i + 1})`}
            onClick={() => useGame.getState().setSpeed(s)}
          >
            {s}×
          </button>
        ))}
      </span>
    </div>
  )
}
