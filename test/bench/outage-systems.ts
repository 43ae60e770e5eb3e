/**
 * Per-system probe of the zone outage at L (the bench's scenario: 5,000 houses in two zones, zone a burns,
 * 600 steps at delay scale 0.1): runs the step's systems one by one in tick()'s order and prints the process's
 * CPU time over the 600 steps, each system's CPU time, the heaviest steps, and the world's hash after them (the same seed and
 * commands must give the same hash before and after a speed-up). On a shared machine compare the CPU time of
 * back-to-back runs, not wall time.
 *
 *   npx tsx test/bench/outage-systems.ts
 */
import { hashWorld } from '../../src/sim/hash'
import { outageWorld, tickBySystem } from './outage'
const world = outageWorld()
const tot = new Map<string, number>()
const mx = new Map<string, number>()
const stepTimes: number[] = []
const stepParts: [string, number][][] = []
const cpu0 = process.cpuUsage()
for (let i = 0; i < 600; i++) {
  let st = 0
  const parts: [string, number][] = []
  tickBySystem(world, (name, f) => {
    // CPU time (process.cpuUsage: this process's threads, GC helpers included), less disturbed than wall time by others
    const t0 = process.cpuUsage()
    f(world)
    const u = process.cpuUsage(t0)
    const d = (u.user + u.system) / 1000
    st += d
    tot.set(name, (tot.get(name) ?? 0) + d)
    mx.set(name, Math.max(mx.get(name) ?? 0, d))
    if (d >= 1) parts.push([name, d])
  })
  stepTimes.push(st)
  stepParts.push(parts)
}
const cpu = process.cpuUsage(cpu0)
const s = [...stepTimes].sort((a, b) => a - b)
console.log(
  'per-step and per-system figures are CPU ms; cpu ms',
  Math.round((cpu.user + cpu.system) / 1000),
  'step median',
  s[300]!.toFixed(2),
  'p99',
  s[594]!.toFixed(2),
  'max',
  s[599]!.toFixed(2),
)
for (const [n, t] of [...tot].sort((a, b) => b[1] - a[1]))
  console.log(n.padEnd(14), 'total', t.toFixed(0), 'mean', (t / 600).toFixed(3), 'max', mx.get(n)!.toFixed(2))
// The heaviest steps and what they spent their time on (the bar is every step under 50 ms).
const worst = stepTimes.map((t, i) => [t, i] as const).sort((a, b) => b[0] - a[0])
for (const [t, i] of worst.slice(0, 8))
  console.log(
    `step ${i + 1}: ${t.toFixed(1)} ms (${stepParts[i]!.sort((a, b) => b[1] - a[1])
      .map(([n, d]) => `${n} ${d.toFixed(1)}`)
      .join(', ')})`,
  )
console.log('hash', hashWorld(world))
