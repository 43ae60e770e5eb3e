/**
 * Commands that steer where the scheduler puts pods: node labels and taints, tolerations, node
 * affinity, pod anti-affinity, topology spread, priority classes.
 */
import type { Result } from './commands'
import type { AppId, NodeAffinity, Placement, PodAntiAffinity, Taint, Toleration, TopologySpread, World } from './types'

export type PlacementCommand =
  | { type: 'setNodeLabels'; target: Placement; labels: Record<string, string> }
  | { type: 'setTaints'; target: Placement; taints: Taint[] }
  | { type: 'setTolerations'; appId: AppId; tolerations: Toleration[] }
  | { type: 'setNodeAffinity'; appId: AppId; affinity: NodeAffinity }
  | { type: 'setPodAntiAffinity'; appId: AppId; antiAffinity: PodAntiAffinity | null }
  | { type: 'setTopologySpread'; appId: AppId; spread: TopologySpread | null }
  | { type: 'addPriorityClass'; name: string; value: number }
  | { type: 'setPriorityClass'; appId: AppId; name: string }

export function applyPlacementCommand(world: World, command: PlacementCommand): Result {
  void world
  return { ok: false, metaphor: 'Not built yet.', technical: `${command.type} is not implemented yet` }
}
