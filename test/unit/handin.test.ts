import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { HANDIN_LIMITS, levelHash as levelHashOf, makeHandIn, parseLevel, replayLevel, verifyHandIn } from '../../src/levels'
import type { HandIn, Level, LoggedCommand } from '../../src/levels'
import { decodeHandIn, encodeHandIn, findCodes, HANDIN_PREFIX } from '../../src/io/handinCode'
import { STEP_MS } from '../../src/sim'

const dir = join(__dirname, '../../levels')
const levels: Level[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseLevel(f, readFileSync(join(dir, f), 'utf8'))
    if (!r.ok) throw new Error(r.error)
    return r.level
  })
const level1 = levels.find((l) => l.id === '01-one-house')!

/** The level's reference solution as a player's log (each command at the tick of its atMs). */
function solutionLog(level: Level): LoggedCommand[] {
  return level.solution.map((s) => ({ tick: s.atMs / STEP_MS, command: s.command }))
}

/** An honest hand-in: what the replay gives is what is claimed. */
function honest(level: Level, log: LoggedCommand[], name = 'Ada'): HandIn {
  const r = replayLevel(level, log)
  const met = r.statuses.filter((s) => s.done).map((s) => s.objective.id)
  return makeHandIn(level, level.seed, name, log, { outcome: r.outcome, stars: r.stars, met })
}

describe('verifying a hand-in by replaying it', () => {
  test.each(levels.map((l) => [l.id, l] as const))("level %s: the reference solution's honest hand-in is verified", (_, level) => {
    const v = verifyHandIn(JSON.parse(JSON.stringify(honest(level, solutionLog(level)))), levels)
    expect(v.status).toBe('verified')
    if (v.status !== 'invalid') {
      expect(v.outcome).toBe('won')
      expect(v.objectives.every((o) => o.done)).toBe(true)
    }
  })

  test('doing nothing loses, honestly claimed: verified as a loss with partial credit per objective', () => {
    const v = verifyHandIn(honest(level1, []), levels)
    expect(v.status).toBe('verified')
    if (v.status === 'invalid') return
    expect(v.outcome).toBe('lost')
    expect(v.stars).toBe(0)
    expect(v.objectives.map((o) => o.done)).toContain(false)
  })

  test('a tampered claim (a loss claimed as a three-star win) is not verified, and says why', () => {
    const h = honest(level1, [])
    h.claim = { outcome: 'won', stars: 3, met: level1.objectives.map((o) => o.id) }
    const v = verifyHandIn(h, levels)
    expect(v.status).toBe('not-verified')
    if (v.status !== 'invalid') expect(v.reason).toContain('claims won, the replay lost')
  })

  test('a tampered log (a command removed) no longer gives the claimed result', () => {
    const h = honest(level1, solutionLog(level1))
    h.log = h.log.slice(1)
    expect(verifyHandIn(h, levels).status).toBe('not-verified')
  })

  test('the class seed travels with the hand-in: the same log on another seed is replayed on that seed', () => {
    const seeded = { ...level1, seed: 999 }
    const h = honest(seeded, solutionLog(level1))
    expect(h.seed).toBe(999)
    expect(verifyHandIn(h, levels).status).toBe('verified')
  })

  test('an unknown level, a command the level does not allow, a malformed command, ticks out of order: invalid, with the reason', () => {
    const base = honest(level1, solutionLog(level1))
    const reason = (h: unknown) => {
      const v = verifyHandIn(h, levels)
      expect(v.status).toBe('invalid')
      return v.status === 'invalid' ? v.reason : ''
    }
    expect(reason({ ...base, level: 'zz-nope' })).toBe(
      'unknown level "zz-nope": if it was opened from a file, open that level file here too',
    )
    expect(reason({ ...base, log: [[0, { type: 'failHost', hostId: 'h1' }]] })).toBe('command 1 (failHost) is not allowed in this level')
    expect(reason({ ...base, log: [[0, { type: 'rm -rf' }]] })).toBe('command 1 is not a command the game knows')
    expect(
      reason({
        ...base,
        log: [
          [5, base.log[0]![1]],
          [2, base.log[0]![1]],
        ],
      }),
    ).toBe("command 2 is out of order or after the level's end")
    expect(reason({ ...base, log: [[10_000_000, base.log[0]![1]]] })).toBe("command 1 is out of order or after the level's end")
    expect(reason({ v: 2 })).toMatch(/^malformed hand-in: v: /)
    expect(reason(null)).toMatch(/^malformed hand-in/)
    expect(reason('HOP1.x')).toMatch(/^malformed hand-in/)
  })

  test('millions of commands are refused before any replay', () => {
    const cmd = { type: 'removeContainer', containerId: 'c1' }
    const h = { ...honest(level1, []), log: Array.from({ length: HANDIN_LIMITS.commands + 1 }, () => [0, cmd]) }
    const v = verifyHandIn(h, levels)
    expect(v).toMatchObject({ status: 'invalid', reason: `too many commands (at most ${HANDIN_LIMITS.commands})` })
  })
})

describe('hand-in codes', () => {
  test('a code round-trips and is compact (level 10 solution: well under 2 KB)', async () => {
    const l10 = levels.find((l) => l.id === '10-black-friday')!
    const h = honest(l10, solutionLog(l10))
    const code = await encodeHandIn(h)
    expect(code.startsWith(HANDIN_PREFIX)).toBe(true)
    expect(code.length).toBeLessThan(2048)
    expect(/^HOP1\.[A-Za-z0-9_-]+$/.test(code)).toBe(true)
    const back = await decodeHandIn(code, HANDIN_LIMITS)
    expect(back).toEqual({ ok: true, value: JSON.parse(JSON.stringify(h)) })
  })

  test('damaged, oversized and zip-bomb codes are refused with a reason', async () => {
    expect(await decodeHandIn('hello', HANDIN_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('not a hand-in code') })
    expect(await decodeHandIn('HOP1.abc$%', HANDIN_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('damaged') })
    expect(await decodeHandIn('HOP1.AAAAAAAA', HANDIN_LIMITS)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not unpack'),
    })
    const long = HANDIN_PREFIX + 'A'.repeat(HANDIN_LIMITS.codeChars)
    expect(await decodeHandIn(long, HANDIN_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('too long') })
    // 64 MB of spaces compress to a few kilobytes: decoding stops at the JSON limit.
    const bomb = HANDIN_PREFIX + deflateSync(Buffer.alloc(64 * 1024 * 1024, 32)).toString('base64url')
    expect(bomb.length).toBeLessThan(HANDIN_LIMITS.codeChars)
    expect(await decodeHandIn(bomb, HANDIN_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('unpacks to more than') })
  })

  test('codes are found in any pasted text', () => {
    expect(findCodes('Ada: HOP1.abc_-1\nBob:HOP1.xyz  junk HOP1.')).toEqual(['HOP1.abc_-1', 'HOP1.xyz', 'HOP1.'])
  })
})

describe("the game's own command log", () => {
  test('a level played through the store, commands between ticks, replays to the same world and is verified', async () => {
    const { useGame } = await import('../../src/state')
    const { objectiveStatuses } = await import('../../src/levels')
    const { hashWorld } = await import('../../src/sim')
    const g = () => useGame.getState()
    g().startLevel(level1)
    g().dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
    for (let i = 0; i < 37; i++) g().stepOnce()
    g().dispatch({ type: 'runContainer', appId: 'blog', target: { kind: 'host', hostId: 'h1' } })
    g().dispatch({ type: 'failHost', hostId: 'h1' }) // not in the palette: refused, not logged
    g().setPaused(false)
    g().setSpeed(8)
    g().advance(900)
    g().dispatch({ type: 'runContainer', appId: 'chat', target: { kind: 'host', hostId: 'h1' } })
    while (g().progress.outcome === 'playing') g().advance(1000)
    const { world, progress, commandLog, level } = g()
    expect(commandLog.map((c) => c.command.type)).toEqual(['runContainer', 'runContainer', 'runContainer'])
    expect(commandLog.map((c) => c.tick)).toEqual([0, 37, 37 + 72])
    const replay = replayLevel(level!, commandLog)
    expect(hashWorld(replay.world)).toBe(hashWorld(world))
    const met = objectiveStatuses(level!, world, progress)
      .filter((s) => s.done)
      .map((s) => s.objective.id)
    const h = makeHandIn(level!, world.seed, 'Grace', commandLog, {
      outcome: progress.outcome === 'won' ? 'won' : 'lost',
      stars: progress.stars,
      met,
    })
    expect(verifyHandIn(JSON.parse(JSON.stringify(h)), levels).status).toBe('verified')
  })
})

describe("the teacher's incidents", () => {
  test("an incident outside the palette is logged as the teacher's, replayed, and the hand-in still verifies; the same command claimed as the student's is refused", async () => {
    const { useGame } = await import('../../src/state')
    const { objectiveStatuses } = await import('../../src/levels')
    const g = () => useGame.getState()
    g().startLevel(level1)
    for (const app of ['shop', 'blog', 'chat']) g().dispatch({ type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })
    for (let i = 0; i < 100; i++) g().stepOnce()
    expect(g().dispatch({ type: 'failHost', hostId: 'h1' }).ok).toBe(false)
    expect(g().incident({ type: 'failHost', hostId: 'h1' }).ok).toBe(true)
    expect(g().incident({ type: 'addHost', cores: 1, memMiB: 1024, costPerHour: 0 }).ok).toBe(false)
    while (g().progress.outcome === 'playing') g().stepOnce()
    const { world, progress, commandLog, level } = g()
    expect(commandLog.at(-1)).toMatchObject({ tick: 100, by: 'teacher', command: { type: 'failHost' } })
    expect(progress.outcome).toBe('lost')
    const met = objectiveStatuses(level!, world, progress)
      .filter((s) => s.done)
      .map((s) => s.objective.id)
    const h = makeHandIn(level!, world.seed, 'Lin', commandLog, { outcome: 'lost', stars: 0, met })
    const v = verifyHandIn(JSON.parse(JSON.stringify(h)), levels)
    expect(v).toMatchObject({ status: 'verified', incidents: 1 })
    const forged = { ...h, log: h.log.map((e) => [e[0], e[1]]) }
    expect(verifyHandIn(forged, levels)).toMatchObject({ status: 'invalid', reason: 'command 4 (failHost) is not allowed in this level' })
  })
})

describe('a level opened from a file', () => {
  test('the hand-in carries the level’s content hash: it verifies against the same file, not against a different level with the same id', () => {
    // A teacher's own level file: level 1 under its own id.
    const text = readFileSync(join(dir, '01-one-house.json'), 'utf8').replace('"01-one-house"', '"my-class-level"')
    const mine = parseLevel('my-class-level.json', text)
    if (!mine.ok) throw new Error(mine.error)
    const h = honest(mine.level, solutionLog(mine.level))
    expect(h.lh).toMatch(/^[0-9a-f]+$/)
    // Without the file the teacher's page says what to do.
    expect(verifyHandIn(h, levels)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/open that level file here too/) })
    // With the file (parsed again on the teacher's side): verified.
    const again = parseLevel('copy.json', text)
    if (!again.ok) throw new Error(again.error)
    expect(verifyHandIn(JSON.parse(JSON.stringify(h)), [...levels, again.level])).toMatchObject({ status: 'verified' })
    // A file with the same id but other content is not the level played.
    const edited = parseLevel('edited.json', text.replace('"durationMs": 60000', '"durationMs": 61000'))
    if (!edited.ok) throw new Error(edited.error)
    expect(levelHashOf(edited.level)).not.toBe(h.lh)
    expect(verifyHandIn(h, [...levels, edited.level])).toMatchObject({
      status: 'invalid',
      reason: expect.stringMatching(/differs from the one played/),
    })
    // A class seed does not change the level's hash (the seed travels on its own).
    expect(honest({ ...level1, seed: 5 }, solutionLog(level1)).lh).toBe(honest(level1, solutionLog(level1)).lh)
  })
})
