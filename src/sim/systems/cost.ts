/** Running cost: every house that stands (or lies burnt, still rented) costs its price per hour. */
import type { World } from '../types'
import { hostList } from '../containerIndex'

export function cost(world: World, dtMs: number): void {
  world.costSpent += hourlyCost(world) * (dtMs / 3_600_000)
}

export function hourlyCost(world: World): number {
  let total = 0
  const hosts = hostList(world)
  for (let i = 0; i < hosts.length; i++) if (hosts[i]!.power !== 'off') total += hosts[i]!.costPerHour
  return total
}
