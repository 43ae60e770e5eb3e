/**
 * The city view, for big streets (M and L: hundreds to thousands of houses): each house is one
 * block whose height and colour say how much of it is requested (CPU or memory, whichever is
 * fuller), on the same plan of districts and streets as the detailed view. A house that is down
 * is a low dark block with a red marker above it; a cordoned one is striped with an amber marker:
 * the markers' shapes differ, so colour is never the only sign. Far houses are blocks (150,000
 * rooms would be millions of triangles); zooming in, the houses nearest the camera (at most
 * DETAIL_MAX_HOUSES, within DETAIL_RANGE) are drawn as on a small street, with their apartments,
 * rooms and visitors (cityDetail.ts), and labelled where the names can be read (CityLabels.tsx).
 * A few meshes in all: the draw calls stay flat, the triangles a few per house.
 */
import { useMemo, useRef, useState } from 'react'
import { useFrame } from '@react-three/fiber'
import type { ThreeEvent } from '@react-three/fiber'
import * as THREE from 'three'
import { hostCapacity } from '../sim/capacity'
import type { Host, World } from '../sim/types'
import { useUi } from '../state/ui'
import type { Selection } from '../state/ui'
import { useWorldVersion } from '../state/useWorld'
import { assets } from './assets'
import { Buildings } from './Buildings'
import { CityLabels, houseLabels } from './CityLabels'
import { detailLayout, nearHouses } from './cityDetail'
import { EventMarks } from './EventMarks'
import { Marker } from './Labels'
import { HIGHLIGHT_HOVER, HIGHLIGHT_SELECT } from './palette'
import { Visitors } from './Visitors'
import { requestFly } from './view'
import { Instanced, writeBox, writeColour } from './Instanced'
import type { InstanceWriter } from './Instanced'
import { layoutWorld } from './layout'
import type { SceneLayout } from './layout'

/** From this many houses the street is drawn as a city (the benchmark's M has 500, S has 10). */
export const CITY_MIN_HOUSES = 200

/** How far from a house the camera stops when flying to it: near enough that its neighbours are drawn in detail too. */
export const CITY_ZOOM_DISTANCE = 60

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

/** Which houses the camera is near: re-picked a few times a second, as ids (a new layout keeps them). */
function useNearHouses(layout: SceneLayout): string[] {
  const [near, setNear] = useState<string[]>([])
  const last = useRef({ at: -1, key: '' })
  const frustum = useMemo(() => new THREE.Frustum(), [])
  const m = useMemo(() => new THREE.Matrix4(), [])
  const sphere = useMemo(() => new THREE.Sphere(), [])
  const pos = useMemo(() => new THREE.Vector3(), [])
  useFrame((state) => {
    const t = state.clock.elapsedTime
    if (t - last.current.at < 0.25) return
    last.current.at = t
    const cam = state.camera
    cam.updateMatrixWorld()
    m.multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse)
    frustum.setFromProjectionMatrix(m)
    cam.getWorldPosition(pos)
    const h = layout.houses
    const idx = nearHouses(h, pos, (i) => {
      sphere.center.set(h.x[i]!, h.h[i]! / 2, h.z[i]!)
      sphere.radius = Math.max(h.w[i]!, h.d[i]!) * 0.75
      return frustum.intersectsSphere(sphere)
    })
    const ids = idx.map((i) => h.ids[i]!).sort()
    const key = ids.join(',')
    if (key === last.current.key) return
    last.current.key = key
    setNear(ids)
  })
  return near
}

/** The layout that holds the selected (or hovered) thing: the detailed one when it is drawn there. */
function layoutFor(sel: Selection, city: SceneLayout, detail: SceneLayout | null): SceneLayout {
  if (!sel || !('id' in sel) || !detail) return city
  const b = sel.kind === 'host' ? detail.houses : sel.kind === 'vm' ? detail.vms : sel.kind === 'container' ? detail.rooms : null
  return b && b.ids.includes(sel.id) ? detail : city
}

export function CityView({ layout }: { layout: SceneLayout }) {
  const { world, version } = useWorldVersion()
  const { geo, mat } = assets()
  const houses = layout.houses
  const nearIds = useNearHouses(layout)
  const vocab = useUi((s) => s.vocab)
  const selection = useUi((s) => s.selection)
  const hover = useUi((s) => s.hover)

  const near = useMemo(() => {
    const index = new Map<string, number>()
    houses.ids.forEach((id, i) => index.set(id, i))
    return nearIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined)
  }, [houses, nearIds])

  const detail = useMemo(() => {
    void version
    return near.length > 0 ? detailLayout(world, layout, near) : null
  }, [version, world, layout, near])

  const selectedHost = selection && selection.kind === 'host' ? selection.id : null
  const labels = useMemo(
    () => houseLabels(detail, vocab, (id) => world.apps[id]?.name ?? id).filter((l) => l.key !== `h:${selectedHost}`),
    [detail, vocab, world, selectedHost],
  )

  const data = useMemo(() => {
    void version
    const skip = new Set(near)
    const n = houses.n
    const blocks: InstanceWriter = {
      count: n - skip.size,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < n; i++) {
          if (skip.has(i)) continue
          const h = world.hosts[houses.ids[i]!]
          const down = !h || h.power !== 'on'
          const share = h && !down ? requestedShare(h) : 0
          const height = down ? 0.4 : houses.h[i]! * (0.6 + 2.4 * share)
          writeBox(m, k, houses.x[i]!, 0, houses.z[i]!, houses.w[i]! * 0.9, height, houses.d[i]! * 0.9)
          writeColour(cs, k, down ? DOWN : h.unschedulable ? CORDONED : FILL[Math.min(FILL.length - 1, Math.floor(share * FILL.length))]!)
          ids[k++] = houses.ids[i]!
        }
      },
    }
    // Markers above the houses that need a look: a red cone for down, an amber cross for cordoned.
    const downAt: number[] = []
    const cordonAt: number[] = []
    for (let i = 0; i < n; i++) {
      if (skip.has(i)) continue
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
  }, [version, world, houses, near])

  const onPick = (id: string, e: ThreeEvent<MouseEvent>) => {
    void e
    useUi.getState().select({ kind: 'host', id })
  }
  // Double-click a block: the camera glides to it, and its apartments and rooms appear.
  const onFocus = (id: string) => {
    const i = houses.ids.indexOf(id)
    useUi.getState().select({ kind: 'host', id })
    if (i >= 0) requestFly({ x: houses.x[i]!, y: 0, z: houses.z[i]!, distance: CITY_ZOOM_DISTANCE })
  }
  const same = hover && selection && hover.kind === selection.kind && 'id' in hover && 'id' in selection && hover.id === selection.id
  return (
    <>
      <Instanced
        name="city-blocks"
        geometry={geo.box}
        material={mat.flat}
        data={data.blocks}
        receiveShadow
        onPick={onPick}
        onFocus={onFocus}
      />
      <Instanced name="city-down" geometry={geo.dropped} material={mat.solid} data={data.down} onPick={onPick} onFocus={onFocus} />
      <Instanced name="city-cordoned" geometry={geo.cross} material={mat.solid} data={data.cordoned} onPick={onPick} onFocus={onFocus} />
      {detail && (
        <>
          <Buildings layout={detail} />
          <Visitors layout={detail} />
          <EventMarks layout={detail} />
        </>
      )}
      <CityLabels labels={labels} />
      <Marker layout={layoutFor(selection, layout, detail)} sel={selection} colour={HIGHLIGHT_SELECT} strong />
      {!same && <Marker layout={layoutFor(hover, layout, detail)} sel={hover} colour={HIGHLIGHT_HOVER} strong={false} />}
    </>
  )
}
