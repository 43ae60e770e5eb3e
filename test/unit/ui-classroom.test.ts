import { describe, expect, test } from 'vitest'
import { presenterKey } from '../../src/ui/classroom/presenterKeys'

describe('presenter keys', () => {
  test('a clicker and the keyboard move through the steps', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ']) expect(presenterKey(k)).toBe('next')
    for (const k of ['ArrowLeft', 'PageUp']) expect(presenterKey(k)).toBe('prev')
    expect(presenterKey('Home')).toBe('first')
    expect(presenterKey('End')).toBe('last')
  })
  test('a number jumps to that step (1 is the first), letters replay, blank, focus and switch words', () => {
    expect(presenterKey('1')).toBe(0)
    expect(presenterKey('9')).toBe(8)
    expect(presenterKey('0')).toBe(null)
    expect(presenterKey('R')).toBe('replay')
    expect(presenterKey('b')).toBe('blank')
    expect(presenterKey('f')).toBe('focus')
    expect(presenterKey('l')).toBe('vocab')
    expect(presenterKey('Escape')).toBe('leave')
    expect(presenterKey('x')).toBe(null)
  })
})
