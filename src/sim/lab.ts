/**
 * The VM-vs-container lab: the concept text's table (OS, speed, resource usage, isolation,
 * scalability) as a measured experiment. N copies of one small app run once as N apartments on
 * one house (one room each, in its own guest OS) and once as N rooms on an identical house; the
 * simulation measures start time, memory and CPU reserved, how many fit, and how far a crash and a
 * breach reach. `measureLab` reads all of it from a world at any moment (the game calls it on the
 * live street; `runLab` calls it headless), so there is one measuring code path. Pure: same n and
 * seed, same table.
 */
import { apply } from './commands'
import type { Command } from './types'
import { hostCapacity } from './capacity'
import {
  BREACH,
  CLUSTER_LIMITS,
  CONTAINER_SHIM_MIB,
  CONTAINER_START,
  GUEST_OS,
  HOST_SYSTEM_RESERVED_MIB,
  HYPERVISOR_OVERHEAD_SOURCE,
  hypervisorOverheadMiB,
} from './constants'
import { step } from './step'
import type { Container, World } from './types'
import { createWorld } from './world'

/** The lab's machines and app: a house like a mid-size server, a small web app. */
export const LAB_SETUP = {
  house: { cores: 32, memMiB: 131_072, costPerHour: 1.5 },
  vm: { os: 'linux' as const, vcpus: 1, memMiB: 1024 },
  app: { cpuRequestMilli: 50, memRequestMiB: 64, imageMiB: 50 },
}

/** Which houses and apps are the two sides of a lab (a level names its own; the sandbox uses LAB_SIDES). */
export interface LabSides {
  vmHostId: string
  roomHostId: string
  vmAppId: string
  roomAppId: string
}

export const LAB_SIDES: LabSides = { vmHostId: 'lab-vms', roomHostId: 'lab-rooms', vmAppId: 'lab-vm-app', roomAppId: 'lab-room-app' }

export type LabRowName = 'OS' | 'Speed' | 'Resource usage' | 'Isolation' | 'Scalability'

/** One side of the lab as measured at one moment. Null: not measured yet (not all running, not tested). */
export interface LabSideMeasure {
  /** Rooms this side has asked for (one per apartment on the VM side). */
  rooms: number
  running: number
  /** Apartments on the VM house (0 on the room side). */
  vms: number
  vmsRunning: number
  /** Kernels this side's rooms stand on: one per apartment, or the one house kernel. */
  kernels: number
  /** Time from the lab's start until every room of this side ran (world time, ms). */
  allRunningMs: number | null
  /** Memory and CPU held on the house (the house's own reserve included), when all ran. */
  memMiB: number
  cpuMilli: number
  /** How many of this side's unit (an apartment with its room, or a room) fit on one empty house. */
  fit: number
  /** Rooms down because a kernel under them crashed; null until a kernel of this side crashed. */
  crashReach: number | null
  /** Rooms an attacker holds; null until a room of this side was broken into. */
  breachReach: number | null
}

export interface LabMeasure {
  timeMs: number
  vm: LabSideMeasure
  container: LabSideMeasure
}

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

/** Where each row's figures come from (the constants' own sources). */
export const LAB_SOURCES: Record<LabRowName, string> = {
  OS: 'concept text; kernel docs namespaces(7), cgroups(7)',
  Speed: `${GUEST_OS.linux.boot.source}; ${CONTAINER_START.source}`,
  'Resource usage': `${HYPERVISOR_OVERHEAD_SOURCE}; ${CONTAINER_SHIM_MIB.source}; ${HOST_SYSTEM_RESERVED_MIB.source}`,
  Isolation: BREACH.source,
  Scalability: `${CLUSTER_LIMITS.source} (${CLUSTER_LIMITS.podsPerNode} pods per node)`,
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

let densityMemo: { vmFit: number; containerFit: number } | null = null

/**
 * How many of each fit on one empty lab house, by the same capacity rules the game uses. It
 * depends only on LAB_SETUP, so it is worked out once (on a scratch world) and remembered.
 */
export function labDensity(): { vmFit: number; containerFit: number } {
  if (densityMemo) return densityMemo
  const w = createWorld(1)
  for (const c of labPreset(0)) apply(w, c)
  let vmFit = 0
  while (apply(w, { type: 'addVm', hostId: LAB_SIDES.vmHostId, ...LAB_SETUP.vm }).ok) vmFit++
  let containerFit = 0
  while (apply(w, { type: 'runContainer', appId: LAB_SIDES.roomAppId, target: { kind: 'host', hostId: LAB_SIDES.roomHostId } }).ok)
    containerFit++
  densityMemo = { vmFit, containerFit }
  return densityMemo
}

function kernelDown(world: World, c: Container): boolean {
  const p = c.placement
  if (!p) return false
  if (p.kind === 'host') return world.hosts[p.hostId]?.power !== 'on'
  const vm = world.vms[p.vmId]
  return !vm || vm.state === 'crashed' || world.hosts[vm.hostId]?.power !== 'on'
}

function measureSide(world: World, rooms: Container[], vmHostId: string | null, hostId: string, t0: number, fit: number): LabSideMeasure {
  const host = world.hosts[hostId]
  const vms = vmHostId ? Object.values(world.vms).filter((v) => v.hostId === vmHostId) : []
  const running = rooms.filter((c) => c.state === 'running')
  // A room's kernel: its apartment's guest kernel, or its house's.
  const kernels = new Set(
    rooms.flatMap((c) => (c.placement ? [c.placement.kind === 'vm' ? `vm:${c.placement.vmId}` : `host:${c.placement.hostId}`] : [])),
  )
  const allRunningMs = rooms.length > 0 && running.length === rooms.length ? Math.max(...running.map((c) => c.stateSinceMs)) - t0 : null
  const crashed = rooms.filter((c) => kernelDown(world, c)).length
  const breached = rooms.filter((c) => c.breached).length
  // CPU held: on the VM side each guest OS keeps a slice of its vCPU for itself, plus the app's requests.
  const guestCpu = vms.reduce((s, v) => s + GUEST_OS[v.os].cpuMilli, 0)
  const cpuMilli = vmHostId ? guestCpu + rooms.reduce((s, c) => s + c.cpuRequestMilli, 0) : (host?.alloc.cpuMilli ?? 0)
  const shimMiB = vmHostId ? 0 : rooms.filter((c) => c.placement?.kind === 'host').length * CONTAINER_SHIM_MIB.value
  return {
    rooms: rooms.length,
    running: running.length,
    vms: vms.length,
    vmsRunning: vms.filter((v) => v.state === 'running').length,
    kernels: kernels.size,
    allRunningMs,
    // Memory in use, not the scheduler's requests: each room on the house also has its runtime shim's few MiB
    // (containerd docs), real memory no request counts (capacity.ts containerMemMiB leaves it out).
    memMiB: (host?.alloc.memMiB ?? 0) + HOST_SYSTEM_RESERVED_MIB.value + shimMiB,
    cpuMilli,
    fit,
    crashReach: crashed > 0 ? crashed : null,
    breachReach: breached > 0 ? breached : null,
  }
}

/**
 * The lab's table as it stands in this world now. `t0` is when the lab started (a fresh lab world
 * starts at 0). Cheap enough to call after every step of a street of a few dozen rooms.
 */
export function measureLab(world: World, sides: LabSides = LAB_SIDES, t0 = 0): LabMeasure {
  const vmRooms: Container[] = []
  const rooms: Container[] = []
  for (const c of Object.values(world.containers)) {
    if (c.appId === sides.vmAppId) vmRooms.push(c)
    else if (c.appId === sides.roomAppId) rooms.push(c)
  }
  const d = labDensity()
  return {
    timeMs: world.timeMs,
    vm: measureSide(world, vmRooms, sides.vmHostId, sides.vmHostId, t0, d.vmFit),
    container: measureSide(world, rooms, null, sides.roomHostId, t0, d.containerFit),
  }
}

/**
 * Keep what was measured when a side first had every room running (start time, memory, CPU,
 * kernels): a later crash changes the street, not the result. Crash and breach reach stay live.
 */
export function latchLab(prev: LabMeasure | null, next: LabMeasure): LabMeasure {
  if (!prev) return next
  const keep = (p: LabSideMeasure, n: LabSideMeasure): LabSideMeasure =>
    p.allRunningMs !== null && p.rooms === n.rooms
      ? { ...n, allRunningMs: p.allRunningMs, memMiB: p.memMiB, cpuMilli: p.cpuMilli, kernels: p.kernels }
      : n
  return { timeMs: next.timeMs, vm: keep(prev.vm, next.vm), container: keep(prev.container, next.container) }
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
  // Step until both sides run, measuring after every step as the game does.
  let m = measureLab(world)
  for (let i = 0; i < 6_000 && (m.vm.allRunningMs === null || m.container.allRunningMs === null); i++) {
    step(world, 100)
    m = latchLab(m, measureLab(world))
  }

  // Breach: one room on each side; then a kernel crash: one guest kernel panics on the VM side,
  // the one shared kernel (the house's) on the other.
  apply(world, { type: 'breachContainer', containerId: vmRooms[0]! })
  apply(world, { type: 'breachContainer', containerId: rooms[0]! })
  apply(world, { type: 'crashVm', vmId: vms[0]! })
  apply(world, { type: 'failHost', hostId: LAB_SIDES.roomHostId, kernelPanic: true })
  m = latchLab(m, measureLab(world))

  const measured = {
    vmStartMs: m.vm.allRunningMs ?? -1,
    containerStartMs: m.container.allRunningMs ?? -1,
    vmMemMiB: m.vm.memMiB,
    containerMemMiB: m.container.memMiB,
    vmCpuMilli: m.vm.cpuMilli,
    containerCpuMilli: m.container.cpuMilli,
    vmFit: m.vm.fit,
    containerFit: m.container.fit,
    kernelsVm: m.vm.kernels,
    kernelsContainer: m.container.kernels,
    crashReachVm: m.vm.crashReach ?? 0,
    crashReachContainer: m.container.crashReach ?? 0,
    breachReachVm: m.vm.breachReach ?? 0,
    breachReachContainer: m.container.breachReach ?? 0,
  }
  return { n, seed, rows: tableRows(n, measured, world), measured }
}

function tableRows(n: number, m: LabResult['measured'], world: World): LabRow[] {
  const cap = hostCapacity(world.hosts[LAB_SIDES.vmHostId]!)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return [
    {
      row: 'OS',
      concept: { vm: 'Separate OS per VM', container: 'Shared OS' },
      vm: { value: m.kernelsVm, unit: 'kernels', text: `${m.kernelsVm} guest kernels (${GUEST_OS.linux.label}), one per VM` },
      container: { value: m.kernelsContainer, unit: 'kernels', text: '1 kernel, the house’s, shared by every room' },
      source: LAB_SOURCES.OS,
    },
    {
      row: 'Speed',
      concept: { vm: 'Slow startup', container: 'Fast startup' },
      vm: { value: m.vmStartMs, unit: 'ms', text: `all ${n} running after ${s(m.vmStartMs)} (provision + boot + pull + start)` },
      container: { value: m.containerStartMs, unit: 'ms', text: `all ${n} running after ${s(m.containerStartMs)} (pull once + start)` },
      source: LAB_SOURCES.Speed,
    },
    {
      row: 'Resource usage',
      concept: { vm: 'High', container: 'Low' },
      vm: {
        value: m.vmMemMiB,
        unit: 'MiB',
        text:
          `${m.vmMemMiB} MiB and ${m.vmCpuMilli}m CPU held (guest OS ${GUEST_OS.linux.memMiB} MiB + hypervisor ` +
          `${hypervisorOverheadMiB(LAB_SETUP.vm.memMiB, LAB_SETUP.vm.vcpus)} MiB per VM)`,
      },
      container: {
        value: m.containerMemMiB,
        unit: 'MiB',
        text: `${m.containerMemMiB} MiB and ${m.containerCpuMilli}m CPU held (app + a few MiB shim per room)`,
      },
      source: LAB_SOURCES['Resource usage'],
    },
    {
      row: 'Isolation',
      concept: { vm: 'Strong', container: 'Medium' },
      vm: {
        value: m.breachReachVm,
        unit: 'rooms breached',
        text: `a breach reached ${m.breachReachVm} of ${n}; a kernel crash took ${m.crashReachVm} of ${n}`,
      },
      container: {
        value: m.breachReachContainer,
        unit: 'rooms breached',
        text: `a breach reached ${m.breachReachContainer} of ${n}; a kernel crash took ${m.crashReachContainer} of ${n}`,
      },
      source: LAB_SOURCES.Isolation,
    },
    {
      row: 'Scalability',
      concept: { vm: 'Limited', container: 'High' },
      vm: { value: m.vmFit, unit: 'per house', text: `${m.vmFit} VMs fit on one house (${Math.round(cap.memMiB / 1024)} GiB usable)` },
      container: {
        value: m.containerFit,
        unit: 'per house',
        text: `${m.containerFit} rooms fit on the same house (Kubernetes would cap a node at ${CLUSTER_LIMITS.podsPerNode} pods)`,
      },
      source: LAB_SOURCES.Scalability,
    },
  ]
}

/** How far one breach reaches over many seeded labs: the odds behind the one run played live. */
export interface LabBreachOdds {
  n: number
  /** Labs run (seeds 1 … runs) so far. */
  runs: number
  /** In how many a breach of one room reached another room on the shared kernel. */
  sharedKernel: number
  /** In how many a breach of one room in an apartment reached a room past the apartment's wall. */
  vmWall: number
}

/** One seeded lab of n of each (runLab: start everything, breach one room on each side): did each breach reach another room? */
export function labBreachRun(n: number, seed: number): { sharedKernel: boolean; vmWall: boolean } {
  const m = runLab(n, seed).measured
  return { sharedKernel: m.breachReachContainer > 1, vmWall: m.breachReachVm > 1 }
}

/** Add the runs for seeds from.runs+1 … upTo to a tally (the page works through it in a worker, a slice at a time). */
export function labBreachOdds(n: number, upTo: number, from: LabBreachOdds = { n, runs: 0, sharedKernel: 0, vmWall: 0 }): LabBreachOdds {
  const out = { ...from }
  for (let seed = from.runs + 1; seed <= upTo; seed++) {
    const r = labBreachRun(n, seed)
    out.runs = seed
    if (r.sharedKernel) out.sharedKernel++
    if (r.vmWall) out.vmWall++
  }
  return out
}
