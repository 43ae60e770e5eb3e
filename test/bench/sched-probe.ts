/**
 * Scheduling probe: builds the L street (5,000 houses, 150,000 pods) and runs the step that creates and binds every
 * pod (the bench's scheduling figure) with tick()'s systems one by one, printing the process's CPU time, each
 * system's CPU time, the steps taken and the world's hash after them (placements must not change with a speed-up).
 * On a shared machine compare CPU time of back-to-back runs, with the load average it prints.
 *
 *   npx tsx test/bench/sched-probe.ts [runs]
 */
import { loadavg } from 'node:os'
import { buildScaleWorld, SCALE_SIZES, STEP_MS } from '../../src/sim'
import { hashWorld } from '../../src/sim/hash'
import { TICK_SYSTEMS } from '../../src/sim/step'

const systems = TICK_SYSTEMS
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000
const runs = Number(process.argv[2] ?? 1)
const { hosts, pods } = SCALE_SIZES.L
for (let r = 0; r < runs; r++) {
  const world = buildScaleWorld(hosts, pods)
  const before = world.stats.podsScheduled
  const per = new Map<string, number>()
  const cpu0 = process.cpuUsage()
  let steps = 0
  for (; steps < 600; steps++) {
    // tick() by hand: the clock, then each system (the scale street schedules no commands)
    world.timeMs += STEP_MS
    world.tick += 1
    if (world.schedule.length) throw new Error('schedule')
    for (const [name, f] of systems) {
      const c0 = process.cpuUsage()
      f(world)
      per.set(name, (per.get(name) ?? 0) + cpuMs(process.cpuUsage(c0)))
    }
    if (world.stats.podsScheduled - before >= pods) {
      steps++
      break
    }
  }
  const cpu = cpuMs(process.cpuUsage(cpu0))
  const top = [...per]
    .filter(([, t]) => t >= 5)
    .sort((a, b) => b[1] - a[1])
    .map(([n, t]) => `${n} ${Math.round(t)}`)
    .join(', ')
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
  console.log(`${world.stats.podsScheduled - before} pods bound in ${steps} steps: cpu ${Math.round(cpu)} ms (${top}); load ${load}`)
  if (r === runs - 1) console.log(`hash ${hashWorld(world)}`)
}
