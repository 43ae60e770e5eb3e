/** The lab's breach odds, worked out off the main thread: 100 seeded labs, a tally after every ten. */
import { labBreachOdds } from '../../sim/lab'
import type { LabBreachOdds } from '../../sim/lab'

const ctx = self as unknown as {
  onmessage: ((e: MessageEvent<{ n: number; runs: number }>) => void) | null
  postMessage: (m: LabBreachOdds) => void
}
ctx.onmessage = (e) => {
  const { n, runs } = e.data
  let tally: LabBreachOdds = { n, runs: 0, sharedKernel: 0, vmWall: 0 }
  while (tally.runs < runs) {
    tally = labBreachOdds(n, Math.min(runs, tally.runs + 10), tally)
    ctx.postMessage(tally)
  }
}
