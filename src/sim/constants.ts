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
    boot: {
      minMs: 8_000,
      maxMs: 30_000,
      source: 'INRIA RR-9221 (Nguyen & Lebre 2018): VM boot takes seconds to over a minute by guest OS',
    } as RangeMs,
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
 * openshift-docs virt-cluster-resource-requirements.adoc (FIDELITY.md "Hypervisor memory overhead per VM"): KubeVirt's
 * virt-launcher overhead ≈ 0.002 × guest RAM + 218 MiB + 8 MiB per vCPU + 16 MiB per graphics device (one by default).
 * This is KubeVirt's figure, not bare QEMU's: the inspector says so.
 */
export function hypervisorOverheadMiB(guestMemMiB: number, vcpus: number, graphicsDevices = 1): number {
  return Math.ceil(0.002 * guestMemMiB + 218 + 8 * vcpus + 16 * graphicsDevices)
}
export const HYPERVISOR_OVERHEAD_SOURCE =
  'openshift-docs virt-cluster-resource-requirements.adoc (KubeVirt virt-launcher, not bare QEMU): ' +
  '0.002 × guest RAM + 218 MiB + 8 MiB per vCPU + 16 MiB per graphics device'

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

/**
 * Kubernetes "Pod Lifecycle" and kubelet `doBackOff` (FIDELITY.md "Restart back-off"): the first restart after a
 * crash is immediate; then 10 s, doubling, capped at 5 min (waits 0, 10, 20, 40, 80, 160, 300 s); CrashLoopBackOff
 * shows from the second crash; the back-off resets after 10 min running. `backoffMs` on a container is the wait
 * its next crash gets (0: none recorded yet).
 */
export const CRASH_BACKOFF = {
  initialMs: 10_000,
  maxMs: 300_000,
  resetAfterMs: 600_000,
  source:
    'kubernetes.io "Pod Lifecycle", kubelet doBackOff: first restart immediate, then 10 s, doubling, capped at 300 s; ' +
    'reset after 10 min running',
}

/**
 * kubernetes.io "Nodes": node-monitor-grace-period is 50 s from v1.32 (PR #126287), then pods
 * tolerate not-ready/unreachable for 300 s before eviction ("Taints and Tolerations").
 * FIDELITY.md "Node failure detection": the NoExecute taints that start that clock are added at
 * --node-eviction-rate 0.1 nodes/s per zone; a zone with ≥ 55 % of its nodes NotReady (and more than
 * two) is partially disrupted: no evictions there in a cluster of ≤ 50 nodes, 0.01 nodes/s above; when
 * every zone has lost all its nodes the controller assumes its own network failed and evicts nothing
 * (kube-controller-manager flags; node_lifecycle_controller.go handleDisruption).
 */
export const NODE_LIFECYCLE = {
  heartbeatMs: 10_000,
  gracePeriodMs: 50_000,
  evictionTolerationMs: 300_000,
  /** --node-eviction-rate 0.1 nodes/s: one node's NoExecute taint per 10 s per zone. */
  evictionIntervalMs: 10_000,
  /** --secondary-node-eviction-rate 0.01 nodes/s, in a partially disrupted zone of a large cluster. */
  secondaryEvictionIntervalMs: 100_000,
  unhealthyZoneThreshold: 0.55,
  largeClusterSizeThreshold: 50,
  source:
    'kubernetes.io "Nodes" (grace period 50 s from v1.32, eviction rate 0.1 nodes/s, zone disruption rules) ' +
    'and "Taints and Tolerations" (300 s toleration)',
}

/**
 * kubernetes.io "Pod Lifecycle" (Termination of Pods; FIDELITY.md "Graceful termination"): a deleted pod is Terminating:
 * it leaves its Service's endpoints at once, its containers get SIGTERM, and after terminationGracePeriodSeconds
 * (default 30 s) whatever still runs gets SIGKILL; until it is gone it keeps its requests on the node. Simplified, and
 * said where it shows: the game's apps use the whole grace period (a real app that exits on SIGTERM leaves sooner).
 */
export const TERMINATION_GRACE = {
  ms: 30_000,
  source: 'kubernetes.io "Pod Lifecycle": terminationGracePeriodSeconds defaults to 30 s; SIGTERM, then SIGKILL at its end',
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

/**
 * kubernetes.io "Horizontal Pod Autoscaling" and its "Configurable scaling behavior"; pkg/controller/podautoscaler
 * horizontal.go and replica_calculator.go (FIDELITY.md "HPA formula", "HPA timing").
 */
export const HPA = {
  syncPeriodMs: 15_000,
  tolerance: 0.1,
  scaleDownStabilizationMs: 300_000,
  /** Without spec.behavior (horizontal.go calculateScaleUpLimit): at most max(2 × current, 4) per sync. */
  scaleUpLimitFactor: 2,
  scaleUpLimitMinimum: 4,
  /** With spec.behavior, the v2 default scale-up policies: max(4 pods, 100 %) per 15 s. */
  scaleUpPods: 4,
  scaleUpPercent: 100,
  /** --horizontal-pod-autoscaler-cpu-initialization-period and initial-readiness-delay. */
  cpuInitializationPeriodMs: 300_000,
  initialReadinessDelayMs: 30_000,
  source:
    'kubernetes.io "Horizontal Pod Autoscaling"; horizontal.go, replica_calculator.go: desired = ceil(usage ratio × ready pods), ' +
    'tolerance 0.1, sync 15 s, scale-down window 300 s, scale-up max(2 × current, 4) without behavior',
}

/**
 * kubernetes.io "Deployments" (FIDELITY.md "Deployment rolling update"): maxSurge 25 % rounded up, maxUnavailable 25 %
 * rounded down, and when both resolve to 0 maxUnavailable becomes 1 (deployment util ResolveFenceposts);
 * revisionHistoryLimit 10 counts OLD ReplicaSets: 10 old + the current one are kept.
 */
export const ROLLING_UPDATE = {
  maxSurgePercent: 25,
  maxUnavailablePercent: 25,
  revisionHistoryLimit: 10,
  source:
    'kubernetes.io "Deployments": maxSurge 25 % (rounded up), maxUnavailable 25 % (rounded down), both 0 → maxUnavailable 1; ' +
    'revisionHistoryLimit 10 old ReplicaSets',
}

/** The Deployment's revisions after a new one: the current plus at most revisionHistoryLimit old ones. */
export function keepRevisions<T>(revisions: T[]): T[] {
  return revisions.slice(-(ROLLING_UPDATE.revisionHistoryLimit + 1))
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

/**
 * Memory a room's app touches at rest, as a share of its request. A room that leaks grows from
 * here; a room that stays at rest never exceeds its request, so only leaks and hogs break things.
 */
export const MEM_BASELINE_OF_REQUEST = 0.75

/** Kubernetes "Resource Management for Pods and Containers": over the memory limit → OOMKilled, exit 137 (128 + SIGKILL). */
export const OOM_KILL = {
  exitCode: 137,
  reason: 'OOMKilled',
  source: 'kubernetes.io "Resource Management for Pods and Containers": a container over its memory limit is OOM-killed (exit 137)',
}

/** Same page: over the CPU limit the CFS quota throttles the container; it slows down, it is not killed. */
export const CPU_THROTTLE_SOURCE =
  'kubernetes.io "Resource Management for Pods and Containers": CPU limits are enforced by CFS quota (throttling, not killing); ' +
  'kernel sched-bwc.rst: quota per 100 ms period (cgroup v2 cpu.max "<limit × 100> 100000")'

/**
 * kernel Documentation/scheduler/sched-bwc.rst (FIDELITY.md "CPU limit"): the quota is granted per CFS period, 100 ms by
 * default. Within a period the container's threads run at full speed until they have used limit × 100 ms of CPU time
 * between them, then they wait for the next period. The simulation's step is one period (STEP_MS = 100), and its cgroups
 * model averages over it (use ≤ limit per step); cfsBurstWallMs below is the inside of a period, for the texts.
 */
export const CFS_PERIOD_MS = 100

/**
 * Wall time for a burst of `cpuMs` of CPU work that starts at a period boundary, under a CPU limit of `limitMilli` spread
 * over `threads` runnable threads: each period the threads run at full speed until the quota is spent, then wait.
 * A 20 ms burst under 500m takes 20 ms; an 80 ms burst takes 50 + 50 (throttled) + 30 = 130 ms.
 */
export function cfsBurstWallMs(cpuMs: number, limitMilli: number, threads = 1): number {
  const quotaMs = (limitMilli / 1000) * CFS_PERIOD_MS
  let left = cpuMs
  let wall = 0
  while (left > 0) {
    const run = Math.min(left, quotaMs)
    const runWall = run / threads
    left -= run
    wall += left > 0 ? CFS_PERIOD_MS : runWall
    if (quotaMs <= 0) return Infinity
  }
  return wall
}

/**
 * cgroups(7) cpu.shares: under contention the kernel splits CPU in proportion to shares, which
 * Kubernetes sets from requests; a pod without a request gets the minimum of 2 shares (≈ 2m).
 * The scheduler counts request-less pods as 100m when scoring (resource_allocation.go); we use
 * that as what such a room needs to serve at full speed.
 */
export const CPU_SHARES = {
  minWeightMilli: 2,
  bestEffortNeedMilli: 100,
  source: 'cgroups(7) cpu.shares; Kubernetes sets shares from CPU requests (min 2)',
}

/** Container runtimes (FIDELITY.md "The middle ground"). Figures are per room; ranges where sources give ranges. */
export const RUNTIMES = {
  runc: {
    label: 'runc',
    metaphor: 'plain room',
    overheadMiB: 0,
    /** No RuntimeClass: a runc pod's requests are all the scheduler counts (its shim's few MiB are real use, not requests). */
    overheadCpuMilli: 0,
    start: CONTAINER_START,
    /** Runs at native speed (Felter et al. 2014: containers equal or better than VMs). */
    speed: 1,
    ownKernel: false,
    userSpaceKernel: false,
    /** Whether its overhead and speed are teaching estimates (shown as such), not published figures. */
    estimate: false,
    source: 'runc: namespaces + cgroups on the shared kernel (kernel docs namespaces(7), cgroups(7))',
  },
  gvisor: {
    label: 'gVisor (runsc)',
    metaphor: 'room with a guard at the pipes',
    /** gvisor.dev: the Sentry (user-space kernel) runs per sandbox; tens of MiB is typical. */
    overheadMiB: 30,
    overheadCpuMilli: 0,
    start: { minMs: 400, maxMs: 1_200, source: 'gvisor.dev: sandbox start adds to runc start' } as RangeMs,
    /** gvisor.dev performance guide: syscall-heavy work is markedly slower; we take 70 % for a web app. */
    speed: 0.7,
    ownKernel: false,
    userSpaceKernel: true,
    /** FIDELITY.md "The middle ground": gVisor's figures here are estimates; the inspector labels them. */
    estimate: true,
    source: 'gvisor.dev: a user-space kernel (Sentry) intercepts syscalls; slower syscalls, breach contained to the sandbox',
  },
  kata: {
    label: 'Kata Containers',
    metaphor: 'room with its own little apartment walls',
    /**
     * kata-deploy's RuntimeClass kata-qemu (kata-containers tools/packaging/kata-deploy/runtimeclasses): overhead podFixed
     * memory 160Mi, cpu 250m: the light VM's kernel, agent and QEMU, added to the pod's requests by the scheduler.
     */
    overheadMiB: 160,
    overheadCpuMilli: 250,
    start: {
      minMs: 1_000,
      maxMs: 3_000,
      source: 'katacontainers.io: a light VM per pod boots its own kernel (about a second or more)',
    } as RangeMs,
    speed: 0.95,
    ownKernel: true,
    userSpaceKernel: false,
    estimate: false,
    source: 'katacontainers.io: each pod in a lightweight VM with its own kernel',
  },
  firecracker: {
    label: 'Firecracker microVM',
    metaphor: 'room in a tiny prefab apartment',
    /** firecracker-microvm.github.io, NSDI 2020: < 5 MiB overhead per microVM. */
    overheadMiB: 5,
    overheadCpuMilli: 0,
    /** Same source: user code starts in as little as 125 ms. */
    start: {
      minMs: 125,
      maxMs: 300,
      source: 'firecracker-microvm.github.io; Agache et al. NSDI 2020: user code in as little as 125 ms',
    } as RangeMs,
    speed: 0.97,
    ownKernel: true,
    userSpaceKernel: false,
    estimate: false,
    source: 'firecracker-microvm.github.io; Agache et al. NSDI 2020: < 5 MiB overhead, ≥ 125 ms start, own guest kernel',
  },
} as const

/**
 * How a breach spreads (FIDELITY.md "Isolation"). A breached room first tries to escape to the
 * kernel it shares; each "restricted" Pod Security Standards setting on it cuts the odds; a
 * privileged room makes escape near-certain. From an owned kernel the attacker reaches each
 * other room on it, again less likely where that room runs restricted.
 * The numbers are teaching estimates, not measured rates; the mechanism follows the sources.
 */
export const BREACH = {
  /** runc escape from a root, capable, writable container (CVE-2019-5736, CVE-2024-21626 class). */
  escapeBase: 0.6,
  privilegedEscape: 0.98,
  /** Each restricted setting multiplies the odds by this. */
  runAsNonRoot: 0.4,
  readOnlyRootFilesystem: 0.6,
  dropAllCapabilities: 0.4,
  /** From an owned kernel to a neighbour room on it (the attacker is root on that kernel). */
  lateralBase: 0.9,
  /**
   * Escaping a VM needs a hypervisor bug (e.g. VENOM, CVE-2015-3456): rare. One in a thousand
   * breaches of a guest kernel, so a classroom sees it almost never, and the log says so.
   */
  hypervisorEscape: 0.001,
  source:
    'CVE-2019-5736, CVE-2024-21626 (container escapes); CVE-2015-3456 VENOM (hypervisor escape, rare); kubernetes.io "Pod Security ' +
    'Standards" (restricted)',
}

/** kubernetes.io "Pod Security Standards": the baseline a room gets unless set. */
export const DEFAULT_SECURITY = {
  runAsNonRoot: false,
  readOnlyRootFilesystem: false,
  dropAllCapabilities: false,
  privileged: false,
} as const

/**
 * VMware memory management docs: with memory overcommit the host can promise guests more RAM
 * than it has; when they touch more than it has, it swaps and the VMs slow down sharply.
 * Speed = max(min, 1 − penalty × overshoot / physical): 10 % overshoot halves the speed.
 */
export const MEM_OVERCOMMIT = {
  maxRatio: 2,
  swapPenalty: 5,
  minSpeed: 0.05,
  source: 'VMware vSphere memory management docs: overcommit via ballooning, sharing, swapping; swapping makes VMs slow',
}

/**
 * Clark et al., "Live Migration of Virtual Machines", NSDI 2005: iterative pre-copy (round i
 * sends what the guest dirtied during round i − 1) until what is left can go within the
 * maximum downtime, then stop-and-copy. QEMU's default maximum downtime is 300 ms.
 */
export const LIVE_MIGRATION = {
  linkMiBPerS: 119,
  /** Pages a busy guest dirties per second: a base plus some per running container (an estimate). */
  dirtyBaseMiBPerS: 10,
  dirtyPerContainerMiBPerS: 5,
  /** QEMU migration parameter downtime-limit, default 300 ms (migration/options.c). */
  maxDowntimeMs: 300,
  /**
   * QEMU auto-converge (migration/options.c defaults): cpu-throttle-initial 20 %, cpu-throttle-increment 10 %, up to
   * max-cpu-throttle 99 %; throttling starts when a pass dirties more than throttle-trigger-threshold 50 % of what it sent.
   */
  throttleInitialPercent: 20,
  throttleIncrementPercent: 10,
  throttleMaxPercent: 99,
  throttleTriggerPercent: 50,
  /**
   * Post-copy: the switch pauses the guest only to send its device state (an estimate: tens of ms), then it runs on the
   * target at reduced speed while missing pages arrive (an estimate: half speed); if either side fails meanwhile the VM
   * is lost (the game does not model that risk).
   */
  postcopySwitchMs: 50,
  postcopySpeed: 0.5,
  source:
    'Clark et al., NSDI 2005 (pre-copy, then stop-and-copy); QEMU migration/options.c: downtime-limit 300 ms, no round cap ' +
    '(a guest dirtying faster than the link never converges), auto-converge 20 % + 10 % per pass up to 99 %, post-copy; ' +
    'the "stop after 30 rounds or 3× RAM sent" rule is Xen\'s (xc_domain_save), not QEMU\'s: not modelled here; ' +
    '1 Gbit/s link ≈ 119 MiB/s',
}
