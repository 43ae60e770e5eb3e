/** Presenter keys (a clicker sends PageUp / PageDown): one table, read by the classroom's key handler. */
export type PresenterAction =
  'next' | 'prev' | 'first' | 'last' | 'replay' | 'blank' | 'focus' | 'vocab' | 'leave' | 'incidents' | 'pointer'

/** Map a presenter key to what it does; null for any other key. A number is a step (0-based). */
export function presenterKey(key: string): PresenterAction | number | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return 'next'
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev'
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    case 'Escape':
      return 'leave'
  }
  if (/^[1-9]$/.test(key)) return Number(key) - 1
  switch (key.toLowerCase()) {
    case 'r':
      return 'replay'
    case 'b':
      return 'blank'
    case 'f':
      return 'focus'
    case 'l':
      return 'vocab'
    case 'i':
      return 'incidents'
    case 'p':
      return 'pointer'
  }
  return null
}
