/** The timeline goes back and forth exactly: any moment rebuilt from snapshots and commands is the moment as it was played. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  apply,
  createTimeline,
  hashWorld,
  recordCommand,
  recordTick,
  step,
  STEP_MS,
  stepRecorded,
  truncateAfter,
  worldAt,
} from '../../src/sim'
import type { Command } from '../../src/sim'
import { smallStreet } from './helpers'

const app = fc.constantFrom('web', 'ledger')
const host = fc.constantFrom('h1', 'h2', 'h3')
const action: fc.Arbitrary<Command | { type: 'wait'; ticks: number }> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 140 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('runContainer' as const),
      appId: app,
      target: host.map((hostId) => ({ kind: 'host' as const, hostId })),
    }),
  },
  fc.record({ type: fc.constant('setManaged' as const), appId: app, managed: fc.boolean() }),
  fc.record({ type: fc.constant('setReplicas' as const), appId: app, replicas: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ type: fc.constant('crashRandomContainer' as const), appId: app }),
  fc.record({ type: fc.constant('failHost' as const), hostId: host }),
  fc.record({ type: fc.constant('repairHost' as const), hostId: host }),
  fc.record({
    type: fc.constant('addVm' as const),
    hostId: host,
    os: fc.constant('linux' as const),
    vcpus: fc.constant(2),
    memMiB: fc.constant(2048),
  }),
  fc.record({ type: fc.constant('setTraffic' as const), appId: app, rps: fc.integer({ min: 0, max: 400 }) }),
)

/** Play actions on a street while recording a timeline; the hash of each tick as the player saw it last. */
function play(actions: (Command | { type: 'wait'; ticks: number })[], every: number) {
  const world = smallStreet(7, 3)
  const tl = createTimeline(world, null, every)
  const seen = new Map<number, string>()
  for (const a of actions) {
    if (a.type === 'wait') {
      for (let i = 0; i < a.ticks; i++) {
        seen.set(world.tick, hashWorld(world))
        step(world, STEP_MS)
        recordTick(tl, world, null)
      }
    } else if (apply(world, a).ok) recordCommand(tl, world.tick, a)
  }
  seen.set(world.tick, hashWorld(world))
  return { world, tl, seen }
}

describe('timeline', () => {
  test('any tick rebuilt from the timeline has the hash it had when it was played; back and forth again the same', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 5, max: 60 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (actions, every, picks) => {
          const { world, tl, seen } = play(actions, every)
          const ticks = [...seen.keys()]
          for (const p of picks) {
            const t = ticks[p % ticks.length]!
            expect(hashWorld(worldAt(tl, t).world)).toBe(seen.get(t))
          }
          // Back to the start, then forward to the head: the live world again.
          worldAt(tl, 0)
          expect(hashWorld(worldAt(tl, tl.head).world)).toBe(hashWorld(world))
        },
      ),
      { numRuns: 40 },
    )
  })

  test('playing the past forward (the replay of the last 30 s): a moment stepped k ticks is the moment k ticks later, as played', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), fc.integer({ min: 5, max: 60 }), fc.nat(), (actions, every, pick) => {
        const { world, tl, seen } = play(actions, every)
        const ticks = [...seen.keys()]
        const from = ticks[pick % ticks.length]!
        const r = worldAt(tl, from)
        let extra = r.extra
        while (r.world.tick < tl.head) {
          extra = stepRecorded(tl, r.world, extra)
          if (seen.has(r.world.tick)) expect(hashWorld(r.world)).toBe(seen.get(r.world.tick))
        }
        expect(hashWorld(r.world)).toBe(hashWorld(world))
      }),
      { numRuns: 40 },
    )
  })

  test('step back one tick: the world one tick earlier, exactly', () => {
    const { tl, seen } = play(
      [
        { type: 'wait', ticks: 30 },
        { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } },
        { type: 'wait', ticks: 77 },
      ],
      50,
    )
    for (let t = tl.head; t > tl.head - 5; t--) expect(hashWorld(worldAt(tl, t - 1).world)).toBe(seen.get(t - 1))
  })

  test('a snapshot is a copy: the live world going on does not change the past', () => {
    const { world, tl, seen } = play([{ type: 'wait', ticks: 120 }], 50)
    step(world, 10 * STEP_MS)
    expect(hashWorld(worldAt(tl, 60).world)).toBe(seen.get(60))
  })

  test('going back and playing a different future forgets the old one', () => {
    const { tl } = play(
      [
        { type: 'wait', ticks: 80 },
        { type: 'failHost', hostId: 'h1' },
        { type: 'wait', ticks: 40 },
      ],
      25,
    )
    truncateAfter(tl, 50)
    expect(tl.head).toBe(50)
    expect(tl.commands).toEqual([])
    expect(tl.snapshots.every((s) => s.tick <= 50)).toBe(true)
    expect(worldAt(tl, 50).world.hosts.h1!.power).toBe('on')
  })

  test('extra state (a level progress) is replayed with the ticks', () => {
    const world = smallStreet(3)
    const tl = createTimeline(world, { ticks: 0 }, 10)
    for (let i = 0; i < 35; i++) {
      step(world, STEP_MS)
      recordTick(tl, world, { ticks: i + 1 })
    }
    expect(worldAt(tl, 27, (_w, x) => ({ ticks: x.ticks + 1 })).extra).toEqual({ ticks: 27 })
  })
})
