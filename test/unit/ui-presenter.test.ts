/** The presenter's timeline and remote as the store runs them: the last 30 s replayed exactly, incidents planned for a moment. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { makeHandIn, objectiveStatuses, parseLevel, verifyHandIn } from '../../src/levels'
import type { Level } from '../../src/levels'
import { hashWorld } from '../../src/sim'
import { attachTimeline, REPLAY_LAST_MS, useGame, useTimeline } from '../../src/state'
import { followSchedule, scheduleIncident, useIncidentSchedule } from '../../src/ui/classroom/incidents'

const dir = join(__dirname, '../../levels')
const levels: Level[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseLevel(f, readFileSync(join(dir, f), 'utf8'))
    if (!r.ok) throw new Error(r.error)
    return r.level
  })
const level1 = levels.find((l) => l.id === '01-one-house')!
const g = () => useGame.getState()

afterEach(() => {
  vi.useRealTimers()
})

describe('replay the last 30 s', () => {
  test('goes back 30 s, plays forward through every recorded moment as played, and ends on the live world with the whole command log', () => {
    vi.useFakeTimers()
    const detach = attachTimeline()
    g().startLevel(level1)
    g().dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
    const seen = new Map<number, string>()
    for (let i = 0; i < 500; i++) {
      g().stepOnce()
      seen.set(g().world.tick, hashWorld(g().world))
      if (i === 420) {
        expect(g().incident({ type: 'failHost', hostId: 'h1' }).ok).toBe(true)
        seen.set(g().world.tick, hashWorld(g().world))
      }
    }
    const head = g().world.tick
    const live = hashWorld(g().world)
    const log = g().commandLog
    expect(log.map((c) => c.by ?? 'student')).toEqual(['student', 'teacher'])
    g().setSpeed(4)
    useTimeline.getState().replayLast()
    const from = head - REPLAY_LAST_MS / 100
    expect(useTimeline.getState().replaying).toEqual({ from, to: head })
    expect(g().world.tick).toBe(from)
    expect(hashWorld(g().world)).toBe(seen.get(from))
    // Before the incident's moment the log shows only what came before it.
    expect(g().commandLog).toHaveLength(1)
    let steps = 0
    while (useTimeline.getState().replaying && steps++ < 1000) {
      vi.advanceTimersByTime(100)
      expect(hashWorld(g().world)).toBe(seen.get(g().world.tick))
    }
    // 300 ticks at 4 per 100 ms: 75 timer beats.
    expect(steps).toBe(75)
    expect(g().world.tick).toBe(head)
    expect(hashWorld(g().world)).toBe(live)
    expect(g().commandLog).toEqual(log)
    expect(useTimeline.getState().at).toBeNull()
    detach()
  })

  test('back on the timeline and then Live again keeps every command (a hand-in made afterwards still has them)', () => {
    const detach = attachTimeline()
    g().startLevel(level1)
    g().dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
    for (let i = 0; i < 30; i++) g().stepOnce()
    g().dispatch({ type: 'runContainer', appId: 'blog', target: { kind: 'host', hostId: 'h1' } })
    for (let i = 0; i < 30; i++) g().stepOnce()
    const log = g().commandLog
    useTimeline.getState().seek(10)
    expect(g().commandLog).toHaveLength(1)
    useTimeline.getState().stepForward()
    useTimeline.getState().live()
    expect(g().commandLog).toEqual(log)
    detach()
  })

  test('pressing play during the replay carries on from that moment (the old future is forgotten)', () => {
    vi.useFakeTimers()
    const detach = attachTimeline()
    g().startLevel(level1)
    for (let i = 0; i < 400; i++) g().stepOnce()
    useTimeline.getState().replayLast()
    vi.advanceTimersByTime(1000)
    const at = g().world.tick
    expect(at).toBeLessThan(400)
    g().setPaused(false)
    g().advance(100)
    vi.advanceTimersByTime(200)
    expect(useTimeline.getState().replaying).toBeNull()
    expect(useTimeline.getState()).toMatchObject({ at: null, head: at + 1 })
    detach()
  })
})

describe('an incident planned for a moment', () => {
  test("fires when the run reaches it, is logged as the teacher's at that tick, and the hand-in verifies", () => {
    const detach = attachTimeline()
    const unfollow = followSchedule()
    g().startLevel(level1)
    for (const app of ['shop', 'blog', 'chat']) g().dispatch({ type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })
    scheduleIncident('fire', 'shop', 'h1', 12.5)
    expect(useIncidentSchedule.getState().pending).toHaveLength(1)
    for (let i = 0; i < 124; i++) g().stepOnce()
    expect(g().commandLog.some((c) => c.by === 'teacher')).toBe(false)
    g().stepOnce()
    expect(g().commandLog.at(-1)).toMatchObject({ tick: 125, by: 'teacher', command: { type: 'failHost', hostId: 'h1' } })
    expect(useIncidentSchedule.getState()).toMatchObject({ pending: [], fired: [{ atTick: 125, firedTick: 125, ok: true }] })
    while (g().progress.outcome === 'playing') g().stepOnce()
    const { world, progress, commandLog, level } = g()
    const met = objectiveStatuses(level!, world, progress)
      .filter((s) => s.done)
      .map((s) => s.objective.id)
    const h = makeHandIn(level!, world.seed, 'Ada', commandLog, {
      outcome: progress.outcome === 'won' ? 'won' : 'lost',
      stars: progress.stars,
      met,
    })
    expect(verifyHandIn(JSON.parse(JSON.stringify(h)), levels)).toMatchObject({ status: 'verified', incidents: 1 })
    unfollow()
    detach()
  })

  test('at high speed the clock stops its batch of steps at the planned tick, so the incident fires exactly then', () => {
    const unfollow = followSchedule()
    g().startLevel(level1)
    for (const app of ['shop', 'blog', 'chat']) g().dispatch({ type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })
    scheduleIncident('crash', 'shop', 'h1', 3.3)
    g().setSpeed(8)
    g().setPaused(false)
    // 800 ms of real time at 8× is 64 ticks in one batch: it stops at 33, the incident fires, the rest follows.
    g().advance(800)
    expect(g().commandLog.at(-1)).toMatchObject({ tick: 33, by: 'teacher', command: { type: 'crashRandomContainer', appId: 'shop' } })
    expect(g().breakAtTick).toBeNull()
    // Nothing is lost: the 3.1 s of world time left over, plus 16 ms × 8, run in the next batch (33 + 32 ticks).
    g().advance(16)
    expect(g().world.tick).toBe(65)
    unfollow()
  })

  test('does not fire while the class looks at the past, and a new level forgets what was planned', () => {
    const detach = attachTimeline()
    const unfollow = followSchedule()
    g().startLevel(level1)
    g().dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
    for (let i = 0; i < 40; i++) g().stepOnce()
    useTimeline.getState().seek(35)
    scheduleIncident('crash', 'shop', 'h1', 3)
    expect(useIncidentSchedule.getState().pending).toHaveLength(1)
    useTimeline.getState().live()
    expect(useIncidentSchedule.getState().pending).toHaveLength(0)
    expect(g().commandLog.at(-1)).toMatchObject({ tick: 40, by: 'teacher' })
    scheduleIncident('crash', 'shop', 'h1', 100)
    g().startLevel(levels.find((l) => l.id !== level1.id)!)
    expect(useIncidentSchedule.getState().pending).toHaveLength(0)
    unfollow()
    detach()
  })
})
