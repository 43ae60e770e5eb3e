/** What houses (hosts) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const hostsMessages = {
  'hosts.removed': entry<'host'>(
    (p) => `House ${p.host} sold.`,
    (p) => `Host ${p.host} removed.`,
  ),
  'hosts.failed': entry<'host' | 'vms' | 'rooms'>(
    (p) => `Fire! House ${p.host} burnt down with ${p.vms} apartments and ${p.rooms} rooms.`,
    (p) => `Host ${p.host} failed: ${p.vms} VMs and ${p.rooms} containers lost.`,
  ),
  'hosts.zoneFailed': entry<'zone' | 'hosts' | 'vms' | 'rooms'>(
    (p) => `Fire across zone ${p.zone}! ${p.hosts} houses burnt down with ${p.vms} apartments and ${p.rooms} rooms.`,
    (p) => `Zone ${p.zone} outage: ${p.hosts} hosts failed, ${p.vms} VMs and ${p.rooms} containers lost.`,
  ),
  'hosts.repaired': entry<'host'>(
    (p) => `House ${p.host} rebuilt by the infrastructure crew (not by the building manager).`,
    (p) => `Host ${p.host} repaired and powered on (infrastructure layer).`,
  ),
  'hosts.joined': entry<'name' | 'cores' | 'memMiB'>(
    (p) => `House ${p.name} built (${p.cores} workers, ${p.memMiB}).`,
    (p) => `Host ${p.name} joined: ${p.cores} cores, ${p.memMiB} RAM.`,
  ),
} satisfies Catalogue
