/**
 * Pod Quality of Service classes and what they mean when a node runs out of memory (FIDELITY.md "Requests vs limits,
 * QoS", "Node out of memory"; kubernetes.io "Pod Quality of Service Classes", "Node-pressure Eviction"; kubelet
 * pkg/kubelet/qos/policy.go).
 */

/** What the class depends on (a Container has all of it); declared here so this module imports nothing. */
export interface QosPod {
  cpuRequestMilli: number
  memRequestMiB: number
  cpuLimitMilli: number | null
  memLimitMiB: number | null
  sidecars: readonly unknown[]
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

/** kubelet memory.available eviction threshold (hard, default) and how often its eviction manager looks. */
export const MEMORY_PRESSURE = {
  evictionThresholdMiB: 100,
  monitoringPeriodMs: 10_000,
  guaranteedOomScoreAdj: -997,
  bestEffortOomScoreAdj: 1000,
  source:
    'kubernetes.io "Node-pressure Eviction" (memory.available<100Mi, BestEffort and over-request pods first; ' +
    'oom_score_adj Guaranteed −997, BestEffort 1000, Burstable min(max(2, 1000 − 1000 × request / capacity), 999))',
}

/**
 * The pod's class: Guaranteed when every container's CPU and memory requests equal its limits (a request left out
 * defaults to the limit), BestEffort when no container sets any request or limit, Burstable otherwise. The game's
 * sidecars set requests only, so a pod with sidecars is never Guaranteed.
 */
export function qosClass(c: QosPod): QosClass {
  const cpuL = c.cpuLimitMilli
  const memL = c.memLimitMiB
  if (
    c.sidecars.length === 0 &&
    cpuL !== null &&
    memL !== null &&
    (c.cpuRequestMilli === cpuL || c.cpuRequestMilli === 0) &&
    (c.memRequestMiB === memL || c.memRequestMiB === 0)
  )
    return 'Guaranteed'
  if (c.cpuRequestMilli === 0 && c.memRequestMiB === 0 && cpuL === null && memL === null) return 'BestEffort'
  return 'Burstable'
}

/** Why the class was chosen, in both vocabularies (the inspector shows it). */
export function qosWhy(c: QosPod): { metaphor: string; technical: string } {
  switch (qosClass(c)) {
    case 'Guaranteed':
      return {
        metaphor: 'it booked exactly what it may use, workers and space alike: thrown out last when the house is full',
        technical: 'requests = limits for CPU and memory in every container; oom_score_adj −997, evicted last',
      }
    case 'BestEffort':
      return {
        metaphor: 'it booked nothing and has no caps: the first thrown out when the house runs short of space',
        technical: 'no requests or limits in any container; oom_score_adj 1000, evicted first under memory pressure',
      }
    default:
      return {
        metaphor: 'it booked some workers or space, but its caps are not the same as what it booked: thrown out before the fully booked',
        technical: 'requests set but not equal to limits for both CPU and memory; oom_score_adj from its memory request',
      }
  }
}

/** policy.go GetContainerOOMScoreAdjust: the kernel adds this (×capacity/1000) to a process's badness. */
export function oomScoreAdj(c: QosPod, capacityMiB: number): number {
  switch (qosClass(c)) {
    case 'Guaranteed':
      return MEMORY_PRESSURE.guaranteedOomScoreAdj
    case 'BestEffort':
      return MEMORY_PRESSURE.bestEffortOomScoreAdj
    default:
      return Math.min(Math.max(2, Math.floor(1000 - (1000 * c.memRequestMiB) / Math.max(1, capacityMiB))), 999)
  }
}
