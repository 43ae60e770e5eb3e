/**
 * Every figure the simulation uses about real systems, with its source beside it.
 * The inspector shows these sources; see ../shared/FIDELITY.md for the full table.
 */

export interface Figure<T = number> {
  value: T
  /** Where the figure comes from, shown to the player next to it. */
  source: string
}

/** A duration range in milliseconds; the simulation draws inside it with the world's generator. */
export interface RangeMs {
  minMs: number
  maxMs: number
  source: string
}

export const GUEST_OS = {
  linux: {
    /** Distribution docs: a Linux server runs comfortably in ~0.5–1 GiB. We reserve the low end. */
    memMiB: 512,
    /** A light Linux guest reserves a slice of a vCPU for its own kernel and services. */
    cpuMilli: 100,
    boot: { minMs: 8_000, maxMs: 30_000, source: 'INRIA RR-9221 (Nguyen & Lebre 2018): VM boot takes seconds to over a minute by guest OS' } as RangeMs,
    label: 'Linux',
  },
  windows: {
    /** Microsoft "Windows Server system requirements": 2 GB with Desktop Experience. */
    memMiB: 2048,
    cpuMilli: 250,
    boot: { minMs: 30_000, maxMs: 75_000, source: 'INRIA RR-9221 (Nguyen & Lebre 2018); Microsoft Windows Server docs' } as RangeMs,
    label: 'Windows Server',
  },
} as const

export type GuestOs = keyof typeof GUEST_OS

/** Creating the VM's disk and devices before the guest starts booting. */
export const VM_PROVISION: RangeMs = {
  minMs: 2_000,
  maxMs: 6_000,
  source: 'cloud provider docs: launch including provisioning ~30–90 s, of which boot is most',
}

/**
 * openshift-docs virt-cluster-resource-requirements.adoc (KubeVirt):
 * overhead ≈ 0.002 × guest RAM + 218 MiB + 8 MiB per vCPU.
 */
export function hypervisorOverheadMiB(guestMemMiB: number, vcpus: number): number {
  return Math.ceil(0.002 * guestMemMiB + 218 + 8 * vcpus)
}
export const HYPERVISOR_OVERHEAD_SOURCE =
  'openshift-docs virt-cluster-resource-requirements.adoc: 0.002 × guest RAM + 218 MiB + 8 MiB per vCPU'

/** Vendor sizing guides: vCPU:core ratios like 4:1 are common for general work. */
export const VCPU_OVERCOMMIT: Figure = { value: 4, source: 'vendor sizing guides: 4:1 vCPU:core is common for general work' }

/** Memory the host's own kernel and hypervisor keep for themselves. */
export const HOST_SYSTEM_RESERVED_MIB: Figure = {
  value: 512,
  source: 'kubelet system-reserved / hypervisor host reserve: a few hundred MiB is typical',
}

/** arXiv 2602.15214 (2026): ~0.5 s median container start on SSD with runc when the image is present. */
export const CONTAINER_START: RangeMs = {
  minMs: 300,
  maxMs: 900,
  source: 'arXiv 2602.15214 (2026): ~0.5 s median container start (runc, image present)',
}

/** containerd docs: the runtime shim costs a few MiB per container beyond the app. */
export const CONTAINER_SHIM_MIB: Figure = { value: 4, source: 'containerd docs: a few MiB of shim per container' }

/** Image pull bandwidth used when a host lacks layers. 1 Gbit/s ≈ 119 MiB/s on a data-centre link. */
export const PULL_MIB_PER_S: Figure = { value: 100, source: 'a 1 Gbit/s data-centre link moves ~119 MiB/s before overheads' }

/** Kubernetes "Pod Lifecycle": back-off starts at 10 s, doubles, caps at 5 min, resets after 10 min running. */
export const CRASH_BACKOFF = {
  initialMs: 10_000,
  maxMs: 300_000,
  resetAfterMs: 600_000,
  source: 'kubernetes.io "Pod Lifecycle": 10 s, doubling, capped at 300 s; reset after 10 min running',
}

/**
 * kubernetes.io "Nodes": node-monitor-grace-period is 50 s from v1.32 (PR #126287), then pods
 * tolerate not-ready/unreachable for 300 s before eviction ("Taints and Tolerations").
 */
export const NODE_LIFECYCLE = {
  heartbeatMs: 10_000,
  gracePeriodMs: 50_000,
  evictionTolerationMs: 300_000,
  source: 'kubernetes.io "Nodes" (grace period 50 s from v1.32) and "Taints and Tolerations" (300 s toleration)',
}

/** kubernetes.io "Considerations for large clusters". */
export const CLUSTER_LIMITS = {
  nodes: 5_000,
  pods: 150_000,
  podsPerNode: 110,
  containers: 300_000,
  source: 'kubernetes.io "Considerations for large clusters"',
}

/**
 * kube-scheduler stops looking once it has found enough feasible nodes:
 * percentage = max(5, 50 − nodes/125), at least 100 nodes (pkg/scheduler/schedule_one.go,
 * numFeasibleNodesToFind). This keeps scheduling fast at 5,000 nodes, as in the real system.
 */
export function feasibleNodesToFind(totalNodes: number): number {
  const minFeasible = 100
  if (totalNodes < minFeasible) return totalNodes
  const percentage = Math.max(5, 50 - Math.floor(totalNodes / 125))
  return Math.max(minFeasible, Math.floor((totalNodes * percentage) / 100))
}

/** Fixed simulation step. Time is integer milliseconds. */
export const STEP_MS = 100

/** How many events the world keeps; older ones fall off the log. */
export const EVENT_LOG_LIMIT = 300

/** kubernetes.io "Horizontal Pod Autoscaling" and its "Configurable scaling behavior". */
export const HPA = {
  syncPeriodMs: 15_000,
  tolerance: 0.1,
  scaleDownStabilizationMs: 300_000,
  /** Default scale-up: at most max(4 pods, 100 %) more per 15 s. */
  scaleUpPods: 4,
  scaleUpPercent: 100,
  source: 'kubernetes.io "Horizontal Pod Autoscaling": desired = ceil(current × metric / target), tolerance 0.1, sync 15 s, scale-down window 300 s',
}

/** kubernetes.io "Deployments": rolling update defaults; revisionHistoryLimit 10. */
export const ROLLING_UPDATE = {
  maxSurgePercent: 25,
  maxUnavailablePercent: 25,
  revisionHistoryLimit: 10,
  source: 'kubernetes.io "Deployments": maxSurge 25 % (rounded up), maxUnavailable 25 % (rounded down)',
}

/**
 * Queueing at the doorman: each room serves like an M/M/1 queue, so the time in system is
 * serviceTime / (1 − utilisation). Near full load it climbs steeply; at or past capacity the
 * excess is turned away and the rest wait up to the timeout.
 */
export const QUEUEING = {
  timeoutMs: 1_000,
  source: 'M/M/1 queue: mean time in system = 1 / (μ − λ)',
}

/** Samples kept per app for the charts: ten minutes at one a second. */
export const METRICS_SAMPLES = 600
export const METRICS_EVERY_MS = 1_000

/** CPU use can exceed the request up to this multiple when no limit is set (burstable). */
export const CPU_BURST_MAX = 2
