/** The doorman (Service): spreads each app's visitors over its open rooms; what they cannot take is dropped. */
import type { Container, World } from '../types'
import { countByApp } from './replicaset'

const ready = (c: Container): boolean => c.state === 'running'

export function traffic(world: World, dtMs: number): void {
  const readyByApp = countByApp(world, ready)
  const dtS = dtMs / 1000
  for (const app of Object.values(world.apps)) {
    const capacity = (readyByApp.get(app.id) ?? 0) * app.capacityRps
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
