import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { parseLevel } from '../../src/levels'
import { hashWorld } from '../../src/sim'
import { attachTimeline, TIMELINE_MAX_ROOMS, useGame, useTimeline } from '../../src/state'

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

test('a sandbox scaled past the timeline cap stops recording and says why, and the game plays on', () => {
  const detach = attachTimeline()
  const g = () => useGame.getState()
  g().startSandbox()
  g().advance(100)
  expect(useTimeline.getState()).toMatchObject({ enabled: true, why: null })
  const before = Object.keys(g().world.containers).length
  expect(before).toBeLessThan(TIMELINE_MAX_ROOMS)
  g().dispatch({
    type: 'addApp',
    id: 'big',
    name: 'big',
    imageId: 'web',
    cpuRequestMilli: 50,
    memRequestMiB: 64,
    rps: 0,
    capacityRps: 100,
    replicas: TIMELINE_MAX_ROOMS + 100,
    managed: true,
  })
  g().setPaused(false)
  // The ReplicaSet creates them in slow-start batches (1, 2, 4, … up to 500 a sync).
  for (let i = 0; i < 200 && Object.keys(g().world.containers).length <= TIMELINE_MAX_ROOMS; i++) g().advance(100)
  expect(Object.keys(g().world.containers).length).toBeGreaterThan(TIMELINE_MAX_ROOMS)
  expect(useTimeline.getState()).toMatchObject({ enabled: false, why: 'grew', at: null })
  // Nothing is recorded from then on: stepping back does not move the game.
  const tick = g().world.tick
  useTimeline.getState().stepBack()
  expect(g().world.tick).toBe(tick)
  g().advance(100)
  expect(g().world.tick).toBeGreaterThan(tick)
  detach()
})
