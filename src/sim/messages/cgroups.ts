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
      `House ${p.host} has promised more space than it has and its apartments now use it: it stores things in the cellar (swap) and everything inside runs at ${p.speed}% speed.`,
    (p) =>
      `Host ${p.host} swapping: guests touch ${p.inUse} MiB of ${p.memMiB} MiB physical (memory overcommit ${p.memOvercommit}:1); VMs slowed to ${p.speed}%.`,
  ),
  'cgroups.swapStopped': entry<'host'>(
    (p) => `House ${p.host} no longer needs the cellar: full speed again.`,
    (p) => `Host ${p.host} stopped swapping.`,
  ),
} satisfies Catalogue
