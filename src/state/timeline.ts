/**
 * The timeline's store: records the running level or sandbox street (commands from the command
 * log, a snapshot every 5 s of world time, see src/sim/timeline.ts) and moves the game to any
 * earlier moment exactly. In the simulation worker it records the page's exact mirror, and an earlier
 * moment, rebuilt here, is handed to the worker (game.ts restoreMoment). Going back and then playing or acting forgets the old future.
 */
import { create } from 'zustand'
import { createTimeline, recordCommand, recordTick, STEP_MS, stepRecorded, truncateAfter, worldAt } from '../sim'
import { containerList } from '../sim/containerIndex'
import type { Timeline, World } from '../sim'
import { updateProgress } from '../levels'
import type { LevelProgress, LoggedCommand } from '../levels'
import { useGame } from './game'

/**
 * Streets bigger than this are not recorded: a snapshot copies the whole world on the page every 5 s of world time
 * (at 8x, 10,000 rooms took ~300 ms a copy, 2.8 s of every 10 s: the page froze). A street that grows past it while
 * recorded (a sandbox scaled up) stops recording and drops what it recorded.
 */
export const TIMELINE_MAX_ROOMS = 3000

/** Why the timeline is not recording (the HUD says it in words): nothing runs, a street in the worker, too big, grew too big. */
export type TimelineOff = 'idle' | 'worker' | 'tooBig' | 'grew'

/** "Replay the last 30 s": how far back the replay starts (world time). */
export const REPLAY_LAST_MS = 30_000

export interface TimelineState {
  /** Whether this run is being recorded, and why not (null while it is). */
  enabled: boolean
  why: TimelineOff | null
  startTick: number
  head: number
  /** The tick shown when looking at the past; null when live. */
  at: number | null
  seek: (tick: number) => void
  stepBack: () => void
  stepForward: () => void
  live: () => void
  /** Playing the recent past forward: from and to (ticks); null when not replaying. */
  replaying: { from: number; to: number } | null
  /**
   * Go back REPLAY_LAST_MS (or to the start) and play forward to the present at the game's speed,
   * every moment rebuilt from the timeline. Playing (Space) or acting during it carries on from there.
   */
  replayLast: () => void
  stopReplay: () => void
}

let tl: Timeline<LevelProgress> | null = null
let seen: { world: World | null; tick: number; log: number } = { world: null, tick: -1, log: 0 }
let restoring = false
/** The run's whole command log while looking at the past (the game's log shows only what came before the moment). */
let fullLog: LoggedCommand[] | null = null
let replayTimer: ReturnType<typeof setInterval> | null = null
/** Whether the clock was running when the present was last left for the past: Live starts it again. */
let ranBeforeLookingBack = false

function progressOnTick(): (w: World, p: LevelProgress) => LevelProgress {
  const { level } = useGame.getState()
  return (w, p) => (level ? updateProgress(level, w, p) : p)
}

export const useTimeline = create<TimelineState>()((set, get) => {
  /** Put this moment (a fresh world, not kept by the caller) on screen, paused, with the commands up to it. */
  const display = (world: World, extra: LevelProgress) => {
    if (!tl) return
    const g = useGame.getState()
    fullLog ??= g.commandLog
    restoring = true
    g.restoreMoment(world, extra)
    useGame.setState({ commandLog: fullLog.filter((c) => c.tick <= world.tick) })
    restoring = false
    seen = { world, tick: world.tick, log: useGame.getState().commandLog.length }
    const live = world.tick >= tl.head
    if (live) fullLog = null
    set({ at: live ? null : world.tick })
  }
  /** Leaving the present (not already looking back): remember whether the clock ran. */
  const leaving = () => {
    if (get().at === null && !get().replaying) ranBeforeLookingBack = !useGame.getState().paused
  }
  const show = (tick: number) => {
    if (!tl) return
    leaving()
    stop()
    const { world, extra } = worldAt(tl, tick, progressOnTick())
    display(world, extra)
  }
  const stop = () => {
    if (replayTimer !== null) clearInterval(replayTimer)
    replayTimer = null
    if (get().replaying) set({ replaying: null })
  }
  return {
    replaying: null,
    stopReplay: stop,
    replayLast: () => {
      if (!tl) return
      leaving()
      stop()
      const timeline = tl
      const to = timeline.head
      const from = Math.max(timeline.snapshots[0]!.tick, to - Math.round(REPLAY_LAST_MS / STEP_MS))
      const onTick = progressOnTick()
      const start = worldAt(timeline, from, onTick)
      display(structuredClone(start.world), start.extra)
      let world = start.world
      let extra = start.extra
      set({ replaying: { from, to } })
      // Ten times a second, as many ticks as the game's speed: the past plays at the speed the class chose.
      replayTimer = setInterval(() => {
        const g = useGame.getState()
        // Played or acted on (the moment moved under us), or a new run: the replay ends where it is.
        if (tl !== timeline || !g.paused || g.world.tick !== world.tick) return stop()
        for (let k = 0; k < g.speed && world.tick < to; k++) extra = stepRecorded(timeline, world, extra, onTick)
        const done = world.tick >= to
        display(done ? world : structuredClone(world), done ? extra : structuredClone(extra))
        if (done) stop()
      }, 100)
    },
    enabled: false,
    why: 'idle',
    startTick: 0,
    head: 0,
    at: null,
    seek: (tick) => show(Math.round(tick)),
    stepBack: () => show((get().at ?? get().head) - 1),
    stepForward: () => show((get().at ?? get().head) + 1),
    // Back to the present; the clock runs again if it ran before looking back.
    live: () => {
      const resume = ranBeforeLookingBack && get().at !== null
      show(get().head)
      if (resume && get().at === null) useGame.getState().setPaused(false)
    },
  }
})

/** Follow the game: a new run starts a timeline; ticks and commands are recorded. Returns the unsubscribe. */
export function attachTimeline(): () => void {
  return useGame.subscribe((s) => {
    if (restoring) return
    // A small world in the simulation worker is recorded from its exact mirror (the world itself); a `?street=` street
    // there is not (the page holds only what a player sees of it). Going back hands the moment to the worker (restoreMoment).
    const recordable = (s.mode === 'level' || s.mode === 'sandbox') && s.exact
    if (s.world !== seen.world) {
      fullLog = null
      useTimeline.getState().stopReplay()
      const rooms = Object.keys(s.world.containers).length
      const ok = recordable && rooms <= TIMELINE_MAX_ROOMS
      tl = ok ? createTimeline(s.world, s.progress) : null
      seen = { world: s.world, tick: s.world.tick, log: s.commandLog.length }
      useTimeline.setState({
        enabled: ok,
        why: ok ? null : recordable ? 'tooBig' : !s.exact ? 'worker' : 'idle',
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
    // Grown past what a snapshot can copy without freezing the page: recording stops, and its past goes with it.
    if (containerList(s.world).length > TIMELINE_MAX_ROOMS) {
      tl = null
      fullLog = null
      useTimeline.getState().stopReplay()
      useTimeline.setState({ enabled: false, why: 'grew', at: null })
      return
    }
    // Acting or playing from an earlier moment: that moment becomes the end of the timeline.
    if (at !== null) {
      truncateAfter(tl, at)
      fullLog = null
    }
    for (const c of s.commandLog.slice(seen.log)) recordCommand(tl, c.tick, c.command)
    if (moved) recordTick(tl, s.world, s.progress)
    seen = { world: s.world, tick: s.world.tick, log: s.commandLog.length }
    useTimeline.setState({ head: tl.head, at: null })
  })
}
