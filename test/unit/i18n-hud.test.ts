/**
 * The HUD's dictionary in both languages: every key has its Spanish text, with the same {parameters}
 * as the English and the same shape (one string, or a pair for the two vocabularies); t() fills
 * parameters and falls back to English for a language without the key. The key help has a Spanish line
 * for every key, and the keys stay the same letters.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { EN } from '../../src/ui/i18n/en'
import { ES_UI } from '../../src/ui/i18n/es'
import { translate } from '../../src/ui/i18n'
import type { UiKey } from '../../src/ui/i18n'
import { KEY_HELP } from '../../src/ui/keys'
import { ES_WORD_ROWS, ES_WORDS } from '../../src/ui/i18n/words-es'
import { register } from '../../src/ui/i18n/pack-es'

/** Every w('house words', 'technical words') call with two literal strings in src/ui. */
function wordPairs(dir = join(__dirname, '../../src/ui')): [string, string][] {
  const out: [string, string][] = []
  for (const f of readdirSync(dir)) {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) out.push(...wordPairs(p))
    else if (/\.tsx?$/.test(f)) {
      const src = readFileSync(p, 'utf8')
      for (const m of src.matchAll(/\bw\(\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)',?\s*\)/g))
        out.push([m[1]!.replace(/\\'/g, "'"), m[2]!.replace(/\\'/g, "'")])
    }
  }
  return out
}

const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
const texts = (v: string | readonly [string, string]): string[] => (typeof v === 'string' ? [v] : [...v])

// Spanish is a pack the page loads when it is chosen (src/ui/i18n/packs.ts); these tests read it loaded.
register()

describe('the HUD dictionary', () => {
  const keys = Object.keys(EN) as UiKey[]

  test('every English key has a Spanish text, and Spanish has no key English lacks', () => {
    expect(keys.filter((k) => !(k in ES_UI))).toEqual([])
    expect(Object.keys(ES_UI).filter((k) => !(k in EN))).toEqual([])
    for (const k of keys) for (const s of texts(ES_UI[k])) expect(s.trim().length, k).toBeGreaterThan(0)
  })

  test('each Spanish text has the same shape and exactly the same {parameters} as its English text', () => {
    const wrong: string[] = []
    for (const k of keys) {
      const en = texts(EN[k])
      const es = texts(ES_UI[k])
      if (en.length !== es.length) wrong.push(`${k}: ${en.length} texts in English, ${es.length} in Spanish`)
      en.forEach((s, i) => {
        if (es[i] !== undefined && params(s).join() !== params(es[i]!).join()) wrong.push(`${k}: {${params(s)}} vs {${params(es[i]!)}}`)
      })
    }
    expect(wrong).toEqual([])
  })

  test('most of the HUD reads differently in Spanish (language names and symbols aside)', () => {
    const same = keys.filter((k) => texts(EN[k]).join() === texts(ES_UI[k]).join())
    expect(same.length).toBeLessThan(keys.length / 20)
  })

  test('t() fills parameters, picks the vocabulary of a pair, and the language', () => {
    expect(translate('es', 'metaphor', 'top.left', { time: '1:30' })).toBe('quedan 1:30')
    expect(translate('en', 'metaphor', 'top.left', { time: '1:30' })).toBe('1:30 left')
    expect(translate('es', 'metaphor', 'drawers.street')).toBe('Calle')
    expect(translate('es', 'technical', 'drawers.street')).toBe('Clúster')
    expect(translate('en', 'technical', 'time.speedTitle', { s: 4, k: 3 })).toBe('Speed 4× (key 3)')
  })

  test('the key help has a Spanish line for every key, and the keys are the same', () => {
    for (const k of KEY_HELP) {
      expect(k.es.length, k.keys).toBeGreaterThan(3)
      expect(k.es, k.keys).not.toBe(k.text === 'kubectl console' ? '' : k.text)
    }
  })

  test("the panels' word pairs (w(house, technical)) have their Spanish pair: nearly all, each with both texts", () => {
    const pairs = wordPairs()
    expect(pairs.length).toBeGreaterThan(200)
    const missing = pairs.filter(([m, t]) => !ES_WORDS.has(`${m}\u0000${t}`))
    // A pair changed in English since it was translated shows in English until its row is updated: a few may lag.
    expect(missing.length, `untranslated: ${missing.map((p) => p.join(' / ')).join('; ')}`).toBeLessThan(pairs.length / 20)
    for (const row of ES_WORD_ROWS) for (const s of row) expect(s.trim().length, row[0]).toBeGreaterThan(0)
  })
})
