/**
 * The page's side of the simulation worker (src/worker/simHost.ts, run by src/worker/simWorker.ts).
 * While a big street runs in the worker, the store's `world` is a read-only mirror kept up to date
 * from the deltas the worker sends (src/sim/mirror.ts), so every component keeps reading `world` as
 * before; the page's main thread only applies what changed and never runs a step.
 *
 * Commands: `command` answers with a promise of the world's own Result, settled when the worker's
 * answer arrives (with what the command changed, already in the mirror by then). A command the
 * worker can no longer answer (the street was closed or replaced) is answered with a refusal.
 *
 * Every run plays in the worker by default (`?worker=0` or `off` keeps them all on the page): the `?street=`
 * streets, built there, with a mirror of what a player sees; and the worlds built on the page (levels, the lab,
 * lessons, the sandbox), small, with an exact mirror (every delta makes it the worker's world itself, the same
 * hashWorld), so the page's objective checks, timeline and hand-ins read it as they read a world on the page.
 * A level's objectives are checked by the worker after every step, as the page's clock does.
 *
 * Pausing while a batch is on its way drops that batch: the worker takes the page's mirror back (and the
 * commands not yet answered again), so a paused world is the one on screen, as on the page.
 */
import type { Command, ContainerId, Result, ScaleSize, World } from '../sim'
import { applyDelta, putRooms, unpackRooms } from '../sim/mirror'
import type { FromWorker, Judged, ToWorker } from '../sim/mirror'
import { markMirror, noteMirrorRooms } from './roomIndex'

/** The kinds of run: a `?street=` street (built in the worker) or a world built on the page. */
export type RunKind = 'street' | 'sandbox' | 'level' | 'lab' | 'lesson'

/** Which runs go to the simulation worker: all of them by default; `?worker=0` or `off`: none (everything on the page). */
export function workerWanted(_kind: RunKind = 'street', search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  if (typeof Worker === 'undefined') return false
  const v = new URLSearchParams(search).get('worker')
  return v !== '0' && v !== 'off'
}

export interface BridgeEvents {
  /**
   * The worker sent the built street (no rooms yet), its settled rooms, or a batch of changes; `world`
   * is the mirror; `progress`: the level's progress after the batch, when a level is played.
   */
  changed: (world: World, kind: 'snapshot' | 'settled' | 'batch', progress?: unknown) => void
}

/** The answer to a command the worker will never apply: its street was closed or replaced. */
const CLOSED: Result = { ok: false, metaphor: 'That street is closed.', technical: 'the simulation worker was stopped' }

/** The worker to talk to: the real one in a browser; a unit test passes one wired to simHost. */
export interface WorkerLike {
  postMessage(m: ToWorker): void
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null
  terminate(): void
}

export const realWorker = (): WorkerLike => new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module' }) as WorkerLike

/** The least real time between two batches the page asks for. */
const MIN_BATCH_MS = 100

export class SimBridge {
  private worker: WorkerLike | null = null
  private run = 0
  private seq = 0
  /** A batch is on its way: real time piles up here instead of queueing messages. */
  private waiting = false
  private owedMs = 0
  private owedSpeed = 1
  private sentAt = -Infinity
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  mirror: World | null = null
  /** The worker's own figures for the last batch, for the test handle and the benchmark. */
  lastBatch = { steps: 0, stepMs: 0, buildMs: 0, settleMs: 0, roomsAtMs: null as number | null }
  /** A world built on the page (exact mirror), not a street built in the worker. */
  private small = false
  /** The level being played in the worker and the progress last known, sent again with the world when it is handed over. */
  private judged: Judged | null = null
  /** The mirror was replaced on the page (the timeline's earlier moment): handed to the worker before the next message. */
  private handOver = false

  /** The commands sent and not yet answered, by sequence number. */
  private answers = new Map<number, { command: Command; resolve: (r: Result) => void }>()

  constructor(
    private readonly on: BridgeEvents,
    private readonly makeWorker: () => WorkerLike = realWorker,
  ) {}

  /** A run is in the worker now. */
  get active(): boolean {
    return this.worker !== null && this.mirror !== null
  }

  private ensureWorker(): void {
    if (this.worker) return
    this.worker = this.makeWorker()
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data)
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m)
  }

  /** Build a street in the worker; the mirror arrives with the snapshot. */
  startStreet(size: ScaleSize['name'], placeholder: World): void {
    this.ensureWorker()
    this.closeAnswers()
    this.run += 1
    this.stepsOut = 0
    this.mirror = placeholder
    this.small = false
    this.judged = null
    this.handOver = false
    this.waiting = true
    this.owedMs = 0
    this.post({ t: 'street', run: this.run, size })
  }

  /**
   * Hand a world built on the page to the worker; the page keeps it as the mirror (it arrives running), exact:
   * after every batch it is the worker's world itself. `judged`: the level played, checked after every step.
   */
  startWorld(world: World, judged: Judged | null = null): void {
    this.ensureWorker()
    this.closeAnswers()
    this.small = true
    this.judged = judged
    this.mirror = world
    markMirror(world)
    this.sendWorld()
  }

  /** The world (and the level's progress) on the page is the truth from now: a new run of the worker starts from it. */
  private sendWorld(): void {
    this.run += 1
    this.stepsOut = 0
    this.handOver = false
    this.waiting = false
    this.owedMs = 0
    this.post({ t: 'world', run: this.run, world: this.mirror!, exact: true, judged: this.judged })
  }

  /**
   * An earlier moment of this run (the timeline) is shown: the page's world replaces the mirror, and goes to the
   * worker (with this progress) before anything else is asked of it; until then nothing from the worker applies.
   */
  adopt(world: World, progress?: unknown): void {
    if (!this.worker || !this.small) return
    this.mirror = world
    markMirror(world)
    if (this.judged && progress !== undefined) this.judged = { ...this.judged, progress }
    this.run += 1
    this.stepsOut = 0
    this.waiting = false
    this.owedMs = 0
    this.handOver = true
    this.resendAnswers()
  }

  /**
   * The clock paused: a batch on its way is dropped (the worker restarts from the mirror, the world on screen),
   * so a paused world does not move; commands not yet answered are sent again after it.
   */
  halt(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    this.owedMs = 0
    if (!this.worker || !this.small || !this.waiting) return
    this.sendWorld()
    this.resendAnswers()
  }

  private resendAnswers(): void {
    for (const [seq, { command }] of this.answers) this.post({ t: 'command', run: this.run, seq, command })
  }

  /** Every command and single step sent has been answered (a batch of the running clock may be on its way). */
  get answered(): boolean {
    return this.answers.size === 0 && this.stepsOut === 0
  }

  /** No batch on its way and every command answered. */
  get idle(): boolean {
    return !this.waiting && this.answers.size === 0 && this.owedMs === 0 && this.stepsOut === 0
  }

  stop(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    this.closeAnswers()
    // A street may be busy building for seconds: a new worker is quicker. A small world's worker is kept for the next run.
    if (!this.small) {
      this.worker?.terminate()
      this.worker = null
    }
    this.run += 1
    this.stepsOut = 0
    this.mirror = null
    this.judged = null
    this.handOver = false
    this.waiting = false
    this.owedMs = 0
  }

  /** Real time passed at this speed; sent at once, or added to the next message if one is on its way. */
  advance(realMs: number, speed: number, breakAt: number | null = null): void {
    this.owedMs = Math.min(1000, this.owedMs + realMs)
    this.owedSpeed = speed
    this.breakAt = breakAt
    this.flush()
  }
  private breakAt: number | null = null

  stepOnce(): void {
    if (!this.worker) return
    if (this.handOver) this.sendWorld()
    this.stepsOut += 1
    this.post({ t: 'stepOnce', run: this.run })
  }
  /** Single steps sent and not yet answered. */
  private stepsOut = 0

  /** Send a command; the promise settles with the world's Result once the worker has applied it. */
  command(command: Command): Promise<Result> {
    if (!this.worker) return Promise.resolve(CLOSED)
    if (this.handOver) this.sendWorld()
    this.seq += 1
    const seq = this.seq
    const answer = new Promise<Result>((resolve) => this.answers.set(seq, { command, resolve }))
    this.post({ t: 'command', run: this.run, seq, command })
    return answer
  }

  private closeAnswers(): void {
    const open = [...this.answers.values()]
    this.answers.clear()
    for (const { resolve } of open) resolve(CLOSED)
  }

  watch(ids: ContainerId[]): void {
    this.post({ t: 'watch', ids })
  }

  private flush(): void {
    if (this.waiting || this.owedMs <= 0 || !this.worker) return
    if (this.handOver) this.sendWorld()
    // At most ~10 batches a second, as on the page (game.ts): each one re-renders the HUD and the scene.
    const wait = this.sentAt + MIN_BATCH_MS - performance.now()
    if (wait > 0) {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null
        this.flush()
      }, wait)
      return
    }
    this.waiting = true
    this.sentAt = performance.now()
    this.post({ t: 'advance', run: this.run, realMs: this.owedMs, speed: this.owedSpeed, breakAt: this.breakAt })
    this.owedMs = 0
  }

  private receive(m: FromWorker): void {
    if (m.run !== this.run || !this.mirror) return
    if (m.t === 'error') {
      console.error(`simulation worker: ${m.message}`)
      this.waiting = false
      return
    }
    if (m.t === 'snapshot') {
      const fresh = m.world
      this.mirror = fresh
      markMirror(fresh)
      this.lastBatch.buildMs = m.buildMs
      this.lastBatch.roomsAtMs = null
      this.waiting = false
      this.on.changed(fresh, 'snapshot')
      return
    }
    if (m.t === 'rooms') {
      // Part of a big batch, taken in its own short task; the page re-renders when the batch is complete.
      const rooms = unpackRooms(m.rooms)
      putRooms(this.mirror, rooms)
      noteMirrorRooms(this.mirror, rooms, [])
      return
    }
    if (m.delta) {
      const patched = applyDelta(this.mirror, m.delta)
      // The page's index of rooms by house (roomIndex.ts) follows what changed.
      const put = m.delta.containers.put
      noteMirrorRooms(this.mirror, patched.length ? put.concat(patched) : put, m.delta.containers.gone)
    }
    let progress: unknown
    if (m.t === 'settled') {
      this.lastBatch.settleMs = m.settleMs
      this.lastBatch.roomsAtMs = performance.now()
    } else if (m.t === 'batch') {
      this.lastBatch.steps = m.steps
      this.lastBatch.stepMs = m.stepMs
      if (m.single) this.stepsOut = Math.max(0, this.stepsOut - 1)
      else this.waiting = false
      if (this.judged && m.progress !== undefined) {
        progress = m.progress
        this.judged = { ...this.judged, progress }
      }
    }
    if (m.t !== 'result' || m.delta) this.on.changed(this.mirror, m.t === 'settled' ? 'settled' : 'batch', progress)
    if (m.t === 'result') {
      const answer = this.answers.get(m.seq)
      this.answers.delete(m.seq)
      answer?.resolve(m.result)
    }
    this.flush()
  }
}
