/**
 * The scheduler's view of the cluster kept from one pass to the next, as kube-scheduler keeps its cache and snapshot
 * and updates them from informer events rather than rebuilding them per pod. At 5,000 nodes, building the node list,
 * its label indexes and each pending app's pods per node took most of a pass that placed the 30 pods of one evicted
 * house. A kept view is reused only when it cannot differ from a fresh one:
 *   - the nodes are the same, in the same order, with the same labels and capacity (nodeMark below; any command counts
 *     as a change, since commands edit labels, rules and capacity in place, but those of STATUS_COMMANDS, which only
 *     power houses off or on and move pods, what the mark and the journal follow). What a node's status changes is read
 *     afresh each pass: whether it is offered at all is in the mark (a house going Unknown in a zone outage stays a
 *     node, so the view is kept), and its taints and cordon (NodeUnschedulable) are copied from the house each pass,
 *     the only fields of a NodeView that status changes move;
 *   - the pods that arrived or left since (containerIndex.ts journals every reservation) are replayed into the kept
 *     per-app counts, exactly as the pass itself notes its own binds (notePodMoved).
 * The fast path's kinds and their per-node verdicts are kept with the view (passKinds says why they cannot differ from
 * new ones): a zone outage at L evicts a house's 30 pods every 10 s, and judging the 5,000 nodes anew for each pass
 * was most of its cost.
 * What is read fresh every pass: the nominated pods, ImageLocality's layers (a pull adds to a node's cache in place;
 * kept verdicts start afresh when any did), the pods per node for preemption, and which apps the pass counts.
 */
import { hostList, takePodMoves } from '../containerIndex'
import type { Host, Taint, Vm, World } from '../types'
import { commandCount } from '../world'
import { hostOffered, Mark, newSchedCtx, nonZeroExtra, notePodMoved, schedulableNodes, vmOffered } from './schedulerState'
import type { SchedCtx } from './schedulerState'
import { newKindCache } from './schedulerKinds'
import type { KindCache } from './schedulerKinds'

interface Kept {
  ctx: SchedCtx
  mark: unknown[]
  /** The house or apartment behind each node of ctx.nodes. */
  sources: (Host | Vm)[]
  /** The fast path's kinds (schedulerKinds.ts), kept with the view: passKinds says why they stay true. */
  kinds: KindCache
  /** Per node, as the last pass left it: its taints (the array and its length), its cordon and its reservations. */
  taints: Taint[][]
  taintCount: Int32Array
  cordoned: Uint8Array
  cpu: Float64Array
  mem: Float64Array
  pods: Float64Array
  /** Whether some node had a PreferNoSchedule taint, some node a hard one, and all nodes' cached layers, counted. */
  anyPreferNoSchedule: boolean
  anyHardTaint: boolean
  layers: number
}

/**
 * The kinds are started afresh when ctx.moved (the nodes changed since they were started, which each set of verdicts
 * catches up on) grows past this many per node: catching up costs less than judging anew only while the list is short
 * (placing 150,000 pods leaves 150,000 entries).
 */
const MOVED_PER_NODE = 4

const kept = new WeakMap<World, Kept>()

/**
 * Switch for tests (false: a fresh view every pass), how many passes reused a kept one, and how many of those kept the
 * fast path's verdicts of earlier passes.
 */
export const SCHEDULER_CACHE = { enabled: true, reused: 0, keptVerdicts: 0 }

/**
 * Commands that change nothing a kept view is built from but what nodeMark and the pod journal follow: a house burning
 * (failHost, failZone: its power, its apartments' state, its rooms lost; commands/hosts.ts burn) and the classroom
 * clock (setDelayScale). Any other command makes the next pass build its view afresh.
 */
const STATUS_COMMANDS: ReadonlySet<string> = new Set(['failHost', 'failZone', 'setDelayScale'])

/** Writes what the node list is built from into `mark`; says whether it is what `mark` held. */
function nodeMark(world: World, mark: unknown[]): boolean {
  const m = new Mark(mark)
  const put = (v: unknown): void => m.put(v)
  put(commandCount(world, STATUS_COMMANDS))
  const hosts = hostList(world)
  put(hosts)
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!
    put(h)
    put(hostOffered(h))
    put(h.labels)
    put(h.alloc)
    put(h.cachedLayers)
  }
  for (const id in world.vms) {
    const vm = world.vms[id]!
    put(vm)
    put(vmOffered(world, vm))
    put(vm.hostId)
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
    // Taints and cordons are read afresh (the node lifecycle controller adds a taint to a house of a dead zone every
    // 10 s; the cluster autoscaler cordons a house it removes). A node whose taints, cordon or reservations changed
    // since the last pass by any other way than a pod's move (a live migration moves an apartment's reservation, the
    // hypervisor lifts a taint) is marked as moved, as a pod's arrival marks it: the kinds judge it again.
    ctx.anyPreferNoSchedule = false
    ctx.anyHardTaint = false
    let layers = 0
    for (let i = 0; i < k.sources.length; i++) {
      const n = k.sources[i]!
      const node = ctx.nodes[i]!
      const taints = n.taints
      const cordoned = node.placement.kind === 'host' ? (n as Host).unschedulable : false
      node.taints = taints
      node.unschedulable = cordoned
      let closed = cordoned
      for (const t of taints) {
        if (t.effect === 'PreferNoSchedule') ctx.anyPreferNoSchedule = true
        else {
          ctx.anyHardTaint = true
          closed = true
        }
      }
      ctx.closed[i] = closed ? 1 : 0
      layers += n.cachedLayers.length
      const target = node.target
      if (
        k.taints[i] !== taints ||
        k.taintCount[i] !== taints.length ||
        k.cordoned[i] !== (cordoned ? 1 : 0) ||
        k.cpu[i] !== target.cpuMilli ||
        k.mem[i] !== target.memMiB ||
        k.pods[i] !== target.pods
      ) {
        ctx.nodeVersion[i]! += 1
        ctx.moved.push(i)
      }
    }
    // The kinds are started afresh when what every kind was worked out from changed: which filters can fail at all
    // (TaintToleration only where some node has a hard taint: podInfo), whether soft taints are scored, or any node's
    // cached layers (ImageLocality's scores over all nodes; a pull only adds layers, so the count says whether any came).
    if (
      ctx.anyPreferNoSchedule !== k.anyPreferNoSchedule ||
      ctx.anyHardTaint !== k.anyHardTaint ||
      layers !== k.layers ||
      ctx.moved.length > MOVED_PER_NODE * ctx.nodes.length
    ) {
      k.kinds = newKindCache()
      ctx.moved = []
    } else if (k.kinds.verdicts.size > 0) SCHEDULER_CACHE.keptVerdicts++
    k.anyPreferNoSchedule = ctx.anyPreferNoSchedule
    k.anyHardTaint = ctx.anyHardTaint
    k.layers = layers
    SCHEDULER_CACHE.reused++
    return ctx
  }
  const ctx = newSchedCtx(world, schedulableNodes(world))
  const mark: unknown[] = []
  nodeMark(world, mark)
  const sources = ctx.nodes.map((n) => (n.placement.kind === 'host' ? world.hosts[n.placement.hostId]! : world.vms[n.placement.vmId]!))
  const n = ctx.nodes.length
  let layers = 0
  for (const s of sources) layers += s.cachedLayers.length
  kept.set(world, {
    ctx,
    mark,
    sources,
    kinds: newKindCache(),
    taints: sources.map((s) => s.taints),
    taintCount: Int32Array.from(sources, (s) => s.taints.length),
    cordoned: Uint8Array.from(ctx.nodes, (node) => (node.unschedulable ? 1 : 0)),
    cpu: new Float64Array(n),
    mem: new Float64Array(n),
    pods: new Float64Array(n),
    anyPreferNoSchedule: ctx.anyPreferNoSchedule,
    anyHardTaint: ctx.anyHardTaint,
    layers,
  })
  return ctx
}

/**
 * The fast path's kinds for this pass (after passContext): those of the last passes while the view is kept. A kept
 * kind cannot differ from a new one. Its PodInfo is the same: the pod's shape and app are the same (apps' rules change
 * only by command, and a command builds the view afresh), its spread counts are the view's own live ones, and which
 * filters can fail is the same (else the kinds start afresh). Its verdict and scores on a node read only that node's
 * taints, cordon, reservations and request-less pods, its labels and capacity (the view's), the nominations (a kind is
 * used only in a pass without any) and the app's tolerations: a node whose taints, cordon or reservations changed in
 * any way since the verdict was taken has been marked as moved (passContext, notePodMoved), and the kind judges such a
 * node again before it uses it (sample). Its ImageLocality scores read every node's cached layers: when any changed,
 * the kinds start afresh.
 */
export function passKinds(world: World): KindCache {
  return kept.get(world)!.kinds
}

/**
 * The pass is over: what it bound and deleted is in the kept view already, so the journal starts again from here; and
 * the nodes' taints, cordons and reservations are written down, for the next pass to see what changed in between.
 */
export function endPass(world: World): void {
  takePodMoves(world)
  const k = kept.get(world)
  if (!k) return
  const nodes = k.ctx.nodes
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    k.taints[i] = node.taints
    k.taintCount[i] = node.taints.length
    k.cordoned[i] = node.unschedulable ? 1 : 0
    k.cpu[i] = node.target.cpuMilli
    k.mem[i] = node.target.memMiB
    k.pods[i] = node.target.pods
  }
}
