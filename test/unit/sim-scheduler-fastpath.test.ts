/**
 * The scheduler's fast path (schedulerKinds.ts: the work done once per kind of pod) must place
 * every pod exactly where the plain path would, draw for draw: both run on the same random streets
 * (houses cordoned, tainted, labelled, failing and coming back; apps with and without rules of
 * their own; replicas changing) and the worlds must be identical after every step.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { hashWorld } from '../../src/sim'
import type { World } from '../../src/sim'
import { SCHEDULER_FAST_PATH } from '../../src/sim/systems/schedulerKinds'
import { buildStreet, runStreet, streetSpec } from './randomStreet'
import type { StreetSpec } from './randomStreet'

function run(spec: StreetSpec, fast: boolean): { hashes: string[]; world: World } {
  SCHEDULER_FAST_PATH.enabled = fast
  const world = buildStreet(spec)
  const hashes: string[] = []
  runStreet(spec, world, (w) => hashes.push(hashWorld(w)))
  return { hashes, world }
}

const placements = (w: World): Record<string, string> =>
  Object.fromEntries(Object.values(w.containers).map((c) => [c.id, c.placement ? JSON.stringify(c.placement) : 'pending']))

describe('the scheduler fast path', () => {
  afterEach(() => {
    SCHEDULER_FAST_PATH.enabled = true
  })

  test('gives exactly the placements of the plain path, step by step, on random streets', () => {
    const before = SCHEDULER_FAST_PATH.placed
    fc.assert(
      fc.property(streetSpec, (spec) => {
        const plain = run(spec, false)
        const fast = run(spec, true)
        expect(placements(fast.world)).toEqual(placements(plain.world))
        expect(fast.hashes).toEqual(plain.hashes)
      }),
      { numRuns: 60 },
    )
    // The comparison means something only if the fast path placed pods.
    expect(SCHEDULER_FAST_PATH.placed - before).toBeGreaterThan(1000)
  }, 240_000)
})
