import { afterEach, describe, expect, test } from 'vitest'
import { HUD_PREFS_KEY, defaultHudPrefs, installHudPrefs, parseHudPrefs } from '../../src/ui/hudPrefs'
import type { PrefsStorage } from '../../src/ui/hudPrefs'
import { DEFAULT_DRAWER, useHud } from '../../src/ui/uiStore'
import { DEFAULT_FOLLOW, useUi } from '../../src/state/ui'

function memory(initial: Record<string, string> = {}): PrefsStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

let off: (() => void) | null = null
afterEach(() => {
  off?.()
  off = null
  useHud.setState({ drawers: { ...DEFAULT_DRAWER }, mode: 'level', inspectorWide: false })
  useUi.setState({ follow: { ...DEFAULT_FOLLOW } })
})

describe('the HUD remembers its panels per mode', () => {
  test('a drawer, the inspector and follow events chosen in the sandbox come back after a reload; the level keeps its own', () => {
    const store = memory()
    off = installHudPrefs(store)
    useHud.setState({ mode: 'sandbox' })
    useHud.getState().toggleDrawer('street')
    useHud.getState().toggleInspector()
    useUi.getState().setFollow('sandbox', true)
    off()
    // A reload: fresh stores, the same storage.
    useHud.setState({ drawers: { ...DEFAULT_DRAWER }, mode: 'level', inspectorWide: false })
    useUi.setState({ follow: { ...DEFAULT_FOLLOW } })
    off = installHudPrefs(store)
    expect(useHud.getState().drawers).toEqual({ level: 'tools', sandbox: 'street' })
    expect(useUi.getState().follow).toEqual({ level: true, sandbox: true })
    expect(useHud.getState().inspectorWide).toBe(false)
    useHud.setState({ mode: 'sandbox' })
    expect(useHud.getState().inspectorWide).toBe(true)
    useHud.setState({ mode: 'level' })
    expect(useHud.getState().inspectorWide).toBe(false)
  })

  test.each([
    ['not JSON', '{oops'],
    ['another version', JSON.stringify({ version: 99, modes: { sandbox: { drawer: 'log' } } })],
    ['a list', '[1,2,3]'],
    ['null', 'null'],
  ])('a stored value that is %s falls back to the defaults without a fuss', (_, text) => {
    const r = parseHudPrefs(text)
    expect(r.prefs).toEqual(defaultHudPrefs())
    expect(r.problem).not.toBeNull()
    const store = memory({ [HUD_PREFS_KEY]: text })
    off = installHudPrefs(store)
    expect(useHud.getState().drawers).toEqual(DEFAULT_DRAWER)
    expect(useUi.getState().follow).toEqual(DEFAULT_FOLLOW)
    // The next change overwrites it with a good value.
    useHud.getState().toggleDrawer('log')
    expect(parseHudPrefs(store.data.get(HUD_PREFS_KEY)!).problem).toBeNull()
  })

  test('a field of the wrong kind falls back alone; the good fields are kept', () => {
    const text = JSON.stringify({ version: 1, modes: { sandbox: { drawer: 'attic', follow: true, inspectorWide: 'yes' } } })
    const r = parseHudPrefs(text)
    expect(r.prefs.modes.sandbox).toEqual({ drawer: DEFAULT_DRAWER.sandbox, follow: true, inspectorWide: false })
    expect(r.problem).toMatch(/sandbox.drawer/)
  })

  test('a storage that refuses to read or write never stops the HUD', () => {
    const broken: PrefsStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('full')
      },
    }
    off = installHudPrefs(broken)
    expect(() => useHud.getState().toggleDrawer('street')).not.toThrow()
    expect(useHud.getState().drawers.level).toBe('street')
  })
})
