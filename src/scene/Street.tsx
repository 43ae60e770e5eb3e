/** The ground, one street per row of houses, parks between zones and their trees: all instanced. */
import { useMemo } from 'react'
import { assets } from './assets'
import { Instanced, writeBox, writeColour } from './Instanced'
import type { InstanceWriter } from './Instanced'
import type { SceneLayout } from './layout'
import * as P from './palette'

const TREE_STEP = 6

export function Street({ layout }: { layout: SceneLayout }) {
  const { geo, mat } = assets()
  const { streets, parks, bounds, manager } = layout

  const data = useMemo(() => {
    const road: InstanceWriter = {
      count: streets.length * 3 + parks.length,
      write: (m, cs, ids) => {
        let k = 0
        for (const s of streets) {
          writeBox(m, k, s.x, 0, s.z - s.d / 2 - 0.35, s.w, 0.06, 0.7)
          writeColour(cs, k, P.KERB)
          ids[k++] = 'kerb'
          writeBox(m, k, s.x, 0, s.z, s.w, 0.03, s.d)
          writeColour(cs, k, P.ASPHALT)
          ids[k++] = 'street'
          writeBox(m, k, s.x, 0, s.z, s.w, 0.045, 0.14)
          writeColour(cs, k, P.LANE)
          ids[k++] = 'lane'
        }
        for (const p of parks) {
          writeBox(m, k, p.x, 0, p.z, p.w, 0.02, p.d)
          writeColour(cs, k, P.PARK)
          ids[k++] = 'park'
        }
      },
    }
    // Trees down the middle of each park, and a little grove by the manager's office.
    const spots: number[] = []
    for (const p of parks) {
      const n = Math.max(1, Math.floor(p.d / TREE_STEP))
      for (let i = 0; i < n; i++) spots.push(p.x + (i % 2 ? 1.2 : -1.2), p.z - p.d / 2 + (i + 0.5) * (p.d / n))
    }
    spots.push(manager.x - 4, manager.z - 6, manager.x + 3, manager.z - 7, manager.x - 1, manager.z - 9)
    const tn = spots.length / 2
    const crowns: InstanceWriter = {
      count: tn,
      write: (m, cs, ids) => {
        for (let i = 0; i < tn; i++) {
          const s = 1.3 + ((i * 37) % 5) * 0.15
          writeBox(m, i, spots[i * 2]!, 1.3 + s * 0.7, spots[i * 2 + 1]!, s, s * 1.15, s)
          writeColour(cs, i, i % 3 === 0 ? '#5f9e4f' : '#6fae5a')
          ids[i] = 'tree'
        }
      },
    }
    const trunks: InstanceWriter = {
      count: tn,
      write: (m, cs, ids) => {
        for (let i = 0; i < tn; i++) {
          writeBox(m, i, spots[i * 2]!, 0, spots[i * 2 + 1]!, 0.35, 1.6, 0.35)
          writeColour(cs, i, '#8a5a3b')
          ids[i] = 'tree'
        }
      },
    }
    return { road, crowns, trunks }
  }, [streets, parks, manager])

  const cx = (bounds.minX + bounds.maxX) / 2
  const cz = (bounds.minZ + bounds.maxZ) / 2
  // Wide enough that its edge stays beyond the fog from any camera the controls allow.
  const size = Math.max(bounds.maxX - bounds.minX, bounds.maxZ - bounds.minZ) * 4 + 3000
  return (
    <group>
      <mesh geometry={geo.plane} position={[cx, -0.01, cz]} scale={[size, 1, size]} receiveShadow raycast={() => null}>
        <meshStandardMaterial attach="material" color={P.GRASS} roughness={1} />
      </mesh>
      <Instanced name="streets" geometry={geo.box} material={mat.solid} data={data.road} receiveShadow />
      <Instanced name="tree-crowns" geometry={geo.crown} material={mat.flat} data={data.crowns} castShadow />
      <Instanced name="tree-trunks" geometry={geo.box} material={mat.solid} data={data.trunks} castShadow />
    </group>
  )
}
