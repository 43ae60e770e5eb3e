/**
 * What the HUD tells the camera: how much of the window its panels cover on each side (so the
 * street is framed in the part left open, never behind a panel), and "frame the whole street"
 * (the Home key). Plain module state read in useFrame: no React render per change.
 */

export interface ViewInsets {
  left: number
  right: number
  top: number
  bottom: number
}

export const viewInsets: ViewInsets = { left: 0, right: 0, top: 0, bottom: 0 }

export function setViewInsets(next: ViewInsets): void {
  Object.assign(viewInsets, next)
}

type Listener = () => void
const homeListeners = new Set<Listener>()

let homePending = false

/** Ask the camera to frame the whole street again (kept until a camera listens, when none does yet). */
export function requestHome(): void {
  homePending = homeListeners.size === 0
  for (const l of homeListeners) l()
}

export function onHome(l: Listener): () => void {
  homeListeners.add(l)
  if (homePending) {
    homePending = false
    l()
  }
  return () => homeListeners.delete(l)
}

/**
 * The part of the window the panels leave open, in pixels. Each side's inset is capped (a panel wider than 45 % of
 * the window, or a top bar taller than 40 % of it, is treated as that), and the top and bottom together leave at
 * least a fifth of the height: a lesson's question card and caption may cover most of a small window's height.
 */
export function freeAreaRect(
  width: number,
  height: number,
  insets: ViewInsets,
): { left: number; right: number; top: number; bottom: number } {
  const left = Math.max(0, Math.min(insets.left, width * 0.45))
  const right = Math.max(0, Math.min(insets.right, width * 0.45))
  const top = Math.max(0, Math.min(insets.top, height * 0.4))
  const bottom = Math.max(0, Math.min(insets.bottom, Math.max(height * 0.4, height * 0.8 - top)))
  return { left, right: width - right, top, bottom: height - bottom }
}

/**
 * The pixel offset (for PerspectiveCamera.setViewOffset) that puts the middle of the view at the
 * middle of the free area, and how much narrower the free area is than the window (1 … 4: the lab on the
 * projector leaves a bit over a third of a 1920-wide window, and both its houses must still fit).
 */
export function freeAreaOffset(width: number, height: number, insets: ViewInsets): { x: number; y: number; squeeze: number } {
  const r = freeAreaRect(width, height, insets)
  const freeW = Math.max(1, r.right - r.left)
  const freeH = Math.max(1, r.bottom - r.top)
  return {
    x: Math.round(width / 2 - (r.left + freeW / 2)),
    y: Math.round(height / 2 - (r.top + freeH / 2)),
    squeeze: Math.max(1, Math.min(4, Math.max(width / freeW, height / freeH))),
  }
}

/** Fly the camera to look at a point from `distance` away (its angle kept): the city's zoom, the overview map, find. */
export interface FlyRequest {
  x: number
  y: number
  z: number
  distance: number
}
const flyListeners = new Set<(r: FlyRequest) => void>()

export function requestFly(r: FlyRequest): void {
  for (const l of flyListeners) l(r)
}

export function onFly(l: (r: FlyRequest) => void): () => void {
  flyListeners.add(l)
  return () => flyListeners.delete(l)
}
