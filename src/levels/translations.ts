/**
 * Translations of levels and lessons: an overlay file beside the English one (levels/es/<id>.json,
 * levels/lessons/es/<id>.json) with only the words, checked by zod like the levels themselves. A
 * level overlay gives the title, chapter, brief, hints, each objective's and star's label (by id) and
 * the takeaway; a lesson overlay its section and title, each step's term, caption and question (by
 * position) and the takeaway. Applied at runtime over the English level or lesson: a text the
 * overlay lacks stays English, never blank; the rules, commands and checks are always the English file's.
 */
import { z } from 'zod'
import type { Lang } from '../sim'
import type { Level } from './schema'
import type { Lesson } from './lessons'

const line = z.string().min(1)
const vocabText = z.object({ metaphor: line, technical: line }).strict()
const takeaway = z.object({ title: line, text: line, seedLine: line }).strict()

export const levelTranslationSchema = z
  .object({
    level: z.string().regex(/^[a-z0-9-]+$/),
    chapter: line,
    title: line,
    brief: line,
    hints: z.array(line).default([]),
    objectives: z.record(z.string(), vocabText).default({}),
    stars: z.record(z.string(), vocabText).default({}),
    takeaway,
  })
  .strict()
export type LevelTranslation = z.infer<typeof levelTranslationSchema>

const stepTranslation = z
  .object({
    term: line.max(60).optional(),
    caption: vocabText,
    question: z
      .object({ prompt: vocabText, choices: z.array(vocabText).min(2).max(4) })
      .strict()
      .optional(),
  })
  .strict()

export const lessonTranslationSchema = z
  .object({
    lesson: z.string().regex(/^[a-z0-9-]+$/),
    section: line,
    title: line,
    steps: z.array(stepTranslation).min(1).max(30),
    takeaway,
  })
  .strict()
export type LessonTranslation = z.infer<typeof lessonTranslationSchema>

export type TranslationLoad<T> = { ok: true; file: string; lang: Lang; value: T } | { ok: false; file: string; error: string }

function parseWith<T>(schema: z.ZodType<T>, file: string, raw: string, lang: Lang): TranslationLoad<T> {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    return { ok: false, file, error: `${file}: not valid JSON (${(e as Error).message})` }
  }
  const r = schema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]!
    return { ok: false, file, error: `${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}` }
  }
  return { ok: true, file, lang, value: r.data }
}

export const parseLevelTranslation = (file: string, raw: string, lang: Lang): TranslationLoad<LevelTranslation> =>
  parseWith(levelTranslationSchema, file, raw, lang)
export const parseLessonTranslation = (file: string, raw: string, lang: Lang): TranslationLoad<LessonTranslation> =>
  parseWith(lessonTranslationSchema, file, raw, lang)

/** The texts an overlay gives that its level does not have (an unknown objective or star id): none, when it matches. */
export function levelTranslationProblems(level: Level, t: LevelTranslation): string[] {
  const out: string[] = []
  if (t.level !== level.id) out.push(`translates level ${t.level}, not ${level.id}`)
  const objectives = new Set(level.objectives.map((o) => o.id))
  const stars = new Set(level.stars.map((o) => o.id))
  for (const id of Object.keys(t.objectives)) if (!objectives.has(id)) out.push(`objective ${id} is not in the level`)
  for (const id of Object.keys(t.stars)) if (!stars.has(id)) out.push(`star ${id} is not in the level`)
  if (t.hints.length > level.hints.length) out.push(`${t.hints.length} hints, the level has ${level.hints.length}`)
  return out
}

/** What an overlay leaves in English: each text of the level it does not translate. */
export function levelTranslationGaps(level: Level, t: LevelTranslation): string[] {
  const out: string[] = []
  for (const o of level.objectives) if (!t.objectives[o.id]) out.push(`objective ${o.id}`)
  for (const o of level.stars) if (!t.stars[o.id]) out.push(`star ${o.id}`)
  for (let i = t.hints.length; i < level.hints.length; i++) out.push(`hint ${i + 1}`)
  return out
}

/** The level with the overlay's words (what the overlay lacks stays English); the same level when there is none. */
export function translateLevel(level: Level, t: LevelTranslation | undefined): Level {
  if (!t || t.level !== level.id) return level
  return {
    ...level,
    chapter: t.chapter,
    title: t.title,
    brief: t.brief,
    hints: level.hints.map((h, i) => t.hints[i] ?? h),
    objectives: level.objectives.map((o) => ({ ...o, label: t.objectives[o.id] ?? o.label })),
    stars: level.stars.map((o) => ({ ...o, label: t.stars[o.id] ?? o.label })),
    takeaway: t.takeaway,
  }
}

/** The problems of a lesson overlay against its lesson: steps, questions and choices must line up. */
export function lessonTranslationProblems(lesson: Lesson, t: LessonTranslation): string[] {
  const out: string[] = []
  if (t.lesson !== lesson.id) out.push(`translates lesson ${t.lesson}, not ${lesson.id}`)
  if (t.steps.length !== lesson.steps.length) out.push(`${t.steps.length} steps, the lesson has ${lesson.steps.length}`)
  lesson.steps.forEach((s, i) => {
    const ts = t.steps[i]
    if (!ts) return
    if (!!s.question !== !!ts.question) out.push(`step ${i + 1}: the lesson ${s.question ? 'asks' : 'asks no'} question`)
    if (s.question && ts.question && s.question.choices.length !== ts.question.choices.length)
      out.push(`step ${i + 1}: ${ts.question.choices.length} choices, the lesson has ${s.question.choices.length}`)
  })
  return out
}

/** The lesson with the overlay's words; a step (or question) the overlay does not line up with stays English. */
export function translateLesson(lesson: Lesson, t: LessonTranslation | undefined): Lesson {
  if (!t || t.lesson !== lesson.id) return lesson
  return {
    ...lesson,
    section: t.section,
    title: t.title,
    takeaway: t.takeaway,
    steps: lesson.steps.map((s, i) => {
      const ts = t.steps[i]
      if (!ts) return s
      const q = s.question
      const tq = ts.question
      const question =
        q && tq && tq.choices.length === q.choices.length
          ? { ...q, prompt: tq.prompt, choices: q.choices.map((c, k) => ({ ...c, text: tq.choices[k]! })) }
          : q
      return { ...s, term: ts.term ?? s.term, caption: ts.caption, ...(question ? { question } : {}) }
    }),
  }
}

/** Objective progress lines (objectives.ts writes them in English) in Spanish: one pattern per line shape. */
const PROGRESS_ES: [RegExp, string][] = [
  [/^(\d+) \/ (\d+) rooms open$/, '$1 / $2 habitaciones abiertas'],
  [/^(\d+) \/ (\d+) apps open$/, '$1 / $2 apps abiertas'],
  [/^no app (.+)$/, 'no existe la app $1'],
  [/^no visitors yet \(need (.+)%\)$/, 'aún sin visitantes (hace falta un $1 %)'],
  [/^(.+)% served \(need (.+)%\)$/, '$1 % atendido (hace falta un $2 %)'],
  [/^(\d+) \/ (\d+) running$/, '$1 / $2 en marcha'],
  [/^managed, (\d+) on the clipboard$/, 'a cargo del administrador, $1 en la lista'],
  [/^not managed$/, 'sin administrador'],
  [/^autoscaler: (.+) rooms at (\d+)% CPU$/, 'autoescalador: $1 habitaciones al $2 % de CPU'],
  [/^no autoscaler yet$/, 'aún sin autoescalador'],
  [/^(\d+) on the clipboard \(at most (\d+)\)$/, '$1 en la lista (como mucho $2)'],
  [/^(\d+) new open, (\d+) old left$/, '$1 nuevas abiertas, quedan $2 viejas'],
  [/^none yet \(at most (.+ [GM]iB)\)$/, 'ninguno aún (como mucho $1)'],
  [/^(.+ [GM]iB) \(at most (.+ [GM]iB)\), not running yet$/, '$1 (como mucho $2), aún sin arrancar'],
  [/^(.+ [GM]iB) \(at most (.+ [GM]iB)\)$/, '$1 (como mucho $2)'],
  [/^empty$/, 'vacía'],
  [/^(\d+) rooms still inside$/, 'quedan $1 habitaciones dentro'],
  [/^(\$[\d.]+\/h) of (\$[\d.]+\/h)$/, '$1 de $2'],
  [/^installed$/, 'instalada'],
  [/^not installed$/, 'sin instalar'],
  [/^(\d+) \/ (\d+) houses$/, '$1 / $2 casas'],
  [/^VMs (\d+) \/ (\d+) running, rooms (\d+) \/ (\d+) running$/, 'VMs $1 / $2 en marcha, habitaciones $3 / $4 en marcha'],
  [/^done$/, 'hecho'],
]

/** An objective's progress line in a language; a line no pattern knows stays English. */
export function progressIn(text: string, lang: Lang): string {
  if (lang !== 'es') return text
  const side = /^VM side (.+), room side (.+)$/.exec(text)
  if (side) {
    const said = (s: string) => (s === 'not yet' ? 'aún no' : s.replace(/^(\d+) reached$/, '$1 alcanzadas'))
    return `lado VM ${said(side[1]!)}, lado habitaciones ${said(side[2]!)}`
  }
  for (const [re, es] of PROGRESS_ES) if (re.test(text)) return text.replace(re, es)
  return text
}
