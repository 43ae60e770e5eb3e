/**
 * Rooms lost with their node, after random fires and repairs: kubelet starts the manager's rooms again as soon as their
 * house stands, and the node lifecycle controller evicts the rest after their toleration; both read a per-node index of
 * lost rooms (containerIndex.ts) kept beside the world, which must never miss a room.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { apply, buildScaleWorld, placementUp, settle, step, STEP_MS } from '../../src/sim'
import { hashWorld } from '../../src/sim/hash'
import type { World } from '../../src/sim'

/** A fire or a repair of one of the six houses of the test street. */
const fire = fc.record({ op: fc.constant('fail' as const), house: fc.nat(5) })
const repair = fc.record({ op: fc.constant('repair' as const), house: fc.nat(5) })

/** Managed rooms still lost on a house that stands again, after kubelet ran (there must be none). */
const lostOnStandingHouses = (w: World): string[] =>
  Object.values(w.containers)
    .filter((c) => c.managed && c.state === 'lost' && c.placement && placementUp(w, c.placement))
    .map((c) => c.id)

describe('rooms lost with their house', () => {
  test("after any fires and repairs, no manager's room stays lost on a standing house, and rooms on burnt houses go once tolerated", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fire, repair, fc.record({ op: fc.constant('step' as const), steps: fc.integer({ min: 1, max: 60 }) })), {
          minLength: 1,
          maxLength: 12,
        }),
        (ops) => {
          const w = settle(buildScaleWorld(6, 60, 3, 2))
          apply(w, { type: 'setDelayScale', scale: 0.1 })
          const houses = Object.keys(w.hosts)
          for (const o of ops) {
            if (o.op === 'fail') apply(w, { type: 'failHost', hostId: houses[o.house]! })
            else if (o.op === 'repair') apply(w, { type: 'repairHost', hostId: houses[o.house]! })
            else
              for (let i = 0; i < o.steps; i++) {
                step(w, STEP_MS)
                expect(lostOnStandingHouses(w)).toEqual([])
              }
          }
          // Long enough for the grace period, the eviction rate and the toleration at delay scale 0.1 (5 + 6 + 30 s).
          for (let i = 0; i < 450; i++) step(w, STEP_MS)
          expect(lostOnStandingHouses(w)).toEqual([])
          // Unless every house is down: then the controller assumes its own network failed and evicts nothing.
          if (Object.values(w.hosts).every((h) => h.downSinceMs !== null)) return
          const stillLost = Object.values(w.containers).filter((c) => c.managed && c.state === 'lost')
          expect(stillLost.map((c) => c.id)).toEqual([])
          expect(Object.values(w.containers).filter((c) => c.managed).length).toBe(60)
        },
      ),
      { numRuns: 25 },
    )
  })

  test('the index kept across fires, repairs and steps gives the same world as one rebuilt before every step', () => {
    // A world read back from its JSON has no kept indexes: each step of the copy builds them afresh from the rooms.
    const fresh = (w: World): World => JSON.parse(JSON.stringify(w)) as World
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fire,
            repair,
            fc.record({ op: fc.constant('step' as const), steps: fc.integer({ min: 1, max: 80 }) }),
            // Scaling down deletes pods, lost ones first (they are not ready): they must leave the index too.
            fc.record({ op: fc.constant('scale' as const), app: fc.nat(2), replicas: fc.integer({ min: 0, max: 30 }) }),
            // Visitors give the rooms a CPU use to keep up to date (the kernels' accounting keeps it between steps).
            fc.record({ op: fc.constant('traffic' as const), app: fc.nat(2), rps: fc.integer({ min: 0, max: 3000 }) }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (ops) => {
          const kept = settle(buildScaleWorld(6, 60, 3, 2))
          apply(kept, { type: 'setDelayScale', scale: 0.1 })
          let rebuilt = fresh(kept)
          const houses = Object.keys(kept.hosts)
          const apps = Object.keys(kept.apps)
          for (const o of [...ops, { op: 'step' as const, steps: 400 }]) {
            if (o.op === 'step') {
              for (let i = 0; i < o.steps; i++) {
                step(kept, STEP_MS)
                rebuilt = fresh(rebuilt)
                step(rebuilt, STEP_MS)
              }
              // After every run of steps, not only at the end: a figure wrong for a while could be right again later.
              expect(hashWorld(rebuilt)).toBe(hashWorld(kept))
              continue
            }
            const command =
              o.op === 'traffic'
                ? { type: 'setTraffic' as const, appId: apps[o.app % apps.length]!, rps: o.rps }
                : o.op === 'scale'
                  ? { type: 'setReplicas' as const, appId: apps[o.app % apps.length]!, replicas: o.replicas }
                  : o.op === 'fail'
                    ? { type: 'failHost' as const, hostId: houses[o.house]! }
                    : { type: 'repairHost' as const, hostId: houses[o.house]! }
            apply(kept, command)
            apply(rebuilt, command)
          }
          expect(hashWorld(rebuilt)).toBe(hashWorld(kept))
        },
      ),
      { numRuns: 15 },
    )
  })
})
