/**
 * The world: plain, serialisable data. Records keyed by id, no classes, no functions.
 * Code uses the technical names; the metaphor (house, apartment, room) lives in labels.ts.
 */
import type { GuestOs } from './constants'
import type { RngState } from './rng'

export type HostId = string
export type VmId = string
export type ContainerId = string
export type AppId = string
export type ImageId = string

export type HostPower = 'on' | 'failed' | 'off'
/** Kubernetes' view of a host or VM acting as a node. */
export type NodeCondition = 'Ready' | 'NotReady'

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
  /** When the host went down (failed or off); null while it stands. Drives the node lifecycle. */
  downSinceMs: number | null
  /** Image ids whose layers this host has cached. */
  cachedImages: ImageId[]
  /** Cordoned: the scheduler places no new pods here. */
  unschedulable: boolean
  /** Being drained: its managed pods are evicted as their disruption budgets allow. */
  draining: boolean
  /** The drain is waiting on a disruption budget (said once in the log, not every step). */
  drainBlocked: boolean
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
  cachedImages: ImageId[]
  /** Kubernetes node status when this VM is a node. */
  condition: NodeCondition
  downSinceMs: number | null
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
}

export interface Image {
  id: ImageId
  /** name:tag, as Docker writes it. */
  ref: string
  sizeMiB: number
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
  revisions: { revision: number; imageId: ImageId }[]
  /** A rollout in progress is paused (kubectl rollout pause). */
  rolloutPaused: boolean
  /** HorizontalPodAutoscaler, when set. */
  hpa: Hpa | null
  /** PodDisruptionBudget: rooms that must stay open during voluntary evictions (drain). */
  pdbMinAvailable: number | null
}

export interface Hpa {
  minReplicas: number
  maxReplicas: number
  targetCpuPercent: number
  /** When the HPA last synced (it runs every 15 s). */
  lastSyncMs: number
  /** Recent recommendations, for the scale-down stabilisation window. */
  recommendations: { atMs: number; replicas: number }[]
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

/** One line of the event log, written in both vocabularies. */
export interface SimEvent {
  seq: number
  atMs: number
  level: EventLevel
  metaphor: string
  technical: string
  /** Ids of the things this event is about, so the inspector can show an object's own history. */
  subjects: string[]
}

/** A fault or change a level schedules in advance (seeded, so it is the same every run). */
export interface ScheduledCommand {
  atMs: number
  command: import('./commands').Command
}

export interface World {
  seed: number
  rng: RngState
  timeMs: number
  tick: number
  nextId: number
  /**
   * Classroom time: Kubernetes delays (back-off, node grace period, eviction) are multiplied by
   * this factor. 1 is real time. The game shows the factor on screen whenever it is not 1.
   */
  delayScale: number
  hosts: Record<HostId, Host>
  vms: Record<VmId, Vm>
  containers: Record<ContainerId, Container>
  apps: Record<AppId, App>
  images: Record<ImageId, Image>
  events: SimEvent[]
  eventSeq: number
  /** Commands waiting for their time, sorted by atMs. */
  schedule: ScheduledCommand[]
  /** Money spent so far, from each powered host's cost per hour. */
  costSpent: number
  /** Rotating start for the scheduler's node search, as kube-scheduler does. */
  schedulerCursor: number
  /** Counters for the benchmark and the charts. */
  stats: { podsScheduled: number; containersStarted: number; crashes: number }
  /** Per-app samples, one a second, the last METRICS_SAMPLES of them. */
  metrics: Record<AppId, AppSample[]>
  /** Street-wide samples: running cost per hour. */
  costSamples: { t: number; perHour: number }[]
}
