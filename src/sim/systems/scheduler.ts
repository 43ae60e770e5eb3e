/**
 * The scheduler, after kube-scheduler's default profile. For each pending pod (highest priority
 * first, as the PrioritySort queue orders them) it runs the filters in the default order
 * (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit, PodTopologySpread,
 * InterPodAffinity), scores the feasible nodes with the default plugins, each normalised to 0–100
 * then weighted (schedulingFigures.ts), and binds to the best; ties go to the world's generator.
 * A pod that fits nowhere may preempt lower-priority pods (preemption.ts). Like the real one it
 * stops searching after enough feasible nodes (feasibleNodesToFind) and starts each search where
 * the last one ended.
 *
 * explainPlacement (the inspector's "why here") runs the very same filter and score functions.
 */
import { containerMemMiB, hostCapacity, reserveContainer, vmCapacity } from '../capacity'
import { CLUSTER_LIMITS, feasibleNodesToFind } from '../constants'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import { hostLabels, LABEL_OS, vmLabels } from '../nodeLabels'
import { nextFloat } from '../rng'
import { FILTER_ORDER, IMAGE_LOCALITY, MAX_NODE_SCORE, PREFERRED_ANTI_AFFINITY_WEIGHT, SCHEDULER_TEXT, SCORE_ORDER, SCORE_WEIGHTS, SYSTEM_DEFAULT_SPREAD } from '../schedulingFigures'
import type { FilterPlugin, ScorePlugin } from '../schedulingFigures'
import type { App, AppId, Container, Host, ImageId, NodeSelectorRequirement, Placement, Taint, Toleration, Vm, World } from '../types'
import { preempt } from './preemption'

export type { FilterPlugin, ScorePlugin } from '../schedulingFigures'

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
  /** Derived well-known labels merged with the player's (nodeLabels.ts). */
  labels: Record<string, string>
  taints: Taint[]
  cachedLayers: string[]
}

/** Every house and apartment the manager may place rooms on right now. */
export function schedulableNodes(world: World): NodeView[] {
  const nodes: NodeView[] = []
  for (const h of Object.values(world.hosts)) {
    // Simplification: a node the control plane has not yet seen fail still takes pods in Kubernetes;
    // here a machine that is off or NotReady is simply not offered.
    if (h.power !== 'on' || h.condition !== 'Ready') continue
    const cap = hostCapacity(h)
    nodes.push({ name: h.name, id: h.id, placement: { kind: 'host', hostId: h.id }, kernel: 'linux', unschedulable: h.unschedulable, capCpu: cap.cpuMilli, capMem: cap.memMiB, target: h.alloc, labels: hostLabels(h), taints: h.taints, cachedLayers: h.cachedLayers })
  }
  for (const vm of Object.values(world.vms)) {
    if (vm.state !== 'running' || world.hosts[vm.hostId]?.power !== 'on') continue
    const cap = vmCapacity(vm)
    nodes.push({ name: vm.name, id: vm.id, placement: { kind: 'vm', vmId: vm.id }, kernel: vm.os, unschedulable: false, capCpu: cap.cpuMilli, capMem: cap.memMiB, target: vm.alloc, labels: vmLabels(world, vm), taints: vm.taints, cachedLayers: vm.cachedLayers })
  }
  return nodes
}

// ---------------------------------------------------------------------------------------------
// Matching rules (shared with the taint manager in placementCommands.ts)

/** v1 Toleration.ToleratesTaint: empty effect matches every effect, empty key with Exists matches every key. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  return t.operator === 'Exists' ? true : (t.value ?? '') === taint.value
}

export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true
  return false
}

/** One node selector requirement against a node's labels. */
export function matchesRequirement(labels: Record<string, string>, r: NodeSelectorRequirement): boolean {
  const v = labels[r.key]
  switch (r.operator) {
    case 'In':
      return v !== undefined && r.values.includes(v)
    case 'NotIn':
      return v === undefined || !r.values.includes(v)
    case 'Exists':
      return v !== undefined
    case 'DoesNotExist':
      return v === undefined
  }
}

export function matchesAll(labels: Record<string, string>, reqs: readonly NodeSelectorRequirement[]): boolean {
  for (const r of reqs) if (!matchesRequirement(labels, r)) return false
  return true
}

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
  /** Pods per node, per app (built on first need, one pass over the pods). */
  podCounts: Map<AppId, Int32Array> | null
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
  /** Pods on each node (for preemption), built on first need. */
  podsByNode: Container[][] | null
  /** Reused per-node buffer for raw scores (no allocation per pod). */
  scratch: Float64Array
}

export function newSchedCtx(world: World, nodes: NodeView[]): SchedCtx {
  const byId = new Map<string, number>()
  const byName = new Map<string, number>()
  let anyPreferNoSchedule = false
  let anyHardTaint = false
  nodes.forEach((n, i) => {
    byId.set(n.id, i)
    byName.set(n.name, i)
    for (const t of n.taints) {
      if (t.effect === 'PreferNoSchedule') anyPreferNoSchedule = true
      else anyHardTaint = true
    }
  })
  return { world, nodes, byId, byName, podCounts: null, keys: new Map(), masks: new Map(), domains: new Map(), domainsByApp: new Map(), imageRaw: new Map(), nominated: [], anyPreferNoSchedule, anyHardTaint, podsByNode: null, scratch: new Float64Array(0) }
}

const placementId = (p: Placement): string => (p.kind === 'host' ? p.hostId : p.vmId)

/** Pods that take up space where they stand (terminated ones do not). */
const occupies = (c: Container): boolean => c.placement !== null && c.state !== 'terminated'

function podCounts(ctx: SchedCtx, appId: AppId): Int32Array {
  if (!ctx.podCounts) {
    const counts = new Map<AppId, Int32Array>()
    const n = ctx.nodes.length
    for (const c of containerList(ctx.world)) {
      if (!occupies(c)) continue
      const i = ctx.byId.get(placementId(c.placement!))
      if (i === undefined) continue
      let arr = counts.get(c.appId)
      if (!arr) counts.set(c.appId, (arr = new Int32Array(n)))
      arr[i]! += 1
    }
    ctx.podCounts = counts
  }
  let arr = ctx.podCounts.get(appId)
  if (!arr) ctx.podCounts.set(appId, (arr = new Int32Array(ctx.nodes.length)))
  return arr
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
  const mask = eligibility(ctx, c.appId, os, required)
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
      spread.push({ key: s.topologyKey, maxSkew: s.maxSkew, hard, systemDefault: !app?.topologySpread, entry, min, weight: Math.log(entry.liveCount + 2) })
    }
  }
  const anti = app?.podAntiAffinity ? domainEntry(ctx, c.appId, app.podAntiAffinity.topologyKey, null, '*') : null
  const filters = FILTER_ORDER.filter((f) => {
    if (f === 'TaintToleration') return ctx.anyHardTaint
    if (f === 'PodTopologySpread') return spread.some((t) => t.hard)
    if (f === 'InterPodAffinity') return !!app?.podAntiAffinity?.required
    return true
  })
  return { id: c.id, appId: c.appId, app, imageId: c.imageId, cpu: c.cpuRequestMilli, mem: containerMemMiB(c), priority: c.priority, os, containers: 1 + c.sidecars.length, required, spread, anti, eligible: mask, filters }
}

// ---------------------------------------------------------------------------------------------
// Filters

/** A failing filter: its reasons in kube-scheduler's words; whether preemption could help. */
export interface FilterFailure {
  plugin: FilterPlugin
  reasons: string[]
  /** false: UnschedulableAndUnresolvable (evicting pods would not help). */
  resolvable: boolean
}

/** Resources a preemption would free on the node (its victims' requests). */
export interface Freed {
  cpu: number
  mem: number
  pods: number
}

export function runFilter(ctx: SchedCtx, pod: PodInfo, i: number, plugin: FilterPlugin, freed: Freed | null = null): FilterFailure | null {
  const node = ctx.nodes[i]!
  switch (plugin) {
    case 'NodeUnschedulable':
      return node.unschedulable ? { plugin, reasons: [SCHEDULER_TEXT.unschedulable], resolvable: false } : null
    case 'TaintToleration': {
      const tolerations = pod.app?.tolerations ?? []
      for (const t of node.taints) {
        if (t.effect === 'PreferNoSchedule') continue
        if (!tolerated(tolerations, t)) return { plugin, reasons: [SCHEDULER_TEXT.untoleratedTaint(t.key, t.value)], resolvable: false }
      }
      return null
    }
    case 'NodeAffinity':
      return pod.eligible[i] ? null : { plugin, reasons: [SCHEDULER_TEXT.nodeAffinity], resolvable: false }
    case 'NodeResourcesFit': {
      let cpu = node.target.cpuMilli
      let mem = node.target.memMiB
      let pods = node.target.pods
      if (freed) {
        cpu -= freed.cpu
        mem -= freed.mem
        pods -= freed.pods
      }
      // Space held for pods nominated here by a preemption, if they rank at least as high.
      if (ctx.nominated.length) for (const nm of ctx.nominated) {
        if (nm.node !== i || nm.id === pod.id || nm.priority < pod.priority) continue
        cpu += nm.cpu
        mem += nm.mem
        pods += 1
      }
      const tooMany = pods + 1 > PODS_PER_NODE
      const noCpu = node.capCpu - cpu < pod.cpu
      const noMem = node.capMem - mem < pod.mem
      if (!tooMany && !noCpu && !noMem) return null
      // Every resource that is short, as NodeResourcesFit reports them (one node may count twice).
      const reasons: string[] = []
      if (tooMany) reasons.push(SCHEDULER_TEXT.tooManyPods)
      if (noCpu) reasons.push(SCHEDULER_TEXT.insufficient('cpu'))
      if (noMem) reasons.push(SCHEDULER_TEXT.insufficient('memory'))
      return { plugin, reasons, resolvable: true }
    }
    case 'PodTopologySpread': {
      for (const t of pod.spread) {
        if (!t.hard) continue
        const d = t.entry.ki.domainOf[i]!
        if (d < 0) return { plugin, reasons: [SCHEDULER_TEXT.spreadMissingLabel], resolvable: false }
        // skew = pods in this domain + 1 − the fewest in any eligible domain.
        if (t.entry.counts[d]! + 1 - t.min > t.maxSkew) return { plugin, reasons: [SCHEDULER_TEXT.spread], resolvable: true }
      }
      return null
    }
    case 'InterPodAffinity': {
      const a = pod.app?.podAntiAffinity
      if (!a || !a.required || !pod.anti) return null
      const d = pod.anti.ki.domainOf[i]!
      if (d < 0) return null
      return pod.anti.counts[d]! > 0 ? { plugin, reasons: [SCHEDULER_TEXT.antiAffinity], resolvable: true } : null
    }
  }
}

/** The filters in kube-scheduler's order; the first failure ends the node's run, as in the framework. */
export function filterNode(ctx: SchedCtx, pod: PodInfo, i: number, freed: Freed | null = null): FilterFailure | null {
  const filters = pod.filters
  for (let p = 0; p < filters.length; p++) {
    const f = runFilter(ctx, pod, i, filters[p]!, freed)
    if (f) return f
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Scores

const MAX = MAX_NODE_SCORE.value
const PODS_PER_NODE = CLUSTER_LIMITS.podsPerNode
const W = SCORE_WEIGHTS.value

/** ImageLocality's raw sums per node for an image; null when no node has any of its layers. */
function imageRaw(ctx: SchedCtx, imageId: ImageId): Float64Array | null {
  if (ctx.imageRaw.has(imageId)) return ctx.imageRaw.get(imageId)!
  let raw: Float64Array | null = null
  const image = ctx.world.images[imageId]
  const n = ctx.nodes.length
  if (image && n > 0) {
    for (const layerId of image.layers) {
      const size = ctx.world.layers[layerId]?.sizeMiB ?? 0
      if (size <= 0) continue
      let have = 0
      for (const node of ctx.nodes) if (node.cachedLayers.includes(layerId)) have++
      if (have === 0) continue
      // Scaled by the share of nodes that have it, so one node with a rare image does not draw every pod.
      const scaled = (size * have) / n
      raw ??= new Float64Array(n)
      for (let i = 0; i < n; i++) if (ctx.nodes[i]!.cachedLayers.includes(layerId)) raw[i]! += scaled
    }
  }
  ctx.imageRaw.set(imageId, raw)
  return raw
}

function leastAllocated(node: NodeView, pod: PodInfo): number {
  const fc = (node.target.cpuMilli + pod.cpu) / node.capCpu
  const fm = (node.target.memMiB + pod.mem) / node.capMem
  return ((1 - fc) * MAX + (1 - fm) * MAX) / 2
}

function balancedAllocation(node: NodeView, pod: PodInfo): number {
  const fc = Math.min(1, (node.target.cpuMilli + pod.cpu) / node.capCpu)
  const fm = Math.min(1, (node.target.memMiB + pod.mem) / node.capMem)
  const mean = (fc + fm) / 2
  const std = Math.sqrt(((fc - mean) ** 2 + (fm - mean) ** 2) / 2)
  return (1 - std) * MAX
}

/**
 * Score the feasible nodes: each plugin's raw scores, normalised over the feasible set to 0–100,
 * then weighted. Returns the weighted totals; fills `breakdown` (unweighted, per node) when given.
 */
export function scoreNodes(ctx: SchedCtx, pod: PodInfo, feasible: readonly number[], breakdown?: Partial<Record<ScorePlugin, number>>[]): Float64Array {
  const k = feasible.length
  const totals = new Float64Array(k)
  if (ctx.scratch.length < k) ctx.scratch = new Float64Array(Math.max(k, 2 * ctx.scratch.length))
  const raw = ctx.scratch
  if (breakdown) for (let j = 0; j < k; j++) breakdown[j] = {}
  const put = (plugin: ScorePlugin, j: number, score: number): void => {
    totals[j]! += W[plugin] * score
    if (breakdown) breakdown[j]![plugin] = score
  }
  /** A plugin that scores every node alike (nothing to weigh for this pod): same for all. */
  const same = (plugin: ScorePlugin, score: number): void => {
    const add = W[plugin] * score
    if (add !== 0) for (let j = 0; j < k; j++) totals[j]! += add
    if (breakdown) for (let j = 0; j < k; j++) breakdown[j]![plugin] = score
  }
  const app = pod.app
  for (const plugin of SCORE_ORDER) {
    switch (plugin) {
      case 'TaintToleration': {
        // Fewer untolerated PreferNoSchedule taints is better (normalised in reverse).
        if (!ctx.anyPreferNoSchedule) {
          same(plugin, MAX)
          break
        }
        const prefs = (app?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
        let max = 0
        for (let j = 0; j < k; j++) {
          let n = 0
          for (const t of ctx.nodes[feasible[j]!]!.taints) if (t.effect === 'PreferNoSchedule' && !tolerated(prefs, t)) n++
          raw[j] = n
          if (n > max) max = n
        }
        for (let j = 0; j < k; j++) put(plugin, j, max === 0 ? MAX : MAX - (raw[j]! * MAX) / max)
        break
      }
      case 'NodeAffinity': {
        const preferred = app?.nodeAffinity.preferred ?? []
        if (preferred.length === 0) {
          same(plugin, 0)
          break
        }
        let max = 0
        for (let j = 0; j < k; j++) {
          let r = 0
          for (const term of preferred) if (matchesAll(ctx.nodes[feasible[j]!]!.labels, term.match)) r += term.weight
          raw[j] = r
          if (r > max) max = r
        }
        for (let j = 0; j < k; j++) put(plugin, j, max === 0 ? 0 : (raw[j]! * MAX) / max)
        break
      }
      case 'PodTopologySpread': {
        if (pod.spread.length === 0) {
          same(plugin, 0)
          break
        }
        // Both DoNotSchedule and ScheduleAnyway score: fewer matching pods in the node's domain is
        // better (podtopologyspread/scoring.go: Σ count × log(domains + 2) + maxSkew − 1, then
        // score = 100 × (max + min − s) / max; a node missing a key is ignored and scores 0).
        let max = 0
        let min = Infinity
        for (let j = 0; j < k; j++) {
          const i = feasible[j]!
          let r = 0
          for (const t of pod.spread) {
            const d = t.entry.ki.domainOf[i]!
            if (d < 0) {
              r = NaN
              break
            }
            r += t.entry.counts[d]! * t.weight + (t.maxSkew - 1)
          }
          raw[j] = r
          if (r > max) max = r
          if (r < min) min = r
        }
        const w = W[plugin]
        for (let j = 0; j < k; j++) {
          const r = raw[j]!
          const sc = Number.isNaN(r) ? 0 : max === 0 ? MAX : (MAX * (max + min - r)) / max
          totals[j]! += w * sc
          if (breakdown) breakdown[j]![plugin] = sc
        }
        break
      }
      case 'InterPodAffinity': {
        const a = app?.podAntiAffinity
        const anti = pod.anti
        if (!a || a.required || !anti) {
          same(plugin, 0)
          break
        }
        // Preferred anti-affinity: −weight per matching pod in the node's domain, min–max normalised.
        let max = -Infinity
        let min = Infinity
        for (let j = 0; j < k; j++) {
          const d = anti.ki.domainOf[feasible[j]!]!
          const r = d < 0 ? 0 : -PREFERRED_ANTI_AFFINITY_WEIGHT.value * anti.counts[d]!
          raw[j] = r
          if (r > max) max = r
          if (r < min) min = r
        }
        for (let j = 0; j < k; j++) put(plugin, j, max > min ? (MAX * (raw[j]! - min)) / (max - min) : 0)
        break
      }
      case 'NodeResourcesFit': {
        const w = W[plugin]
        for (let j = 0; j < k; j++) {
          const sc = leastAllocated(ctx.nodes[feasible[j]!]!, pod)
          totals[j]! += w * sc
          if (breakdown) breakdown[j]![plugin] = sc
        }
        break
      }
      case 'NodeResourcesBalancedAllocation': {
        const w = W[plugin]
        for (let j = 0; j < k; j++) {
          const sc = balancedAllocation(ctx.nodes[feasible[j]!]!, pod)
          totals[j]! += w * sc
          if (breakdown) breakdown[j]![plugin] = sc
        }
        break
      }
      case 'ImageLocality': {
        const image = imageRaw(ctx, pod.imageId)
        if (!image) {
          same(plugin, 0)
          break
        }
        const lo = IMAGE_LOCALITY.minThresholdMiB
        const hi = IMAGE_LOCALITY.maxThresholdPerContainerMiB * pod.containers
        for (let j = 0; j < k; j++) {
          const sum = Math.min(hi, Math.max(lo, image[feasible[j]!]!))
          put(plugin, j, (MAX * (sum - lo)) / (hi - lo))
        }
        break
      }
    }
  }
  return totals
}

// ---------------------------------------------------------------------------------------------
// Messages

/** FitError.Error(): "0/5 nodes are available: " then "<count> <reason>" sorted as strings (Go's sort.Strings). */
export function histogram(counts: Map<string, number>): string {
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(', ')
}

/** kube-scheduler's message: "0/5 nodes are available: 2 Insufficient memory, 3 Insufficient cpu." */
export function unschedulableMessage(total: number, counts: Map<string, number>): string {
  const h = histogram(counts)
  return `${SCHEDULER_TEXT.noNodes(total)}${h ? ': ' + h : ''}.`
}

const FILTER_METAPHOR: Record<FilterPlugin, string> = {
  NodeUnschedulable: 'some houses have a cone at the door',
  TaintToleration: 'some carry a sign on the door it has no pass for',
  NodeAffinity: 'some are not the kind of place it asks for',
  NodeResourcesFit: 'some have no space left for it',
  PodTopologySpread: 'some would crowd its rooms into one district',
  InterPodAffinity: 'some already hold one of its rooms it must keep apart from',
}

// ---------------------------------------------------------------------------------------------
// The system

/** Bindings logged one by one in a step; beyond this, one summary line (a log of 150,000 lines helps nobody). */
const BINDINGS_LOGGED_PER_STEP = 20

export function scheduler(world: World): void {
  let pending: Container[] | null = null
  let ranked = false
  for (const c of containerList(world)) {
    if (c.state !== 'pending' || c.placement !== null || !c.managed) continue
    ;(pending ??= []).push(c)
    if (c.priority !== 0) ranked = true
  }
  if (!pending) return
  // PrioritySort: higher priority first; equal priority keeps arrival order (Array.sort is stable).
  if (ranked) pending.sort((a, b) => b.priority - a.priority)
  const ctx = newSchedCtx(world, schedulableNodes(world))
  for (const c of pending) {
    if (!c.nominatedNode) continue
    const node = ctx.byName.get(c.nominatedNode)
    if (node !== undefined) ctx.nominated.push({ node, id: c.id, priority: c.priority, cpu: c.cpuRequestMilli, mem: containerMemMiB(c) })
  }
  let bound = 0
  for (const c of pending) {
    if (c.state !== 'pending' || c.placement !== null || !world.containers[c.id]) continue
    if (scheduleOne(ctx, c, bound < BINDINGS_LOGGED_PER_STEP) === 'bound') bound++
  }
  if (bound > BINDINGS_LOGGED_PER_STEP) {
    const more = bound - BINDINGS_LOGGED_PER_STEP
    logEvent(world, 'info', `…and the building manager placed ${more} more rooms.`, `Scheduled ${more} more pods.`)
  }
}

function bind(ctx: SchedCtx, c: Container, i: number, log: boolean): void {
  const world = ctx.world
  const node = ctx.nodes[i]!
  c.placement = node.placement
  c.reason = ''
  // Simplification: nominatedNodeName is cleared once the pod is bound (it has done its job).
  c.nominatedNode = null
  if (ctx.nominated.length) ctx.nominated = ctx.nominated.filter((nm) => nm.id !== c.id)
  reserveContainer(world, c, 1)
  notePodMoved(ctx, c, i, 1)
  world.stats.podsScheduled += 1
  const app = world.apps[c.appId]
  if (log) logEvent(world, 'info', `The building manager puts a room of ${app?.name ?? '?'} in ${node.placement.kind === 'host' ? 'house' : 'apartment'} ${node.name}.`, `Scheduled ${c.name} to ${node.name}.`, [c.id, c.appId])
}

/** Place one pending pod. */
function scheduleOne(ctx: SchedCtx, c: Container, log: boolean): 'bound' | 'pending' | 'preempted' {
  const world = ctx.world
  const pod = podInfo(ctx, c)
  const nodes = ctx.nodes
  // A pod nominated by its preemption tries that node first, as kube-scheduler does.
  if (c.nominatedNode) {
    const i = ctx.byName.get(c.nominatedNode)
    if (i !== undefined && !filterNode(ctx, pod, i)) {
      bind(ctx, c, i, log)
      return 'bound'
    }
  }
  const n = nodes.length
  const want = feasibleNodesToFind(n)
  const feasible: number[] = []
  let visited = 0
  const start = n > 0 ? world.schedulerCursor % n : 0
  let failures: Map<string, number> | null = null
  let failed: { node: number; failure: FilterFailure }[] | null = null
  for (; visited < n && feasible.length < want; visited++) {
    const i = (start + visited) % n
    const failure = filterNode(ctx, pod, i)
    if (failure) {
      failures ??= new Map()
      for (const r of failure.reasons) failures.set(r, (failures.get(r) ?? 0) + 1)
      ;(failed ??= []).push({ node: i, failure })
      continue
    }
    feasible.push(i)
  }
  world.schedulerCursor = n > 0 ? (start + visited) % n : 0
  const app = world.apps[c.appId]
  if (feasible.length === 0) {
    let message = unschedulableMessage(n, failures ?? new Map())
    let outcome: 'pending' | 'preempted' = 'pending'
    if (n > 0) {
      // PostFilter: DefaultPreemption.
      const result = preempt(ctx, c, pod, failed ?? [])
      if (result.preempted) outcome = 'preempted'
      else message += ` preemption: ${unschedulableMessage(n, result.counts)}`
    }
    if (c.reason !== message) {
      c.reason = message
      const why = [...new Set((failed ?? []).map((f) => FILTER_METAPHOR[f.failure.plugin]))].join('; ')
      logEvent(world, 'warn', `The building manager finds no spot for a room of ${app?.name ?? '?'}${why ? `: ${why}` : ': there is no house or apartment'}.`, `FailedScheduling ${c.name}: ${message}`, [c.id, c.appId])
    }
    return outcome
  }
  const totals = scoreNodes(ctx, pod, feasible)
  let best = -1
  let bestScore = -Infinity
  let ties = 0
  for (let j = 0; j < feasible.length; j++) {
    const score = totals[j]!
    if (score > bestScore) {
      best = feasible[j]!
      bestScore = score
      ties = 1
    } else if (score === bestScore) {
      // Reservoir sampling over equal scores, as kube-scheduler's selectHost does.
      ties += 1
      if (nextFloat(world.rng) * ties < 1) best = feasible[j]!
    }
  }
  bind(ctx, c, best, log)
  return 'bound'
}

// ---------------------------------------------------------------------------------------------
// The inspector's "why here"

/** One filter's verdict on a node. */
export interface FilterVerdict {
  plugin: FilterPlugin
  passed: boolean
  /** Its reasons in kube-scheduler's words, when it failed. */
  reason: string | null
}

/** One node's verdict for one pod: what the inspector's "why here" shows. */
export interface NodeVerdict {
  name: string
  placement: Placement
  /** Passed every filter. */
  feasible: boolean
  /** The first failing filter, in kube-scheduler's words; null when feasible. */
  failure: string | null
  /** Unweighted plugin scores (0–100), only for feasible nodes. */
  scores: Partial<Record<ScorePlugin, number>>
  /** Weighted total, only for feasible nodes. */
  total: number
  /** The node the pod stands on now (or is nominated to). */
  current: boolean
  /** Every filter's verdict, in kube-scheduler's order (the scheduler itself stops at the first failure). */
  filters: FilterVerdict[]
}

/**
 * Every node's filter results and scores for a pod, as if it were being scheduled now (its own
 * reservation and its own count taken out, so its current node is judged fairly), computed by the
 * scheduler's own filter and score functions over every node (no sampling). Read-only.
 */
export function explainPlacement(world: World, containerId: string): NodeVerdict[] {
  const c = world.containers[containerId]
  if (!c) return []
  const nodes = schedulableNodes(world)
  const here = c.placement ? placementId(c.placement) : null
  const placedHere = here !== null && c.state !== 'terminated'
  const ctx = newSchedCtx(world, nodes.map((node) => (placedHere && node.id === here ? { ...node, target: { ...node.target, cpuMilli: node.target.cpuMilli - c.cpuRequestMilli, memMiB: node.target.memMiB - containerMemMiB(c), pods: node.target.pods - 1 } } : node)))
  for (const other of containerList(world)) {
    if (other.id === c.id || !other.nominatedNode || other.placement !== null) continue
    const node = ctx.byName.get(other.nominatedNode)
    if (node !== undefined) ctx.nominated.push({ node, id: other.id, priority: other.priority, cpu: other.cpuRequestMilli, mem: containerMemMiB(other) })
  }
  if (placedHere) {
    const i = ctx.byId.get(here)
    if (i !== undefined) podCounts(ctx, c.appId)[i]! -= 1
  }
  const pod = podInfo(ctx, c)
  const verdicts: NodeVerdict[] = ctx.nodes.map((node, i) => {
    const filters: FilterVerdict[] = FILTER_ORDER.map((plugin) => {
      const f = runFilter(ctx, pod, i, plugin)
      return { plugin, passed: !f, reason: f ? f.reasons.join(', ') : null }
    })
    const first = filters.find((f) => !f.passed)
    const current = node.id === here || (here === null && c.nominatedNode === node.name)
    return { name: node.name, placement: node.placement, feasible: !first, failure: first?.reason ?? null, scores: {}, total: 0, current, filters }
  })
  const feasible = verdicts.flatMap((v, i) => (v.feasible ? [i] : []))
  const breakdown: Partial<Record<ScorePlugin, number>>[] = []
  const totals = scoreNodes(ctx, pod, feasible, breakdown)
  feasible.forEach((i, j) => {
    verdicts[i]!.scores = breakdown[j] ?? {}
    verdicts[i]!.total = totals[j]!
  })
  return verdicts
}
