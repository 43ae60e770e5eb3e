/**
 * The breach odds beside the lab's one live run: for N of each, 100 labs run headless (seeds 1 … 100,
 * so the figure is the same on every machine) in a Web Worker, a tally coming back after every ten.
 * Remembered per N for the page's life. Without workers (tests under Node) the same runs go in
 * slices of one lab per task, so the page never freezes either way.
 */
import { create } from 'zustand'
import { labBreachOdds } from '../../sim'
import type { LabBreachOdds } from '../../sim'

export const ODDS_RUNS = 100

export const useLabOdds = create<Record<number, LabBreachOdds>>()(() => ({}))

const asked = new Set<number>()
let worker: Worker | null = null

function note(t: LabBreachOdds): void {
  useLabOdds.setState({ [t.n]: t })
}

function slices(n: number, t: LabBreachOdds): void {
  if (t.runs >= ODDS_RUNS) return
  setTimeout(() => {
    const next = labBreachOdds(n, t.runs + 1, t)
    note(next)
    slices(n, next)
  }, 0)
}

/** Start measuring the odds for N of each (once per N). */
export function askOdds(n: number): void {
  if (n <= 0 || asked.has(n)) return
  asked.add(n)
  if (typeof Worker === 'undefined') {
    slices(n, { n, runs: 0, sharedKernel: 0, vmWall: 0 })
    return
  }
  if (!worker) {
    worker = new Worker(new URL('./odds.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<LabBreachOdds>) => note(e.data)
  }
  worker.postMessage({ n, runs: ODDS_RUNS })
}
