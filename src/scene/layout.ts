/**
 * Where everything stands on the street: a pure function of the world, with no three.js or React,
 * so it can be unit-tested and run at 5,000 houses / 150,000 rooms in a few milliseconds.
 *
 * Houses stand in rows, each row facing the street in front of it (+z). Zones are districts side
 * by side along x, separated by a strip of park; every district shares the same rows, so the
 * streets run straight across the whole neighbourhood. Inside a house, apartments (VMs) are
 * blocks whose width follows their share of the house's memory and whose height follows their
 * vCPUs; rooms (containers) are cells on the house's ground floor or on top of their apartment,
 * each with the floor area of its request's share of that place (free floor stays visible).
 *
 * layoutWorld runs named phases, each a pure function that returns data the next one reads:
 * placeHouses → layStreets → assignPlaces → placeApartments → placeRooms (cells sized by request)
 * → findRollouts. Buildings' buildWriters does the same for the meshes (roomBuckets, stateCounts,
 * then one writer per mesh).
 *
 * Boxes are struct-of-arrays (typed arrays), not objects: 150,000 small objects ten times a
 * second would keep the garbage collector busy. A box's y is its bottom; x and z its centre.
 */
import { containerList } from '../sim/containerIndex'
import { hostCapacity, vmCapacity, vmHostMemMiB } from '../sim/capacity'
import type { Container, Host, Vm, World } from '../sim/types'
import { appColours } from './palette'

export interface Boxes {
  n: number
  ids: string[]
  x: Float32Array
  y: Float32Array
  z: Float32Array
  w: Float32Array
  h: Float32Array
  d: Float32Array
}

export interface HouseBoxes extends Boxes {
  hosts: Host[]
  /** The front door, on the house's street side. */
  doorX: Float32Array
  doorZ: Float32Array
  /** The middle of the street the house faces. */
  streetZ: Float32Array
}

export interface VmBoxes extends Boxes {
  vms: Vm[]
  /** Index of the VM's house in `houses`. */
  house: Int32Array
}

export interface RoomBoxes extends Boxes {
  containers: Container[]
  /** Index of the room's house, or -1 while it waits for a spot (not yet placed). */
  house: Int32Array
  /** Index of the room's apartment, or -1 when it stands on the house's ground floor or waits. */
  vm: Int32Array
}

export interface Street {
  /** One strip per row of houses, running across the whole neighbourhood. */
  x: number
  z: number
  w: number
  d: number
}

export interface SceneLayout {
  /** Each app's colour (every app its own, see appColours). */
  appColours: Map<string, string>
  /** Apps mid-rollout (rooms on more than one image): the image their new rooms run. */
  rollouts: Map<string, string>
  houses: HouseBoxes
  vms: VmBoxes
  rooms: RoomBoxes
  streets: Street[]
  /** Parks between zones (where trees go), and the zone names in district order. */
  parks: { x: number; z: number; w: number; d: number }[]
  zones: { name: string; x: number; w: number }[]
  /** Where the building manager stands, and the yard where rooms wait for a spot. */
  manager: { x: number; z: number }
  waiting: { x: number; z: number; w: number; d: number }
  bounds: { minX: number; maxX: number; minZ: number; maxZ: number }
  /** The hypervisor's frames and posts (apartment towers), each named by its house's id. */
  frames: Boxes
  /** Each house's storeroom, by house index. */
  stores: Rect[]
  /** The floor of every place: house h's ground floor at h, apartment v at houses.n + v. */
  floors: Rect[]
  /** Where each live-migrating apartment will sit in its new house (by apartment id; see stackTowers). */
  landings: Map<string, FloorBox>
  /** World time the layout was made at (boot progress, countdowns). */
  timeMs: number
}

export const STREET_WIDTH = 5
export const SLAB_HEIGHT = 0.4
const PARK_WIDTH = 7
const YARD_FRONT = 1.5
const YARD_SIDE = 1.5
const YARD_BACK = 1
const WALL_DEPTH = 0.5
const INNER_MARGIN = 0.45
/** The smallest floor share a room is drawn with, so a tiny request is still a visible cell. */
const MIN_SHARE = 0.002
const EPS_FIT = 1e-4

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v)

/** A house's footprint follows its capacity: width by cores, depth by memory. */
export function houseSize(host: Pick<Host, 'cores' | 'memMiB'>): { w: number; d: number; h: number } {
  const w = clamp(3 + 0.45 * host.cores, 5, 16)
  const d = clamp(3 + 1.2 * Math.sqrt(host.memMiB / 1024), 5, 14)
  return { w, d, h: clamp(2.2 + 0.06 * host.cores, 2.4, 5) }
}

function boxes(n: number): Boxes {
  // Pushed, not new Array(n): V8 keeps a large preallocated array in slow dictionary mode.
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push('')
  return {
    n,
    ids,
    x: new Float32Array(n),
    y: new Float32Array(n),
    z: new Float32Array(n),
    w: new Float32Array(n),
    h: new Float32Array(n),
    d: new Float32Array(n),
  }
}

export interface Rect {
  x0: number
  z0: number
  w: number
  d: number
  y: number
}

/** Phase 1: houses in districts by zone, rows shared by all districts; lots, parks and zones. */
export interface HousePlan {
  houses: HouseBoxes
  hostIndex: Map<string, number>
  zones: SceneLayout['zones']
  parks: SceneLayout['parks']
  rows: number
  lotD: number
  pitch: number
  streetLen: number
}

export function placeHouses(hostList: Host[]): HousePlan {
  const H = hostList.length
  // ---- Houses, in districts by zone -------------------------------------------------------
  const zoneOf = new Map<string, number[]>()
  let maxW = 5
  let maxD = 5
  for (let i = 0; i < H; i++) {
    const h = hostList[i]!
    let z = zoneOf.get(h.zone)
    if (!z) zoneOf.set(h.zone, (z = []))
    z.push(i)
    const s = houseSize(h)
    if (s.w > maxW) maxW = s.w
    if (s.d > maxD) maxD = s.d
  }
  const zoneNames = [...zoneOf.keys()].sort()
  const lotW = maxW + 2 * YARD_SIDE
  const lotD = maxD + YARD_FRONT + YARD_BACK
  const pitch = lotD + STREET_WIDTH
  // Rows shared by all districts, chosen so the whole neighbourhood is roughly square.
  const rows = Math.max(1, Math.round(Math.sqrt((H * lotW) / pitch)))

  const houses: HouseBoxes = {
    ...boxes(H),
    hosts: hostList,
    doorX: new Float32Array(H),
    doorZ: new Float32Array(H),
    streetZ: new Float32Array(H),
  }
  const hostIndex = new Map<string, number>()
  const zones: SceneLayout['zones'] = []
  const parks: SceneLayout['parks'] = []
  let cursorX = 0
  for (let k = 0; k < zoneNames.length; k++) {
    const members = zoneOf.get(zoneNames[k]!)!
    const cols = Math.max(1, Math.ceil(members.length / rows))
    const startX = cursorX
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!
      const host = hostList[i]!
      const col = Math.floor(m / rows)
      const row = m % rows
      const s = houseSize(host)
      const lotX = startX + col * lotW
      const lotZ = row * pitch
      const front = lotZ + lotD - YARD_FRONT
      houses.ids[i] = host.id
      houses.x[i] = lotX + lotW / 2
      houses.z[i] = front - s.d / 2
      houses.y[i] = 0
      houses.w[i] = s.w
      houses.d[i] = s.d
      houses.h[i] = s.h
      houses.doorX[i] = lotX + lotW / 2
      houses.doorZ[i] = front
      houses.streetZ[i] = lotZ + lotD + STREET_WIDTH / 2
      hostIndex.set(host.id, i)
    }
    zones.push({ name: zoneNames[k]!, x: startX, w: cols * lotW })
    cursorX = startX + cols * lotW
    if (k < zoneNames.length - 1) {
      parks.push({ x: cursorX + PARK_WIDTH / 2, z: (rows * pitch) / 2, w: PARK_WIDTH, d: rows * pitch })
      cursorX += PARK_WIDTH
    }
  }
  const streetLen = Math.max(cursorX, lotW)

  return { houses, hostIndex, zones, parks, rows, lotD, pitch, streetLen }
}

/** Phase 2: one street in front of each row of houses; the manager's office at the west end. */
export function layStreets(plan: HousePlan): { streets: Street[]; managerX: number } {
  const { rows, pitch, lotD, streetLen } = plan
  // The manager's office and the waiting yard stand at the west end of the first street.
  const managerX = -10
  const streets: Street[] = []
  for (let r = 0; r < rows; r++) {
    const z = r * pitch + lotD + STREET_WIDTH / 2
    streets.push({ x: (managerX - 6 + streetLen + 4) / 2, z, w: streetLen + 4 - (managerX - 6), d: STREET_WIDTH })
  }

  return { streets, managerX }
}

/** Phase 3: where each room stands: place h = house h's ground floor, place H + v = apartment v, -1 = waiting. */
export interface PlaceCount {
  vmIndex: Map<string, number>
  roomPlace: Int32Array
  perPlace: Int32Array
  pending: number
}

export function assignPlaces(list: Container[], vmList: Vm[], hostIndex: Map<string, number>, H: number): PlaceCount {
  const V = vmList.length
  const N = list.length
  // ---- Places: each house's ground floor and each apartment ------------------------------------
  // Count rooms per place first (place h = house h's ground floor, place H + v = apartment v).
  const vmIndex = new Map<string, number>()
  for (let v = 0; v < V; v++) vmIndex.set(vmList[v]!.id, v)
  const perPlace = new Int32Array(H + V)
  const roomPlace = new Int32Array(N)
  let pending = 0
  for (let c = 0; c < N; c++) {
    const p = list[c]!.placement
    let place = -1
    if (p) {
      if (p.kind === 'host') place = hostIndex.get(p.hostId) ?? -1
      else {
        const v = vmIndex.get(p.vmId)
        place = v === undefined ? -1 : H + v
      }
    }
    roomPlace[c] = place
    if (place >= 0) perPlace[place]!++
    else pending++
  }

  return { vmIndex, roomPlace, perPlace, pending }
}

/**
 * Phase 4: apartments as stacked floors of their house (a tower at the house's left, five floors
 * high, then a second tower beside it), the hypervisor as a steel frame under each floor and
 * posts at the tower's corners; a storeroom at the back right of each house for its layer cache;
 * the floor rectangle of every place.
 *
 * A floor's size follows its memory share of the house, compressed (square root) so an apartment
 * in a big house is still big enough to see its rooms; its slab's thickness follows its vCPUs.
 */
export interface ApartmentPlan {
  vms: VmBoxes
  vmHouse: Int32Array
  placeRect: Rect[]
  /** The hypervisor: one frame under each apartment floor, and four posts per tower. */
  frames: Boxes
  /** Each house's storeroom (where its cached image layers stand as crates). */
  stores: Rect[]
  /** Where each live-migrating apartment will sit in its new house (by apartment id). */
  landings: Map<string, FloorBox>
}

/** Head room above an apartment's floor: its rooms stand under the next floor's frame. */
export const STOREY_CLEAR = 1.5
export const FRAME_HEIGHT = 0.1
/** Floors per tower before a second tower starts beside it. */
export const MAX_STOREYS = 5
/** The tallest a room in an apartment is drawn, so it fits under the floor above. */
const VM_ROOM_MAX_H = STOREY_CLEAR - 0.3

/** An apartment floor's slab thickness follows its vCPUs. */
export function vmHeight(vcpus: number): number {
  return clamp(0.12 + 0.025 * vcpus, 0.15, 0.4)
}

/** An apartment's floor: x, z its centre, y the top of its frame (the floor's bottom). */
export interface FloorBox {
  x: number
  y: number
  z: number
  w: number
  h: number
  d: number
  /** Where its rooms stand (z from, depth): the front part that the floor above leaves open (a terrace), or all of it. */
  openZ0: number
  openD: number
}

/**
 * Each floor of a tower stands behind the front of the floor below (a fifth of the house's depth, at least
 * TERRACE_MIN; less where the bottom floor is too shallow for every step, but not under TERRACE_LEAST), and the rooms
 * of a floor stand on that open front strip, so a camera looking down from the street (about 45°) or into the house
 * (30°) sees every floor's rooms: stacked flush, the floor above hid the rows behind the front one.
 */
export const TERRACE_MIN = 1.6
const TERRACE_LEAST = 0.9
/** The shallowest a floor of a terraced tower gets, as a share of the house's inner depth. */
const TERRACE_TOP_SHARE = 0.3
/** How far under the floor above its rooms may reach (seen under it from 30° and up, over rooms up to 1.2 tall). */
const TERRACE_UNDER = 0.25

/**
 * One house's apartment towers: its apartments stacked five to a tower (largest at the bottom) at the
 * house's left, each floor sized by its memory share; the posts at each tower's corners; the
 * storeroom at the back right and the ground floor left for rooms. `top` is the highest head room.
 */
export function stackTowers(
  houses: HouseBoxes,
  i: number,
  host: Host,
  mine: Vm[],
  roomsOnGround: boolean,
): { floors: FloorBox[]; posts: { x: number; z: number; h: number }[]; store: Rect; ground: Rect; top: number } {
  const gap = 0.3
  const innerX0 = houses.x[i]! - houses.w[i]! / 2 + INNER_MARGIN
  const innerW = houses.w[i]! - 2 * INNER_MARGIN
  const innerZ0 = houses.z[i]! - houses.d[i]! / 2 + WALL_DEPTH + INNER_MARGIN
  const innerD = houses.d[i]! - WALL_DEPTH - 2 * INNER_MARGIN
  // The storeroom: a strip at the back right, as deep as about half the house.
  const storeW = clamp(innerW * 0.13, 0.9, 1.6)
  const storeD = clamp(innerD * 0.45, 1.2, 3)
  const store = { x0: innerX0 + innerW - storeW, z0: innerZ0, w: storeW, d: storeD, y: SLAB_HEIGHT }
  const usableW = innerW - storeW - gap
  const capMem = Math.max(1, hostCapacity(host).memMiB)
  // The apartment towers take the left of the house; with rooms on the ground floor too, 58 % of it.
  const towerW = mine.length === 0 ? 0 : roomsOnGround ? usableW * 0.58 : usableW
  const cols = Math.max(1, Math.ceil(mine.length / MAX_STOREYS))
  const colW = mine.length === 0 ? 0 : (towerW - gap * (cols - 1)) / cols
  // Stacked largest first (a stable order by memory), so the floors step back like a terrace.
  const order = mine.map((_, j) => j).sort((a, b) => vmHostMemMiB(mine[b]!) - vmHostMemMiB(mine[a]!) || a - b)
  const floors: FloorBox[] = []
  const posts: { x: number; z: number; h: number }[] = []
  let top = SLAB_HEIGHT
  for (let col = 0; col < cols && mine.length > 0; col++) {
    const colX0 = innerX0 + col * (colW + gap)
    let y = SLAB_HEIGHT
    let maxW = 0
    let maxD = 0
    const first = floors.length
    const end = Math.min(mine.length, (col + 1) * MAX_STOREYS)
    // Terraced: each floor's front steps back from the one below, the steps shared out over the bottom floor's depth
    // down to the shallowest floor (TERRACE_TOP_SHARE); a floor is otherwise as deep as its memory share.
    const storeys = end - col * MAX_STOREYS
    const bottom = innerD * (0.55 + 0.45 * clamp(Math.sqrt(vmHostMemMiB(mine[order[col * MAX_STOREYS]!]!) / capMem) * 2, 0, 1))
    const room = (bottom - innerD * TERRACE_TOP_SHARE) / Math.max(1, storeys - 1)
    const step = storeys > 1 ? clamp(room, TERRACE_LEAST, Math.max(TERRACE_MIN, innerD * 0.22)) : 0
    for (let j = col * MAX_STOREYS; j < end; j++) {
      const vm = mine[order[j]!]!
      const f = clamp(Math.sqrt(vmHostMemMiB(vm) / capMem) * 2, 0, 1)
      const w = colW * (0.4 + 0.6 * f)
      const below = floors.length > first ? floors[floors.length - 1]! : null
      const natural = innerD * (0.55 + 0.45 * f)
      const d = below ? Math.max(innerD * TERRACE_TOP_SHARE, Math.min(natural, below.z + below.d / 2 - step - innerZ0)) : natural
      const h = vmHeight(vm.vcpus)
      floors.push({ x: colX0 + w / 2, y: y + FRAME_HEIGHT, z: innerZ0 + d / 2, w, h, d, openZ0: innerZ0, openD: d })
      if (below) {
        // The floor below keeps its rooms on the strip in front of this one (and a little under it).
        const front = below.z + below.d / 2
        const from = Math.min(Math.max(innerZ0 + d - TERRACE_UNDER, innerZ0), front - 0.6)
        below.openZ0 = from
        below.openD = front - from
      }
      y += FRAME_HEIGHT + h + STOREY_CLEAR
      if (w > maxW) maxW = w
      if (d > maxD) maxD = d
    }
    // The frame's posts at the tower's four corners, up to its top floor's head room.
    const postH = y - STOREY_CLEAR * 0.25 - SLAB_HEIGHT
    for (const [px, pz] of [
      [colX0, innerZ0],
      [colX0 + maxW, innerZ0],
      [colX0, innerZ0 + maxD],
      [colX0 + maxW, innerZ0 + maxD],
    ] as const)
      posts.push({ x: px, z: pz, h: postH })
    if (y > top) top = y
  }
  const bareX0 = innerX0 + (towerW > 0 ? towerW + gap : 0)
  const ground = { x0: bareX0, z0: innerZ0, w: Math.max(innerX0 + usableW - bareX0, 0.1), d: innerD, y: SLAB_HEIGHT }
  // Floor k belongs to mine[order[k]]: given back in the caller's order.
  const mineFloors: FloorBox[] = new Array(mine.length)
  order.forEach((j, k) => (mineFloors[j] = floors[k]!))
  return { floors: mineFloors, posts, store, ground, top }
}

export function placeApartments(
  hostList: Host[],
  vmList: Vm[],
  houses: HouseBoxes,
  hostIndex: Map<string, number>,
  perPlace: Int32Array,
  managerX: number,
): ApartmentPlan {
  const H = hostList.length
  const V = vmList.length
  const vmsOf: number[][] = new Array(H)
  for (let i = 0; i < H; i++) vmsOf[i] = []
  const vmHouse = new Int32Array(V)
  for (let v = 0; v < V; v++) {
    const i = hostIndex.get(vmList[v]!.hostId) ?? -1
    vmHouse[v] = i
    if (i >= 0) vmsOf[i]!.push(v)
  }
  const vms: VmBoxes = { ...boxes(V), vms: vmList, house: vmHouse }
  const placeRect: Rect[] = new Array(H + V)
  const stores: Rect[] = new Array(H)
  const fr = {
    x: [] as number[],
    y: [] as number[],
    z: [] as number[],
    w: [] as number[],
    h: [] as number[],
    d: [] as number[],
    id: [] as string[],
  }
  const frame = (id: string, x: number, y: number, z: number, w: number, h: number, d: number) => {
    fr.id.push(id)
    fr.x.push(x)
    fr.y.push(y)
    fr.z.push(z)
    fr.w.push(w)
    fr.h.push(h)
    fr.d.push(d)
  }
  // A live migration's apartment has its floor in the new house already while it copies (the hypervisor's frame
  // reserved for it, empty until the switch-over): the house is laid out as it will be, and the copy lands there.
  const landings = new Map<string, FloorBox>()
  const arriving: number[][] = new Array(H)
  for (let i = 0; i < H; i++) arriving[i] = []
  for (let v = 0; v < V; v++) {
    const mig = vmList[v]!.migration
    if (!mig || mig.toHostId === vmList[v]!.hostId) continue
    const i = hostIndex.get(mig.toHostId)
    if (i !== undefined) arriving[i]!.push(v)
  }
  for (let i = 0; i < H; i++) {
    const host = hostList[i]!
    // The house's apartments in the world's order, those arriving among them (as they will be after the switch-over).
    const mine = arriving[i]!.length ? [...vmsOf[i]!, ...arriving[i]!].sort((a, b) => a - b) : vmsOf[i]!
    const t = stackTowers(
      houses,
      i,
      host,
      mine.map((v) => vmList[v]!),
      perPlace[i]! > 0,
    )
    stores[i] = t.store
    t.floors.forEach((f, j) => {
      const v = mine[j]!
      frame(host.id, f.x, f.y - FRAME_HEIGHT, f.z, f.w + 0.14, FRAME_HEIGHT, f.d + 0.14)
      if (vmHouse[v] !== i) {
        landings.set(vmList[v]!.id, f)
        return
      }
      vms.ids[v] = vmList[v]!.id
      vms.x[v] = f.x
      vms.z[v] = f.z
      vms.y[v] = f.y
      vms.w[v] = f.w
      vms.d[v] = f.d
      vms.h[v] = f.h
      const inset = Math.min(0.1, f.w / 4)
      // Its rooms stand on the open front of its floor (all of it on a tower's top floor), a margin inside its edges.
      const z0 = f.openZ0 > f.z - f.d / 2 + 1e-6 ? f.openZ0 : f.openZ0 + 0.1
      placeRect[H + v] = {
        x0: f.x - f.w / 2 + inset,
        z0,
        w: f.w - 2 * inset,
        d: Math.max(f.openZ0 + f.openD - 0.1 - z0, 0.1),
        y: f.y + f.h,
      }
    })
    for (const p of t.posts) frame(host.id, p.x, SLAB_HEIGHT, p.z, 0.12, p.h, 0.12)
    placeRect[i] = t.ground
    // The house's back wall rises to its top floor.
    houses.h[i] = Math.max(houses.h[i]!, t.top - SLAB_HEIGHT - STOREY_CLEAR * 0.25 + 0.3)
  }
  // An apartment whose house is gone from the world (never expected) sits on the waiting yard.
  for (let v = 0; v < V; v++) {
    if (vmHouse[v]! < 0) {
      vms.ids[v] = vmList[v]!.id
      placeRect[H + v] = { x0: managerX - 4, z0: -6, w: 2, d: 2, y: 0 }
    }
  }
  const frames = boxes(fr.id.length)
  for (let k = 0; k < fr.id.length; k++) {
    frames.ids[k] = fr.id[k]!
    frames.x[k] = fr.x[k]!
    frames.y[k] = fr.y[k]!
    frames.z[k] = fr.z[k]!
    frames.w[k] = fr.w[k]!
    frames.h[k] = fr.h[k]!
    frames.d[k] = fr.d[k]!
  }

  return { vms, vmHouse, placeRect, frames, stores, landings }
}

/** Phase 5: rooms as cells sized by their requests on their place's floor; waiting rooms in the yard. */
export function placeRooms(
  list: Container[],
  hostList: Host[],
  vmList: Vm[],
  places: PlaceCount,
  apartments: ApartmentPlan,
  at: { lotD: number; managerX: number },
): { rooms: RoomBoxes; waiting: SceneLayout['waiting'] } {
  const H = hostList.length
  const V = vmList.length
  const N = list.length
  const { roomPlace, pending } = places
  const { placeRect, vmHouse } = apartments
  const { lotD, managerX } = at
  // ---- Rooms ----------------------------------------------------------------------------------
  const waitCols = Math.max(4, Math.ceil(Math.sqrt(pending)))
  const waitCell = 1.2
  const firstStreet = lotD + STREET_WIDTH / 2
  const waiting = {
    x: managerX - 5 - (waitCols * waitCell) / 2,
    z: firstStreet - STREET_WIDTH / 2 - 1 - (Math.ceil(pending / waitCols) * waitCell) / 2,
    w: waitCols * waitCell,
    d: Math.max(1, Math.ceil(pending / waitCols)) * waitCell,
  }
  // Each room's floor area is its share of the place's capacity (the larger of its CPU and memory
  // request against what the house or apartment can hand out), so requests against allocatable are
  // seen: a full house has no floor left, a half-empty one shows it. Rooms are packed in shelves,
  // front row first; if a place's rooms do not fit (overcommit), they all shrink together.
  const placeCap = new Float32Array((H + V) * 2)
  for (let i = 0; i < H; i++) {
    const cap = hostCapacity(hostList[i]!)
    placeCap[i * 2] = Math.max(1, cap.cpuMilli)
    placeCap[i * 2 + 1] = Math.max(1, cap.memMiB)
  }
  for (let v = 0; v < V; v++) {
    const cap = vmCapacity(vmList[v]!)
    placeCap[(H + v) * 2] = Math.max(1, cap.cpuMilli)
    placeCap[(H + v) * 2 + 1] = Math.max(1, cap.memMiB)
  }
  const side = new Float32Array(N)
  const usedArea = new Float32Array(H + V)
  for (let c = 0; c < N; c++) {
    const place = roomPlace[c]!
    if (place < 0) continue
    const ct = list[c]!
    const r = placeRect[place]!
    const share = Math.max(ct.cpuRequestMilli / placeCap[place * 2]!, ct.memRequestMiB / placeCap[place * 2 + 1]!, MIN_SHARE)
    const s = Math.sqrt(share * r.w * r.d)
    side[c] = s
    usedArea[place] = usedArea[place]! + s * s
  }
  // Shelf packing needs some slack over the bare area; start from the area ratio and shrink until it fits.
  const placeScale = new Float32Array(H + V)
  const members: number[][] = new Array(H + V)
  for (let p = 0; p < H + V; p++) members[p] = []
  for (let c = 0; c < N; c++) if (roomPlace[c]! >= 0) members[roomPlace[c]!]!.push(c)
  const shelf = (p: number, k: number, write: boolean): boolean => {
    const r = placeRect[p]!
    let x = 0
    let z = 0
    let rowD = 0
    for (const c of members[p]!) {
      const s = side[c]! * k
      if (x > 0 && x + s > r.w + EPS_FIT) {
        z += rowD
        x = 0
        rowD = 0
      }
      if (write) {
        rooms.x[c] = r.x0 + x + s / 2
        rooms.z[c] = r.z0 + r.d - z - s / 2
      }
      x += s
      if (s > rowD) rowD = s
    }
    return z + rowD <= r.d + EPS_FIT
  }
  const rooms: RoomBoxes = { ...boxes(N), containers: list, house: new Int32Array(N), vm: new Int32Array(N) }
  for (let p = 0; p < H + V; p++) {
    if (members[p]!.length === 0) continue
    const r = placeRect[p]!
    let k = Math.min(1, Math.sqrt((r.w * r.d) / Math.max(usedArea[p]!, 1e-6)))
    // k ≤ 1: a room is never drawn bigger than its share of the floor, so free floor stays free.
    for (let tries = 0; tries < 24 && !shelf(p, k, false); tries++) k *= 0.92
    placeScale[p] = k
    shelf(p, k, true)
  }
  let waitK = 0
  for (let c = 0; c < N; c++) {
    const place = roomPlace[c]!
    rooms.ids[c] = list[c]!.id
    if (place < 0) {
      const col = waitK % waitCols
      const row = Math.floor(waitK / waitCols)
      waitK++
      rooms.x[c] = waiting.x - waiting.w / 2 + (col + 0.5) * waitCell
      rooms.z[c] = waiting.z - waiting.d / 2 + (row + 0.5) * waitCell
      rooms.y[c] = 0
      rooms.w[c] = rooms.d[c] = waitCell * 0.75
      rooms.h[c] = waitCell * 0.6
      rooms.house[c] = -1
      rooms.vm[c] = -1
      continue
    }
    // A small gap around each room, so neighbours read as separate cells.
    const cell = side[c]! * placeScale[place]!
    const s = Math.max(cell - Math.min(0.12, cell * 0.15), 0.05)
    rooms.y[c] = placeRect[place]!.y
    rooms.w[c] = s
    rooms.d[c] = s
    rooms.h[c] = clamp(0.35 + s * 0.45, 0.35, place < H ? 1.6 : VM_ROOM_MAX_H)
    if (place < H) {
      rooms.house[c] = place
      rooms.vm[c] = -1
    } else {
      rooms.house[c] = vmHouse[place - H]!
      rooms.vm[c] = place - H
    }
  }

  return { rooms, waiting }
}

/** Phase 6: apps mid-rollout (rooms on more than one image), with the image their new rooms run. */
export function findRollouts(world: World, list: Container[]): Map<string, string> {
  const N = list.length
  const firstImage = new Map<string, string>()
  const rollouts = new Map<string, string>()
  for (let c = 0; c < N; c++) {
    const ct = list[c]!
    const seenImage = firstImage.get(ct.appId)
    if (seenImage === undefined) firstImage.set(ct.appId, ct.imageId)
    else if (seenImage !== ct.imageId && !rollouts.has(ct.appId)) rollouts.set(ct.appId, world.apps[ct.appId]?.imageId ?? ct.imageId)
  }

  return rollouts
}

function housesMinX(h: Boxes): number {
  let m = Infinity
  for (let i = 0; i < h.n; i++) m = Math.min(m, h.x[i]! - h.w[i]! / 2)
  return m
}

/** The whole street: the phases above, in order, each a pure function of the world and the phases before. */
export function layoutWorld(world: World, opts: { office?: boolean } = {}): SceneLayout {
  const hostList = Object.values(world.hosts)
  const vmList = Object.values(world.vms)
  const list = containerList(world)
  const plan = placeHouses(hostList)
  const { streets, managerX } = layStreets(plan)
  const places = assignPlaces(list, vmList, plan.hostIndex, hostList.length)
  const apartments = placeApartments(hostList, vmList, plan.houses, plan.hostIndex, places.perPlace, managerX)
  const { rooms, waiting } = placeRooms(list, hostList, vmList, places, apartments, { lotD: plan.lotD, managerX })
  const firstStreet = plan.lotD + STREET_WIDTH / 2
  const maxZ = plan.rows * plan.pitch
  return {
    appColours: appColours(Object.keys(world.apps)),
    rollouts: findRollouts(world, list),
    houses: plan.houses,
    vms: apartments.vms,
    rooms,
    streets,
    parks: plan.parks,
    zones: plan.zones,
    manager: { x: managerX, z: firstStreet - STREET_WIDTH / 2 - 2 },
    waiting,
    frames: apartments.frames,
    stores: apartments.stores,
    floors: apartments.placeRect,
    landings: apartments.landings,
    timeMs: world.timeMs,
    bounds: {
      // The office and its yard count only where the manager stands or rooms wait in the yard.
      minX:
        opts.office !== false || rooms.house.some((h) => h < 0) || plan.houses.n === 0
          ? Math.min(managerX - 8, waiting.x - waiting.w / 2)
          : housesMinX(plan.houses) - 4,
      maxX: plan.streetLen,
      minZ: Math.min(0, waiting.z - waiting.d / 2),
      maxZ,
    },
  }
}
