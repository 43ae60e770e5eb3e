/**
 * The commands: every change to the world, from the player, a level script, the console or a test.
 * One closed union of families; each family's handlers live in commands/<family>.ts. The types are
 * here, below everything else, so that the world (which schedules commands) can name them.
 */
import type { GuestOs } from './constants'
import type { AppId, BuildInstruction, ClusterAutoscaler, ContainerId, HostId, ImageId, NodeAffinity } from './model'
import type { PackageSpec, Placement, PodAntiAffinity, Probe, Runtime, SecurityContext, Sidecar, Taint } from './model'
import type { AppManifest, MigrationMode, Toleration, TopologySpread, VmId } from './model'

export type AutoscalerConfig = Pick<ClusterAutoscaler, 'minHosts' | 'maxHosts' | 'budgetPerHour' | 'template'>

/** Houses (hosts): handlers in commands/hosts.ts. */
export type HostCommand =
  | {
      type: 'addHost'
      id?: HostId
      name?: string
      zone?: string
      cores: number
      memMiB: number
      diskGiB?: number
      costPerHour: number
      memOvercommit?: number
    }
  | { type: 'removeHost'; hostId: HostId }
  /**
   * The house fails: a fire (the default), or with kernelPanic a panic of its kernel, the one the
   * rooms on it share (same reach: every room on it and its apartments stop; the walls stand).
   */
  | { type: 'failHost'; hostId: HostId; kernelPanic?: boolean }
  /** Every standing house of one zone fails at once (a zone outage; the chaos panel's "burn a zone"). */
  | { type: 'failZone'; zone: string }
  | { type: 'repairHost'; hostId: HostId }

/** Furniture kits (images): handlers in commands/images.ts. */
export type ImageCommand =
  | { type: 'addImage'; id?: ImageId; ref: string; sizeMiB: number; os?: GuestOs; packages?: readonly PackageSpec[] }
  | { type: 'buildImage'; id?: ImageId; ref: string; os?: GuestOs; instructions: BuildInstruction[] }

/** Tenant businesses (apps) and their visitors: handlers in commands/apps.ts. */
export type AppCommand =
  | {
      type: 'addApp'
      id?: AppId
      name: string
      imageId: ImageId
      cpuRequestMilli: number
      memRequestMiB: number
      rps: number
      capacityRps: number
      replicas?: number
      managed?: boolean
      cpuLimitMilli?: number | null
      memLimitMiB?: number | null
      requires?: readonly PackageSpec[]
      runtime?: Runtime
      security?: Partial<SecurityContext>
    }
  | { type: 'setTraffic'; appId: AppId; rps: number }
  /** kubectl delete deployment: the Deployment, its ReplicaSets and its pods go; its Service, HPA and PDB with it. */
  | { type: 'removeApp'; appId: AppId }
  /** The shape a manifest gave the app (selector, container name and port, Service); null restores the defaults. */
  | { type: 'setManifest'; appId: AppId; manifest: AppManifest | null }

/** Classroom time: handlers in commands/clock.ts. */
export type ClockCommand = { type: 'setDelayScale'; scale: number }

/** Apartments (VMs): handlers in commands/vms.ts. */
export type VmCommand =
  | { type: 'addVm'; id?: VmId; hostId: HostId; os: GuestOs; vcpus: number; memMiB: number; name?: string }
  | { type: 'deleteVm'; vmId: VmId }
  | { type: 'stopVm'; vmId: VmId }
  | { type: 'startVm'; vmId: VmId }
  | { type: 'resizeVm'; vmId: VmId; vcpus: number; memMiB: number }
  | { type: 'migrateVm'; vmId: VmId; toHostId: HostId; mode?: MigrationMode }
  | { type: 'cancelMigration'; vmId: VmId }

/** Rooms placed by hand: handlers in commands/containers.ts. */
export type ContainerCommand =
  { type: 'runContainer'; appId: AppId; target: Placement; runtime?: Runtime } | { type: 'removeContainer'; containerId: ContainerId }

/** Chaos: handlers in commands/chaos.ts. */
export type ChaosCommand =
  | { type: 'crashContainer'; containerId: ContainerId }
  | { type: 'crashRandomContainer'; appId: AppId }
  | { type: 'crashVm'; vmId: VmId }
  | { type: 'leakMemory'; containerId: ContainerId; mibPerS: number }
  | { type: 'hogCpu'; containerId: ContainerId; on: boolean }
  | { type: 'breachContainer'; containerId: ContainerId }
  | { type: 'hangContainer'; containerId: ContainerId; hung: boolean }
  /** Chaos for levels and the classroom remote: a seeded choice of running rooms of the app get stuck. */
  | { type: 'hangRandomContainers'; appId: AppId; count: number }

/** The building manager (Deployments, HPA, PDB, cordon/drain, cluster autoscaler): handlers in commands/manager.ts. */
export type ManagerCommand =
  | { type: 'setReplicas'; appId: AppId; replicas: number }
  | { type: 'setManaged'; appId: AppId; managed: boolean }
  | { type: 'setImage'; appId: AppId; imageId: ImageId }
  | { type: 'rolloutUndo'; appId: AppId }
  | { type: 'rolloutPause'; appId: AppId; paused: boolean }
  | {
      type: 'setHpa'
      appId: AppId
      minReplicas: number
      maxReplicas: number
      targetCpuPercent: number
      /** spec.behavior set: the v2 default scaling policies apply (else the v1 rule of kubectl autoscale). */
      behavior?: boolean
    }
  | { type: 'removeHpa'; appId: AppId }
  | { type: 'setPdb'; appId: AppId; minAvailable: number | null; /** metadata.name of an imported PDB */ name?: string }
  | { type: 'cordon'; hostId: HostId; unschedulable: boolean }
  | { type: 'drain'; hostId: HostId }
  | { type: 'setClusterAutoscaler'; config: AutoscalerConfig | null }

/** The machines themselves: handlers in commands/machine.ts. */
export type MachineCommand =
  | { type: 'installPackages'; target: Placement; packages: readonly PackageSpec[] }
  | { type: 'installApp'; appId: AppId; target: Placement }
  | { type: 'setLimits'; appId: AppId; cpuLimitMilli: number | null; memLimitMiB: number | null }
  | { type: 'setRuntime'; appId: AppId; runtime: Runtime }
  | { type: 'setSecurity'; appId: AppId; security: Partial<SecurityContext> }
  | { type: 'setMemOvercommit'; hostId: HostId; ratio: number }

/** Where pods may go: handlers in commands/placement.ts. */
export type PlacementCommand =
  | { type: 'setNodeLabels'; target: Placement; labels: Record<string, string> }
  | { type: 'setTaints'; target: Placement; taints: Taint[] }
  | { type: 'setTolerations'; appId: AppId; tolerations: Toleration[] }
  | { type: 'setNodeAffinity'; appId: AppId; affinity: NodeAffinity }
  | { type: 'setPodAntiAffinity'; appId: AppId; antiAffinity: PodAntiAffinity | null }
  | { type: 'setTopologySpread'; appId: AppId; spread: TopologySpread | null }
  | { type: 'addPriorityClass'; name: string; value: number }
  | { type: 'setPriorityClass'; appId: AppId; name: string }

/** The pods themselves: handlers in commands/pods.ts. */
export type PodCommand =
  | { type: 'setProbes'; appId: AppId; readiness?: Probe | null; liveness?: Probe | null }
  | { type: 'setSidecars'; appId: AppId; sidecars: Sidecar[] }
  | { type: 'addNamespace'; name: string }
  | { type: 'setNamespace'; appId: AppId; namespace: string }
  | { type: 'setAppLabels'; appId: AppId; labels: Record<string, string> }

export type Command =
  | HostCommand
  | ImageCommand
  | AppCommand
  | ClockCommand
  | VmCommand
  | ContainerCommand
  | ChaosCommand
  | ManagerCommand
  | MachineCommand
  | PlacementCommand
  | PodCommand

export type CommandType = Command['type']
