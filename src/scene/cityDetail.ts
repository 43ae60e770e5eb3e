/**
 * Zooming into the city: which houses are near enough to be drawn in detail, and their detailed
 * layout (apartments and rooms), standing exactly where their city blocks stood. Pure functions
 * of the world and the city's plan (no three.js or React), so they are unit-tested and cheap:
 * picking the near houses is one pass over the houses; the detail is laid out for those few only.
 */
import { containerList } from '../sim/containerIndex'
import type { RoomIndex } from '../state/roomIndex'
import type { Container, Host, Vm, World } from '../sim/types'
import { assignPlaces, findRollouts, placeApartments, placeRooms } from './layout'
import type { HouseBoxes, SceneLayout } from './layout'

/** At most this many houses are drawn with their apartments and rooms (the nearest ones). */
export const DETAIL_MAX_HOUSES = 32
/** A house further from the camera than this (world units; a lot is ~20 wide) stays a block. */
export const DETAIL_RANGE = 140

/**
 * The nearest houses to the camera among those it can see, nearest first, at most `max`, none
 * further than `range`. `visible(i)` says whether house i is in the camera's view.
 */
export function nearHouses(
  houses: Pick<HouseBoxes, 'n' | 'x' | 'z' | 'h'>,
  camera: { x: number; y: number; z: number },
  visible: (i: number) => boolean,
  range = DETAIL_RANGE,
  max = DETAIL_MAX_HOUSES,
): number[] {
  const r2 = range * range
  const found: { i: number; d: number }[] = []
  for (let i = 0; i < houses.n; i++) {
    const dx = houses.x[i]! - camera.x
    const dy = houses.h[i]! / 2 - camera.y
    const dz = houses.z[i]! - camera.z
    const d = dx * dx + dy * dy + dz * dz
    if (d > r2 || !visible(i)) continue
    found.push({ i, d })
  }
  found.sort((a, b) => a.d - b.d || a.i - b.i)
  return found.slice(0, max).map((f) => f.i)
}

function subBoxes(city: HouseBoxes, near: number[], hosts: Host[]): HouseBoxes {
  const n = near.length
  const pick = (a: Float32Array) => Float32Array.from(near, (i) => a[i]!)
  return {
    n,
    ids: near.map((i) => city.ids[i]!),
    hosts,
    x: pick(city.x),
    y: pick(city.y),
    z: pick(city.z),
    w: pick(city.w),
    h: pick(city.h),
    d: pick(city.d),
    doorX: pick(city.doorX),
    doorZ: pick(city.doorZ),
    streetZ: pick(city.streetZ),
  }
}

/**
 * The detailed layout of the near houses only (`near`: indices into the city's houses): the same
 * phases as layoutWorld (apartments by memory share, rooms as cells sized by their requests), with
 * each house where the city put it. Streets, parks and zones are the city's, drawn by the city.
 * `index`: the rooms by house of a mirrored world (state/roomIndex.ts), read instead of walking every room.
 */
export function detailLayout(world: World, city: SceneLayout, near: number[], index: RoomIndex | null = null): SceneLayout {
  const hosts = near.map((i) => world.hosts[city.houses.ids[i]!] ?? city.houses.hosts[i]!)
  const houses = subBoxes(city.houses, near, hosts)
  const hostIndex = new Map<string, number>()
  houses.ids.forEach((id, k) => hostIndex.set(id, k))
  const vmList: Vm[] = []
  const vmIds = new Set<string>()
  if (near.length > 0) {
    for (const id in world.vms) {
      const v = world.vms[id]!
      if (hostIndex.has(v.hostId)) {
        vmList.push(v)
        vmIds.add(v.id)
      }
    }
  }
  const list: Container[] = []
  if (index) {
    // A mirrored world's rooms by house and apartment: only the near ones are read (roomIndex.ts).
    for (const id of houses.ids) for (const c of index.nodes.get('h' + id)?.values() ?? []) list.push(c)
    for (const v of vmList) for (const c of index.nodes.get('v' + v.id)?.values() ?? []) list.push(c)
  } else if (near.length > 0) {
    for (const c of containerList(world)) {
      const p = c.placement
      if (p && (p.kind === 'host' ? hostIndex.has(p.hostId) : vmIds.has(p.vmId))) list.push(c)
    }
  }
  const H = hosts.length
  const managerX = city.manager.x
  const places = assignPlaces(list, vmList, hostIndex, H)
  const apartments = placeApartments(hosts, vmList, houses, hostIndex, places.perPlace, managerX)
  const { rooms, waiting } = placeRooms(list, hosts, vmList, places, apartments, { lotD: 0, managerX })
  return {
    appColours: city.appColours,
    rollouts: findRollouts(world, list),
    houses,
    vms: apartments.vms,
    rooms,
    streets: [],
    parks: [],
    zones: city.zones,
    manager: city.manager,
    waiting,
    bounds: city.bounds,
    frames: apartments.frames,
    stores: apartments.stores,
    floors: apartments.placeRect,
    landings: apartments.landings,
    timeMs: world.timeMs,
  }
}
