/** Houses (hosts): build, sell, burn, rebuild. */
import { containerList, noteHostsChanged } from '../containerIndex'
import { deleteContainer, loseContainer, vmDown } from '../containers'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { buildHost } from '../hosts'
import type { HandlerTable } from './handler'
import type { Host, HostCommand, World } from '../types'

/** Houses catch fire: power fails, their apartments and rooms are lost (one walk over the rooms for all of them). */
function burn(world: World, hosts: Host[]): { vms: number; rooms: number }[] {
  const index = new Map<string, number>()
  const lost = hosts.map((host, i) => {
    host.power = 'failed'
    host.powerSinceMs = world.timeMs
    host.downSinceMs = world.timeMs
    index.set(host.id, i)
    return { vms: 0, rooms: 0 }
  })
  for (const vm of Object.values(world.vms)) {
    const i = index.get(vm.hostId)
    if (i !== undefined && vm.state !== 'stopped' && vm.state !== 'crashed') {
      lost[i]!.rooms += vmDown(world, vm.id, 'crashed')
      lost[i]!.vms += 1
    }
  }
  for (const c of containerList(world)) {
    if (c.placement?.kind !== 'host' || c.state === 'lost') continue
    const i = index.get(c.placement.hostId)
    if (i === undefined) continue
    loseContainer(world, c)
    lost[i]!.rooms += 1
  }
  return lost
}

export const hostsHandlers = {
  addHost: (world, command) => buildHost(world, command),
  removeHost(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    const busy =
      Object.values(world.vms).some((v) => v.hostId === host.id) ||
      containerList(world).some((c) => c.placement?.kind === 'host' && c.placement.hostId === host.id)
    if (busy) return refuse(say('hosts.refused.hostIsNotEmpty', { host: host.name }))
    delete world.hosts[host.id]
    noteHostsChanged(world)
    logEvent(world, 'info', say('hosts.removed', { host: host.name }), [host.id])
    return { ok: true }
  },
  failHost(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    if (host.power !== 'on') return refuse(say('hosts.refused.hostIs', { host: host.name, power: host.power }))
    const { vms, rooms } = burn(world, [host])[0]!
    if (command.kernelPanic) {
      host.kernelPanic = true
      logEvent(world, 'error', say('hosts.kernelPanic', { host: host.name, vms, rooms }), [host.id])
    } else logEvent(world, 'error', say('hosts.failed', { host: host.name, vms, rooms }), [host.id])
    return { ok: true }
  },
  failZone(world, command) {
    const hosts = Object.values(world.hosts).filter((h) => h.zone === command.zone && h.power === 'on')
    if (hosts.length === 0) return refuse(say('hosts.refused.noHostWithPower', { zone: command.zone }))
    let vms = 0
    let rooms = 0
    for (const lost of burn(world, hosts)) {
      vms += lost.vms
      rooms += lost.rooms
    }
    logEvent(
      world,
      'error',
      say('hosts.zoneFailed', { zone: command.zone, hosts: hosts.length, vms, rooms }),
      hosts.map((h) => h.id),
    )
    return { ok: true }
  },
  repairHost(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    if (host.power === 'on') return refuse(say('hosts.refused.hostIsOn', { host: host.name }))
    host.power = 'on'
    host.powerSinceMs = world.timeMs
    host.downSinceMs = null
    delete host.kernelPanic
    // The rebuilt house is empty of unmanaged rooms: nobody restarts a plain `docker run` after a fire.
    for (const c of containerList(world)) {
      if (c.placement?.kind === 'host' && c.placement.hostId === host.id && c.state === 'lost' && !c.managed) deleteContainer(world, c)
    }
    logEvent(world, 'info', say('hosts.repaired', { host: host.name }), [host.id])
    return { ok: true }
  },
} satisfies HandlerTable<HostCommand>
