/**
 * Orbit, pan and zoom; frame the whole street when a new world opens; glide to the focus point
 * (double-click, or the HUD's setFocus) or jump there when reduced motion is asked for.
 * The camera moves in refs inside useFrame, never through React state.
 */
import { useEffect, useRef, useState } from 'react'
import { OrbitControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import * as THREE from 'three'
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib'
import { useGame } from '../state/game'
import { followsEvents, useUi } from '../state/ui'
import { registerProjector } from '../state/debug'
import type { SceneLayout } from './layout'
import type { World } from '../sim/types'
import { boxOf } from './Buildings'
import { freeAreaOffset, freeAreaRect, onFly, onHome, viewInsets } from './view'
import { buildingCorners, frameDistance, framePose, pointsFit } from './framing'
import type { View } from './framing'

const FOCUS_DISTANCE = 22
/** How high above the ground (radians) the camera looks into a house it focuses. */
const DOLLHOUSE_ELEVATION = (30 * Math.PI) / 180

/** Whether a point shows in the part of the window the panels leave open (with a margin). */
function inFreeArea(p: THREE.Vector3, camera: THREE.PerspectiveCamera, width: number, height: number): boolean {
  const v = p.clone().project(camera)
  if (v.z > 1) return false
  const x = ((v.x + 1) / 2) * width
  const y = ((1 - v.y) / 2) * height
  const m = 40
  return x > viewInsets.left + m && x < width - viewInsets.right - m && y > viewInsets.top + m && y < height - viewInsets.bottom - m
}

/** The house a room or apartment stands in (a room in an apartment: the apartment's house), or null. */
function hostOfThing(world: World, kind: 'vm' | 'container', id: string): string | null {
  if (kind === 'vm') return world.vms[id]?.hostId ?? null
  const p = world.containers[id]?.placement
  if (!p) return null
  return p.kind === 'host' ? p.hostId : (world.vms[p.vmId]?.hostId ?? null)
}

/** How tall a box shows on screen (pixels, its eight corners projected). */
function screenHeight(
  b: { x: number; y: number; z: number; w: number; h: number; d: number },
  cam: THREE.PerspectiveCamera,
  height: number,
) {
  let top = Infinity
  let bottom = -Infinity
  const v = new THREE.Vector3()
  for (const dx of [-0.5, 0.5])
    for (const dy of [0, 1])
      for (const dz of [-0.5, 0.5]) {
        v.set(b.x + dx * b.w, b.y + dy * b.h, b.z + dz * b.d).project(cam)
        if (v.z > 1) return 0
        const y = ((1 - v.y) / 2) * height
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
      }
  return bottom - top
}

/** The least height (pixels) a followed event's house shows at: a fifth of the free area, and at least 120 px. */
export const READABLE_SHARE = 0.2
function readableHeight(size: { width: number; height: number }): number {
  const r = freeAreaRect(size.width, size.height, viewInsets)
  return Math.max(120, (r.bottom - r.top) * READABLE_SHARE)
}

type Pose = { target: THREE.Vector3; pos: THREE.Vector3 }

/** Send the camera to a pose: a glide (the goal useFrame lerps to), or at once under reduced motion or when asked. */
function moveCamera(c: OrbitControlsImpl, camera: THREE.Camera, goal: { current: Pose | null }, to: Pose, jump: boolean): void {
  if (!jump) {
    goal.current = to
    return
  }
  goal.current = null
  c.target.copy(to.target)
  camera.position.copy(to.pos)
  c.update()
}

const insetsKey = () => [viewInsets.left, viewInsets.right, viewInsets.top, viewInsets.bottom].map(Math.round).join(',')

function viewOf(size: { width: number; height: number }, camera: THREE.Camera): View {
  return { width: size.width, height: size.height, insets: { ...viewInsets }, fov: (camera as THREE.PerspectiveCamera).fov }
}

export function CameraRig({ layout }: { layout: SceneLayout }) {
  const controls = useRef<OrbitControlsImpl>(null)
  const camera = useThree((s) => s.camera)
  const world = useGame((s) => s.world)
  const reduced = useUi((s) => s.reducedMotion)
  const goal = useRef<Pose | null>(null)
  const framedFor = useRef<unknown>(null)

  // Frame the whole street when a world opens (a new level or sandbox); while the player has not
  // moved the camera, keep framing it as houses are added (a glide, not a jump).
  const userMoved = useRef(false)
  const framedBounds = useRef('')
  const framedInsets = useRef('')
  const [home, setHome] = useState(0)
  useEffect(() => onHome(() => setHome((n) => n + 1)), [])
  const homeSeen = useRef(0)
  const size = useThree((s) => s.size)
  useEffect(() => {
    const c = controls.current
    if (!c) return
    const asked = homeSeen.current !== home
    homeSeen.current = home
    if (asked) userMoved.current = false
    const fresh = framedFor.current !== world || asked
    const { minX, maxX, minZ, maxZ } = layout.bounds
    const key = [minX, maxX, minZ, maxZ].map((v) => Math.round(v)).join(',')
    if (!fresh && (userMoved.current || key === framedBounds.current)) return
    framedFor.current = world
    framedBounds.current = key
    if (fresh) userMoved.current = false
    // Fit the street into the part of the window the panels leave open, every building whole (framing.ts).
    const dist = frameDistance(layout, viewOf(size, camera))
    const { target, pos } = framePose(layout.bounds, dist)
    framedInsets.current = insetsKey()
    camera.far = Math.max(2000, dist * 4)
    ;(camera as THREE.PerspectiveCamera).updateProjectionMatrix()
    c.maxDistance = Math.max(200, dist * 2)
    moveCamera(c, camera, goal, { target, pos }, fresh || useUi.getState().reducedMotion)
  }, [world, layout, camera, home, size])

  useEffect(
    () =>
      useUi.subscribe((s, prev) => {
        if (!s.focus || s.focus === prev.focus) return
        const c = controls.current
        if (!c) return
        userMoved.current = true
        const [fx, fy, fz, far] = s.focus
        const target = new THREE.Vector3(fx, fy, fz)
        const dir = camera.position.clone().sub(c.target)
        if (dir.lengthSq() < 1e-6) dir.set(0, 1, 1)
        if (far !== undefined) {
          // A house or an apartment is looked into from lower down, like a dollhouse: its floors show under each other.
          const flat = new THREE.Vector3(dir.x, 0, dir.z)
          if (flat.lengthSq() < 1e-6) flat.set(0, 0, 1)
          flat.normalize().multiplyScalar(Math.cos(DOLLHOUSE_ELEVATION))
          dir.copy(flat).setY(Math.sin(DOLLHOUSE_ELEVATION))
        }
        dir.setLength(far ?? FOCUS_DISTANCE)
        const pos = target.clone().add(dir)
        moveCamera(c, camera, goal, { target, pos }, useUi.getState().reducedMotion)
        // Clear it so focusing the same thing again works.
        queueMicrotask(() => useUi.getState().setFocus(null))
      }),
    [camera],
  )

  // A fly request (the city's double-click, the overview map, find): the same glide, from the asked distance.
  useEffect(
    () =>
      onFly((r) => {
        const c = controls.current
        if (!c) return
        userMoved.current = true
        const target = new THREE.Vector3(r.x, r.y, r.z)
        const dir = camera.position.clone().sub(c.target)
        if (dir.lengthSq() < 1e-6) dir.set(0, 1, 1)
        dir.setLength(Math.max(c.minDistance, Math.min(r.distance, c.maxDistance)))
        const pos = target.clone().add(dir)
        moveCamera(c, camera, goal, { target, pos }, useUi.getState().reducedMotion)
      }),
    [camera],
  )

  // Keep what matters in the open part of the window: the selected thing (however it was chosen),
  // and in a level the subject of each notable event (follow events). For a selection the camera pans,
  // keeping its angle and distance, only when the thing would be hidden behind a panel or off screen; for
  // an event it also comes near when the subject's house shows too small to read (a far house of a long
  // street), to the distance a double-click on that house looks from. Under reduced motion: a jump.
  const layoutRef = useRef(layout)
  layoutRef.current = layout
  useEffect(() => {
    const move = (target: THREE.Vector3, pos: THREE.Vector3) => {
      const c = controls.current
      if (!c) return
      moveCamera(c, camera, goal, { target, pos }, useUi.getState().reducedMotion)
    }
    const show = (kind: 'host' | 'vm' | 'container', id: string, readable = false) => {
      const c = controls.current
      const L = layoutRef.current
      // A room or apartment the city does not draw in detail is shown by its house's block.
      const host = kind === 'host' ? id : hostOfThing(useGame.getState().world, kind, id)
      const b = boxOf(L, kind, id) ?? (readable && host ? boxOf(L, 'host', host) : null)
      if (!c || !b) return
      const centre = new THREE.Vector3(b.x, b.y + b.h / 2, b.z)
      const house = host ? boxOf(L, 'host', host) : null
      const small = readable && !!house && screenHeight(house, camera as THREE.PerspectiveCamera, size.height) < readableHeight(size)
      if (!small && inFreeArea(centre, camera as THREE.PerspectiveCamera, size.width, size.height)) return
      if (small && house) {
        // Near enough to read: as a double-click on the house frames it, from the camera's side of it.
        const dir = camera.position.clone().sub(c.target)
        if (dir.lengthSq() < 1e-6) dir.set(0, 1, 1)
        dir.setLength(Math.min(dir.length(), Math.max(22, (house.w + house.d) * 1.6)))
        userMoved.current = true
        move(centre, centre.clone().add(dir))
        return
      }
      const shift = centre.clone().setY(0).sub(c.target.clone().setY(0))
      move(c.target.clone().add(shift), camera.position.clone().add(shift))
    }
    const offSel = useUi.subscribe((s, prev) => {
      const sel = s.selection
      if (sel === prev.selection || !sel || !('id' in sel)) return
      if (sel.kind === 'host' || sel.kind === 'vm' || sel.kind === 'container') show(sel.kind, sel.id)
    })
    let seen = useGame.getState().world.events.length
    const offEv = useGame.subscribe((g) => {
      const events = g.world.events
      if (events.length < seen) seen = 0
      if (!followsEvents(useUi.getState().follow, g.mode) || events.length === seen) {
        seen = events.length
        return
      }
      for (let i = events.length - 1; i >= seen; i--) {
        const e = events[i]!
        if (e.level === 'info') continue
        const w = g.world
        const id = e.subjects.find((x) => w.containers[x] || w.hosts[x] || w.vms[x])
        if (id) {
          show(w.hosts[id] ? 'host' : w.vms[id] ? 'vm' : 'container', id, true)
          break
        }
      }
      seen = events.length
    })
    return () => {
      offSel()
      offEv()
    }
  }, [camera, size])

  // Browser tests ask where a thing's box lands on screen (e.g. both lab houses beside the lab table).
  useEffect(() => {
    registerProjector((kind, id) => {
      const b = boxOf(layoutRef.current, kind, id)
      if (!b) return null
      const out = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity, behind: false }
      for (const dx of [-0.5, 0.5])
        for (const dy of [0, 1])
          for (const dz of [-0.5, 0.5]) {
            const v = new THREE.Vector3(b.x + dx * b.w, b.y + dy * b.h, b.z + dz * b.d).project(camera)
            if (v.z > 1) out.behind = true
            const x = ((v.x + 1) / 2) * size.width
            const y = ((1 - v.y) / 2) * size.height
            out.left = Math.min(out.left, x)
            out.right = Math.max(out.right, x)
            out.top = Math.min(out.top, y)
            out.bottom = Math.max(out.bottom, y)
          }
      return out
    })
    return () => registerProjector(null)
  }, [camera, size])

  // A panel that grows after the street was framed (a lesson's question card, a top bar that wraps to two rows) may
  // cover a building: while the player has not moved the camera, it backs off until every building shows again.
  // It never comes closer on its own (a drawer that folds away leaves the framing as it was).
  const refitAfterPanels = () => {
    const key = insetsKey()
    if (key === framedInsets.current) return
    framedInsets.current = key
    const c = controls.current
    if (!c || userMoved.current) return
    const view = viewOf(size, camera)
    const corners = buildingCorners(layoutRef.current)
    const now = goal.current ?? { target: c.target.clone(), pos: camera.position.clone() }
    if (pointsFit(corners, view, now)) return
    const { target, pos } = framePose(layoutRef.current.bounds, frameDistance(layoutRef.current, view))
    camera.far = Math.max(camera.far, pos.distanceTo(target) * 4)
    ;(camera as THREE.PerspectiveCamera).updateProjectionMatrix()
    c.maxDistance = Math.max(c.maxDistance, pos.distanceTo(target) * 2)
    moveCamera(c, camera, goal, { target, pos }, useUi.getState().reducedMotion)
  }

  // The middle of the view sits in the middle of the free area, not behind a panel.
  const applied = useRef('')
  useFrame(() => {
    const cam = camera as THREE.PerspectiveCamera
    refitAfterPanels()
    const { x, y } = freeAreaOffset(size.width, size.height, viewInsets)
    const key = `${size.width}x${size.height}:${x},${y}`
    if (key === applied.current) return
    applied.current = key
    if (x === 0 && y === 0) cam.clearViewOffset()
    else cam.setViewOffset(size.width, size.height, x, y, size.width, size.height)
    cam.updateProjectionMatrix()
  })

  useFrame((_, dt) => {
    const g = goal.current
    const c = controls.current
    if (!g || !c) return
    const k = 1 - Math.exp(-dt * 5)
    c.target.lerp(g.target, k)
    camera.position.lerp(g.pos, k)
    if (c.target.distanceToSquared(g.target) < 0.01 && camera.position.distanceToSquared(g.pos) < 0.05) goal.current = null
    c.update()
  })

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={!reduced}
      dampingFactor={0.12}
      maxPolarAngle={Math.PI * 0.45}
      minDistance={4}
      screenSpacePanning={false}
      onStart={() => {
        goal.current = null
        userMoved.current = true
      }}
    />
  )
}
