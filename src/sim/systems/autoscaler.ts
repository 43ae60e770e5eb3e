/**
 * The cluster autoscaler (the estate agent), after kubernetes/autoscaler's cluster-autoscaler
 * (FAQ; figures in podFigures.ts). Every scan interval, only when configured:
 *
 * - Scale-up: pods the scheduler could not place ("0/N nodes are available") that would fit on a
 *   house of the template are packed, first fit, into the houses already on order and then into
 *   new ones; it buys that many (zones in turn), unless maxHosts or the budget per hour forbid it,
 *   and says why once. A bought house stands as an empty lot (powered off) for the provisioning
 *   time, then joins Ready.
 * - Scale-down: a house it bought whose requests are under 50% of allocatable (the larger of CPU
 *   and memory), whose pods all fit on other houses and whose disruption budgets allow moving
 *   them, is unneeded; after 10 min unneeded and 10 min after the last scale-up it is tainted
 *   ToBeDeletedByClusterAutoscaler, cordoned and drained (systems/drain.ts, which honours
 *   PodDisruptionBudgets), and removed once empty. Houses it did not buy are never sold.
 */
import { buildHost } from '../hosts'
import { containerCpuMilli, containerMemMiB, hostCapacity, vmCapacity } from '../capacity'
import { CLUSTER_LIMITS, HOST_SYSTEM_RESERVED_MIB, STEP_MS } from '../constants'
import { containerList, hostList, noteHostsChanged } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import type { Message } from '../messages'
import { CLUSTER_AUTOSCALER } from '../podFigures'
import type { ClusterAutoscaler, Container, Host, World } from '../types'
import { scaledDelay } from '../world'
import { hourlyCost } from './cost'

/** The taint the real autoscaler puts on a node it is deleting. */
export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler'
/** Subject on every autoscaler event, so "say it once" can find the last one. */
const SUBJECT = 'cluster-autoscaler'

export function autoscaler(world: World): void {
  const ca = world.autoscaler
  if (!ca) return
  if (ca.boughtHostIds.length > 0) {
    finishProvisioning(world, ca)
    finishRemovals(world, ca)
  }
  const interval = Math.max(STEP_MS, scaledDelay(world, CLUSTER_AUTOSCALER.scanIntervalMs))
  if (world.timeMs % interval >= STEP_MS) return
  scaleUp(world, ca)
  scaleDown(world, ca)
}

/**
 * Log an autoscaler line. With `once`, a reason already given since the last scale-up is not
 * repeated every scan (the log keeps its newest lines; one that has fallen off may be said again).
 */
function note(world: World, level: 'info' | 'warn', message: Message, subjects: string[] = [], once = false): void {
  if (once) {
    const same = JSON.stringify(message.params)
    for (let i = world.events.length - 1; i >= 0; i--) {
      const e = world.events[i]!
      if (!e.subjects.includes(SUBJECT)) continue
      if (e.id === message.id && JSON.stringify(e.params) === same) return
      if (e.id === 'autoscaler.triggeredScaleUp') break
    }
  }
  logEvent(world, level, message, [...subjects, SUBJECT])
}

const isBeingRemoved = (h: Host): boolean => h.taints.some((t) => t.key === TO_BE_DELETED_TAINT)

/** A bought house still on order: an empty lot until the provisioning time has passed. */
const isProvisioning = (h: Host): boolean => h.power === 'off'

function finishProvisioning(world: World, ca: ClusterAutoscaler): void {
  const wait = scaledDelay(world, CLUSTER_AUTOSCALER.provisionMs)
  for (const id of ca.boughtHostIds) {
    const h = world.hosts[id]
    if (!h || !isProvisioning(h) || world.timeMs - h.powerSinceMs < wait) continue
    h.power = 'on'
    h.powerSinceMs = world.timeMs
    h.condition = 'Ready'
    note(world, 'info', say('autoscaler.nodeJoined', { host: h.name, wait: (wait / 1000).toFixed(0) }), [h.id])
  }
}

function finishRemovals(world: World, ca: ClusterAutoscaler): void {
  for (const id of [...ca.boughtHostIds]) {
    const h = world.hosts[id]
    if (!h) {
      forget(ca, id)
      continue
    }
    if (!isBeingRemoved(h) || h.alloc.pods > 0 || h.alloc.vcpus > 0) continue
    if (containerList(world).some((c) => c.placement?.kind === 'host' && c.placement.hostId === id)) continue
    delete world.hosts[id]
    noteHostsChanged(world)
    forget(ca, id)
    note(world, 'info', say('autoscaler.nodeRemoved', { host: h.name }), [id])
  }
}

function forget(ca: ClusterAutoscaler, id: string): void {
  ca.boughtHostIds = ca.boughtHostIds.filter((h) => h !== id)
  delete ca.unneededSinceMs[id]
}

/** What a house of the template offers to pods (the same rule as hostCapacity). */
function templateCapacity(ca: ClusterAutoscaler): { cpuMilli: number; memMiB: number } {
  return { cpuMilli: ca.template.cores * 1000, memMiB: ca.template.memMiB - HOST_SYSTEM_RESERVED_MIB.value }
}

interface Bin {
  cpu: number
  mem: number
  pods: number
}

/** First fit: put the pod in the first bin with room for it; false if none has. */
function fitFirst(bins: Bin[], cpu: number, mem: number): boolean {
  for (const b of bins) {
    if (b.cpu >= cpu && b.mem >= mem && b.pods >= 1) {
      b.cpu -= cpu
      b.mem -= mem
      b.pods -= 1
      return true
    }
  }
  return false
}

function scaleUp(world: World, ca: ClusterAutoscaler): void {
  const cap = templateCapacity(ca)
  const pending: Container[] = []
  let tooBig = 0
  for (const c of containerList(world)) {
    // Pods the scheduler tried and could not place (and that no preemption is making room for).
    if (c.state !== 'pending' || c.placement !== null || !c.managed || c.nominatedNode !== null || !c.reason.startsWith('0/')) continue
    // Houses run Linux kernels; a pod bigger than a whole template house would not fit a new one either.
    if ((world.images[c.imageId]?.os ?? 'linux') !== 'linux' || containerCpuMilli(c) > cap.cpuMilli || containerMemMiB(c) > cap.memMiB)
      tooBig++
    else pending.push(c)
  }
  if (tooBig > 0) {
    note(world, 'warn', say('autoscaler.notTriggerScaleUpWouldNotFit', { cores: ca.template.cores, memMiB: ca.template.memMiB }), [], true)
  }
  if (pending.length === 0) return
  // Like the real autoscaler, first set aside the pods that existing nodes can already take (a
  // house that just joined, space freed since the scheduler tried) and those the houses on order
  // will take; only the rest need new houses.
  // Only nodes with space for the smallest waiting pod matter (on a full street, few or none).
  let minCpu = Infinity
  let minMem = Infinity
  for (const c of pending) {
    minCpu = Math.min(minCpu, containerCpuMilli(c))
    minMem = Math.min(minMem, containerMemMiB(c))
  }
  const bins: Bin[] = freeSpace(world, null).filter((b) => b.os === 'linux' && b.cpu >= minCpu && b.mem >= minMem)
  for (const id of ca.boughtHostIds) {
    const h = world.hosts[id]
    if (h && isProvisioning(h)) bins.push({ cpu: cap.cpuMilli, mem: cap.memMiB, pods: CLUSTER_LIMITS.podsPerNode })
  }
  const upcoming = bins.length
  // Biggest first packs tighter (the binpacking estimator sorts the same way).
  pending.sort((a, b) => containerCpuMilli(b) - containerCpuMilli(a) || containerMemMiB(b) - containerMemMiB(a))
  for (const c of pending) {
    const mem = containerMemMiB(c)
    const cpu = containerCpuMilli(c)
    if (fitFirst(bins, cpu, mem)) continue
    bins.push({ cpu: cap.cpuMilli - cpu, mem: cap.memMiB - mem, pods: CLUSTER_LIMITS.podsPerNode - 1 })
  }
  const needed = bins.length - upcoming
  if (needed === 0) return
  const hosts = Object.keys(world.hosts).length
  const byMax = Math.max(0, ca.maxHosts - hosts)
  // The street's cost per hour, with the houses on order (not yet billed here) counted.
  let perHour = hourlyCost(world)
  for (const id of ca.boughtHostIds) {
    const h = world.hosts[id]
    if (h && isProvisioning(h)) perHour += h.costPerHour
  }
  const byBudget =
    ca.template.costPerHour > 0 ? Math.max(0, Math.floor((ca.budgetPerHour - perHour) / ca.template.costPerHour + 1e-9)) : Infinity
  const buy = Math.min(needed, byMax, byBudget)
  if (buy > 0) buyHosts(world, ca, buy, pending.length, hosts)
  if (buy < needed) {
    if (byMax <= byBudget) {
      note(world, 'warn', say('autoscaler.notTriggerScaleUpMaxSize', { maxHosts: ca.maxHosts }), [], true)
    } else {
      note(
        world,
        'warn',
        say('autoscaler.notTriggerScaleUpBudget', { budgetPerHour: ca.budgetPerHour, costPerHour: ca.template.costPerHour }),
        [],
        true,
      )
    }
  }
}

function buyHosts(world: World, ca: ClusterAutoscaler, buy: number, waiting: number, hosts: number): void {
  const bought: Host[] = []
  for (let i = 0; i < buy; i++) {
    const zone = nextZone(world, ca)
    const spec = { name: `auto-${world.nextId}`, zone, cores: ca.template.cores, memMiB: ca.template.memMiB }
    // Not announced as "joined": it has only been ordered, and the scale-up line below says so.
    const r = buildHost(world, { type: 'addHost', ...spec, costPerHour: ca.template.costPerHour }, false)
    if (!r.ok || !r.id) break
    const h = world.hosts[r.id]!
    // On order: an empty lot until it is provisioned (finishProvisioning). Simplification: a cloud
    // bills from the order; cost.ts bills powered-off lots nothing, so the wait is free here.
    h.power = 'off'
    h.powerSinceMs = world.timeMs
    h.condition = 'NotReady'
    ca.boughtHostIds.push(h.id)
    bought.push(h)
  }
  ca.lastScaleUpMs = world.timeMs
  const wait = scaledDelay(world, CLUSTER_AUTOSCALER.provisionMs)
  note(
    world,
    'info',
    say('autoscaler.triggeredScaleUp', {
      waiting,
      names: bought.map((h) => h.name),
      zones: bought.map((h) => h.zone),
      wait: Math.round(wait / 1000),
      hosts,
      maxHosts: ca.maxHosts,
    }),
    bought.map((h) => h.id),
  )
}

/** The template zone with the fewest of its bought houses (zones in turn, as balanced node groups). */
function nextZone(world: World, ca: ClusterAutoscaler): string {
  let best = ca.template.zones[0]!
  let fewest = Infinity
  for (const z of ca.template.zones) {
    let n = 0
    for (const id of ca.boughtHostIds) if (world.hosts[id]?.zone === z) n++
    if (n < fewest) {
      fewest = n
      best = z
    }
  }
  return best
}

/** Larger of requested CPU and memory over allocatable (scale-down-utilization-threshold compares this). */
export function hostUtilisation(h: Host): number {
  const cap = hostCapacity(h)
  return Math.max(h.alloc.cpuMilli / cap.cpuMilli, h.alloc.memMiB / cap.memMiB)
}

function scaleDown(world: World, ca: ClusterAutoscaler): void {
  if (ca.boughtHostIds.length === 0) return
  const now = world.timeMs
  const candidates: Host[] = []
  for (const id of ca.boughtHostIds) {
    const h = world.hosts[id]
    // A house that joined in this very step has had no chance to take the pods waiting for it.
    if (!h || h.power !== 'on' || h.condition !== 'Ready' || isBeingRemoved(h) || h.powerSinceMs === now) continue
    candidates.push(h)
  }
  if (candidates.length === 0) return
  // Pods per candidate house, in one pass.
  const podsOn = new Map<string, Container[]>(candidates.map((h) => [h.id, []]))
  for (const c of containerList(world)) {
    if (c.placement?.kind !== 'host') continue
    podsOn.get(c.placement.hostId)?.push(c)
  }
  for (const h of candidates) {
    const pods = podsOn.get(h.id)!
    const unneeded =
      hostUtilisation(h) < CLUSTER_AUTOSCALER.scaleDownUtilisation &&
      h.alloc.vcpus === 0 &&
      pods.every((c) => c.managed) &&
      fitsElsewhere(world, h, pods)
    if (unneeded) ca.unneededSinceMs[h.id] ??= now
    else delete ca.unneededSinceMs[h.id]
  }
  if (now - ca.lastScaleUpMs < scaledDelay(world, CLUSTER_AUTOSCALER.scaleDownDelayAfterAddMs)) return
  if (Object.keys(world.hosts).length <= ca.minHosts) return
  const unneededFor = scaledDelay(world, CLUSTER_AUTOSCALER.scaleDownUnneededMs)
  for (const h of candidates) {
    const since = ca.unneededSinceMs[h.id]
    if (since === undefined || now - since < unneededFor) continue
    const pods = podsOn.get(h.id)!
    const blocking = pdbBlocks(world, pods)
    if (blocking) {
      note(world, 'warn', say('autoscaler.scaleDownBlocked', { host: h.name, blocking }), [h.id], true)
      continue
    }
    // One house at a time (the real autoscaler drains one non-empty node per loop).
    h.taints = [...h.taints, { key: TO_BE_DELETED_TAINT, value: String(Math.round(now / 1000)), effect: 'NoSchedule' }]
    h.unschedulable = true
    h.draining = pods.length > 0
    h.drainBlocked = false
    const pct = Math.round(hostUtilisation(h) * 100)
    note(
      world,
      'info',
      say('autoscaler.scaleDownUnneeded', {
        host: h.name,
        pct,
        now: Math.round((now - since) / 60000),
        pods: pods.length,
        now2: Math.round((now - since) / 1000),
        scaleDownUtilisation: CLUSTER_AUTOSCALER.scaleDownUtilisation * 100,
        TO_BE_DELETED_TAINT,
      }),
      [h.id],
    )
    return
  }
}

/** Free space on every schedulable house and apartment (except `except`), with the kernel it offers. */
function freeSpace(world: World, except: Host | null): (Bin & { os: string })[] {
  const bins: (Bin & { os: string })[] = []
  for (const h of hostList(world)) {
    if (h === except || h.power !== 'on' || h.condition !== 'Ready' || h.unschedulable || isBeingRemoved(h)) continue
    const cap = hostCapacity(h)
    const bin = {
      cpu: cap.cpuMilli - h.alloc.cpuMilli,
      mem: cap.memMiB - h.alloc.memMiB,
      pods: CLUSTER_LIMITS.podsPerNode - h.alloc.pods,
      os: 'linux',
    }
    if (bin.cpu > 0 && bin.mem > 0 && bin.pods > 0) bins.push(bin)
  }
  for (const vm of Object.values(world.vms)) {
    if (vm.state !== 'running' || vm.condition !== 'Ready' || world.hosts[vm.hostId]?.power !== 'on' || vm.hostId === except?.id) continue
    const cap = vmCapacity(vm)
    const bin = {
      cpu: cap.cpuMilli - vm.alloc.cpuMilli,
      mem: cap.memMiB - vm.alloc.memMiB,
      pods: CLUSTER_LIMITS.podsPerNode - vm.alloc.pods,
      os: vm.os as string,
    }
    if (bin.cpu > 0 && bin.mem > 0 && bin.pods > 0) bins.push(bin)
  }
  return bins
}

/** Whether every pod here would find space on another schedulable house or apartment (first fit). */
function fitsElsewhere(world: World, here: Host, pods: Container[]): boolean {
  if (pods.length === 0) return true
  const bins = freeSpace(world, here)
  for (const c of pods) {
    const os = world.images[c.imageId]?.os ?? 'linux'
    const fits = bins.filter((b) => b.os === os)
    if (!fitFirst(fits, containerCpuMilli(c), containerMemMiB(c))) return false
  }
  return true
}

/**
 * The name of an app whose disruption budget allows no eviction now, among the apps with healthy
 * pods here; null if none. As the real autoscaler checks before it starts: each budget must allow
 * removing at least one replica; the drain then evicts the rest as the budgets allow.
 */
function pdbBlocks(world: World, pods: Container[]): string | null {
  const apps = new Set<string>()
  for (const c of pods) if (c.state === 'running' && c.ready && world.apps[c.appId]?.pdbMinAvailable != null) apps.add(c.appId)
  if (apps.size === 0) return null
  const healthy = new Map<string, number>()
  for (const c of containerList(world))
    if (apps.has(c.appId) && c.state === 'running' && c.ready) healthy.set(c.appId, (healthy.get(c.appId) ?? 0) + 1)
  for (const appId of apps) {
    const app = world.apps[appId]!
    if ((healthy.get(appId) ?? 0) - 1 < app.pdbMinAvailable!) return app.name
  }
  return null
}
