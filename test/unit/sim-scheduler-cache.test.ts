/**
 * The scheduler's view of the cluster kept between passes (systems/schedulerCache.ts) must place every pod exactly where a
 * view built afresh each pass would: both run on the same random streets (houses cordoned, tainted, failing, marked
 * Unknown and their pods evicted with short delays, coming back; replicas changing) and the worlds must be identical
 * after every step.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { apply, buildScaleWorld, hashWorld, settle, step, STEP_MS } from '../../src/sim'
import { SCHEDULER_CACHE } from '../../src/sim/systems/schedulerCache'
import { buildStreet, runStreet, streetSpec } from './randomStreet'
import type { StreetSpec } from './randomStreet'

function run(spec: StreetSpec, delayScale: number, keep: boolean): string[] {
  SCHEDULER_CACHE.enabled = keep
  const world = buildStreet(spec)
  apply(world, { type: 'setDelayScale', scale: delayScale })
  const hashes: string[] = []
  runStreet(spec, world, (w) => hashes.push(hashWorld(w)))
  return hashes
}

describe("the scheduler's kept view of the cluster", () => {
  afterEach(() => {
    SCHEDULER_CACHE.enabled = true
  })

  test('gives exactly the worlds of a view built afresh every pass, step by step, on random streets', () => {
    const before = SCHEDULER_CACHE.reused
    fc.assert(
      fc.property(streetSpec, fc.constantFrom(1, 0.01), (spec, scale) => {
        expect(run(spec, scale, true)).toEqual(run(spec, scale, false))
      }),
      { numRuns: 50 },
    )
    // The comparison means something only if kept views were used. Fifty random streets reuse one 67 to 273 times in
    // the runs seen (fast-check draws new streets each run), so the floor is well below that.
    expect(SCHEDULER_CACHE.reused - before).toBeGreaterThan(20)
  }, 240_000)

  test.each(['failZone', 'rollout'] as const)(
    'gives the same worlds through a %s, where pods leave between passes and others are placed',
    (what) => {
      const outage = (keep: boolean): string[] => {
        SCHEDULER_CACHE.enabled = keep
        const world = settle(buildScaleWorld(40, 600, 3, 2))
        apply(world, { type: 'setDelayScale', scale: 0.01 })
        // A rolling update replaces the pods a few at a time: old ones leave (deleted at the end of their grace period)
        // while new ones are placed, step after step, with no command between, and the spread scores count both.
        if (what === 'rollout') {
          apply(world, { type: 'addImage', id: 'web2', ref: 'web:2', sizeMiB: 120 })
          for (const appId of ['app0', 'app1']) apply(world, { type: 'setImage', appId, imageId: 'web2' })
        } else apply(world, { type: 'failZone', zone: 'a' })
        const hashes: string[] = []
        for (let i = 0; i < 120; i++) {
          step(world, STEP_MS)
          hashes.push(hashWorld(world))
        }
        return hashes
      }
      const before = SCHEDULER_CACHE.reused
      expect(outage(true)).toEqual(outage(false))
      expect(SCHEDULER_CACHE.reused - before).toBeGreaterThan(3)
    },
    60_000,
  )
})
