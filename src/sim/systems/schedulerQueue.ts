/**
 * kube-scheduler's unschedulable pods (pkg/scheduler/backend/queue/scheduling_queue.go, unschedulablePods): a pod that
 * fits nowhere is not retried on every pass. It waits there until a cluster event could make it fit (a node added or
 * changed, a pod bound or deleted) moves it back to the active queue, or until it has waited
 * DefaultPodMaxInUnschedulablePodsDuration (5 min; flushUnschedulablePodsLeftover runs every 30 s).
 *
 * Here the queue is kept per pod shape (what the scheduler's in-pass failures are keyed by), beside the world rather
 * than in it, like the room list: it holds nothing a retry would not find again. A shape is parked only after a pass
 * that bound and preempted nothing (so the cluster it failed against is the one left at the end of the pass), and only
 * when preemption could not help it (no priority class lower than its own: DefaultPreemption would find no victim).
 * The cluster events are read from the world itself (the nodes' state and reservations, the binds, the player's
 * commands), never fewer than kube-scheduler reacts to: so a parked pod that could now fit is always tried again, and
 * the world steps exactly as if every pending pod were retried on every pass.
 *
 * Simplification: a pod moved back is tried at once; kube-scheduler first waits out its backoff (1 s, doubling, 10 s at
 * most: DefaultPodInitialBackoffDuration, DefaultPodMaxBackoffDuration).
 */
import { hostList } from '../containerIndex'
import type { Container, World } from '../types'
import { commandCount, scaledDelay } from '../world'
import { Mark, ShapeMap } from './schedulerState'

/** DefaultPodMaxInUnschedulablePodsDuration: a pod that waited this long in unschedulablePods is tried again. */
export const UNSCHEDULABLE_FLUSH = {
  ms: 5 * 60_000,
  source: 'kube-scheduler pkg/scheduler/backend/queue/scheduling_queue.go: DefaultPodMaxInUnschedulablePodsDuration 5 min',
}

/** Switch for tests (false: every pending pod is tried on every pass), and how many pod tries parking has saved. */
export const UNSCHEDULABLE_QUEUE = { enabled: true, skipped: 0 }

export interface Parked {
  message: string
  sinceMs: number
}

interface Queue {
  parked: ShapeMap<Parked>
  size: number
  /** What the cluster looked like when the shapes were parked (see clusterMark). */
  mark: unknown[]
}

const queues = new WeakMap<World, Queue>()

/**
 * Writes what a pod's filters read from the cluster into `mark`, and says whether it is what `mark` held: the houses
 * and apartments (standing, Ready, cordoned, taints, what is reserved on them: every pod that arrives or leaves moves
 * it), the binds so far, the pods holding a nominated node, and the commands applied (labels, rules, capacity).
 */
function clusterMark(world: World, nominated: readonly Container[], mark: unknown[]): boolean {
  const m = new Mark(mark)
  const put = (v: unknown): void => m.put(v)
  put(commandCount(world))
  put(world.stats.podsScheduled)
  const hosts = hostList(world)
  put(hosts)
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!
    put(h)
    put(h.power)
    put(h.condition)
    put(h.unschedulable)
    put(h.taints)
    put(h.taints.length)
    put(h.alloc.cpuMilli)
    put(h.alloc.memMiB)
    put(h.alloc.pods)
    put(h.alloc.vcpus)
  }
  for (const id in world.vms) {
    const vm = world.vms[id]!
    put(vm)
    put(vm.state)
    put(vm.taints)
    put(vm.taints.length)
    put(vm.alloc.cpuMilli)
    put(vm.alloc.memMiB)
    put(vm.alloc.pods)
  }
  for (const c of nominated) {
    put(c)
    put(c.nominatedNode)
  }
  return m.end()
}

function queueOf(world: World): Queue {
  let q = queues.get(world)
  if (!q) queues.set(world, (q = { parked: new ShapeMap(), size: 0, mark: [] }))
  return q
}

/**
 * At the start of a pass: the parked shapes that stay parked, or null when none does (a cluster event moved them all
 * back). `pending` is the pass's pending pods (those holding a nominated node are part of the cluster's state).
 */
export function parkedShapes(world: World, pending: readonly Container[]): ShapeMap<Parked> | null {
  const q = queues.get(world)
  if (!q || q.size === 0 || !UNSCHEDULABLE_QUEUE.enabled) return null
  if (!clusterMark(world, nominatedOf(pending), q.mark)) {
    q.parked = new ShapeMap()
    q.size = 0
    return null
  }
  return q.parked
}

/** Shapes parked at or before this time have waited out the flush: their pods are tried again (and parked anew if they fail). */
export function flushTime(world: World): number {
  return world.timeMs - scaledDelay(world, UNSCHEDULABLE_FLUSH.ms)
}

/**
 * At the end of a pass that bound and preempted nothing: park the shapes that failed in it (each with its message and
 * the pod it was tried with), and take the cluster's mark they failed against.
 */
export function park(world: World, pending: readonly Container[], failed: readonly { pod: Container; message: string }[]): void {
  if (failed.length === 0 || !UNSCHEDULABLE_QUEUE.enabled) return
  const q = queueOf(world)
  for (const { pod, message } of failed) {
    if (!q.parked.get(pod)) q.size++
    q.parked.set(pod, { message, sinceMs: world.timeMs })
  }
  clusterMark(world, nominatedOf(pending), q.mark)
}

const nominatedOf = (pending: readonly Container[]): Container[] => pending.filter((c) => c.nominatedNode !== null)
