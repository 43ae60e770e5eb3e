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
  'hosts.kernelPanic': entry<'host' | 'vms' | 'rooms'>(
    (p) => `House ${p.host}'s shared plumbing failed (kernel panic): ${p.vms} apartments and ${p.rooms} rooms went dark; the walls stand.`,
    (p) => `Host ${p.host}: kernel panic. Its kernel is shared by every container on it: ${p.vms} VMs and ${p.rooms} containers lost.`,
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
  'hosts.refused.hostIsNotEmpty': entry<'host'>(
    (p) => `House ${p.host} still has apartments or rooms; empty it first.`,
    (p) => `host ${p.host} is not empty`,
  ),
  'hosts.refused.hostIs': entry<'host' | 'power'>(
    (p) => `House ${p.host} is not standing.`,
    (p) => `host ${p.host} is ${p.power}`,
  ),
  'hosts.refused.noHostWithPower': entry<'zone'>(
    (p) => `No house is standing in zone ${p.zone}.`,
    (p) => `no host with power on in zone ${p.zone}`,
  ),
  'hosts.refused.hostIsOn': entry<'host'>(
    (p) => `House ${p.host} is already standing.`,
    (p) => `host ${p.host} is on`,
  ),
  'hosts.refused.aHouseNeedsAt': entry<never>(
    (p) => `A house needs at least one core and some memory.`,
    (p) => `A house needs at least one core and some memory.`,
  ),
  'hosts.refused.memoryOvercommitRatioMust': entry<'maxRatio'>(
    (p) => `Promise between 1× and ${p.maxRatio}× the house's memory.`,
    (p) => `memory overcommit ratio must be in [1, ${p.maxRatio}]`,
  ),
  'hosts.refused.idAlreadyInUse': entry<'id'>(
    (p) => `Something called ${p.id} already exists.`,
    (p) => `id ${p.id} already in use`,
  ),
} satisfies Catalogue
