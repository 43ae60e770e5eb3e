/**
 * Hand-ins: a student's run of a level as data (level id, seed, name, the command log with the tick
 * of each command, the claimed result), and the teacher's check, which replays it headless. The
 * simulation is deterministic, so the replay gives exactly the student's world: a claim that does
 * not match it is "not verified". Everything is bounded (commands, ticks, text), so a hostile
 * hand-in ends with a clear reason instead of a frozen page.
 */
import { z } from 'zod'
import { apply, hashWorld, STEP_MS, step } from '../sim'
import type { Command } from '../sim'
import { commandSchema } from './schema'
import type { Level } from './schema'
import { initialProgress, objectiveStatuses, updateProgress } from './objectives'
import { startLevel } from './load'

export interface LoggedCommand {
  tick: number
  command: Command
  /** Set when the teacher's incident remote gave it (outside the level's palette). */
  by?: 'teacher'
}

/** What the teacher's incident remote may do in any level (crash, fire, outage, surge, leak, breach, drain). */
export const INCIDENT_TYPES: readonly string[] = [
  'crashRandomContainer',
  'failHost',
  'failZone',
  'setTraffic',
  'leakMemory',
  'breachContainer',
  'drain',
]

export const HANDIN_LIMITS = {
  /** Characters of a hand-in code (compressed, base64url). */
  codeChars: 256 * 1024,
  /** Bytes of its JSON once decompressed (a zip bomb stops here). */
  jsonBytes: 2 * 1024 * 1024,
  commands: 5_000,
  /** Milliseconds a replay may take before the teacher's page gives up on it. */
  replayMs: 10_000,
} as const

const claimSchema = z.object({
  outcome: z.enum(['won', 'lost']),
  stars: z.number().int().min(0).max(3),
  /** Ids of the objectives the student's game showed as met at the end. */
  met: z.array(z.string().max(64)).max(32),
})
export type HandInClaim = z.infer<typeof claimSchema>

export const handInSchema = z.object({
  v: z.literal(1),
  level: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /**
   * The content hash of the level as played (levelHash): a level opened from a file, or a bundled
   * level changed since, is told apart from another with the same id. Absent in older codes.
   */
  lh: z
    .string()
    .regex(/^[0-9a-f]{1,32}$/)
    .optional(),
  seed: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 32 - 1),
  name: z.string().max(80),
  /** [tick, command] pairs, ticks never going back; a third element 't' marks the teacher's incident. */
  log: z
    .array(
      z.union([
        z.tuple([z.number().int().nonnegative(), z.unknown()]),
        z.tuple([z.number().int().nonnegative(), z.unknown(), z.literal('t')]),
      ]),
    )
    .max(HANDIN_LIMITS.commands),
  claim: claimSchema,
})
export type HandIn = z.infer<typeof handInSchema>

/**
 * The content hash of a level (its parsed form, the seed left out: a class seed travels on its own):
 * the same file gives the same hash on any machine.
 */
export function levelHash(level: Level): string {
  return hashWorld({ ...level, seed: 0 })
}

/** A hand-in for the level just played. */
export function makeHandIn(level: Level, seed: number, name: string, log: readonly LoggedCommand[], claim: HandInClaim): HandIn {
  return {
    v: 1,
    level: level.id,
    lh: levelHash(level),
    seed,
    name: name.trim().slice(0, 80),
    log: log.map((l): [number, unknown] | [number, unknown, 't'] => (l.by === 'teacher' ? [l.tick, l.command, 't'] : [l.tick, l.command])),
    claim,
  }
}

export interface ObjectiveResult {
  id: string
  label: { metaphor: string; technical: string }
  done: boolean
}

export type Verdict =
  | {
      status: 'verified' | 'not-verified'
      name: string
      levelId: string
      levelTitle: string
      /** What the replay gave: the outcome, stars, each objective. */
      outcome: 'won' | 'lost'
      stars: number
      objectives: ObjectiveResult[]
      /** World time of the student's last command (how long they took to build, in game time). */
      lastCommandMs: number
      commands: number
      /** How many of them were the teacher's incidents. */
      incidents: number
      claim: HandInClaim
      /** Why it is not verified (claim against replay), empty when verified. */
      reason: string
    }
  | { status: 'invalid'; name: string; levelId: string; reason: string }

/** Check a hand-in's shape, then replay it on the level it names. Pure and bounded. */
export function verifyHandIn(raw: unknown, levels: readonly Level[]): Verdict {
  const parsed = handInSchema.safeParse(raw)
  const guessName = typeof (raw as { name?: unknown })?.name === 'string' ? String((raw as { name: string }).name).slice(0, 80) : '?'
  const guessLevel = typeof (raw as { level?: unknown })?.level === 'string' ? String((raw as { level: string }).level).slice(0, 64) : '?'
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.join('.') || '(top level)'
    const tooMany = issue.path[0] === 'log' && issue.code === 'too_big'
    const reason = tooMany ? `too many commands (at most ${HANDIN_LIMITS.commands})` : `malformed hand-in: ${where}: ${issue.message}`
    return { status: 'invalid', name: guessName, levelId: guessLevel, reason }
  }
  const h = parsed.data
  // The level the student played: same id and, when the code says, the same content (a level file).
  const sameId = levels.filter((l) => l.id === h.level)
  const level = h.lh ? sameId.find((l) => levelHash(l) === h.lh) : sameId[0]
  if (!level) {
    const reason = sameId.length
      ? `the level "${h.level}" here differs from the one played (content ${h.lh}): open the student's level file`
      : `unknown level "${h.level}": if it was opened from a file, open that level file here too`
    return { status: 'invalid', name: h.name, levelId: h.level, reason }
  }
  const maxTick = Math.ceil(level.durationMs / STEP_MS)
  const commands: LoggedCommand[] = []
  let lastTick = 0
  for (const [i, [tick, c, by]] of h.log.entries()) {
    const cmd = commandSchema.safeParse(c)
    if (!cmd.success)
      return { status: 'invalid', name: h.name, levelId: h.level, reason: `command ${i + 1} is not a command the game ` + `knows` }
    const teachers = by === 't' && INCIDENT_TYPES.includes(cmd.data.type)
    if (!teachers && !level.palette.includes(cmd.data.type))
      return {
        status: 'invalid',
        name: h.name,
        levelId: h.level,
        reason: `command ${i + 1} (${cmd.data.type}) is not allowed in this ` + `level`,
      }
    if (tick < lastTick || tick > maxTick)
      return { status: 'invalid', name: h.name, levelId: h.level, reason: `command ${i + 1} is out of order or after the level's end` }
    lastTick = tick
    commands.push(teachers ? { tick, command: cmd.data, by: 'teacher' } : { tick, command: cmd.data })
  }
  const replay = replayLevel({ ...level, seed: h.seed }, commands)
  const objectives: ObjectiveResult[] = replay.statuses.map((s) => ({ id: s.objective.id, label: s.objective.label, done: s.done }))
  const met = objectives.filter((o) => o.done).map((o) => o.id)
  const differences: string[] = []
  if (replay.outcome !== h.claim.outcome) differences.push(`claims ${h.claim.outcome}, the replay ${replay.outcome}`)
  if (replay.stars !== h.claim.stars) differences.push(`claims ${h.claim.stars} stars, the replay gives ${replay.stars}`)
  const claimedMet = [...h.claim.met].sort()
  if (claimedMet.join(',') !== [...met].sort().join(','))
    differences.push(`claims objectives [${claimedMet.join(', ')}] met, the replay [${met.join(', ')}]`)
  return {
    status: differences.length ? 'not-verified' : 'verified',
    name: h.name,
    levelId: level.id,
    levelTitle: level.title,
    outcome: replay.outcome,
    stars: replay.stars,
    objectives,
    lastCommandMs: (commands.at(-1)?.tick ?? 0) * STEP_MS,
    commands: commands.length,
    incidents: commands.filter((c) => c.by === 'teacher').length,
    claim: h.claim,
    reason: differences.join('; '),
  }
}

/**
 * Replay a level headless exactly as the game plays it: before each tick, the commands the player
 * dispatched at that tick (in order); then one step; then the level's bookkeeping. Commands the
 * game refused then are refused again and change nothing.
 */
export function replayLevel(level: Level, log: readonly LoggedCommand[]) {
  const world = startLevel(level)
  let progress = initialProgress()
  let next = 0
  while (progress.outcome === 'playing') {
    while (next < log.length && log[next]!.tick <= world.tick) apply(world, log[next++]!.command)
    step(world, STEP_MS)
    progress = updateProgress(level, world, progress)
  }
  const outcome: 'won' | 'lost' = progress.outcome === 'won' ? 'won' : 'lost'
  return { world, outcome, stars: progress.stars, statuses: objectiveStatuses(level, world, progress) }
}
