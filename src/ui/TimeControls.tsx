/** Play/pause, step and speed. The same actions are on Space, "." and 1–4. */
import { SPEEDS, useGame } from '../state'
import { useT } from './i18n'

export function TimeControls() {
  const paused = useGame((s) => s.paused)
  const speed = useGame((s) => s.speed)
  const over = useGame((s) => s.progress.outcome !== 'playing')
  const t = useT()
  return (
    <div className="time-controls" role="group" aria-label={t('top.time')}>
      <button
        type="button"
        className={`play${paused ? '' : ' on'}`}
        data-testid="time-play"
        aria-pressed={!paused}
        aria-keyshortcuts="Space"
        disabled={over}
        onClick={() => useGame.getState().togglePaused()}
      >
        {paused ? t('time.play') : t('time.pause')}
      </button>
      <button
        type="button"
        data-testid="time-step"
        aria-keyshortcuts="."
        title={t('time.stepTitle')}
        disabled={over}
        onClick={() => useGame.getState().stepOnce()}
      >
        {t('time.step')}
      </button>
      <span className="speed-group" role="group" aria-label={t('time.speed')}>
        {SPEEDS.map((s, i) => (
          <button
            key={s}
            type="button"
            className="speed"
            data-testid={`speed-${s}`}
            aria-pressed={speed === s}
            aria-keyshortcuts={String(i + 1)}
            title={t('time.speedTitle', { s, k: i + 1 })}
            onClick={() => useGame.getState().setSpeed(s)}
          >
            {s}×
          </button>
        ))}
      </span>
    </div>
  )
}
