import { mostMissed, toCsv } from '../../src/ui/classroom/classTable'
import type { Verdict } from '../../src/levels'
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

const label = (t: string) => ({ metaphor: t, technical: t.toUpperCase() })
const verdict = (name: string, done: boolean[], status: 'verified' | 'not-verified' = 'verified'): Verdict => ({
  status,
  name,
  levelId: '01-one-house',
  levelTitle: 'One house, many apps',
  outcome: done.every(Boolean) ? 'won' : 'lost',
  stars: done.every(Boolean) ? 1 : 0,
  objectives: done.map((d, i) => ({ id: `o${i}`, label: label(`objective ${i}`), done: d })),
  lastCommandMs: 1200,
  commands: 3,
  incidents: 0,
  claim: { outcome: 'won', stars: 1, met: [] },
  reason: status === 'verified' ? '' : 'claims won, the replay lost',
})

describe('the class table', () => {
  const rows = [
    { source: 'a.txt', verdict: verdict('Ada', [true, false, false]) },
    { source: 'b.txt', verdict: verdict('Bob', [true, true, false], 'not-verified') },
    { source: 'c.txt', verdict: { status: 'invalid' as const, name: '?', levelId: '?', reason: 'unknown level "x"' } },
    { source: 'd.txt', verdict: null },
  ]
  test('the most missed objective comes first; unchecked and pending hand-ins do not count', () => {
    expect(mostMissed(rows, 'metaphor')).toEqual([
      { levelId: '01-one-house', label: 'objective 2', missed: 2, of: 2 },
      { levelId: '01-one-house', label: 'objective 1', missed: 1, of: 2 },
    ])
  })
  test('CSV: one line per checked hand-in, quoted where needed, a formula-like name kept as text', () => {
    const csv = toCsv([...rows, { source: 'e.txt', verdict: verdict('=HYPERLINK("x")', [true]) }], 'technical')
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[1]).toBe('Ada,01-one-house,verified,lost,0,OBJECTIVE 0,OBJECTIVE 1; OBJECTIVE 2,1.2,3,,a.txt')
    expect(lines[3]).toBe('?,?,not checked,,,,,,,"unknown level ""x""",c.txt')
    expect(lines[4]!.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true)
  })
})
