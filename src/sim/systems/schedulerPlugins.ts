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
import type { ImageId, Taint } from '../types'
import { floatOfState, skipState } from '../rng'
import type { RngState } from '../rng'
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

/**
 * TaintToleration's verdict on a taint nobody tolerates, kept per taint object while its key and value stay: in a zone
 * outage 2,500 nodes carry the unreachable taint and every kind of pod placed in a step fails on each one it visits
 * (a new message and verdict each time were most of the filter's cost). Read-only for its users, as every verdict is.
 */
const taintVerdicts = new WeakMap<Taint, { key: string; value: string; failure: FilterFailure }>()

function untoleratedVerdict(t: Taint): FilterFailure {
  const seen = taintVerdicts.get(t)
  if (seen && seen.key === t.key && seen.value === t.value) return seen.failure
  const failure: FilterFailure = {
    plugin: 'TaintToleration',
    reasons: [SCHEDULER_TEXT.untoleratedTaint(t.key, t.value)],
    resolvable: false,
  }
  taintVerdicts.set(t, { key: t.key, value: t.value, failure })
  return failure
}

/** Resources a preemption would free on the node (its victims' requests). */
export interface Freed {
  cpu: number
  mem: number
  pods: number
}

/** A filter plugin: null when node i passes, else why it fails. `freed`: what a preemption would free there. */
export type FilterFn = (ctx: SchedCtx, pod: PodInfo, i: number, freed: Freed | null) => FilterFailure | null

/**
 * The filter plugins, in the order of kube-scheduler's default profile (FILTER_ORDER; a unit test
 * holds the two together). The scheduler, preemption and explainPlacement all run these entries.
 */
export const FILTER_PLUGINS: { readonly [P in FilterPlugin]: FilterFn } = {
  NodeUnschedulable: (ctx, _pod, i) =>
    ctx.nodes[i]!.unschedulable ? { plugin: 'NodeUnschedulable', reasons: [SCHEDULER_TEXT.unschedulable], resolvable: false } : null,
  TaintToleration: (ctx, pod, i) => {
    const tolerations = pod.app?.tolerations ?? []
    for (const t of ctx.nodes[i]!.taints) {
      if (t.effect === 'PreferNoSchedule') continue
      if (!tolerated(tolerations, t)) return untoleratedVerdict(t)
    }
    return null
  },
  NodeAffinity: (_ctx, pod, i) =>
    pod.eligible[i] ? null : { plugin: 'NodeAffinity', reasons: [SCHEDULER_TEXT.nodeAffinity], resolvable: false },
  NodeResourcesFit: (ctx, pod, i, freed) => {
    const node = ctx.nodes[i]!
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
    return { plugin: 'NodeResourcesFit', reasons, resolvable: true }
  },
  PodTopologySpread: (_ctx, pod, i) => {
    for (const t of pod.spread) {
      if (!t.hard) continue
      const d = t.entry.ki.domainOf[i]!
      if (d < 0) return { plugin: 'PodTopologySpread', reasons: [SCHEDULER_TEXT.spreadMissingLabel], resolvable: false }
      // skew = pods in this domain + 1 − the fewest in any eligible domain.
      if (t.entry.counts[d]! + 1 - t.min > t.maxSkew)
        return { plugin: 'PodTopologySpread', reasons: [SCHEDULER_TEXT.spread], resolvable: true }
    }
    return null
  },
  InterPodAffinity: (_ctx, pod, i) => {
    const a = pod.app?.podAntiAffinity
    if (!a || !a.required || !pod.anti) return null
    const d = pod.anti.ki.domainOf[i]!
    if (d < 0) return null
    return pod.anti.counts[d]! > 0 ? { plugin: 'InterPodAffinity', reasons: [SCHEDULER_TEXT.antiAffinity], resolvable: true } : null
  },
}

/** One filter plugin's verdict on node i (explainPlacement runs each in turn). */
export function runFilter(ctx: SchedCtx, pod: PodInfo, i: number, plugin: FilterPlugin, freed: Freed | null = null): FilterFailure | null {
  return FILTER_PLUGINS[plugin](ctx, pod, i, freed)
}

/** The filters in kube-scheduler's order; the first failure ends the node's run, as in the framework. */
export function filterNode(ctx: SchedCtx, pod: PodInfo, i: number, freed: Freed | null = null): FilterFailure | null {
  const filters = pod.filters
  for (let p = 0; p < filters.length; p++) {
    const f = FILTER_PLUGINS[filters[p]!](ctx, pod, i, freed)
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
export function imageRaw(ctx: SchedCtx, imageId: ImageId): Float64Array | null {
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

// Scores count request-less pods at kube-scheduler's defaults, 100m / 200 MiB (node.nonZero, pod.nonZero), so such
// rooms spread instead of piling onto one house; the filter counts their real requests (FIDELITY.md).
export function leastAllocated(node: NodeView, pod: PodInfo): number {
  const fc = (node.target.cpuMilli + node.nonZero.cpu + pod.cpu + pod.nonZero.cpu) / node.capCpu
  const fm = (node.target.memMiB + node.nonZero.mem + pod.mem + pod.nonZero.mem) / node.capMem
  return ((1 - fc) * MAX + (1 - fm) * MAX) / 2
}

export function balancedAllocation(node: NodeView, pod: PodInfo): number {
  const fc = Math.min(1, (node.target.cpuMilli + node.nonZero.cpu + pod.cpu + pod.nonZero.cpu) / node.capCpu)
  const fm = Math.min(1, (node.target.memMiB + node.nonZero.mem + pod.mem + pod.nonZero.mem) / node.capMem)
  const mean = (fc + fm) / 2
  const std = Math.sqrt(((fc - mean) ** 2 + (fm - mean) ** 2) / 2)
  return (1 - std) * MAX
}

/**
 * A score plugin: writes node feasible[j]'s score (0–100, normalised over the feasible set) to
 * out[j], or returns the one score every feasible node gets alike (then out is left as it was).
 */
export type ScoreFn = (ctx: SchedCtx, pod: PodInfo, feasible: readonly number[], out: Float64Array) => number | null

export interface ScoreEntry {
  weight: number
  score: ScoreFn
}

const scoreEntry = (plugin: ScorePlugin, score: ScoreFn): ScoreEntry => ({ weight: W[plugin], score })

/**
 * The score plugins, in the order and with the weights of kube-scheduler's default profile
 * (SCORE_ORDER, SCORE_WEIGHTS; a unit test holds them together). scoreNodes runs these entries
 * for the scheduler and for explainPlacement alike.
 */
export const SCORE_PLUGINS: { readonly [P in ScorePlugin]: ScoreEntry } = {
  TaintToleration: scoreEntry('TaintToleration', (ctx, pod, feasible, out) => {
    // Fewer untolerated PreferNoSchedule taints is better (normalised in reverse).
    if (!ctx.anyPreferNoSchedule) return MAX
    const prefs = (pod.app?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
    const k = feasible.length
    let max = 0
    for (let j = 0; j < k; j++) {
      let n = 0
      for (const t of ctx.nodes[feasible[j]!]!.taints) if (t.effect === 'PreferNoSchedule' && !tolerated(prefs, t)) n++
      out[j] = n
      if (n > max) max = n
    }
    for (let j = 0; j < k; j++) out[j] = max === 0 ? MAX : MAX - (out[j]! * MAX) / max
    return null
  }),
  NodeAffinity: scoreEntry('NodeAffinity', (ctx, pod, feasible, out) => {
    const preferred = pod.app?.nodeAffinity.preferred ?? []
    if (preferred.length === 0) return 0
    const k = feasible.length
    let max = 0
    for (let j = 0; j < k; j++) {
      let r = 0
      for (const term of preferred) if (matchesAll(ctx.nodes[feasible[j]!]!.labels, term.match)) r += term.weight
      out[j] = r
      if (r > max) max = r
    }
    for (let j = 0; j < k; j++) out[j] = max === 0 ? 0 : (out[j]! * MAX) / max
    return null
  }),
  PodTopologySpread: scoreEntry('PodTopologySpread', (_ctx, pod, feasible, out) => {
    if (pod.spread.length === 0) return 0
    // Both DoNotSchedule and ScheduleAnyway score: fewer matching pods in the node's domain is
    // better (podtopologyspread/scoring.go: Σ count × log(domains + 2) + maxSkew − 1, then
    // score = 100 × (max + min − s) / max; a node missing a key is ignored and scores 0).
    const k = feasible.length
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
      out[j] = r
      if (r > max) max = r
      if (r < min) min = r
    }
    for (let j = 0; j < k; j++) {
      const r = out[j]!
      out[j] = Number.isNaN(r) ? 0 : max === 0 ? MAX : (MAX * (max + min - r)) / max
    }
    return null
  }),
  InterPodAffinity: scoreEntry('InterPodAffinity', (_ctx, pod, feasible, out) => {
    const a = pod.app?.podAntiAffinity
    const anti = pod.anti
    if (!a || a.required || !anti) return 0
    // Preferred anti-affinity: −weight per matching pod in the node's domain, min–max normalised.
    const k = feasible.length
    let max = -Infinity
    let min = Infinity
    for (let j = 0; j < k; j++) {
      const d = anti.ki.domainOf[feasible[j]!]!
      const r = d < 0 ? 0 : -PREFERRED_ANTI_AFFINITY_WEIGHT.value * anti.counts[d]!
      out[j] = r
      if (r > max) max = r
      if (r < min) min = r
    }
    for (let j = 0; j < k; j++) out[j] = max > min ? (MAX * (out[j]! - min)) / (max - min) : 0
    return null
  }),
  NodeResourcesFit: scoreEntry('NodeResourcesFit', (ctx, pod, feasible, out) => {
    for (let j = 0; j < feasible.length; j++) out[j] = leastAllocated(ctx.nodes[feasible[j]!]!, pod)
    return null
  }),
  NodeResourcesBalancedAllocation: scoreEntry('NodeResourcesBalancedAllocation', (ctx, pod, feasible, out) => {
    for (let j = 0; j < feasible.length; j++) out[j] = balancedAllocation(ctx.nodes[feasible[j]!]!, pod)
    return null
  }),
  ImageLocality: scoreEntry('ImageLocality', (ctx, pod, feasible, out) => {
    const image = imageRaw(ctx, pod.imageId)
    if (!image) return 0
    const lo = IMAGE_LOCALITY.minThresholdMiB
    const hi = IMAGE_LOCALITY.maxThresholdPerContainerMiB * pod.containers
    for (let j = 0; j < feasible.length; j++) {
      const sum = Math.min(hi, Math.max(lo, image[feasible[j]!]!))
      out[j] = (MAX * (sum - lo)) / (hi - lo)
    }
    return null
  }),
}

/**
 * Score the feasible nodes: each plugin of SCORE_PLUGINS in turn, its scores weighted and added.
 * Returns the weighted totals; fills `breakdown` (unweighted, per node) when given.
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
  const out = ctx.scratch
  if (breakdown) for (let j = 0; j < k; j++) breakdown[j] = {}
  for (const plugin of SCORE_ORDER) {
    const { weight, score } = SCORE_PLUGINS[plugin]
    const same = score(ctx, pod, feasible, out)
    if (same !== null) {
      // Every node alike (nothing to weigh for this pod).
      const add = weight * same
      if (add !== 0) for (let j = 0; j < k; j++) totals[j]! += add
      if (breakdown) for (let j = 0; j < k; j++) breakdown[j]![plugin] = same
      continue
    }
    for (let j = 0; j < k; j++) totals[j]! += weight * out[j]!
    if (breakdown) for (let j = 0; j < k; j++) breakdown[j]![plugin] = out[j]!
  }
  return totals
}

/** selectHost's scratch: where the nodes at the highest total stand (grown as needed, never part of the world). */
let atMaxPositions = new Int32Array(0)

/**
 * selectHost: the position in totals[0..k) of the highest total, equal totals sharing the choice by reservoir sampling
 * with the world's generator. The textbook loop draws once per node whose total equals the best so far, and keeps that
 * node when its draw × (nodes tied so far) < 1:
 *
 *   for (j…) if (t > best) { best = t; pick = j; ties = 1 } else if (t === best && nextFloat(rng) * ++ties < 1) pick = j
 *
 * This gives the same pick and leaves the generator in the same state, without the loop's branch on each tie (a third
 * of the nodes tie at L, in no order a processor can predict: most of the fast path's time went there). One pass finds
 * the highest total, where the nodes that have it stand and how many draws the loop takes, counting without
 * branching; then only the draws that can decide are taken, from the last tie back (drawAmongTies).
 */
export function selectHost(totals: Float64Array, k: number, rng: RngState): number {
  if (atMaxPositions.length < k) atMaxPositions = new Int32Array(k)
  const at = atMaxPositions
  let max = -Infinity
  let draws = 0
  let atMax = 0
  for (let j = 0; j < k; j++) {
    const t = totals[j]!
    draws += +(t === max)
    if (t > max) {
      max = t
      atMax = 0
    }
    // Written every time, kept (atMax moves on) only when t is at the maximum.
    at[atMax] = j
    atMax += +(t === max)
  }
  return at[drawAmongTies(atMax, draws, rng) - 1]!
}

/**
 * selectHost's draws, once its pass has counted them: which of the `atMax` nodes at the highest total (1 = the first)
 * the textbook loop keeps, when it took `draws` draws in all; moves the generator past them. The r-th node at the
 * maximum (r ≥ 2) takes draw number (draws before the first of them) + r − 1; the last success wins.
 */
export function drawAmongTies(atMax: number, draws: number, rng: RngState): number {
  const before = draws - (atMax - 1)
  let winner = 1
  for (let r = atMax; r >= 2; r--)
    if (floatOfState(skipState(rng.s, before + r - 1)) * r < 1) {
      winner = r
      break
    }
  rng.s = skipState(rng.s, draws)
  return winner
}
