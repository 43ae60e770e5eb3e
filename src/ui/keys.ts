/** Keyboard shortcuts: one table, read by the key handler and by the "Keys" help panel. */

export type KeyAction =
  | 'togglePause'
  | 'step'
  | 'speed1'
  | 'speed2'
  | 'speed4'
  | 'speed8'
  | 'vocab'
  | 'brief'
  | 'hints'
  | 'help'
  | 'runContainer'
  | 'removeContainer'
  | 'managed'
  | 'scaleUp'
  | 'scaleDown'
  | 'console'
  | 'workshop'
  | 'escape'
  | 'focus'
  | 'home'
  | 'tools'
  | 'street'
  | 'log'
  | 'map'
  | 'find'
  | 'timeline'
  | 'tickBack'
  | 'replayLast'
  | 'incidents'
  | 'pointer'
  | 'follow'

export const KEY_HELP: { keys: string; action: KeyAction; text: string }[] = [
  { keys: 'Space', action: 'togglePause', text: 'Play or pause the clock (Enter presses a focused button)' },
  { keys: '.', action: 'step', text: 'Step time by 0.1 s while paused' },
  { keys: '1 2 3 4', action: 'speed1', text: 'Speed 1×, 2×, 4×, 8×' },
  { keys: 'L', action: 'vocab', text: 'Switch labels: houses and rooms ↔ servers and containers' },
  { keys: 'B', action: 'brief', text: 'Show the level brief again' },
  { keys: 'H', action: 'hints', text: 'Hints' },
  { keys: 'R', action: 'runContainer', text: 'Give the chosen app a room in the selected house or apartment' },
  { keys: 'Delete', action: 'removeContainer', text: 'Remove the selected room' },
  { keys: 'M', action: 'managed', text: 'Hire or dismiss the building manager for the chosen app' },
  { keys: '+ / −', action: 'scaleUp', text: "One room more or fewer on the manager's clipboard" },
  { keys: 'K', action: 'console', text: 'kubectl console' },
  { keys: 'W', action: 'workshop', text: 'Kit workshop: build an image from layers (docker build)' },
  { keys: 'S', action: 'street', text: 'Jump into the street list (its drawer opens)' },
  { keys: '↑ ↓ ← →', action: 'escape', text: 'Move through the street list; Enter selects' },
  { keys: 'T', action: 'tools', text: 'The tools drawer (the palette)' },
  { keys: 'E', action: 'log', text: 'The event log drawer (what happened)' },
  { keys: '/ · Ctrl+K', action: 'find', text: 'Find a house, apartment, business or room by name; Enter flies there and selects it' },
  { keys: 'O', action: 'map', text: 'The overview map: arrow keys move its mark, Enter flies the camera there' },
  { keys: 'Home', action: 'home', text: 'Frame the whole street (the camera)' },
  { keys: 'F', action: 'focus', text: 'Focus: hide everything but time and captions' },
  { keys: 'G', action: 'follow', text: 'Follow events: the camera frames each notable event (on in levels, off in the sandbox)' },
  { keys: 'U', action: 'timeline', text: 'The timeline: a scrubber over the run so far' },
  { keys: ',', action: 'tickBack', text: 'One tick (0.1 s) back in time (opens the timeline, pauses)' },
  { keys: '<', action: 'replayLast', text: 'Replay the last 30 s (rebuilt from the timeline, played forward)' },
  { keys: 'I', action: 'incidents', text: "The incident remote (the teacher's incidents, now or at a chosen moment)" },
  { keys: 'P', action: 'pointer', text: 'Pointer highlight: a large ring follows the mouse (for presenting)' },
  { keys: 'Esc', action: 'escape', text: 'Close a panel; then clear the selection (← Menu leaves the street)' },
  { keys: '?', action: 'help', text: 'This list of keys' },
]

/** Map a key press to an action; null when the key is not a shortcut or a modifier is held. */
export function keyAction(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): KeyAction | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return 'find'
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return 'togglePause'
    case '.':
      return 'step'
    case '1':
      return 'speed1'
    case '2':
      return 'speed2'
    case '3':
      return 'speed4'
    case '4':
      return 'speed8'
    case 'Escape':
      return 'escape'
    case 'Delete':
    case 'Backspace':
      return 'removeContainer'
    case '+':
    case '=':
      return 'scaleUp'
    case '-':
    case '_':
      return 'scaleDown'
    case '?':
      return 'help'
    case 'Home':
      return 'home'
    case '/':
      return 'find'
    case ',':
      return 'tickBack'
    case '<':
      return 'replayLast'
  }
  switch (e.key.toLowerCase()) {
    case 'l':
      return 'vocab'
    case 'b':
      return 'brief'
    case 'h':
      return 'hints'
    case 'r':
      return 'runContainer'
    case 'm':
      return 'managed'
    case 'k':
      return 'console'
    case 'w':
      return 'workshop'
    case 'f':
      return 'focus'
    case 't':
      return 'tools'
    case 's':
      return 'street'
    case 'e':
      return 'log'
    case 'o':
      return 'map'
    case 'u':
      return 'timeline'
    case 'i':
      return 'incidents'
    case 'p':
      return 'pointer'
    case 'g':
      return 'follow'
  }
  return null
}

/** Shortcuts never fire while the player types into a field. */
/**
 * Space is the only key that ticks a checkbox or picks a radio button (Enter does not), so there
 * Space belongs to the control, not to play/pause. On buttons Enter presses, so Space stays ours.
 */
export function spaceBelongsToControl(target: EventTarget | null): boolean {
  const el = target as HTMLInputElement | null
  if (!el) return false
  const role = typeof el.getAttribute === 'function' ? el.getAttribute('role') : null
  if (role === 'radio' || role === 'checkbox' || role === 'switch') return true
  return el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')
}

export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const el = target as HTMLElement
  if (el.isContentEditable) return true
  const tag = el.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (el as HTMLInputElement).type
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(type)
}
