/**
 * The whole simulation loop, in one place. Systems run in this fixed order every step;
 * each is a small reconcile loop with one job. Same seed + same commands = same world.
 */
import { STEP_MS } from './constants'
import { autoscaler } from './systems/autoscaler'
import { cgroups } from './systems/cgroups'
import { cost } from './systems/cost'
import { drain } from './systems/drain'
import { hpa } from './systems/hpa'
import { metrics } from './systems/metrics'
import { hypervisor } from './systems/hypervisor'
import { kubelet } from './systems/kubelet'
import { nodeLifecycle } from './systems/nodes'
import { probes } from './systems/probes'
import { replicaSets } from './systems/replicaset'
import { apply } from './commands'
import { logEvent } from './events'
import { say } from './messages'
import { scheduler } from './systems/scheduler'
import { traffic } from './systems/traffic'
import type { World } from './types'
import { migrations } from './vmOps'

/** Runs the commands a level scheduled in advance (seeded faults, traffic changes) when their time comes. */
function scheduledCommands(world: World): void {
  while (world.schedule.length > 0 && world.schedule[0]!.atMs <= world.timeMs) {
    const next = world.schedule.shift()!
    const result = apply(world, next.command)
    if (!result.ok && next.command.type !== 'crashRandomContainer') {
      logEvent(
        world,
        'info',
        say('step.scheduledSkipped', { resultMetaphor: result.metaphor, type: next.command.type, resultTechnical: result.technical }),
      )
    }
  }
}

/**
 * The systems one step runs, in order, by name (the benchmark probes time them one by one with this same list).
 * Traffic and cost take the step's length.
 */
export const TICK_SYSTEMS: readonly (readonly [string, (world: World) => void])[] = [
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

/** Advance the world by one fixed step of STEP_MS, in place. */
export function tick(world: World): World {
  world.timeMs += STEP_MS
  world.tick += 1
  scheduledCommands(world)
  for (const [, system] of TICK_SYSTEMS) system(world)
  return world
}

/** Advance by dtMs, in whole fixed steps (dtMs is rounded down to a multiple of STEP_MS). */
export function step(world: World, dtMs: number): World {
  const n = Math.floor(dtMs / STEP_MS)
  for (let i = 0; i < n; i++) tick(world)
  return world
}
