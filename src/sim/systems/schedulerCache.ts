/**
 * The scheduler's view of the cluster kept from one pass to the next, as kube-scheduler keeps its cache and snapshot
 * and updates them from informer events rather than rebuilding them per pod. At 5,000 nodes, building the node list,
 * its label indexes and each pending app's pods per node took most of a pass that placed the 30 pods of one evicted
 * house. A kept view is reused only when it cannot differ from a fresh one:
 *   - the nodes are the same, in the same order, with the same labels, capacity and status (nodeMark below; any
 *     command counts as a change, since commands edit labels, rules and capacity in place); their taints are read
 *     afresh each pass;
 *   - the pods that arrived or left since (containerIndex.ts journals every reservation) are replayed into the kept
 *     per-app counts, exactly as the pass itself notes its own binds (notePodMoved).
 * What is read fresh every pass: the nominated pods, ImageLocality's layers (a pull adds to a node's cache in place),
 * the pods per node for preemption, and which apps the pass counts.
 */
import { hostList, takePodMoves } from '../containerIndex'
import type { Host, Vm, World } from '../types'
import { commandCount } from '../world'
import { Mark, newSchedCtx, nonZeroExtra, notePodMoved, schedulableNodes } from './schedulerState'
import type { SchedCtx } from './schedulerState'

interface Kept {
  ctx: SchedCtx
  mark: unknown[]
  /** The house or apartment behind each node of ctx.nodes. */
  sources: (Host | Vm)[]
}

const kept = new WeakMap<World, Kept>()

/** Switch for tests (false: a fresh view every pass), and how many passes reused a kept one. */
export const SCHEDULER_CACHE = { enabled: true, reused: 0 }

/** Writes what the node list is built from into `mark`; says whether it is what `mark` held. */
function nodeMark(world: World, mark: unknown[]): boolean {
  const m = new Mark(mark)
  const put = (v: unknown): void => m.put(v)
  put(commandCount(world))
  const hosts = hostList(world)
  put(hosts)
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!
    put(h)
    put(h.power)
    put(h.condition)
    put(h.unschedulable)
    put(h.labels)
    put(h.alloc)
    put(h.cachedLayers)
  }
  for (const id in world.vms) {
    const vm = world.vms[id]!
    put(vm)
    put(vm.state)
    put(vm.hostId)
    put(world.hosts[vm.hostId]?.power)
    put(vm.labels)
    put(vm.alloc)
    put(vm.cachedLayers)
  }
  return m.end()
}

/** The view for this pass: the kept one brought up to date, or a fresh one. */
export function passContext(world: World): SchedCtx {
  const moves = takePodMoves(world)
  const k = kept.get(world)
  if (k && moves && SCHEDULER_CACHE.enabled && nodeMark(world, k.mark)) {
    const ctx = k.ctx
    ctx.nominated = []
    ctx.countApps = null
    ctx.imageRaw = new Map()
    ctx.podsByNode = null
    ctx.moved = []
    // Taints are read afresh (the node lifecycle controller adds one to a house of a dead zone every 10 s).
    ctx.anyPreferNoSchedule = false
    ctx.anyHardTaint = false
    k.sources.forEach((n, i) => {
      ctx.nodes[i]!.taints = n.taints
      for (const t of n.taints) {
        if (t.effect === 'PreferNoSchedule') ctx.anyPreferNoSchedule = true
        else ctx.anyHardTaint = true
      }
    })
    for (const m of moves) {
      const i = ctx.byId.get(m.nodeId)
      if (i === undefined) continue
      notePodMoved(ctx, m.c, i, m.sign)
      if (m.c.cpuRequestMilli === 0 || m.c.memRequestMiB === 0) {
        const x = nonZeroExtra(m.c)
        ctx.nodes[i]!.nonZero.cpu += m.sign * x.cpu
        ctx.nodes[i]!.nonZero.mem += m.sign * x.mem
      }
    }
    SCHEDULER_CACHE.reused++
    return ctx
  }
  const ctx = newSchedCtx(world, schedulableNodes(world))
  const mark: unknown[] = []
  nodeMark(world, mark)
  const sources = ctx.nodes.map((n) => (n.placement.kind === 'host' ? world.hosts[n.placement.hostId]! : world.vms[n.placement.vmId]!))
  kept.set(world, { ctx, mark, sources })
  return ctx
}

/** The pass is over: what it bound and deleted is in the kept view already, so the journal starts again from here. */
export function endPass(world: World): void {
  takePodMoves(world)
}
