/**
 * The city view, for big streets (M and L: hundreds to thousands of houses): each house is one
 * block whose height and colour say how much of it is requested (CPU or memory, whichever is
 * fuller), on the same plan of districts and streets as the detailed view. Each zone (a failure
 * domain: one power grid) stands on its own tinted ground plate with a border, and its name plate
 * counts the houses that need a look. Marks over the houses differ in shape, so colour is never the
 * only sign: a red cone over a house that is down (its block low and dark), an amber cross over a
 * cordoned one, an orange diamond over one under pressure (nearly full, or swapping); they grow
 * with the camera's distance so they read from the overview. Far houses are blocks (150,000 rooms
 * would be millions of triangles); zooming in, the houses nearest the camera (at most
 * DETAIL_MAX_HOUSES, within DETAIL_RANGE) are drawn as on a small street, with their apartments,
 * rooms, visitors, front walls that fade while looked at, and the events' animations (vans, doormen,
 * footprints, burglars, a migrating apartment; without shadows, to stay within the draw calls)
 * (cityDetail.ts), and labelled where the names can be read (CityLabels.tsx).
 * A few meshes in all: the draw calls stay flat, the triangles a few per house.
 */
import { useMemo, useRef, useState } from 'react'
import { useFrame } from '@react-three/fiber'
import type { ThreeEvent } from '@react-three/fiber'
import * as THREE from 'three'
import type { World } from '../sim/types'
import { hostList } from '../sim/containerIndex'
import { useUi } from '../state/ui'
import { useSettings } from '../state/settings'
import type { Selection } from '../state/ui'
import { useWorldVersion } from '../state/useWorld'
import { roomsByNode } from '../state/roomIndex'
import { assets } from './assets'
import { Buildings } from './Buildings'
import { CityLabels, houseLabels, zoneLabels } from './CityLabels'
import { detailLayout, nearHouses } from './cityDetail'
import { houseLooks, MARKS } from './cityZones'
import { EventMarks } from './EventMarks'
import { FrontWalls } from './Cutaway'
import { Happenings } from './Happenings'
import { Marker } from './Labels'
import { HIGHLIGHT_HOVER, HIGHLIGHT_SELECT, ZONE_WALLS } from './palette'
import { Visitors } from './Visitors'
import { requestFly } from './view'
import { Instanced, writeBox, writeColour } from './Instanced'
import type { InstanceWriter } from './Instanced'
import { layoutWorld } from './layout'
import type { SceneLayout } from './layout'

export { CITY_MIN_HOUSES } from './cityZones'

/** How far from a house the camera stops when flying to it: near enough that its neighbours are drawn in detail too. */
export const CITY_ZOOM_DISTANCE = 60

/** Requested share → colour: calm green, then amber, then red when nearly full. */
const FILL = ['#7fb77e', '#b9c96a', '#e9b949', '#e08a4f', '#d1495b'] as const
const DOWN = '#3a3a44'
const CORDONED = '#e9b949'
const DOWN_MARK = '#d1495b'
const PRESSURE_MARK = '#e0702f'
/** Each zone's ground: a pale tint of its wall colour, bordered by the colour itself. */
const ZONE_TINTS = ['#f3d9cf', '#cfe3e1', '#f6e9c2', '#e3d3e4', '#d5e0f2', '#edd2c6']

const NO_ROOMS: World['containers'] = Object.freeze({}) as World['containers']

/** The plan of the city: the detailed layout's districts and streets, without apartments or rooms. */
export function cityLayout(world: World): SceneLayout {
  return layoutWorld({ ...world, vms: {}, containers: NO_ROOMS })
}

/**
 * What the city's plan depends on (cityLayout → placeHouses): each house's id, zone and size, in the record's order.
 * A string compared per batch (5,000 houses: well under a millisecond), so the plan survives batches that only
 * change what is inside the houses.
 */
export function cityPlanKey(world: World): string {
  let key = ''
  for (const h of hostList(world)) key += `${h.id}\u0000${h.zone}\u0000${h.cores}\u0000${h.memMiB}\u0001`
  return key
}

/** Which houses the camera is near: re-picked a few times a second, as ids (a new layout keeps them). */
function useNearHouses(layout: SceneLayout): { near: string[]; markScale: number } {
  const [near, setNear] = useState<string[]>([])
  const [markScale, setMarkScale] = useState(1)
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
    // Marks grow with the distance to what the camera looks at, in steps of √2 (a rewrite per step, not per frame).
    const target = (state.controls as unknown as { target?: THREE.Vector3 } | null)?.target
    const dist = target ? pos.distanceTo(target) : pos.length()
    // The smallest a mark may be (world units): about 12 px across at this distance (fov 40°, 800 px tall).
    const scale = Math.min(64, Math.max(1, 2 ** (Math.round(Math.log2(Math.max(1, dist / 90)) * 2) / 2)))
    if (scale !== markScale) setMarkScale(scale)
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
  return { near, markScale }
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
  const { near: nearIds, markScale } = useNearHouses(layout)
  const vocab = useUi((s) => s.vocab)
  const lang = useSettings((s) => s.lang)
  const selection = useUi((s) => s.selection)
  const hover = useUi((s) => s.hover)

  const near = useMemo(() => {
    const index = new Map<string, number>()
    houses.ids.forEach((id, i) => index.set(id, i))
    return nearIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined)
  }, [houses, nearIds])

  const detail = useMemo(() => {
    void version
    return near.length > 0 ? detailLayout(world, layout, near, roomsByNode(world)) : null
  }, [version, world, layout, near])

  // Each house's share and mark, the same object while none changed: the blocks are re-written only then.
  const looks = houseLooks(world, layout, version)
  const zones = looks.zones

  const selectedHost = selection && selection.kind === 'host' ? selection.id : null
  const labels = useMemo(
    () => [
      ...zoneLabels(zones, layout, vocab, world.zoneStates, lang),
      ...houseLabels(detail, vocab, (id) => world.apps[id]?.name ?? id, lang).filter((l) => l.key !== `h:${selectedHost}`),
    ],
    [zones, layout, detail, vocab, world, selectedHost, lang],
  )

  const data = useMemo(() => {
    const skip = new Set(near)
    const n = houses.n
    const blocks: InstanceWriter = {
      count: n - skip.size,
      write: (m, cs, ids) => {
        let k = 0
        for (let i = 0; i < n; i++) {
          if (skip.has(i)) continue
          const mark = MARKS[looks.mark[i]!]
          const down = mark === 'down'
          const share = looks.share[i]!
          const height = down ? 0.4 : houses.h[i]! * (0.6 + 2.4 * share)
          writeBox(m, k, houses.x[i]!, 0, houses.z[i]!, houses.w[i]! * 0.9, height, houses.d[i]! * 0.9)
          writeColour(
            cs,
            k,
            down ? DOWN : mark === 'cordoned' ? CORDONED : FILL[Math.min(FILL.length - 1, Math.floor(share * FILL.length))]!,
          )
          ids[k++] = houses.ids[i]!
        }
      },
    }
    // Marks above the houses that need a look, in three shapes, sized for the camera's distance.
    const at: Record<'down' | 'cordoned' | 'pressure', number[]> = { down: [], cordoned: [], pressure: [] }
    for (let i = 0; i < n; i++) {
      if (skip.has(i)) continue
      const m = MARKS[looks.mark[i]!]
      if (m) at[m].push(i)
    }
    const marker = (list: number[], colour: string, lift: number, grow: number): InstanceWriter => ({
      count: list.length,
      write: (m, cs, ids) =>
        list.forEach((i, k) => {
          const s = Math.max(1.5, houses.w[i]! * 0.35, markScale * grow)
          writeBox(m, k, houses.x[i]!, houses.h[i]! * lift + 1, houses.z[i]!, s, s * 1.3, s)
          writeColour(cs, k, colour)
          ids[k] = houses.ids[i]!
        }),
    })
    return {
      blocks,
      down: marker(at.down, DOWN_MARK, 0.3, 1),
      cordoned: marker(at.cordoned, CORDONED, 3.2, 1),
      pressure: marker(at.pressure, PRESSURE_MARK, 3.2, 0.7),
    }
  }, [looks, houses, near, markScale])

  // Zone plates: a border in the zone's colour, its tint inside; the border widens with the distance.
  const plates = useMemo((): InstanceWriter => {
    const depth = layout.bounds.maxZ
    const edge = Math.max(1.5, markScale * 0.4)
    return {
      count: layout.zones.length * 2,
      write: (m, cs, ids) =>
        layout.zones.forEach((z, k) => {
          const cx = z.x + z.w / 2
          writeBox(m, k * 2, cx, 0, depth / 2, z.w + 2 * edge, 0.012, depth + 2 * edge)
          writeColour(cs, k * 2, ZONE_WALLS[k % ZONE_WALLS.length]!)
          ids[k * 2] = `zone:${z.name}`
          writeBox(m, k * 2 + 1, cx, 0, depth / 2, z.w, 0.02, depth)
          writeColour(cs, k * 2 + 1, ZONE_TINTS[k % ZONE_TINTS.length]!)
          ids[k * 2 + 1] = `zone:${z.name}`
        }),
    }
  }, [layout, markScale])

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
      <Instanced name="city-pressure" geometry={geo.crown} material={mat.flat} data={data.pressure} onPick={onPick} onFocus={onFocus} />
      <Instanced name="city-zones" geometry={geo.box} material={mat.solid} data={plates} receiveShadow />
      {detail && (
        <>
          <Buildings layout={detail} />
          <FrontWalls layout={detail} />
          <Happenings layout={detail} shadows={false} />
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
