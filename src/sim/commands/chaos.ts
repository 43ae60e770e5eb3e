/** Chaos: crashes, leaks, hogs, breaches and hung processes, for levels, the sandbox and the classroom remote. */
import { containerList, noteRoomServing } from '../containerIndex'
import { crashContainer, vmDown } from '../containers'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { nextFloat } from '../rng'
import { breachContainer } from '../breach'
import { noteSpecialRoom } from '../specialRooms'
import type { World } from '../types'
import type { Result } from '../result'
import type { HandlerTable } from './handler'
import type { ChaosCommand } from '../types'

const MAX_LEAK_MIB_PER_S = 10_000

function setHung(world: World, command: Extract<ChaosCommand, { type: 'hangContainer' }>): Result {
  const c = world.containers[command.containerId]
  if (!c) return notFound('container', command.containerId)
  const app = world.apps[c.appId]
  if (command.hung) {
    if (c.state !== 'running') return refuse(say('chaos.refused.containerIs', { room: c.name, state: c.state }))
    if (c.hung) return refuse(say('chaos.refused.containerIsAlreadyHung', { room: c.name }))
    c.hung = true
    noteRoomServing(world, c)
    logEvent(world, 'warn', say('chaos.hung', { app: app?.name ?? '?', room: c.name }), [c.id, c.appId])
  } else {
    if (!c.hung) return refuse(say('chaos.refused.containerIsNotHung', { room: c.name }))
    c.hung = false
    noteRoomServing(world, c)
    logEvent(world, 'info', say('chaos.unhung', { app: app?.name ?? '?', room: c.name }), [c.id, c.appId])
  }
  return { ok: true }
}

export const chaosHandlers = {
  crashContainer(world, command) {
    const c = world.containers[command.containerId]
    if (!c) return notFound('container', command.containerId)
    if (c.state !== 'running') return refuse(say('chaos.refused.containerIs2', { room: c.name, state: c.state }))
    crashContainer(world, c, 'the app inside failed', 'process exited with code 1')
    return { ok: true }
  },
  crashRandomContainer(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const running = containerList(world).filter((c) => c.appId === app.id && c.state === 'running')
    if (running.length === 0) return refuse(say('chaos.refused.noRunningContainerOf', { app: app.name }))
    const victim = running[Math.floor(nextFloat(world.rng) * running.length)]!
    crashContainer(world, victim, 'the app inside failed', 'process exited with code 1')
    return { ok: true, id: victim.id }
  },
  crashVm(world, command) {
    const vm = world.vms[command.vmId]
    if (!vm) return notFound('vm', command.vmId)
    if (vm.state !== 'running' && vm.state !== 'booting') return refuse(say('chaos.refused.vmIs', { vm: vm.name, state: vm.state }))
    const lost = vmDown(world, vm.id, 'crashed')
    logEvent(world, 'error', say('chaos.guestKernelPanic', { vm: vm.name, lost }), [vm.id, vm.hostId])
    return { ok: true }
  },
  leakMemory(world, command) {
    const c = world.containers[command.containerId]
    if (!c) return notFound('container', command.containerId)
    if (!(command.mibPerS >= 0 && command.mibPerS <= MAX_LEAK_MIB_PER_S)) return refuse(say('chaos.refused.mibpersOutOfRange'))
    c.leakMiBPerS = command.mibPerS
    noteSpecialRoom(world, c)
    logEvent(world, 'warn', say('chaos.memoryLeak', { apps: world.apps[c.appId]?.name ?? '?', mibPerS: command.mibPerS, room: c.name }), [
      c.id,
      c.appId,
    ])
    return { ok: true }
  },
  hogCpu(world, command) {
    const c = world.containers[command.containerId]
    if (!c) return notFound('container', command.containerId)
    c.cpuHog = command.on
    noteSpecialRoom(world, c)
    logEvent(world, 'warn', say('chaos.cpuHog', { app: world.apps[c.appId]?.name ?? '?', room: c.name, on: command.on }), [c.id, c.appId])
    return { ok: true }
  },
  breachContainer(world, command) {
    return breachContainer(world, command.containerId)
  },
  hangContainer: setHung,
  hangRandomContainers(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (!(Number.isInteger(command.count) && command.count >= 1)) return refuse(say('chaos.refused.countMustBeAn'))
    const open = containerList(world).filter((c) => c.appId === app.id && c.state === 'running' && !c.hung)
    if (open.length === 0) return refuse(say('chaos.refused.noRunningRespondingContainer', { app: app.name }))
    let hung = 0
    for (; hung < command.count && open.length > 0; hung++) {
      const [victim] = open.splice(Math.floor(nextFloat(world.rng) * open.length), 1)
      setHung(world, { type: 'hangContainer', containerId: victim!.id, hung: true })
    }
    return { ok: true }
  },
} satisfies HandlerTable<ChaosCommand>
