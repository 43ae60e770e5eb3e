/**
 * HorizontalPodAutoscaler, as pkg/controller/podautoscaler does it (FIDELITY.md "HPA formula", "HPA timing"):
 * - replica_calculator.go: desired = ceil(usage ratio × ready pods), nothing within 0.1 of 1; on a scale-up, Pending
 *   and not-ready pods count as 0 % use; on a scale-down, pods without metrics count as 100 % (0 % on a scale-up);
 * - horizontal.go: every 15 s; the raw recommendation is stabilised first (scale-down takes the highest of the last
 *   300 s, and a new HPA's first recommendation is the current count), then min/max and the rate limit apply:
 *   max(2 × current, 4) per sync without spec.behavior (kubectl autoscale), the v2 default policies with it.
 * Simplified, and said in the status: a running pod that is not Ready counts as unready whatever its age (the real
 * controller does so in its first 5 minutes, cpu-initialization-period, or while it has never been ready).
 */
import { HPA } from '../constants'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import type { App, Container, Hpa, World } from '../types'

/** One pod as the replica calculator groups it. */
export interface PodSample {
  kind: 'ready' | 'unready' | 'missing'
  usageMilli: number
  requestMilli: number
}

/** The pod's group (groupPods): deleting pods are left out; Pending ones are unready; no container running → no metric. */
export function samplePod(c: Container): PodSample | null {
  if (c.terminatingUntilMs !== null) return null
  switch (c.state) {
    case 'terminated':
      return null
    case 'pending':
    case 'pulling':
    case 'creating':
      return { kind: 'unready', usageMilli: 0, requestMilli: c.cpuRequestMilli }
    case 'running':
      return { kind: c.ready ? 'ready' : 'unready', usageMilli: c.cpuUsageMilli, requestMilli: c.cpuRequestMilli }
    default:
      // Crashed, backing off, or on a node that stopped answering: the pod is Running but metrics-server has no sample.
      return { kind: 'missing', usageMilli: 0, requestMilli: c.cpuRequestMilli }
  }
}

const ratioOf = (pods: { usageMilli: number; requestMilli: number }[], target: number): number => {
  let use = 0
  let req = 0
  for (const p of pods) {
    use += p.usageMilli
    req += p.requestMilli
  }
  return (use / req) * (100 / target)
}

export interface Calculation {
  replicas: number
  /** Utilisation of the ready pods (status.currentMetrics), percent of request; null without metrics. */
  utilisation: number | null
  /** Why, when the calculator could not compute or held the count. */
  note: string
}

/** replica_calculator.go GetResourceReplicas for a CPU utilisation target. */
export function calcReplicas(pods: PodSample[], targetPercent: number, current: number): Calculation {
  const ready = pods.filter((p) => p.kind === 'ready')
  const unready = pods.filter((p) => p.kind === 'unready')
  const missing = pods.filter((p) => p.kind === 'missing')
  if (ready.length === 0)
    return { replicas: current, utilisation: null, note: 'did not receive metrics for targeted pods (pods might be unready)' }
  if (ready.some((p) => p.requestMilli <= 0)) return { replicas: current, utilisation: null, note: 'missing request for cpu' }
  const usageRatio = ratioOf(ready, targetPercent)
  const utilisation = usageRatio * targetPercent
  const scaleUpWithUnready = unready.length > 0 && usageRatio > 1
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - usageRatio) <= HPA.tolerance) return { replicas: current, utilisation, note: 'within tolerance (0.1)' }
    return { replicas: Math.ceil(usageRatio * ready.length), utilisation, note: '' }
  }
  const metrics = [...ready]
  if (usageRatio < 1) {
    // On a scale-down, pods without metrics count as using 100 % of their request (or the target if higher).
    for (const p of missing) metrics.push({ ...p, usageMilli: (p.requestMilli * Math.max(100, targetPercent)) / 100 })
  } else if (usageRatio > 1) for (const p of missing) metrics.push({ ...p, usageMilli: 0 })
  // On a scale-up, unready (e.g. Pending, just started) pods count as using nothing.
  if (scaleUpWithUnready) for (const p of unready) metrics.push({ ...p, usageMilli: 0 })
  const newRatio = ratioOf(metrics, targetPercent)
  if (Math.abs(1 - newRatio) <= HPA.tolerance || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1))
    return { replicas: current, utilisation, note: 'counting unready and unmeasured pods, no change is needed' }
  const replicas = Math.ceil(newRatio * metrics.length)
  if ((newRatio < 1 && replicas > current) || (newRatio > 1 && replicas < current)) return { replicas: current, utilisation, note: '' }
  return { replicas, utilisation, note: '' }
}

/** The formula alone, for one uniform group of ready pods: ceil(current × metric / target), nothing within 0.1. */
export function desiredReplicas(current: number, cpuPercent: number, targetPercent: number): number {
  const pods: PodSample[] = Array.from({ length: current }, () => ({ kind: 'ready', usageMilli: cpuPercent, requestMilli: 100 }))
  return calcReplicas(pods, targetPercent, current).replicas
}

interface Decision {
  replicas: number
  technical: string
  metaphor: string
}

/**
 * horizontal.go normalizeDesiredReplicas / normalizeDesiredReplicasWithBehaviors: stabilise the raw recommendation,
 * record it, then apply min/max and the rate limit. Returns the new count and which rule decided.
 */
export function normalize(h: Hpa, nowMs: number, current: number, raw: number): Decision {
  const window = HPA.scaleDownStabilizationMs
  const recent = h.recommendations.filter((r) => nowMs - r.atMs < window)
  let stabilised = raw
  for (const r of recent) stabilised = Math.max(stabilised, r.replicas)
  // With behavior, scale-up has no window (0 s) and a scale-down takes the highest recent one: the same number here.
  h.recommendations = [...recent, { atMs: nowMs, replicas: raw }]
  const rule = h.behavior
    ? 'spec.behavior: v2 default policies, scale-up max(4 pods, 100 %) per 15 s'
    : 'no spec.behavior (as kubectl autoscale makes): scale-up at most max(2 × current, 4) per sync'
  const upLimit = h.behavior
    ? Math.max(current + HPA.scaleUpPods, Math.ceil(current * (1 + HPA.scaleUpPercent / 100)))
    : Math.max(HPA.scaleUpLimitFactor * current, HPA.scaleUpLimitMinimum)
  const max = Math.min(h.maxReplicas, upLimit)
  let replicas = stabilised
  let technical =
    stabilised > raw
      ? 'ScaleDownStabilized: recent recommendations were higher than current one, applying the highest recent recommendation'
      : 'DesiredWithinRange: the desired count is within the acceptable range'
  let metaphor =
    stabilised > raw
      ? `waits: it wanted ${raw} rooms a moment ago, and closes rooms only after 5 calm minutes`
      : 'the count it wants is within its limits'
  if (stabilised < h.minReplicas) {
    replicas = h.minReplicas
    technical = 'TooFewReplicas: the desired replica count is less than the minimum replica count'
    metaphor = `holds at its minimum of ${h.minReplicas}`
  } else if (stabilised > max) {
    replicas = max
    if (upLimit < h.maxReplicas) {
      technical = `ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate (${rule})`
      metaphor = `wants ${stabilised} rooms but may add only ${upLimit - current} per check`
    } else {
      technical = 'TooManyReplicas: the desired replica count is more than the maximum replica count'
      metaphor = `stops at its maximum of ${h.maxReplicas}`
    }
  }
  return { replicas, technical: `${technical}. Rate rule: ${rule}.`, metaphor }
}

export function hpa(world: World): void {
  let due: Map<string, PodSample[]> | null = null
  for (const id in world.apps) {
    const app = world.apps[id]!
    const h = app.hpa
    if (!h || !app.managed || world.timeMs - h.lastSyncMs < HPA.syncPeriodMs) continue
    ;(due ??= new Map()).set(app.id, [])
  }
  if (!due) return
  for (const c of containerList(world)) {
    const list = due.get(c.appId)
    if (!list) continue
    const s = samplePod(c)
    if (s) list.push(s)
  }
  for (const [appId, pods] of due) sync(world, world.apps[appId]!, pods)
}

function sync(world: World, app: App, pods: PodSample[]): void {
  const h = app.hpa!
  h.lastSyncMs = world.timeMs
  const current = app.replicas
  let decision: Decision
  let calc: Calculation | null = null
  if (current === 0) {
    h.status = {
      metaphor: 'off: the clipboard says zero rooms',
      technical: 'ScalingDisabled: scaling is disabled since the replica count of the target is zero',
    }
    return
  } else if (current > h.maxReplicas) {
    decision = {
      replicas: h.maxReplicas,
      technical: 'Current number of replicas above Spec.MaxReplicas',
      metaphor: `more rooms than its maximum: down to ${h.maxReplicas}`,
    }
  } else if (current < h.minReplicas) {
    decision = {
      replicas: h.minReplicas,
      technical: 'Current number of replicas below Spec.MinReplicas',
      metaphor: `fewer rooms than its minimum: up to ${h.minReplicas}`,
    }
  } else {
    calc = calcReplicas(pods, h.targetCpuPercent, current)
    h.currentCpuPercent = calc.utilisation
    if (calc.utilisation === null) {
      h.status = {
        metaphor: 'cannot tell how busy the rooms are (none is open and measured)',
        technical: `FailedGetResourceMetric: ${calc.note}`,
      }
      return
    }
    decision = normalize(h, world.timeMs, current, calc.replicas)
  }
  const busy = h.currentCpuPercent === null ? '?' : `${Math.round(h.currentCpuPercent)}%`
  h.status = {
    metaphor: `Rooms ${busy} busy, aiming for ${h.targetCpuPercent}%: ${decision.metaphor}.`,
    technical: `cpu ${busy}/${h.targetCpuPercent}% (ready pods); ${calc?.note ? calc.note + '; ' : ''}${decision.technical}`,
  }
  if (decision.replicas === current) return
  const up = decision.replicas > current
  app.replicas = decision.replicas
  logEvent(
    world,
    'info',
    say('hpa.rescale', {
      up,
      app: app.name,
      current,
      desired: decision.replicas,
      busy,
      targetCpuPercent: h.targetCpuPercent,
      why: decision.metaphor,
      reason: calc ? `cpu resource utilization (percentage of request) ${up ? 'above' : 'below'} target` : decision.technical,
    }),
    [app.id],
  )
}
