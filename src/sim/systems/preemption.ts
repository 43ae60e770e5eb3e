/**
 * DefaultPreemption (kube-scheduler's PostFilter; FIDELITY.md "Preemption"), after kubernetes.io "Pod Priority and
 * Preemption" and plugins/defaultpreemption/default_preemption.go: when a pending pod fits nowhere, find the nodes where
 * evicting pods of strictly lower priority makes it fit, pick one, evict its victims and set the pod's
 * nominatedNodeName; it binds on a later pass once the space is free. Pods of equal or higher priority are never victims.
 *
 * - Victims per node (SelectVictimsOnNode): remove every lower-priority pod; if the pod still does not fit, the node is
 *   no candidate. Otherwise put them back, most important first (higher priority, then earlier start), the pods whose
 *   eviction would break a PodDisruptionBudget first, and keep out only those the pod cannot fit beside.
 * - The node (pickOneNodeForPreemption): fewest PDB violations, then the lowest highest-victim priority, then the
 *   smallest sum of victim priorities (each offset by 2^31, so fewer victims weigh less), then fewest victims, then
 *   the latest start among the highest-priority victims, then the first.
 * - Victims get their graceful termination (containers.ts terminatePod: Terminating for terminationGracePeriodSeconds,
 *   30 s by default) and hold their place meanwhile; the preemptor waits, nominated. While a lower-priority pod is still
 *   terminating on its nominated node it does not preempt again (PodEligibleToPreemptOthers: "not eligible due to a
 *   terminating pod on the nominated node.").
 * - Budgets are respected best effort: a node whose victims break none is preferred, but when every candidate breaks
 *   one, the budget is broken, and the log says so.
 *
 * Simplifications: a pod's start time is its creation time; a terminating pod of lower priority blocks a new
 * preemption whatever deleted it (newer kube-scheduler counts only pods deleted by preemption).
 */
import { containerCpuMilli, containerMemMiB } from '../capacity'
import { terminatePod } from '../containers'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import { TERMINATION_GRACE } from '../constants'
import { SCHEDULER_TEXT } from '../schedulingFigures'
import type { Container, World } from '../types'
import { filterNode } from './schedulerPlugins'
import type { FilterFailure, Freed } from './schedulerPlugins'
import { notePodMoved, podsByNode } from './schedulerState'
import type { PodInfo, SchedCtx } from './schedulerState'

export interface PreemptionResult {
  preempted: boolean
  /** When it did not: the histogram for the "preemption: 0/N nodes are available: …" text. */
  counts: Map<string, number>
  /** When the pod may not preempt at all: PodEligibleToPreemptOthers' message (then `counts` is empty). */
  notEligible?: string
}

interface Candidate {
  node: number
  victims: Container[]
  pdbViolations: number
  maxPriority: number
  /** Σ (priority + 2^31), as pickOneNodeForPreemption sums them (so the sum of negative priorities still ranks). */
  sumPriority: number
  /** The earliest start among the victims of the highest priority (GetEarliestPodStartTime). */
  earliestTopStart: number
}

const add = (f: Freed, c: Container, sign: 1 | -1): void => {
  f.cpu += sign * containerCpuMilli(c)
  f.mem += sign * containerMemMiB(c)
  f.pods += sign
}

/** Whether any pod in the world could rank below this one (pods get 0 or a class's value). */
function mayHaveVictims(ctx: SchedCtx, pod: PodInfo): boolean {
  return mayPreempt(ctx.world, pod.priority)
}

/** Whether a pod of this priority could find victims at all: some priority class (or the default 0) is lower. */
export function mayPreempt(world: World, priority: number): boolean {
  let lowest = 0
  for (const v of Object.values(world.priorityClasses)) if (v < lowest) lowest = v
  return priority > lowest
}

/** MoreImportantPod: higher priority first; equal priority, the one that started earlier. */
const moreImportant = (a: Container, b: Container): number => b.priority - a.priority || a.createdAtMs - b.createdAtMs

/**
 * Disruptions each budget allows now (PDB status.disruptionsAllowed = currently healthy − minAvailable), per app;
 * null when no app has a budget. Healthy: running, Ready and not being deleted.
 */
function disruptionsAllowed(ctx: SchedCtx): Map<string, number> | null {
  let any = false
  for (const a of Object.values(ctx.world.apps)) if (a.pdbMinAvailable != null) any = true
  if (!any) return null
  const healthy = new Map<string, number>()
  for (const c of containerList(ctx.world)) {
    if (c.state !== 'running' || !c.ready || c.terminatingUntilMs !== null) continue
    if (ctx.world.apps[c.appId]?.pdbMinAvailable == null) continue
    healthy.set(c.appId, (healthy.get(c.appId) ?? 0) + 1)
  }
  const allowed = new Map<string, number>()
  for (const a of Object.values(ctx.world.apps))
    if (a.pdbMinAvailable != null) allowed.set(a.id, (healthy.get(a.id) ?? 0) - a.pdbMinAvailable)
  return allowed
}

/** filterPodsWithPDBViolation: split (keeping order) into pods whose eviction would break a budget and the rest. */
function splitByBudget(pods: Container[], budgets: Map<string, number> | null): { violating: Container[]; other: Container[] } {
  if (!budgets) return { violating: [], other: pods }
  const left = new Map(budgets)
  const violating: Container[] = []
  const other: Container[] = []
  for (const p of pods) {
    const n = left.get(p.appId)
    if (n === undefined) {
      other.push(p)
      continue
    }
    left.set(p.appId, n - 1)
    if (n - 1 < 0) violating.push(p)
    else other.push(p)
  }
  return { violating, other }
}

/**
 * SelectVictimsOnNode: the victims on one node; or, when it is no candidate, why (its status in the preemption
 * part of the message): "No preemption victims found for incoming pod" when it holds no lower-priority pod, else the
 * filter's own reasons with every lower-priority pod gone (evicting them all would not make it fit).
 */
function victimsOn(ctx: SchedCtx, pod: PodInfo, i: number, budgets: Map<string, number> | null): Candidate | readonly string[] {
  const lower = podsByNode(ctx)[i]!.filter((p) => p.priority < pod.priority)
  if (lower.length === 0) return [SCHEDULER_TEXT.noVictims]
  const freed: Freed = { cpu: 0, mem: 0, pods: 0 }
  for (const v of lower) add(freed, v, 1)
  const still = filterNode(ctx, pod, i, freed)
  if (still) return still.reasons
  lower.sort(moreImportant)
  const { violating, other } = splitByBudget(lower, budgets)
  const victims: Container[] = []
  let pdbViolations = 0
  // Reprieve: put each back if the pod still fits beside it; budget-breaking ones first, then the rest.
  const reprieve = (v: Container): boolean => {
    add(freed, v, -1)
    if (filterNode(ctx, pod, i, freed)) {
      add(freed, v, 1)
      victims.push(v)
      return false
    }
    return true
  }
  for (const v of violating) if (!reprieve(v)) pdbViolations++
  for (const v of other) reprieve(v)
  let maxPriority = -Infinity
  let sumPriority = 0
  for (const v of victims) {
    if (v.priority > maxPriority) maxPriority = v.priority
    sumPriority += v.priority + 2 ** 31
  }
  let earliestTopStart = Infinity
  for (const v of victims) if (v.priority === maxPriority && v.createdAtMs < earliestTopStart) earliestTopStart = v.createdAtMs
  return { node: i, victims, pdbViolations, maxPriority, sumPriority, earliestTopStart }
}

/** pickOneNodeForPreemption's order: is `a` a better node to preempt on than `b`? Ties keep the first (b). */
export function better(a: Candidate, b: Candidate): boolean {
  if (a.pdbViolations !== b.pdbViolations) return a.pdbViolations < b.pdbViolations
  if (a.maxPriority !== b.maxPriority) return a.maxPriority < b.maxPriority
  if (a.sumPriority !== b.sumPriority) return a.sumPriority < b.sumPriority
  if (a.victims.length !== b.victims.length) return a.victims.length < b.victims.length
  return a.earliestTopStart > b.earliestTopStart
}

/** PodEligibleToPreemptOthers: a pod nominated to a node where a lower-priority pod is still terminating waits for it. */
function waitingOnTerminating(ctx: SchedCtx, c: Container, failed: readonly { node: number; failure: FilterFailure }[]): boolean {
  if (!c.nominatedNode) return false
  const i = ctx.byName.get(c.nominatedNode)
  if (i === undefined) return false
  // A nominated node the filters call unresolvable (not a matter of space) lets it preempt elsewhere.
  const f = failed.find((x) => x.node === i)
  if (f && !f.failure.resolvable) return false
  return podsByNode(ctx)[i]!.some((p) => p.priority < c.priority && p.terminatingUntilMs !== null)
}

export function preempt(
  ctx: SchedCtx,
  c: Container,
  pod: PodInfo,
  failed: readonly { node: number; failure: FilterFailure }[],
): PreemptionResult {
  if (waitingOnTerminating(ctx, c, failed)) return { preempted: false, counts: new Map(), notEligible: SCHEDULER_TEXT.waitingOnTerminating }
  const candidates: number[] = []
  let notHelpful = 0
  for (const f of failed) {
    if (f.failure.resolvable) candidates.push(f.node)
    else notHelpful++
  }
  let best: Candidate | null = null
  const counts = new Map<string, number>()
  if (notHelpful) counts.set(SCHEDULER_TEXT.preemptionNotHelpful, notHelpful)
  if (candidates.length > 0 && mayHaveVictims(ctx, pod)) {
    const budgets = disruptionsAllowed(ctx)
    for (const i of candidates) {
      const cand = victimsOn(ctx, pod, i, budgets)
      if ('node' in cand) {
        if (!best || better(cand, best)) best = cand
      } else for (const r of cand) counts.set(r, (counts.get(r) ?? 0) + 1)
    }
  } else if (candidates.length) counts.set(SCHEDULER_TEXT.noVictims, candidates.length)
  if (!best) return { preempted: false, counts }
  const world = ctx.world
  const node = ctx.nodes[best.node]!
  const app = world.apps[c.appId]
  const where = `${node.placement.kind === 'host' ? 'house' : 'apartment'} ${node.name}`
  const budgets = best.pdbViolations > 0 ? disruptionsAllowed(ctx) : null
  for (const v of best.victims) {
    const vApp = world.apps[v.appId]
    let breaks = false
    if (budgets && vApp?.pdbMinAvailable != null) {
      const left = (budgets.get(v.appId) ?? 0) - 1
      budgets.set(v.appId, left)
      breaks = left < 0
    }
    logEvent(
      world,
      'warn',
      say('preemption.preempted', {
        vApp: vApp?.name ?? '?',
        where,
        app: app?.name ?? '?',
        vm: v.name,
        priority: v.priority,
        node: node.name,
        room: c.name,
        roomPriority: c.priority,
        grace: TERMINATION_GRACE.ms / 1000,
        budget: breaks ? String(vApp?.pdbMinAvailable ?? 0) : '',
      }),
      [v.id, c.id, node.id],
    )
    // Graceful termination: the victim keeps its place until its grace period is over; the preemptor waits, nominated.
    terminatePod(world, v)
    // A victim with no running container (pending, crashed) is deleted at once: its place is free now.
    if (!world.containers[v.id]) notePodMoved(ctx, v, best.node, -1)
  }
  c.nominatedNode = node.name
  ctx.nominated.push({ node: best.node, id: c.id, priority: c.priority, cpu: pod.cpu, mem: pod.mem })
  return { preempted: true, counts: new Map() }
}
