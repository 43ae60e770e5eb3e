/**
 * The street list's rows, capped so a 150,000-room street never floods the page: at most
 * MAX_HOSTS houses, ROOMS_PER_PARENT rooms under each house or apartment, and MAX_ROOMS in all.
 * One pass over the rooms; the rest are counted as "+N more".
 */
import type { Container, Host, Vm, World } from '../sim'
import { containerList } from '../sim/containerIndex'
import type { RoomIndex } from '../state/roomIndex'

export const MAX_HOSTS = 60
export const ROOMS_PER_PARENT = 24
export const MAX_ROOMS = 200

export interface ParentNode {
  rooms: Container[]
  more: number
}
export interface HostNode extends ParentNode {
  host: Host
  vms: (ParentNode & { vm: Vm })[]
}
export interface TreeModel {
  hosts: HostNode[]
  moreHosts: number
  pending: ParentNode
  totalRooms: number
}

/**
 * `index`: a mirrored world's rooms by house (state/roomIndex.ts). Then only the rows shown are read: the rooms
 * waiting for a spot first, then each house's and its apartments' in the houses' order (each node's rooms in the order
 * they came), instead of the first rooms of the whole list.
 */
export function buildTree(
  world: World,
  caps = { hosts: MAX_HOSTS, perParent: ROOMS_PER_PARENT, rooms: MAX_ROOMS },
  index: RoomIndex | null = null,
): TreeModel {
  const allHosts = Object.values(world.hosts)
  const shown = allHosts.slice(0, caps.hosts)
  const hostNodes = new Map<string, HostNode>()
  const vmNodes = new Map<string, ParentNode & { vm: Vm }>()
  for (const host of shown) hostNodes.set(host.id, { host, vms: [], rooms: [], more: 0 })
  for (const vm of Object.values(world.vms)) {
    const h = hostNodes.get(vm.hostId)
    if (!h) continue
    const node = { vm, rooms: [], more: 0 }
    h.vms.push(node)
    vmNodes.set(vm.id, node)
  }
  const pending: ParentNode = { rooms: [], more: 0 }
  let budget = caps.rooms
  if (index) {
    const fill = (parent: ParentNode, key: string) => {
      const rooms = index.nodes.get(key)
      if (!rooms) return
      for (const c of rooms.values()) {
        if (budget <= 0 || parent.rooms.length >= caps.perParent) break
        parent.rooms.push(c)
        budget--
      }
      parent.more += rooms.size - parent.rooms.length
    }
    fill(pending, '')
    for (const h of hostNodes.values()) {
      fill(h, 'h' + h.host.id)
      for (const v of h.vms) fill(v, 'v' + v.vm.id)
    }
    return { hosts: [...hostNodes.values()], moreHosts: allHosts.length - shown.length, pending, totalRooms: index.at.size }
  }
  let total = 0
  // The sim's own array of rooms: walking a 150,000-key record is several times slower.
  for (const c of containerList(world)) {
    total++
    const p = c.placement
    const parent = !p ? pending : p.kind === 'host' ? hostNodes.get(p.hostId) : vmNodes.get(p.vmId)
    if (!parent) continue
    if (budget > 0 && parent.rooms.length < caps.perParent) {
      parent.rooms.push(c)
      budget--
    } else parent.more++
  }
  return { hosts: [...hostNodes.values()], moreHosts: allHosts.length - shown.length, pending, totalRooms: total }
}
