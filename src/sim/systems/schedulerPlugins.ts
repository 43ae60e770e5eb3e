/**
 * kube-scheduler's default filter and score plugins, as the game models them. The scheduler,
 * preemption and explainPlacement all call these functions: there is no second copy.
 */
import { CLUSTER_LIMITS } from '../constants'
import {
  IMAGE_LOCALITY,
  MAX_NODE_SCORE,
  PREFERRED_ANTI_AFFINITY_WEIGHT,
  SCHEDULER_TEXT,
  SCORE_ORDER,
  SCORE_WEIGHTS,
} from '../schedulingFigures'
import type { FilterPlugin, ScorePlugin } from '../schedulingFigures'
import type { ImageId } from '../types'
import { matchesAll, tolerated } from './schedulerState'
import type { NodeView, PodInfo, SchedCtx } from './schedulerState'

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
      if (ctx.nominated.length)
        for (const nm of ctx.nominated) {
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
export function scoreNodes(
  ctx: SchedCtx,
  pod: PodInfo,
  feasible: readonly number[],
  breakdown?: Partial<Record<ScorePlugin, number>>[],
): Float64Array {
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
