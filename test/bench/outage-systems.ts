/**
 * Per-system probe of the zone outage at L (the bench's scenario: 5,000 houses in two zones, zone a burns,
 * 600 steps at delay scale 0.1): runs the step's systems one by one in tick()'s order and prints the process's
 * CPU time over the 600 steps, each system's wall time, and the world's hash after them (the same seed and
 * commands must give the same hash before and after a speed-up). On a shared machine compare the CPU time of
 * back-to-back runs, not wall time.
 *
 *   npx tsx test/bench/outage-systems.ts
 */
import { apply, buildScaleWorld, SCALE_SIZES, settle, step, STEP_MS } from '../../src/sim'
import { hashWorld } from '../../src/sim/hash'
import { autoscaler } from '../../src/sim/systems/autoscaler'
import { cgroups } from '../../src/sim/systems/cgroups'
import { cost } from '../../src/sim/systems/cost'
import { drain } from '../../src/sim/systems/drain'
import { hpa } from '../../src/sim/systems/hpa'
import { metrics } from '../../src/sim/systems/metrics'
import { hypervisor } from '../../src/sim/systems/hypervisor'
import { kubelet } from '../../src/sim/systems/kubelet'
import { nodeLifecycle } from '../../src/sim/systems/nodes'
import { probes } from '../../src/sim/systems/probes'
import { replicaSets } from '../../src/sim/systems/replicaset'
import { scheduler } from '../../src/sim/systems/scheduler'
import { traffic } from '../../src/sim/systems/traffic'
import type { World } from '../../src/sim/types'
import { migrations } from '../../src/sim/vmOps'
const systems: [string, (w: World) => void][] = [
  ['hypervisor', hypervisor],
  ['migrations', migrations],
  ['nodeLifecycle', nodeLifecycle],
  ['drain', drain],
  ['hpa', hpa],
  ['replicaSets', replicaSets],
  ['scheduler', scheduler],
  ['autoscaler', autoscaler],
  ['kubelet', kubelet],
  ['cgroups', cgroups],
  ['probes', probes],
  ['traffic', (w) => traffic(w, STEP_MS)],
  ['cost', (w) => cost(w, STEP_MS)],
  ['metrics', metrics],
]
const { hosts, pods } = SCALE_SIZES.L
const world = settle(buildScaleWorld(hosts, pods, 1, 2))
apply(world, { type: 'setDelayScale', scale: 0.1 })
for (let i = 0; i < 5; i++) step(world, STEP_MS)
apply(world, { type: 'failZone', zone: 'a' })
const tot = new Map<string, number>()
const mx = new Map<string, number>()
const stepTimes: number[] = []
const cpu0 = process.cpuUsage()
for (let i = 0; i < 600; i++) {
  // tick() by hand: the clock, then each system timed (the outage schedules no commands)
  world.timeMs += STEP_MS
  world.tick += 1
  if (world.schedule.length) throw new Error('schedule')
  let st = 0
  for (const [name, f] of systems) {
    const t0 = performance.now()
    f(world)
    const d = performance.now() - t0
    st += d
    tot.set(name, (tot.get(name) ?? 0) + d)
    mx.set(name, Math.max(mx.get(name) ?? 0, d))
  }
  stepTimes.push(st)
}
const cpu = process.cpuUsage(cpu0)
const s = [...stepTimes].sort((a, b) => a - b)
console.log(
  'cpu ms',
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
console.log('hash', hashWorld(world))
