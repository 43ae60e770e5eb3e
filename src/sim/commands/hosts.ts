/** Houses (hosts): build, sell, burn, rebuild. */
import { containerList } from '../containerIndex'
import { deleteContainer, loseContainer, vmDown } from '../containers'
import { logEvent } from '../events'
import { say } from '../messages'
import { fail, notFound } from '../result'
import { buildHost } from '../hosts'
import type { HandlerTable } from './handler'
import type { HostCommand } from '../types'

export const hostsHandlers = {
  addHost: (world, command) => buildHost(world, command),
  removeHost(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    const busy =
      Object.values(world.vms).some((v) => v.hostId === host.id) ||
      containerList(world).some((c) => c.placement?.kind === 'host' && c.placement.hostId === host.id)
    if (busy) return fail(`House ${host.name} still has apartments or rooms; empty it first.`, `host ${host.name} is not empty`)
    delete world.hosts[host.id]
    logEvent(world, 'info', say('hosts.removed', { host: host.name }), [host.id])
    return { ok: true }
  },
  failHost(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    if (host.power !== 'on') return fail(`House ${host.name} is not standing.`, `host ${host.name} is ${host.power}`)
    host.power = 'failed'
    host.powerSinceMs = world.timeMs
    host.downSinceMs = world.timeMs
    let vms = 0
    let rooms = 0
    for (const vm of Object.values(world.vms)) {
      if (vm.hostId === host.id && vm.state !== 'stopped' && vm.state !== 'crashed') {
        rooms += vmDown(world, vm.id, 'crashed')
        vms += 1
      }
    }
    for (const c of containerList(world)) {
      if (c.placement?.kind === 'host' && c.placement.hostId === host.id && c.state !== 'lost') {
        loseContainer(world, c)
        rooms += 1
      }
    }
    logEvent(world, 'error', say('hosts.failed', { host: host.name, vms, rooms }), [host.id])
    return { ok: true }
  },
  repairHost(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    if (host.power === 'on') return fail(`House ${host.name} is already standing.`, `host ${host.name} is on`)
    host.power = 'on'
    host.powerSinceMs = world.timeMs
    host.downSinceMs = null
    // The rebuilt house is empty of unmanaged rooms: nobody restarts a plain `docker run` after a fire.
    for (const c of containerList(world)) {
      if (c.placement?.kind === 'host' && c.placement.hostId === host.id && c.state === 'lost' && !c.managed) deleteContainer(world, c)
    }
    logEvent(world, 'info', say('hosts.repaired', { host: host.name }), [host.id])
    return { ok: true }
  },
} satisfies HandlerTable<HostCommand>
