import { describe, expect, test } from 'vitest'
import { KEY_HELP, isTyping, keyAction, spaceBelongsToControl } from '../../src/ui/keys'

describe('keyboard shortcuts', () => {
  test('the game keys map to their actions, letters in either case', () => {
    expect(keyAction({ key: ' ' })).toBe('togglePause')
    expect(keyAction({ key: '.' })).toBe('step')
    expect(['1', '2', '3', '4'].map((key) => keyAction({ key }))).toEqual(['speed1', 'speed2', 'speed4', 'speed8'])
    expect(keyAction({ key: 'r' })).toBe('runContainer')
    expect(keyAction({ key: 'R' })).toBe('runContainer')
    expect(keyAction({ key: 'L' })).toBe('vocab')
    expect(keyAction({ key: 'Delete' })).toBe('removeContainer')
    expect(keyAction({ key: '+' })).toBe('scaleUp')
    expect(keyAction({ key: '=' })).toBe('scaleUp')
    expect(keyAction({ key: '-' })).toBe('scaleDown')
    expect(keyAction({ key: '?' })).toBe('help')
    expect(keyAction({ key: 'Escape' })).toBe('escape')
    expect(keyAction({ key: 'f' })).toBe('focus')
    expect(keyAction({ key: 'S' })).toBe('street')
    expect(keyAction({ key: 't' })).toBe('tools')
    expect(keyAction({ key: 'e' })).toBe('log')
    expect(keyAction({ key: 'Home' })).toBe('home')
  })

  test('browser shortcuts with Ctrl, Cmd or Alt are left to the browser', () => {
    expect(keyAction({ key: 'r', ctrlKey: true })).toBeNull()
    expect(keyAction({ key: 'l', metaKey: true })).toBeNull()
    expect(keyAction({ key: '1', altKey: true })).toBeNull()
    expect(keyAction({ key: 'x' })).toBeNull()
  })

  test('keys do nothing while the player types in a text field, but do on buttons and checkboxes', () => {
    const el = (tagName: string, type = '', isContentEditable = false) =>
      ({ tagName, type, isContentEditable, closest: () => null }) as unknown as EventTarget
    expect(isTyping(el('INPUT', 'text'))).toBe(true)
    expect(isTyping(el('INPUT', 'number'))).toBe(true)
    expect(isTyping(el('TEXTAREA'))).toBe(true)
    expect(isTyping(el('SELECT'))).toBe(true)
    expect(isTyping(el('DIV', '', true))).toBe(true)
    expect(isTyping(el('INPUT', 'checkbox'))).toBe(false)
    expect(isTyping(el('BUTTON'))).toBe(false)
    expect(isTyping(null)).toBe(false)
  })

  test('Space on a checkbox or radio button ticks it instead of pausing; on a button it still plays and pauses', () => {
    const el = (tagName: string, type = '') => ({ tagName, type }) as unknown as EventTarget
    expect(spaceBelongsToControl(el('INPUT', 'checkbox'))).toBe(true)
    expect(spaceBelongsToControl(el('INPUT', 'radio'))).toBe(true)
    expect(spaceBelongsToControl(el('BUTTON'))).toBe(false)
    expect(spaceBelongsToControl(el('DIV'))).toBe(false)
    expect(spaceBelongsToControl(null)).toBe(false)
    const role = (r: string) =>
      ({ tagName: 'BUTTON', type: 'button', getAttribute: (a: string) => (a === 'role' ? r : null) }) as unknown as EventTarget
    expect(spaceBelongsToControl(role('radio'))).toBe(true)
    expect(spaceBelongsToControl(role('treeitem'))).toBe(false)
  })

  test('every shortcut in the help list maps back to the action it describes', () => {
    for (const k of KEY_HELP) {
      const first = k.keys.split(' ')[0]!
      const key = first === 'Space' ? ' ' : first === 'Esc' ? 'Escape' : first
      if (k.keys.startsWith('↑')) continue
      expect(keyAction({ key }), k.keys).toBe(k.action)
    }
  })
})
