/**
 * HorizontalPodAutoscaler: every 15 s, desired = ceil(current × cpu / target), unless the ratio
 * is within 0.1 of 1; scale-up at most max(4 pods, 100 %) per period; scale-down takes the
 * highest recommendation of the last 300 s (kubernetes.io "Horizontal Pod Autoscaling").
 */
import { HPA } from '../constants'
import { logEvent } from '../events'
import { say } from '../messages'
import type { World } from '../types'

export function desiredReplicas(current: number, cpuPercent: number, targetPercent: number): number {
  const ratio = cpuPercent / targetPercent
  if (Math.abs(ratio - 1) <= HPA.tolerance) return current
  return Math.ceil(current * ratio)
}

export function hpa(world: World): void {
  for (const app of Object.values(world.apps)) {
    const h = app.hpa
    if (!h || !app.managed || world.timeMs - h.lastSyncMs < HPA.syncPeriodMs) continue
    h.lastSyncMs = world.timeMs
    const current = app.replicas
    if (app.readyReplicas === 0) continue
    let desired = desiredReplicas(current, app.cpuPercent, h.targetCpuPercent)
    desired = Math.min(desired, Math.max(current + HPA.scaleUpPods, Math.ceil(current * (1 + HPA.scaleUpPercent / 100))))
    desired = Math.max(h.minReplicas, Math.min(h.maxReplicas, desired))
    h.recommendations = [
      ...h.recommendations.filter((r) => world.timeMs - r.atMs < HPA.scaleDownStabilizationMs),
      { atMs: world.timeMs, replicas: desired },
    ]
    if (desired < current) desired = Math.max(...h.recommendations.map((r) => r.replicas))
    if (desired === current) continue
    const up = desired > current
    app.replicas = desired
    logEvent(
      world,
      'info',
      say('hpa.rescaled', {
        up: up ? 'adds' : 'closes',
        app: app.name,
        current,
        desired,
        cpuPercent: app.cpuPercent.toFixed(0),
        targetCpuPercent: h.targetCpuPercent,
        up2: up ? 'above' : 'below',
      }),
      [app.id],
    )
  }
}
