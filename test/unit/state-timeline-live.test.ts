import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { parseLevel } from '../../src/levels'
import { attachTimeline, useGame, useTimeline } from '../../src/state'

test('Live returns to the present and starts the clock again only when it ran before looking back', () => {
  const r = parseLevel('01', readFileSync(join(__dirname, '../../levels/01-one-house.json'), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  const detach = attachTimeline()
  const g = () => useGame.getState()
  const t = () => useTimeline.getState()
  g().startLevel(r.level)
  g().setPaused(false)
  for (let i = 0; i < 20; i++) g().advance(100)
  const head = g().world.tick
  // Running, then looking back (one tick, then further): paused while in the past; Live runs again.
  t().stepBack()
  t().seek(5)
  expect(g().paused).toBe(true)
  t().live()
  expect(t().at).toBe(null)
  expect(g().world.tick).toBe(head)
  expect(g().paused).toBe(false)
  g().advance(100)
  expect(g().world.tick).toBe(head + 1)
  // Paused, then looking back: Live stays paused.
  g().setPaused(true)
  t().stepBack()
  t().live()
  expect(g().world.tick).toBe(head + 1)
  expect(g().paused).toBe(true)
  // Running, then replaying the last 30 s and Live: the clock runs again.
  g().setPaused(false)
  t().replayLast()
  expect(g().paused).toBe(true)
  t().live()
  expect(g().paused).toBe(false)
  t().stopReplay()
  detach()
})
