/**
 * Levels, the lab, lessons and the sandbox play in the simulation worker by default: the page keeps an exact
 * mirror. These tests wire the game's bridge straight to the worker's own handler (simHost), with structured
 * clones delivered asynchronously as postMessage does, and check that a run there is the run on the page:
 * the same world step for step, the same level progress, the timeline going back and forth exactly, and a
 * paused world that does not move.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { initialProgress, parseLevel, startLevel, updateProgress } from '../../src/levels'
import type { Level, LevelProgress } from '../../src/levels'
import { apply, hashWorld, step, STEP_MS } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import type { FromWorker, ToWorker } from '../../src/sim/mirror'
import { attachTimeline, useGame, useTimeline } from '../../src/state'
import { runInWorker, workerIdle } from '../../src/state/game'
import { SimBridge } from '../../src/state/simBridge'
import type { WorkerLike } from '../../src/state/simBridge'
import { simHost } from '../../src/worker/simHost'

/** A worker as postMessage makes one: every message a structured clone, delivered in a later task. */
function fakeWorker(): WorkerLike {
  const page: WorkerLike = {
    onmessage: null,
    postMessage: (m: ToWorker) => {
      // Cloned when sent, as postMessage does: what the sender changes afterwards does not travel.
      const copy = structuredClone(m)
      setTimeout(() => receive(copy), 0)
    },
    terminate: () => {},
  }
  const receive = simHost((m: FromWorker) => {
    const copy = structuredClone(m)
    setTimeout(() => page.onmessage?.({ data: copy } as MessageEvent<FromWorker>), 0)
  })
  return page
}

const settle = async (what: () => boolean, tries = 2000): Promise<void> => {
  for (let i = 0; i < tries && !what(); i++) await new Promise((r) => setTimeout(r, 1))
  expect(what()).toBe(true)
}

function level(file: string, id: string): Level {
  const r = parseLevel(id, readFileSync(join(__dirname, '../../levels', file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.level
}
const ONE_HOUSE = level('01-one-house.json', '01')

type Action = Command | { type: 'wait'; ticks: number }
const app = fc.constantFrom('shop', 'blog', 'chat')
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 60 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('runContainer' as const),
      appId: app,
      target: fc.constant({ kind: 'host' as const, hostId: 'h1' }),
    }),
  },
  fc.record({ type: fc.constant('crashRandomContainer' as const), appId: app }),
  fc.record({ type: fc.constant('failHost' as const), hostId: fc.constant('h1') }),
  fc.record({ type: fc.constant('repairHost' as const), hostId: fc.constant('h1') }),
)

describe('a level in the simulation worker is the level on the page', () => {
  test('same level, same commands at the same ticks: the same world and the same progress after every action', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        // On the page, as game.ts plays it: a step, then the level's objectives.
        const world = startLevel(ONE_HOUSE)
        let progress: LevelProgress = initialProgress()
        // In the worker: the page hands over its own copy and keeps it as the mirror.
        let seen: LevelProgress = initialProgress()
        const bridge = new SimBridge({ changed: (_w, _k, p) => p && (seen = p as LevelProgress) }, fakeWorker)
        bridge.startWorld(structuredClone(world), { level: ONE_HOUSE, progress })
        for (const a of actions) {
          if (a.type === 'wait') {
            const target = world.tick + a.ticks
            for (let i = 0; i < a.ticks && progress.outcome === 'playing'; i++) {
              step(world, STEP_MS)
              progress = updateProgress(ONE_HOUSE, world, progress)
            }
            for (let i = 0; i < a.ticks; i++) bridge.stepOnce()
            await settle(() => bridge.mirror!.tick >= Math.min(target, world.tick) && bridge.idle)
            await new Promise((r) => setTimeout(r, 5))
          } else {
            const here = apply(world, a)
            const there = await bridge.command(a)
            expect(there).toEqual(here)
          }
          expect(hashWorld(bridge.mirror!)).toBe(hashWorld(world))
          expect(seen).toEqual(progress)
        }
        bridge.stop()
      }),
      { numRuns: 12 },
    )
  })

  test('a batch stops at a planned tick (a teacher’s incident is due then) and when the level ends', async () => {
    const world = startLevel(ONE_HOUSE)
    const bridge = new SimBridge({ changed: () => {} }, fakeWorker)
    bridge.startWorld(world, { level: ONE_HOUSE, progress: initialProgress() })
    bridge.advance(1000, 8, 37)
    await settle(() => bridge.idle && world.tick > 0)
    expect(world.tick).toBe(37)
    bridge.stop()
  })
})

describe('the game store with every run in the worker', () => {
  beforeAll(() => runInWorker(fakeWorker))
  afterAll(() => runInWorker(null))
  const g = () => useGame.getState()
  const idle = () => settle(() => workerIdle())

  /** Play real time through the store's clock until the worker has answered. */
  async function play(ms: number): Promise<void> {
    g().setSpeed(8)
    g().setPaused(false)
    g().advance(ms)
    await idle()
    g().setPaused(true)
  }

  test('a level, the sandbox, the lab and a lesson world all play in the worker, the page holding an exact mirror', async () => {
    g().startLevel(ONE_HOUSE)
    expect(g().remote).toBe('running')
    const levelWorld = g().world
    expect((await g().dispatchAsync({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })).ok).toBe(true)
    // A command the level does not offer is refused on the page, as it is without the worker.
    expect((await g().dispatchAsync({ type: 'addHost', name: 'x', cores: 2, memMiB: 2048, costPerHour: 1 })).ok).toBe(false)
    await play(1000)
    expect(g().world).toBe(levelWorld)
    expect(g().world.tick).toBeGreaterThan(0)
    expect(Object.values(g().world.containers).some((c) => c.appId === 'shop')).toBe(true)
    g().startSandbox()
    expect(g().remote).toBe('running')
    g().startLab(3)
    expect(g().remote).toBe('running')
    g().showLessonWorld(startLevel(ONE_HOUSE))
    expect(g().remote).toBe('running')
    g().toMenu()
  })

  test('pausing while a batch is on its way: the paused world is the one on screen, and it plays on from there', async () => {
    g().startSandbox()
    await play(200)
    const before = g().world.tick
    g().setSpeed(8)
    g().setPaused(false)
    g().advance(500)
    // Paused before the worker's batch came back: that batch is dropped.
    g().setPaused(true)
    const shown = hashWorld(g().world)
    await new Promise((r) => setTimeout(r, 50))
    await idle()
    expect(g().world.tick).toBe(before)
    expect(hashWorld(g().world)).toBe(shown)
    // A command sent meanwhile is still answered, and the world plays on from the paused moment.
    expect((await g().dispatchAsync({ type: 'setReplicas', appId: 'shop', replicas: 5 })).ok).toBe(true)
    await play(300)
    expect(g().world.tick).toBeGreaterThan(before)
    g().toMenu()
  })

  test('the timeline through the worker: any earlier moment is the moment as it was played, and playing on from it matches the page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 2, maxLength: 8 }), fc.nat(), async (actions, pick) => {
        const detach = attachTimeline()
        g().startLevel(ONE_HOUSE)
        const hashes = new Map<number, string>()
        hashes.set(g().world.tick, hashWorld(g().world))
        for (const a of actions) {
          if (a.type === 'wait') {
            for (let i = 0; i < a.ticks; i++) g().stepOnce()
            await idle()
            await new Promise((r) => setTimeout(r, 5))
          } else await g().dispatchAsync(a)
          hashes.set(g().world.tick, hashWorld(g().world))
        }
        expect(useTimeline.getState().enabled).toBe(true)
        const ticks = [...hashes.keys()]
        const back = ticks[pick % ticks.length]!
        useTimeline.getState().seek(back)
        expect(g().world.tick).toBe(back)
        expect(hashWorld(g().world)).toBe(hashes.get(back))
        // Playing on from the earlier moment in the worker is playing on from it on the page.
        const onPage: World = structuredClone(g().world)
        for (let i = 0; i < 25; i++) step(onPage, STEP_MS)
        for (let i = 0; i < 25; i++) g().stepOnce()
        await settle(() => workerIdle() && g().world.tick === back + 25)
        await new Promise((r) => setTimeout(r, 5))
        expect(hashWorld(g().world)).toBe(hashWorld(onPage))
        g().toMenu()
        detach()
      }),
      { numRuns: 8 },
    )
  })
})
