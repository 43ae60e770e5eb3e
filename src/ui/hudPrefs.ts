/**
 * The HUD remembers its panels per mode across reloads: which side drawer is open, whether the
 * inspector is expanded, and whether the camera follows events, for a level and for the sandbox
 * each. Kept in localStorage under one key with a version number; a value that is not ours (not
 * JSON, another version, a field of the wrong kind) falls back to the defaults, field by field,
 * and is overwritten by the next change. Nothing here can stop the game.
 */
import { DEFAULT_FOLLOW, useUi } from '../state/ui'
import { DEFAULT_DRAWER, useHud } from './uiStore'
import type { Drawer, HudMode } from './uiStore'

export const HUD_PREFS_KEY = 'houseOfPods.hud'
export const HUD_PREFS_VERSION = 1
const MODES: readonly HudMode[] = ['level', 'sandbox']
const DRAWERS: readonly Drawer[] = ['tools', 'street', 'log', null]

export interface ModePrefs {
  drawer: Drawer
  inspectorWide: boolean
  follow: boolean
}

export interface HudPrefs {
  version: typeof HUD_PREFS_VERSION
  modes: Record<HudMode, ModePrefs>
}

export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>

export function defaultHudPrefs(): HudPrefs {
  const mode = (m: HudMode): ModePrefs => ({ drawer: DEFAULT_DRAWER[m], inspectorWide: false, follow: DEFAULT_FOLLOW[m] })
  return { version: HUD_PREFS_VERSION, modes: { level: mode('level'), sandbox: mode('sandbox') } }
}

/** What a stored text holds, each field checked; the defaults for anything missing or wrong, and what was wrong. */
export function parseHudPrefs(text: string | null): { prefs: HudPrefs; problem: string | null } {
  const prefs = defaultHudPrefs()
  if (text === null) return { prefs, problem: null }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { prefs, problem: 'not JSON' }
  }
  if (!raw || typeof raw !== 'object') return { prefs, problem: 'not an object' }
  const r = raw as { version?: unknown; modes?: unknown }
  if (r.version !== HUD_PREFS_VERSION) return { prefs, problem: `version ${String(r.version)}, not ${HUD_PREFS_VERSION}` }
  const modes = (r.modes && typeof r.modes === 'object' ? r.modes : {}) as Record<string, unknown>
  const wrong: string[] = []
  for (const m of MODES) {
    const v = modes[m]
    if (v === undefined) continue
    if (!v || typeof v !== 'object') {
      wrong.push(m)
      continue
    }
    const o = v as Record<string, unknown>
    if (DRAWERS.includes(o.drawer as Drawer)) prefs.modes[m].drawer = o.drawer as Drawer
    else if (o.drawer !== undefined) wrong.push(`${m}.drawer`)
    if (typeof o.inspectorWide === 'boolean') prefs.modes[m].inspectorWide = o.inspectorWide
    else if (o.inspectorWide !== undefined) wrong.push(`${m}.inspectorWide`)
    if (typeof o.follow === 'boolean') prefs.modes[m].follow = o.follow
    else if (o.follow !== undefined) wrong.push(`${m}.follow`)
  }
  return { prefs, problem: wrong.length ? `unreadable: ${wrong.join(', ')}` : null }
}

export function browserPrefsStorage(): PrefsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/**
 * Read the stored preferences into the HUD and keep them stored as they change. The inspector's
 * size follows the mode: entering a mode brings back that mode's. Returns the unsubscribe.
 */
export function installHudPrefs(store: PrefsStorage | null = browserPrefsStorage()): () => void {
  let text: string | null = null
  try {
    text = store?.getItem(HUD_PREFS_KEY) ?? null
  } catch {
    text = null
  }
  const prefs = parseHudPrefs(text).prefs
  const hud = useHud.getState()
  useHud.setState({
    drawers: { level: prefs.modes.level.drawer, sandbox: prefs.modes.sandbox.drawer },
    inspectorWide: prefs.modes[hud.mode].inspectorWide,
  })
  useUi.setState({ follow: { level: prefs.modes.level.follow, sandbox: prefs.modes.sandbox.follow } })
  let saved = JSON.stringify(prefs)
  const save = () => {
    const next = JSON.stringify(prefs)
    if (next === saved) return
    saved = next
    try {
      store?.setItem(HUD_PREFS_KEY, next)
    } catch {
      // A full or refused storage only means the panels are not remembered.
    }
  }
  const offHud = useHud.subscribe((s, prev) => {
    if (s.mode !== prev.mode) {
      // Entering a mode: its own inspector size comes back (the change is not a preference).
      if (s.inspectorWide !== prefs.modes[s.mode].inspectorWide) useHud.setState({ inspectorWide: prefs.modes[s.mode].inspectorWide })
      return
    }
    for (const m of MODES) prefs.modes[m].drawer = s.drawers[m]
    prefs.modes[s.mode].inspectorWide = s.inspectorWide
    save()
  })
  const offUi = useUi.subscribe((s, prev) => {
    if (s.follow === prev.follow) return
    for (const m of MODES) prefs.modes[m].follow = s.follow[m]
    save()
  })
  return () => {
    offHud()
    offUi()
  }
}
