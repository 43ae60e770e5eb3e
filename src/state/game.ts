/**
 * The running game: a sim World, the clock, the current level, and dispatch.
 * The world is mutated in place by the simulation (fast at 150,000 pods); `version` changes once
 * per batch of ticks so React re-renders at most ~10 times a second, never once per frame.
 */
import { create } from 'zustand'
import { apply, buildScaleWorld, createWorld, hashWorld, LAB_SIDES, labPreset, SCALE_SIZES, settle, step, STEP_MS } from '../sim'
import type { Command, LabSides, Result, World } from '../sim'
import { commandSchema, INCIDENT_TYPES, initialProgress, startLevel, updateProgress } from '../levels'
import type { Level, LevelProgress, LoggedCommand } from '../levels'
import { classLevelStart } from './settings'
import { realWorker, SimBridge, workerWanted } from './simBridge'
import type { RunKind, WorkerLike } from './simBridge'
import { useUi } from './ui'

/** 'lesson': a classroom lesson step's world, built by the lesson and played step by step (no HUD, no level). */
export type Mode = 'menu' | 'level' | 'sandbox' | 'lesson'
export const SPEEDS = [1, 2, 4, 8] as const
export type Speed = (typeof SPEEDS)[number]

export interface GameState {
  mode: Mode
  world: World
  /** Bumped whenever the world changes; components select it to re-render. */
  version: number
  level: Level | null
  progress: LevelProgress
  paused: boolean
  speed: Speed
  /** Real milliseconds not yet turned into simulation steps. */
  carryMs: number
  /**
   * A batch of steps stops when the world reaches this tick (a teacher's planned incident is due then),
   * the rest carried to the next frame, so the page acts at that exact moment. Null: no stop.
   */
  breakAtTick: number | null
  /** The last rejected command's reason, for the HUD to show. */
  lastRejection: (Result & { ok: false }) | null
  /** The VM-vs-container lab this sandbox street was built for (null for any other street). */
  lab: { n: number; sides: LabSides } | null
  /** Every command the player's dispatch applied in this run, with the tick it happened at (a hand-in replays it). */
  commandLog: LoggedCommand[]
  /**
   * The world lives in the simulation worker (every run, unless `?worker=0`): `world` is then a read-only
   * mirror and `dispatch` answers provisionally (simBridge.ts). 'building' until a street built there arrives.
   */
  remote: 'building' | 'running' | null
  /**
   * `world` is the whole world: on the page, or the exact mirror of a small world in the worker (a level, the lab,
   * a lesson, the sandbox); false for a `?street=` street in the worker (its mirror lacks the rooms' per-step numbers).
   */
  exact: boolean
  /**
   * The worker's street is on the page (houses and apps) but its rooms are still being placed there;
   * they arrive together once every pod runs. Commands sent meanwhile wait in the worker.
   */
  settling: boolean

  startLevel: (level: Level) => void
  startSandbox: (seed?: number) => void
  /** A sandbox street at one of the benchmark sizes (S, M, L), every pod already running. */
  startStreet: (size: keyof typeof SCALE_SIZES) => void
  /** A fresh sandbox street running the VM-vs-container lab with n of each, clock running (n = 0: the empty lab). */
  startLab: (n: number) => void
  /** A saved street brought back: a new sandbox run on the page (paused), whatever ran before (a worker's street stops). */
  loadWorld: (world: World) => void
  /** Show a classroom lesson step's world (built from the lesson), clock paused. */
  showLessonWorld: (world: World) => void
  toMenu: () => void
  /**
   * The teacher's incident remote: an incident (INCIDENT_TYPES) applied whatever the level's
   * palette, logged as the teacher's (a hand-in replays it too).
   */
  incident: (command: Command) => Result
  /**
   * Dispatch a command from the player. Checked against its schema and the level's palette. On a
   * street in the worker the answer is provisional (`{ ok: true }` once sent; a refusal arrives as
   * lastRejection): use dispatchAsync for the world's own verdict.
   */
  dispatch: (command: unknown) => Result
  /** Dispatch, answered with the world's own Result: at once on the page, when the worker has applied it on a street there. */
  dispatchAsync: (command: unknown) => Promise<Result>
  setPaused: (paused: boolean) => void
  togglePaused: () => void
  setSpeed: (speed: Speed) => void
  /** Run one fixed step (the "step" button). */
  stepOnce: () => void
  /** Show an earlier moment of this run (the timeline): its world and progress, paused; the command log keeps what came before it. */
  restoreMoment: (world: World, progress: LevelProgress) => void
  /** Advance by real elapsed time × speed, in fixed steps. Called by the clock driver. */
  advance: (realMs: number) => void
  hash: () => string
}

const SANDBOX_SEED = 7
const LAB_SEED = 1
/** The lab's N: a handful to a few dozen (the houses hold 104 apartments and 640 rooms). */
export const LAB_MAX_N = 50

/** The starting street of the sandbox: two houses, a Linux and a Windows kit, two apps to play with. */
export const SANDBOX_SETUP: Command[] = [
  { type: 'addHost', name: '1', zone: 'a', cores: 16, memMiB: 65536, costPerHour: 1.2 },
  { type: 'addHost', name: '2', zone: 'b', cores: 16, memMiB: 65536, costPerHour: 1.2 },
  { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 180 },
  { type: 'addImage', id: 'ledger', ref: 'ledger:2003', sizeMiB: 900, os: 'windows' },
  {
    type: 'addApp',
    id: 'shop',
    name: 'shop',
    imageId: 'web',
    cpuRequestMilli: 500,
    memRequestMiB: 512,
    rps: 200,
    capacityRps: 100,
    replicas: 3,
  },
  {
    type: 'addApp',
    id: 'ledger',
    name: 'ledger',
    imageId: 'ledger',
    cpuRequestMilli: 1000,
    memRequestMiB: 1024,
    rps: 20,
    capacityRps: 50,
    replicas: 1,
  },
]

function sandboxWorld(seed: number): World {
  const world = createWorld(seed)
  for (const c of SANDBOX_SETUP) apply(world, c)
  return world
}

/** Reject text when a command is not allowed in this level. */
function notInPalette(type: string): Result & { ok: false } {
  return { ok: false, metaphor: `That action is not available in this level.`, technical: `command ${type} is not in this level's palette` }
}

/** What a new run sets, whatever kind it is: the one place a run (level, sandbox, lab, street) starts. */
type RunStart = Pick<GameState, 'mode' | 'world'> & Partial<Pick<GameState, 'level' | 'paused' | 'speed' | 'lab'>>

function freshRun(s: GameState, run: RunStart): Partial<GameState> {
  bridge.stop()
  return {
    level: null,
    lab: null,
    paused: true,
    speed: 1,
    ...run,
    progress: initialProgress(),
    carryMs: 0,
    lastRejection: null,
    commandLog: [],
    remote: null,
    exact: true,
    settling: false,
    version: s.version + 1,
  }
}

/**
 * A world built on the page goes to the simulation worker (unless `?worker=0`): the page keeps it as the exact
 * mirror; a level's objectives are checked there after every step. Call after freshRun (which stops the last run).
 */
function toWorker(kind: RunKind, world: World, level: Level | null = null): Partial<GameState> {
  if (!wanted(kind)) return {}
  bridge.startWorld(world, level ? { level, progress: initialProgress() } : null)
  return { remote: 'running', exact: true }
}

/** A unit test's worker (simHost wired straight to the bridge), or null: the real one, as the URL says (workerWanted). */
let testWorker: (() => WorkerLike) | null = null
const wanted = (kind: RunKind): boolean => (testWorker ? true : workerWanted(kind))

/** Unit tests: every run from now plays in this worker (null: back to the URL's choice; none in Node). */
export function runInWorker(make: (() => WorkerLike) | null): void {
  testWorker = make
}

/** No batch of the worker on its way and every command answered (true when nothing runs there). */
export const workerIdle = (): boolean => !bridge.active || bridge.idle

/** Every command (and single step) sent to the worker has been answered, its effect in `world` (true when nothing runs there). */
export const workerAnswered = (): boolean => !bridge.active || bridge.answered

/** The simulation worker, when a run plays there; a new run replaces the last. */
const bridge = new SimBridge(
  {
    changed: (world, kind, judged) =>
      useGame.setState((s) => {
        // A level in the worker: its progress after the batch; the clock stops when it ends, as on the page.
        const progress = judged as LevelProgress | undefined
        return {
          world,
          version: s.version + 1,
          remote: 'running',
          settling: kind === 'snapshot' ? true : kind === 'settled' ? false : s.settling,
          ...(progress ? { progress, paused: progress.outcome !== 'playing' ? true : s.paused } : {}),
        }
      }),
  },
  () => (testWorker ?? realWorker)(),
)

/** The worker's answer to a player's command: a refusal shows as the HUD's lastRejection, as on the page. */
async function answered(command: Command, by?: 'teacher'): Promise<Result> {
  const r = await bridge.command(command)
  useGame.setState((s) => ({
    version: s.version + 1,
    lastRejection: r.ok ? (by ? s.lastRejection : null) : r,
    commandLog: r.ok ? [...s.commandLog, { tick: s.world.tick, command, ...(by ? { by } : {}) }] : s.commandLog,
  }))
  return r
}

/** What a command sent to the worker answers at once (its own answer follows: dispatchAsync). */
const SENT: Result = { ok: true }
const NOT_BUILT: Result = { ok: false, metaphor: 'The street is still being built.', technical: 'world not ready' }

/** The checks every player command passes on the page first: a command of the game, in a level still playing. */
function precheck(command: unknown, outcome: LevelProgress['outcome'], set: (p: Partial<GameState>) => void): Result | Command {
  const parsed = commandSchema.safeParse(command)
  if (!parsed.success) {
    const t = (command as { type?: unknown } | null)?.type
    const r: Result = {
      ok: false,
      metaphor: `Unknown or malformed action "${String(t)}".`,
      technical: `rejected command: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    }
    set({ lastRejection: r })
    return r
  }
  if (outcome !== 'playing') return { ok: false, metaphor: 'The level is over.', technical: 'level finished' }
  return parsed.data
}

const isResult = (x: Result | Command): x is Result => 'ok' in x

/** A command the level does not offer: refused on the page, before it goes to the worker. */
function outOfPalette(level: Level | null, cmd: Command, set: (p: Partial<GameState>) => void): Result | null {
  if (!level || level.palette.includes(cmd.type)) return null
  const r = notInPalette(cmd.type)
  set({ lastRejection: r })
  return r
}

/** The rooms the worker sends every number of: the selected one. */
useUi.subscribe((ui, before) => {
  if (!bridge.active || ui.selection === before.selection) return
  bridge.watch(ui.selection?.kind === 'container' ? [ui.selection.id] : [])
})

/** The worker's own timings of its last batch (for the test handle and the browser benchmark). */
export const workerFigures = (): SimBridge['lastBatch'] | null => (bridge.active ? { ...bridge.lastBatch } : null)

export const useGame = create<GameState>()((set, get) => ({
  mode: 'menu',
  world: createWorld(SANDBOX_SEED),
  version: 0,
  level: null,
  progress: initialProgress(),
  paused: true,
  speed: 1,
  carryMs: 0,
  breakAtTick: null,
  lastRejection: null,
  lab: null,
  commandLog: [],
  remote: null,
  exact: true,
  settling: false,

  startLevel: (chosen) => {
    // The teacher's settings (a class seed, paused or running, a start speed) apply to every level start.
    const { level, paused, speed } = classLevelStart(chosen)
    const world = startLevel(level)
    set((s) => ({ ...freshRun(s, { mode: 'level', level, world, paused, speed }), ...toWorker('level', world, level) }))
  },

  startSandbox: (seed = SANDBOX_SEED) => {
    const world = sandboxWorld(seed)
    set((s) => ({ ...freshRun(s, { mode: 'sandbox', world }), ...toWorker('sandbox', world) }))
  },

  loadWorld: (world) => {
    useUi.getState().select(null)
    set((s) => ({ ...freshRun(s, { mode: 'sandbox', world }), speed: s.speed, ...toWorker('sandbox', world) }))
  },

  startLab: (n) => {
    // n = 0 builds the two empty lab houses: the player picks N in the lab panel and presses Run.
    const size = Math.max(0, Math.min(LAB_MAX_N, Math.floor(n) || 0))
    const world = createWorld(LAB_SEED)
    for (const c of labPreset(size)) apply(world, c)
    // The lab runs at once (the player pressed Run); a rerun keeps the speed the player chose.
    set((s) => ({
      ...freshRun(s, {
        mode: 'sandbox',
        world,
        paused: size === 0,
        speed: s.mode === 'sandbox' ? s.speed : 1,
        lab: { n: size, sides: LAB_SIDES },
      }),
      ...toWorker('lab', world),
    }))
  },

  startStreet: (size) => {
    if (wanted('street')) {
      // Built in the worker; until its snapshot arrives the street is empty (and paused).
      const placeholder = createWorld(SANDBOX_SEED)
      set((s) => ({ ...freshRun(s, { mode: 'sandbox', world: placeholder }), remote: 'building', exact: false }))
      bridge.startStreet(size, placeholder)
      return
    }
    const { hosts, pods } = SCALE_SIZES[size]
    const world = settle(buildScaleWorld(hosts, pods))
    set((s) => freshRun(s, { mode: 'sandbox', world }))
  },

  showLessonWorld: (world) => set((s) => ({ ...freshRun(s, { mode: 'lesson', world }), ...toWorker('lesson', world) })),

  toMenu: () => {
    bridge.stop()
    set((s) => ({ mode: 'menu', level: null, paused: true, remote: null, settling: false, version: s.version + 1 }))
  },

  incident: (command) => {
    const { world, progress } = get()
    if (!INCIDENT_TYPES.includes(command.type))
      return { ok: false, metaphor: 'Not an incident.', technical: `${command.type} is not an incident` }
    if (progress.outcome !== 'playing') return { ok: false, metaphor: 'The level is over.', technical: 'level finished' }
    // A street in the worker: the incident goes there like any command (answered provisionally; a refusal follows).
    if (get().remote === 'running') {
      void answered(command, 'teacher')
      return SENT
    }
    if (get().remote) return NOT_BUILT
    const r = apply(world, command)
    set((s) => ({
      version: s.version + 1,
      commandLog: r.ok ? [...s.commandLog, { tick: world.tick, command, by: 'teacher' as const }] : s.commandLog,
    }))
    return r
  },

  dispatch: (command) => {
    const { level, world, progress, remote } = get()
    const cmd = precheck(command, progress.outcome, set)
    if (isResult(cmd)) return cmd
    if (remote) {
      // In the worker: sent, answered provisionally; its own answer (a refusal as lastRejection) follows.
      if (remote === 'building') return NOT_BUILT
      const refused = outOfPalette(level, cmd, set)
      if (refused) return refused
      void answered(cmd)
      return SENT
    }
    const r = level && !level.palette.includes(cmd.type) ? notInPalette(cmd.type) : apply(world, cmd)
    set((s) => ({
      version: s.version + 1,
      lastRejection: r.ok ? null : r,
      commandLog: r.ok ? [...s.commandLog, { tick: world.tick, command: cmd }] : s.commandLog,
    }))
    return r
  },

  dispatchAsync: async (command) => {
    const { progress, remote } = get()
    if (!remote) return get().dispatch(command)
    const cmd = precheck(command, progress.outcome, set)
    if (isResult(cmd)) return cmd
    if (remote === 'building') return NOT_BUILT
    return outOfPalette(get().level, cmd, set) ?? answered(cmd)
  },

  setPaused: (paused) => {
    // In the worker: a batch on its way is dropped, so the paused world is the one on screen.
    if (paused) bridge.halt()
    set({ paused, carryMs: 0 })
  },
  togglePaused: () => get().setPaused(!get().paused),
  setSpeed: (speed) => set({ speed }),

  restoreMoment: (world, progress) => {
    // In the worker: this moment is handed to it before it is next asked to step or act.
    if (get().remote === 'running') bridge.adopt(world, progress)
    set((s) => ({
      world,
      progress,
      paused: true,
      carryMs: 0,
      lastRejection: null,
      commandLog: s.commandLog.filter((c) => c.tick <= world.tick),
      version: s.version + 1,
    }))
  },

  stepOnce: () => {
    const { world, level, progress } = get()
    if (progress.outcome !== 'playing') return
    if (get().remote) {
      if (get().remote === 'running') bridge.stepOnce()
      return
    }
    step(world, STEP_MS)
    set((s) => ({ version: s.version + 1, progress: level ? updateProgress(level, world, progress) : progress }))
  },

  advance: (realMs) => {
    const { paused, world, speed, carryMs, level } = get()
    let progress = get().progress
    if (paused || progress.outcome !== 'playing') return
    if (get().remote) {
      // The worker steps; the mirror and the version follow when its batch arrives.
      if (get().remote === 'running') bridge.advance(realMs, speed, get().breakAtTick)
      return
    }
    // Never try to catch up more than a second of real time (a backgrounded tab, a debugger pause).
    let budget = carryMs + Math.min(realMs, 1000) * speed
    let ticks = 0
    const breakAt = get().breakAtTick
    while (budget >= STEP_MS) {
      if (breakAt !== null && world.tick === breakAt && ticks > 0) break
      step(world, STEP_MS)
      budget -= STEP_MS
      ticks++
      if (level) {
        progress = updateProgress(level, world, progress)
        if (progress.outcome !== 'playing') {
          budget = 0
          break
        }
      }
    }
    set((s) => ({
      carryMs: budget,
      version: ticks > 0 ? s.version + 1 : s.version,
      progress,
      paused: progress.outcome !== 'playing' ? true : s.paused,
    }))
  },

  hash: () => hashWorld(get().world),
}))
