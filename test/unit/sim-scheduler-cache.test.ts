/**
 * The scheduler's view of the cluster kept between passes (systems/schedulerCache.ts) must place every pod exactly where a
 * view built afresh each pass would: both run on the same random streets (houses cordoned, tainted, failing, marked
 * Unknown and their pods evicted with short delays, coming back; replicas changing) and the worlds must be identical
 * after every step.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { apply, buildScaleWorld, hashWorld, settle, step, STEP_MS } from '../../src/sim'
import { containerList } from '../../src/sim/containerIndex'
import { deleteContainer } from '../../src/sim/containers'
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

  test('gives exactly the worlds of a view built afresh every pass through a zone outage on random streets', () => {
    // A zone burns mid-run; its houses go Unknown, are tainted and their pods evicted (delays at 1 %), and the kept view
    // with its kept verdicts must follow taints, cordons and reservations that change between passes.
    const outage = (spec: StreetSpec, zone: string, keep: boolean): string[] => {
      SCHEDULER_CACHE.enabled = keep
      const world = buildStreet(spec)
      apply(world, { type: 'setDelayScale', scale: 0.01 })
      const hashes: string[] = []
      runStreet(spec, world, (w, s) => {
        if (s === 10) apply(w, { type: 'failZone', zone })
        hashes.push(hashWorld(w))
      })
      for (let i = 0; i < 50; i++) {
        step(world, STEP_MS)
        hashes.push(hashWorld(world))
      }
      return hashes
    }
    const before = { ...SCHEDULER_CACHE }
    fc.assert(
      fc.property(streetSpec, fc.constantFrom('a', 'b', 'c'), (spec, zone) => {
        expect(outage(spec, zone, true)).toEqual(outage(spec, zone, false))
      }),
      { numRuns: 25 },
    )
    // Kept views and kept verdicts were used (in the runs seen: 40 of them at least), or the comparison tells nothing.
    expect(SCHEDULER_CACHE.reused - before.reused).toBeGreaterThan(20)
    expect(SCHEDULER_CACHE.keptVerdicts - before.keptVerdicts).toBeGreaterThan(10)
  }, 240_000)

  test('follows taints, cordons and reservations that systems change between passes, on random streets', () => {
    // What systems other than the pods' moves change on a node between two passes, done here by hand to random houses:
    // a taint added in place (the node lifecycle controller), the taints replaced (lifted), a cordon (the cluster
    // autoscaler), a reservation that is no pod's (a live migration moves an apartment's). The kept view and its kept
    // verdicts must judge those houses again, as a fresh view would.
    const change = fc.record({ atStep: fc.integer({ min: 2, max: 30 }), host: fc.nat(), what: fc.integer({ min: 0, max: 3 }) })
    const run = (spec: StreetSpec, changes: { atStep: number; host: number; what: number }[], keep: boolean): string[] => {
      SCHEDULER_CACHE.enabled = keep
      const world = buildStreet(spec)
      const hosts = Object.values(world.hosts)
      const hashes: string[] = []
      runStreet(spec, world, (w, s) => {
        for (const c of changes) {
          if (c.atStep !== s) continue
          const h = hosts[c.host % hosts.length]!
          if (c.what === 0) h.taints.push({ key: 'dedicated', value: 'ops', effect: 'NoSchedule' })
          else if (c.what === 1) h.taints = []
          else if (c.what === 2) h.unschedulable = !h.unschedulable
          else h.alloc.memMiB += 4096
          // And a few pods evicted elsewhere (as the taint manager deletes them), so the next pass places their
          // replacements with the verdicts it kept.
          let evict = 3
          for (const p of containerList(w)) {
            if (evict === 0) break
            if (p.managed && p.placement !== null && p.state === 'running') {
              deleteContainer(w, p)
              evict--
            }
          }
        }
        hashes.push(hashWorld(w))
      })
      return hashes
    }
    const before = SCHEDULER_CACHE.keptVerdicts
    fc.assert(
      fc.property(streetSpec, fc.array(change, { minLength: 1, maxLength: 12 }), (spec, changes) => {
        expect(run(spec, changes, true)).toEqual(run(spec, changes, false))
      }),
      { numRuns: 40 },
    )
    expect(SCHEDULER_CACHE.keptVerdicts - before).toBeGreaterThan(10)
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
