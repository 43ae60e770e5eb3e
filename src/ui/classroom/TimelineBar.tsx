/**
 * The timeline, docked at the foot of the HUD under the captions (U shows or hides it; the , key
 * opens it and goes one tick back; < replays the last 30 s): a scrubber over the run so far, one
 * tick back and forward, Live, and "last 30 s" played forward again. Every moment is rebuilt exactly
 * from snapshots and commands.
 */
import { TIMELINE_MAX_ROOMS, useGame, useTimeline } from '../../state'
import { clockOf } from './incidents'
import { usePresenterPanels } from './presenterPanels'
import './timeline.css'
import { useLang, useT } from '../i18n'

export function TimelineBar() {
  const open = usePresenterPanels((s) => s.timeline)
  const t = useTimeline()
  const tr = useT()
  const lang = useLang()
  const over = useGame((s) => !!s.level && s.progress.outcome !== 'playing')
  if (!open || over) return null
  const now = t.at ?? t.head
  return (
    // A named region: a landmark of its own, so a screen reader's landmark list finds it (axe's region rule).
    <section className="timeline-bar panel" aria-label={tr('tl.label')} data-testid="timeline-bar">
      {!t.enabled ? (
        <span data-testid="timeline-off">
          {tr('tl.off', { why: tr(`tl.why.${t.why ?? 'idle'}`, { max: TIMELINE_MAX_ROOMS.toLocaleString(lang) }) })}
        </span>
      ) : (
        <>
          <button
            type="button"
            data-testid="timeline-back"
            onClick={() => t.stepBack()}
            disabled={now <= t.startTick}
            title={tr('tl.backTitle')}
          >
            ◀ 0.1 s
          </button>
          <input
            type="range"
            aria-label={tr('tl.moment')}
            data-testid="timeline-scrubber"
            min={t.startTick}
            max={t.head}
            step={1}
            value={now}
            onChange={(e) => t.seek(Number(e.target.value))}
          />
          <button type="button" data-testid="timeline-forward" onClick={() => t.stepForward()} disabled={t.at === null}>
            0.1 s ▶
          </button>
          <span className="timeline-clock" data-testid="timeline-clock">
            {clockOf(now)} / {clockOf(t.head)}
          </span>
          <button
            type="button"
            data-testid="timeline-replay"
            onClick={() => (t.replaying ? t.stopReplay() : t.replayLast())}
            disabled={t.head <= t.startTick}
            aria-pressed={!!t.replaying}
            title={tr('tl.replayTitle')}
          >
            {t.replaying ? tr('tl.stop') : tr('tl.last30')}
          </button>
          <button type="button" data-testid="timeline-live" onClick={() => t.live()} disabled={t.at === null}>
            {tr('tl.live')}
          </button>
          {t.replaying ? (
            <small data-testid="timeline-replaying">
              {tr('tl.replaying', { from: clockOf(t.replaying.from), to: clockOf(t.replaying.to) })}
            </small>
          ) : (
            t.at !== null && <small>{tr('tl.lookingBack')}</small>
          )}
        </>
      )}
    </section>
  )
}
