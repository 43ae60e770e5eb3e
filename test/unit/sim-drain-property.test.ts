/**
 * Property: a drain is a voluntary disruption, so it never takes an app below its
 * PodDisruptionBudget, whatever the cluster, the budget and the order of cordons and drains.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { apply, createWorld, step } from '../../src/sim'
import type { World } from '../../src/sim'
import { must, stepUntil } from './helpers'

const readyRooms = (w: World) => Object.values(w.containers).filter((c) => c.appId === 'web' && c.state === 'running' && c.ready).length

type Move = { type: 'drain' | 'cordon' | 'uncordon'; host: number } | { type: 'wait'; s: number }

describe('drain and disruption budgets', () => {
  test('a drain never takes an app below its PodDisruptionBudget (random clusters, budgets and drain orders)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(
          fc.oneof(
            fc.record({
              type: fc.constantFrom('drain' as const, 'cordon' as const, 'uncordon' as const),
              host: fc.integer({ min: 1, max: 4 }),
            }),
            fc.record({ type: fc.constant('wait' as const), s: fc.integer({ min: 1, max: 40 }) }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 1000 }),
        (hosts, replicas, budget, moves: Move[], seed) => {
          const minAvailable = Math.min(budget, replicas)
          const w = createWorld(seed)
          for (let i = 0; i < hosts; i++) must(w, { type: 'addHost', cores: 4, memMiB: 8192, costPerHour: 1 })
          must(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 50 })
          must(w, {
            type: 'addApp',
            id: 'web',
            name: 'web',
            imageId: 'web',
            cpuRequestMilli: 500,
            memRequestMiB: 512,
            rps: 0,
            capacityRps: 10,
            replicas,
            managed: true,
          })
          stepUntil(w, (x) => readyRooms(x) === replicas, 120_000)
          must(w, { type: 'setPdb', appId: 'web', minAvailable })
          let lowest = readyRooms(w)
          for (const m of moves) {
            if (m.type === 'wait') {
              for (let i = 0; i < m.s * 10; i++) {
                step(w, 100)
                lowest = Math.min(lowest, readyRooms(w))
              }
              continue
            }
            const hostId = `h${m.host}`
            if (!w.hosts[hostId]) continue
            // Refusals (a house already draining, say) are fine: the property is about what happens.
            if (m.type === 'drain') apply(w, { type: 'drain', hostId })
            else apply(w, { type: 'cordon', hostId, unschedulable: m.type === 'cordon' })
            lowest = Math.min(lowest, readyRooms(w))
          }
          for (let i = 0; i < 300; i++) {
            step(w, 100)
            lowest = Math.min(lowest, readyRooms(w))
          }
          expect(lowest).toBeGreaterThanOrEqual(minAvailable)
        },
      ),
      { numRuns: 40 },
    )
  })
})
