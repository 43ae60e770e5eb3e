/**
 * Messages are data: the world records catalogue ids with parameters, never sentences, and one
 * place renders them in either vocabulary.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { playedLevels } from './helpers'
import { parseLevel, startLevel } from '../../src/levels'
import { apply, CATALOGUE, eventText, renderMessage, upgradeWorld } from '../../src/sim'
import type { SimEvent, World } from '../../src/sim'

// Every campaign level played with its reference solution: a few thousand events of every kind.
const dir = join(__dirname, '../../levels')
const worlds = playedLevels()
const events: SimEvent[] = worlds.flatMap((w) => w.events)

describe('the message catalogue', () => {
  test('the levels write events of many kinds, every one an id the catalogue knows', () => {
    const ids = new Set(events.map((e) => e.id))
    expect(ids.size).toBeGreaterThan(20)
    for (const id of ids) expect(CATALOGUE, id).toHaveProperty([id])
  })

  test('an event stores an id and parameters, not sentences', () => {
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(['atMs', 'id', 'level', 'params', 'seq', 'subjects'])
      for (const v of Object.values(e.params)) expect(['string', 'number', 'boolean', 'object']).toContain(typeof v)
    }
  })

  test('every event renders in both vocabularies, with no parameter left unfilled', () => {
    for (const e of events) {
      for (const vocab of ['metaphor', 'technical'] as const) {
        const text = eventText(e, vocab)
        expect(text.length, e.id).toBeGreaterThan(5)
        expect(text, `${e.id} (${vocab})`).not.toMatch(/undefined|\[object Object\]/)
      }
    }
  })

  test('a saved world reads the same after loading: the same ids render the same sentences', () => {
    for (const w of worlds.slice(0, 4)) {
      const loaded = upgradeWorld(JSON.parse(JSON.stringify(w)) as World)
      expect(loaded.events.map((e) => eventText(e, 'technical'))).toEqual(w.events.map((e) => eventText(e, 'technical')))
    }
  })

  test('a save from before the catalogue keeps its sentences (as legacy lines)', () => {
    const w = startLevel(parseLevelOrThrow('01-one-house.json'))
    const old: Omit<World, 'events'> & { events: unknown[] } = JSON.parse(JSON.stringify(w))
    old.events = [{ seq: 1, atMs: 0, level: 'info', metaphor: 'House 1 built.', technical: 'Host 1 joined.', subjects: ['h1'] }]
    const loaded = upgradeWorld(old as unknown as World)
    expect(eventText(loaded.events[0]!, 'metaphor')).toBe('House 1 built.')
    expect(eventText(loaded.events[0]!, 'technical')).toBe('Host 1 joined.')
  })

  test('a refusal carries its catalogue message, and the player reads exactly its rendering', () => {
    const w = startLevel(parseLevelOrThrow('01-one-house.json'))
    const refusals = [
      apply(w, { type: 'addVm', hostId: 'nowhere', os: 'linux', vcpus: 1, memMiB: 1024 }),
      apply(w, { type: 'setDelayScale', scale: 7 }),
      apply(w, { type: 'crashContainer', containerId: 'c999' }),
    ]
    for (const r of refusals) {
      expect(r.ok).toBe(false)
      if (r.ok) continue
      expect(r.message, r.technical).toBeDefined()
      expect(CATALOGUE).toHaveProperty([r.message!.id])
      expect(r.metaphor).toBe(renderMessage(r.message!, 'metaphor'))
      expect(r.technical).toBe(renderMessage(r.message!, 'technical'))
    }
  })

  test('an id from a newer version is shown as itself, not as a crash', () => {
    expect(renderMessage({ id: 'future.thing', params: { n: 2 } }, 'metaphor')).toBe('future.thing {"n":2}')
  })
})

function parseLevelOrThrow(file: string) {
  const r = parseLevel(`levels/${file}`, readFileSync(join(dir, file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.level
}
