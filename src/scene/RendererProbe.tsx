/**
 * Reports the renderer's counters once a frame for window.__houseOfPods.rendererInfo().
 * autoReset is off so the counts cover a whole frame (shadow pass included); this reads the last
 * frame's totals, then zeroes them for the next.
 */
import { useEffect } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { reportRendererInfo } from '../state/debug'

export function RendererProbe() {
  const gl = useThree((s) => s.gl)
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
