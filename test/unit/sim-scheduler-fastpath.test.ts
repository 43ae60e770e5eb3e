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
import { nextFloat, seedRng } from '../../src/sim/rng'
import { SCHEDULER_FAST_PATH } from '../../src/sim/systems/schedulerKinds'
import { selectHost } from '../../src/sim/systems/schedulerPlugins'
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
      // 100 streets: with 60 the fast path placed 991–1,740 pods, so the check below failed now and then.
      { numRuns: 100 },
    )
    // The comparison means something only if the fast path placed pods.
    expect(SCHEDULER_FAST_PATH.placed - before).toBeGreaterThan(1000)
  }, 240_000)
})

describe('choosing among the scored nodes (selectHost)', () => {
  /** kube-scheduler's selectHost as written: one pass, a draw for each node equal to the best so far. */
  function textbook(totals: number[], seed: number): { pick: number; state: number } {
    const rng = seedRng(seed)
    let best = -Infinity
    let pick = -1
    let ties = 0
    totals.forEach((t, j) => {
      if (t > best) {
        best = t
        pick = j
        ties = 1
      } else if (t === best) {
        ties += 1
        if (nextFloat(rng) * ties < 1) pick = j
      }
    })
    return { pick, state: rng.s }
  }

  test('picks the node the textbook reservoir loop picks and leaves the generator in the same state', () => {
    // Few distinct scores, so most nodes tie with the best so far, and the best rises along the way.
    const totals = fc.array(fc.constantFrom(10, 20, 20, 30, 30, 30, 40), { minLength: 1, maxLength: 300 })
    fc.assert(
      fc.property(totals, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (list, seed) => {
        const rng = seedRng(seed)
        const pick = selectHost(Float64Array.from(list), list.length, rng)
        expect({ pick, state: rng.s }).toEqual(textbook(list, seed))
      }),
      { numRuns: 500 },
    )
  })
})
