/**
 * Visitors (requests) walking along the street to the front door of a house, past its doorman (the
 * Service), and on into one of their app's ready rooms (up to its floor when it is in an
 * apartment); a room that is open but not ready gets none. How many walk follows each app's
 * served and offered rate (capped); turned-away visitors (dropped requests) are red cones that
 * walk up to the door and back again.
 * Who walks where is decided when the world changes; only their motion is per frame, in refs.
 */
import { useMemo, useRef } from 'react'
import { useFrame } from '@react-three/fiber'
import * as THREE from 'three'
import { assets } from './assets'
import { writeBox, writeColour } from './Instanced'
import type { SceneLayout } from './layout'
import * as P from './palette'
import { useGame } from '../state/game'
import { useUi } from '../state/ui'

const MAX_VISITORS = 320
const CAPACITY = 512
const WALK = 3.2 // units a second
const APPROACH = 28 // how far down the street a visitor appears

const STRIDE = 9

interface Walkers {
  n: number
  /** per visitor: start x, street z, door x, door z, phase, path length, room x, room y, room z */
  p: Float32Array
}

function plan(layout: SceneLayout, served: boolean): Walkers {
  const world = useGame.getState().world
  const { rooms, houses } = layout
  // Ready rooms per app (the doorman's rotation: Service endpoints), and the houses they stand in.
  const ready = new Map<string, number[]>()
  for (let c = 0; c < rooms.n; c++) {
    const ct = rooms.containers[c]!
    if (ct.state !== 'running' || !ct.ready) continue
    if (rooms.house[c]! < 0) continue
    let l = ready.get(ct.appId)
    if (!l) ready.set(ct.appId, (l = []))
    l.push(c)
  }
  const apps = Object.values(world.apps)
  let total = 0
  for (const a of apps) total += a.rps
  const scale = total > 0 ? Math.min(0.3, MAX_VISITORS / total) : 0
  const p = new Float32Array(CAPACITY * STRIDE)
  let n = 0
  let seed = 1
  for (const a of apps) {
    // Before the clock first runs no visitor has come, so none is shown turned away yet.
    const rate = served ? a.lastServedRps : world.timeMs > 0 ? Math.max(0, a.rps - a.lastServedRps) : 0
    const want = Math.min(Math.round(rate * scale), MAX_VISITORS - n)
    const targets = ready.get(a.id)
    for (let j = 0; j < want && n < CAPACITY; j++) {
      const room = targets && targets.length ? targets[j % targets.length]! : -1
      const h = room >= 0 ? rooms.house[room]! : houses.n ? (j * 7) % houses.n : -1
      if (h < 0) break
      seed = (seed * 16807) % 2147483647
      const doorX = houses.doorX[h]!
      const start = doorX - APPROACH * (0.4 + 0.6 * ((seed % 1000) / 1000))
      const o = n * STRIDE
      p[o] = start
      p[o + 1] = houses.streetZ[h]! + ((seed >> 10) % 3) * 0.6 - 0.6
      p[o + 2] = doorX
      p[o + 3] = houses.doorZ[h]! + 0.4
      p[o + 4] = (seed % 997) / 997
      // Served visitors go on through the door into their room; turned-away ones stop at the door.
      const inside = served && room >= 0
      p[o + 6] = inside ? rooms.x[room]! : doorX
      p[o + 7] = inside ? rooms.y[room]! : 0
      p[o + 8] = inside ? rooms.z[room]! + rooms.d[room]! / 2 : p[o + 3]!
      p[o + 5] = doorX - start + (p[o + 1]! - p[o + 3]!) + Math.hypot(p[o + 6]! - doorX, p[o + 8]! - p[o + 3]!)
      n++
    }
  }
  return { n, p }
}

function Walk({ layout, served }: { layout: SceneLayout; served: boolean }) {
  const { geo, mat } = assets()
  const version = useGame((s) => s.version)
  const walkers = useMemo(() => {
    void version
    return plan(layout, served)
  }, [layout, served, version])
  const mesh = useRef<THREE.InstancedMesh>(null)
  const clock = useRef(0)
  const colour = useRef(false)

  useFrame((_, dt) => {
    const m = mesh.current
    if (!m) return
    const g = useGame.getState()
    const still = g.paused || useUi.getState().reducedMotion
    if (!still) clock.current += Math.min(dt, 0.1) * Math.min(g.speed, 4)
    const a = m.instanceMatrix.array as Float32Array
    const { n, p } = walkers
    for (let i = 0; i < n; i++) {
      const o = i * STRIDE
      const len = Math.max(p[o + 5]!, 1)
      let t = ((clock.current * WALK) / len + p[o + 4]!) % 1
      // Turned-away visitors walk to the door and back.
      if (!served) t = t < 0.5 ? t * 2 : 2 - t * 2
      const along = t * len
      const street = p[o + 2]! - p[o]!
      const path = p[o + 1]! - p[o + 3]!
      let x: number
      let y = 0
      let z: number
      if (along < street) {
        x = p[o]! + along
        z = p[o + 1]!
      } else if (along < street + path) {
        x = p[o + 2]!
        z = p[o + 1]! - (along - street)
      } else {
        // Past the doorman, into the room (climbing to its floor when it is in an apartment).
        const last = Math.max(len - street - path, 0.001)
        const f = Math.min(1, (along - street - path) / last)
        x = p[o + 2]! + (p[o + 6]! - p[o + 2]!) * f
        y = p[o + 7]! * f
        z = p[o + 3]! + (p[o + 8]! - p[o + 3]!) * f
      }
      writeBox(a, i, x, y, z, 1, 1, 1)
    }
    if (!colour.current || m.count !== n) {
      const cs = m.instanceColor?.array as Float32Array | undefined
      if (cs) for (let i = 0; i < n; i++) writeColour(cs, i, served ? P.VISITOR : P.VISITOR_DROPPED)
      if (m.instanceColor) m.instanceColor.needsUpdate = true
      colour.current = true
    }
    m.count = n
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <instancedMesh
      ref={(m) => {
        mesh.current = m
        if (m && !m.instanceColor) m.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(CAPACITY * 3).fill(1), 3)
      }}
      args={[served ? geo.visitor : geo.dropped, mat.solid, CAPACITY]}
      frustumCulled={false}
      castShadow
      raycast={() => null}
    />
  )
}

export function Visitors({ layout }: { layout: SceneLayout }) {
  return (
    <group>
      <Walk layout={layout} served />
      <Walk layout={layout} served={false} />
    </group>
  )
}
