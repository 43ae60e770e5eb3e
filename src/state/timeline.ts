/**
 * The timeline's store: records the running level or sandbox street (commands from the command
 * log, a snapshot every 5 s of world time, see src/sim/timeline.ts) and moves the game to any
 * earlier moment exactly. Going back and then playing or acting forgets the old future.
 */
import { create } from 'zustand'
import { createTimeline, recordCommand, recordTick, truncateAfter, worldAt } from '../sim'
import type { Timeline, World } from '../sim'
import { updateProgress } from '../levels'
import type { LevelProgress } from '../levels'
import { useGame } from './game'

/** Streets bigger than this are not recorded (a snapshot copies the whole world). */
export const TIMELINE_MAX_ROOMS = 3000

export interface TimelineState {
  /** Whether this run is being recorded, and why not. */
  enabled: boolean
  why: string
  startTick: number
  head: number
  /** The tick shown when looking at the past; null when live. */
  at: number | null
  seek: (tick: number) => void
  stepBack: () => void
  stepForward: () => void
  live: () => void
}

let tl: Timeline<LevelProgress> | null = null
let seen: { world: World | null; tick: number; log: number } = { world: null, tick: -1, log: 0 }
let restoring = false

export const useTimeline = create<TimelineState>()((set, get) => {
  const show = (tick: number) => {
    if (!tl) return
    const { level } = useGame.getState()
    const { world, extra } = worldAt(tl, tick, (w, p) => (level ? updateProgress(level, w, p) : p))
    restoring = true
    useGame.getState().restoreMoment(world, extra)
    restoring = false
    seen = { world, tick: world.tick, log: useGame.getState().commandLog.length }
    set({ at: world.tick >= tl.head ? null : world.tick })
  }
  return {
    enabled: false,
    why: 'nothing is playing',
    startTick: 0,
    head: 0,
    at: null,
    seek: (tick) => show(Math.round(tick)),
    stepBack: () => show((get().at ?? get().head) - 1),
    stepForward: () => show((get().at ?? get().head) + 1),
    live: () => show(get().head),
  }
})

/** Follow the game: a new run starts a timeline; ticks and commands are recorded. Returns the unsubscribe. */
export function attachTimeline(): () => void {
  return useGame.subscribe((s) => {
    if (restoring) return
    // A street whose world lives in the simulation worker is not recorded here (the page holds only a mirror).
    const recordable = (s.mode === 'level' || s.mode === 'sandbox') && !s.remote
    if (s.world !== seen.world) {
      const rooms = Object.keys(s.world.containers).length
      const ok = recordable && rooms <= TIMELINE_MAX_ROOMS
      tl = ok ? createTimeline(s.world, s.progress) : null
      seen = { world: s.world, tick: s.world.tick, log: s.commandLog.length }
      useTimeline.setState({
        enabled: ok,
        why: ok
          ? ''
          : recordable
            ? `over ${TIMELINE_MAX_ROOMS.toLocaleString('en')} rooms`
            : s.remote
              ? 'the street runs in the simulation worker'
              : 'nothing is playing',
        startTick: s.world.tick,
        head: s.world.tick,
        at: null,
      })
      return
    }
    if (!tl) return
    const at = useTimeline.getState().at
    const moved = s.world.tick !== seen.tick
    const acted = s.commandLog.length > seen.log
    if (!moved && !acted) return
    // Acting or playing from an earlier moment: that moment becomes the end of the timeline.
    if (at !== null) truncateAfter(tl, at)
    for (const c of s.commandLog.slice(seen.log)) recordCommand(tl, c.tick, c.command)
    if (moved) recordTick(tl, s.world, s.progress)
    seen = { world: s.world, tick: s.world.tick, log: s.commandLog.length }
    useTimeline.setState({ head: tl.head, at: null })
  })
}
