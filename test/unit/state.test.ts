import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { parseLevel } from '../../src/levels'
import type { Level } from '../../src/levels'
import { readProgress, useGame } from '../../src/state'

function level1(): Level {
  const r = parseLevel('levels/01-one-house.json', readFileSync(join(__dirname, '../../levels/01-one-house.json'), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.level
}

describe('the game store', () => {
  beforeEach(() => useGame.getState().toMenu())

  test('a level starts paused; time moves only when played, at the chosen speed', () => {
    const g = useGame.getState()
    g.startLevel(level1())
    g.advance(1000)
    expect(useGame.getState().world.timeMs).toBe(0)
    g.setPaused(false)
    g.setSpeed(4)
    useGame.getState().advance(500)
    expect(useGame.getState().world.timeMs).toBe(2000)
    useGame.getState().stepOnce()
    expect(useGame.getState().world.timeMs).toBe(2100)
  })

  test('an unknown or malformed action from the UI is refused with a readable reason, never thrown', () => {
    useGame.getState().startSandbox()
    for (const bad of [{ type: 'launchMissiles' }, null, { type: 'addVm', hostId: 'h1', os: 'beos', vcpus: 1, memMiB: 1 }, 'rm -rf']) {
      const r = useGame.getState().dispatch(bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.metaphor).toMatch(/Unknown or malformed action/)
    }
    expect(useGame.getState().lastRejection).not.toBeNull()
  })

  test("a level's palette limits what the player may do", () => {
    useGame.getState().startLevel(level1())
    const r = useGame.getState().dispatch({ type: 'failHost', hostId: 'h1' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.metaphor).toMatch(/not available in this level/)
    expect(useGame.getState().world.hosts.h1!.power).toBe('on')
  })

  test('playing level 1 through the store wins it, and the clock stops at the end', () => {
    const g = useGame.getState()
    g.startLevel(level1())
    for (const app of ['shop', 'blog', 'chat']) {
      expect(useGame.getState().dispatch({ type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } }).ok).toBe(true)
    }
    g.setPaused(false)
    g.setSpeed(8)
    for (let i = 0; i < 100 && useGame.getState().progress.outcome === 'playing'; i++) useGame.getState().advance(1000)
    expect(useGame.getState().progress.outcome).toBe('won')
    expect(useGame.getState().paused).toBe(true)
    expect(useGame.getState().dispatch({ type: 'removeContainer', containerId: 'c7' }).ok).toBe(false)
  })
})

describe('saved progress', () => {
  test('a good save is read whole', () => {
    const r = readProgress(JSON.stringify({ version: 1, levels: { '01-one-house': { stars: 3, completed: true } } }))
    expect(r).toEqual({ levels: { '01-one-house': { stars: 3, completed: true } }, warning: null })
  })

  test('a save that is not JSON starts fresh and tells the player', () => {
    const r = readProgress('{not json')
    expect(r.levels).toEqual({})
    expect(r.warning).toMatch(/could not be read/)
  })

  test('a damaged entry is dropped, the rest kept, and the player told which', () => {
    const r = readProgress(JSON.stringify({ version: 1, levels: { a: { stars: 2, completed: true }, b: { stars: 'lots' } } }))
    expect(r.levels).toEqual({ a: { stars: 2, completed: true } })
    expect(r.warning).toMatch(/b was damaged/)
  })

  test('a save from another version is not misread', () => {
    const r = readProgress(JSON.stringify({ version: 99, levels: {} }))
    expect(r.warning).toMatch(/another version/)
  })
})

describe('machine commands from the UI', () => {
  test('a CPU hog sent from the sandbox is accepted; a malformed one is refused with a reason', () => {
    useGame.getState().startSandbox()
    const ok = useGame.getState().dispatch({ type: 'setLimits', appId: 'shop', cpuLimitMilli: 500, memLimitMiB: 1024 })
    expect(ok.ok).toBe(true)
    const bad = useGame.getState().dispatch({ type: 'hogCpu' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.metaphor).toMatch(/malformed/)
  })
})
