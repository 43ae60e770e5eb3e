/**
 * Focus is never dropped to the page: when the focused control goes away (a removed room's row, a
 * button that turns disabled, a dialog that closes), the keyboard lands on the first of these
 * that is on screen and enabled.
 */
export function keepFocus(selectors: string[], watchMs = 5000): void {
  // The element that had the focus may vanish a moment later (a room removed in the simulation worker
  // leaves the street list when the worker's answer arrives): watch for a while, and only step in once
  // the focus is actually lost, so a player who moved it meanwhile keeps their choice.
  const until = performance.now() + watchMs
  const check = () => {
    const a = document.activeElement as HTMLElement | null
    const lost = !a || a === document.body || !a.isConnected || (a as HTMLButtonElement).disabled || a.offsetParent === null
    if (lost) {
      for (const s of selectors) {
        const el = document.querySelector<HTMLElement>(s)
        if (el && !(el as HTMLButtonElement).disabled && el.offsetParent !== null) {
          el.focus()
          return
        }
      }
    }
    if (performance.now() < until) requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/** Arrow keys inside a radio group move the choice, as a native radio group does (WAI-ARIA APG). */
export function radioArrows(e: React.KeyboardEvent<HTMLElement>): void {
  const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End']
  if (!keys.includes(e.key)) return
  const radios = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')]
  if (radios.length === 0) return
  const i = radios.indexOf(document.activeElement as HTMLElement)
  const n = radios.length
  const next =
    e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n
  e.preventDefault()
  radios[next]!.focus()
  radios[next]!.click()
}
