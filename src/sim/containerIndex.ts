/**
 * A derived, in-memory list of the world's containers, kept beside the world (never inside it,
 * so the world stays plain data). V8 takes ~75 ms to walk a 150,000-key object with
 * Object.values; the systems walk this array instead. Its order is the record's insertion order,
 * exactly what Object.values would give, so a saved-and-loaded world steps identically.
 * Containers are only ever added with newContainer and removed with deleteContainer, which keep it in step.
 * Removals are noted and swept out in one pass on the next use (rebuilding from the record would
 * cost that ~75 ms again on every step that evicts a pod at 150,000).
 */
import type { Container, Host, World } from './types'

const lists = new WeakMap<World['containers'], Container[]>()
const removed = new WeakMap<World['containers'], Set<Container>>()
/** Containers removed and not yet swept out of their world's list, over all worlds (0 nearly always). */
let pendingRemovals = 0
/** The first calls of a process take the long way too (see containerList). */
let warmingCalls = 500

export function containerList(world: World): Container[] {
  // The common case only: this function is small and every system inlines it; the build and the sweep are in listAfresh.
  // V8 optimises a system's code for what it has seen: had this call never run before, a first removal (the first
  // eviction of a zone outage, after 350 steps) would meet it as new code and throw that system back to the interpreter,
  // its loop over 150,000 rooms with it (10-15 ms). So the first calls of a process make it (V8 records what a function
  // calls only from its first few dozen runs on).
  const list = lists.get(world.containers)
  if (list !== undefined && pendingRemovals === 0 && warmingCalls === 0) return list
  return listAfresh(world)
}

/** The list built, or swept of the containers removed since the last use. */
function listAfresh(world: World): Container[] {
  if (warmingCalls > 0) warmingCalls--
  let list = lists.get(world.containers)
  if (!list) {
    list = Object.values(world.containers)
    lists.set(world.containers, list)
  } else {
    const gone = removed.get(world.containers)
    if (gone && gone.size > 0) {
      // A new array: a caller may still be walking the old one while it deletes. Removing keeps the order.
      const ordered = inIdOrder.get(list)
      list = sweep(list, gone)
      if (ordered !== undefined) inIdOrder.set(list, ordered)
      lists.set(world.containers, list)
      pendingRemovals -= gone.size
      gone.clear()
    }
  }
  return list
}

/**
 * Whether room a was made before room b, by their ids (world.ts newId numbers them in the order they are made: 'c9'
 * before 'c10'), compared as strings without parsing them.
 */
export function idBefore(a: Container, b: Container): boolean {
  return a.id.length !== b.id.length ? a.id.length < b.id.length : a.id < b.id
}

/** Whether a list is in the order of its rooms' ids (checked once per list, kept up as rooms are added and removed). */
const inIdOrder = new WeakMap<Container[], boolean>()

/**
 * Whether the world's room list is in the order of the rooms' ids: then the rooms of any smaller list sorted by id meet
 * in the same order as in a walk of all of them (systems/kubelet.ts). True for every world made by the commands.
 */
export function roomsInIdOrder(world: World): boolean {
  const list = containerList(world)
  let ordered = inIdOrder.get(list)
  if (ordered === undefined) {
    ordered = true
    for (let at = 1; at < list.length && ordered; at++) ordered = idBefore(list[at - 1]!, list[at]!)
    inIdOrder.set(list, ordered)
  }
  return ordered
}

/**
 * Rooms whose state or deletion mark changed, or that were made (containers.ts setContainerState, terminatePod,
 * newContainer; the hypervisor's restart of an apartment's rooms), recorded for kubelet once it keeps the rooms that
 * need it between steps (systems/kubelet.ts): any other room is as it left it. Null until kubelet asks.
 */
const touched = new WeakMap<World['containers'], Container[]>()

export function noteContainerTouched(world: World, c: Container): void {
  touched.get(world.containers)?.push(c)
  noteAppTouched(world, c.appId)
}

/**
 * The apps one of whose rooms was touched, made or removed, recorded for each reader once it keeps figures between steps:
 * the ReplicaSet controller's census (systems/replicaset.ts) and the kernels' accounting (systems/cgroups.ts). Any
 * other app's rooms are as they were. Null until the reader asks.
 */
export type AppsReader = 'census' | 'cgroups' | 'traffic'
const appsTouchedFor: Record<AppsReader, WeakMap<World['containers'], Set<string>>> = {
  census: new WeakMap(),
  cgroups: new WeakMap(),
  traffic: new WeakMap(),
}

function noteAppTouched(world: World, appId: string): void {
  appsTouchedFor.census.get(world.containers)?.add(appId)
  appsTouchedFor.cgroups.get(world.containers)?.add(appId)
  appsTouchedFor.traffic.get(world.containers)?.add(appId)
}

/**
 * A room's readiness, hang or speed changed outside a state change (probes, the node lifecycle controller, chaos, the
 * kernels' accounting): the doorman counts its app's rooms again (systems/traffic.ts).
 */
export function noteRoomServing(world: World, c: Container): void {
  appsTouchedFor.traffic.get(world.containers)?.add(c.appId)
}

/**
 * Many rooms' readiness changed at once (a zone noticed lost): the doorman counts every app again (its per-app count, run
 * every step, rather than a walk over all rooms that runs too seldom for V8 to have optimised it).
 */
export function noteManyServing(world: World): void {
  const apps = appsTouchedFor.traffic.get(world.containers)
  if (apps) for (const id in world.apps) apps.add(id)
}

/** The apps touched since this reader's last call (null when none were being recorded), and a fresh record started. */
export function takeAppsTouched(world: World, reader: AppsReader): Set<string> | null {
  const since = appsTouchedFor[reader].get(world.containers) ?? null
  appsTouchedFor[reader].set(world.containers, new Set())
  return since
}

/** The rooms touched since the last call (null when none were being recorded), and a fresh record started. */
export function takeTouched(world: World): Container[] | null {
  const since = touched.get(world.containers) ?? null
  touched.set(world.containers, [])
  return since
}

/** Where a room is in a list in its rooms' id order (binary search), or -1; indexOf if the search misses it. */
function findById(list: Container[], c: Container): number {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const m = list[mid]!
    if (m === c) return mid
    if (idBefore(m, c)) lo = mid + 1
    else hi = mid - 1
  }
  return list.indexOf(c)
}

/**
 * The list without the removed containers. A few (an evicted house's pods) are found with indexOf, a pointer comparison
 * V8 runs natively, and the rest copied in slices: a third of the time of filtering 150,000 rooms through Set.has.
 */
function sweep(list: Container[], gone: Set<Container>): Container[] {
  if (gone.size > 64) return list.filter((c) => !gone.has(c))
  const ordered = inIdOrder.get(list) === true
  const at: number[] = []
  for (const c of gone) {
    // In a list in its rooms' id order, a binary search (18 looks at 150,000 rooms) instead of a walk of half the list.
    const i = ordered ? findById(list, c) : list.indexOf(c)
    if (i >= 0) at.push(i)
  }
  at.sort((a, b) => a - b)
  const parts: Container[][] = []
  let from = 0
  for (const i of at) {
    parts.push(list.slice(from, i))
    from = i + 1
  }
  parts.push(list.slice(from))
  return parts.length === 1 ? parts[0]! : ([] as Container[]).concat(...parts)
}

/**
 * The containers of each app, in the same order as containerList (a container's app never changes),
 * built on first use and kept in step like the list: the scheduler counts the pods of the apps it
 * places without walking all 150,000 (a zone's evicted pods come back a house at a time).
 */
const byApp = new WeakMap<World['containers'], { apps: Map<string, Container[]>; stale: Map<string, Container[] | 'many'> }>()

export function containersOfApp(world: World, appId: string): readonly Container[] {
  let index = byApp.get(world.containers)
  if (!index) {
    const apps = new Map<string, Container[]>()
    for (const c of containerList(world)) {
      const list = apps.get(c.appId)
      if (list) list.push(c)
      else apps.set(c.appId, [c])
    }
    byApp.set(world.containers, (index = { apps, stale: new Map() }))
  }
  let list = index.apps.get(appId)
  const gone = index.stale.get(appId)
  if (list && gone) {
    // Removed containers are swept from an app's list on its next use, as from the room list, into a new array. A few
    // (an evicted house's pods: one or two per app) are found by identity; after many, each room is looked up.
    if (gone !== 'many') {
      list = list.slice()
      for (const c of gone) {
        const at = list.lastIndexOf(c)
        if (at >= 0) list.splice(at, 1)
      }
    } else list = list.filter((c) => world.containers[c.id] === c)
    index.apps.set(appId, list)
  }
  if (gone) index.stale.delete(appId)
  return list ?? []
}

/**
 * The rooms not placed yet, in containerList order: a superset (it may still hold rooms placed or removed since; a
 * caller checks each and hands back the list without them, keepUnplaced). A room is placed at most once: its placement
 * is null only from newContainer until a place is given (the scheduler's bind, or a command that runs it somewhere), so
 * a placed room never needs looking at again, and a new room comes last in containerList, so appending it keeps the
 * order. (The page's mirror of a world copies rooms from the worker's, where that holds; no system runs on it.) The
 * scheduler finds its pending pods here instead of walking all 150,000 rooms on every step.
 */
const unplaced = new WeakMap<World['containers'], Container[]>()

export function unplacedRooms(world: World): Container[] {
  let list = unplaced.get(world.containers)
  if (!list) {
    list = containerList(world).filter((c) => c.placement === null)
    unplaced.set(world.containers, list)
  }
  return list
}

/** The caller walked unplacedRooms and kept `list`: the same rooms in the same order, less some placed or removed. */
export function keepUnplaced(world: World, list: Container[]): void {
  unplaced.set(world.containers, list)
}

export function noteContainerAdded(world: World, c: Container): void {
  const list = lists.get(world.containers)
  if (list) {
    if (list.length > 0 && inIdOrder.get(list) === true && !idBefore(list[list.length - 1]!, c)) inIdOrder.set(list, false)
    list.push(c)
  }
  touched.get(world.containers)?.push(c)
  noteAppTouched(world, c.appId)
  if (c.placement === null) unplaced.get(world.containers)?.push(c)
  const index = byApp.get(world.containers)
  if (!index) return
  const ofApp = index.apps.get(c.appId)
  if (ofApp) ofApp.push(c)
  else index.apps.set(c.appId, [c])
}

export function noteContainerRemoved(world: World, c: Container): void {
  if (c.state === 'lost') forgetLost(world, c)
  noteAppTouched(world, c.appId)
  const stale = byApp.get(world.containers)?.stale
  if (stale) {
    const gone = stale.get(c.appId)
    if (!gone) stale.set(c.appId, [c])
    else if (gone !== 'many') {
      if (gone.length < 8) gone.push(c)
      else stale.set(c.appId, 'many')
    }
  }
  if (!lists.has(world.containers)) return
  let gone = removed.get(world.containers)
  if (!gone) removed.set(world.containers, (gone = new Set()))
  const before = gone.size
  gone.add(c)
  pendingRemovals += gone.size - before
}

/**
 * The rooms lost with their node, per node (houses and apartments apart, by id), in containerList order: the node
 * lifecycle controller evicts a node's pods from here instead of walking all 150,000 rooms on every step once a
 * node is past its toleration (systems/nodes.ts). Built on first use, then kept: a room lost later is added to its
 * node's entry (noteContainerLost), or, where that could break the order, the next use rebuilds it. Entries that since
 * left that state (restarted, or deleted after it) stay until the caller prunes them, so a caller checks each one; a lost
 * room deleted leaves its entry at once (forgetLost).
 */
export interface LostRooms {
  hosts: Map<string, Container[]>
  vms: Map<string, Container[]>
}

const lostByNode = new WeakMap<World['containers'], LostRooms>()

export function lostRoomsByNode(world: World): LostRooms {
  let index = lostByNode.get(world.containers)
  if (!index) {
    // Keyed by the placement's own id string (no 'h' + id per room: a zone outage loses 75,000 rooms at once, and
    // building and hashing a new key for each cost more than the rest of the walk).
    index = { hosts: new Map(), vms: new Map() }
    const list = containerList(world)
    for (let at = 0; at < list.length; at++) {
      const c = list[at]!
      const p = c.placement
      if (c.state !== 'lost' || !p) continue
      const map = p.kind === 'host' ? index.hosts : index.vms
      const key = p.kind === 'host' ? p.hostId : p.vmId
      const rooms = map.get(key)
      if (rooms) rooms.push(c)
      else map.set(key, [c])
    }
    lostByNode.set(world.containers, index)
  }
  return index
}

/** A container's place in containerList: rooms are added in the order of their ids' numbers (world.ts newId). */
const idNumber = (c: Container): number => Number(c.id.slice(1))

/**
 * A room was lost with its node (containers.ts loseContainer): added to the kept index, at the end of its node's entry
 * when it comes after that entry's last room (a house that burns loses its rooms in list order, commands/hosts.ts); else
 * the index is dropped and rebuilt on its next use. Rebuilding after a zone outage walked 150,000 rooms in the next step.
 */
export function noteContainerLost(world: World, c: Container): void {
  const index = lostByNode.get(world.containers)
  if (!index) return
  const p = c.placement
  if (!p) return
  const map = p.kind === 'host' ? index.hosts : index.vms
  const key = p.kind === 'host' ? p.hostId : p.vmId
  const rooms = map.get(key)
  if (!rooms) map.set(key, [c])
  else if (idNumber(rooms[rooms.length - 1]!) < idNumber(c)) rooms.push(c)
  else lostByNode.delete(world.containers)
}

/**
 * A lost room deleted (evicted, or its pod deleted): out of its node's entry, so that every lost room the index holds is
 * still in the world (systems/nodes.ts counts them without looking each up among 150,000). A new array, not a splice:
 * the node lifecycle controller deletes rooms while it walks the entry.
 */
function forgetLost(world: World, c: Container): void {
  const index = lostByNode.get(world.containers)
  const p = c.placement
  if (!index || !p) return
  const map = p.kind === 'host' ? index.hosts : index.vms
  const key = p.kind === 'host' ? p.hostId : p.vmId
  const rooms = map.get(key)
  if (!rooms || !rooms.includes(c)) return
  if (rooms.length === 1) map.delete(key)
  else
    map.set(
      key,
      rooms.filter((r) => r !== c),
    )
}

/**
 * The houses in the order Object.values(world.hosts) gives them, kept beside the world like the room list: at 5,000
 * houses the record is a dictionary and Object.values costs ~2 ms, and six systems walk the houses every step.
 * Rebuilt (with Object.values, so the order is the record's own) after noteHostsChanged: a house built or removed
 * (hosts.ts, commands/hosts.ts, the cluster autoscaler) or a house record replaced in the page's mirror (mirror.ts).
 */
const hostLists = new WeakMap<World['hosts'], Host[]>()

export function hostList(world: World): readonly Host[] {
  let list = hostLists.get(world.hosts)
  if (!list) hostLists.set(world.hosts, (list = Object.values(world.hosts)))
  return list
}

export function noteHostsChanged(world: World): void {
  hostLists.delete(world.hosts)
}

/**
 * Pods that arrived on or left a node (every reservation made or released: capacity.ts reserveContainer), journalled for
 * a world whose scheduler keeps its view of the cluster between passes (systems/schedulerCache.ts), as kube-scheduler's
 * cache follows pod events from its informers. Null when too many piled up to replay (the scheduler starts afresh).
 */
export interface PodMove {
  c: Container
  nodeId: string
  sign: 1 | -1
}

const podMoves = new WeakMap<World, PodMove[] | null>()
const MAX_POD_MOVES = 20_000

export function notePodMove(world: World, c: Container, sign: 1 | -1): void {
  const moves = podMoves.get(world)
  if (!moves || !c.placement) return
  if (moves.length >= MAX_POD_MOVES) podMoves.set(world, null)
  else moves.push({ c, nodeId: c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId, sign })
}

/** The moves journalled since the last call (null: too many, or none was being kept), and a fresh journal started. */
export function takePodMoves(world: World): PodMove[] | null {
  const moves = podMoves.get(world) ?? null
  podMoves.set(world, [])
  return moves
}
