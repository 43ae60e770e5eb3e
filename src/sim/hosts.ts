/** Building a house: the one place a host record is made (the addHost command, the cluster autoscaler). */
import { formatMiB } from './capacity'
import { MEM_OVERCOMMIT } from './constants'
import { logEvent } from './events'
import { say, refuse } from './messages'
import type { Result } from './result'
import type { Command, World } from './types'
import { newId } from './world'
import { noteHostsChanged } from './containerIndex'

/** A new house on the street; `announce` = false for one only ordered (the autoscaler says so itself). */
export function buildHost(world: World, command: Extract<Command, { type: 'addHost' }>, announce = true): Result {
  if (!(command.cores > 0) || !(command.memMiB > 0)) return refuse(say('hosts.refused.aHouseNeedsAt'))
  const memOvercommit = command.memOvercommit ?? 1
  if (!(memOvercommit >= 1 && memOvercommit <= MEM_OVERCOMMIT.maxRatio))
    return refuse(say('hosts.refused.memoryOvercommitRatioMust', { maxRatio: MEM_OVERCOMMIT.maxRatio }))
  if (command.id !== undefined && (world.hosts[command.id] || world.vms[command.id]))
    return refuse(say('hosts.refused.idAlreadyInUse', { id: command.id }))
  const id = command.id ?? newId(world, 'h')
  const name = command.name ?? String(Object.keys(world.hosts).length + 1)
  noteHostsChanged(world)
  world.hosts[id] = {
    id,
    name,
    zone: command.zone ?? 'a',
    cores: command.cores,
    memMiB: command.memMiB,
    diskGiB: command.diskGiB ?? 500,
    costPerHour: command.costPerHour,
    power: 'on',
    powerSinceMs: world.timeMs,
    condition: 'Ready',
    downSinceMs: null,
    cachedLayers: [],
    packages: [],
    installedApps: [],
    memOvercommit,
    swapping: false,
    unschedulable: false,
    draining: false,
    drainBlocked: false,
    labels: {},
    taints: [],
    alloc: { cpuMilli: 0, memMiB: 0, vcpus: 0, pods: 0 },
  }
  if (announce) logEvent(world, 'info', say('hosts.joined', { name, cores: command.cores, memMiB: formatMiB(command.memMiB) }), [id])
  return { ok: true, id }
}
