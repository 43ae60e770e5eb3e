/** Runs the commands a level scheduled in advance (seeded faults, traffic changes) when their time comes. */
import { apply } from '../commands'
import { logEvent } from '../events'
import type { World } from '../types'

export function scheduledCommands(world: World): void {
  while (world.schedule.length > 0 && world.schedule[0]!.atMs <= world.timeMs) {
    const next = world.schedule.shift()!
    const result = apply(world, next.command)
    if (!result.ok && next.command.type !== 'crashRandomContainer') {
      logEvent(
        world,
        'info',
        `A planned event did not happen: ${result.metaphor}`,
        `Scheduled ${next.command.type} skipped: ${result.technical}`,
      )
    }
  }
}
