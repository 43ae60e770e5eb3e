/**
 * What fits where. A host's memory holds its own system reserve, each VM (guest RAM plus the
 * hypervisor's overhead) and the containers standing directly on it. A VM's memory holds its
 * guest OS and the containers inside it. These functions are the single source of those rules.
 */
import { GUEST_OS, HOST_SYSTEM_RESERVED_MIB, RUNTIMES, VCPU_OVERCOMMIT, hypervisorOverheadMiB } from './constants'
import type { GuestOs } from './constants'
import { notePodMove } from './containerIndex'
import type { Container, Host, Placement, Vm, World } from './types'

import type { Reason } from './result'

export type { Reason }

export type Fit = { ok: true } | ({ ok: false; code: 'memory' | 'cpu' | 'kernel' | 'down' } & Reason)

const gib = (mib: number): string => `${(mib / 1024).toFixed(mib % 1024 === 0 ? 0 : 1)} GiB`
export const formatMiB = (mib: number): string => (mib >= 1024 ? gib(mib) : `${mib} MiB`)

/** Memory a VM takes from its host: its guest RAM plus the hypervisor's per-VM overhead. */
export function vmHostMemMiB(vm: Pick<Vm, 'memMiB' | 'vcpus'>): number {
  return vm.memMiB + hypervisorOverheadMiB(vm.memMiB, vm.vcpus)
}

/**
 * CPU a VM takes from its host's pool for bare-metal containers. vCPUs may be overcommitted
 * (VCPU_OVERCOMMIT), so each vCPU holds back 1/ratio of a core from the host's own containers.
 */
export function vmHostCpuMilli(vm: Pick<Vm, 'vcpus'>): number {
  return Math.ceil((vm.vcpus * 1000) / VCPU_OVERCOMMIT.value)
}

/**
 * What a pod reserves, as the scheduler counts it (kubernetes.io "Pod Overhead"): its requests plus its RuntimeClass's
 * overhead.podFixed (Kata's 160Mi and 250m; none for runc). The runtime shim's few MiB are real memory on the node
 * (systems/cgroups.ts counts them), not part of any request.
 */
export function containerMemMiB(c: Pick<Container, 'memRequestMiB' | 'runtime'>): number {
  return c.memRequestMiB + RUNTIMES[c.runtime].overheadMiB
}

/** The CPU a pod reserves: its requests plus its RuntimeClass's overhead (Kata: 250m). */
export function containerCpuMilli(c: Pick<Container, 'cpuRequestMilli' | 'runtime'>): number {
  return c.cpuRequestMilli + RUNTIMES[c.runtime].overheadCpuMilli
}

export function hostCapacity(host: Host): { cpuMilli: number; memMiB: number; vcpus: number } {
  return {
    cpuMilli: host.cores * 1000,
    // With memory overcommit the hypervisor may promise more than it has (MEM_OVERCOMMIT); it swaps if that is used.
    memMiB: Math.floor((host.memMiB - HOST_SYSTEM_RESERVED_MIB.value) * host.memOvercommit),
    vcpus: host.cores * VCPU_OVERCOMMIT.value,
  }
}

export function vmCapacity(vm: Pick<Vm, 'os' | 'vcpus' | 'memMiB'>): { cpuMilli: number; memMiB: number } {
  const os = GUEST_OS[vm.os]
  return { cpuMilli: vm.vcpus * 1000 - os.cpuMilli, memMiB: vm.memMiB - os.memMiB }
}

/** The kernel a container placed here would share. Hosts run a Linux kernel. */
export function kernelOf(world: World, placement: Placement): GuestOs {
  if (placement.kind === 'host') return 'linux'
  return world.vms[placement.vmId]?.os ?? 'linux'
}

/** Whether the place can run containers now (power on, VM booted). */
export function placementUp(world: World, placement: Placement): boolean {
  if (placement.kind === 'host') return world.hosts[placement.hostId]?.power === 'on'
  const vm = world.vms[placement.vmId]
  if (!vm || vm.state !== 'running') return false
  return world.hosts[vm.hostId]?.power === 'on'
}

export function placementName(world: World, placement: Placement): { metaphor: string; technical: string } {
  if (placement.kind === 'host') {
    const h = world.hosts[placement.hostId]
    return { metaphor: `house ${h?.name ?? '?'}`, technical: `host ${h?.name ?? '?'}` }
  }
  const vm = world.vms[placement.vmId]
  return { metaphor: `apartment ${vm?.name ?? '?'}`, technical: `VM ${vm?.name ?? '?'}` }
}

/** Can a container with these requests and this image OS stand here? Reasons in both vocabularies. */
export function containerFits(world: World, placement: Placement, cpuMilli: number, memMiB: number, imageOs: GuestOs): Fit {
  const where = placementName(world, placement)
  const kernel = kernelOf(world, placement)
  if (kernel !== imageOs) {
    return {
      ok: false,
      code: 'kernel',
      metaphor: `This room's furniture needs ${GUEST_OS[imageOs].label} plumbing; ${where.metaphor} has ${GUEST_OS[kernel].label}.`,
      technical: `image needs a ${GUEST_OS[imageOs].label} kernel; ${where.technical} runs ${GUEST_OS[kernel].label}`,
    }
  }
  const needMem = memMiB
  let free: { cpuMilli: number; memMiB: number }
  if (placement.kind === 'host') {
    const host = world.hosts[placement.hostId]
    if (!host || host.power === 'failed') {
      return { ok: false, code: 'down', metaphor: `${where.metaphor} is burnt down.`, technical: `${where.technical} has failed` }
    }
    const cap = hostCapacity(host)
    free = { cpuMilli: cap.cpuMilli - host.alloc.cpuMilli, memMiB: cap.memMiB - host.alloc.memMiB }
  } else {
    const vm = world.vms[placement.vmId]
    if (!vm || vm.state === 'crashed' || vm.state === 'stopped') {
      return { ok: false, code: 'down', metaphor: `${where.metaphor} is not lived in.`, technical: `${where.technical} is not running` }
    }
    const cap = vmCapacity(vm)
    free = { cpuMilli: cap.cpuMilli - vm.alloc.cpuMilli, memMiB: cap.memMiB - vm.alloc.memMiB }
  }
  if (free.memMiB < needMem) {
    return {
      ok: false,
      code: 'memory',
      metaphor: `${cap1(where.metaphor)} has ${formatMiB(Math.max(0, free.memMiB))} of space free; this room needs ${formatMiB(needMem)}.`,
      technical:
        `Insufficient memory: ${where.technical} has ${formatMiB(Math.max(0, free.memMiB))} allocatable, container requests ` +
        `${formatMiB(needMem)}`,
    }
  }
  if (free.cpuMilli < cpuMilli) {
    return {
      ok: false,
      code: 'cpu',
      metaphor:
        `${cap1(where.metaphor)} has ${(Math.max(0, free.cpuMilli) / 1000).toFixed(1)} workers free; this room needs ` +
        `${(cpuMilli / 1000).toFixed(1)}.`,
      technical: `Insufficient cpu: ${where.technical} has ${Math.max(0, free.cpuMilli)}m free, container requests ${cpuMilli}m`,
    }
  }
  return { ok: true }
}

/** Can a VM of this size go on this host? */
export function vmFits(world: World, host: Host, os: GuestOs, vcpus: number, memMiB: number): Fit {
  if (host.power !== 'on') {
    return { ok: false, code: 'down', metaphor: `House ${host.name} is not standing.`, technical: `host ${host.name} is not powered on` }
  }
  const cap = hostCapacity(host)
  const need = vmHostMemMiB({ memMiB, vcpus })
  const freeMem = cap.memMiB - host.alloc.memMiB
  if (need > freeMem) {
    return {
      ok: false,
      code: 'memory',
      metaphor:
        `House ${host.name} has ${formatMiB(Math.max(0, freeMem))} free; this apartment needs ${formatMiB(need)} ` +
        `(${formatMiB(memMiB)} inside plus ${formatMiB(need - memMiB)} for the frame).`,
      technical:
        `host ${host.name}: ${formatMiB(Math.max(0, freeMem))} free; VM needs ${formatMiB(memMiB)} + ` +
        `${formatMiB(need - memMiB)} hypervisor overhead`,
    }
  }
  if (memMiB < GUEST_OS[os].memMiB + 256) {
    return {
      ok: false,
      code: 'memory',
      metaphor:
        `A ${GUEST_OS[os].label} apartment needs at least ${formatMiB(GUEST_OS[os].memMiB + 256)}: its own OS alone takes ` +
        `${formatMiB(GUEST_OS[os].memMiB)}.`,
      technical:
        `${GUEST_OS[os].label} guest needs ≥ ${formatMiB(GUEST_OS[os].memMiB + 256)} ` + `(OS footprint ${formatMiB(GUEST_OS[os].memMiB)})`,
    }
  }
  if (host.alloc.vcpus + vcpus > cap.vcpus || host.alloc.cpuMilli + vmHostCpuMilli({ vcpus }) > cap.cpuMilli) {
    return {
      ok: false,
      code: 'cpu',
      metaphor: `House ${host.name} cannot share out ${vcpus} more workers.`,
      technical:
        `host ${host.name}: vCPUs would exceed ${VCPU_OVERCOMMIT.value}:1 overcommit of ${host.cores} cores, or the cores its ` +
        `containers hold`,
    }
  }
  return { ok: true }
}

function cap1(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Reserve or release a container's requests where it stands. */
export function reserveContainer(world: World, c: Container, sign: 1 | -1): void {
  if (!c.placement) return
  notePodMove(world, c, sign)
  const mem = containerMemMiB(c) * sign
  const cpu = containerCpuMilli(c) * sign
  if (c.placement.kind === 'host') {
    const h = world.hosts[c.placement.hostId]
    if (h) {
      h.alloc.memMiB += mem
      h.alloc.cpuMilli += cpu
      h.alloc.pods += sign
    }
  } else {
    const vm = world.vms[c.placement.vmId]
    if (vm) {
      vm.alloc.memMiB += mem
      vm.alloc.cpuMilli += cpu
      vm.alloc.pods += sign
    }
  }
}

export function reserveVm(world: World, vm: Vm, sign: 1 | -1): void {
  const h = world.hosts[vm.hostId]
  if (!h) return
  h.alloc.memMiB += vmHostMemMiB(vm) * sign
  h.alloc.cpuMilli += vmHostCpuMilli(vm) * sign
  h.alloc.vcpus += vm.vcpus * sign
}
