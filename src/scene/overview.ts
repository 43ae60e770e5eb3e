/**
 * What the overview map (src/ui/OverviewMap.tsx) reads from the scene: the street's current plan,
 * and the patch of ground the camera sees (its four corners, where it looks, how far away it is).
 * Plain module state, written by the scene (OverviewProbe) and polled by the map: no React render
 * per frame, and no import of three.js into the HUD.
 */
import type { SceneLayout } from './layout'

export interface CameraFootprint {
  /** The ground point the camera looks at. */
  x: number
  z: number
  /** Its distance from that point. */
  distance: number
  /** The four ground corners of the view (x, z pairs; clipped to `far` where the view meets the horizon). */
  corners: Float64Array
  /** Bumped whenever any of the above moves. */
  seq: number
}

export const cameraFootprint: CameraFootprint = { x: 0, z: 0, distance: 0, corners: new Float64Array(8), seq: 0 }

let mapLayout: SceneLayout | null = null
const listeners = new Set<() => void>()

export function publishLayout(layout: SceneLayout | null): void {
  mapLayout = layout
  for (const l of listeners) l()
}

export function currentLayout(): SceneLayout | null {
  return mapLayout
}

export function onLayout(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The affine fit of a layout's bounds into a w × h box (with a margin): world (x, z) ↔ map (px, py). */
export interface MapFit {
  scale: number
  ox: number
  oy: number
}

export function fitMap(bounds: SceneLayout['bounds'], w: number, h: number, margin = 6): MapFit {
  const bw = Math.max(1, bounds.maxX - bounds.minX)
  const bd = Math.max(1, bounds.maxZ - bounds.minZ)
  const scale = Math.min((w - 2 * margin) / bw, (h - 2 * margin) / bd)
  return { scale, ox: (w - bw * scale) / 2 - bounds.minX * scale, oy: (h - bd * scale) / 2 - bounds.minZ * scale }
}

export const toMap = (f: MapFit, x: number, z: number): [number, number] => [f.ox + x * f.scale, f.oy + z * f.scale]
export const toWorld = (f: MapFit, px: number, py: number): [number, number] => [(px - f.ox) / f.scale, (py - f.oy) / f.scale]
