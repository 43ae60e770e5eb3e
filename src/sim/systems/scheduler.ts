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
 * The plugins are two tables, name → function (FILTER_PLUGINS, SCORE_PLUGINS in schedulerPlugins.ts),
 * and explainPlacement (the inspector's "why here") runs the very same entries.
 */
import { containerCpuMilli, containerMemMiB, reserveContainer } from '../capacity'
import { feasibleNodesToFind } from '../constants'
import { containerList, keepUnplaced, unplacedRooms } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import { FILTER_ORDER, SCHEDULER_TEXT } from '../schedulingFigures'
import type { FilterPlugin, ScorePlugin } from '../schedulingFigures'
import type { Container, Placement, World } from '../types'
import { mayPreempt, preempt } from './preemption'
import { endPass, passContext, passKinds } from './schedulerCache'
import { flushTime, park, parkedShapes, UNSCHEDULABLE_QUEUE } from './schedulerQueue'
import type { Parked } from './schedulerQueue'
import { chooseForKind } from './schedulerKinds'
import type { KindCache } from './schedulerKinds'
import { filterNode, runFilter, scoreNodes, selectHost } from './schedulerPlugins'
import type { FilterFailure } from './schedulerPlugins'
import {
  newSchedCtx,
  nonZeroExtra,
  notePodMoved,
  placementId,
  podCounts,
  podInfo,
  sameShape,
  schedulableNodes,
  ShapeMap,
} from './schedulerState'
import type { SchedCtx } from './schedulerState'

export type { FilterPlugin, ScorePlugin } from '../schedulingFigures'
export { FILTER_PLUGINS, filterNode, runFilter, SCORE_PLUGINS, scoreNodes, selectHost } from './schedulerPlugins'
export type { FilterFailure, FilterFn, Freed, ScoreEntry, ScoreFn } from './schedulerPlugins'
export { matchesAll, matchesRequirement, newSchedCtx, podInfo, schedulableNodes, toleratesTaint, tolerated } from './schedulerState'
export type { NodeView, PodInfo, SchedCtx } from './schedulerState'

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

/** Pod shapes that failed in this pass, with the counters they failed under. */
type FailedShapes = ShapeMap<{ message: string; binds: number; preemptions: number }>

export function scheduler(world: World): void {
  let pending: Container[] | null = null
  let ranked = false
  // The pending pods in containerList order, from the rooms not placed yet (containerIndex.ts unplacedRooms: walking
  // all 150,000 rooms took 1–2 ms a step, and tens of ms when new rooms of another hidden class sent V8 back to slower
  // code). Rooms placed or removed since are left out of the list kept for the next pass.
  const rooms = unplacedRooms(world)
  let kept: Container[] | null = null
  // An index walk: V8 allocated an iterator result per room for a for...of (GBs over a 600-step zone outage at L).
  for (let at = 0; at < rooms.length; at++) {
    const c = rooms[at]!
    if (c.placement !== null || world.containers[c.id] !== c) {
      kept ??= rooms.slice(0, at)
      continue
    }
    kept?.push(c)
    if (c.state !== 'pending' || !c.managed) continue
    ;(pending ??= []).push(c)
    if (c.priority !== 0) ranked = true
  }
  if (kept) keepUnplaced(world, kept)
  if (!pending) return
  const queue = pending
  // PrioritySort: higher priority first; equal priority keeps arrival order (Array.sort is stable).
  if (ranked) queue.sort((a, b) => b.priority - a.priority)
  // Pods that wait in unschedulablePods until a cluster event (schedulerQueue.ts): no work for them on this pass.
  const parked = parkedShapes(world, queue)
  // The pass's view of the cluster, taken when the first pod needs it (none when every pending pod is parked): the
  // last pass's, brought up to date, when it cannot differ from a fresh one (schedulerCache.ts).
  let ctx: SchedCtx | null = null
  let kinds: KindCache | null = null
  const context = (): SchedCtx => {
    if (ctx) return ctx
    ctx = passContext(world)
    kinds = passKinds(world)
    ctx.countApps = new Set(queue.map((c) => c.appId))
    for (const c of queue) {
      if (!c.nominatedNode) continue
      const node = ctx.byName.get(c.nominatedNode)
      if (node !== undefined)
        ctx.nominated.push({ node, id: c.id, priority: c.priority, cpu: containerCpuMilli(c), mem: containerMemMiB(c) })
    }
    return ctx
  }
  let bound = 0
  let preemptions = 0
  const appBinds = new Map<string, number>()
  const failedShapes: FailedShapes = new ShapeMap()
  const failed: { pod: Container; message: string }[] = []
  const flushBefore = flushTime(world)
  let last: { pod: Container; waiting: Parked | undefined } | null = null
  for (const c of queue) {
    if (c.state !== 'pending' || c.placement !== null) continue
    const shaped = !c.nominatedNode
    // Parked against the cluster as the pass found it: only while this pass has not moved its app's counts or freed space.
    if (shaped && parked && preemptions === 0 && (appBinds.size === 0 || !appBinds.has(c.appId))) {
      // Pods of one shape come one after another: the last one's answer is asked first.
      if (last === null || !sameShape(last.pod, c)) last = { pod: c, waiting: parked.get(c) }
      const waiting = last.waiting
      if (waiting && waiting.sinceMs > flushBefore) {
        if (c.reason !== waiting.message) c.reason = waiting.message
        UNSCHEDULABLE_QUEUE.skipped++
        continue
      }
    }
    // Only a preemption deletes pods during a pass (its victims): until one happens, no lookup of 150,000 ids.
    if (preemptions > 0 && !world.containers[c.id]) continue
    // Within one pass a node only fills up, unless a bind of the same app moves its spread and
    // anti-affinity counts or a preemption frees space: a pod shaped like one that just failed
    // fails the same way (kube-scheduler once cached this as "equivalence classes"). Without this,
    // 5,000 pods nothing can take cost 5,000 walks over every node on every step.
    const seen = shaped ? failedShapes.get(c) : undefined
    if (seen && seen.binds === (appBinds.get(c.appId) ?? 0) && seen.preemptions === preemptions) {
      c.reason = seen.message
      continue
    }
    const log = bound < BINDINGS_LOGGED_PER_STEP
    // Pods of an ordinary kind take the fast path (schedulerKinds.ts); it hands back to the plain one when unsure.
    const fast = shaped ? chooseForKind(context(), kinds!, c) : null
    let outcome: 'bound' | 'pending' | 'preempted'
    if (fast !== null) {
      bind(context(), c, fast, log)
      outcome = 'bound'
    } else outcome = scheduleOne(context(), c, log)
    if (outcome === 'bound') {
      bound++
      appBinds.set(c.appId, (appBinds.get(c.appId) ?? 0) + 1)
    } else if (outcome === 'preempted') preemptions++
    else if (shaped) {
      failedShapes.set(c, { message: c.reason, binds: appBinds.get(c.appId) ?? 0, preemptions })
      if (!seen && !mayPreempt(world, c.priority)) failed.push({ pod: c, message: c.reason })
    }
  }
  if (ctx) endPass(world)
  // A pass that changed nothing leaves the cluster its failures met: they wait for the next cluster event.
  if (bound === 0 && preemptions === 0) park(world, queue, failed)
  if (bound > BINDINGS_LOGGED_PER_STEP) {
    const more = bound - BINDINGS_LOGGED_PER_STEP
    logEvent(world, 'info', say('scheduler.scheduledMore', { more }))
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
  if (c.cpuRequestMilli === 0 || c.memRequestMiB === 0) {
    const x = nonZeroExtra(c)
    node.nonZero.cpu += x.cpu
    node.nonZero.mem += x.mem
  }
  notePodMoved(ctx, c, i, 1)
  world.stats.podsScheduled += 1
  if (log)
    logEvent(
      world,
      'info',
      say('scheduler.scheduled', {
        app: world.apps[c.appId]?.name ?? '?',
        kind: node.placement.kind === 'host' ? 'house' : 'apartment',
        node: node.name,
        room: c.name,
      }),
      [c.id, c.appId],
    )
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
      else if (result.notEligible) message += ` preemption: ${result.notEligible}`
      // As real clusters print it: the preemption part's histogram ends in two periods ("... for incoming pod..").
      else message += ` preemption: ${unschedulableMessage(n, result.counts)}.`
    }
    if (c.reason !== message) {
      c.reason = message
      const why = [...new Set((failed ?? []).map((f) => FILTER_METAPHOR[f.failure.plugin]))].join('; ')
      logEvent(
        world,
        'warn',
        say('scheduler.failedScheduling', {
          app: app?.name ?? '?',
          why: why ? `: ${why}` : ': there is no house or apartment',
          room: c.name,
          message,
        }),
        [c.id, c.appId],
      )
    }
    return outcome
  }
  const totals = scoreNodes(ctx, pod, feasible)
  const best = feasible[selectHost(totals, feasible.length, world.rng)]!
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
  const ctx = newSchedCtx(
    world,
    nodes.map((node) =>
      placedHere && node.id === here
        ? {
            ...node,
            target: {
              ...node.target,
              cpuMilli: node.target.cpuMilli - containerCpuMilli(c),
              memMiB: node.target.memMiB - containerMemMiB(c),
              pods: node.target.pods - 1,
            },
            nonZero: { cpu: node.nonZero.cpu - nonZeroExtra(c).cpu, mem: node.nonZero.mem - nonZeroExtra(c).mem },
          }
        : node,
    ),
  )
  for (const other of containerList(world)) {
    if (other.id === c.id || !other.nominatedNode || other.placement !== null) continue
    const node = ctx.byName.get(other.nominatedNode)
    if (node !== undefined)
      ctx.nominated.push({ node, id: other.id, priority: other.priority, cpu: containerCpuMilli(other), mem: containerMemMiB(other) })
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
    return {
      name: node.name,
      placement: node.placement,
      feasible: !first,
      failure: first?.reason ?? null,
      scores: {},
      total: 0,
      current,
      filters,
    }
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
