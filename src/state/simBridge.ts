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
 * The `?street=` streets run in the worker (`?worker=0` keeps them on the page), the sandbox too with
 * `?worker=all`; levels and the lab, small worlds with a timeline and hand-ins, still run on the page.
 */
import type { Command, ContainerId, Result, ScaleSize, World } from '../sim'
import { applyDelta, putRooms, unpackRooms } from '../sim/mirror'
import type { FromWorker, ToWorker } from '../sim/mirror'
import { markMirror, noteMirrorRooms } from './roomIndex'

/**
 * Which runs go to the simulation worker: `?street=` streets by default (`?worker=0` or `off`: none);
 * the sandbox only when asked (`?worker=all`), until its browser tests pass with it. Levels, the lab and
 * lessons stay on the page (their progress, timeline and hand-ins read the world every step).
 */
export function workerWanted(
  kind: 'street' | 'sandbox' = 'street',
  search: string = typeof location === 'undefined' ? '' : location.search,
): boolean {
  if (typeof Worker === 'undefined') return false
  const v = new URLSearchParams(search).get('worker')
  if (v === '0' || v === 'off') return false
  return kind === 'street' ? true : v === 'all'
}

export interface BridgeEvents {
  /**
   * The worker sent the built street (no rooms yet), its settled rooms, or a batch of changes; `world`
   * is the mirror.
   */
  changed: (world: World, kind: 'snapshot' | 'settled' | 'batch') => void
}

/** The answer to a command the worker will never apply: its street was closed or replaced. */
const CLOSED: Result = { ok: false, metaphor: 'That street is closed.', technical: 'the simulation worker was stopped' }

/** The worker to talk to: the real one in a browser; a unit test passes one wired to simHost. */
export interface WorkerLike {
  postMessage(m: ToWorker): void
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null
  terminate(): void
}

const realWorker = (): WorkerLike => new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module' }) as WorkerLike

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

  /** The commands sent and not yet answered, by sequence number. */
  private answers = new Map<number, (r: Result) => void>()

  constructor(
    private readonly on: BridgeEvents,
    private readonly makeWorker: () => WorkerLike = realWorker,
  ) {}

  get active(): boolean {
    return this.worker !== null
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
    this.mirror = placeholder
    this.waiting = true
    this.owedMs = 0
    this.post({ t: 'street', run: this.run, size })
  }

  /** Hand a world built on the page to the worker; the page keeps it as the mirror (it arrives running). */
  startWorld(world: World): void {
    this.ensureWorker()
    this.closeAnswers()
    this.run += 1
    this.mirror = world
    markMirror(world)
    this.waiting = false
    this.owedMs = 0
    this.post({ t: 'world', run: this.run, world })
  }

  stop(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    this.closeAnswers()
    this.worker?.terminate()
    this.worker = null
    this.mirror = null
    this.waiting = false
    this.owedMs = 0
  }

  /** Real time passed at this speed; sent at once, or added to the next message if one is on its way. */
  advance(realMs: number, speed: number): void {
    this.owedMs = Math.min(1000, this.owedMs + realMs)
    this.owedSpeed = speed
    this.flush()
  }

  stepOnce(): void {
    this.post({ t: 'stepOnce', run: this.run })
  }

  /** Send a command; the promise settles with the world's Result once the worker has applied it. */
  command(command: Command): Promise<Result> {
    if (!this.worker) return Promise.resolve(CLOSED)
    this.seq += 1
    const seq = this.seq
    const answer = new Promise<Result>((resolve) => this.answers.set(seq, resolve))
    this.post({ t: 'command', run: this.run, seq, command })
    return answer
  }

  private closeAnswers(): void {
    const open = [...this.answers.values()]
    this.answers.clear()
    for (const resolve of open) resolve(CLOSED)
  }

  watch(ids: ContainerId[]): void {
    this.post({ t: 'watch', ids })
  }

  private flush(): void {
    if (this.waiting || this.owedMs <= 0 || !this.worker) return
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
    this.post({ t: 'advance', run: this.run, realMs: this.owedMs, speed: this.owedSpeed })
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
      applyDelta(this.mirror, m.delta)
      // The page's index of rooms by house (roomIndex.ts) follows what changed.
      noteMirrorRooms(this.mirror, m.delta.containers.put, m.delta.containers.gone)
    }
    if (m.t === 'settled') {
      this.lastBatch.settleMs = m.settleMs
      this.lastBatch.roomsAtMs = performance.now()
    } else if (m.t === 'batch') {
      this.lastBatch.steps = m.steps
      this.lastBatch.stepMs = m.stepMs
      this.waiting = false
    }
    if (m.t !== 'result' || m.delta) this.on.changed(this.mirror, m.t === 'settled' ? 'settled' : 'batch')
    if (m.t === 'result') {
      const resolve = this.answers.get(m.seq)
      this.answers.delete(m.seq)
      resolve?.(m.result)
    }
    this.flush()
  }
}
