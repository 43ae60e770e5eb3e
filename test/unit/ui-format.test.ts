import { describe, expect, test } from 'vitest'
import { clockText, containerStateText, roomStateKey, secondsLeft, starsText, stateIcon, stateTone, vmStateText } from '../../src/ui/format'
import type { Container, Vm } from '../../src/sim'

describe('HUD text', () => {
  test('stars read as marks and as words', () => {
    expect(starsText(2)).toEqual({ marks: '★★☆', text: '2 of 3 stars' })
    expect(starsText(0).marks).toBe('☆☆☆')
    expect(starsText(7).text).toBe('3 of 3 stars')
  })

  test('time left counts whole seconds up and never goes below zero', () => {
    expect(clockText(60_000)).toBe('1:00')
    expect(clockText(59_001)).toBe('1:00')
    expect(clockText(5_000)).toBe('0:05')
    expect(clockText(-300)).toBe('0:00')
    expect(secondsLeft(12_000, 100)).toBe(12)
    expect(secondsLeft(100, 12_000)).toBe(0)
  })

  test('timed states say how long is left, in the chosen vocabulary', () => {
    const c = { state: 'backoff', phaseEndsMs: 20_000, terminatingUntilMs: null } as Container
    expect(containerStateText(c, 10_000, 'metaphor')).toBe('caretaker waiting to retry, 10 s left')
    expect(containerStateText(c, 10_000, 'technical')).toBe('CrashLoopBackOff, 10 s left')
    expect(containerStateText({ ...c, state: 'running', ready: true, hung: false }, 10_000, 'technical')).toBe('Running')
    // A deleted pod waits out its grace period: kubectl's Terminating, with the seconds to SIGKILL.
    const closing = { ...c, state: 'running', ready: false, hung: false, terminatingUntilMs: 40_000 } as Container
    expect(containerStateText(closing, 10_000, 'technical')).toMatch(/^Terminating: out of endpoints, SIGKILL in 30 s/)
    expect(roomStateKey(closing)).toBe('unready')
    const vm = { state: 'booting', phaseEndsMs: 42_000 } as Vm
    expect(vmStateText(vm, 30_000, 'metaphor')).toBe('moving in (booting its own OS), 12 s left')
  })

  test('every state has a shape as well as a tone, so colour is never the only signal', () => {
    const shapes = new Set(['running', 'pending', 'crashed', 'backoff', 'terminated'].map(stateIcon))
    expect(shapes.size).toBe(5)
    expect(stateTone('running')).toBe('good')
    expect(stateTone('booting')).toBe('busy')
    expect(stateTone('failed')).toBe('bad')
  })

  test('a stuck or not-ready room does not look healthy in the street list', () => {
    const base = { state: 'running', ready: true, hung: false, phaseEndsMs: 0, terminatingUntilMs: null } as Container
    const hung = { ...base, hung: true }
    const unready = { ...base, ready: false }
    expect(stateIcon(roomStateKey(base))).toBe('●')
    expect(stateIcon(roomStateKey(hung))).not.toBe('●')
    expect(stateTone(roomStateKey(hung))).toBe('bad')
    expect(stateTone(roomStateKey(unready))).toBe('busy')
    expect(containerStateText(hung, 0, 'metaphor')).toContain('stuck')
    expect(containerStateText(unready, 0, 'technical')).toContain('not ready')
  })
})
