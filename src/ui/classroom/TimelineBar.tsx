/**
 * The timeline under the scene (U shows or hides it; the , key opens it and goes one tick back): a scrubber over the run so far, one tick
 * back (, key) and forward, and Live. Every moment is rebuilt exactly from snapshots and commands.
 */
import { useEffect, useState } from 'react'
import { STEP_MS } from '../../sim'
import { useGame, useTimeline } from '../../state'
import { isTyping } from '../keys'
import './timeline.css'

const clock = (tick: number) => {
  const s = (tick * STEP_MS) / 1000
  return `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`
}

export function TimelineBar() {
  const [open, setOpen] = useState(false)
  const t = useTimeline()
  const over = useGame((s) => !!s.level && s.progress.outcome !== 'playing')
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      if (e.key === 'u' || e.key === 'U') {
        setOpen((o) => !o)
        e.preventDefault()
      } else if (e.key === ',' && useTimeline.getState().enabled) {
        setOpen(true)
        useGame.getState().setPaused(true)
        useTimeline.getState().stepBack()
        e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  if (!open || over) return null
  const now = t.at ?? t.head
  return (
    <div className="timeline-bar" role="group" aria-label="Timeline" data-testid="timeline-bar">
      {!t.enabled ? (
        <span>Timeline off: {t.why}.</span>
      ) : (
        <>
          <button
            type="button"
            data-testid="timeline-back"
            onClick={() => t.stepBack()}
            disabled={now <= t.startTick}
            title="One tick back (,)"
          >
            ◀ 0.1 s
          </button>
          <input
            type="range"
            aria-label="Moment of the run"
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
            {clock(now)} / {clock(t.head)}
          </span>
          <button type="button" data-testid="timeline-live" onClick={() => t.live()} disabled={t.at === null}>
            Live
          </button>
          {t.at !== null && <small>Looking back: playing or acting goes on from here.</small>}
        </>
      )}
    </div>
  )
}
