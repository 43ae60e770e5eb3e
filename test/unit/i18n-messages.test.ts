/**
 * The Spanish message catalogue: every id of the English one has its Spanish sentences, each using
 * exactly the parameters the English sentence of the same vocabulary uses (none dropped, none made
 * up), and the events of the campaign's levels render in Spanish with every parameter filled.
 */
import { describe, expect, test } from 'vitest'
import { playedLevels } from './helpers'
import { CATALOGUE, eventText, renderMessage } from '../../src/sim'
import { ES } from '../../src/sim/messages/es'
import { register } from '../../src/ui/i18n/pack-es'

/** The parameters a sentence reads: `p.name` (and `p['name']`) in its source. */
function paramsRead(f: unknown): string[] {
  const src = String(f)
  const found = new Set<string>()
  for (const m of src.matchAll(/\bp\.([A-Za-z_$][\w$]*)|\bp\[['"]([\w$]+)['"]\]/g)) found.add((m[1] ?? m[2])!)
  return [...found].sort()
}

const en = CATALOGUE as unknown as Record<string, { metaphor: unknown; technical: unknown }>
const es = ES as unknown as Record<string, readonly [unknown, unknown]>

// Spanish is a pack the page loads when it is chosen (src/ui/i18n/packs.ts); these tests read it loaded.
register()

describe('the Spanish message catalogue', () => {
  test('has every message id of the English catalogue, and no other', () => {
    const missing = Object.keys(en).filter((id) => !(id in es))
    const extra = Object.keys(es).filter((id) => !(id in en))
    expect(missing).toEqual([])
    expect(extra).toEqual([])
    expect(Object.keys(es).length).toBeGreaterThan(200)
  })

  test('each Spanish sentence reads exactly the parameters its English sentence reads', () => {
    const wrong: string[] = []
    for (const [id, [metaphor, technical]] of Object.entries(es)) {
      const pairs: [string, unknown, unknown][] = [['metaphor', metaphor, en[id]!.metaphor]]
      if (technical !== 'kubectl') pairs.push(['technical', technical, en[id]!.technical])
      for (const [vocab, mine, theirs] of pairs) {
        const a = paramsRead(mine).join(',')
        const b = paramsRead(theirs).join(',')
        if (a !== b) wrong.push(`${id} (${vocab}): es reads [${a}], en reads [${b}]`)
      }
    }
    expect(wrong).toEqual([])
  })

  test('the parameter check catches a dropped or an invented parameter', () => {
    expect(paramsRead((p: { app: string; rps: number }) => `${p.app}: ${p.rps}`)).toEqual(['app', 'rps'])
    expect(paramsRead((p: { app: string }) => `${p.app}`)).not.toEqual(paramsRead((p: { app: string; rps: number }) => `${p.app} ${p.rps}`))
  })

  test("only the technical line may stay in kubectl's English words, and most metaphor lines read differently", () => {
    const kept = Object.values(es).filter(([, t]) => t === 'kubectl').length
    expect(kept).toBeLessThan(Object.keys(es).length / 4)
    const sample = { app: 'shop', host: '1', vm: 'a1', room: 'c1', rps: 5, replicas: 3, before: 2 }
    const same = Object.keys(es).filter(
      (id) =>
        id !== 'legacy.text' &&
        renderMessage({ id, params: sample }, 'metaphor', 'es') === renderMessage({ id, params: sample }, 'metaphor'),
    )
    expect(same).toEqual([])
  })

  test('the events of every level, played with its solution, render in Spanish with every parameter filled', () => {
    const events = playedLevels().flatMap((w) => w.events)
    expect(new Set(events.map((e) => e.id)).size).toBeGreaterThan(20)
    for (const e of events) {
      const text = eventText(e, 'metaphor', 'es')
      expect(text, e.id).not.toMatch(/undefined|\[object Object\]|NaN/)
      expect(text, e.id).not.toBe(eventText(e, 'metaphor', 'en'))
      expect(eventText(e, 'technical', 'es'), e.id).not.toMatch(/undefined|\[object Object\]/)
    }
  })

  test('a message id the Spanish catalogue does not know falls back to English, then to the id', () => {
    expect(renderMessage({ id: 'hosts.removed', params: { host: '1' } }, 'metaphor', 'es')).toBe('Casa 1 vendida.')
    expect(renderMessage({ id: 'apps.removed', params: { app: 'shop' } }, 'technical', 'es')).toBe(
      renderMessage({ id: 'apps.removed', params: { app: 'shop' } }, 'technical', 'en'),
    )
    // A place the simulation names in English ("house 1") reads in Spanish, with its article.
    const run = {
      id: 'containers.run',
      params: { app: 'shop', whereMetaphor: 'house 1', image: 'shop:1', whereTechnical: 'host 1', room: 'c1' },
    }
    expect(renderMessage(run, 'metaphor', 'es')).toBe('Se prepara una habitación para shop en la casa 1.')
    expect(renderMessage({ id: 'future.thing', params: { a: 1 } }, 'metaphor', 'es')).toContain('future.thing')
  })
})
