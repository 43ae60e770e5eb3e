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
