/** What the kernel (cgroups) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const cgroupsMessages = {
  'cgroups.throttled': entry<'app' | 'cpuLimitMilli' | 'room' | 'roomCpuLimitMilli'>(
    (p) => `A room of ${p.app} hit its cap of ${p.cpuLimitMilli} workers: it works slower, nobody is thrown out.`,
    (p) => `Container ${p.room} CPU throttled at its ${p.roomCpuLimitMilli}m limit (CFS quota).`,
  ),
  'cgroups.swapping': entry<'host' | 'speed' | 'inUse' | 'memMiB' | 'memOvercommit'>(
    (p) =>
      `House ${p.host} has promised more space than it has and its apartments now use it: it stores things in the cellar (swap) and ` +
      `everything inside runs at ${p.speed}% speed.`,
    (p) =>
      `Host ${p.host} swapping: guests touch ${p.inUse} MiB of ${p.memMiB} MiB physical (memory overcommit ${p.memOvercommit}:1); VMs ` +
      `slowed to ${p.speed}%.`,
  ),
  'cgroups.swapStopped': entry<'host'>(
    (p) => `House ${p.host} no longer needs the cellar: full speed again.`,
    (p) => `Host ${p.host} stopped swapping.`,
  ),
  // The kubelet's eviction manager under memory pressure (kubernetes.io "Node-pressure Eviction").
  'cgroups.evictedForMemory': entry<'where' | 'app' | 'qos' | 'why' | 'pod' | 'threshold' | 'available' | 'used' | 'request' | 'priority'>(
    (p) =>
      `${p.where} is nearly out of space: the caretaker moved out a room of ${p.app} (${p.qos}: ${p.why}); ` +
      'the manager opens it again elsewhere.',
    (p) =>
      `Evicted pod ${p.pod}: The node was low on resource: memory. Threshold quantity: ${p.threshold}Mi, available: ` +
      `${p.available}Mi. Container ${p.app} was using ${p.used}Mi, request is ${p.request}Mi (QoS ${p.qos}, priority ${p.priority}).`,
  ),
} satisfies Catalogue
