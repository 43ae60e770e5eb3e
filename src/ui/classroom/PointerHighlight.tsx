/**
 * The presenter's pointer highlight (P): a large, high-contrast ring (amber inside black, seen on
 * the green street, a white panel or the dark sky of a blanked screen) that follows the mouse so the
 * back of the room sees what the teacher points at. It never takes a click. With reduced motion it
 * does not pulse; it moves with the pointer either way (it is the pointer).
 */
import { useEffect, useRef } from 'react'
import { usePresenterPanels } from './presenterPanels'
import './timeline.css'

export function PointerHighlight() {
  const on = usePresenterPanels((s) => s.pointer)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!on) return
    const move = (e: PointerEvent) => {
      const el = ref.current
      if (!el) return
      el.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`
      el.dataset.x = String(Math.round(e.clientX))
      el.dataset.y = String(Math.round(e.clientY))
      el.hidden = false
    }
    const leave = () => {
      if (ref.current) ref.current.hidden = true
    }
    window.addEventListener('pointermove', move, { passive: true })
    document.documentElement.addEventListener('pointerleave', leave)
    return () => {
      window.removeEventListener('pointermove', move)
      document.documentElement.removeEventListener('pointerleave', leave)
    }
  }, [on])
  if (!on) return null
  return (
    <div className="pointer-highlight" ref={ref} hidden data-testid="pointer-highlight" aria-hidden="true">
      <div className="pointer-ring" />
    </div>
  )
}
