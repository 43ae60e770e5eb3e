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

/** Each key's help line in English (text) and in Spanish (es); the keys stay the same letters in every language. */
export const KEY_HELP: { keys: string; action: KeyAction; text: string; es: string }[] = [
  {
    keys: 'Space',
    action: 'togglePause',
    text: 'Play or pause the clock (Enter presses a focused button)',
    es: 'Jugar o pausar el reloj (Intro pulsa el botón enfocado)',
  },
  { keys: '.', action: 'step', text: 'Step time by 0.1 s while paused', es: 'Avanzar el tiempo 0,1 s en pausa' },
  { keys: '1 2 3 4', action: 'speed1', text: 'Speed 1×, 2×, 4×, 8×', es: 'Velocidad 1×, 2×, 4×, 8×' },
  {
    keys: 'L',
    action: 'vocab',
    text: 'Switch labels: houses and rooms ↔ servers and containers',
    es: 'Cambiar etiquetas: casas y habitaciones ↔ servidores y contenedores',
  },
  { keys: 'B', action: 'brief', text: 'Show the level brief again', es: 'Ver otra vez el encargo del nivel' },
  { keys: 'H', action: 'hints', text: 'Hints', es: 'Pistas' },
  {
    keys: 'R',
    action: 'runContainer',
    text: 'Give the chosen app a room in the selected house or apartment',
    es: 'Dar a la app elegida una habitación en la casa o el apartamento seleccionado',
  },
  { keys: 'Delete', action: 'removeContainer', text: 'Remove the selected room', es: 'Quitar la habitación seleccionada' },
  {
    keys: 'M',
    action: 'managed',
    text: 'Hire or dismiss the building manager for the chosen app',
    es: 'Contratar o despedir al administrador del edificio para la app elegida',
  },
  {
    keys: '+ / −',
    action: 'scaleUp',
    text: "One room more or fewer on the manager's clipboard",
    es: 'Una habitación más o menos en la lista del administrador',
  },
  { keys: 'K', action: 'console', text: 'kubectl console', es: 'Consola kubectl' },
  {
    keys: 'W',
    action: 'workshop',
    text: 'Kit workshop: build an image from layers (docker build)',
    es: 'Taller de kits: construir una imagen por capas (docker build)',
  },
  {
    keys: 'S',
    action: 'street',
    text: 'Jump into the street list (its drawer opens)',
    es: 'Saltar a la lista de la calle (se abre su cajón)',
  },
  {
    keys: '↑ ↓ ← →',
    action: 'escape',
    text: 'Move through the street list; Enter selects',
    es: 'Moverse por la lista de la calle; Intro selecciona',
  },
  { keys: 'T', action: 'tools', text: 'The tools drawer (the palette)', es: 'El cajón de herramientas (la paleta)' },
  { keys: 'E', action: 'log', text: 'The event log drawer (what happened)', es: 'El cajón del registro de eventos (qué ha pasado)' },
  {
    keys: '/ · Ctrl+K',
    action: 'find',
    text: 'Find a house, apartment, business or room by name; Enter flies there and selects it',
    es: 'Buscar una casa, apartamento, negocio o habitación por su nombre; Intro vuela hasta allí y lo selecciona',
  },
  {
    keys: 'O',
    action: 'map',
    text: 'The overview map: arrow keys move its mark, Enter flies the camera there',
    es: 'El mapa general: las flechas mueven su marca, Intro lleva la cámara allí',
  },
  { keys: 'Home', action: 'home', text: 'Frame the whole street (the camera)', es: 'Encuadrar toda la calle (la cámara)' },
  {
    keys: 'F',
    action: 'focus',
    text: 'Focus: hide everything but time and captions',
    es: 'Enfoque: ocultar todo salvo el tiempo y los subtítulos',
  },
  {
    keys: 'G',
    action: 'follow',
    text: 'Follow events: the camera frames each notable event (on in levels, off in the sandbox)',
    es: 'Seguir los sucesos: la cámara encuadra cada suceso importante (activado en los niveles, no en el modo libre)',
  },
  {
    keys: 'U',
    action: 'timeline',
    text: 'The timeline: a scrubber over the run so far',
    es: 'La línea de tiempo: un deslizador sobre la partida hasta ahora',
  },
  {
    keys: ',',
    action: 'tickBack',
    text: 'One tick (0.1 s) back in time (opens the timeline, pauses)',
    es: 'Un tick (0,1 s) atrás en el tiempo (abre la línea de tiempo y pausa)',
  },
  {
    keys: '<',
    action: 'replayLast',
    text: 'Replay the last 30 s (rebuilt from the timeline, played forward)',
    es: 'Repetir los últimos 30 s (reconstruidos desde la línea de tiempo, jugados hacia delante)',
  },
  {
    keys: 'I',
    action: 'incidents',
    text: "The incident remote (the teacher's incidents, now or at a chosen moment)",
    es: 'El mando de incidentes (los incidentes del profesor, ahora o en un momento elegido)',
  },
  {
    keys: 'P',
    action: 'pointer',
    text: 'Pointer highlight: a large ring follows the mouse (for presenting)',
    es: 'Resaltar el puntero: un anillo grande sigue al ratón (para presentar)',
  },
  {
    keys: 'Esc',
    action: 'escape',
    text: 'Close a panel; then clear the selection (← Menu leaves the street)',
    es: 'Cerrar un panel; después, quitar la selección (← Menú sale de la calle)',
  },
  { keys: '?', action: 'help', text: 'This list of keys', es: 'Esta lista de teclas' },
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

/**
 * Listen for keys on the window; returns the unlisten function. While any handler listens, <html data-keys> counts
 * them: the keys work from then on, and the browser tests wait for it before pressing one (the HUD loads lazily).
 */
export function listenKeys(onKey: (e: KeyboardEvent) => void): () => void {
  const root = document.documentElement
  const count = (d: number): void => {
    const n = Number(root.dataset.keys ?? 0) + d
    if (n > 0) root.dataset.keys = String(n)
    else delete root.dataset.keys
  }
  window.addEventListener('keydown', onKey)
  count(1)
  return () => {
    window.removeEventListener('keydown', onKey)
    count(-1)
  }
}
