/**
 * Figures of kube-scheduler's default profile, with their sources (see ../shared/FIDELITY.md,
 * rows "Scheduler phases", "Default score weights", "Unschedulable message", "Preemption").
 */

/** Score plugins as kube-scheduler names them; each scores 0–100 before its weight. */
export type ScorePlugin =
  | 'TaintToleration'
  | 'NodeAffinity'
  | 'PodTopologySpread'
  | 'InterPodAffinity'
  | 'NodeResourcesFit'
  | 'NodeResourcesBalancedAllocation'
  | 'ImageLocality'

/** Filter plugins in the order the default profile runs them (the ones this game models). */
export type FilterPlugin =
  'NodeUnschedulable' | 'TaintToleration' | 'NodeAffinity' | 'NodeResourcesFit' | 'PodTopologySpread' | 'InterPodAffinity'

export const FILTER_ORDER: readonly FilterPlugin[] = [
  'NodeUnschedulable',
  'TaintToleration',
  'NodeAffinity',
  'NodeResourcesFit',
  'PodTopologySpread',
  'InterPodAffinity',
]

/** The default score weights. */
export const SCORE_WEIGHTS: { value: Record<ScorePlugin, number>; source: string } = {
  value: {
    TaintToleration: 3,
    NodeAffinity: 2,
    PodTopologySpread: 2,
    InterPodAffinity: 2,
    NodeResourcesFit: 1,
    NodeResourcesBalancedAllocation: 1,
    ImageLocality: 1,
  },
  source: 'kubernetes/kubernetes pkg/scheduler/apis/config/v1/default_plugins.go (getDefaultPlugins)',
}

export const SCORE_ORDER: readonly ScorePlugin[] = [
  'TaintToleration',
  'NodeAffinity',
  'PodTopologySpread',
  'InterPodAffinity',
  'NodeResourcesFit',
  'NodeResourcesBalancedAllocation',
  'ImageLocality',
]

/** Every plugin scores in [0, MaxNodeScore]. */
export const MAX_NODE_SCORE = { value: 100, source: 'pkg/scheduler/framework/interface.go (MaxNodeScore)' }

/**
 * ImageLocality: the sum of the sizes of the pod's images already on the node, each scaled by the
 * share of nodes that have it, clamped between 23 MB and 1000 MB per container, mapped to 0–100.
 * The game caches layers rather than whole images, so it sums the cached layers of the image.
 */
export const IMAGE_LOCALITY = {
  minThresholdMiB: 23,
  maxThresholdPerContainerMiB: 1000,
  source: 'pkg/scheduler/framework/plugins/imagelocality/image_locality.go (minThreshold, maxContainerThreshold)',
}

/**
 * The game's PodAntiAffinity has no weight field; a preferred term counts as the highest weight
 * Kubernetes allows (100), which is what a single preferred term amounts to after normalising.
 */
export const PREFERRED_ANTI_AFFINITY_WEIGHT = { value: 100, source: 'kubernetes.io "Assigning Pods to Nodes" (weight 1–100)' }

/** kube-scheduler's words, from the plugins' ErrReason constants and FitError.Error(). */
export const SCHEDULER_TEXT = {
  noNodes: (total: number) => `0/${total} nodes are available`,
  unschedulable: 'node(s) were unschedulable',
  untoleratedTaint: (key: string, value: string) => `node(s) had untolerated taint {${key}: ${value}}`,
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  tooManyPods: 'Too many pods',
  insufficient: (resource: 'cpu' | 'memory') => `Insufficient ${resource}`,
  spread: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  antiAffinity: "node(s) didn't match pod anti-affinity rules",
  preemptionNotHelpful: 'Preemption is not helpful for scheduling',
  noVictims: 'No preemption victims found for incoming pod',
  /** PodEligibleToPreemptOthers (default_preemption.go): the message already ends in its period. */
  waitingOnTerminating: 'not eligible due to a terminating pod on the nominated node.',
  source:
    'kubernetes/kubernetes pkg/scheduler/framework/types.go (FitError.Error, NoNodeAvailableMsg) and plugins/*/ ErrReason constants; ' +
    'pkg/scheduler/framework/preemption/preemption.go; DefaultPreemption.PostFilter prefixes "preemption: ". Real clusters print ' +
    'the preemption histogram ending in two periods ("...for incoming pod.."), the not-eligible message in one',
}

/**
 * PodTopologySpread's system defaults: a pod owned by a ReplicaSet (a managed room) with no
 * constraints of its own is spread softly over hostnames (maxSkew 3) and zones (maxSkew 5).
 */
export const SYSTEM_DEFAULT_SPREAD = {
  value: [
    { maxSkew: 3, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' as const },
    { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' as const },
  ],
  source: 'kubernetes.io "Pod Topology Spread Constraints" (internal default constraints, defaultingType: System)',
}
