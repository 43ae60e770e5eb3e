/** Apartments (VMs): build, stop, start, delete, resize, live-migrate. */
import { formatMiB, reserveVm, vmFits } from '../capacity'
import { GUEST_OS, VM_PROVISION } from '../constants'
import { containerList } from '../containerIndex'
import { deleteContainer, vmDown } from '../containers'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { nextInt } from '../rng'
import { cancelMigration, migrateVm, resizeVm } from '../vmOps'
import { newId } from '../world'
import { fail } from '../result'
import type { HandlerTable } from './handler'
import type { VmCommand } from '../types'

export const vmsHandlers = {
  addVm(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    if (!GUEST_OS[command.os]) return refuse(say('vms.refused.unknownGuestOs', { os: String(command.os) }))
    if (!(command.vcpus >= 1) || !Number.isInteger(command.vcpus)) return refuse(say('vms.refused.vcpusMustBeAn'))
    const fit = vmFits(world, host, command.os, command.vcpus, command.memMiB)
    if (!fit.ok) return fail(fit.metaphor, fit.technical)
    if (command.id !== undefined && (world.vms[command.id] || world.hosts[command.id] || world.containers[command.id]))
      return refuse(say('vms.refused.idAlreadyInUse', { id: command.id }))
    const id = command.id ?? newId(world, 'vm')
    const name = command.name ?? `${host.name}-${Object.values(world.vms).filter((v) => v.hostId === host.id).length + 1}`
    const provisionMs = nextInt(world.rng, VM_PROVISION.minMs, VM_PROVISION.maxMs)
    const vm = {
      id,
      name,
      hostId: host.id,
      os: command.os,
      vcpus: command.vcpus,
      memMiB: command.memMiB,
      state: 'provisioning' as const,
      stateSinceMs: world.timeMs,
      phaseEndsMs: world.timeMs + provisionMs,
      alloc: { cpuMilli: 0, memMiB: 0, pods: 0 },
      cachedLayers: [],
      packages: [],
      installedApps: [],
      speed: 1,
      memInUseMiB: 0,
      migration: null,
      labels: {},
      taints: [],
      condition: 'NotReady' as const,
      downSinceMs: null,
    }
    world.vms[id] = vm
    reserveVm(world, vm, 1)
    const os = GUEST_OS[command.os]
    logEvent(
      world,
      'info',
      say('vms.provisioning', {
        name,
        host: host.name,
        label: os.label,
        memMiB: formatMiB(os.memMiB),
        memMiB2: formatMiB(command.memMiB),
        vcpus: command.vcpus,
      }),
      [id, host.id],
    )
    return { ok: true, id }
  },
  deleteVm(world, command) {
    const vm = world.vms[command.vmId]
    if (!vm) return notFound('vm', command.vmId)
    for (const c of containerList(world)) {
      if (c.placement?.kind === 'vm' && c.placement.vmId === vm.id) deleteContainer(world, c)
    }
    reserveVm(world, vm, -1)
    delete world.vms[vm.id]
    logEvent(world, 'info', say('vms.deleted', { vm: vm.name }), [vm.id, vm.hostId])
    return { ok: true }
  },
  stopVm(world, command) {
    const vm = world.vms[command.vmId]
    if (!vm) return notFound('vm', command.vmId)
    if (vm.state === 'stopped') return refuse(say('vms.refused.vmAlreadyStopped', { vm: vm.name }))
    vmDown(world, vm.id, 'stopped')
    logEvent(world, 'info', say('vms.stopped', { vm: vm.name }), [vm.id])
    return { ok: true }
  },
  startVm(world, command) {
    const vm = world.vms[command.vmId]
    if (!vm) return notFound('vm', command.vmId)
    if (vm.state !== 'stopped' && vm.state !== 'crashed') return refuse(say('vms.refused.vmIs', { vm: vm.name, state: vm.state }))
    if (world.hosts[vm.hostId]?.power !== 'on') return refuse(say('vms.refused.hostOfVmIs', { vm: vm.name }))
    const os = GUEST_OS[vm.os]
    vm.state = 'booting'
    vm.stateSinceMs = world.timeMs
    vm.phaseEndsMs = world.timeMs + nextInt(world.rng, os.boot.minMs, os.boot.maxMs)
    logEvent(world, 'info', say('vms.booting', { vm: vm.name, label: os.label }), [vm.id])
    return { ok: true }
  },
  resizeVm(world, command) {
    return resizeVm(world, command.vmId, command.vcpus, command.memMiB)
  },
  migrateVm(world, command) {
    return migrateVm(world, command.vmId, command.toHostId, command.mode)
  },
  cancelMigration(world, command) {
    return cancelMigration(world, command.vmId)
  },
} satisfies HandlerTable<VmCommand>
