/**
 * Reports the renderer's counters once a frame for window.__houseOfPods.rendererInfo().
 * autoReset is off so the counts cover a whole frame (shadow pass included); this reads the last
 * frame's totals, then zeroes them for the next.
 */
import { useEffect } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import * as THREE from 'three'
import { reportRendererInfo, reportSceneProbe } from '../state/debug'
import { boxOf } from './Buildings'
import type { SceneLayout } from './layout'
import { SLAB_HEIGHT } from './layout'

/** Instances per named instanced mesh, and for meshes with a per-instance opacity how many are cut away (< 0.5). */
export function countInstances(root: THREE.Object3D): Record<string, number> {
  const out: Record<string, number> = {}
  root.traverse((o) => {
    if (!(o instanceof THREE.InstancedMesh) || !o.name || !o.visible) return
    out[o.name] = (out[o.name] ?? 0) + o.count
    const op = o.geometry.getAttribute('instanceOpacity')
    if (op) {
      let cut = 0
      for (let i = 0; i < o.count; i++) if (op.getX(i) < 0.5) cut++
      out[`${o.name}:cut`] = cut
    }
  })
  return out
}

/** See SceneProbe.hiddenRooms: ray tests from the camera against the boxes that can stand between it and a room. */
function hiddenRooms(layout: SceneLayout, scene: THREE.Scene, camera: THREE.Camera): { rooms: number; hidden: string[] } {
  const boxes: THREE.Box3[] = []
  const add = (x: number, y: number, z: number, w: number, h: number, d: number) =>
    boxes.push(new THREE.Box3(new THREE.Vector3(x - w / 2, y, z - d / 2), new THREE.Vector3(x + w / 2, y + h, z + d / 2)))
  const { vms, frames, houses, rooms } = layout
  for (let v = 0; v < vms.n; v++) add(vms.x[v]!, vms.y[v]!, vms.z[v]!, vms.w[v]!, vms.h[v]!, vms.d[v]!)
  for (let k = 0; k < frames.n; k++) add(frames.x[k]!, frames.y[k]!, frames.z[k]!, frames.w[k]!, frames.h[k]!, frames.d[k]!)
  // The front walls as drawn now (their instance matrices), those not cut away.
  const walls = scene.getObjectByName('front-walls')
  if (walls instanceof THREE.InstancedMesh) {
    const op = walls.geometry.getAttribute('instanceOpacity')
    const m = new THREE.Matrix4()
    for (let i = 0; i < Math.min(walls.count, houses.n); i++) {
      if (op && op.getX(i) < 0.5) continue
      walls.getMatrixAt(i, m)
      boxes.push(new THREE.Box3(new THREE.Vector3(-0.5, 0, -0.5), new THREE.Vector3(0.5, 1, 0.5)).applyMatrix4(m))
    }
  }
  const eye = new THREE.Vector3().setFromMatrixPosition(camera.matrixWorld)
  const ray = new THREE.Ray()
  const hit = new THREE.Vector3()
  const p = new THREE.Vector3()
  const seen = (x: number, y: number, z: number): boolean => {
    p.set(x, y, z)
    const v = p.clone().project(camera)
    if (v.z > 1 || Math.abs(v.x) > 1 || Math.abs(v.y) > 1) return false
    const dist = eye.distanceTo(p)
    ray.set(eye, p.clone().sub(eye).normalize())
    for (const b of boxes) if (!b.containsPoint(p) && ray.intersectBox(b, hit) && eye.distanceTo(hit) < dist - 0.02) return false
    return true
  }
  const hidden: string[] = []
  let n = 0
  for (let c = 0; c < rooms.n; c++) {
    if (rooms.house[c]! < 0) continue
    n++
    const x = rooms.x[c]!
    const top = rooms.y[c]! + rooms.h[c]! * 0.95
    const z = rooms.z[c]!
    const front = z + rooms.d[c]! / 2
    if (!seen(x, top, z) && !seen(x, top, front - 0.02) && !seen(x, rooms.y[c]! + rooms.h[c]! / 2, front + 0.01)) hidden.push(rooms.ids[c]!)
  }
  return { rooms: n, hidden }
}

export function RendererProbe({ layout }: { layout: SceneLayout }) {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const size = useThree((s) => s.size)
  const get = useThree((s) => s.get)
  useEffect(() => {
    reportSceneProbe({
      counts: () => countInstances(scene),
      instance: (name, i) => {
        const m = scene.getObjectByName(name)
        if (!(m instanceof THREE.InstancedMesh) || i >= m.count) return null
        const at = new THREE.Matrix4()
        m.getMatrixAt(i, at)
        const p = new THREE.Vector3().setFromMatrixPosition(at)
        return [p.x, p.y, p.z]
      },
      project: (kind, id) => {
        const b = boxOf(layout, kind, id)
        if (!b) return null
        // A house: the peak of its back wall (the house itself, above whatever stands inside it).
        const i = kind === 'host' ? layout.houses.ids.indexOf(id) : -1
        const v = (
          i >= 0
            ? new THREE.Vector3(b.x, SLAB_HEIGHT + layout.houses.h[i]! * 0.82, b.z - b.d / 2 + 0.25)
            : new THREE.Vector3(b.x, b.y + b.h / 2, b.z)
        ).project(camera)
        if (v.z > 1) return null
        const r = gl.domElement.getBoundingClientRect()
        return { x: r.left + ((v.x + 1) / 2) * size.width, y: r.top + ((1 - v.y) / 2) * size.height }
      },
      hiddenRooms: () => hiddenRooms(layout, scene, camera),
      view: () => {
        const t = (get().controls as unknown as { target?: THREE.Vector3 } | null)?.target
        if (!t) return null
        return { target: [t.x, t.y, t.z], distance: camera.position.distanceTo(t) }
      },
    })
    return () => reportSceneProbe(null)
  }, [scene, camera, layout, gl, size, get])
  useEffect(() => {
    gl.info.autoReset = false
    gl.info.reset()
  }, [gl])
  useFrame(() => {
    const i = gl.info
    if (i.render.frame > 0) {
      reportRendererInfo({
        calls: i.render.calls,
        triangles: i.render.triangles,
        geometries: i.memory.geometries,
        textures: i.memory.textures,
        frames: i.render.frame,
      })
    }
    i.reset()
  })
  return null
}
