/**
 * The city view, for big streets (M and L: hundreds to thousands of houses): each house is one
 * block whose height and colour say how much of it is requested (CPU or memory, whichever is
 * fuller), on the same plan of districts and streets as the detailed view. A house that is down
 * is a low dark block with a red marker above it; a cordoned one is striped with an amber marker:
 * the markers' shapes differ, so colour is never the only sign. Rooms and apartments are not drawn
 * (150,000 rooms would be millions of triangles); the inspector and the street tree show them.
 * A few meshes in all: the draw calls stay flat, the triangles a few per house.
 */
import { useMemo } from 'react'
import type { ThreeEvent } from '@react-three/fiber'
import { hostCapacity } from '../sim/capacity'
import type { Host, World } from '../sim/types'
import { useUi } from '../state/ui'
import { useWorldVersion } from '../state/useWorld'
import { assets } from './assets'
import { Instanced, writeBox, writeColour } from './Instanced'
import type { InstanceWriter } from './Instanced'
import { layoutWorld } from './layout'
import type { SceneLayout } from './layout'

/** From this many houses the street is drawn as a city (the benchmark's M has 500, S has 10). */
export const CITY_MIN_HOUSES = 200

/** Requested share → colour: calm green, then amber, then red when nearly full. */
const FILL = ['#7fb77e', '#b9c96a', '#e9b949', '#e08a4f', '#d1495b'] as const
const DOWN = '#3a3a44'
const CORDONED = '#e9b949'
const DOWN_MARK = '#d1495b'

const NO_ROOMS: World['containers'] = Object.freeze({}) as World['containers']

/** How full a house is by its requests (0–1): CPU or memory, whichever is fuller. */
export function requestedShare(h: Host): number {
  const cap = hostCapacity(h)
  const cpu = cap.cpuMilli > 0 ? h.alloc.cpuMilli / cap.cpuMilli : 0
  const mem = cap.memMiB > 0 ? h.alloc.memMiB / cap.memMiB : 0
  return Math.max(0, Math.min(1, Math.max(cpu, mem)))
}

/** The plan of the city: the detailed layout's districts and streets, without apartments or rooms. */
export function cityLayout(world: World): SceneLayout {
  return layoutWorld({ ...world, vms: {}, containers: NO_ROOMS })
}

export function CityView({ layout }: { layout: SceneLayout }) {
  const { world, version } = useWorldVersion()
  const { geo, mat } = assets()
  const houses = layout.houses

  const data = useMemo(() => {
    void version
    const n = houses.n
    const blocks: InstanceWriter = {
      count: n,
      write: (m, cs, ids) => {
        for (let i = 0; i < n; i++) {
          const h = world.hosts[houses.ids[i]!]
          const down = !h || h.power !== 'on'
          const share = h && !down ? requestedShare(h) : 0
          const height = down ? 0.4 : houses.h[i]! * (0.6 + 2.4 * share)
          writeBox(m, i, houses.x[i]!, 0, houses.z[i]!, houses.w[i]! * 0.9, height, houses.d[i]! * 0.9)
          writeColour(cs, i, down ? DOWN : h.unschedulable ? CORDONED : FILL[Math.min(FILL.length - 1, Math.floor(share * FILL.length))]!)
          ids[i] = houses.ids[i]!
        }
      },
    }
    // Markers above the houses that need a look: a red cone for down, an amber cross for cordoned.
    const downAt: number[] = []
    const cordonAt: number[] = []
    for (let i = 0; i < n; i++) {
      const h = world.hosts[houses.ids[i]!]
      if (!h || h.power !== 'on') downAt.push(i)
      else if (h.unschedulable) cordonAt.push(i)
    }
    const marker = (at: number[], colour: string, lift: number): InstanceWriter => ({
      count: at.length,
      write: (m, cs, ids) =>
        at.forEach((i, k) => {
          const s = Math.max(1.5, houses.w[i]! * 0.35)
          writeBox(m, k, houses.x[i]!, houses.h[i]! * lift + 1, houses.z[i]!, s, s * 1.6, s)
          writeColour(cs, k, colour)
          ids[k] = houses.ids[i]!
        }),
    })
    return { blocks, down: marker(downAt, DOWN_MARK, 0.3), cordoned: marker(cordonAt, CORDONED, 1) }
  }, [version, world, houses])

  const onPick = (id: string, e: ThreeEvent<MouseEvent>) => {
    void e
    useUi.getState().select({ kind: 'host', id })
  }
  return (
    <>
      <Instanced name="city-blocks" geometry={geo.box} material={mat.flat} data={data.blocks} receiveShadow onPick={onPick} />
      <Instanced name="city-down" geometry={geo.dropped} material={mat.solid} data={data.down} onPick={onPick} />
      <Instanced name="city-cordoned" geometry={geo.cross} material={mat.solid} data={data.cordoned} onPick={onPick} />
    </>
  )
}
