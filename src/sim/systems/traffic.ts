/**
 * The doorman (Service): spreads each app's visitors over its open rooms; what they cannot take
 * is dropped. Each room queues like M/M/1, so waiting time climbs steeply near full load.
 */
import { CPU_BURST_MAX, QUEUEING } from '../constants'
import type { App, Container, World } from '../types'
import { countByApp } from './replicaset'

const ready = (c: Container): boolean => c.state === 'running'

/** Mean time in system for visitors spread evenly over `rooms` rooms of `capacityRps` each. */
export function latencyMs(rps: number, rooms: number, capacityRps: number): number {
  if (rooms === 0 || rps === 0) return rooms === 0 && rps > 0 ? QUEUEING.timeoutMs : 0
  const serviceMs = 1000 / capacityRps
  const utilisation = rps / (rooms * capacityRps)
  if (utilisation >= 1) return QUEUEING.timeoutMs
  return Math.min(QUEUEING.timeoutMs, serviceMs / (1 - utilisation))
}

export function traffic(world: World, dtMs: number): void {
  const readyByApp = countByApp(world, ready)
  const dtS = dtMs / 1000
  for (const app of Object.values(world.apps)) serve(app, readyByApp.get(app.id) ?? 0, dtS)
}

function serve(app: App, rooms: number, dtS: number): void {
  const servedRps = Math.min(app.rps, rooms * app.capacityRps)
  app.readyReplicas = rooms
  app.lastServedRps = servedRps
  app.served += servedRps * dtS
  app.dropped += (app.rps - servedRps) * dtS
  app.latencyMs = latencyMs(app.rps, rooms, app.capacityRps)
  // A room at full capacity uses its whole CPU request; offered load beyond it bursts up to the cap.
  app.cpuPercent = rooms === 0 ? 0 : Math.min(CPU_BURST_MAX, app.rps / (rooms * app.capacityRps)) * 100
}

/** Share of an app's visitors served so far; 1 when none have come yet. */
export function servedRatio(app: { served: number; dropped: number }): number {
  const total = app.served + app.dropped
  return total === 0 ? 1 : app.served / total
}
