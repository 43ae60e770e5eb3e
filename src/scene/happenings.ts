/**
 * What is happening on the street right now, derived from the world and the layout (pure functions,
 * no three.js or React): the deliveries of image pulls, the doormen, moves (a room gone from one
 * place and a room of the same app opened elsewhere soon after), breaches (from the log), live
 * migrations. Happenings.tsx draws them; EventMarks names them.
 */
import type { SimEvent, World } from '../sim/types'
import type { SceneLayout } from './layout'

/** A delivery van bringing the layers a place lacks for one image (one van per place and image). */
export interface Delivery {
  house: number
  /** The apartment it delivers to, or -1 for the house's own storeroom. */
  vm: number
  imageId: string
  /** Layers on the van (missing at the place) and layers the place already has (not delivered again). */
  carried: number
  cached: number
  /** 0 when the van sets off, 1 when it is at the door. */
  progress: number
  /** A room waiting for this delivery (the first one), for its tag. */
  roomIndex: number
}

export function deliveries(world: World, layout: SceneLayout): Delivery[] {
  const { rooms } = layout
  const byKey = new Map<string, Delivery>()
  for (let c = 0; c < rooms.n; c++) {
    const ct = rooms.containers[c]!
    if (ct.state !== 'pulling' || rooms.house[c]! < 0) continue
    const v = rooms.vm[c]!
    const key = `${rooms.house[c]}:${v}:${ct.imageId}`
    const span = ct.phaseEndsMs - ct.stateSinceMs
    const progress = span > 0 ? Math.max(0, Math.min(1, (layout.timeMs - ct.stateSinceMs) / span)) : 1
    const prev = byKey.get(key)
    if (prev) {
      prev.progress = Math.max(prev.progress, progress)
      continue
    }
    const host = layout.houses.hosts[rooms.house[c]!]!
    const cache = v >= 0 ? layout.vms.vms[v]!.cachedLayers : host.cachedLayers
    const layers = world.images[ct.imageId]?.layers ?? []
    let carried = 0
    for (const id of layers) if (!cache.includes(id)) carried++
    byKey.set(key, { house: rooms.house[c]!, vm: v, imageId: ct.imageId, carried, cached: layers.length - carried, progress, roomIndex: c })
  }
  return [...byKey.values()]
}

/** Where a van stands at `progress`: up the street from the east to the house's door (eased), then parked beside it. */
export function vanSpot(layout: SceneLayout, d: Delivery): { x: number; z: number } {
  const h = layout.houses
  const doorX = h.doorX[d.house]!
  const street = h.streetZ[d.house]! - 1
  const t = Math.min(1, d.progress / 0.7)
  const eased = 1 - (1 - t) * (1 - t)
  return { x: doorX + 2.2 + 26 * (1 - eased), z: street }
}

/** Houses whose doorman is at work: they hold at least one ready, open room of an app with visitors. */
export function doormen(world: World, layout: SceneLayout): number[] {
  const { rooms } = layout
  const on = new Set<number>()
  for (let c = 0; c < rooms.n; c++) {
    const ct = rooms.containers[c]!
    if (ct.state === 'running' && ct.ready && rooms.house[c]! >= 0 && (world.apps[ct.appId]?.rps ?? 0) > 0) on.add(rooms.house[c]!)
  }
  return [...on].sort((a, b) => a - b)
}

/** A room that moved: gone from one place, and a room of the same app opened elsewhere soon after. */
export interface Trail {
  appId: string
  from: { x: number; z: number }
  to: { x: number; z: number }
  /** World time the new room appeared. */
  atMs: number
  toId: string
}

export interface MoveMemory {
  world: unknown
  lastMs: number
  /** Where each placed room stood in the last layout. */
  spots: Map<string, { x: number; z: number; appId: string; house: number }>
  /** Rooms that vanished and have not reappeared yet, per app (oldest first). */
  gone: Map<string, { x: number; z: number; house: number; atMs: number }[]>
  trails: Trail[]
}

export function newMoveMemory(): MoveMemory {
  return { world: null, lastMs: 0, spots: new Map(), gone: new Map(), trails: [] }
}

/**
 * How long (world time) a vanished room waits for its replacement, and how long a trail stays. A dead
 * house's rooms are replaced only after the node grace period (40 s) and the default 300 s
 * not-ready toleration (Kubernetes "Taint based Evictions"), so the window covers ten minutes.
 */
export const MOVE_WINDOW_MS = 600_000
export const TRAIL_MS = 20_000
/** How much earlier than the scene saw its predecessor gone a replacement may have been made (one batch of world time). */
const REPLACED_SLACK_MS = 10_000

/**
 * Update the memory with a new layout: rooms gone since the last one wait for a replacement; a new
 * room of the same app placed in another house draws a trail from the old spot to the new one.
 * Managed rooms only (a room the player removes is not "moved").
 */
export function trackMoves(mem: MoveMemory, world: World, layout: SceneLayout): Trail[] {
  const now = layout.timeMs
  if (mem.world !== world || now < mem.lastMs) {
    // A new world (or time stepped back): start afresh.
    mem.world = world
    mem.spots.clear()
    mem.gone.clear()
    mem.trails = []
  }
  mem.lastMs = now
  const { rooms } = layout
  // Gone: deleted, lost with its house, terminated, or Terminating (evicted: leaving during its grace period).
  const leaving = (id: string): boolean => {
    const ct = world.containers[id]
    return !ct || ct.state === 'lost' || ct.state === 'terminated' || ct.terminatingUntilMs != null
  }
  const fresh: number[] = []
  for (let c = 0; c < rooms.n; c++) {
    const id = rooms.ids[c]!
    if (rooms.house[c]! < 0 || leaving(id)) continue
    if (!mem.spots.has(id)) fresh.push(c)
  }
  for (const [id, s] of mem.spots) {
    if (leaving(id)) {
      let q = mem.gone.get(s.appId)
      if (!q) mem.gone.set(s.appId, (q = []))
      q.push({ x: s.x, z: s.z, house: s.house, atMs: now })
      mem.spots.delete(id)
    }
  }
  for (const c of fresh) {
    const ct = rooms.containers[c]!
    const q = mem.gone.get(ct.appId)
    while (q && q.length && now - q[0]!.atMs > MOVE_WINDOW_MS) q.shift()
    // A replacement is made after the room it replaces left (a batch of world time may hold both): a room that only
    // came into view (the city draws the houses near the camera in detail) is not one.
    if (q && q.length && ct.managed && q[0]!.house !== rooms.house[c] && ct.createdAtMs >= q[0]!.atMs - REPLACED_SLACK_MS) {
      const from = q.shift()!
      mem.trails.push({ appId: ct.appId, from: { x: from.x, z: from.z }, to: { x: rooms.x[c]!, z: rooms.z[c]! }, atMs: now, toId: ct.id })
    }
  }
  for (let c = 0; c < rooms.n; c++) {
    if (rooms.house[c]! < 0) continue
    if (leaving(rooms.ids[c]!)) continue
    mem.spots.set(rooms.ids[c]!, { x: rooms.x[c]!, z: rooms.z[c]!, appId: rooms.containers[c]!.appId, house: rooms.house[c]! })
  }
  mem.trails = mem.trails.filter((t) => now - t.atMs <= TRAIL_MS)
  return mem.trails
}

/** A breach as the log tells it: the rooms reached, in order, and what stopped the burglar. */
export interface Breach {
  seq: number
  rooms: string[]
  /**
   * 'room': the locks or sandbox held · 'apartment': the VM wall held · 'none': nothing stops it on a
   * shared kernel · 'house': a hypervisor escape.
   */
  stop: 'room' | 'apartment' | 'none' | 'house'
  vmId: string | null
}

export function breachOf(e: SimEvent, world: World): Breach | null {
  if (e.id !== 'breach.breached') return null
  const rooms = e.subjects.filter((id) => world.containers[id])
  if (!rooms.length) return null
  const first = world.containers[rooms[0]!]!
  const vmId = first.placement?.kind === 'vm' ? first.placement.vmId : null
  const p = e.params
  const stop = p.escaped ? 'house' : !p.kernelOwned ? 'room' : p.inVm ? 'apartment' : 'none'
  return { seq: e.seq, rooms, stop, vmId }
}
