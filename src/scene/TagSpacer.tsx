/**
 * Lays the street's tags out on screen each frame so none covers another (tagSpacing.ts): house signs first, the
 * selected thing's label next, then the hovered thing's label and the event tags, each lifted just clear.
 * The lift is a CSS `translate` on the tag itself; drei's Html keeps its own transform on the wrapper around it.
 */
import { useFrame } from '@react-three/fiber'
import { overlayRef } from './overlay'
import { liftTags } from './tagSpacing'
import type { TagBox } from './tagSpacing'

const SELECTOR = '[data-testid^="house-sign-"], .scene-marker, .scene-tag'

/** House signs first (two near houses' signs lift apart too), then the selected thing's label, the hovered's, the tags. */
function rankOf(el: HTMLElement): number {
  if (el.classList.contains('scene-marker')) return el.dataset.strong === '1' ? 2 : 3
  if (el.classList.contains('scene-tag')) return 4
  return 1
}

export function TagSpacer() {
  useFrame(() => {
    const root = overlayRef.current
    if (!root) return
    const els = [...root.querySelectorAll<HTMLElement>(SELECTOR)]
    if (els.length === 0) return
    const boxes: (TagBox & { el: HTMLElement; was: number })[] = []
    for (const el of els) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      // Where the tag stands without its lift: the box as drawn, moved back down by the lift it has now.
      const was = Number(el.dataset.lift ?? 0)
      boxes.push({ el, was, left: r.left, right: r.right, top: r.top + was, bottom: r.bottom + was, rank: rankOf(el) })
    }
    const lift = liftTags(boxes)
    boxes.forEach((b, i) => {
      const px = Math.round(lift[i]!)
      if (px === b.was) return
      b.el.dataset.lift = String(px)
      b.el.style.translate = px ? `0 ${-px}px` : ''
    })
  })
  return null
}
