/**
 * DefaultPreemption (kube-scheduler's PostFilter), after kubernetes.io "Pod Priority and
 * Preemption": when a pending pod fits nowhere, find one node where evicting pods of strictly
 * lower priority makes it fit; evict as few as it can (reprieving the most important first), set
 * the pod's nominatedNodeName, and let it bind on a later pass once the space is free. Pods of
 * equal or higher priority are never victims. Victims leave through the same path as a drain's
 * evictions (deleteContainer); their ReplicaSets make new pending pods.
 *
 * Simplifications: victims go at once (no graceful termination period), and PodDisruptionBudgets
 * are not weighed when choosing the node (the real one prefers nodes that break fewer).
 */
import { containerMemMiB } from '../capacity'
import { deleteContainer } from '../containers'
import { logEvent } from '../events'
import { say } from '../messages'
import { SCHEDULER_TEXT } from '../schedulingFigures'
import type { Container } from '../types'
import { filterNode } from './schedulerPlugins'
import type { FilterFailure, Freed } from './schedulerPlugins'
import { notePodMoved, podsByNode } from './schedulerState'
import type { PodInfo, SchedCtx } from './schedulerState'

export interface PreemptionResult {
  preempted: boolean
  /** When it did not: the histogram for the "preemption: 0/N nodes are available: …" text. */
  counts: Map<string, number>
}

interface Candidate {
  node: number
  victims: Container[]
  maxPriority: number
  sumPriority: number
}

const add = (f: Freed, c: Container, sign: 1 | -1): void => {
  f.cpu += sign * c.cpuRequestMilli
  f.mem += sign * containerMemMiB(c)
  f.pods += sign
}

/** Whether any pod in the world could rank below this one (pods get 0 or a class's value). */
function mayHaveVictims(ctx: SchedCtx, pod: PodInfo): boolean {
  let lowest = 0
  for (const v of Object.values(ctx.world.priorityClasses)) if (v < lowest) lowest = v
  return pod.priority > lowest
}

/** Pick victims on one node, or null if evicting every lower-priority pod still would not make it fit. */
function victimsOn(ctx: SchedCtx, pod: PodInfo, i: number): Candidate | null {
  const lower = podsByNode(ctx)[i]!.filter((p) => p.priority < pod.priority)
  if (lower.length === 0) return null
  const freed: Freed = { cpu: 0, mem: 0, pods: 0 }
  for (const v of lower) add(freed, v, 1)
  if (filterNode(ctx, pod, i, freed)) return null
  // Reprieve the most important first: put each back if the pod still fits without evicting it.
  lower.sort((a, b) => b.priority - a.priority)
  const victims: Container[] = []
  for (const v of lower) {
    add(freed, v, -1)
    if (filterNode(ctx, pod, i, freed)) {
      add(freed, v, 1)
      victims.push(v)
    }
  }
  let maxPriority = -Infinity
  let sumPriority = 0
  for (const v of victims) {
    if (v.priority > maxPriority) maxPriority = v.priority
    sumPriority += v.priority
  }
  return { node: i, victims, maxPriority, sumPriority }
}

/** pickOneNodeForPreemption: lowest highest-priority victim, then fewest victims, then lowest sum. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.maxPriority !== b.maxPriority) return a.maxPriority < b.maxPriority
  if (a.victims.length !== b.victims.length) return a.victims.length < b.victims.length
  return a.sumPriority < b.sumPriority
}

export function preempt(
  ctx: SchedCtx,
  c: Container,
  pod: PodInfo,
  failed: readonly { node: number; failure: FilterFailure }[],
): PreemptionResult {
  const candidates: number[] = []
  let notHelpful = 0
  for (const f of failed) {
    if (f.failure.resolvable) candidates.push(f.node)
    else notHelpful++
  }
  let best: Candidate | null = null
  if (candidates.length > 0 && mayHaveVictims(ctx, pod)) {
    for (const i of candidates) {
      const cand = victimsOn(ctx, pod, i)
      if (cand && (!best || better(cand, best))) best = cand
    }
  }
  if (!best) {
    const counts = new Map<string, number>()
    if (notHelpful) counts.set(SCHEDULER_TEXT.preemptionNotHelpful, notHelpful)
    if (candidates.length) counts.set(SCHEDULER_TEXT.noVictims, candidates.length)
    return { preempted: false, counts }
  }
  const world = ctx.world
  const node = ctx.nodes[best.node]!
  const app = world.apps[c.appId]
  const where = `${node.placement.kind === 'host' ? 'house' : 'apartment'} ${node.name}`
  for (const v of best.victims) {
    const vApp = world.apps[v.appId]
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
      }),
      [v.id, c.id, node.id],
    )
    notePodMoved(ctx, v, best.node, -1)
    deleteContainer(world, v)
  }
  c.nominatedNode = node.name
  ctx.nominated.push({ node: best.node, id: c.id, priority: c.priority, cpu: pod.cpu, mem: pod.mem })
  return { preempted: true, counts: new Map() }
}
