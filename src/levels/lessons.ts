/**
 * Classroom lessons are data (levels/lessons/*.json), one per section of the concept text, checked
 * at the door like levels. A lesson is a start (seed and setup) and a list of steps; each step
 * applies its commands and then runs the clock for `runMs`. Step k's world is therefore a pure
 * function of the lesson and k: going back, jumping or replaying rebuilds it and never depends on
 * how long the presenter waited. A predict-then-see question's choices each make a claim about the
 * world after the step; the answer is the choice whose claim the simulation makes true.
 */
import { z } from 'zod'
import { apply, createWorld, step, STEP_MS } from '../sim'
import type { World } from '../sim'
import { commandSchema } from './schema'

const id = z.string().min(1).max(64)
const text = z.object({ metaphor: z.string().min(1), technical: z.string().min(1) })
const count = z.number().int().nonnegative()

/** What a choice says the world looks like after the step is played. */
export const claimSchema = z.discriminatedUnion('kind', [
  /** Exactly these apps have at least one running room (e.g. the survivors of a fire). */
  z.object({ kind: z.literal('appsRunning'), appIds: z.array(id) }),
  /** The app has between min and max running rooms (in this house or apartment, if given). */
  z.object({
    kind: z.literal('rooms'),
    appId: id,
    hostId: id.optional(),
    vmId: id.optional(),
    min: count.optional(),
    max: count.optional(),
  }),
  /** Between min and max apartments are running. */
  z.object({ kind: z.literal('vms'), min: count.optional(), max: count.optional() }),
  /** Between min and max rooms have been broken into (a breach and how far it reached). */
  z.object({ kind: z.literal('breached'), min: count.optional(), max: count.optional() }),
  /** The house is up (true) or down (false). */
  z.object({ kind: z.literal('hostUp'), hostId: id, up: z.boolean() }),
])
export type Claim = z.infer<typeof claimSchema>

const choiceSchema = z.object({ text, claims: z.array(claimSchema).min(1) })

const questionSchema = z
  .object({
    prompt: text,
    choices: z.array(choiceSchema).min(2).max(4),
    /** The index of the right choice; the tests check that the simulation agrees. */
    answer: count,
  })
  .refine((q) => q.answer < q.choices.length, { message: 'answer must be the index of one of the choices', path: ['answer'] })

export const cameraSchema = z.union([z.literal('street'), z.object({ hostId: id })])
export type CameraHint = z.infer<typeof cameraSchema>

export const lessonStepSchema = z.object({
  /** The technical term this step teaches, always shown beside the caption. */
  term: z.string().min(1).max(60),
  caption: text,
  camera: cameraSchema.default('street'),
  /** Applied when the step is played (after the class has answered, for a question). */
  commands: z.array(commandSchema).default([]),
  /** World time the step then runs, in whole simulation steps. */
  runMs: count
    .max(180_000)
    .refine((ms) => ms % STEP_MS === 0, { message: `must be a multiple of ${STEP_MS} ms` })
    .default(0),
  question: questionSchema.optional(),
  /**
   * The caption only sets the scene (what is about to happen) and gives the answer away in no word: it shows from the
   * moment the step opens, while the class predicts. Without it, a question step's caption waits until the step has played.
   */
  captionBeforeAnswer: z.boolean().default(false),
})

export const lessonSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number().int().nonnegative(),
  /** The concept text's section heading this lesson teaches. */
  section: z.string().min(1),
  title: z.string().min(1),
  seed: z.number().int().nonnegative(),
  delayScale: z.number().positive().max(1).default(1),
  setup: z.array(commandSchema).default([]),
  steps: z.array(lessonStepSchema).min(1).max(30),
  takeaway: z.object({ title: z.string().min(1), text: z.string().min(1), seedLine: z.string().min(1) }),
})

export type Lesson = z.infer<typeof lessonSchema>
export type LessonStep = z.infer<typeof lessonStepSchema>
export type Question = z.infer<typeof questionSchema>

export type LessonLoad = { ok: true; file: string; lesson: Lesson } | { ok: false; file: string; error: string }

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '')
}

/** A fresh world for the lesson's start: its seed and setup, nothing played yet. */
export function lessonStart(lesson: Lesson): World {
  const world = createWorld(lesson.seed, lesson.delayScale)
  for (const cmd of lesson.setup) apply(world, cmd)
  return world
}

/** Start playing a step, in place: apply its commands (the clock then runs `runMs`). Returns the first rejection. */
export function beginStep(world: World, s: LessonStep): string | null {
  let rejected: string | null = null
  for (const [i, cmd] of s.commands.entries()) {
    const r = apply(world, cmd)
    if (!r.ok && rejected === null) rejected = `commands[${i}] (${cmd.type}): ${r.technical}`
  }
  return rejected
}

/** How many simulation ticks a step runs after its commands. */
export function stepTicks(s: LessonStep): number {
  return s.runMs / STEP_MS
}

/** Play one step on a world, in place: its commands, then its run time. Returns the first rejection. */
export function playStep(world: World, s: LessonStep): string | null {
  const rejected = beginStep(world, s)
  step(world, s.runMs)
  return rejected
}

/** The world after steps 0..k have been played, built from the start (k = -1: the start itself). */
export function worldAfter(lesson: Lesson, k: number): World {
  const world = lessonStart(lesson)
  for (let i = 0; i <= Math.min(k, lesson.steps.length - 1); i++) playStep(world, lesson.steps[i]!)
  return world
}

/** Does the claim hold in this world? */
export function claimHolds(world: World, claim: Claim): boolean {
  const running = Object.values(world.containers).filter((c) => c.state === 'running')
  switch (claim.kind) {
    case 'appsRunning': {
      const apps = new Set(running.map((c) => c.appId))
      return apps.size === claim.appIds.length && claim.appIds.every((a) => apps.has(a))
    }
    case 'rooms': {
      const n = running.filter((c) => {
        if (c.appId !== claim.appId) return false
        const p = c.placement
        if (claim.vmId !== undefined) return p?.kind === 'vm' && p.vmId === claim.vmId
        if (claim.hostId !== undefined) {
          const host = p?.kind === 'host' ? p.hostId : p?.kind === 'vm' ? world.vms[p.vmId]?.hostId : undefined
          return host === claim.hostId
        }
        return true
      }).length
      return n >= (claim.min ?? 0) && n <= (claim.max ?? Infinity)
    }
    case 'vms': {
      const n = Object.values(world.vms).filter((v) => v.state === 'running').length
      return n >= (claim.min ?? 0) && n <= (claim.max ?? Infinity)
    }
    case 'breached': {
      const n = Object.values(world.containers).filter((c) => c.breached).length
      return n >= (claim.min ?? 0) && n <= (claim.max ?? Infinity)
    }
    case 'hostUp': {
      const h = world.hosts[claim.hostId]
      return !!h && (h.power === 'on') === claim.up
    }
  }
}

/** The indexes of the choices whose every claim holds in this world: what the simulation shows. */
export function choicesShown(world: World, question: Question): number[] {
  return question.choices.flatMap((c, i) => (c.claims.every((claim) => claimHolds(world, claim)) ? [i] : []))
}

/** Parse one lesson file; an error names the file and the path, like a level's. Every command must be accepted. */
export function parseLesson(file: string, raw: string): LessonLoad {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    return { ok: false, file, error: `${file}: not valid JSON (${(e as Error).message})` }
  }
  const parsed = lessonSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = pathText(issue.path) || '(top level)'
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''
    return { ok: false, file, error: `${file}: ${where}: ${issue.message}${more}` }
  }
  const lesson = parsed.data
  const world = createWorld(lesson.seed, lesson.delayScale)
  for (const [i, cmd] of lesson.setup.entries()) {
    const r = apply(world, cmd)
    if (!r.ok) return { ok: false, file, error: `${file}: setup[${i}] (${cmd.type}): ${r.technical}` }
  }
  for (const [k, s] of lesson.steps.entries()) {
    const rejected = playStep(world, s)
    if (rejected) return { ok: false, file, error: `${file}: steps[${k}].${rejected}` }
  }
  return { ok: true, file, lesson }
}

export function sortLessons(loads: LessonLoad[]): LessonLoad[] {
  return [...loads].sort((a, b) => {
    if (a.ok && b.ok) return a.lesson.order - b.lesson.order
    if (a.ok) return -1
    if (b.ok) return 1
    return a.file.localeCompare(b.file)
  })
}
