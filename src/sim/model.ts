/**
 * The things in the world: plain, serialisable data, no classes, no functions. The World that
 * holds them is in types.ts; code imports all of it from there. Code uses the technical names;
 * the metaphor (house, apartment, room) lives in labels.ts.
 */
import type { GuestOs } from './constants'

export type HostId = string
export type VmId = string
export type ContainerId = string
export type AppId = string
export type ImageId = string
export type LayerId = string
/** A package as installed on a machine or carried by an image: `name@version`, e.g. `python@3.12`. */
export type PackageSpec = string

export type HostPower = 'on' | 'failed' | 'off'

/** A taint on a node repels pods that do not tolerate it (kubernetes.io "Taints and Tolerations"). */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
export interface Taint {
  key: string
  value: string
  effect: TaintEffect
  /** When a NoExecute taint was added (the API's timeAdded): tolerationSeconds count from here. */
  timeAddedMs?: number
}
/** A pod's toleration: Exists matches any value of the key; an omitted effect matches every effect. */
export interface Toleration {
  key: string
  operator: 'Equal' | 'Exists'
  value?: string
  effect?: TaintEffect
}
/** One node selector requirement, as in nodeAffinity (matched against the node's labels). */
export interface NodeSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values: string[]
}
/** Node affinity: every `required` requirement must hold; each matching `preferred` term adds its weight (1–100). */
export interface NodeAffinity {
  required: NodeSelectorRequirement[]
  preferred: { weight: number; match: NodeSelectorRequirement[] }[]
}
/** Pod anti-affinity against the app's own pods, per topology domain (hostname or zone). */
export interface PodAntiAffinity {
  topologyKey: string
  /** requiredDuringScheduling (a filter) or preferredDuringScheduling (a score). */
  required: boolean
}
/** topologySpreadConstraints against the app's own pods. */
export interface TopologySpread {
  maxSkew: number
  topologyKey: string
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway'
}
/** A liveness or readiness probe (defaults: period 10 s, failureThreshold 3, successThreshold 1). */
export interface Probe {
  initialDelaySeconds: number
  periodSeconds: number
  failureThreshold: number
  successThreshold: number
}
/** A second container in the same pod (room): same door (network namespace), its own requests. */
export interface Sidecar {
  name: string
  imageId: ImageId
  cpuRequestMilli: number
  memRequestMiB: number
}
/** The cluster autoscaler: buys houses while pods stay pending, sells idle ones (kubernetes/autoscaler FAQ). */
export interface ClusterAutoscaler {
  minHosts: number
  maxHosts: number
  /** The street may not cost more than this per hour with the new house included. */
  budgetPerHour: number
  /** What a bought house looks like. Zones are used in turn. */
  template: { cores: number; memMiB: number; costPerHour: number; zones: string[] }
  /** When it last bought a house (scale-down waits 10 min after a scale-up). */
  lastScaleUpMs: number
  /** Since when each house has been under the utilisation threshold (scale-down after 10 min). */
  unneededSinceMs: Record<HostId, number>
  /** Houses it bought (the only ones it will sell). */
  boughtHostIds: HostId[]
}
/**
 * Kubernetes' view of a host or VM acting as a node: its Ready condition. Unknown is what the node lifecycle
 * controller writes when the kubelet stops posting status for the grace period (kubectl shows it as NotReady).
 */
export type NodeCondition = 'Ready' | 'NotReady' | 'Unknown'

/** The node lifecycle controller's state of a zone (node_lifecycle_controller.go ComputeZoneState). */
export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption'

/** A physical server (house). Its type-1 hypervisor runs VMs; containers may also stand on it directly. */
export interface Host {
  id: HostId
  name: string
  zone: string
  cores: number
  memMiB: number
  diskGiB: number
  costPerHour: number
  power: HostPower
  /** When the power state last changed (ms of world time). */
  powerSinceMs: number
  /** Kubernetes node status as the control plane sees it; lags the truth by the grace period. */
  condition: NodeCondition
  /**
   * Failed by a panic of its own kernel (shared by every room on it), not a fire: the street shows a
   * kernel panic. Absent while it stands and after a plain failure; cleared when it is repaired.
   */
  kernelPanic?: boolean
  /** When the host went down (failed or off); null while it stands. Drives the node lifecycle. */
  downSinceMs: number | null
  /** Layer ids this host has cached: a start pulls only the layers missing here. */
  cachedLayers: LayerId[]
  /** Packages installed on the machine itself (for apps installed without a container). */
  packages: PackageSpec[]
  /** Apps installed directly on this machine, no container. */
  installedApps: AppId[]
  /** How far guest RAM may be promised beyond physical RAM (1 = no memory overcommit). */
  memOvercommit: number
  /** Its VMs' memory in use exceeds physical RAM: the host swaps and its VMs slow down. */
  swapping: boolean
  /** Cordoned: the scheduler places no new pods here. */
  unschedulable: boolean
  /** Being drained: its managed pods are evicted as their disruption budgets allow. */
  draining: boolean
  /** The drain is waiting on a disruption budget (said once in the log, not every step). */
  drainBlocked: boolean
  /** Labels the player set on the node (well-known ones, hostname, zone and os, are derived). */
  labels: Record<string, string>
  taints: Taint[]
  /** What is reserved on this host right now (kept in step with placements; checked by the invariants). */
  alloc: { cpuMilli: number; memMiB: number; vcpus: number; pods: number }
}

export type VmState = 'provisioning' | 'booting' | 'running' | 'stopped' | 'crashed'

/** A virtual machine (apartment): its own guest OS and kernel, carved out of one host. */
export interface Vm {
  id: VmId
  name: string
  hostId: HostId
  os: GuestOs
  vcpus: number
  memMiB: number
  state: VmState
  stateSinceMs: number
  /** When the current phase (provisioning, booting) finishes. */
  phaseEndsMs: number
  /** Reserved inside the VM by its containers (its guest OS footprint is counted separately). */
  alloc: { cpuMilli: number; memMiB: number; pods: number }
  cachedLayers: LayerId[]
  packages: PackageSpec[]
  installedApps: AppId[]
  /** 1 at full speed; below 1 while its host swaps; 0 during a live migration's stop-and-copy pause. */
  speed: number
  /** Memory its guest touches: guest OS plus its containers' use (what its host must back with RAM). */
  memInUseMiB: number
  /** A live migration in progress (Clark et al. 2005): pre-copy while running, then stop-and-copy. */
  migration: Migration | null
  /** Labels the player set on the node (well-known ones, hostname, zone and os, are derived). */
  labels: Record<string, string>
  taints: Taint[]
  /** Kubernetes node status when this VM is a node. */
  condition: NodeCondition
  downSinceMs: number | null
}

/**
 * How QEMU is told to migrate (its migration capabilities): plain pre-copy (the default), auto-converge (throttle the
 * guest's vCPUs until it dirties memory slower than the link copies) or post-copy (switch after one pass, then fetch
 * the rest on demand).
 */
export type MigrationMode = 'precopy' | 'auto-converge' | 'postcopy'

export interface Migration {
  toHostId: HostId
  /** postcopy: running on the target, its remaining pages fetched over the link on demand (slowly). */
  phase: 'precopy' | 'stopcopy' | 'postcopy'
  mode: MigrationMode
  /** False: the guest dirties memory as fast as the link copies, and plain pre-copy never finishes (QEMU has no cap). */
  converges: boolean
  /** auto-converge: how far its vCPUs are throttled now, percent (0 = not throttled). */
  throttlePercent: number
  /** post-copy: how long the pages still on the source take to arrive after the switch. */
  postcopyMs: number
  /** When the current phase ends. */
  phaseEndsMs: number
  /** The pause the stop-and-copy will take, in ms. */
  downtimeMs: number
  /** Pre-copy rounds the model ran (each copies what the guest dirtied during the last). */
  rounds: number
}

export type Placement = { kind: 'host'; hostId: HostId } | { kind: 'vm'; vmId: VmId }

/**
 * pending: not yet placed, or placed in an apartment still booting. lost: its house or apartment
 * went down; the manager has not yet noticed (node grace period) or evicted it.
 */
export type ContainerState = 'pending' | 'pulling' | 'creating' | 'running' | 'crashed' | 'backoff' | 'lost' | 'terminated'

/** A container (room). It shares the kernel of whatever it stands in: the host's, or its VM's. */
export interface Container {
  id: ContainerId
  name: string
  appId: AppId
  imageId: ImageId
  /** Null while pending (not yet scheduled). */
  placement: Placement | null
  state: ContainerState
  /** When the pod was created (kubectl's AGE); never reset by restarts. */
  createdAtMs: number
  stateSinceMs: number
  /** When the current phase (pulling, creating, back-off) finishes. */
  phaseEndsMs: number
  cpuRequestMilli: number
  memRequestMiB: number
  restarts: number
  /** Current CrashLoopBackOff delay for the next restart. */
  backoffMs: number
  /** Why the container is pending or crashed, in both vocabularies; empty when healthy. */
  reason: string
  /** Set when the building manager looks after this room (a pod of a Deployment). */
  managed: boolean
  /** Limits (null = none): over the CPU limit it is throttled, over the memory limit OOM-killed. */
  cpuLimitMilli: number | null
  memLimitMiB: number | null
  runtime: Runtime
  security: SecurityContext
  /** What it uses right now (cgroup accounting), set by the kernel system each step. */
  cpuUsageMilli: number
  memUsageMiB: number
  /** Share of its full serving capacity it gets now (CPU granted / needed, swap, sandbox cost). */
  speed: number
  /** Held to its CPU limit by the CFS quota this step. */
  throttled: boolean
  /** Exit code of the last termination (137 = SIGKILL, e.g. OOMKilled); null if it never died. */
  exitCode: number | null
  /** Chaos: memory it leaks per second while running (reset to baseline on restart, then leaks again). */
  leakMiBPerS: number
  /** Memory leaked since it last started. */
  leakedMiB: number
  /** Chaos: a runaway loop that wants every core it can get. */
  cpuHog: boolean
  /** An attacker is inside this room. */
  breached: boolean
  /** Kubernetes fields copied from the app when the pod is made. */
  namespace: string
  priority: number
  /** Readiness: only ready rooms are in the doorman's rotation (Service endpoints). */
  ready: boolean
  /** Consecutive probe results, and when the next probe runs. */
  probe: { readinessFailures: number; readinessSuccesses: number; livenessFailures: number; nextAtMs: number }
  /** Chaos: the process is alive but stuck (a liveness probe fails; nothing else notices). */
  hung: boolean
  /** Names of the pod's other containers (sidecars), if any; their requests are in this pod's requests. */
  sidecars: string[]
  /** Set when the scheduler preempted lower-priority pods for this one (status.nominatedNodeName). */
  nominatedNode: string | null
  /**
   * Being deleted (metadata.deletionTimestamp set): the pod is Terminating until this time, the end of its grace
   * period, then it is gone. Null: not being deleted. It keeps its place on the node until then.
   */
  terminatingUntilMs: number | null
}

/** Container runtimes: runc shares the kernel; gVisor, Kata and Firecracker put something in between. */
export type Runtime = 'runc' | 'gvisor' | 'kata' | 'firecracker'

/** The settings of the Pod Security Standards "restricted" profile that narrow a breach. */
export interface SecurityContext {
  runAsNonRoot: boolean
  readOnlyRootFilesystem: boolean
  dropAllCapabilities: boolean
  privileged: boolean
}

/** One image layer: content-addressed from its parent layer and the instruction that made it. */
export interface Layer {
  id: LayerId
  parent: LayerId | null
  instruction: string
  sizeMiB: number
}

export interface Image {
  id: ImageId
  /** name:tag, as Docker writes it. */
  ref: string
  /** Total of its layers. */
  sizeMiB: number
  /** Bottom (base OS) to top (app). Immutable once built. */
  layers: LayerId[]
  /** Packages the image carries (runtime, libraries), so the app finds them on any node. */
  packages: PackageSpec[]
  /** Kernel it needs: Linux images run on Linux kernels, Windows images on Windows kernels. */
  os: GuestOs
}

/** An application: one image, run as replicas, with visitors to serve. */
export interface App {
  id: AppId
  name: string
  imageId: ImageId
  /** Desired replicas when the building manager looks after this app. */
  replicas: number
  /** Whether the building manager (a Deployment + ReplicaSet) looks after this app. */
  managed: boolean
  cpuRequestMilli: number
  memRequestMiB: number
  /** Limits per room; null = no limit (it may use what its kernel gives). */
  cpuLimitMilli: number | null
  memLimitMiB: number | null
  /** What the app needs on a machine to run without a container ("works on my machine"). */
  requires: PackageSpec[]
  runtime: Runtime
  security: SecurityContext
  /** Visitors per second arriving at the app's front door. */
  rps: number
  /** Visitors per second one running replica can serve. */
  capacityRps: number
  /** Totals over the whole run, in visitors. */
  served: number
  dropped: number
  /** Visitors served and offered in the last step, for live display. */
  lastServedRps: number
  /** Rooms open and serving in the last step (Deployment status readyReplicas). */
  readyReplicas: number
  /** Mean time a visitor waits and is served, in the last step (queueing grows it near capacity). */
  latencyMs: number
  /** CPU use of its ready rooms as a share of their requests, in percent (what the HPA reads). */
  cpuPercent: number
  /** Deployment revision: bumps with each new image; `revisions` keeps the last few for rollback. */
  revision: number
  revisions: { revision: number; imageId: ImageId; /** When it was made (its ReplicaSet's AGE); absent in old saves. */ atMs?: number }[]
  /** A rollout in progress is paused (kubectl rollout pause). */
  rolloutPaused: boolean
  /** HorizontalPodAutoscaler, when set. */
  hpa: Hpa | null
  /** PodDisruptionBudget: rooms that must stay open during voluntary evictions (drain). */
  pdbMinAvailable: number | null
  /** The PodDisruptionBudget's own name when a manifest gave one (exported as it came); absent: the app's name. */
  pdbName?: string
  namespace: string
  /** Pod labels (they always include the Deployment's selector, app=<name> unless a manifest said otherwise). */
  labels: Record<string, string>
  /** What an imported manifest said about its shape (selector, container, Service); null: the game's defaults. */
  manifest: AppManifest | null
  tolerations: Toleration[]
  nodeAffinity: NodeAffinity
  podAntiAffinity: PodAntiAffinity | null
  topologySpread: TopologySpread | null
  /** '' = no class (priority 0). */
  priorityClassName: string
  readinessProbe: Probe | null
  livenessProbe: Probe | null
  sidecars: Sidecar[]
}

/**
 * What a Kubernetes manifest said that the game keeps to show and export it faithfully (src/io/k8s.ts): the
 * Deployment's selector, the container's name and port, and the Service in front of the pods.
 */
export interface AppManifest {
  /** spec.selector.matchLabels: immutable; the pods' labels include it. */
  selector: Record<string, string>
  containerName: string
  containerPort: number
  /** The Service selecting these pods; null: the game's own doorman (named after the app, port 80 → the container port). */
  service: { name: string; port: number; targetPort: number; type: string; selector: Record<string, string> } | null
}

export interface Hpa {
  minReplicas: number
  maxReplicas: number
  targetCpuPercent: number
  /** When the HPA last synced (it runs every 15 s). */
  lastSyncMs: number
  /**
   * Recent recommendations, for the scale-down stabilisation window (300 s). The current replica count is recorded
   * as the first one when the HPA is created, so it does not scale down in its first 5 minutes (horizontal.go).
   */
  recommendations: { atMs: number; replicas: number }[]
  /**
   * spec.behavior set (e.g. imported from YAML): the v2 default policies apply (scale-up max(4 pods, 100 %) per 15 s).
   * Unset (kubectl autoscale, the game's form): the v1 rule, at most max(2 × current, 4) per sync.
   */
  behavior: boolean
  /** The CPU utilisation of its ready pods at the last sync (percent of request), null before or without metrics. */
  currentCpuPercent: number | null
  /** Why the last sync did what it did, in both vocabularies (shown in the manager panel). */
  status: { metaphor: string; technical: string }
}

/** One sample of an app's vital signs, taken every second, for the charts. */
export interface AppSample {
  t: number
  desired: number
  ready: number
  served: number
  dropped: number
  latencyMs: number
  cpuPercent: number
}

export type Vocabulary = 'metaphor' | 'technical'

export type EventLevel = 'info' | 'warn' | 'error'

/** One line of the event log: a message id and its values (rendered by the catalogue in src/sim/messages). */
export interface SimEvent {
  seq: number
  atMs: number
  level: EventLevel
  /** The catalogue's id, e.g. 'kubelet.backOffRestarting'. */
  id: string
  params: Readonly<Record<string, string | number | boolean | null | readonly string[]>>
  /** Ids of the things this event is about, so the inspector can show an object's own history. */
  subjects: string[]
}

/** One step of a Dockerfile, as the image workshop builds it. */
export interface BuildInstruction {
  /** As a Dockerfile writes it: "FROM python:3.12-slim", "RUN pip install flask", "COPY . /app". */
  text: string
  sizeMiB: number
  /** Packages this instruction puts into the image (e.g. RUN apt-get install … → ["python@3.12"]). */
  provides?: readonly PackageSpec[]
}
