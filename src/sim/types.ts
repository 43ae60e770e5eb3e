/**
 * The world: plain, serialisable data. Records keyed by id, no classes, no functions. The things in
 * it are declared in model.ts and the commands that change it in commandTypes.ts; this module is
 * where the rest of the simulation imports all of them from.
 */
import type { Command } from './commandTypes'
import type { RngState } from './rng'

export type * from './model'
export type * from './commandTypes'
import type {
  App,
  AppId,
  AppSample,
  ClusterAutoscaler,
  Container,
  ContainerId,
  Host,
  HostId,
  Image,
  ImageId,
  Layer,
  LayerId,
} from './model'
import type { SimEvent, Vm, VmId, ZoneState } from './model'

/** A fault or change a level schedules in advance (seeded, so it is the same every run). */
export interface ScheduledCommand {
  atMs: number
  command: Command
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
  /** Every layer ever built or added: the build cache and the registry in one. */
  layers: Record<LayerId, Layer>
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
  /** Namespaces that exist ('default' always). */
  namespaces: string[]
  /** PriorityClass name → value (higher wins; preemption evicts lower). */
  priorityClasses: Record<string, number>
  autoscaler: ClusterAutoscaler | null
  /** Zones the node lifecycle controller sees disrupted (absent: every zone Normal). */
  zoneStates?: Record<string, ZoneState>
}
