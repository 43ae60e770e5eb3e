/**
 * The scheduler's fast path: the work done once per kind of pod rather than once per pod, where
 * kube-scheduler's result cannot differ. A kind is the pods of one app with one shape (requests,
 * image, priority, sidecars, runtime) whose app has no rules that make one pod's verdict depend on
 * where its siblings went (no spread constraint or anti-affinity of its own, no preferred node
 * affinity): the ReplicaSet's pods of an ordinary Deployment. For a kind, PreFilter runs once and
 * every node's filter verdict is kept until that node changes (a pod arrives or leaves: nodeVersion);
 * the scores are then computed over the same sample of nodes, in the same order and with the same
 * floating-point operations as scoreNodes, so the chosen node and the draws from the world's
 * generator on ties are exactly the plain path's (a property test compares both on random streets).
 *
 * Anything else (a pod with rules of its own, a nominated pod, a pass with nominations, a pod that
 * fits nowhere) takes the plain path.
 */
import { feasibleNodesToFind } from '../constants'
import { nextFloat } from '../rng'
import { IMAGE_LOCALITY, MAX_NODE_SCORE, SCORE_WEIGHTS } from '../schedulingFigures'
import type { Container } from '../types'
import { balancedAllocation, filterNode, imageRaw, leastAllocated } from './schedulerPlugins'
import { podInfo, ShapeMap, tolerated } from './schedulerState'
import type { PodInfo, SchedCtx } from './schedulerState'

/** Switch for tests and the benchmark (false: every pod takes the plain path), and how many pods it placed. */
export const SCHEDULER_FAST_PATH = { enabled: true, placed: 0 }

const MAX = MAX_NODE_SCORE.value
const W = SCORE_WEIGHTS.value

/** One kind's cached PreFilter and per-node verdicts, for one scheduling pass. */
interface Kind {
  pod: PodInfo
  /** nodeVersion when the verdict was taken (0: never). */
  seen: Uint32Array
  /** 1: passes every filter, 0: fails one. */
  passes: Uint8Array
  /** NodeResourcesFit's (LeastAllocated) and NodeResourcesBalancedAllocation's scores, taken with the verdict. */
  least: Float64Array
  balanced: Float64Array
  /** Untolerated PreferNoSchedule taints per node (TaintToleration's raw score), when any node has one. */
  softTaints: Float64Array | null
  /** ImageLocality's score per node (0–100), or null when no node has a layer of the image. */
  image: Float64Array | null
}

export interface KindCache {
  kinds: ShapeMap<Kind | null>
  /** Reused buffers over the sample of feasible nodes. */
  feasible: Int32Array
  spread: Float64Array
}

export function newKindCache(): KindCache {
  return { kinds: new ShapeMap(), feasible: new Int32Array(0), spread: new Float64Array(0) }
}

/** Whether a pod's app has no rule that ties its verdict to its siblings' places. */
function ordinary(ctx: SchedCtx, c: Container): boolean {
  if (!c.managed || c.nominatedNode) return false
  const app = ctx.world.apps[c.appId]
  if (!app) return false
  return !app.topologySpread && !app.podAntiAffinity && app.nodeAffinity.preferred.length === 0
}

function kindOf(ctx: SchedCtx, cache: KindCache, c: Container): Kind | null {
  let kind = cache.kinds.get(c)
  if (kind !== undefined) return kind
  kind = null
  if (ordinary(ctx, c)) {
    const pod = podInfo(ctx, c)
    // Only the system default spread (ScheduleAnyway) may remain: a score, never a filter.
    if (!pod.spread.some((t) => t.hard) && !pod.anti) {
      const n = ctx.nodes.length
      let softTaints: Float64Array | null = null
      if (ctx.anyPreferNoSchedule) {
        const prefs = (pod.app?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
        softTaints = new Float64Array(n)
        for (let i = 0; i < n; i++) {
          let k = 0
          for (const t of ctx.nodes[i]!.taints) if (t.effect === 'PreferNoSchedule' && !tolerated(prefs, t)) k++
          softTaints[i] = k
        }
      }
      let image: Float64Array | null = null
      const raw = imageRaw(ctx, pod.imageId)
      if (raw) {
        const lo = IMAGE_LOCALITY.minThresholdMiB
        const hi = IMAGE_LOCALITY.maxThresholdPerContainerMiB * pod.containers
        image = new Float64Array(n)
        for (let i = 0; i < n; i++) {
          const sum = Math.min(hi, Math.max(lo, raw[i]!))
          image[i] = (MAX * (sum - lo)) / (hi - lo)
        }
      }
      kind = {
        pod,
        seen: new Uint32Array(n),
        passes: new Uint8Array(n),
        least: new Float64Array(n),
        balanced: new Float64Array(n),
        softTaints,
        image,
      }
    }
  }
  cache.kinds.set(c, kind)
  return kind
}

/**
 * Choose the node for a pod of an ordinary kind, exactly as the plain path would: the sample of
 * feasible nodes from the cursor, scored by the default plugins, ties broken by the world's
 * generator. Returns the node's index, or null when the plain path must decide (then nothing has
 * changed: no cursor moved, no draw taken).
 */
export function chooseForKind(ctx: SchedCtx, cache: KindCache, c: Container): number | null {
  if (!SCHEDULER_FAST_PATH.enabled || ctx.nominated.length > 0) return null
  const kind = kindOf(ctx, cache, c)
  if (!kind) return null
  const world = ctx.world
  const nodes = ctx.nodes
  const n = nodes.length
  if (n === 0) return null
  const want = feasibleNodesToFind(n)
  if (cache.feasible.length < want) {
    cache.feasible = new Int32Array(want)
    cache.spread = new Float64Array(want)
  }
  const feasible = cache.feasible
  const spreadRaw = cache.spread
  const { seen, passes, pod, least, balanced } = kind
  const version = ctx.nodeVersion
  const soft = kind.softTaints
  const image = kind.image
  // The system default spread: up to two soft terms (hostname, zone), read live from the counts.
  const terms = pod.spread
  const nTerms = terms.length
  const t0 = terms[0]
  const t1 = terms[1]
  const dom0 = t0?.entry.ki.domainOf
  const cnt0 = t0?.entry.counts
  const w0 = t0?.weight ?? 0
  const k0 = (t0?.maxSkew ?? 1) - 1
  const dom1 = t1?.entry.ki.domainOf
  const cnt1 = t1?.entry.counts
  const w1 = t1?.weight ?? 0
  const k1 = (t1?.maxSkew ?? 1) - 1
  let softMax = 0
  let sMax = 0
  let sMin = Infinity
  let k = 0
  let visited = 0
  const start = world.schedulerCursor % n
  for (; visited < n && k < want; visited++) {
    let i = start + visited
    if (i >= n) i -= n
    if (seen[i] !== version[i]) {
      seen[i] = version[i]!
      if (filterNode(ctx, pod, i)) passes[i] = 0
      else {
        passes[i] = 1
        least[i] = leastAllocated(nodes[i]!, pod)
        balanced[i] = balancedAllocation(nodes[i]!, pod)
      }
    }
    if (!passes[i]) continue
    if (soft && soft[i]! > softMax) softMax = soft[i]!
    if (nTerms > 0) {
      // podtopologyspread/scoring.go's raw score, as SCORE_PLUGINS.PodTopologySpread sums it.
      // NaN (a node without the key) is written 0 / 0: with the global NaN in this phi V8 boxed every raw score
      // (1.2 GB of heap numbers while 150,000 pods were placed, by the sampling heap profiler).
      let r: number
      if (nTerms <= 2) {
        const d0 = dom0![i]!
        if (d0 < 0) r = 0 / 0
        else {
          r = 0 + (cnt0![d0]! * w0 + k0)
          if (nTerms === 2) {
            const d1 = dom1![i]!
            r = d1 < 0 ? 0 / 0 : r + (cnt1![d1]! * w1 + k1)
          }
        }
      } else {
        r = 0
        for (const term of terms) {
          const d = term.entry.ki.domainOf[i]!
          if (d < 0) {
            r = 0 / 0
            break
          }
          r += term.entry.counts[d]! * term.weight + (term.maxSkew - 1)
        }
      }
      spreadRaw[k] = r
      if (r > sMax) sMax = r
      if (r < sMin) sMin = r
    }
    feasible[k++] = i
  }
  if (k === 0) return null
  world.schedulerCursor = (start + visited) % n

  // Totals in SCORE_ORDER with scoreNodes' arithmetic (see SCORE_PLUGINS): the same sums in the same order.
  const wTaint = W.TaintToleration
  const wSpread = W.PodTopologySpread
  const wLeast = W.NodeResourcesFit
  const wBalanced = W.NodeResourcesBalancedAllocation
  const wImage = W.ImageLocality
  const taintSame = wTaint * MAX
  let best = -1
  let bestScore = -Infinity
  let ties = 0
  for (let j = 0; j < k; j++) {
    const i = feasible[j]!
    // TaintToleration; NodeAffinity and InterPodAffinity add 0 for these pods.
    let total = soft ? wTaint * (softMax === 0 ? MAX : MAX - (soft[i]! * MAX) / softMax) : taintSame
    if (nTerms > 0) {
      // The same value as scoreNodes' (NaN: 0, all raw 0: MAX, else MAX·(max+min−raw)/max), the usual case on its own:
      // written as one ternary of 0, MAX and the quotient, V8 boxed every quotient (a heap number per node and pod,
      // 2 GB of garbage while 150,000 pods were placed).
      const r = spreadRaw[j]!
      if (sMax !== 0 && r === r) total += wSpread * ((MAX * (sMax + sMin - r)) / sMax)
      else total += wSpread * (r !== r ? 0 : MAX)
    }
    total += wLeast * least[i]!
    total += wBalanced * balanced[i]!
    if (image) total += wImage * image[i]!
    if (total > bestScore) {
      best = i
      bestScore = total
      ties = 1
    } else if (total === bestScore) {
      // Reservoir sampling over equal scores, as selectHost does (and scheduleOne).
      ties += 1
      if (nextFloat(world.rng) * ties < 1) best = i
    }
  }
  SCHEDULER_FAST_PATH.placed += 1
  return best
}
