/**
 * Framing the street: where the camera stands to show the whole street in the part of the window the
 * panels leave open. The street's ground is framed by its span (streetDistance); what stands on it (the
 * houses, their apartment towers) must also fit whole, tops included, so the camera backs off until every
 * corner of every building shows inside the free area (fitDistance): a tall tower is never cut by a top bar
 * that wraps to two rows, nor hidden under a question card.
 */
import * as THREE from 'three'
import type { SceneLayout } from './layout'
import { SLAB_HEIGHT } from './layout'
import { freeAreaOffset, freeAreaRect } from './view'
import type { ViewInsets } from './view'

/** Past this many houses the street is a city of blocks (CityView): it is framed by its ground alone. */
const FIT_MAX_HOUSES = 200
/** Pixels kept clear between a building and the free area's edge. */
export const FIT_MARGIN_PX = 12
const MAX_DISTANCE = 3000

export interface View {
  width: number
  height: number
  insets: ViewInsets
  /** The camera's vertical field of view, in degrees. */
  fov: number
}

/** Where the camera looks from, `dist` away from the street's middle: the angle every framing keeps. */
export function framePose(bounds: SceneLayout['bounds'], dist: number): { target: THREE.Vector3; pos: THREE.Vector3 } {
  const cx = (bounds.minX + bounds.maxX) / 2
  const cz = (bounds.minZ + bounds.maxZ) / 2
  const aimZ = cz - dist * 0.04
  return { target: new THREE.Vector3(cx, 0, aimZ), pos: new THREE.Vector3(cx, dist * 0.75, aimZ + dist * 0.7) }
}

/** The distance that frames the street's ground by its span (a narrower free area needs more distance). */
export function streetDistance(bounds: SceneLayout['bounds'], view: View): number {
  const { minX, maxX, minZ, maxZ } = bounds
  const span = Math.max(maxX - minX, (maxZ - minZ) * 1.4, 30)
  const { squeeze } = freeAreaOffset(view.width, view.height, view.insets)
  const aspect = Math.max(0.5, Math.min(1.6, view.width / Math.max(1, view.height)) / 1.6)
  return Math.min((span * 0.85 * squeeze) / aspect, MAX_DISTANCE)
}

/** The corners of every building on a small street (houses with their gables, apartment towers, apartments). */
export function buildingCorners(layout: SceneLayout): THREE.Vector3[] {
  if (layout.houses.n > FIT_MAX_HOUSES) return []
  const out: THREE.Vector3[] = []
  const add = (b: SceneLayout['houses'] | SceneLayout['frames'] | SceneLayout['vms'], extra: number) => {
    for (let i = 0; i < b.n; i++) {
      const x = b.x[i]!
      const z = b.z[i]!
      const hw = b.w[i]! / 2
      const hd = b.d[i]! / 2
      const y0 = b.y[i]!
      const y1 = y0 + b.h[i]! + extra
      for (const dx of [-hw, hw]) for (const dz of [-hd, hd]) for (const y of [y0, y1]) out.push(new THREE.Vector3(x + dx, y, z + dz))
    }
  }
  add(layout.houses, SLAB_HEIGHT)
  add(layout.frames, 0)
  add(layout.vms, 0)
  return out
}

/** A camera as the scene's would be at this pose: the window's aspect, the free area's view offset. */
function cameraAt(view: View, pose: { target: THREE.Vector3; pos: THREE.Vector3 }): THREE.PerspectiveCamera {
  const cam = new THREE.PerspectiveCamera(view.fov, view.width / Math.max(1, view.height), 0.5, 10_000)
  const { x, y } = freeAreaOffset(view.width, view.height, view.insets)
  if (x !== 0 || y !== 0) cam.setViewOffset(view.width, view.height, x, y, view.width, view.height)
  cam.position.copy(pose.pos)
  cam.lookAt(pose.target)
  cam.updateMatrixWorld()
  cam.updateProjectionMatrix()
  return cam
}

/** Whether every point shows inside the free area (with the margin) from this pose. */
export function pointsFit(points: THREE.Vector3[], view: View, pose: { target: THREE.Vector3; pos: THREE.Vector3 }): boolean {
  if (points.length === 0) return true
  const cam = cameraAt(view, pose)
  const r = freeAreaRect(view.width, view.height, view.insets)
  const v = new THREE.Vector3()
  for (const p of points) {
    v.copy(p).project(cam)
    if (v.z > 1) return false
    const x = ((v.x + 1) / 2) * view.width
    const y = ((1 - v.y) / 2) * view.height
    if (x < r.left + FIT_MARGIN_PX || x > r.right - FIT_MARGIN_PX || y < r.top + FIT_MARGIN_PX || y > r.bottom - FIT_MARGIN_PX) {
      return false
    }
  }
  return true
}

/**
 * The least distance, not under `from`, at which every point shows inside the free area (MAX_DISTANCE when none
 * does): the camera backs off in steps of a tenth, then halves the last step until it is within a hundredth.
 */
export function fitDistance(points: THREE.Vector3[], bounds: SceneLayout['bounds'], view: View, from: number): number {
  const fits = (d: number) => pointsFit(points, view, framePose(bounds, d))
  if (fits(from)) return from
  let lo = from
  let hi = from
  while (!fits(hi)) {
    lo = hi
    hi = hi * 1.1
    if (hi >= MAX_DISTANCE) return MAX_DISTANCE
  }
  while (hi - lo > from * 0.01) {
    const mid = (lo + hi) / 2
    if (fits(mid)) hi = mid
    else lo = mid
  }
  return hi
}

/** The distance the camera frames the street from: its ground by its span, backed off until every building fits. */
export function frameDistance(layout: SceneLayout, view: View): number {
  return fitDistance(buildingCorners(layout), layout.bounds, view, streetDistance(layout.bounds, view))
}
