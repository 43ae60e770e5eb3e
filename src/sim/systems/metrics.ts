/** Samples each app's vital signs once a second for the charts, keeping the last ten minutes. */
import { METRICS_EVERY_MS, METRICS_SAMPLES } from '../constants'
import type { World } from '../types'
import { hourlyCost } from './cost'

export function metrics(world: World): void {
  if (world.timeMs % METRICS_EVERY_MS !== 0) return
  const t = world.timeMs
  for (const app of Object.values(world.apps)) {
    const series = (world.metrics[app.id] ??= [])
    series.push({
      t,
      desired: app.managed ? app.replicas : app.readyReplicas,
      ready: app.readyReplicas,
      served: app.lastServedRps,
      dropped: app.rps - app.lastServedRps,
      latencyMs: Math.round(app.latencyMs),
      cpuPercent: Math.round(app.cpuPercent),
    })
    if (series.length > METRICS_SAMPLES) series.splice(0, series.length - METRICS_SAMPLES)
  }
  world.costSamples.push({ t, perHour: hourlyCost(world) })
  if (world.costSamples.length > METRICS_SAMPLES) world.costSamples.splice(0, world.costSamples.length - METRICS_SAMPLES)
}
