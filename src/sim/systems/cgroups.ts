/**
 * The kernels under the rooms (cgroups accounting), one pass per step:
 * - memory: each running room uses a baseline of its request plus what it leaked; over its own
 *   limit it is OOM-killed (exit 137); a kernel whose rooms use more than it has runs its OOM
 *   killer, which kills the biggest process on that kernel, whoever leaked.
 * - swap: a house whose apartments touch more RAM than it physically has swaps; they slow down.
 * - CPU: demand follows load (traffic.ts cpuPercent), a hog wants the whole kernel; a limit caps
 *   it (CFS quota: throttled, not killed); an oversubscribed kernel splits by requests (cpu.shares).
 * Each room's `speed` (CPU granted over needed × swap × sandbox cost) is what the doorman serves with.
 * Kernels are independent: a VM's kernel is its own, so a hog or leak never crosses an apartment wall.
 */
import { vmHostCpuMilli, vmHostMemMiB, vmCapacity, hostCapacity } from '../capacity'
import {
  CONTAINER_SHIM_MIB,
  CPU_SHARES,
  GUEST_OS,
  HOST_SYSTEM_RESERVED_MIB,
  LIVE_MIGRATION,
  MEM_BASELINE_OF_REQUEST,
  MEM_OVERCOMMIT,
  RUNTIMES,
  STEP_MS,
} from '../constants'
import { containerList, containersOfApp, hostList, noteRoomServing, takeAppsTouched } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import type { Container, World } from '../types'
import { oomKill } from '../oom'
import { cacheOf } from '../specialRooms'
import { deleteContainer } from '../containers'
import { MEMORY_PRESSURE, oomScoreAdj, qosClass } from '../qos'

interface Kernel {
  cpuCap: number
  memCap: number
  demand: number
  weight: number
  mem: number
  /** The process the kernel's OOM killer would pick: highest usage + oom_score_adj × capacity / 1000. */
  biggest: Container | null
  biggestScore: number
  /** Its managed pods, for the kubelet's eviction manager. */
  pods: Container[]
  /** Swap slow-down of the machine under this kernel (1 = none; 0 during a migration pause). */
  speed: number
  hostId: string
  name: string
}

export function cgroups(world: World): void {
  const kernels = new Map<string, Kernel>()
  const vmCpuByHost = new Map<string, number>()
  const vmMemByHost = new Map<string, number>()
  for (const vm of Object.values(world.vms)) {
    vmCpuByHost.set(vm.hostId, (vmCpuByHost.get(vm.hostId) ?? 0) + vmHostCpuMilli(vm))
    vmMemByHost.set(vm.hostId, (vmMemByHost.get(vm.hostId) ?? 0) + vmHostMemMiB(vm))
    if (vm.state !== 'running') continue
    const cap = vmCapacity(vm)
    kernels.set(vm.id, {
      cpuCap: cap.cpuMilli,
      memCap: cap.memMiB,
      demand: 0,
      weight: 0,
      mem: 0,
      biggest: null,
      biggestScore: -Infinity,
      pods: [],
      speed: 1,
      hostId: vm.hostId,
      name: `VM ${vm.name}`,
    })
  }
  // Kernels where something can happen: a VM's, a house that may swap (memory
  // overcommit), a kernel whose rooms could together want more CPU than it has, or a kernel with a
  // hog, leak, limit or sandbox on it. When none and no app's load moved, the step skips every room:
  // at 150,000 rooms a pass costs more than the whole rest of the step.
  const busy = new Set<string>()
  // Every running VM kernel takes the careful path: VMs are few, and their memory in use feeds the swap model.
  for (const id of kernels.keys()) busy.add(id)
  const hostKernel = (h: World['hosts'][string]): Kernel => {
    const cap = hostCapacity(h)
    return {
      cpuCap: cap.cpuMilli - (vmCpuByHost.get(h.id) ?? 0),
      memCap: cap.memMiB - (vmMemByHost.get(h.id) ?? 0),
      demand: 0,
      weight: 0,
      mem: 0,
      biggest: null,
      biggestScore: -Infinity,
      pods: [],
      speed: 1,
      hostId: h.id,
      name: `host ${h.name}`,
    }
  }
  // No CPU limit caps a plain room's use (FIDELITY.md "No limits"): the most any app's rooms ask for, as a multiple
  // of their requests, bounds what a kernel's rooms can want together.
  let maxLoad = 0
  for (const id in world.apps) maxLoad = Math.max(maxLoad, world.apps[id]!.cpuPercent / 100)
  for (const h of hostList(world)) {
    if (h.power !== 'on') continue
    const worstCpu = (h.alloc.cpuMilli + h.alloc.pods * CPU_SHARES.bestEffortNeedMilli) * maxLoad
    if (h.memOvercommit > 1 || h.swapping || worstCpu > h.cores * 1000 - (vmCpuByHost.get(h.id) ?? 0)) {
      busy.add(h.id)
      kernels.set(h.id, hostKernel(h))
    }
  }
  const cache = cacheOf(world)
  for (const c of cache.specials) {
    if (world.containers[c.id] !== c) cache.specials.delete(c)
    else if (c.state === 'running' && c.placement) {
      const id = c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId
      const h = c.placement.kind === 'host' ? world.hosts[id] : undefined
      if (h && h.power === 'on' && !kernels.has(id)) kernels.set(id, hostKernel(h))
      busy.add(id)
    }
  }
  let loadsMoved = false
  const moved: string[] = []
  const apps = Object.values(world.apps)
  for (const app of apps) {
    if (cache.loads.get(app.id) !== app.cpuPercent) {
      cache.loads.set(app.id, app.cpuPercent)
      loadsMoved = true
      moved.push(app.id)
    }
  }
  for (const c of cache.slowed) {
    // Rooms slowed last step run at full speed again unless the careful path slows them anew.
    if (world.containers[c.id] === c) {
      c.speed = 1
      noteRoomServing(world, c)
    }
  }
  cache.slowed.clear()
  // Skip every room only when nothing could have changed their use since the last pass: no load moved, no room
  // opened (it starts at 0 use), and no kernel was on the careful path then or now (its rooms' figures would be stale).
  const opened = world.stats.containersStarted !== cache.started
  cache.started = world.stats.containersStarted
  const wasBusy = cache.wasBusy
  cache.wasBusy = busy.size > 0
  if (busy.size === 0 && !loadsMoved && !opened && !wasBusy) {
    swap(world, kernels)
    return
  }
  // Module constants read once: a getter per room shows in the step time.
  const baseline = MEM_BASELINE_OF_REQUEST
  const bestEffort = CPU_SHARES.bestEffortNeedMilli
  // Taken only here, not when the step skips every room: what was touched meanwhile waits for this pass.
  const touchedApps = takeAppsTouched(world, 'cgroups')
  if (busy.size === 0 && !wasBusy && touchedApps && cache.loads.size === apps.length) {
    // Every room takes the quick path, and took it last time too: only the rooms of apps whose load moved, or one of
    // whose rooms changed state, was made or removed since (containerIndex.ts takeAppsTouched), can need new figures;
    // the others' are what the quick path would write again. A zone outage at L moves a few apps of 150 a step.
    for (const appId of new Set([...moved, ...touchedApps])) {
      const load = (world.apps[appId]?.cpuPercent ?? 0) / 100
      for (const c of containersOfApp(world, appId)) {
        if (c.state !== 'running' || !c.placement) continue
        const mem = c.memRequestMiB * baseline
        const cpu = (c.cpuRequestMilli > 0 ? c.cpuRequestMilli : bestEffort) * load
        if (c.memUsageMiB !== mem) c.memUsageMiB = mem
        if (c.cpuUsageMilli !== cpu) c.cpuUsageMilli = cpu
      }
    }
    careful_(world, kernels, [], cache.slowed)
    return
  }
  const list = containerList(world)
  const careful: Container[] = []
  let lastApp = ''
  let load = 0
  // Pass 1: plain rooms on quiet kernels take the quick path; the rest are collected (an index walk: see kubelet).
  for (let at = 0; at < list.length; at++) {
    const c = list[at]!
    if (c.state !== 'running' || !c.placement) continue
    const id = c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId
    if (busy.size > 0 && busy.has(id)) {
      careful.push(c)
      continue
    }
    if (c.appId !== lastApp) {
      lastApp = c.appId
      load = (world.apps[c.appId]?.cpuPercent ?? 0) / 100
    }
    // Quick path: a plain room on a kernel with room to spare uses what its load asks, at full speed.
    // Write only what changed: storing a double into 150,000 objects every step is most of the cost.
    const mem = c.memRequestMiB * baseline
    const cpu = (c.cpuRequestMilli > 0 ? c.cpuRequestMilli : bestEffort) * load
    if (c.memUsageMiB !== mem) c.memUsageMiB = mem
    if (c.cpuUsageMilli !== cpu) c.cpuUsageMilli = cpu
  }
  careful_(world, kernels, careful, cache.slowed)
}

/** The careful path: leaks, limits, OOM kills, CPU shares under contention, swap, sandboxes. */
function careful_(world: World, kernels: Map<string, Kernel>, list: Container[], slowed: Set<Container>): void {
  const dtS = STEP_MS / 1000
  const baseline = MEM_BASELINE_OF_REQUEST
  const minWeight = CPU_SHARES.minWeightMilli
  const bestEffort = CPU_SHARES.bestEffortNeedMilli
  const running: Container[] = []
  const kernelOf: Kernel[] = []
  for (const c of list) {
    const k = kernels.get(
      c.placement!.kind === 'host' ? (c.placement as { hostId: string }).hostId : (c.placement as { vmId: string }).vmId,
    )
    if (!k) continue
    const load = (world.apps[c.appId]?.cpuPercent ?? 0) / 100
    const base = c.cpuRequestMilli > 0 ? c.cpuRequestMilli : bestEffort
    if (c.leakMiBPerS > 0) c.leakedMiB += c.leakMiBPerS * dtS
    c.memUsageMiB = c.memRequestMiB * baseline + c.leakedMiB
    if (c.memLimitMiB !== null && c.memUsageMiB > c.memLimitMiB) {
      oomKill(world, c, null)
      continue
    }
    const want = c.cpuHog ? k.cpuCap : base * load
    const demand = c.cpuLimitMilli !== null ? Math.min(want, c.cpuLimitMilli) : want
    const throttled = c.cpuLimitMilli !== null && want > c.cpuLimitMilli
    if (throttled !== c.throttled) noteThrottle(world, c, throttled)
    c.cpuUsageMilli = demand
    k.demand += demand
    k.weight += Math.max(minWeight, c.cpuRequestMilli)
    k.mem += c.memUsageMiB + CONTAINER_SHIM_MIB.value + RUNTIMES[c.runtime].overheadMiB
    // The kernel's badness (mm/oom_kill.c): usage plus oom_score_adj × capacity / 1000. A plain `docker run` room has
    // adj 0; a pod's comes from its QoS class (FIDELITY.md "Node out of memory").
    const score = c.memUsageMiB + (c.managed ? (oomScoreAdj(c, k.memCap) * k.memCap) / 1000 : 0)
    if (!k.biggest || score > k.biggestScore) {
      k.biggest = c
      k.biggestScore = score
    }
    if (c.managed) k.pods.push(c)
    running.push(c)
    kernelOf.push(k)
  }
  const evictNow = world.timeMs % MEMORY_PRESSURE.monitoringPeriodMs === 0
  for (const k of kernels.values()) {
    if (evictNow && k.memCap - k.mem < MEMORY_PRESSURE.evictionThresholdMiB) evictForMemory(world, k)
    if (k.mem > k.memCap && k.biggest && k.biggest.state === 'running' && world.containers[k.biggest.id] === k.biggest)
      oomKill(world, k.biggest, k.name)
  }
  swap(world, kernels)
  // Pass 2: CPU granted and the speed each room serves at.
  for (let i = 0; i < running.length; i++) {
    const c = running[i]!
    if (c.state !== 'running') continue
    const k = kernelOf[i]!
    const demand = c.cpuUsageMilli
    const grant = k.demand <= k.cpuCap ? demand : Math.min(demand, (k.cpuCap * Math.max(minWeight, c.cpuRequestMilli)) / k.weight)
    const base = c.cpuRequestMilli > 0 ? c.cpuRequestMilli : bestEffort
    const load1 = Math.min(1, (world.apps[c.appId]?.cpuPercent ?? 0) / 100)
    // A room needs its request to serve at full capacity; a hog's own loop competes with its work.
    const need = c.cpuHog ? Math.max(k.cpuCap, 1) : base * load1
    const cpuSpeed = need <= 0 ? 1 : Math.min(1, grant / need)
    c.cpuUsageMilli = grant
    const speed = cpuSpeed * k.speed * RUNTIMES[c.runtime].speed
    if (speed !== c.speed) {
      c.speed = speed
      noteRoomServing(world, c)
    }
    if (c.speed !== 1) slowed.add(c)
  }
}

/**
 * The kubelet's eviction manager under memory pressure (memory.available below 100 MiB, checked every 10 s): it
 * evicts one pod, ranked first by whether its usage exceeds its request (a BestEffort pod's always does), then by
 * lower priority, then by how far beyond its request it is. The ReplicaSet recreates it. Simplified: the node's
 * MemoryPressure condition and taint are not modelled; the log says what happened.
 */
function evictForMemory(world: World, k: Kernel): void {
  const over = (c: Container) => c.memUsageMiB - c.memRequestMiB
  let victim: Container | null = null
  for (const c of k.pods) {
    if (c.state !== 'running' || world.containers[c.id] !== c) continue
    if (!victim) {
      victim = c
      continue
    }
    const a = over(c) > 0
    const b = over(victim) > 0
    if (a !== b ? a : c.priority !== victim.priority ? c.priority < victim.priority : over(c) > over(victim)) victim = c
  }
  if (!victim) return
  const available = Math.round(k.memCap - k.mem)
  const used = Math.round(victim.memUsageMiB)
  k.mem -= victim.memUsageMiB
  if (k.biggest === victim) k.biggest = null
  const app = world.apps[victim.appId]
  logEvent(
    world,
    'warn',
    say('cgroups.evictedForMemory', {
      where: `${k.name.startsWith('VM') ? 'Apartment' : 'House'} ${k.name.replace(/^(VM|host) /, '')}`,
      app: app?.name ?? victim.appId,
      qos: qosClass(victim),
      why: over(victim) > 0 ? `it used ${Math.round(over(victim))} MiB more than it booked` : 'the lowest ranked',
      pod: victim.name,
      threshold: MEMORY_PRESSURE.evictionThresholdMiB,
      available,
      used,
      request: victim.memRequestMiB,
      priority: victim.priority,
    }),
    [victim.id, victim.appId],
  )
  deleteContainer(world, victim)
}

function noteThrottle(world: World, c: Container, on: boolean): void {
  c.throttled = on
  const app = world.apps[c.appId]?.name ?? '?'
  if (on) {
    c.reason = `CPU throttled: CFS quota ${c.cpuLimitMilli}m reached (not killed, just slowed)`
    logEvent(
      world,
      'warn',
      say('cgroups.throttled', {
        app,
        cpuLimitMilli: ((c.cpuLimitMilli ?? 0) / 1000).toFixed(1),
        room: c.name,
        roomCpuLimitMilli: c.cpuLimitMilli,
      }),
      [c.id, c.appId],
    )
  } else if (c.reason.startsWith('CPU throttled')) c.reason = ''
}

/** A house swaps when its apartments (and bare rooms) touch more RAM than it physically has. */
function swap(world: World, kernels: Map<string, Kernel>): void {
  const vmsByHost = new Map<string, World['vms'][string][]>()
  for (const vm of Object.values(world.vms)) {
    const list = vmsByHost.get(vm.hostId)
    if (list) list.push(vm)
    else vmsByHost.set(vm.hostId, [vm])
    // Without overcommit a house never swaps: its VMs run at full speed, except in a migration pause.
    // During a migration: paused for stop-and-copy; throttled by auto-converge; slowed by post-copy's page fetches.
    const m = vm.migration
    vm.speed = !m ? 1 : m.phase === 'stopcopy' ? 0 : m.phase === 'postcopy' ? LIVE_MIGRATION.postcopySpeed : 1 - m.throttlePercent / 100
    const k = kernels.get(vm.id)
    if (k) k.speed = vm.speed
  }
  for (const h of hostList(world)) {
    if (h.power !== 'on' || !(h.memOvercommit > 1 || h.swapping || vmsByHost.has(h.id))) continue
    const vms = vmsByHost.get(h.id) ?? []
    let inUse = HOST_SYSTEM_RESERVED_MIB.value + (kernels.get(h.id)?.mem ?? 0)
    for (const vm of vms) {
      const k = kernels.get(vm.id)
      vm.memInUseMiB = vm.state === 'running' ? Math.min(vm.memMiB, GUEST_OS[vm.os].memMiB + (k?.mem ?? 0)) : 0
      if (vm.state === 'running' || vm.state === 'booting') inUse += vmHostMemMiB(vm) - vm.memMiB + vm.memInUseMiB
    }
    const over = inUse - h.memMiB
    const speed = over > 0 ? Math.max(MEM_OVERCOMMIT.minSpeed, 1 - (MEM_OVERCOMMIT.swapPenalty * over) / h.memMiB) : 1
    const swapping = over > 0
    if (swapping !== h.swapping) {
      h.swapping = swapping
      if (swapping)
        logEvent(
          world,
          'warn',
          say('cgroups.swapping', {
            host: h.name,
            speed: Math.round(speed * 100),
            inUse: Math.round(inUse),
            memMiB: h.memMiB,
            memOvercommit: h.memOvercommit,
          }),
          [h.id],
        )
      else logEvent(world, 'info', say('cgroups.swapStopped', { host: h.name }), [h.id])
    }
    if (speed === 1) continue
    const hk = kernels.get(h.id)
    if (hk) hk.speed = speed
    for (const vm of vms) {
      if (vm.speed !== 0) vm.speed = speed
      const k = kernels.get(vm.id)
      if (k) k.speed = vm.speed
    }
  }
}
