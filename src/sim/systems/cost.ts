/** Running cost: every house that stands (or lies burnt, still rented) costs its price per hour. */
import type { World } from '../types'
import { hostList } from '../containerIndex'

export function cost(world: World, dtMs: number): void {
  world.costSpent += hourlyCost(world) * (dtMs / 3_600_000)
}

export function hourlyCost(world: World): number {
  let total = 0
  for (const h of hostList(world)) if (h.power !== 'off') total += h.costPerHour
  return total
}
