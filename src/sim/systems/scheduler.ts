/**
 * The scheduler, after kube-scheduler: for each pending pod, filter the nodes (ready, right kernel,
 * pod count, CPU and memory requests fit), score the feasible ones (LeastAllocated and
 * BalancedAllocation, weight 1 each, 0–100), bind to the best; ties go to the world's generator.
 * Like the real one it stops searching after enough feasible nodes (feasibleNodesToFind) and
 * starts each search where the last one ended.
 */
import { containerMemMiB, hostCapacity, reserveContainer, vmCapacity } from '../capacity'
import { CLUSTER_LIMITS, feasibleNodesToFind } from '../constants'
import { logEvent } from '../events'
import { nextFloat } from '../rng'
import type { Container, Host, Placement, Vm, World } from '../types'
import { containerList } from '../containerIndex'

/** A node as the scheduler sees it: a house or an apartment, with its free resources. */
export interface NodeView {
  name: string
  placement: Placement
  kernel: 'linux' | 'windows'
  /** Cordoned: NodeUnschedulable filters it out. */
  unschedulable: boolean
  capCpu: number
  capMem: number
  target: Host['alloc'] | Vm['alloc']
}

export type FilterCode = 'ok' | 'cpu' | 'memory' | 'kernel' | 'pods' | 'unschedulable'

const FILTER_TEXT: Record<Exclude<FilterCode, 'ok'>, string> = {
  cpu: 'Insufficient cpu',
  memory: 'Insufficient memory',
  kernel: "node(s) didn't match the image's OS (kubernetes.io/os)",
  pods: 'Too many pods',
  unschedulable: 'node(s) were unschedulable',
}

/** Every house and apartment the manager may place rooms on right now. */
export function schedulableNodes(world: World): NodeView[] {
  const nodes: NodeView[] = []
  for (const h of Object.values(world.hosts)) {
    if (h.power !== 'on' || h.condition !== 'Ready') continue
    const cap = hostCapacity(h)
    nodes.push({ name: h.name, placement: { kind: 'host', hostId: h.id }, kernel: 'linux', unschedulable: h.unschedulable, capCpu: cap.cpuMilli, capMem: cap.memMiB, target: h.alloc })
  }
  for (const vm of Object.values(world.vms)) {
    if (vm.state !== 'running' || world.hosts[vm.hostId]?.power !== 'on') continue
    const cap = vmCapacity(vm)
    nodes.push({ name: vm.name, placement: { kind: 'vm', vmId: vm.id }, kernel: vm.os, unschedulable: false, capCpu: cap.cpuMilli, capMem: cap.memMiB, target: vm.alloc })
  }
  return nodes
}

export function filterNode(node: NodeView, cpu: number, mem: number, os: string): FilterCode {
  if (node.unschedulable) return 'unschedulable'
  if (node.kernel !== os) return 'kernel'
  if (node.target.pods + 1 > CLUSTER_LIMITS.podsPerNode) return 'pods'
  if (node.capCpu - node.target.cpuMilli < cpu) return 'cpu'
  if (node.capMem - node.target.memMiB < mem) return 'memory'
  return 'ok'
}

/** LeastAllocated + BalancedAllocation (weights 1 and 1), each 0–100, after placing the pod. */
export function scoreNode(node: NodeView, cpu: number, mem: number): number {
  const fc = (node.target.cpuMilli + cpu) / node.capCpu
  const fm = (node.target.memMiB + mem) / node.capMem
  const least = ((1 - fc) * 100 + (1 - fm) * 100) / 2
  const mean = (fc + fm) / 2
  const std = Math.sqrt(((fc - mean) ** 2 + (fm - mean) ** 2) / 2)
  const balanced = (1 - std) * 100
  return least + balanced
}

/** kube-scheduler's message: "0/5 nodes are available: 3 Insufficient memory, 2 Insufficient cpu." */
export function unschedulableMessage(total: number, counts: Map<FilterCode, number>): string {
  const parts = [...counts.entries()]
    .filter(([code]) => code !== 'ok')
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${n} ${FILTER_TEXT[code as Exclude<FilterCode, 'ok'>]}`)
  return `0/${total} nodes are available${parts.length ? ': ' + parts.join(', ') : ''}.`
}

/** Bindings logged one by one in a step; beyond this, one summary line (a log of 150,000 lines helps nobody). */
const BINDINGS_LOGGED_PER_STEP = 20

export function scheduler(world: World): void {
  let nodes: NodeView[] | null = null
  let bound = 0
  for (const c of containerList(world)) {
    if (c.state !== 'pending' || c.placement !== null || !c.managed) continue
    nodes ??= schedulableNodes(world)
    if (scheduleOne(world, c, nodes, bound < BINDINGS_LOGGED_PER_STEP)) bound++
  }
  if (bound > BINDINGS_LOGGED_PER_STEP) {
    const more = bound - BINDINGS_LOGGED_PER_STEP
    logEvent(world, 'info', `…and the building manager placed ${more} more rooms.`, `Scheduled ${more} more pods.`)
  }
}

/** Place one pending pod; returns whether it was bound. */
function scheduleOne(world: World, c: Container, nodes: NodeView[], log: boolean): boolean {
  const os = world.images[c.imageId]?.os ?? 'linux'
  const mem = containerMemMiB(c)
  const cpu = c.cpuRequestMilli
  const n = nodes.length
  const want = feasibleNodesToFind(n)
  let found = 0
  let best: NodeView | null = null
  let bestScore = -Infinity
  let ties = 0
  let visited = 0
  const start = n > 0 ? world.schedulerCursor % n : 0
  let failures: Map<FilterCode, number> | null = null
  for (; visited < n && found < want; visited++) {
    const node = nodes[(start + visited) % n]!
    const code = filterNode(node, cpu, mem, os)
    if (code !== 'ok') {
      failures ??= new Map()
      failures.set(code, (failures.get(code) ?? 0) + 1)
      continue
    }
    found += 1
    const score = scoreNode(node, cpu, mem)
    if (score > bestScore) {
      best = node
      bestScore = score
      ties = 1
    } else if (score === bestScore) {
      // Reservoir sampling over equal scores, as kube-scheduler's selectHost does.
      ties += 1
      if (nextFloat(world.rng) * ties < 1) best = node
    }
  }
  world.schedulerCursor = n > 0 ? (start + visited) % n : 0
  const app = world.apps[c.appId]
  if (!best) {
    const message = unschedulableMessage(n, failures ?? new Map())
    if (c.reason !== message) {
      c.reason = message
      logEvent(world, 'warn', `The building manager finds no spot for a room of ${app?.name ?? '?'}: no house or apartment has space for it.`, `FailedScheduling ${c.name}: ${message}`, [c.id, c.appId])
    }
    return false
  }
  c.placement = best.placement
  c.reason = ''
  reserveContainer(world, c, 1)
  world.stats.podsScheduled += 1
  if (log) logEvent(world, 'info', `The building manager puts a room of ${app?.name ?? '?'} in ${best.placement.kind === 'host' ? 'house' : 'apartment'} ${best.name}.`, `Scheduled ${c.name} to ${best.name}.`, [c.id, c.appId])
  return true
}

/** Score plugins as kube-scheduler names them; each scores 0–100 before its weight. */
export type ScorePlugin = 'TaintToleration' | 'NodeAffinity' | 'PodTopologySpread' | 'InterPodAffinity' | 'NodeResourcesFit' | 'NodeResourcesBalancedAllocation' | 'ImageLocality'

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
}

/**
 * Every node's filter result and score for a pod, as if it were being scheduled now (its own
 * reservation taken out, so its current node is judged fairly). Read-only: the world is unchanged.
 */
export function explainPlacement(world: World, containerId: string): NodeVerdict[] {
  const c = world.containers[containerId]
  if (!c) return []
  const os = world.images[c.imageId]?.os ?? 'linux'
  const mem = containerMemMiB(c)
  const cpu = c.cpuRequestMilli
  const here = c.placement
  const same = (p: Placement) => !!here && p.kind === here.kind && (p.kind === 'host' ? p.hostId === (here as { hostId: string }).hostId : p.vmId === (here as { vmId: string }).vmId)
  return schedulableNodes(world).map((node) => {
    const current = same(node.placement)
    // Judge the current node without this pod's own reservation.
    const view: NodeView = current && c.state !== 'pending' ? { ...node, target: { ...node.target, cpuMilli: node.target.cpuMilli - cpu, memMiB: node.target.memMiB - mem, pods: node.target.pods - 1 } } : node
    const code = filterNode(view, cpu, mem, os)
    if (code !== 'ok') return { name: node.name, placement: node.placement, feasible: false, failure: FILTER_TEXT[code], scores: {}, total: 0, current }
    const fc = (view.target.cpuMilli + cpu) / view.capCpu
    const fm = (view.target.memMiB + mem) / view.capMem
    const least = ((1 - fc) * 100 + (1 - fm) * 100) / 2
    const total = scoreNode(view, cpu, mem)
    return { name: node.name, placement: node.placement, feasible: true, failure: null, scores: { NodeResourcesFit: least, NodeResourcesBalancedAllocation: total - least }, total, current }
  })
}
