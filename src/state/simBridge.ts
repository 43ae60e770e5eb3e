/**
 * The page's side of the simulation worker (src/worker/simWorker.ts). While a big street runs in
 * the worker, the store's `world` is a read-only mirror kept up to date from the deltas the worker
 * sends (src/worker/delta.ts), so every component keeps reading `world` as before; the page's main
 * thread only applies what changed and never runs a step.
 *
 * Commands: the store still checks a command's schema on the page and answers at once, but in the
 * worker the answer is provisional (`{ ok: true }`): the world's own verdict comes back with the
 * next message, and a refusal then shows as the HUD's `lastRejection` like any other. Call sites
 * that read `r.ok` therefore see "sent"; nothing on a street depends on a synchronous refusal.
 *
 * The `?street=` streets run in the worker (`?worker=0` keeps them on the page); levels, the
 * sandbox and the lab, small worlds with a timeline and hand-ins, still run on the page.
 */
import type { Command, ContainerId, Result, ScaleSize, World } from '../sim'
import { applyDelta, putRooms, unpackRooms } from '../sim/mirror'
import type { FromWorker, ToWorker } from '../sim/mirror'

export function workerWanted(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  if (typeof Worker === 'undefined') return false
  const v = new URLSearchParams(search).get('worker')
  return v === null || (v !== '0' && v !== 'off')
}

export interface BridgeEvents {
  /**
   * The worker sent the built street (no rooms yet), its settled rooms, or a batch of changes; `world`
   * is the mirror.
   */
  changed: (world: World, kind: 'snapshot' | 'settled' | 'batch') => void
  /** A command the page sent provisionally was refused by the world. */
  refused: (result: Result & { ok: false }) => void
}

/** The least real time between two batches the page asks for. */
const MIN_BATCH_MS = 100

export class SimBridge {
  private worker: Worker | null = null
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

  constructor(private readonly on: BridgeEvents) {}

  get active(): boolean {
    return this.worker !== null
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m)
  }

  /** Build a street in the worker; the mirror arrives with the snapshot. */
  startStreet(size: ScaleSize['name'], placeholder: World): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module' })
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data)
    }
    this.run += 1
    this.mirror = placeholder
    this.waiting = true
    this.owedMs = 0
    this.post({ t: 'street', run: this.run, size })
  }

  stop(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
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

  command(command: Command): Result {
    this.seq += 1
    this.post({ t: 'command', run: this.run, seq: this.seq, command })
    return { ok: true }
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
      this.lastBatch.buildMs = m.buildMs
      this.lastBatch.roomsAtMs = null
      this.waiting = false
      this.on.changed(fresh, 'snapshot')
      return
    }
    if (m.t === 'rooms') {
      // Part of a big batch, taken in its own short task; the page re-renders when the batch is complete.
      putRooms(this.mirror, unpackRooms(m.rooms))
      return
    }
    applyDelta(this.mirror, m.delta)
    if (m.t === 'settled') {
      this.lastBatch.settleMs = m.settleMs
      this.lastBatch.roomsAtMs = performance.now()
    } else if (m.t === 'batch') {
      this.lastBatch.steps = m.steps
      this.lastBatch.stepMs = m.stepMs
      this.waiting = false
    } else if (!m.result.ok) this.on.refused(m.result)
    this.on.changed(this.mirror, m.t === 'settled' ? 'settled' : 'batch')
    this.flush()
  }
}
