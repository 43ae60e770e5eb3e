/** Tells the overview map the street's plan and the ground the camera sees (overview.ts). */
import { useEffect, useMemo } from 'react'
import { useFrame } from '@react-three/fiber'
import * as THREE from 'three'
import type { SceneLayout } from './layout'
import { cameraFootprint, publishLayout } from './overview'

const CORNERS: [number, number][] = [
  [-1, 1],
  [1, 1],
  [1, -1],
  [-1, -1],
]

export function OverviewProbe({ layout }: { layout: SceneLayout }) {
  useEffect(() => publishLayout(layout), [layout])
  useEffect(() => () => publishLayout(null), [])
  const v = useMemo(() => new THREE.Vector3(), [])
  const pos = useMemo(() => new THREE.Vector3(), [])
  const last = useMemo(() => new Float64Array(11), [])
  useFrame((state) => {
    const cam = state.camera
    cam.getWorldPosition(pos)
    const target = (state.controls as unknown as { target?: THREE.Vector3 } | null)?.target
    const span = Math.max(layout.bounds.maxX - layout.bounds.minX, layout.bounds.maxZ - layout.bounds.minZ, 50)
    const far = span * 1.5
    const c = cameraFootprint.corners
    CORNERS.forEach(([nx, ny], k) => {
      v.set(nx, ny, 0.5).unproject(cam).sub(pos).normalize()
      // A ray that never meets the ground (above the horizon) is cut off at `far`, flattened.
      const t = v.y < -1e-3 ? Math.min(-pos.y / v.y, far) : far
      if (v.y >= -1e-3) v.setY(0).normalize()
      c[k * 2] = pos.x + v.x * t
      c[k * 2 + 1] = pos.z + v.z * t
    })
    const tx = target?.x ?? pos.x
    const tz = target?.z ?? pos.z
    const distance = target ? pos.distanceTo(target) : pos.y
    let moved = Math.abs(last[8]! - tx) + Math.abs(last[9]! - tz) + Math.abs(last[10]! - distance)
    for (let i = 0; i < 8; i++) moved += Math.abs(last[i]! - c[i]!)
    if (moved < 0.05) return
    last.set(c)
    last[8] = tx
    last[9] = tz
    last[10] = distance
    cameraFootprint.x = tx
    cameraFootprint.z = tz
    cameraFootprint.distance = distance
    cameraFootprint.seq++
  })
  return null
}
