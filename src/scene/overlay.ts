/**
 * The DOM layer that scene labels (drei Html) render into. A fixed element, not the canvas's
 * event target: Html re-creates its React root when that target changes after the canvas
 * connects, and the clipboard would be left empty.
 */
import type { RefObject } from 'react'

// Typed as drei's portal prop wants it; null until GameCanvas mounts the layer.
export const overlayRef: RefObject<HTMLElement> = { current: null as unknown as HTMLElement }
