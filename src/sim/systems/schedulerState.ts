/**
 * What one scheduling pass knows, built once per step and kept in step with each binding: the
 * nodes with their labels, the matching rules (tolerations, node selector requirements), each
 * app's pods per node and per topology domain, and each pending pod's PreFilter state.
 * Shared by the scheduler, preemption and explainPlacement.
 */
import { containerCpuMilli, containerMemMiB, hostCapacity, vmCapacity } from '../capacity'
import { containerList, containersOfApp, hostList } from '../containerIndex'
import { podCpuRequestMilli, podMemRequestMiB } from '../containers'
import { hostLabels, LABEL_OS, vmLabels } from '../nodeLabels'
import { matchesAll, matchesRequirement, tolerated, toleratesTaint } from '../matching'
import { FILTER_ORDER, SYSTEM_DEFAULT_SPREAD } from '../schedulingFigures'
import type { FilterPlugin } from '../schedulingFigures'
import type { App, AppId, Container, Host, ImageId, NodeSelectorRequirement, Placement, Taint, Vm, World } from '../types'

/** A node as the scheduler sees it: a house or an apartment, with its free resources and labels. */
export interface NodeView {
  name: string
  /** The host's or VM's id. */
  id: string
  placement: Placement
  kernel: 'linux' | 'windows'
  /** Cordoned: NodeUnschedulable filters it out. */
  unschedulable: boolean
  capCpu: number
  capMem: number
  target: Host['alloc'] | Vm['alloc']
  /**
   * What its request-less pods add when scoring (FIDELITY.md "Scoring pods without requests", resource_allocation.go
   * GetNonzeroRequests): 100m CPU per pod without a CPU request, 200 MiB per pod without a memory request. Filtering
   * still counts their real requests (0).
   */
  nonZero: { cpu: number; mem: number }
  /** Derived well-known labels merged with the player's (nodeLabels.ts). */
  labels: Record<string, string>
  taints: Taint[]
  cachedLayers: string[]
}

/**
 * Whether a house is a node the scheduler sees. A node the control plane marked Unknown is still a node: its
 * node.kubernetes.io/unreachable taint filters it out, and FailedScheduling counts it with that reason ("0/N nodes"
 * counts every node), as kube-scheduler does. Simplification: during the grace period Kubernetes would still bind pods
 * to the dead node (they never start); here a machine that is down and not yet marked is simply not offered, and a lot
 * on order is not a node yet.
 */
export const hostOffered = (h: Host): boolean => (h.power === 'on' && h.condition === 'Ready') || h.condition === 'Unknown'

/** Whether an apartment is a node the scheduler sees: booted, in a house that stands. */
export const vmOffered = (world: World, vm: Vm): boolean => vm.state === 'running' && world.hosts[vm.hostId]?.power === 'on'

/** Every house and apartment the manager may place rooms on right now. */
export function schedulableNodes(world: World): NodeView[] {
  const nodes: NodeView[] = []
  for (const h of hostList(world)) {
    if (!hostOffered(h)) continue
    const cap = hostCapacity(h)
    nodes.push({
      name: h.name,
      id: h.id,
      placement: { kind: 'host', hostId: h.id },
      kernel: 'linux',
      unschedulable: h.unschedulable,
      capCpu: cap.cpuMilli,
      capMem: cap.memMiB,
      target: h.alloc,
      nonZero: { cpu: 0, mem: 0 },
      labels: hostLabels(h),
      taints: h.taints,
      cachedLayers: h.cachedLayers,
    })
  }
  for (const vm of Object.values(world.vms)) {
    if (!vmOffered(world, vm)) continue
    const cap = vmCapacity(vm)
    nodes.push({
      name: vm.name,
      id: vm.id,
      placement: { kind: 'vm', vmId: vm.id },
      kernel: vm.os,
      unschedulable: false,
      capCpu: cap.cpuMilli,
      capMem: cap.memMiB,
      target: vm.alloc,
      nonZero: { cpu: 0, mem: 0 },
      labels: vmLabels(world, vm),
      taints: vm.taints,
      cachedLayers: vm.cachedLayers,
    })
  }
  addNonZero(world, nodes)
  return nodes
}

/** kube-scheduler's defaults for a pod without requests, used when scoring only (schedutil.DefaultMilliCPURequest...). */
export const NON_ZERO_DEFAULTS = { cpuMilli: 100, memMiB: 200, source: 'kube-scheduler resource_allocation.go: 100m CPU / 200 MiB' }

/** A pod's scoring extra: the defaults for the requests it does not set. */
export function nonZeroExtra(c: Pick<Container, 'cpuRequestMilli' | 'memRequestMiB'>): { cpu: number; mem: number } {
  return { cpu: c.cpuRequestMilli === 0 ? NON_ZERO_DEFAULTS.cpuMilli : 0, mem: c.memRequestMiB === 0 ? NON_ZERO_DEFAULTS.memMiB : 0 }
}

/** Fill each node's nonZero from the request-less pods bound to it; nothing to scan when no app lacks a request. */
function addNonZero(world: World, nodes: NodeView[]): void {
  let any = false
  for (const id in world.apps) {
    const a = world.apps[id]!
    if (podCpuRequestMilli(a) === 0 || podMemRequestMiB(a) === 0) any = true
  }
  if (!any) return
  const byId = new Map(nodes.map((n) => [n.id, n]))
  for (const c of containerList(world)) {
    if (!c.placement || c.state === 'terminated' || (c.cpuRequestMilli !== 0 && c.memRequestMiB !== 0)) continue
    const n = byId.get(c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId)
    if (!n) continue
    const x = nonZeroExtra(c)
    n.nonZero.cpu += x.cpu
    n.nonZero.mem += x.mem
  }
}

// ---------------------------------------------------------------------------------------------
export { matchesAll, matchesRequirement, tolerated, toleratesTaint }
// Matching rules: in ../matching.ts (shared with the taint manager in commands/placement.ts)

// ---------------------------------------------------------------------------------------------
// One scheduling pass's state: built once per step, kept in step with each binding.

interface Nomination {
  node: number
  id: string
  priority: number
  cpu: number
  mem: number
}

/** The nodes' domains for one label key: domain index per node (−1 without the label) and the names. */
interface KeyIndex {
  domainOf: Int32Array
  names: string[]
}

/** One app's pods per domain of one key, counting only eligible nodes (all nodes when eligible is null). */
interface DomainEntry {
  appId: AppId
  ki: KeyIndex
  eligible: Uint8Array | null
  counts: Int32Array
  /** Domains that hold at least one eligible node. */
  live: Uint8Array
  liveCount: number
}

export interface SchedCtx {
  world: World
  nodes: NodeView[]
  /** Host or VM id → index in nodes. */
  byId: Map<string, number>
  byName: Map<string, number>
  /** Pods per node, per app (built on first need, one pass over the pods for the apps in countApps). */
  podCounts: Map<AppId, Int32Array> | null
  /** The apps whose counts the first walk takes (the scheduler sets the pending pods' apps); null: one at a time. */
  countApps: Set<AppId> | null
  keys: Map<string, KeyIndex>
  /** Node-affinity eligibility per app and OS. */
  masks: Map<string, Uint8Array>
  domains: Map<string, DomainEntry>
  domainsByApp: Map<AppId, DomainEntry[]>
  /** ImageLocality's raw sum per node, per image (built on first need). */
  imageRaw: Map<ImageId, Float64Array | null>
  /** Pods waiting on a node their preemption cleared: its space is held for them (and higher). */
  nominated: Nomination[]
  anyPreferNoSchedule: boolean
  /** Some node has a NoSchedule or NoExecute taint. */
  anyHardTaint: boolean
  /**
   * Per node, 1 when it is cordoned or has a NoSchedule or NoExecute taint: a pod tolerating nothing fails there
   * (NodeUnschedulable or TaintToleration), whatever else holds. Kept with the nodes' taints and cordons.
   */
  closed: Uint8Array
  /** Pods on each node (for preemption), built on first need. */
  podsByNode: Container[][] | null
  /** Reused per-node buffer for raw scores (no allocation per pod). */
  scratch: Float64Array
  /**
   * Per node, bumped whenever a pod arrives on or leaves it, or (between passes of a kept view) its taints, cordon or
   * reservations change: what the kinds' cached verdicts check.
   */
  nodeVersion: Uint32Array
  /** The nodes bumped so, in order, since the kinds were started (a set of verdicts catches up from where it last read). */
  moved: number[]
}

export function newSchedCtx(world: World, nodes: NodeView[]): SchedCtx {
  const byId = new Map<string, number>()
  const byName = new Map<string, number>()
  let anyPreferNoSchedule = false
  let anyHardTaint = false
  const closed = new Uint8Array(nodes.length)
  nodes.forEach((n, i) => {
    byId.set(n.id, i)
    byName.set(n.name, i)
    if (n.unschedulable) closed[i] = 1
    for (const t of n.taints) {
      if (t.effect === 'PreferNoSchedule') anyPreferNoSchedule = true
      else {
        anyHardTaint = true
        closed[i] = 1
      }
    }
  })
  return {
    world,
    nodes,
    byId,
    byName,
    podCounts: null,
    countApps: null,
    keys: new Map(),
    masks: new Map(),
    domains: new Map(),
    domainsByApp: new Map(),
    imageRaw: new Map(),
    nominated: [],
    anyPreferNoSchedule,
    anyHardTaint,
    closed,
    podsByNode: null,
    scratch: new Float64Array(0),
    nodeVersion: new Uint32Array(nodes.length).fill(1),
    moved: [],
  }
}

export const placementId = (p: Placement): string => (p.kind === 'host' ? p.hostId : p.vmId)

/** Pods that take up space where they stand (terminated ones do not). */
const occupies = (c: Container): boolean => c.placement !== null && c.state !== 'terminated'

export function podCounts(ctx: SchedCtx, appId: AppId): Int32Array {
  ctx.podCounts ??= new Map()
  let arr = ctx.podCounts.get(appId)
  if (arr) return arr
  // Counted for every app the pass expects to ask about (the pending pods' apps) at once, each over
  // its own pods only (containersOfApp): at 150,000 pods, the node lookup per pod is the cost.
  const wanted = ctx.countApps && ctx.countApps.has(appId) ? ctx.countApps : new Set([appId])
  const n = ctx.nodes.length
  for (const a of wanted) {
    // Kept from an earlier pass (schedulerCache.ts) and up to date.
    if (a !== appId && ctx.podCounts.has(a)) continue
    const counts = new Int32Array(n)
    for (const c of containersOfApp(ctx.world, a)) {
      if (!occupies(c)) continue
      const i = ctx.byId.get(placementId(c.placement!))
      if (i !== undefined) counts[i]! += 1
    }
    ctx.podCounts.set(a, counts)
  }
  if (wanted === ctx.countApps) ctx.countApps = null
  return ctx.podCounts.get(appId)!
}

function keyIndex(ctx: SchedCtx, key: string): KeyIndex {
  let ki = ctx.keys.get(key)
  if (ki) return ki
  const domainOf = new Int32Array(ctx.nodes.length)
  const names: string[] = []
  const index = new Map<string, number>()
  ctx.nodes.forEach((node, i) => {
    const v = node.labels[key]
    if (v === undefined) {
      domainOf[i] = -1
      return
    }
    let d = index.get(v)
    if (d === undefined) {
      d = names.length
      names.push(v)
      index.set(v, d)
    }
    domainOf[i] = d
  })
  ki = { domainOf, names }
  ctx.keys.set(key, ki)
  return ki
}

function eligibility(ctx: SchedCtx, appId: AppId, os: string, required: readonly NodeSelectorRequirement[]): Uint8Array {
  const k = `${appId}\u0000${os}`
  let mask = ctx.masks.get(k)
  if (!mask) {
    mask = new Uint8Array(ctx.nodes.length)
    ctx.nodes.forEach((node, i) => {
      if (matchesAll(node.labels, required)) mask![i] = 1
    })
    ctx.masks.set(k, mask)
  }
  return mask
}

function domainEntry(ctx: SchedCtx, appId: AppId, key: string, eligible: Uint8Array | null, maskKey: string): DomainEntry {
  const k = `${appId}\u0000${key}\u0000${maskKey}`
  let e = ctx.domains.get(k)
  if (e) return e
  const ki = keyIndex(ctx, key)
  const counts = new Int32Array(ki.names.length)
  const live = new Uint8Array(ki.names.length)
  const pods = podCounts(ctx, appId)
  for (let i = 0; i < ctx.nodes.length; i++) {
    const d = ki.domainOf[i]!
    if (d < 0 || (eligible && !eligible[i])) continue
    live[d] = 1
    counts[d]! += pods[i]!
  }
  let liveCount = 0
  for (const x of live) liveCount += x
  e = { appId, ki, eligible, counts, live, liveCount }
  ctx.domains.set(k, e)
  const list = ctx.domainsByApp.get(appId)
  if (list) list.push(e)
  else ctx.domainsByApp.set(appId, [e])
  return e
}

/** Keep the counts in step when a pod arrives on (+1) or leaves (−1) node i. */
export function notePodMoved(ctx: SchedCtx, c: Container, i: number, sign: 1 | -1): void {
  ctx.nodeVersion[i]! += 1
  ctx.moved.push(i)
  const arr = ctx.podCounts?.get(c.appId)
  if (arr) arr[i]! += sign
  for (const e of ctx.domainsByApp.get(c.appId) ?? []) {
    const d = e.ki.domainOf[i]!
    if (d >= 0 && (!e.eligible || e.eligible[i])) e.counts[d]! += sign
  }
  if (ctx.podsByNode) {
    if (sign === 1) ctx.podsByNode[i]!.push(c)
    else ctx.podsByNode[i] = ctx.podsByNode[i]!.filter((p) => p !== c)
  }
}

export function podsByNode(ctx: SchedCtx): Container[][] {
  if (!ctx.podsByNode) {
    const lists: Container[][] = ctx.nodes.map(() => [])
    for (const c of containerList(ctx.world)) {
      if (!occupies(c)) continue
      const i = ctx.byId.get(placementId(c.placement!))
      if (i !== undefined) lists[i]!.push(c)
    }
    ctx.podsByNode = lists
  }
  return ctx.podsByNode
}

// ---------------------------------------------------------------------------------------------
// The pod as the filters see it (PreFilter: what is computed once per pod).

/** One topology spread constraint, with the app's pods per domain over the eligible nodes. */
export interface SpreadTerm {
  key: string
  maxSkew: number
  /** DoNotSchedule (a filter and a score) or ScheduleAnyway (a score only). */
  hard: boolean
  /** One of the system defaults rather than the app's own. */
  systemDefault: boolean
  entry: DomainEntry
  /** The fewest matching pods in any eligible domain (hard terms only). */
  min: number
  /** log(eligible domains + 2), as podtopologyspread/scoring.go weighs each constraint. */
  weight: number
}

export interface PodInfo {
  id: string
  appId: AppId
  app: App | undefined
  imageId: ImageId
  cpu: number
  mem: number
  /** What scoring adds for the requests the pod does not set (100m / 200 MiB), 0 when it sets them. */
  nonZero: { cpu: number; mem: number }
  priority: number
  /** The image's OS, an implicit nodeSelector kubernetes.io/os (how Windows pods are kept to Windows nodes). */
  os: string
  containers: number
  /** Node affinity's required terms plus the OS selector. */
  required: NodeSelectorRequirement[]
  spread: SpreadTerm[]
  /** InterPodAffinity: the app's pods per domain of the anti-affinity key. */
  anti: DomainEntry | null
  /** Nodes passing NodeAffinity (the required terms and the OS), computed once per app and OS per pass. */
  eligible: Uint8Array
  /** The filters that can fail for this pod here; the others pass on every node (a fast path only). */
  filters: FilterPlugin[]
}

export function podInfo(ctx: SchedCtx, c: Container): PodInfo {
  const app = ctx.world.apps[c.appId]
  const os = ctx.world.images[c.imageId]?.os ?? 'linux'
  const required: NodeSelectorRequirement[] = [{ key: LABEL_OS, operator: 'In', values: [os] }, ...(app?.nodeAffinity.required ?? [])]
  const spread: SpreadTerm[] = []
  // The app's own constraint, or for a ReplicaSet's pod without one, the system defaults.
  const constraints = app?.topologySpread ? [app.topologySpread] : c.managed ? SYSTEM_DEFAULT_SPREAD.value : []
  // The mask depends on the required terms only: apps without terms of their own share their OS's.
  const mask = eligibility(ctx, app?.nodeAffinity.required.length ? c.appId : '', os, required)
  if (constraints.length) {
    // Eligible domains: nodes carrying the key that pass the pod's node affinity (nodeAffinityPolicy: Honor).
    for (const s of constraints) {
      const entry = domainEntry(ctx, c.appId, s.topologyKey, mask, os)
      const hard = s.whenUnsatisfiable === 'DoNotSchedule'
      let min = 0
      if (hard) {
        min = Infinity
        for (let d = 0; d < entry.counts.length; d++) if (entry.live[d] && entry.counts[d]! < min) min = entry.counts[d]!
        if (min === Infinity) min = 0
      }
      spread.push({
        key: s.topologyKey,
        maxSkew: s.maxSkew,
        hard,
        systemDefault: !app?.topologySpread,
        entry,
        min,
        weight: Math.log(entry.liveCount + 2),
      })
    }
  }
  const anti = app?.podAntiAffinity ? domainEntry(ctx, c.appId, app.podAntiAffinity.topologyKey, null, '*') : null
  const filters = FILTER_ORDER.filter((f) => {
    if (f === 'TaintToleration') return ctx.anyHardTaint
    if (f === 'PodTopologySpread') return spread.some((t) => t.hard)
    if (f === 'InterPodAffinity') return !!app?.podAntiAffinity?.required
    return true
  })
  return {
    id: c.id,
    appId: c.appId,
    app,
    imageId: c.imageId,
    cpu: containerCpuMilli(c),
    mem: containerMemMiB(c),
    nonZero: nonZeroExtra(c),
    priority: c.priority,
    os,
    containers: 1 + c.sidecars.length,
    required,
    spread,
    anti,
    eligible: mask,
    filters,
  }
}

// ---------------------------------------------------------------------------------------------
// Pod shapes

/** Whether two pods decide alike where they may go: same app (rules, image, sidecars), requests and priority. */
export function sameShape(a: Container, b: Container): boolean {
  return (
    a.appId === b.appId &&
    a.imageId === b.imageId &&
    a.namespace === b.namespace &&
    a.cpuRequestMilli === b.cpuRequestMilli &&
    a.memRequestMiB === b.memRequestMiB &&
    a.priority === b.priority &&
    a.sidecars.length === b.sidecars.length &&
    a.runtime === b.runtime
  )
}

/**
 * A record of the values something was worked out from, kept between passes: put() each value in the same order as
 * last time, then end() says whether every one was the very same (a record shorter or longer than last time is a
 * change too). The kept view of the cluster and the unschedulable queue both use it to know when to look again.
 */
export class Mark {
  private k = 0
  private same = true
  constructor(private readonly held: unknown[]) {}
  put(v: unknown): void {
    if (this.held[this.k] !== v) {
      this.same = false
      this.held[this.k] = v
    }
    this.k++
  }
  end(): boolean {
    if (this.held.length !== this.k) {
      this.same = false
      this.held.length = this.k
    }
    return this.same
  }
}

/** A map keyed by pod shape (found by app, then compared field by field: no key string built per pod). */
export class ShapeMap<T> {
  private readonly byApp = new Map<AppId, { pod: Container; value: T }[]>()

  get(c: Container): T | undefined {
    const list = this.byApp.get(c.appId)
    if (list) for (const e of list) if (sameShape(e.pod, c)) return e.value
    return undefined
  }

  set(c: Container, value: T): void {
    const list = this.byApp.get(c.appId)
    if (!list) {
      this.byApp.set(c.appId, [{ pod: c, value }])
      return
    }
    for (const e of list)
      if (sameShape(e.pod, c)) {
        e.value = value
        return
      }
    list.push({ pod: c, value })
  }
}
