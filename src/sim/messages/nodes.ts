/** What the node lifecycle controller says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const nodesMessages = {
  'nodes.zoneDisruption': entry<'state' | 'why' | 'zone'>(
    (p) =>
      `The building manager sees ${p.state === 'Normal' ? `zone ${p.zone} healthy again` : `trouble across zone ${p.zone}`}: ${p.why}.`,
    (p) => `Controller detected that zone ${p.zone} is now in state ${p.state}: ${p.why}.`,
  ),
  'nodes.evicted': entry<'evicted' | 'toleration'>(
    (p) => `The building manager gave up on ${p.evicted} rooms in lost buildings and will set them up elsewhere.`,
    (p) =>
      `Evicted ${p.evicted} pods from unreachable nodes (taint-based eviction after ${p.toleration} s); ReplicaSets will recreate them.`,
  ),
  'nodes.notReady': entry<'what' | 'node' | 'pods' | 'taint' | 'grace' | 'toleration'>(
    (p) =>
      `The building manager noticed ${p.what} ${p.node} stopped answering (${p.grace} s without a call). ` +
      `It stops sending visitors to its ${p.pods} rooms and will move them after ${p.toleration} s more.`,
    (p) =>
      `Node ${p.node} status is now: NodeStatusUnknown (Kubelet stopped posting node status for ${p.grace} s, ` +
      `node-monitor-grace-period); taint ${p.taint}:NoSchedule added; ${p.pods} pods marked NotReady and removed ` +
      `from Service endpoints. Pods tolerate ${p.taint}:NoExecute for ${p.toleration} s.`,
  ),
} satisfies Catalogue
