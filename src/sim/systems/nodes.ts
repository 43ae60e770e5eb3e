/**
 * Node lifecycle controller (FIDELITY.md "Node failure detection", "Eviction from a lost node"). The
 * control plane only learns a node is gone when its heartbeats stop for the grace period (50 s): until
 * then the node reads Ready and its pods stay Ready in their Services' endpoints, so visitors sent to
 * them fail. At the grace period its Ready condition turns Unknown (kubectl: NotReady), it gets the
 * `node.kubernetes.io/unreachable` NoSchedule taint, its pods are marked not ready (out of endpoints),
 * and the NoExecute taint follows at the zone's eviction rate; pods tolerate that for 300 s, then are
 * evicted and their ReplicaSets recreate them elsewhere. It does not repair the machine: that is the
 * infrastructure layer's job.
 */
import { NODE_LIFECYCLE } from '../constants'
import { deleteContainer } from '../containers'
import { logEvent } from '../events'
import { say } from '../messages'
import type { Container, Host, Taint, Vm, World, ZoneState } from '../types'
import { scaledDelay } from '../world'
import { hostList, lostRoomsByNode, noteManyServing } from '../containerIndex'

export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable'

const isUnreachableTaint = (t: Taint, effect: Taint['effect']): boolean => t.key === UNREACHABLE_TAINT_KEY && t.effect === effect

/** The node's unreachable taint of this effect, if it has one (a loop, not taints.find: no closure per node and step). */
function unreachableTaint(n: Host | Vm, effect: Taint['effect']): Taint | undefined {
  for (const t of n.taints) if (isUnreachableTaint(t, effect)) return t
  return undefined
}

/** The zone a node is in: a VM is in its host's. */
function zoneOf(world: World, n: Host | Vm): string {
  return 'zone' in n ? n.zone : (world.hosts[n.hostId]?.zone ?? '')
}

/** Registered nodes (Ready or lost), the ones the controller counts per zone; lots on order and booting VMs are not. */
function registered(n: Host | Vm): boolean {
  return n.condition === 'Ready' || n.condition === 'Unknown'
}

/**
 * Heartbeats stopped for the grace period: Ready → Unknown, the NoSchedule taint, its pods out of endpoints.
 * All the nodes that reach it in one step are marked together; their pods are found in the index of lost rooms.
 */
function markUnknown(world: World, lost: { n: Host | Vm; kind: 'host' | 'vm' }[], grace: number, toleration: number): void {
  const pods = new Array<number>(lost.length).fill(0)
  // Only the rooms lost on these nodes, from the per-node index of lost rooms (containerIndex.ts): a node that went down
  // lost every room on it (commands/hosts.ts burn, containers.ts vmDown), and none comes back while it is down. A walk
  // over all 150,000 rooms here was the noticing step's longest part. The index holds each room once, and no deleted
  // room that is still lost (noteContainerRemoved takes it out); rooms that since left that state are skipped.
  const index = lostRoomsByNode(world)
  for (let i = 0; i < lost.length; i++) {
    const { n, kind } = lost[i]!
    const rooms = (kind === 'host' ? index.hosts : index.vms).get(n.id)
    if (!rooms) continue
    let ready = 0
    for (let at = 0; at < rooms.length; at++) {
      const c = rooms[at]!
      if (c.state !== 'lost') continue
      if (c.ready) ready += 1
      c.ready = false
    }
    pods[i] = ready
  }
  // Tens of thousands of rooms out of the endpoints at once: the doorman counts all apps again rather than note each.
  noteManyServing(world)
  lost.forEach(({ n, kind }, i) => {
    n.condition = 'Unknown'
    if (!n.taints.some((t) => isUnreachableTaint(t, 'NoSchedule')))
      n.taints.push({ key: UNREACHABLE_TAINT_KEY, value: '', effect: 'NoSchedule' })
    const what = kind === 'host' ? 'house' : 'apartment'
    const seconds = { grace: grace / 1000, toleration: toleration / 1000 }
    logEvent(world, 'warn', say('nodes.notReady', { what, node: n.name, pods: pods[i]!, taint: UNREACHABLE_TAINT_KEY, ...seconds }), [n.id])
  })
}

/** Heartbeats again: Ready, and the controller lifts its unreachable taints. */
function markReady(n: Host | Vm): void {
  n.condition = 'Ready'
  if (n.taints.some((t) => t.key === UNREACHABLE_TAINT_KEY)) n.taints = n.taints.filter((t) => t.key !== UNREACHABLE_TAINT_KEY)
}

/**
 * ComputeZoneState: FullDisruption when no node of the zone is Ready; PartialDisruption when more than two
 * are not Ready and they are at least 55 % of it; else Normal.
 */
function zoneStates(world: World, nodes: readonly (Host | Vm)[]): Map<string, { state: ZoneState; size: number }> {
  const counts = new Map<string, { ready: number; notReady: number }>()
  for (const n of nodes) {
    if (!registered(n)) continue
    const z = zoneOf(world, n)
    let e = counts.get(z)
    if (!e) counts.set(z, (e = { ready: 0, notReady: 0 }))
    if (n.condition === 'Ready') e.ready += 1
    else e.notReady += 1
  }
  const out = new Map<string, { state: ZoneState; size: number }>()
  for (const [z, e] of counts) {
    const size = e.ready + e.notReady
    const state: ZoneState =
      e.ready === 0 && e.notReady > 0
        ? 'FullDisruption'
        : e.notReady > 2 && e.notReady / size >= NODE_LIFECYCLE.unhealthyZoneThreshold
          ? 'PartialDisruption'
          : 'Normal'
    out.set(z, { state, size })
  }
  return out
}

/** Say once when a zone's eviction policy changes (the controller logs "Controller detected that zone ... is now in state"). */
function noteZones(world: World, zones: Map<string, { state: ZoneState; size: number }>, allDark: boolean): void {
  const before = world.zoneStates ?? {}
  const now: Record<string, ZoneState> = {}
  for (const [z, { state }] of zones) if (state !== 'Normal') now[z] = state
  for (const [z, { state, size }] of zones) {
    if ((before[z] ?? 'Normal') === state) continue
    const why =
      state === 'Normal'
        ? 'evictions at the normal rate (0.1 nodes/s)'
        : allDark
          ? 'every zone has lost all its nodes: the controller assumes its own network failed and evicts nothing'
          : state === 'FullDisruption'
            ? 'no node of it is Ready; evictions at the normal rate (0.1 nodes/s)'
            : size <= NODE_LIFECYCLE.largeClusterSizeThreshold
              ? `≥ 55 % of its nodes NotReady in a small zone (${size} ≤ 50 nodes): evictions stop there`
              : '≥ 55 % of its nodes NotReady: evictions slow to 0.01 nodes/s'
    logEvent(world, state === 'Normal' ? 'info' : 'warn', say('nodes.zoneDisruption', { state, why, zone: z }), [])
  }
  // Cleared, not deleted: the world keeps its shape (world.ts createWorld).
  world.zoneStates = Object.keys(now).length === 0 ? undefined : now
}

export function nodeLifecycle(world: World): void {
  const grace = scaledDelay(world, NODE_LIFECYCLE.gracePeriodMs)
  const toleration = scaledDelay(world, NODE_LIFECYCLE.evictionTolerationMs)
  let anyUnknown = false
  const lost: { n: Host | Vm; kind: 'host' | 'vm' }[] = []
  for (const host of hostList(world)) {
    if (host.downSinceMs === null) {
      // A lot still on order (power off, never joined) stays NotReady; a standing house heartbeats.
      if (host.condition !== 'Ready' && host.power === 'on') markReady(host)
      continue
    }
    if (host.condition === 'Ready' && world.timeMs - host.downSinceMs >= grace) lost.push({ n: host, kind: 'host' })
    else if (host.condition === 'Unknown') {
      anyUnknown = true
      // The controller keeps its taint on (a player who removes it sees it come back, as in Kubernetes).
      if (!unreachableTaint(host, 'NoSchedule')) host.taints.push({ key: UNREACHABLE_TAINT_KEY, value: '', effect: 'NoSchedule' })
    }
  }
  for (const vm of Object.values(world.vms)) {
    if (vm.downSinceMs === null) continue
    if (vm.condition === 'Ready' && world.timeMs - vm.downSinceMs >= grace) lost.push({ n: vm, kind: 'vm' })
    else if (vm.condition === 'Unknown') anyUnknown = true
  }
  if (lost.length > 0) {
    markUnknown(world, lost, grace, toleration)
    anyUnknown = true
  }
  if (!anyUnknown && !world.zoneStates) return
  // The houses' own list when there are no apartments (a big street): no 5,000-entry copy every step of an outage.
  const vms = Object.values(world.vms)
  const nodes: readonly (Host | Vm)[] = vms.length === 0 ? hostList(world) : [...hostList(world), ...vms]
  const zones = zoneStates(world, nodes)
  const allDark = zones.size > 0 && [...zones.values()].every((z) => z.state === 'FullDisruption')
  noteZones(world, zones, allDark)
  if (!anyUnknown) return
  // The NoExecute taint, per zone at its rate (a token bucket of one: the first at once, the next after the interval).
  const lastTaint = new Map<string, number>()
  for (const n of nodes)
    for (const t of n.taints)
      if (isUnreachableTaint(t, 'NoExecute') && t.timeAddedMs !== undefined)
        lastTaint.set(zoneOf(world, n), Math.max(lastTaint.get(zoneOf(world, n)) ?? -Infinity, t.timeAddedMs))
  const evictHosts = new Set<string>()
  const evictVms = new Set<string>()
  for (const n of nodes) {
    if (n.condition !== 'Unknown') continue
    const z = zoneOf(world, n)
    const taint = unreachableTaint(n, 'NoExecute')
    if (!taint) {
      const zone = zones.get(z)
      if (allDark || !zone) continue
      const interval =
        zone.state !== 'PartialDisruption'
          ? NODE_LIFECYCLE.evictionIntervalMs
          : zone.size <= NODE_LIFECYCLE.largeClusterSizeThreshold
            ? Infinity
            : NODE_LIFECYCLE.secondaryEvictionIntervalMs
      const last = lastTaint.get(z)
      if (interval === Infinity || (last !== undefined && world.timeMs - last < scaledDelay(world, interval))) continue
      n.taints.push({ key: UNREACHABLE_TAINT_KEY, value: '', effect: 'NoExecute', timeAddedMs: world.timeMs })
      lastTaint.set(z, world.timeMs)
      continue
    }
    // Taint manager: pods tolerate the NoExecute taint for tolerationSeconds (300 s by default), counted from timeAdded.
    if (world.timeMs - (taint.timeAddedMs ?? world.timeMs) >= toleration) ('zone' in n ? evictHosts : evictVms).add(n.id)
  }
  if (evictHosts.size === 0 && evictVms.size === 0) return
  // Only the rooms lost on these nodes, from the per-node index (walking all 150,000 rooms here every step of a zone
  // outage cost more than the rest of the controller); each node's rooms go in the order a walk of all would meet them.
  let evicted = 0
  const lostRooms = lostRoomsByNode(world)
  const evictFrom = (kind: 'host' | 'vm', id: string): void => {
    const byNode = kind === 'host' ? lostRooms.hosts : lostRooms.vms
    const rooms = byNode.get(id)
    if (!rooms) return
    const stay: Container[] = []
    for (const c of rooms) {
      if (world.containers[c.id] !== c || c.state !== 'lost' || !c.placement) continue
      const on = c.placement.kind === kind && (c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId) === id
      if (!on) continue
      if (!c.managed) {
        stay.push(c)
        continue
      }
      deleteContainer(world, c)
      evicted += 1
    }
    if (stay.length > 0) byNode.set(id, stay)
    else byNode.delete(id)
  }
  for (const id of evictHosts) evictFrom('host', id)
  for (const id of evictVms) evictFrom('vm', id)
  if (evicted > 0) {
    logEvent(world, 'warn', say('nodes.evicted', { evicted, toleration: toleration / 1000 }), [...evictHosts, ...evictVms])
  }
}

/**
 * The facts behind a node's condition as the inspector tells them: the state kubectl reads, how long the
 * control plane has heard nothing (and its grace period), when its pods go, or why their eviction waits.
 * Seconds are whole, never negative. nodeConditionText says them in English; the Spanish pack says them too.
 */
export type NodeConditionFacts =
  | { kind: 'ready' }
  | { kind: 'silent'; silentS: number; graceS: number }
  | { kind: 'notReady' }
  | { kind: 'unknown'; taints: string; evictInS: number | null; tolerationS: number; held: 'zone' | 'rate' | null }

export function nodeCondition(world: World, n: Host | Vm): NodeConditionFacts {
  const grace = scaledDelay(world, NODE_LIFECYCLE.gracePeriodMs)
  const toleration = scaledDelay(world, NODE_LIFECYCLE.evictionTolerationMs)
  const s = (ms: number) => Math.max(0, Math.round(ms / 1000))
  if (n.condition === 'Ready') {
    if (n.downSinceMs === null) return { kind: 'ready' }
    return { kind: 'silent', silentS: s(world.timeMs - n.downSinceMs), graceS: s(grace) }
  }
  if (n.condition === 'NotReady') return { kind: 'notReady' }
  const noExec = n.taints.find((t) => isUnreachableTaint(t, 'NoExecute'))
  const evictInS = noExec?.timeAddedMs !== undefined ? s(noExec.timeAddedMs + toleration - world.timeMs) : null
  return {
    kind: 'unknown',
    taints: n.taints
      .filter((t) => t.key === UNREACHABLE_TAINT_KEY)
      .map((t) => `${t.key}:${t.effect}`)
      .join(', '),
    evictInS,
    tolerationS: s(toleration),
    held: evictInS !== null ? null : world.zoneStates && Object.keys(world.zoneStates).length > 0 ? 'zone' : 'rate',
  }
}

/**
 * The node's condition in both vocabularies, for the inspector: the same state kubectl reads, with what it
 * means for the player (how long until the control plane notices, which taints, when its pods go).
 */
export function nodeConditionText(world: World, n: Host | Vm): { metaphor: string; technical: string } {
  const f = nodeCondition(world, n)
  switch (f.kind) {
    case 'ready':
      return { metaphor: 'answering the manager (Ready)', technical: 'Ready' }
    case 'silent':
      return {
        metaphor:
          `Ready, as far as the manager knows: no call for ${f.silentS} s; it notices at ${f.graceS} s. ` +
          'Until then visitors are still sent to its rooms, and fail.',
        technical:
          `Ready (no heartbeat for ${f.silentS} s; node-monitor-grace-period ${f.graceS} s). ` +
          'Its pods are still Ready Service endpoints: requests sent to them fail.',
      }
    case 'notReady':
      return { metaphor: 'not taking rooms yet', technical: 'NotReady (KubeletNotReady)' }
    case 'unknown': {
      const evict =
        f.evictInS !== null
          ? `pods evicted in ${f.evictInS} s (tolerationSeconds ${f.tolerationS} s)`
          : f.held === 'zone'
            ? 'NoExecute taint held back: zone disruption rules stop or slow evictions (see the log)'
            : 'NoExecute taint waits for the eviction rate limit (0.1 nodes/s per zone)'
      return {
        metaphor: `Not answering: the manager stopped sending visitors to its rooms and put up "unreachable" signs; ${
          f.evictInS !== null ? `it moves the rooms in ${f.evictInS} s` : 'their move waits'
        }.`,
        technical: `Unknown (kubectl: NotReady), NodeStatusUnknown: Kubelet stopped posting node status. Taints ${f.taints}; ${evict}.`,
      }
    }
  }
}
