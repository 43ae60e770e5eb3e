import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { parseLevel } from '../../src/levels'
import { hashWorld } from '../../src/sim'
import { attachTimeline, useGame, useTimeline } from '../../src/state'

test('the store timeline: back to an earlier moment of a level exactly (world and progress), then on from there forgets the old future', () => {
  const r = parseLevel('01', readFileSync(join(__dirname, '../../levels/01-one-house.json'), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  const detach = attachTimeline()
  const g = () => useGame.getState()
  g().startLevel(r.level)
  g().setSpeed(8)
  g().setPaused(false)
  g().dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
  const hashes = new Map<number, string>()
  const progress = new Map<number, unknown>()
  for (let i = 0; i < 30; i++) {
    g().advance(100)
    hashes.set(g().world.tick, hashWorld(g().world))
    progress.set(g().world.tick, g().progress)
    if (i === 10) g().dispatch({ type: 'runContainer', appId: 'blog', target: { kind: 'host', hostId: 'h1' } })
    if (i === 10) hashes.set(g().world.tick, hashWorld(g().world))
  }
  const head = g().world.tick
  expect(useTimeline.getState()).toMatchObject({ enabled: true, head, at: null })
  expect(hashes.has(88)).toBe(true)
  useTimeline.getState().seek(88)
  expect(g().world.tick).toBe(88)
  expect(hashWorld(g().world)).toBe(hashes.get(88))
  expect(g().progress).toEqual(progress.get(88))
  expect(g().paused).toBe(true)
  expect(g().commandLog.map((c) => c.command.type)).toEqual(['runContainer', 'runContainer'])
  useTimeline.getState().stepBack()
  expect(g().world.tick).toBe(87)
  expect(g().commandLog).toHaveLength(1)
  useTimeline.getState().seek(80)
  expect(hashWorld(g().world)).toBe(hashes.get(80))
  useTimeline.getState().live()
  expect(hashWorld(g().world)).toBe(hashes.get(head))
  // Back, then a different future: the timeline ends where the player went on from.
  useTimeline.getState().seek(40)
  g().dispatch({ type: 'runContainer', appId: 'chat', target: { kind: 'host', hostId: 'h1' } })
  expect(useTimeline.getState()).toMatchObject({ at: null, head: 40 })
  g().stepOnce()
  expect(useTimeline.getState().head).toBe(41)
  detach()
})
