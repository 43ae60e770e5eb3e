/**
 * The benchmark's zone outage at L, shared by the outage probes (outage-systems.ts, outage-steps.ts, outage-gc.ts):
 * 5,000 houses in two zones, every pod running, delay scale 0.1, five quiet steps, then zone a burns (bench.ts
 * measureOutage plays the same). And one step as tick() runs it, with each system handed to the caller to time.
 */
import { apply, buildScaleWorld, SCALE_SIZES, settle, step, STEP_MS } from '../../src/sim'
import type { World } from '../../src/sim'
import { TICK_SYSTEMS } from '../../src/sim/step'

/** The street just after `failZone` burnt zone a. */
export function outageWorld(): World {
  const { hosts, pods } = SCALE_SIZES.L
  const world = settle(buildScaleWorld(hosts, pods, 1, 2))
  apply(world, { type: 'setDelayScale', scale: 0.1 })
  for (let i = 0; i < 5; i++) step(world, STEP_MS)
  apply(world, { type: 'failZone', zone: 'a' })
  return world
}

/** One step by hand, as tick() takes it: the clock, then `run` with each system in order (the outage schedules no commands). */
export function tickBySystem(world: World, run: (name: string, system: (w: World) => void) => void): void {
  if (world.schedule.length) throw new Error('a scheduled command: tickBySystem does not run them')
  world.timeMs += STEP_MS
  world.tick += 1
  for (const [name, system] of TICK_SYSTEMS) run(name, system)
}
