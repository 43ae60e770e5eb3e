/**
 * Lessons and levels in Spanish: every lesson (levels/lessons/*.json) and every level (levels/*.json)
 * has its overlay (levels/lessons/es, levels/es), valid by its schema, lined up with the English file
 * (same steps, same questions and choices, only objective and star ids the level has), and complete;
 * at runtime a text the overlay lacks stays English, never blank.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  evaluateCheck,
  lessonTranslationProblems,
  levelTranslationGaps,
  levelTranslationProblems,
  parseLesson,
  parseLessonTranslation,
  parseLevel,
  parseLevelTranslation,
  progressIn,
  startLevel,
  translateLesson,
  translateLevel,
} from '../../src/levels'
import type { Lesson, Level } from '../../src/levels'
import { apply, step, STEP_MS } from '../../src/sim'
import { register } from '../../src/ui/i18n/pack-es'

const LEVELS = join(__dirname, '../../levels')
const LESSONS = join(LEVELS, 'lessons')
const json = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'))

function lesson(file: string): Lesson {
  const r = parseLesson(file, readFileSync(join(LESSONS, file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.lesson
}
function level(file: string): Level {
  const r = parseLevel(file, readFileSync(join(LEVELS, file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.level
}

// Spanish is a pack the page loads when it is chosen (src/ui/i18n/packs.ts); these tests read it loaded.
register()

describe('the lessons in Spanish', () => {
  test.each(json(LESSONS))('%s has a Spanish overlay: valid, lined up, every step captioned', (file) => {
    const l = lesson(file)
    const r = parseLessonTranslation(`es/${file}`, readFileSync(join(LESSONS, 'es', file), 'utf8'), 'es')
    if (!r.ok) throw new Error(r.error)
    expect(lessonTranslationProblems(l, r.value)).toEqual([])
    const es = translateLesson(l, r.value)
    expect(es.title).not.toBe(l.title)
    expect(es.takeaway.text).not.toBe(l.takeaway.text)
    es.steps.forEach((s, i) => {
      for (const v of ['metaphor', 'technical'] as const) {
        expect(s.caption[v], `step ${i + 1} ${v}`).not.toBe(l.steps[i]!.caption[v])
        if (s.question) {
          expect(s.question.prompt[v], `step ${i + 1} prompt`).not.toBe(l.steps[i]!.question!.prompt[v])
          expect(s.question.choices.length).toBe(l.steps[i]!.question!.choices.length)
        }
      }
      // The translation changes words only: the step's commands and the question's claims are the lesson's.
      expect(s.commands).toEqual(l.steps[i]!.commands)
      expect(s.question?.choices.map((c) => c.claims)).toEqual(l.steps[i]!.question?.choices.map((c) => c.claims))
    })
  })

  test('a lesson overlay that does not line up is named, and what it lacks stays English', () => {
    const l = lesson('03-containers.json')
    const r = parseLessonTranslation('es/03.json', readFileSync(join(LESSONS, 'es', '03-containers.json'), 'utf8'), 'es')
    if (!r.ok) throw new Error(r.error)
    const short = { ...r.value, steps: r.value.steps.slice(0, 2) }
    expect(lessonTranslationProblems(l, short)).toEqual([`2 steps, the lesson has ${l.steps.length}`])
    const es = translateLesson(l, short)
    expect(es.steps[0]!.caption).toEqual(r.value.steps[0]!.caption)
    expect(es.steps[3]!.caption).toEqual(l.steps[3]!.caption)
    expect(translateLesson(l, undefined)).toBe(l)
    expect(translateLesson(l, { ...r.value, lesson: 'another' })).toBe(l)
  })

  test('a broken overlay is refused with the field named', () => {
    const bad = parseLessonTranslation('es/x.json', JSON.stringify({ lesson: 'x', section: 's', title: '', steps: [], takeaway: {} }), 'es')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/es\/x\.json: (title|steps|takeaway)/)
    expect(parseLessonTranslation('es/y.json', '{', 'es').ok).toBe(false)
  })
})

describe('the levels in Spanish', () => {
  const translated = json(join(LEVELS, 'es'))

  test('every overlay in levels/es is valid and translates a level that exists, with only its objective and star ids', () => {
    expect(translated.length).toBeGreaterThan(0)
    for (const file of translated) {
      const l = level(file)
      const r = parseLevelTranslation(`es/${file}`, readFileSync(join(LEVELS, 'es', file), 'utf8'), 'es')
      if (!r.ok) throw new Error(r.error)
      expect(levelTranslationProblems(l, r.value), file).toEqual([])
    }
  })

  test.each(json(LEVELS))('%s has its Spanish overlay, complete: title, brief, every objective, star and hint', (file) => {
    expect(translated, `levels/es/${file} is missing`).toContain(file)
    const l = level(file)
    const r = parseLevelTranslation(`es/${file}`, readFileSync(join(LEVELS, 'es', file), 'utf8'), 'es')
    if (!r.ok) throw new Error(r.error)
    expect(levelTranslationGaps(l, r.value)).toEqual([])
    const es = translateLevel(l, r.value)
    expect(es.brief).not.toBe(l.brief)
    expect(es.title).toBe(r.value.title) // may read the same (Black Friday)
    expect(es.takeaway.text).not.toBe(l.takeaway.text)
    expect(es.solution).toEqual(l.solution)
    expect(es.objectives.map((o) => o.check)).toEqual(l.objectives.map((o) => o.check))
  })

  test('a level overlay missing a hint or an objective leaves that text English, never blank', () => {
    const l = level('01-one-house.json')
    const r = parseLevelTranslation('es/01.json', readFileSync(join(LEVELS, 'es', '01-one-house.json'), 'utf8'), 'es')
    if (!r.ok) throw new Error(r.error)
    const first = l.objectives[0]!.id
    const partial = {
      ...r.value,
      hints: [],
      objectives: Object.fromEntries(Object.entries(r.value.objectives).filter(([id]) => id !== first)),
    }
    expect(levelTranslationGaps(l, partial)).toEqual([`objective ${first}`, ...l.hints.map((_, i) => `hint ${i + 1}`)])
    const es = translateLevel(l, partial)
    expect(es.objectives[0]!.label).toEqual(l.objectives[0]!.label)
    expect(es.hints).toEqual(l.hints)
    expect(es.brief).toBe(r.value.brief)
    expect(levelTranslationProblems(l, { ...r.value, objectives: { nope: { metaphor: 'a', technical: 'b' } } })).toEqual([
      'objective nope is not in the level',
    ])
  })
})

describe('objective progress lines in Spanish', () => {
  test('the lines the levels show while played with their solutions read in Spanish, their numbers kept', () => {
    const lines = new Set<string>()
    for (const file of json(LEVELS)) {
      const l = level(file)
      const world = startLevel(l)
      const queue = [...l.solution].sort((a, b) => a.atMs - b.atMs)
      const checks = [...l.objectives, ...l.stars].map((o) => o.check)
      let next = 0
      while (world.timeMs < l.durationMs) {
        while (queue.length && queue[0]!.atMs <= world.timeMs) apply(world, queue.shift()!.command)
        step(world, STEP_MS)
        if (world.timeMs >= next) {
          for (const c of checks) lines.add(evaluateCheck(c, world).progress)
          next += 15_000
        }
      }
    }
    lines.add('done')
    const kept = [...lines].filter((x) => progressIn(x, 'es') === x)
    expect(lines.size).toBeGreaterThan(20)
    expect(kept, `still English: ${kept.join(' | ')}`).toEqual([])
    for (const x of lines) expect(progressIn(x, 'es').match(/\d+/g) ?? []).toEqual(x.match(/\d+/g) ?? [])
    expect(progressIn('97.2% served (need 99%)', 'es')).toBe('97.2 % atendido (hace falta un 99 %)')
    expect(progressIn('97.2% served (need 99%)', 'en')).toBe('97.2% served (need 99%)')
  })
})

describe('the end of a level in Spanish', () => {
  test('a lost level says what went wrong and what to try in Spanish, with the Spanish objective labels', async () => {
    const { levelStory } = await import('../../src/ui/outcomeStory')
    const { objectiveStatuses } = await import('../../src/levels')
    const l = level('01-one-house.json')
    const r = parseLevelTranslation('es/01.json', readFileSync(join(LEVELS, 'es', '01-one-house.json'), 'utf8'), 'es')
    if (!r.ok) throw new Error(r.error)
    const world = startLevel(l)
    while (world.timeMs < l.durationMs) step(world, STEP_MS)
    const progress = { outcome: 'lost' as const, stars: 0, latched: [] }
    const story = levelStory(world, objectiveStatuses(translateLevel(l, r.value), world, progress), 'metaphor', 'es')
    expect(story.failed.length).toBeGreaterThan(0)
    expect(story.failed[0]!.label).toBe(r.value.objectives[l.objectives[0]!.id]!.metaphor)
    expect(story.failed[0]!.advice).toMatch(/habitación/)
    expect(story.failed[0]!.figure).not.toMatch(/apps open|served/)
    const en = levelStory(world, objectiveStatuses(l, world, progress), 'metaphor')
    expect(en.failed[0]!.advice).toMatch(/Give every business a room/)
  })
})
