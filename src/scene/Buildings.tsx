/**
 * Houses, apartments and rooms: a fixed handful of instanced meshes, whatever the street's size.
 * Each state has a shape as well as a colour, so it reads in grey scale:
 *   room    pending: low see-through ghost · pulling/creating: striped scaffold, part-built ·
 *           running: solid with a lit window · crashed: dark, tilted, red X · back-off: dark,
 *           sunk to half height · lost (its house or apartment went down): standing dark, no light
 *   apartment provisioning: low pale scaffold · booting: striped, part-built · running: solid with
 *           lit windows · stopped: grey, dark windows · crashed (flooded): dark blue, tilted, red X
 *   house   on: cream floor, coloured gable with a lit window · off: grey, low · failed: charred
 *           black stump with a red X
 */
import { useMemo } from 'react'
import type { ThreeEvent } from '@react-three/fiber'
import { assets } from './assets'
import { Instanced, writeBox, writeColour } from './Instanced'
import type { InstanceWriter } from './Instanced'
import type { SceneLayout } from './layout'
import { SLAB_HEIGHT } from './layout'
import * as P from './palette'
import { useUi } from '../state/ui'
import type { Selection } from '../state/ui'

type Kind = 'host' | 'vm' | 'container'

const ROOM_STYLE = {
  // bucket: 0 solid, 1 scaffold, 2 ghost; height factor; tilt; colour (null = the app's)
  pending: { bucket: 2, h: 0.3, tilt: 0, colour: P.ROOM_PENDING },
  pulling: { bucket: 1, h: 0.35, tilt: 0, colour: null },
  creating: { bucket: 1, h: 0.65, tilt: 0, colour: null },
  running: { bucket: 0, h: 1, tilt: 0, colour: null },
  crashed: { bucket: 0, h: 0.8, tilt: 0.38, colour: P.ROOM_CRASHED },
  backoff: { bucket: 0, h: 0.45, tilt: -0.18, colour: P.ROOM_BACKOFF },
  // Its house (or apartment) went down: it stands dark, lights out, with every room in there (the blast radius).
  lost: { bucket: 0, h: 1, tilt: 0, colour: P.ROOM_DARK },
  terminated: { bucket: 2, h: 0.15, tilt: 0, colour: P.ROOM_LOST },
} as const

export interface BuildingWriters {
  slabs: InstanceWriter
  gables: InstanceWriter
  doors: InstanceWriter
  vmSolid: InstanceWriter
  vmScaffold: InstanceWriter
  roomSolid: InstanceWriter
  roomScaffold: InstanceWriter
  roomGhost: InstanceWriter
  windows: InstanceWriter
  marks: InstanceWriter
  cordons: InstanceWriter
  /** The hypervisor: frames under apartment floors and posts at the towers' corners. */
  frames: InstanceWriter
  /** Kernels as plumbing: a pipe along the back of each floor, a branch to each room on it. */
  pipes: InstanceWriter
  /** Each house's storeroom (floor and two low walls) and the crates in it (its cached layers). */
  stores: InstanceWriter
  crates: InstanceWriter
  /** A running room that is not ready (readiness probe failing): its front door shut, no visitors sent in. */
  shut: InstanceWriter
}

/** The most crates a storeroom shows (a cache bigger than this still fills it). */
export const MAX_CRATES = 36

/** How far an apartment's boot has gone (0 to 1), from its phase's start and end. */
export function bootProgress(vm: { state: string; stateSinceMs: number; phaseEndsMs: number }, nowMs: number): number {
  if (vm.state === 'running') return 1
  if (vm.state !== 'booting') return 0
  const span = vm.phaseEndsMs - vm.stateSinceMs
  return span > 0 ? Math.max(0, Math.min(1, (nowMs - vm.stateSinceMs) / span)) : 0
}

/** Where crate k of a storeroom stands: rows from the back, then stacked up. */
export function crateSpot(store: { x0: number; z0: number; w: number; d: number; y: number }, k: number) {
  const size = Math.min(0.36, store.w / 3.3)
  const step = size * 1.12
  const cols = Math.max(1, Math.floor((store.w - 0.1) / step))
  const rows = Math.max(1, Math.floor((store.d - 0.2) / step))
  const layer = Math.floor(k / (cols * rows))
  const r = Math.floor((k % (cols * rows)) / cols)
  const c = k % cols
  return {
    x: store.x0 + 0.08 + (c + 0.5) * step,
    y: store.y + 0.04 + layer * size,
    z: store.z0 + 0.1 + (r + 0.5) * step,
    size,
  }
}

function zoneColour(layout: SceneLayout, zone: string): string {
  const k = layout.zones.findIndex((z) => z.name === zone)
  return P.ZONE_WALLS[(k < 0 ? 0 : k) % P.ZONE_WALLS.length]!
}

/** Phase 1 of the writers: rooms sorted into the three mesh buckets by state (index lists, counts known up front). */
export interface RoomBuckets {
  bucket: readonly [Int32Array, Int32Array, Int32Array]
  bucketN: number[]
  running: number
  crashed: number
}

export function roomBuckets(rooms: SceneLayout['rooms']): RoomBuckets {
  const N = rooms.n
  const bucket = [new Int32Array(N), new Int32Array(N), new Int32Array(N)] as const
  const bucketN = [0, 0, 0]
  let running = 0
  let crashed = 0
  for (let c = 0; c < N; c++) {
    const st = rooms.containers[c]!.state
    const b = ROOM_STYLE[st].bucket
    bucket[b][bucketN[b]!++] = c
    if (st === 'running') running++
    else if (st === 'crashed') crashed++
  }
  return { bucket, bucketN, running, crashed }
}

/** Phase 2 of the writers: how many apartments and houses are in each drawn state. */
export interface StateCounts {
  vmScaffold: number
  vmRunning: number
  vmCrashed: number
  hostsOn: number
  hostsFailed: number
  cordoned: number
}

export function stateCounts(layout: SceneLayout): StateCounts {
  const { houses, vms } = layout
  const n: StateCounts = { vmScaffold: 0, vmRunning: 0, vmCrashed: 0, hostsOn: 0, hostsFailed: 0, cordoned: 0 }
  for (let v = 0; v < vms.n; v++) {
    const s = vms.vms[v]!.state
    if (s === 'provisioning' || s === 'booting') n.vmScaffold++
    else if (s === 'running') n.vmRunning++
    else if (s === 'crashed') n.vmCrashed++
  }
  for (let i = 0; i < houses.n; i++) {
    const p = houses.hosts[i]!.power
    if (p === 'on') n.hostsOn++
    else if (p === 'failed') n.hostsFailed++
    if (houses.hosts[i]!.unschedulable) n.cordoned++
  }
  return n
}

/**
 * Everything the meshes need for one world version, O(houses + apartments + rooms): the buckets
 * and counts above, then one writer per mesh (phase 3) that fills its instances when drawn.
 */
export function buildWriters(layout: SceneLayout): BuildingWriters {
  const { houses, vms, rooms } = layout
  const H = houses.n
  const V = vms.n
  const N = rooms.n
  const { bucket, bucketN, running, crashed: crashedRooms } = roomBuckets(rooms)
  const { vmScaffold: vmScaffoldN, vmRunning, vmCrashed, hostsOn, hostsFailed, cordoned } = stateCounts(layout)
  // Lit apartments: running (dark for the short stop-and-copy pause of a live migration) or booting.
  const vmLit = (v: number): boolean => {
    const vm = vms.vms[v]!
    return vm.state === 'booting' || (vm.state === 'running' && vm.migration?.phase !== 'stopcopy')
  }
  let vmLitN = 0
  for (let v = 0; v < V; v++) if (vmLit(v)) vmLitN++
  let notReady = 0
  for (let c = 0; c < N; c++) if (rooms.containers[c]!.state === 'running' && !rooms.containers[c]!.ready) notReady++
  let roomsPlaced = 0
  for (let c = 0; c < N; c++) if (rooms.house[c]! >= 0) roomsPlaced++
  let crateN = 0
  for (let i = 0; i < H; i++) crateN += Math.min(houses.hosts[i]!.cachedLayers.length, MAX_CRATES)
  const hostOf = (i: number) => houses.hosts[i]!
  /** The back pipe of a place: along its floor's back edge (the house's runs the whole width, behind the towers). */
  const pipeZ = (place: number): number => (place < H ? layout.stores[place]!.z0 - 0.2 : vms.z[place - H]! - vms.d[place - H]! / 2 + 0.1)
  const kernelColour = (place: number): string => {
    if (place < H) return hostOf(place).power === 'on' ? P.KERNEL_HOST : P.MARK
    const vm = vms.vms[place - H]!
    if (vm.state === 'crashed') return P.MARK
    if (vm.state !== 'running' && vm.state !== 'booting') return P.VM_STOPPED
    return P.KERNEL_OS[vm.os] ?? P.KERNEL_HOST
  }
  const appColours = layout.appColours
  const roomColour = (c: number): string => {
    const ct = rooms.containers[c]!
    const fixed = ROOM_STYLE[ct.state].colour
    if (fixed) return fixed
    let col = appColours.get(ct.appId)
    if (!col) appColours.set(ct.appId, (col = P.appColour(ct.appId)))
    // Mid-rollout, the old version's rooms are the pale shade of the app's colour.
    const target = layout.rollouts.get(ct.appId)
    if (target !== undefined && ct.imageId !== target) return P.oldVersion(col)
    return col
  }
  const writeRooms = (b: 0 | 1 | 2): InstanceWriter => ({
    count: bucketN[b]!,
    write: (m, cs, ids) => {
      const list = bucket[b]
      for (let k = 0; k < bucketN[b]!; k++) {
        const c = list[k]!
        const st = ROOM_STYLE[rooms.containers[c]!.state]
        const h = rooms.h[c]! * st.h
        const sink = st.tilt !== 0 ? 0.08 : 0
        writeBox(m, k, rooms.x[c]!, rooms.y[c]! - sink, rooms.z[c]!, rooms.w[c]!, h, rooms.d[c]!, st.tilt)
        writeColour(cs, k, roomColour(c))
        ids[k] = rooms.ids[c]!
      }
    },
  })

  const hostWall = (i: number): { colour: string; hf: number; slab: string } => {
    const p = houses.hosts[i]!.power
    // A kernel panic: the house stands (walls up, dimmed), only its shared plumbing failed.
    if (p === 'failed' && houses.hosts[i]!.kernelPanic) return { colour: P.WALL_PANIC, hf: 1, slab: P.SLAB_OFF }
    if (p === 'failed') return { colour: P.WALL_FAILED, hf: 0.35, slab: P.SLAB_FAILED }
    if (p === 'off') return { colour: P.WALL_OFF, hf: 0.5, slab: P.SLAB_OFF }
    return { colour: zoneColour(layout, houses.hosts[i]!.zone), hf: 1, slab: P.SLAB }
  }

  return {
    slabs: {
      count: H,
      write: (m, cs, ids) => {
        for (let i = 0; i < H; i++) {
          writeBox(m, i, houses.x[i]!, 0, houses.z[i]!, houses.w[i]!, SLAB_HEIGHT, houses.d[i]!)
          writeColour(cs, i, hostWall(i).slab)
          ids[i] = houses.ids[i]!
        }
      },
    },
    gables: {
      count: H,
      write: (m, cs, ids) => {
        for (let i = 0; i < H; i++) {
          const s = hostWall(i)
          const back = houses.z[i]! - houses.d[i]! / 2 + 0.25
          const tilt = houses.hosts[i]!.power === 'failed' && !houses.hosts[i]!.kernelPanic ? 0.06 : 0
          writeBox(m, i, houses.x[i]!, SLAB_HEIGHT, back, houses.w[i]!, houses.h[i]! * s.hf, 0.5, tilt)
          writeColour(cs, i, s.colour)
          ids[i] = houses.ids[i]!
        }
      },
    },
    doors: {
      count: hostsOn,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < H; i++) {
          if (houses.hosts[i]!.power !== 'on') continue
          writeBox(m, k, houses.doorX[i]!, 0, houses.doorZ[i]! + 0.05, 1.1, 0.12, 0.7)
          writeColour(cs, k, P.DOOR)
          ids[k++] = houses.ids[i]!
        }
      },
    },
    vmSolid: {
      count: V - vmScaffoldN,
      write: (m, cs, ids) => {
        let k = 0
        for (let v = 0; v < V; v++) {
          const vm = vms.vms[v]!
          if (vm.state === 'provisioning' || vm.state === 'booting') continue
          const crashed = vm.state === 'crashed'
          writeBox(
            m,
            k,
            vms.x[v]!,
            vms.y[v]! - (crashed ? 0.1 : 0),
            vms.z[v]!,
            vms.w[v]!,
            vms.h[v]! * (crashed ? 0.75 : 1),
            vms.d[v]!,
            crashed ? 0.07 : 0,
          )
          writeColour(cs, k, crashed ? P.VM_CRASHED : vm.state === 'stopped' ? P.VM_STOPPED : (P.VM_OS[vm.os] ?? P.VM_STOPPED))
          ids[k++] = vms.ids[v]!
        }
      },
    },
    vmScaffold: {
      count: vmScaffoldN,
      write: (m, cs, ids) => {
        let k = 0
        for (let v = 0; v < V; v++) {
          const vm = vms.vms[v]!
          if (vm.state !== 'provisioning' && vm.state !== 'booting') continue
          const prov = vm.state === 'provisioning'
          writeBox(m, k, vms.x[v]!, vms.y[v]!, vms.z[v]!, vms.w[v]!, vms.h[v]! * (prov ? 0.3 : 0.6), vms.d[v]!)
          writeColour(cs, k, prov ? P.VM_PROVISIONING : (P.VM_OS[vm.os] ?? P.VM_PROVISIONING))
          ids[k++] = vms.ids[v]!
        }
      },
    },
    roomSolid: writeRooms(0),
    roomScaffold: writeRooms(1),
    roomGhost: writeRooms(2),
    windows: {
      count: running + vmLitN + hostsOn,
      write: (m, cs, ids) => {
        let k = 0
        for (let c = 0; c < N; c++) {
          if (rooms.containers[c]!.state !== 'running') continue
          const w = rooms.w[c]!
          const h = rooms.h[c]!
          writeBox(m, k, rooms.x[c]!, rooms.y[c]! + h * 0.3, rooms.z[c]! + rooms.d[c]! / 2 + 0.01, w * 0.42, h * 0.38, 0.04)
          // A breached room's window glows red: the burglar is (or was) inside.
          writeColour(cs, k, rooms.containers[c]!.breached ? P.WINDOW_BREACHED : P.WINDOW_LIT)
          ids[k++] = rooms.ids[c]!
        }
        // An apartment's lights: a lit strip along its floor's front; while it boots, lit as far as the boot has gone.
        for (let v = 0; v < V; v++) {
          if (!vmLit(v)) continue
          const p = bootProgress(vms.vms[v]!, layout.timeMs)
          const full = vms.w[v]! * 0.92
          const w = Math.max(full * p, 0.02)
          const h = vms.h[v]!
          writeBox(m, k, vms.x[v]! - full / 2 + w / 2, vms.y[v]! + h * 0.2, vms.z[v]! + vms.d[v]! / 2 + 0.01, w, h * 0.6, 0.04)
          writeColour(cs, k, P.WINDOW_LIT)
          ids[k++] = vms.ids[v]!
        }
        for (let i = 0; i < H; i++) {
          if (houses.hosts[i]!.power !== 'on') continue
          const back = houses.z[i]! - houses.d[i]! / 2 + 0.5
          writeBox(m, k, houses.x[i]!, SLAB_HEIGHT + houses.h[i]! * 0.68, back + 0.02, 0.8, 0.8, 0.06)
          writeColour(cs, k, P.WINDOW_LIT)
          ids[k++] = houses.ids[i]!
        }
      },
    },
    // Cordoned (no new rooms) or draining: striped tape across the front of the house.
    cordons: {
      count: cordoned,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < H; i++) {
          const h = houses.hosts[i]!
          if (!h.unschedulable) continue
          writeBox(m, k, houses.x[i]!, 0.7, houses.doorZ[i]! + 0.25, houses.w[i]! * 0.96, 0.5, 0.12)
          writeColour(cs, k, h.draining ? P.CORDON_DRAIN : P.CORDON)
          ids[k++] = houses.ids[i]!
        }
      },
    },
    shut: {
      count: notReady,
      write: (m, cs, ids) => {
        let k = 0
        for (let c = 0; c < N; c++) {
          const ct = rooms.containers[c]!
          if (ct.state !== 'running' || ct.ready) continue
          const w = rooms.w[c]!
          writeBox(m, k, rooms.x[c]!, rooms.y[c]!, rooms.z[c]! + rooms.d[c]! / 2 + 0.03, Math.max(w * 0.55, 0.2), rooms.h[c]! * 0.85, 0.07)
          writeColour(cs, k, P.DOOR_SHUT)
          ids[k++] = rooms.ids[c]!
        }
      },
    },
    frames: {
      count: layout.frames.n,
      write: (m, cs, ids) => {
        const f = layout.frames
        for (let k = 0; k < f.n; k++) {
          writeBox(m, k, f.x[k]!, f.y[k]!, f.z[k]!, f.w[k]!, f.h[k]!, f.d[k]!)
          writeColour(cs, k, P.HYPERVISOR)
          ids[k] = f.ids[k]!
        }
      },
    },
    pipes: {
      count: H + V + roomsPlaced,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < H; i++) {
          const x0 = houses.x[i]! - houses.w[i]! / 2 + 0.45
          const x1 = layout.stores[i]!.x0 - 0.1
          writeBox(m, k, (x0 + x1) / 2, SLAB_HEIGHT, pipeZ(i), Math.max(x1 - x0, 0.1), 0.16, 0.16)
          writeColour(cs, k, kernelColour(i))
          ids[k++] = houses.ids[i]!
        }
        for (let v = 0; v < V; v++) {
          writeBox(m, k, vms.x[v]!, vms.y[v]! + vms.h[v]!, pipeZ(H + v), vms.w[v]! * 0.96, 0.13, 0.13)
          writeColour(cs, k, kernelColour(H + v))
          ids[k++] = vms.ids[v]!
        }
        // A branch from each room to the kernel it shares: its house's, or its apartment's.
        for (let c = 0; c < N; c++) {
          const i = rooms.house[c]!
          if (i < 0) continue
          const place = rooms.vm[c]! >= 0 ? H + rooms.vm[c]! : i
          const z0 = pipeZ(place)
          const z1 = rooms.z[c]!
          writeBox(m, k, rooms.x[c]!, rooms.y[c]!, (z0 + z1) / 2, 0.07, 0.07, Math.max(Math.abs(z1 - z0), 0.05))
          writeColour(cs, k, kernelColour(place))
          ids[k++] = rooms.ids[c]!
        }
      },
    },
    stores: {
      count: H * 3,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < H; i++) {
          const s = layout.stores[i]!
          const down = houses.hosts[i]!.power === 'failed'
          writeBox(m, k, s.x0 + s.w / 2, s.y, s.z0 + s.d / 2, s.w, 0.04, s.d)
          writeColour(cs, k, down ? P.SLAB_FAILED : P.STORE)
          ids[k++] = houses.ids[i]!
          // Two low walls (front and left) make it a room of its own.
          writeBox(m, k, s.x0 + s.w / 2, s.y, s.z0 + s.d, s.w, 0.45, 0.08)
          writeColour(cs, k, down ? P.WALL_FAILED : P.DOOR)
          ids[k++] = houses.ids[i]!
          writeBox(m, k, s.x0, s.y, s.z0 + s.d / 2, 0.08, 0.45, s.d)
          writeColour(cs, k, down ? P.WALL_FAILED : P.DOOR)
          ids[k++] = houses.ids[i]!
        }
      },
    },
    crates: {
      count: crateN,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < H; i++) {
          const cache = houses.hosts[i]!.cachedLayers
          const n = Math.min(cache.length, MAX_CRATES)
          for (let j = 0; j < n; j++) {
            const p = crateSpot(layout.stores[i]!, j)
            writeBox(m, k, p.x, p.y, p.z, p.size * 0.92, p.size * 0.92, p.size * 0.92)
            writeColour(cs, k, P.CRATES[j % P.CRATES.length]!)
            ids[k++] = houses.ids[i]!
          }
        }
      },
    },
    marks: {
      count: crashedRooms + vmCrashed + hostsFailed,
      write: (m, cs, ids) => {
        let k = 0
        for (let c = 0; c < N; c++) {
          if (rooms.containers[c]!.state !== 'crashed') continue
          const s = Math.max(rooms.w[c]! * 0.8, 0.5)
          writeBox(m, k, rooms.x[c]!, rooms.y[c]! + rooms.h[c]! * 0.8 + 0.15, rooms.z[c]!, s, s, s * 0.6)
          writeColour(cs, k, P.MARK)
          ids[k++] = rooms.ids[c]!
        }
        for (let v = 0; v < V; v++) {
          if (vms.vms[v]!.state !== 'crashed') continue
          const s = Math.min(Math.max(vms.w[v]! * 0.5, 0.8), 2)
          writeBox(m, k, vms.x[v]!, vms.y[v]! + vms.h[v]! + 0.3, vms.z[v]! + vms.d[v]! / 2, s, s, 0.6)
          writeColour(cs, k, P.MARK)
          ids[k++] = vms.ids[v]!
        }
        for (let i = 0; i < H; i++) {
          if (houses.hosts[i]!.power !== 'failed') continue
          const s = Math.min(houses.w[i]! * 0.5, 4)
          writeBox(m, k, houses.x[i]!, SLAB_HEIGHT + 0.6, houses.z[i]!, s, s, 0.8)
          writeColour(cs, k, P.MARK)
          ids[k++] = houses.ids[i]!
        }
      },
    },
  }
}

/** Where a thing is, for the camera to glide to and the highlight to sit on. */
export function boxOf(
  layout: SceneLayout,
  kind: Kind,
  id: string,
): { x: number; y: number; z: number; w: number; h: number; d: number } | null {
  const b = kind === 'host' ? layout.houses : kind === 'vm' ? layout.vms : layout.rooms
  const i = b.ids.indexOf(id)
  if (i < 0) return null
  return { x: b.x[i]!, y: b.y[i]!, z: b.z[i]!, w: b.w[i]!, h: kind === 'host' ? b.h[i]! + SLAB_HEIGHT : b.h[i]!, d: b.d[i]! }
}

function sameSel(a: Selection, kind: Kind, id: string | null): boolean {
  if (id === null) return a === null
  return a !== null && a.kind === kind && 'id' in a && a.id === id
}

/**
 * Hover raycasts on every pointer move; past this many instances a mesh is clickable but not
 * hoverable (three.js tests every instance of an InstancedMesh against the ray).
 */
const HOVER_LIMIT = 20_000

function handlers(kind: Kind, layout: SceneLayout) {
  const n = kind === 'host' ? layout.houses.n : kind === 'vm' ? layout.vms.n : layout.rooms.n
  return {
    onPick: (id: string, e: ThreeEvent<MouseEvent>) => {
      void e
      useUi.getState().select({ kind, id })
    },
    onHover:
      n > HOVER_LIMIT
        ? undefined
        : (id: string | null) => {
            const ui = useUi.getState()
            if (id === null) {
              if (ui.hover && ui.hover.kind === kind) ui.setHover(null)
              return
            }
            if (!sameSel(ui.hover, kind, id)) ui.setHover({ kind, id })
          },
    onFocus: (id: string) => {
      const b = boxOf(layout, kind, id)
      if (b) {
        // A house is seen whole (and its neighbours' edges); an apartment with its floor; a room up close.
        const far = kind === 'host' ? Math.max(22, (b.w + b.d) * 1.6) : kind === 'vm' ? Math.max(18, (b.w + b.d) * 1.4) : 0
        useUi.getState().setFocus(far ? [b.x, b.y + b.h / 2, b.z, far] : [b.x, b.y + b.h / 2, b.z])
      }
      useUi.getState().select({ kind, id })
    },
  }
}

export function Buildings({ layout }: { layout: SceneLayout }) {
  const { geo, mat } = assets()
  const w = useMemo(() => buildWriters(layout), [layout])
  const hostH = useMemo(() => handlers('host', layout), [layout])
  const vmH = useMemo(() => handlers('vm', layout), [layout])
  const roomH = useMemo(() => handlers('container', layout), [layout])
  // A benchmark-sized street (tens of thousands of rooms) draws rooms as plain boxes: 12 triangles, not 108.
  const roomGeo = layout.rooms.n > 20_000 ? geo.box : geo.room
  return (
    <group>
      <Instanced name="house-slabs" geometry={geo.slab} material={mat.solid} data={w.slabs} receiveShadow castShadow {...hostH} />
      <Instanced name="house-gables" geometry={geo.gable} material={mat.flat} data={w.gables} castShadow receiveShadow {...hostH} />
      <Instanced name="house-doors" geometry={geo.box} material={mat.solid} data={w.doors} {...hostH} />
      <Instanced name="vm-blocks" geometry={geo.rounded} material={mat.solid} data={w.vmSolid} castShadow receiveShadow {...vmH} />
      <Instanced name="vm-scaffold" geometry={geo.rounded} material={mat.scaffold} data={w.vmScaffold} castShadow receiveShadow {...vmH} />
      <Instanced name="rooms" geometry={roomGeo} material={mat.solid} data={w.roomSolid} castShadow receiveShadow {...roomH} />
      <Instanced
        name="rooms-scaffold"
        geometry={roomGeo}
        material={mat.scaffold}
        data={w.roomScaffold}
        castShadow
        receiveShadow
        {...roomH}
      />
      <Instanced name="rooms-ghost" geometry={roomGeo} material={mat.ghost} data={w.roomGhost} {...roomH} />
      <Instanced name="windows" geometry={geo.pane} material={mat.window} data={w.windows} />
      <Instanced name="marks" geometry={geo.cross} material={mat.mark} data={w.marks} castShadow />
      <Instanced name="cordons" geometry={geo.box} material={mat.scaffold} data={w.cordons} {...hostH} />
      <Instanced name="hypervisor" geometry={geo.box} material={mat.solid} data={w.frames} castShadow {...hostH} />
      <Instanced name="kernel-pipes" geometry={geo.box} material={mat.solid} data={w.pipes} />
      <Instanced name="storerooms" geometry={geo.box} material={mat.solid} data={w.stores} receiveShadow {...hostH} />
      <Instanced name="closed-doors" geometry={geo.box} material={mat.solid} data={w.shut} {...roomH} />
      <Instanced name="crates" geometry={geo.box} material={mat.solid} data={w.crates} castShadow {...hostH} />
    </group>
  )
}
