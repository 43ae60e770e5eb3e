import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { parseLevel } from '../../src/levels'
import { useGame } from '../../src/state'
import { byTeacher } from '../../src/ui/teacherEvents'

test("the caption's teacher events: what the remote's incidents raised, not the player's nor the street's own", () => {
  const r = parseLevel('01', readFileSync(join(__dirname, '../../levels/01-one-house.json'), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  const g = () => useGame.getState()
  g().startLevel(r.level)
  g().dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
  g().setPaused(false)
  for (let i = 0; i < 30; i++) g().advance(100)
  const zoneOf = (id: string) => g().world.hosts[id]?.zone
  const teacherOf = () => g().world.events.filter((e) => byTeacher(e, g().commandLog, zoneOf))
  expect(teacherOf()).toEqual([])
  // The player acts at the same moment as the teacher will: the player's events stay the player's.
  g().dispatch({ type: 'runContainer', appId: 'blog', target: { kind: 'host', hostId: 'h1' } })
  const before = g().world.events.length
  expect(g().incident({ type: 'crashRandomContainer', appId: 'shop' }).ok).toBe(true)
  expect(g().incident({ type: 'failHost', hostId: 'h1' }).ok).toBe(true)
  const raised = g().world.events.slice(before)
  expect(raised.map((e) => e.id)).toEqual(['containers.crashed', 'hosts.failed'])
  expect(teacherOf()).toEqual(raised)
  // What the street does next on its own (after the fire) is not the teacher's.
  for (let i = 0; i < 20; i++) g().advance(100)
  expect(teacherOf()).toEqual(raised)
})

test("a zone outage from the remote names houses, not the zone: it is still the teacher's", () => {
  const log = [{ tick: 50, command: { type: 'failZone' as const, zone: 'a' }, by: 'teacher' as const }]
  const zones: Record<string, string> = { h1: 'a', h2: 'b' }
  expect(byTeacher({ atMs: 5000, subjects: ['h1'], id: 'hosts.zoneFailed' }, log, (id) => zones[id])).toBe(true)
  expect(byTeacher({ atMs: 5000, subjects: ['h2'], id: 'hosts.zoneFailed' }, log, (id) => zones[id])).toBe(false)
  expect(byTeacher({ atMs: 5100, subjects: ['h1'], id: 'hosts.zoneFailed' }, log, (id) => zones[id])).toBe(false)
  // The same command from the player is not the teacher's.
  expect(
    byTeacher({ atMs: 5000, subjects: ['h1'], id: 'hosts.zoneFailed' }, [{ tick: 50, command: log[0]!.command }], (id) => zones[id]),
  ).toBe(false)
})
