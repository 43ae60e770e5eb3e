import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { beginStep, choicesShown, lessonStart, parseLesson, playStep, sortLessons, stepTicks, worldAfter } from '../../src/levels'
import type { Lesson } from '../../src/levels'
import { hashWorld, step, STEP_MS } from '../../src/sim'

const dir = join(__dirname, '../../levels/lessons')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()

function load(file: string): Lesson {
  const r = parseLesson(`levels/lessons/${file}`, readFileSync(join(dir, file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.lesson
}

test('there is one lesson per section of the concept text, in its order', () => {
  const lessons = sortLessons(files.map((f) => parseLesson(f, readFileSync(join(dir, f), 'utf8'))))
  expect(lessons.every((l) => l.ok)).toBe(true)
  const sections = lessons.map((l) => (l.ok ? l.lesson.section : ''))
  expect(sections).toEqual([
    'Big Picture First',
    'Virtualization (Virtual Machines)',
    'Containers (Docker)',
    'Virtual Machines vs Containers',
    'Docker',
    'Kubernetes (K8s)',
    'Docker vs Kubernetes',
    'Virtualization & Containers in System Design',
    'Key Takeaways',
  ])
})

describe.each(files)('lesson %s', (file) => {
  const lesson = load(file)

  test('every step has both captions and a technical term, and the lesson ends with a takeaway', () => {
    for (const s of lesson.steps) {
      expect(s.caption.metaphor.length).toBeGreaterThan(10)
      expect(s.caption.technical.length).toBeGreaterThan(10)
      expect(s.term.length).toBeGreaterThan(2)
    }
    expect(lesson.takeaway.text.length).toBeGreaterThan(20)
  })

  test('every step changes the world or says something new: no two steps in a row leave the same world and caption', () => {
    for (let k = 1; k < lesson.steps.length; k++) {
      const same = hashWorld(worldAfter(lesson, k)) === hashWorld(worldAfter(lesson, k - 1))
      if (same) expect(lesson.steps[k]!.caption.metaphor).not.toBe(lesson.steps[k - 1]!.caption.metaphor)
    }
  })

  test("each step's world is the same forward, jumped to, rebuilt after going back, and played tick by tick", () => {
    const forward = lessonStart(lesson)
    const forwardHashes: string[] = []
    for (const s of lesson.steps) {
      playStep(forward, s)
      forwardHashes.push(hashWorld(forward))
    }
    // Jump straight to each step, from the last step back to the first (going back).
    for (let k = lesson.steps.length - 1; k >= 0; k--) expect(hashWorld(worldAfter(lesson, k))).toBe(forwardHashes[k])
    // The classroom plays a step live: a copy of the previous step's world, its commands, then one tick at a time.
    for (let k = 0; k < lesson.steps.length; k++) {
      const live = structuredClone(worldAfter(lesson, k - 1))
      beginStep(live, lesson.steps[k]!)
      for (let i = 0; i < stepTicks(lesson.steps[k]!); i++) step(live, STEP_MS)
      expect(hashWorld(live)).toBe(forwardHashes[k])
    }
  })

  const questions = lesson.steps.flatMap((s, k) => (s.question ? [{ k, q: s.question }] : []))
  test.runIf(questions.length > 0)("each question's answer is what the simulation shows after the step, and only that one", () => {
    for (const { k, q } of questions) {
      const before = worldAfter(lesson, k - 1)
      const after = worldAfter(lesson, k)
      expect(choicesShown(after, q), `step ${k}: ${q.prompt.technical}`).toEqual([q.answer])
      // The answer is played, not told: the step does something on screen after the class answers.
      expect(hashWorld(after), `step ${k} plays nothing`).not.toBe(hashWorld(before))
    }
  })
})

describe('a broken lesson says which file and where', () => {
  const good = load(files[0]!)
  test('a schema error names the file and the path', () => {
    const bad = structuredClone(good) as unknown as { steps: { question?: unknown; caption: { metaphor: string } }[] }
    bad.steps[0]!.caption.metaphor = ''
    const r = parseLesson('levels/lessons/x.json', JSON.stringify(bad))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^levels\/lessons\/x\.json: steps\[0\]\.caption\.metaphor: /)
  })
  test('a question whose answer is not one of its choices is refused', () => {
    const bad = structuredClone(good)
    const k = bad.steps.findIndex((s) => s.question)
    bad.steps[k]!.question!.answer = 7
    const r = parseLesson('levels/lessons/q.json', JSON.stringify(bad))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain(`steps[${k}].question.answer: answer must be the index of one of the choices`)
  })
  test('a command the simulation rejects names the step and the command', () => {
    const bad = structuredClone(good)
    bad.steps[1]!.commands = [{ type: 'crashVm', vmId: 'nope' }]
    const r = parseLesson('levels/lessons/c.json', JSON.stringify(bad))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^levels\/lessons\/c\.json: steps\[1\]\.commands\[0\] \(crashVm\): /)
  })
  test('run time must be whole simulation steps', () => {
    const bad = structuredClone(good)
    bad.steps[0]!.runMs = 150
    const r = parseLesson('levels/lessons/r.json', JSON.stringify(bad))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain('steps[0].runMs')
  })
  test('not JSON at all', () => {
    const r = parseLesson('levels/lessons/j.json', '{ "id": ')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^levels\/lessons\/j\.json: not valid JSON/)
  })
})
