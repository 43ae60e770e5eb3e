/**
 * The dollhouse cutaway: every house has a front wall, and the wall fades away while the camera
 * looks at the house (its middle shows in the part of the window the panels leave open), so its
 * floors, rooms, plumbing and storeroom are seen; houses at the edge of the view keep their wall.
 * One instanced mesh whose per-instance opacity eases in refs each frame (a jump under reduced
 * motion): no React render, one draw call however many houses.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import * as THREE from 'three'
import { assets } from './assets'
import { writeBox, writeColour } from './Instanced'
import type { SceneLayout } from './layout'
import { SLAB_HEIGHT } from './layout'
import * as P from './palette'
import { viewInsets } from './view'
import { useUi } from '../state/ui'

/** How see-through a looked-at house's front wall gets (0 = gone). */
export const CUT_OPACITY = 0.08

/** A standard material whose alpha is multiplied per instance by the `instanceOpacity` attribute. */
function fadingMaterial(): THREE.MeshStandardMaterial {
  const m = new THREE.MeshStandardMaterial({ color: '#ffffff', roughness: 0.85, transparent: true, depthWrite: false })
  m.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float instanceOpacity;\nvarying float vInstanceOpacity;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvInstanceOpacity = instanceOpacity;')
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nvarying float vInstanceOpacity;')
      .replace('#include <color_fragment>', '#include <color_fragment>\ndiffuseColor.a *= vInstanceOpacity;')
  }
  return m
}

/** Whether a house's middle shows in the open part of the window (a margin of a tenth of it). */
export function looksAt(ndcX: number, ndcY: number, behind: boolean, width: number, height: number): boolean {
  if (behind) return false
  const x = ((ndcX + 1) / 2) * width
  const y = ((1 - ndcY) / 2) * height
  const mx = (width - viewInsets.left - viewInsets.right) * 0.1
  const my = (height - viewInsets.top - viewInsets.bottom) * 0.1
  return x > viewInsets.left + mx && x < width - viewInsets.right - mx && y > viewInsets.top + my && y < height - viewInsets.bottom - my
}

export function FrontWalls({ layout }: { layout: SceneLayout }) {
  const { geo } = assets()
  const material = useMemo(fadingMaterial, [])
  useEffect(() => () => material.dispose(), [material])
  const camera = useThree((s) => s.camera)
  const size = useThree((s) => s.size)
  const houses = layout.houses
  const n = houses.n
  const capacity = Math.max(16, n)
  const mesh = useRef<THREE.InstancedMesh>(null)
  const opacity = useMemo(() => new THREE.InstancedBufferAttribute(new Float32Array(capacity).fill(1), 1), [capacity])
  const p = useMemo(() => new THREE.Vector3(), [])

  useEffect(() => {
    const m = mesh.current
    if (!m) return
    if (!m.instanceColor) m.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3).fill(1), 3)
    const a = m.instanceMatrix.array as Float32Array
    const cs = m.instanceColor.array as Float32Array
    for (let i = 0; i < n; i++) {
      const down = houses.hosts[i]!.power !== 'on'
      writeBox(
        a,
        i,
        houses.x[i]!,
        SLAB_HEIGHT,
        houses.z[i]! + houses.d[i]! / 2 - 0.1,
        houses.w[i]!,
        houses.h[i]! * (down ? 0.35 : 0.75),
        0.16,
      )
      writeColour(cs, i, down ? P.WALL_OFF : P.KERB)
    }
    m.count = n
    m.instanceMatrix.needsUpdate = true
    m.instanceColor.needsUpdate = true
    m.computeBoundingSphere()
  }, [houses, n, capacity])

  useFrame((_, dt) => {
    const m = mesh.current
    if (!m) return
    const reduced = useUi.getState().reducedMotion
    const a = opacity.array as Float32Array
    const k = reduced ? 1 : 1 - Math.exp(-dt * 6)
    let changed = false
    for (let i = 0; i < n; i++) {
      p.set(houses.x[i]!, SLAB_HEIGHT + houses.h[i]! / 2, houses.z[i]!).project(camera)
      const goal = looksAt(p.x, p.y, p.z > 1, size.width, size.height) ? CUT_OPACITY : 1
      const now = a[i]!
      if (Math.abs(now - goal) < 0.005) {
        if (now !== goal) {
          a[i] = goal
          changed = true
        }
        continue
      }
      a[i] = now + (goal - now) * k
      changed = true
    }
    if (changed) opacity.needsUpdate = true
  })

  return (
    <instancedMesh
      key={capacity}
      ref={(m) => {
        mesh.current = m
        if (m) m.geometry.setAttribute('instanceOpacity', opacity)
      }}
      name="front-walls"
      args={[geo.wall, material, capacity]}
      raycast={() => null}
    />
  )
}
