/**
 * The zone outage at L (the bench's scenario, as test/bench/outage-systems.ts runs it), summed by kind of step: the
 * noticing step (the grace period: 2,500 houses marked at once), the eviction steps from step 400 on (one house's 30
 * pods evicted and placed again every 10 steps, the node lifecycle's rate at delay scale 0.1) and the steps between
 * them. CPU ms of this process per step (process.cpuUsage), so back-to-back runs on a shared machine compare.
 *
 *   npx tsx test/bench/outage-steps.ts
 */
import { outageWorld, tickBySystem } from './outage'

const world = outageWorld()
const tick = (): { all: number; scheduler: number } => {
  let all = 0
  let scheduler = 0
  tickBySystem(world, (name, system) => {
    const t0 = process.cpuUsage()
    system(world)
    const u = process.cpuUsage(t0)
    const ms = (u.user + u.system) / 1000
    all += ms
    if (name === 'scheduler') scheduler = ms
  })
  return { all, scheduler }
}
const evictions: number[] = []
const evictionScheduler: number[] = []
const between: number[] = []
let notice = NaN
for (let i = 1; i <= 600; i++) {
  const t = tick()
  if (i === 50) notice = t.all
  else if (i >= 400 && i % 10 === 0) {
    evictions.push(t.all)
    evictionScheduler.push(t.scheduler)
  } else if (i > 400) between.push(t.all)
}
const median = (a: number[]): string => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1)
console.log(
  `CPU ms per step: eviction steps 400-600 median ${median(evictions)}, max ${Math.max(...evictions).toFixed(1)}, ` +
    `their scheduler median ${median(evictionScheduler)}; steps between median ${median(between)}; noticing step ${notice.toFixed(1)}`,
)
