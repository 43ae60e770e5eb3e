/**
 * Commands about the pods themselves and the cluster around them: probes, sidecars, namespaces
 * and labels, a hung process (chaos), and the cluster autoscaler.
 */
import type { Result } from './commands'
import type { AppId, ClusterAutoscaler, ContainerId, Probe, Sidecar, World } from './types'

export type AutoscalerConfig = Pick<ClusterAutoscaler, 'minHosts' | 'maxHosts' | 'budgetPerHour' | 'template'>

export type PodCommand =
  | { type: 'setProbes'; appId: AppId; readiness?: Probe | null; liveness?: Probe | null }
  | { type: 'hangContainer'; containerId: ContainerId; hung: boolean }
  | { type: 'setSidecars'; appId: AppId; sidecars: Sidecar[] }
  | { type: 'addNamespace'; name: string }
  | { type: 'setNamespace'; appId: AppId; namespace: string }
  | { type: 'setAppLabels'; appId: AppId; labels: Record<string, string> }
  | { type: 'setClusterAutoscaler'; config: AutoscalerConfig | null }

export function applyPodCommand(world: World, command: PodCommand): Result {
  void world
  return { ok: false, metaphor: 'Not built yet.', technical: `${command.type} is not implemented yet` }
}
