/**
 * GC probe of the zone outage at L (the scenario of outage-systems.ts): times each system of each step in wall time and
 * notes the garbage collector's pauses (PerformanceObserver 'gc' entries) that fell inside it, then prints the heaviest
 * steps with their systems and pauses, and the pauses' total by kind. The world hash must match outage-systems.ts.
 *
 *   npx tsx test/bench/outage-gc.ts
 */
import { PerformanceObserver, performance, constants } from 'node:perf_hooks'
import { hashWorld } from '../../src/sim/hash'
import { outageWorld, tickBySystem } from './outage'

const gcs: { start: number; ms: number; kind: string }[] = []
const kinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
}
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind: number } }).detail?.kind ?? 0
    gcs.push({ start: e.startTime, ms: e.duration, kind: kinds[kind] ?? String(kind) })
  }
})
obs.observe({ entryTypes: ['gc'] })

const world = outageWorld()
// Per step: [system, wall start, wall end] (performance.now, the gc entries' clock)
const spans: [string, number, number][][] = []
const stepWall: number[] = []
for (let i = 0; i < 600; i++) {
  const parts: [string, number, number][] = []
  const s0 = performance.now()
  tickBySystem(world, (name, f) => {
    const t0 = performance.now()
    f(world)
    parts.push([name, t0, performance.now()])
  })
  stepWall.push(performance.now() - s0)
  spans.push(parts)
}
await new Promise((r) => setTimeout(r, 50))
obs.disconnect()
const byKind = new Map<string, { n: number; ms: number; max: number }>()
for (const g of gcs) {
  const k = byKind.get(g.kind) ?? { n: 0, ms: 0, max: 0 }
  k.n++
  k.ms += g.ms
  k.max = Math.max(k.max, g.ms)
  byKind.set(g.kind, k)
}
const t0 = spans[0]![0]![1]
console.log('gc pauses over the 600 steps by kind (wall ms):')
for (const [k, v] of byKind) {
  const inRun = gcs.filter((g) => g.kind === k && g.start >= t0)
  console.log(
    ` ${k.padEnd(12)} all ${v.n} ${v.ms.toFixed(0)} ms; in the steps ${inRun.length} ${inRun.reduce((a, g) => a + g.ms, 0).toFixed(0)} ms, max ` +
      Math.max(0, ...inRun.map((g) => g.ms)).toFixed(1),
  )
}
const s = [...stepWall].sort((a, b) => a - b)
console.log('step wall ms median', s[300]!.toFixed(1), 'p99', s[594]!.toFixed(1), 'max', s[599]!.toFixed(1))
const worst = stepWall.map((t, i) => [t, i] as const).sort((a, b) => b[0] - a[0])
for (const [t, i] of worst.slice(0, Number(process.env.TOP ?? 12))) {
  const parts = spans[i]!
  const a = parts[0]![1]
  const b = parts[parts.length - 1]![2]
  const inStep = gcs.filter((g) => g.start >= a && g.start < b)
  const desc = parts
    .filter(([, x, y]) => y - x >= 1)
    .map(([n, x, y]) => {
      const g = inStep.filter((e) => e.start >= x && e.start < y)
      const gms = g.reduce((acc, e) => acc + e.ms, 0)
      return (
        `${n} ${(y - x).toFixed(1)}` +
        (g.length ? ` [gc ${g.map((e) => `${e.kind[1]}${e.ms.toFixed(1)}`).join(' ')} =${gms.toFixed(1)}]` : '')
      )
    })
    .join(', ')
  console.log(`step ${i + 1}: ${t.toFixed(1)} ms wall: ${desc}`)
}
console.log('hash', hashWorld(world))
