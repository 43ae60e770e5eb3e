/**
 * Hand-ins are checked one at a time in a Web Worker. A replay that takes longer than the limit is
 * stopped (the worker is thrown away and a fresh one takes the rest): the page never freezes.
 */
import { HANDIN_LIMITS } from '../../levels'
import type { Verdict } from '../../levels'

type Job = { id: number; code: string; levels: string[]; done: (v: Verdict) => void }

export class Verifier {
  private worker: Worker | null = null
  private queue: Job[] = []
  private current: Job | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private seq = 0

  constructor(private readonly limitMs: number = HANDIN_LIMITS.replayMs) {}

  /** Check a code; `levels` are level files (JSON text) the teacher opened, for levels played from a file. */
  check(code: string, levels: string[] = []): Promise<Verdict> {
    return new Promise((done) => {
      this.queue.push({ id: ++this.seq, code, levels, done })
      this.pump()
    })
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    if (this.timer) clearTimeout(this.timer)
    for (const j of [this.current, ...this.queue])
      j?.done({ status: 'invalid', name: '?', levelId: '?', reason: 'not checked (page closed)' })
    this.queue = []
    this.current = null
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (e: MessageEvent<{ id: number; verdict: Verdict }>) => {
      if (!this.current || e.data.id !== this.current.id) return
      this.finish(e.data.verdict)
    }
    w.onerror = (e) => {
      e.preventDefault()
      this.restart(`the checker stopped (${e.message || 'worker error'})`)
    }
    return w
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return
    this.current = this.queue.shift()!
    this.worker ??= this.spawn()
    this.timer = setTimeout(() => this.restart(`the replay took longer than ${Math.round(this.limitMs / 1000)} s`), this.limitMs)
    this.worker.postMessage({ id: this.current.id, code: this.current.code, levels: this.current.levels })
  }

  private restart(reason: string): void {
    this.worker?.terminate()
    this.worker = null
    this.finish({ status: 'invalid', name: '?', levelId: '?', reason })
  }

  private finish(v: Verdict): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const job = this.current
    this.current = null
    job?.done(v)
    this.pump()
  }
}
