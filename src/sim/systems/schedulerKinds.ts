/**
 * The scheduler's fast path: the work done once per kind of pod rather than once per pod, where
 * kube-scheduler's result cannot differ. A kind is the pods of one app with one shape (requests,
 * image, priority, sidecars, runtime) whose app has no rules that make one pod's verdict depend on
 * where its siblings went (no spread constraint or anti-affinity of its own, no preferred node
 * affinity): the ReplicaSet's pods of an ordinary Deployment. For a kind, PreFilter runs once and
 * every node's filter verdict is kept until that node changes (a pod arrives or leaves, its taints,
 * cordon or reservations change: nodeVersion); kinds that ask alike share their verdicts (Verdicts),
 * and the kinds live as long as the scheduler's kept view (schedulerCache.ts passKinds says why they
 * stay true from one pass to the next). The scores are then computed over the same sample of nodes,
 * in the same order and with the same floating-point operations as scoreNodes, so the chosen node and
 * the draws from the world's generator on ties are exactly the plain path's (a property test compares
 * both on random streets).
 *
 * Anything else (a pod with rules of its own, a nominated pod, a pass with nominations, a pod that
 * fits nowhere) takes the plain path.
 */
import { feasibleNodesToFind } from '../constants'
import { IMAGE_LOCALITY, MAX_NODE_SCORE, SCORE_WEIGHTS } from '../schedulingFigures'
import type { Container, Toleration } from '../types'
import type { RngState } from '../rng'
import { balancedAllocation, drawAmongTies, filterNode, imageRaw, leastAllocated, selectHost } from './schedulerPlugins'
import { podInfo, ShapeMap, tolerated } from './schedulerState'
import type { PodInfo, SchedCtx } from './schedulerState'

/** Switch for tests and the benchmark (false: every pod takes the plain path), and how many pods it placed. */
export const SCHEDULER_FAST_PATH = { enabled: true, placed: 0 }

const MAX = MAX_NODE_SCORE.value
const W = SCORE_WEIGHTS.value

/**
 * The per-node verdicts and resource scores of the kinds that agree on everything these read (Verdicts.key): their
 * requests, the nodes their node affinity allows, their tolerations, the filters that can fail, their image and
 * containers. At L every Deployment asks alike, so 150 kinds share one set and a node is judged once for all of them.
 */
interface Verdicts {
  /** The PodInfo of the first kind: the verdicts are taken with it (any kind of the set gives the same ones). */
  pod: PodInfo
  /** nodeVersion when the verdict was taken (0: never). */
  seen: Uint32Array
  /** 1: passes every filter, 0: fails one. */
  passes: Uint8Array
  /** Nodes without a verdict yet, and nodes whose verdict is a failure. */
  unseen: number
  failing: number
  /** How much of ctx.moved the verdicts have caught up with. */
  read: number
  /**
   * NodeResourcesFit's (LeastAllocated) and NodeResourcesBalancedAllocation's scores, taken with the verdict, already
   * weighted: the very products scoreNodes adds (weight × score), kept so the loop over the sample only adds.
   */
  least: Float64Array
  balanced: Float64Array
  /** Untolerated PreferNoSchedule taints per node (TaintToleration's raw score), when any node has one; taken with the verdict. */
  softTaints: Float64Array | null
  /** The tolerations that may tolerate a PreferNoSchedule taint. */
  prefs: Toleration[]
  /** The pods tolerate nothing: they fail on every closed node (ctx.closed) without running the filters. */
  tolerateNothing: boolean
  /** ImageLocality's score per node (0–100), weighted as least, or null when no node has a layer of the image. */
  image: Float64Array | null
}

/** One kind: its cached PreFilter (its spread counts are its app's own) and the verdicts it shares. */
interface Kind {
  pod: PodInfo
  v: Verdicts
}

export interface KindCache {
  kinds: ShapeMap<Kind | null>
  /** The verdict sets, by the nodes their node affinity allows (pod.eligible, one array per rule) then by key. */
  verdicts: Map<Uint8Array, Map<string, Verdicts>>
  /** Reused buffers over the sample of feasible nodes. */
  feasible: Int32Array
  totals: Float64Array
  /** Each sampled node's class (its pods of the app, its zone, its soft taints: byClass), and where the highest totals stand. */
  classes: Int32Array
  atMax: Int32Array
  /** The zone term of the spread score per zone, for the pod being placed. */
  zoneTerms: Float64Array
  /** TaintToleration's and PodTopologySpread's part of the total per class, for the pod being placed (2 × want + 32). */
  classTotals: Float64Array
  /** What byClass's passes found (extremes, counts). */
  found: Float64Array
  /** The classes byClass's first pass met (as classTotals, all 0 between pods). */
  present: Uint8Array
}

export function newKindCache(): KindCache {
  return {
    kinds: new ShapeMap(),
    verdicts: new Map(),
    feasible: new Int32Array(0),
    totals: new Float64Array(0),
    classes: new Int32Array(0),
    atMax: new Int32Array(0),
    zoneTerms: new Float64Array(0),
    classTotals: new Float64Array(0),
    found: new Float64Array(3),
    present: new Uint8Array(0),
  }
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
    // Only the system default spread may remain: its two ScheduleAnyway terms, hostname then zone (scores, never filters).
    const [host, zone, more] = pod.spread
    const defaults = host?.systemDefault && !host.hard && zone?.systemDefault && !zone.hard && !more
    if (defaults && !pod.anti) kind = { pod, v: verdictsOf(ctx, cache, pod) }
  }
  cache.kinds.set(c, kind)
  return kind
}

/**
 * The verdict set for a kind's pod: an existing one when every input of judge() agrees. judge reads from the pod only
 * its requests and scoring extras (cpu, mem, nonZero), the filters that can fail (filters), NodeAffinity's nodes
 * (eligible), TaintToleration's tolerations (the app's), and for the image scores imageId and containers; its id and
 * priority only against nominations, and a kind is used only in a pass without any. Tolerations are compared by value.
 */
function verdictsOf(ctx: SchedCtx, cache: KindCache, pod: PodInfo): Verdicts {
  const tolerations = pod.app?.tolerations ?? []
  const key = [
    pod.cpu,
    pod.mem,
    pod.nonZero.cpu,
    pod.nonZero.mem,
    pod.filters.join(),
    pod.imageId,
    pod.containers,
    tolerations.length ? JSON.stringify(tolerations) : '',
  ].join('\u0000')
  let byKey = cache.verdicts.get(pod.eligible)
  if (!byKey) cache.verdicts.set(pod.eligible, (byKey = new Map()))
  const known = byKey.get(key)
  if (known) return known
  const n = ctx.nodes.length
  let image: Float64Array | null = null
  const raw = imageRaw(ctx, pod.imageId)
  if (raw) {
    const lo = IMAGE_LOCALITY.minThresholdMiB
    const hi = IMAGE_LOCALITY.maxThresholdPerContainerMiB * pod.containers
    image = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const sum = Math.min(hi, Math.max(lo, raw[i]!))
      image[i] = W.ImageLocality * ((MAX * (sum - lo)) / (hi - lo))
    }
  }
  const v: Verdicts = {
    pod,
    seen: new Uint32Array(n),
    passes: new Uint8Array(n),
    unseen: n,
    failing: 0,
    read: ctx.moved.length,
    least: new Float64Array(n),
    balanced: new Float64Array(n),
    softTaints: ctx.anyPreferNoSchedule ? new Float64Array(n) : null,
    prefs: tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule'),
    tolerateNothing: tolerations.length === 0,
    image,
  }
  byKey.set(key, v)
  return v
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
  const n = ctx.nodes.length
  if (n === 0) return null
  const want = feasibleNodesToFind(n)
  if (cache.feasible.length < want) {
    cache.feasible = new Int32Array(want)
    cache.totals = new Float64Array(want)
    cache.classes = new Int32Array(want)
    cache.atMax = new Int32Array(want)
    // Made once with all the room byClass may use: a field set again during the pass throws optimised code away.
    cache.classTotals = new Float64Array(2 * want + 32)
    cache.present = new Uint8Array(2 * want + 32)
  }
  const k = sample(ctx, kind.v, cache.feasible, want)
  if (k === 0) return null
  let j = byClass(kind, cache, k, ctx.world.rng)
  if (j < 0) {
    totals(kind, cache, k)
    j = selectHost(cache.totals, k, ctx.world.rng)
  }
  SCHEDULER_FAST_PATH.placed += 1
  return cache.feasible[j]!
}

/** Take node i's verdict and resource scores for the kind again (it is new to the kind, or a pod arrived or left). */
function judge(ctx: SchedCtx, v: Verdicts, i: number): void {
  if (v.seen[i] === 0) v.unseen -= 1
  else if (!v.passes[i]) v.failing -= 1
  v.seen[i] = ctx.nodeVersion[i]!
  // On a closed node a pod tolerating nothing fails NodeUnschedulable or TaintToleration (there is a hard taint, so
  // TaintToleration is among its filters): filterNode's answer, without the walk (2,500 dead houses in a zone outage).
  if ((v.tolerateNothing && ctx.closed[i] === 1) || filterNode(ctx, v.pod, i)) {
    v.passes[i] = 0
    v.failing += 1
    return
  }
  const node = ctx.nodes[i]!
  v.passes[i] = 1
  if (v.softTaints) {
    let k = 0
    for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !tolerated(v.prefs, t)) k++
    v.softTaints[i] = k
  }
  v.least[i] = W.NodeResourcesFit * leastAllocated(node, v.pod)
  v.balanced[i] = W.NodeResourcesBalancedAllocation * balancedAllocation(node, v.pod)
}

/**
 * Up to `want` feasible nodes from the cursor on, into `feasible`; returns how many, and when there are any moves the
 * cursor past the nodes visited. A node's verdict is taken again only when a pod has arrived on it or left it: the
 * nodes that changed since the kind last looked are judged first (ctx.moved), so when every node has a verdict and
 * none fails, the sample is simply the next `want` nodes, with no walk over them (at L: 150,000 pods, 500 nodes each).
 */
function sample(ctx: SchedCtx, v: Verdicts, feasible: Int32Array, want: number): number {
  const moved = ctx.moved
  const version = ctx.nodeVersion
  const { seen, passes } = v
  for (; v.read < moved.length; v.read++) {
    const i = moved[v.read]!
    if (seen[i] !== 0 && seen[i] !== version[i]) judge(ctx, v, i)
  }
  const n = ctx.nodes.length
  const start = ctx.world.schedulerCursor % n
  let k = 0
  let visited = 0
  if (v.unseen === 0 && v.failing === 0) {
    for (let i = start; i < n && k < want; i++) feasible[k++] = i
    for (let i = 0; k < want; i++) feasible[k++] = i
    visited = want
  } else
    for (; visited < n && k < want; visited++) {
      let i = start + visited
      if (i >= n) i -= n
      if (seen[i] !== version[i]) judge(ctx, v, i)
      if (passes[i]) feasible[k++] = i
    }
  if (k > 0) ctx.world.schedulerCursor = (start + visited) % n
  return k
}

/** The zone term of the spread score per zone (the system default's second term, kind.pod.spread[1]), for this pod. */
function zoneTermsOf(kind: Kind, cache: KindCache): Float64Array {
  const zone = kind.pod.spread[1]!
  const zoneCounts = zone.entry.counts
  if (cache.zoneTerms.length < zoneCounts.length) cache.zoneTerms = new Float64Array(zoneCounts.length)
  const zoneTerms = cache.zoneTerms
  for (let d = 0; d < zoneCounts.length; d++) zoneTerms[d] = zoneCounts[d]! * zone.weight + (zone.maxSkew - 1)
  return zoneTerms
}

/**
 * The usual case of totals and selectHost in two passes instead of three, with the same totals and the same draws:
 * when every sampled node has both spread labels, a node's TaintToleration and PodTopologySpread part depends only on
 * its class (its pods of the app, its zone, its untolerated PreferNoSchedule taints), so the first pass finds the raw
 * spread scores' maximum and minimum and each node's class, that part is worked out once per class (a few at L, with
 * the operations of totals), and the second pass adds each node's resource scores to its class's part and keeps
 * selectHost's count of the highest totals and their places. Returns the position in the sample of the
 * chosen node, or −1 (nothing done, no draw taken) when the sample is not the usual case: then totals and selectHost.
 */
function byClass(kind: Kind, cache: KindCache, k: number, rng: RngState): number {
  const { least, balanced, image } = kind.v
  const { feasible, classes, found } = cache
  const soft = kind.v.softTaints
  // Untolerated PreferNoSchedule taints are whole numbers, 0 to softMax: one more factor of the class when any node has one.
  let softMax = 0
  if (soft)
    for (let j = 0; j < k; j++) {
      const x = soft[feasible[j]!]!
      if (x > softMax) softMax = x
    }
  const softs = softMax + 1
  // The system default's two terms, hostname then zone (kindOf), read by index: no array made per pod.
  const host = kind.pod.spread[0]!
  const zone = kind.pod.spread[1]!
  const zoneTerms = zoneTermsOf(kind, cache)
  const hostWeight = host.weight
  const hostSkew = host.maxSkew - 1
  const zones = zone.entry.counts.length
  const hostOf = host.entry.ki.domainOf
  if (
    !classPass(
      feasible,
      k,
      hostOf,
      host.entry.counts,
      zone.entry.ki.domainOf,
      zoneTerms,
      hostWeight,
      hostSkew,
      zones,
      soft,
      softs,
      classes,
      cache.present,
      found,
    )
  )
    return -1
  const sMax = found[0]!
  const sMin = found[1]!
  const top = found[2]!
  const size = (top + 1) * zones * softs
  // Only a cheaper way: with more classes than twice the sample (the room classTotals has), the plain loops.
  if (size > 2 * k + 32) return -1
  const part = cache.classTotals
  const wTaint = W.TaintToleration
  const wSpread = W.PodTopologySpread
  const sum = sMax + sMin
  for (let count = 0; count <= top; count++)
    for (let z = 0; z < zones; z++) {
      const r = 0 + (count * hostWeight + hostSkew) + zoneTerms[z]!
      const spread = sMax !== 0 ? wSpread * ((MAX * (sum - r)) / sMax) : wSpread * MAX
      for (let x = 0; x < softs; x++) {
        let total = soft ? wTaint * (softMax === 0 ? MAX : MAX - (x * MAX) / softMax) : wTaint * MAX
        total += spread
        part[(count * zones + z) * softs + x] = total
      }
    }
  const at = cache.atMax
  bestPass(feasible, k, classes, part, least, balanced, image, at, found)
  return at[drawAmongTies(found[0]!, found[1]!, rng) - 1]!
}

// byClass's two loops over the sample take typed arrays and numbers only: code that reads no object's fields is never
// thrown back to the interpreter when some object's shape changes elsewhere (one run in five at L lost its optimised
// byClass that way after the first pods, and the rest of its 150,000 pods boxed a number per node: 1.2 GB of garbage).

/**
 * byClass's first pass: each sampled node's class into classes, and into found the raw spread scores' maximum and
 * minimum and the most pods of the app on one node (found[0..2]). The raw score is a class's (its pods of the app and
 * its zone): the pass marks the classes it meets (present) and the extremes are taken over them, the same values as
 * over the nodes with two products and three comparisons fewer per node. False when a node lacks a spread label (NaN:
 * the plain loops), holds fewer than no pods or its class is past present's room.
 */
function classPass(
  feasible: Int32Array,
  k: number,
  hostOf: Int32Array,
  hostCounts: Int32Array,
  zoneOf: Int32Array,
  zoneTerms: Float64Array,
  hostWeight: number,
  hostSkew: number,
  zones: number,
  soft: Float64Array | null,
  softs: number,
  classes: Int32Array,
  present: Uint8Array,
  found: Float64Array,
): boolean {
  const room = present.length
  let top = 0
  for (let j = 0; j < k; j++) {
    const i = feasible[j]!
    const h = hostOf[i]!
    const z = zoneOf[i]!
    const count = h < 0 ? -1 : hostCounts[h]!
    const c = soft ? (count * zones + z) * softs + soft[i]! : count * zones + z
    if (z < 0 || count < 0 || c >= room) {
      present.fill(0)
      return false
    }
    classes[j] = c
    present[c] = 1
    if (count > top) top = count
  }
  let sMax = 0
  let sMin = Infinity
  const size = (top + 1) * zones * softs
  for (let c = 0; c < size; c++) {
    if (present[c] === 0) continue
    present[c] = 0
    const place = (c / softs) | 0
    const count = (place / zones) | 0
    const r = 0 + (count * hostWeight + hostSkew) + zoneTerms[place - count * zones]!
    if (r > sMax) sMax = r
    if (r < sMin) sMin = r
  }
  found[0] = sMax
  found[1] = sMin
  found[2] = top
  return true
}

/**
 * byClass's second pass, selectHost's (schedulerPlugins.ts) over the totals as they are made: each sampled node's
 * class part plus its resource scores; where the highest totals stand into at, and into found how many stand there
 * and how many draws the textbook loop takes (found[0], found[1]).
 */
function bestPass(
  feasible: Int32Array,
  k: number,
  classes: Int32Array,
  part: Float64Array,
  least: Float64Array,
  balanced: Float64Array,
  image: Float64Array | null,
  at: Int32Array,
  found: Float64Array,
): void {
  let max = -Infinity
  let draws = 0
  let atMax = 0
  for (let j = 0; j < k; j++) {
    const i = feasible[j]!
    let total = part[classes[j]!]!
    total += least[i]!
    total += balanced[i]!
    if (image) total += image[i]!
    draws += +(total === max)
    if (total > max) {
      max = total
      atMax = 0
    }
    at[atMax] = j
    atMax += +(total === max)
  }
  found[0] = atMax
  found[1] = draws
}

/**
 * Each sampled node's total into cache.totals[0..k), in SCORE_ORDER with scoreNodes' arithmetic (see SCORE_PLUGINS:
 * the same sums in the same order): TaintToleration, PodTopologySpread (the system default spread's two soft terms,
 * read live from the counts, normalised over the sample), NodeResourcesFit, BalancedAllocation and ImageLocality;
 * NodeAffinity and InterPodAffinity add 0 for these pods.
 */
function totals(kind: Kind, cache: KindCache, k: number): void {
  const { least, balanced, image } = kind.v
  const { feasible, totals: out } = cache
  const soft = kind.v.softTaints
  const wTaint = W.TaintToleration
  const wSpread = W.PodTopologySpread
  let softMax = 0
  if (soft)
    for (let j = 0; j < k; j++) {
      const x = soft[feasible[j]!]!
      if (x > softMax) softMax = x
    }
  // podtopologyspread/scoring.go's raw score, as SCORE_PLUGINS.PodTopologySpread sums it: 0, plus the hostname term,
  // plus the zone term (count × weight + maxSkew − 1 each), NaN on a node without either label. The zone term is the
  // same for every node of a zone: it is worked out once per zone (the very same products), not once per node.
  // The system default's two terms, hostname then zone (kindOf), read by index: no array made per pod.
  const host = kind.pod.spread[0]!
  const zone = kind.pod.spread[1]!
  const zoneTerms = zoneTermsOf(kind, cache)
  const hostOf = host.entry.ki.domainOf
  const hostCounts = host.entry.counts
  const hostWeight = host.weight
  const hostSkew = host.maxSkew - 1
  const zoneOf = zone.entry.ki.domainOf
  // The raw scores first (out holds them until the second loop), with their maximum and minimum.
  let sMax = 0
  let sMin = Infinity
  for (let j = 0; j < k; j++) {
    const i = feasible[j]!
    const h = hostOf[i]!
    const z = zoneOf[i]!
    // NaN is written 0 / 0 and the sum has a branch of its own: with the global NaN in this phi, or the two in one
    // ternary, V8 boxed every raw score (1.2–1.3 GB of heap numbers while 150,000 pods were placed: --trace-gc).
    let r: number
    if (h < 0 || z < 0) r = 0 / 0
    else r = 0 + (hostCounts[h]! * hostWeight + hostSkew) + zoneTerms[z]!
    out[j] = r
    if (r > sMax) sMax = r
    if (r < sMin) sMin = r
  }
  const taintSame = wTaint * MAX
  const sum = sMax + sMin
  for (let j = 0; j < k; j++) {
    const i = feasible[j]!
    let total = soft ? wTaint * (softMax === 0 ? MAX : MAX - (soft[i]! * MAX) / softMax) : taintSame
    // The same value as scoreNodes' (NaN: 0, all raw 0: MAX, else MAX·(max+min−raw)/max), the usual case on its own:
    // written as one ternary of 0, MAX and the quotient, V8 boxed every quotient (a heap number per node and pod,
    // 2 GB of garbage while 150,000 pods were placed).
    const r = out[j]!
    if (sMax !== 0 && r === r) total += wSpread * ((MAX * (sum - r)) / sMax)
    else total += wSpread * (r !== r ? 0 : MAX)
    total += least[i]!
    total += balanced[i]!
    if (image) total += image[i]!
    out[j] = total
  }
}
