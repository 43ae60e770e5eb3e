/** The doorman (Service): spreads each app's visitors over its open rooms; what they cannot take is dropped. */
import type { World } from '../types'
import { containerList } from '../containerIndex'

export function traffic(world: World, dtMs: number): void {
  const ready = new Map<string, number>()
  for (const c of containerList(world)) {
    if (c.state === 'running') ready.set(c.appId, (ready.get(c.appId) ?? 0) + 1)
  }
  const dtS = dtMs / 1000
  for (const app of Object.values(world.apps)) {
    const capacity = (ready.get(app.id) ?? 0) * app.capacityRps
    const servedRps = Math.min(app.rps, capacity)
    app.lastServedRps = servedRps
    app.served += servedRps * dtS
    app.dropped += (app.rps - servedRps) * dtS
  }
}

/** Share of an app's visitors served so far; 1 when none have come yet. */
export function servedRatio(app: { served: number; dropped: number }): number {
  const total = app.served + app.dropped
  return total === 0 ? 1 : app.served / total
}
