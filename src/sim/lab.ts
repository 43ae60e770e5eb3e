/**
 * The VM-vs-container lab: the concept text's table (OS, speed, resource usage, isolation,
 * scalability) as a measured experiment. N copies of one small app run once as N apartments on
 * one house (one room each, in its own guest OS) and once as N rooms on an identical house; the
 * simulation measures start time, memory and CPU reserved, how many fit, and how far a crash and a
 * breach reach. Pure: same n and seed, same table.
 */
import { apply } from './commands'
import type { Command } from './commands'
import { hostCapacity } from './capacity'
import { CONTAINER_START, GUEST_OS, HOST_SYSTEM_RESERVED_MIB, hypervisorOverheadMiB } from './constants'
import { step } from './step'
import type { World } from './types'
import { createWorld } from './world'

/** The lab's machines and app: a house like a mid-size server, a small web app. */
export const LAB_SETUP = {
  house: { cores: 32, memMiB: 131_072, costPerHour: 1.5 },
  vm: { os: 'linux' as const, vcpus: 1, memMiB: 1024 },
  app: { cpuRequestMilli: 50, memRequestMiB: 64, imageMiB: 50 },
}

export type LabRowName = 'OS' | 'Speed' | 'Resource usage' | 'Isolation' | 'Scalability'

export interface LabCell {
  value: number
  unit: string
  text: string
}

export interface LabRow {
  row: LabRowName
  /** What the concept text says, to compare with what was measured. */
  concept: { vm: string; container: string }
  vm: LabCell
  container: LabCell
  source: string
}

export interface LabResult {
  n: number
  seed: number
  rows: LabRow[]
  measured: {
    vmStartMs: number
    containerStartMs: number
    vmMemMiB: number
    containerMemMiB: number
    vmCpuMilli: number
    containerCpuMilli: number
    vmFit: number
    containerFit: number
    kernelsVm: number
    kernelsContainer: number
    crashReachVm: number
    crashReachContainer: number
    breachReachVm: number
    breachReachContainer: number
  }
}

/**
 * Commands for a sandbox that shows the lab: two identical houses (ids lab-vms, lab-rooms), the
 * app, N apartments with one room each on lab-vms, N rooms straight on lab-rooms. Fixed ids, so it
 * applies to any world that does not already use them.
 */
export function labPreset(n: number): Command[] {
  const s = LAB_SETUP
  const app = { imageId: 'lab-web', cpuRequestMilli: s.app.cpuRequestMilli, memRequestMiB: s.app.memRequestMiB, rps: 0, capacityRps: 50 }
  const cmds: Command[] = [
    { type: 'addHost', id: 'lab-vms', name: 'lab-vms', ...s.house },
    { type: 'addHost', id: 'lab-rooms', name: 'lab-rooms', ...s.house },
    { type: 'addImage', id: 'lab-web', ref: 'lab-web:1.0', sizeMiB: s.app.imageMiB },
    { type: 'addApp', id: 'lab-vm-app', name: 'app-in-vms', ...app },
    { type: 'addApp', id: 'lab-room-app', name: 'app-in-rooms', ...app },
  ]
  for (let i = 1; i <= n; i++) {
    cmds.push({ type: 'addVm', id: `lab-vm-${i}`, name: `lab-vm-${i}`, hostId: 'lab-vms', ...s.vm })
    cmds.push({ type: 'runContainer', appId: 'lab-vm-app', target: { kind: 'vm', vmId: `lab-vm-${i}` } })
  }
  for (let i = 1; i <= n; i++) cmds.push({ type: 'runContainer', appId: 'lab-room-app', target: { kind: 'host', hostId: 'lab-rooms' } })
  return cmds
}

function allRunning(world: World, ids: string[]): boolean {
  return ids.every((id) => world.containers[id]?.state === 'running')
}

/** Step until both sides run, noting when each side's last room opened. */
function startBoth(world: World, vmRooms: string[], rooms: string[]): { vmMs: number; roomMs: number } {
  const t0 = world.timeMs
  let roomMs = -1
  let vmMs = -1
  for (let i = 0; i < 6_000 && (roomMs < 0 || vmMs < 0); i++) {
    step(world, 100)
    if (roomMs < 0 && allRunning(world, rooms)) roomMs = world.timeMs - t0
    if (vmMs < 0 && allRunning(world, vmRooms)) vmMs = world.timeMs - t0
  }
  return { vmMs, roomMs }
}

/** How many of each fit on one empty lab house (by the same capacity rules the game uses). */
function density(seed: number): { vmFit: number; containerFit: number } {
  const w = createWorld(seed)
  for (const c of labPreset(0)) apply(w, c)
  const vmHouse = 'lab-vms'
  const roomHouse = 'lab-rooms'
  let vmFit = 0
  while (apply(w, { type: 'addVm', hostId: vmHouse, ...LAB_SETUP.vm }).ok) vmFit++
  let containerFit = 0
  while (apply(w, { type: 'runContainer', appId: 'lab-room-app', target: { kind: 'host', hostId: roomHouse } }).ok) containerFit++
  return { vmFit, containerFit }
}

export function runLab(n: number, seed = 1): LabResult {
  const world = createWorld(seed)
  const vms: string[] = []
  const vmRooms: string[] = []
  const rooms: string[] = []
  for (const c of labPreset(n)) {
    const r = apply(world, c)
    if (!r.ok) throw new Error(`lab setup refused ${c.type}: ${r.technical}`)
    if (c.type === 'addVm') vms.push(r.id!)
    if (c.type === 'runContainer') (c.target.kind === 'vm' ? vmRooms : rooms).push(r.id!)
  }
  const vmHouse = 'lab-vms'
  const roomHouse = 'lab-rooms'
  const start = startBoth(world, vmRooms, rooms)
  const mem = (id: string) => world.hosts[id]!.alloc.memMiB + HOST_SYSTEM_RESERVED_MIB.value
  const vmMemMiB = mem(vmHouse)
  const containerMemMiB = mem(roomHouse)
  // CPU held: the guest OS of each VM plus the app, against the app alone.
  const vmCpuMilli = vms.length * GUEST_OS.linux.cpuMilli + vmRooms.length * LAB_SETUP.app.cpuRequestMilli
  const containerCpuMilli = world.hosts[roomHouse]!.alloc.cpuMilli
  const { vmFit, containerFit } = density(seed)

  // Breach: one room on each side; count the other rooms it reached.
  apply(world, { type: 'breachContainer', containerId: vmRooms[0]! })
  apply(world, { type: 'breachContainer', containerId: rooms[0]! })
  const breachReachVm = vmRooms.filter((id) => world.containers[id]?.breached).length
  const breachReachContainer = rooms.filter((id) => world.containers[id]?.breached).length

  // Crash of a kernel: one guest kernel panics on the VM side; the one shared kernel on the other.
  apply(world, { type: 'crashVm', vmId: vms[0]! })
  apply(world, { type: 'failHost', hostId: roomHouse })
  const down = (ids: string[]) => ids.filter((id) => world.containers[id]?.state !== 'running').length
  const crashReachVm = down(vmRooms)
  const crashReachContainer = down(rooms)

  const measured = {
    vmStartMs: start.vmMs,
    containerStartMs: start.roomMs,
    vmMemMiB,
    containerMemMiB,
    vmCpuMilli,
    containerCpuMilli,
    vmFit,
    containerFit,
    kernelsVm: vms.length,
    kernelsContainer: 1,
    crashReachVm,
    crashReachContainer,
    breachReachVm,
    breachReachContainer,
  }
  return { n, seed, rows: tableRows(n, measured, world), measured }
}

function tableRows(n: number, m: LabResult['measured'], world: World): LabRow[] {
  const cap = hostCapacity(Object.values(world.hosts)[0]!)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return [
    { row: 'OS', concept: { vm: 'Separate OS per VM', container: 'Shared OS' }, vm: { value: m.kernelsVm, unit: 'kernels', text: `${m.kernelsVm} guest kernels (${GUEST_OS.linux.label}), one per VM` }, container: { value: m.kernelsContainer, unit: 'kernels', text: '1 kernel, the house’s, shared by every room' }, source: 'seed; kernel docs namespaces(7), cgroups(7)' },
    { row: 'Speed', concept: { vm: 'Slow startup', container: 'Fast startup' }, vm: { value: m.vmStartMs, unit: 'ms', text: `all ${n} running after ${s(m.vmStartMs)} (provision + boot + pull + start)` }, container: { value: m.containerStartMs, unit: 'ms', text: `all ${n} running after ${s(m.containerStartMs)} (pull once + start)` }, source: `${GUEST_OS.linux.boot.source}; ${CONTAINER_START.source}` },
    { row: 'Resource usage', concept: { vm: 'High', container: 'Low' }, vm: { value: m.vmMemMiB, unit: 'MiB', text: `${m.vmMemMiB} MiB and ${m.vmCpuMilli}m CPU held (guest OS ${GUEST_OS.linux.memMiB} MiB + hypervisor ${hypervisorOverheadMiB(LAB_SETUP.vm.memMiB, LAB_SETUP.vm.vcpus)} MiB per VM)` }, container: { value: m.containerMemMiB, unit: 'MiB', text: `${m.containerMemMiB} MiB and ${m.containerCpuMilli}m CPU held (app + a few MiB shim per room)` }, source: 'openshift-docs virt-cluster-resource-requirements.adoc; containerd docs' },
    { row: 'Isolation', concept: { vm: 'Strong', container: 'Medium' }, vm: { value: m.breachReachVm, unit: 'rooms breached', text: `a breach reached ${m.breachReachVm} of ${n}; a kernel crash took ${m.crashReachVm} of ${n}` }, container: { value: m.breachReachContainer, unit: 'rooms breached', text: `a breach reached ${m.breachReachContainer} of ${n}; a kernel crash took ${m.crashReachContainer} of ${n}` }, source: 'CVE-2019-5736, CVE-2024-21626; CVE-2015-3456 (VENOM, rare)' },
    { row: 'Scalability', concept: { vm: 'Limited', container: 'High' }, vm: { value: m.vmFit, unit: 'per house', text: `${m.vmFit} VMs fit on one house (${Math.round(cap.memMiB / 1024)} GiB usable)` }, container: { value: m.containerFit, unit: 'per house', text: `${m.containerFit} rooms fit on the same house (Kubernetes would cap a node at 110 pods)` }, source: 'kubernetes.io "Considerations for large clusters" (110 pods per node)' },
  ]
}
