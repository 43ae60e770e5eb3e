/**
 * The rooms of each house and apartment, for a world mirrored from the simulation worker (simBridge.ts): built with one
 * walk over the rooms when the bridge takes the world, then kept in step from the rooms each batch changed (the bridge
 * calls noteMirrorRooms after applying them), so the city's detail (the rooms of the 32 houses near the camera) and the
 * street list (the rooms of the first houses) cost what a batch changed, not a walk over 150,000 rooms.
 *
 * Only a mirror can be indexed this way: a world stepped on the page changes its rooms in place with nobody told, so
 * roomsByNode answers null for it and the caller walks the rooms as before. Each node's rooms keep the order they came
 * in (the room list's order at the first walk; a room that arrives later, or moves, goes last).
 */
import type { Container, ContainerId, World } from '../sim/types'
import { containerList } from '../sim/containerIndex'

/** A house ('h' + id), an apartment ('v' + id), or '' for rooms not placed. */
export type NodeKey = string

export const nodeKeyOf = (c: Container): NodeKey => {
  const p = c.placement
  return !p ? '' : p.kind === 'host' ? 'h' + p.hostId : 'v' + p.vmId
}

export interface RoomIndex {
  /** Each node's rooms, by id (insertion-ordered). */
  nodes: Map<NodeKey, Map<ContainerId, Container>>
  /** Where each room was last put (its node's own map: no key string kept per room). */
  at: Map<ContainerId, Map<ContainerId, Container>>
  /** Bumped on every change, so a caller can tell whether what it took from the index may have changed. */
  seq: number
}

const mirrors = new WeakSet<World['containers']>()
const indexes = new WeakMap<World['containers'], RoomIndex>()

/**
 * The bridge's word that this world is a mirror: every change to its rooms will be noted. Indexed at once (a street's
 * snapshot has no rooms yet: they are indexed as their slices arrive, a slice per short task).
 */
export function markMirror(world: World): void {
  mirrors.add(world.containers)
  roomsByNode(world)
}

function add(index: RoomIndex, c: Container): void {
  const key = nodeKeyOf(c)
  let node = index.nodes.get(key)
  if (!node) index.nodes.set(key, (node = new Map()))
  const was = index.at.get(c.id)
  // Same node: the room keeps its place in the order (set again: the mirror's object is the one held).
  if (was !== undefined && was !== node) was.delete(c.id)
  if (was !== node) index.at.set(c.id, node)
  node.set(c.id, c)
}

/** The rooms by node of a mirrored world (built on first use); null for a world the bridge does not keep. */
export function roomsByNode(world: World): RoomIndex | null {
  if (!mirrors.has(world.containers)) return null
  let index = indexes.get(world.containers)
  if (!index) {
    index = { nodes: new Map(), at: new Map(), seq: 0 }
    for (const c of containerList(world)) add(index, c)
    indexes.set(world.containers, index)
  }
  return index
}

/** Rooms the mirror just took (put: as received, looked up in the mirror by id) and the ids it dropped. */
export function noteMirrorRooms(mirror: World, put: readonly Container[], gone: readonly ContainerId[]): void {
  const index = indexes.get(mirror.containers)
  if (!index || (put.length === 0 && gone.length === 0)) return
  index.seq++
  for (const c of put) {
    const room = mirror.containers[c.id]
    if (room) add(index, room)
  }
  for (const id of gone) {
    if (mirror.containers[id]) continue
    const was = index.at.get(id)
    if (was === undefined) continue
    index.at.delete(id)
    was.delete(id)
  }
}
