/**
 * Every change to the world, from the player, a level script, the console or a test, is a Command:
 * one closed union, made of the families below. Each family file holds its commands' types and a
 * table of small handlers; this file joins the tables into one, and `apply` looks the handler up.
 * A command type without a handler, or a handler for no command, does not compile.
 */
import { fail } from '../result'
import type { Result } from '../result'
import type { World } from '../types'
import { noteCommand } from '../world'
import type { HandlerTable } from './handler'
import type { Command } from '../types'
import { appsHandlers } from './apps'
import { chaosHandlers } from './chaos'
import { clockHandlers } from './clock'
import { containersHandlers } from './containers'
import { hostsHandlers } from './hosts'
import { imagesHandlers } from './images'
import { machineHandlers } from './machine'
import { managerHandlers } from './manager'
import { placementHandlers } from './placement'
import { podsHandlers } from './pods'
import { vmsHandlers } from './vms'

const handlers: HandlerTable<Command> = {
  ...hostsHandlers,
  ...imagesHandlers,
  ...appsHandlers,
  ...clockHandlers,
  ...vmsHandlers,
  ...containersHandlers,
  ...chaosHandlers,
  ...managerHandlers,
  ...machineHandlers,
  ...placementHandlers,
  ...podsHandlers,
}

/** Apply one command to the world, in place. A rejected command changes nothing and says why. */
export function apply(world: World, command: Command): Result {
  const type: unknown = (command as { type?: unknown } | null)?.type
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
    return fail(`Unknown action "${String(type)}".`, `unknown command type ${JSON.stringify(type)}`)
  }
  // The table maps each type to the handler of exactly that command; TypeScript cannot correlate the two here.
  const handler = handlers[command.type] as (world: World, command: Command) => Result
  // Any command may change what a pending pod could fit on: the pods waiting in unschedulablePods are tried again.
  noteCommand(world, command.type)
  return handler(world, command)
}

export { describeSecurity } from './machine'
