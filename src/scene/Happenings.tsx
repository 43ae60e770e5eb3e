/**
 * Events you watch, drawn where they happen (small streets; every mesh instanced, so draw calls
 * stay flat): an image pull's delivery van driving to the house with a crate per missing layer
 * (layers the place already has are not delivered again); the doorman at the door of each house
 * that lets visitors in; a trail of footprints from a room's old place to its new one after an
 * eviction, a drain or a dead house; a breach's burglar walking from room to room up to the wall
 * that stops it (the apartment wall in red, or no wall on a shared kernel); a live migration's
 * apartment sliding to the floor it will have in its new house. Under reduced motion each is a still highlight: the van
 * parked at the door, the burglar standing in the last room reached, the apartment at its goal.
 */
import { useMemo, useRef } from 'react'
import { useFrame } from '@react-three/fiber'
import * as THREE from 'three'
import { assets } from './assets'
import { Instanced, writeBox, writeColour } from './Instanced'
import type { InstanceWriter } from './Instanced'
import type { SceneLayout } from './layout'
import { breachOf, deliveries, doormen, newMoveMemory, trackMoves, vanSpot } from './happenings'
import type { Breach } from './happenings'
import * as P from './palette'
import { useGame } from '../state/game'
import { useUi } from '../state/ui'
import { useWorld } from '../state/useWorld'
import type { World } from '../sim/types'

const MAX_VAN_CRATES = 8
/** Seconds a burglar takes from one room to the next, and how long a breach stays drawn. */
const HOP_S = 0.9
const BREACH_SHOW_S = 30

/**
 * When the scene first drew each breach, on the burglars' own clock: seconds of play (it stands still
 * while the game is paused, as the visitors do), so a paused breach waits at its first room for Play.
 */
const breachSeen = new WeakMap<World, Map<number, number>>()
let playedS = 0

/** The breaches of the last 30 s of world time (at most four), each with when the scene first saw it. */
function recentBreaches(world: World): { b: Breach; seenAt: number }[] {
  const out: { b: Breach; seenAt: number }[] = []
  const now = playedS
  let seen = breachSeen.get(world)
  if (!seen) breachSeen.set(world, (seen = new Map()))
  for (let i = world.events.length - 1; i >= 0 && out.length < 4; i--) {
    const e = world.events[i]!
    if (world.timeMs - e.atMs > BREACH_SHOW_S * 1000) break
    const b = breachOf(e, world)
    if (!b) continue
    let seenAt = seen.get(b.seq)
    if (seenAt === undefined) seen.set(b.seq, (seenAt = now))
    out.push({ b, seenAt })
  }
  return out.reverse()
}

function Burglars({ layout, breaches }: { layout: SceneLayout; breaches: { b: Breach; seenAt: number }[] }) {
  const { geo, mat } = assets()
  const mesh = useRef<THREE.InstancedMesh>(null)
  const spots = useMemo(
    () =>
      breaches.map(({ b, seenAt }) => {
        const pts: [number, number, number][] = []
        for (const id of b.rooms) {
          const c = layout.rooms.ids.indexOf(id)
          if (c >= 0) pts.push([layout.rooms.x[c]!, layout.rooms.y[c]!, layout.rooms.z[c]! + layout.rooms.d[c]! / 2 + 0.25])
        }
        return { pts, seenAt }
      }),
    [breaches, layout],
  )
  useFrame((_, dt) => {
    const m = mesh.current
    if (!m) return
    const reduced = useUi.getState().reducedMotion
    if (!useGame.getState().paused && !reduced) playedS += Math.min(dt, 0.1)
    const now = playedS
    const a = m.instanceMatrix.array as Float32Array
    let k = 0
    for (const s of spots) {
      if (!s.pts.length) continue
      const t = reduced ? s.pts.length : (now - s.seenAt) / HOP_S
      const i = Math.min(Math.floor(t), s.pts.length - 1)
      const f = i >= s.pts.length - 1 ? 0 : t - i
      const p = s.pts[i]!
      const q = s.pts[Math.min(i + 1, s.pts.length - 1)]!
      const hop = Math.sin(f * Math.PI) * 0.6
      writeBox(a, k++, p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f + hop, p[2] + (q[2] - p[2]) * f, 1.6, 1.6, 1.6)
    }
    m.count = k
    m.instanceMatrix.needsUpdate = true
  })
  return (
    <instancedMesh
      ref={(m) => {
        mesh.current = m
        if (m && !m.instanceColor) {
          m.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(8 * 3), 3)
          for (let i = 0; i < 8; i++) writeColour(m.instanceColor.array as Float32Array, i, P.BURGLAR)
        }
      }}
      name="burglars"
      args={[geo.visitor, mat.solid, 8]}
      frustumCulled={false}
      raycast={() => null}
    />
  )
}

/** `shadows`: whether the happenings cast shadows (the city's detail draws them without, one draw call each). */
export function Happenings({ layout, shadows = true }: { layout: SceneLayout; shadows?: boolean }) {
  const { geo, mat } = assets()
  const world = useWorld()
  const reduced = useUi((s) => s.reducedMotion)
  const memory = useRef(newMoveMemory())
  const version = useGame((s) => s.version)
  const breaches = useMemo(() => {
    void version
    return recentBreaches(world)
  }, [world, version])

  const data = useMemo(() => {
    const { houses, vms, rooms } = layout
    // ---- Image pulls: a van per place and image, a crate on it per layer the place lacks --------
    const vans = deliveries(world, layout).map((d) => (reduced ? { ...d, progress: 1 } : d))
    let crateN = 0
    for (const d of vans) crateN += Math.min(d.carried, MAX_VAN_CRATES)
    const vanBodies: InstanceWriter = {
      count: vans.length * 2,
      write: (m, cs, ids) => {
        let k = 0
        for (const d of vans) {
          const s = vanSpot(layout, d)
          writeBox(m, k, s.x, 0.15, s.z, 2.4, 1.1, 1.3)
          writeColour(cs, k, P.VAN)
          ids[k++] = houses.ids[d.house]!
          writeBox(m, k, s.x - 1.55, 0.15, s.z, 0.8, 0.85, 1.2)
          writeColour(cs, k, P.VAN_CAB)
          ids[k++] = houses.ids[d.house]!
        }
      },
    }
    const vanCrates: InstanceWriter = {
      count: crateN,
      write: (m, cs, ids) => {
        let k = 0
        for (const d of vans) {
          const s = vanSpot(layout, d)
          const n = Math.min(d.carried, MAX_VAN_CRATES)
          for (let j = 0; j < n; j++) {
            writeBox(m, k, s.x - 0.85 + (j % 4) * 0.52, 1.25 + Math.floor(j / 4) * 0.46, s.z, 0.44, 0.44, 0.44)
            writeColour(cs, k, P.CRATES[j % P.CRATES.length]!)
            ids[k++] = houses.ids[d.house]!
          }
        }
      },
    }
    // ---- The doorman (the Service) at each house that lets visitors into ready rooms ------------
    const doors = doormen(world, layout)
    const doorMen: InstanceWriter = {
      count: doors.length,
      write: (m, cs, ids) => {
        doors.forEach((i, k) => {
          writeBox(m, k, houses.doorX[i]! - 0.95, 0, houses.doorZ[i]! + 0.45, 1.35, 1.45, 1.35)
          writeColour(cs, k, P.DOORMAN)
          ids[k] = houses.ids[i]!
        })
      },
    }
    // ---- Moves: footprints from a room's old place to its new one -------------------------------
    const trails = trackMoves(memory.current, world, layout)
    const steps: number[] = []
    for (const t of trails) {
      const dx = t.to.x - t.from.x
      const dz = t.to.z - t.from.z
      const len = Math.hypot(dx, dz)
      const n = Math.min(60, Math.max(2, Math.floor(len / 0.9)))
      for (let j = 0; j <= n; j++) steps.push(t.from.x + (dx * j) / n, t.from.z + (dz * j) / n, Math.atan2(dx, dz))
    }
    const trailColour = trails.map((t) => layout.appColours.get(t.appId) ?? P.TRAIL)
    const trailSteps: InstanceWriter = {
      count: steps.length / 3,
      write: (m, cs, ids) => {
        let k = 0
        let ti = 0
        let left = 0
        for (let s = 0; s < steps.length; s += 3) {
          if (left === 0 && ti < trails.length) {
            const t = trails[ti]!
            const len = Math.hypot(t.to.x - t.from.x, t.to.z - t.from.z)
            left = Math.min(60, Math.max(2, Math.floor(len / 0.9))) + 1
            ti++
          }
          left--
          writeBox(m, k, steps[s]!, 0.06, steps[s + 1]!, 0.45, 0.05, 0.45)
          writeColour(cs, k, trailColour[ti - 1] ?? P.TRAIL)
          ids[k++] = trails[ti - 1]?.toId ?? ''
        }
      },
    }
    // ---- Breaches: the wall that stopped the burglar, in red -----------------------------------
    const walls: { x: number; y: number; z: number; w: number; h: number; d: number }[] = []
    for (const { b } of breaches) {
      if (b.stop === 'apartment' && b.vmId) {
        const v = vms.ids.indexOf(b.vmId)
        if (v >= 0) walls.push({ x: vms.x[v]!, y: vms.y[v]!, z: vms.z[v]!, w: vms.w[v]! + 0.3, h: 1.45, d: vms.d[v]! + 0.3 })
      } else if (b.stop === 'room') {
        const c = rooms.ids.indexOf(b.rooms[0]!)
        if (c >= 0)
          walls.push({ x: rooms.x[c]!, y: rooms.y[c]!, z: rooms.z[c]!, w: rooms.w[c]! + 0.35, h: rooms.h[c]! + 0.5, d: rooms.d[c]! + 0.35 })
      }
    }
    const breachWalls: InstanceWriter = {
      count: walls.length,
      write: (m, cs, ids) => {
        walls.forEach((b, k) => {
          writeBox(m, k, b.x, b.y, b.z, b.w, b.h, b.d)
          writeColour(cs, k, P.MARK)
          ids[k] = 'breach-wall'
        })
      },
    }
    // ---- Live migrations: the apartment slides to the floor it will have in its new house (a striped copy) ----
    const moving: { x: number; y: number; z: number; w: number; h: number; d: number; os: string }[] = []
    for (let v = 0; v < vms.n; v++) {
      const mig = vms.vms[v]!.migration
      const goal = mig ? layout.landings.get(vms.ids[v]!) : undefined
      if (!mig || !goal) {
        migrationDone(memory.current, vms.ids[v]!)
        continue
      }
      const start = migrationStart(memory.current, vms.ids[v]!, layout.timeMs)
      const span = Math.max(1, mig.phaseEndsMs - start)
      const p = reduced || mig.phase === 'stopcopy' ? 1 : Math.max(0, Math.min(1, (layout.timeMs - start) / span))
      // Up over the roofs on the way (higher than either house), down onto its floor at the end.
      const lift = Math.max(houses.h[vms.house[v]!]!, houses.h[houses.ids.indexOf(mig.toHostId)] ?? 0) + 1.5
      const arc = Math.sin(p * Math.PI) * Math.max(0, lift - Math.min(vms.y[v]!, goal.y))
      moving.push({
        x: vms.x[v]! + (goal.x - vms.x[v]!) * p,
        y: vms.y[v]! + (goal.y - vms.y[v]!) * p + arc,
        z: vms.z[v]! + (goal.z - vms.z[v]!) * p,
        w: vms.w[v]! + (goal.w - vms.w[v]!) * p,
        h: vms.h[v]!,
        d: vms.d[v]! + (goal.d - vms.d[v]!) * p,
        os: vms.vms[v]!.os,
      })
    }
    const ghosts: InstanceWriter = {
      count: moving.length,
      write: (m, cs, ids) => {
        moving.forEach((g, k) => {
          writeBox(m, k, g.x, g.y, g.z, g.w, Math.max(g.h, 0.3), g.d)
          writeColour(cs, k, P.VM_OS[g.os] ?? P.VM_STOPPED)
          ids[k] = 'migrating'
        })
      },
    }
    return { vanBodies, vanCrates, doorMen, trailSteps, breachWalls, ghosts }
  }, [layout, world, reduced, breaches])

  return (
    <group>
      <Instanced name="delivery-vans" geometry={geo.rounded} material={mat.solid} data={data.vanBodies} castShadow={shadows} />
      <Instanced name="van-crates" geometry={geo.box} material={mat.solid} data={data.vanCrates} castShadow={shadows} />
      <Instanced name="doormen" geometry={geo.visitor} material={mat.solid} data={data.doorMen} castShadow={shadows} />
      <Instanced name="move-trails" geometry={geo.box} material={mat.solid} data={data.trailSteps} />
      <Instanced name="breach-walls" geometry={geo.box} material={mat.barrier} data={data.breachWalls} />
      <Instanced name="migrating" geometry={geo.rounded} material={mat.scaffold} data={data.ghosts} castShadow={shadows} />
      <Burglars layout={layout} breaches={breaches} />
    </group>
  )
}

/** When the scene first saw an apartment migrating (world time), so its slide spans the pre-copy. */
const migrationSeen = new WeakMap<object, Map<string, number>>()
function migrationStart(mem: object, vmId: string, now: number): number {
  let m = migrationSeen.get(mem)
  if (!m) migrationSeen.set(mem, (m = new Map()))
  const t = m.get(vmId)
  if (t !== undefined && t <= now) return t
  m.set(vmId, now)
  return now
}
function migrationDone(mem: object, vmId: string): void {
  migrationSeen.get(mem)?.delete(vmId)
}
