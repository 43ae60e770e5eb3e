/**
 * The room list (containerList) and the per-app room lists the scheduler counts pods from (containersOfApp) stay exactly
 * the world's rooms (of that app), in the world's order, whatever is created, deleted or evicted; and the rooms not
 * placed yet, where the scheduler finds its pending pods (unplacedRooms), hold every unplaced room in that order.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { apply, buildScaleWorld, step } from '../../src/sim'
import type { Command } from '../../src/sim'
import { containerList, containersOfApp, unplacedRooms } from '../../src/sim/containerIndex'

describe('rooms by app', () => {
  test("after scaling, crashes, burnt houses and steps, the room list is the world's and each app lists its rooms in order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc
              .record({ app: fc.integer({ min: 0, max: 2 }), replicas: fc.integer({ min: 0, max: 60 }) })
              .map(({ app, replicas }): Command => ({ type: 'setReplicas', appId: `app${app}`, replicas })),
            fc.integer({ min: 1, max: 6 }).map((h): Command => ({ type: 'failHost', hostId: `h${h}` })),
            fc.integer({ min: 1, max: 6 }).map((h): Command => ({ type: 'repairHost', hostId: `h${h}` })),
            fc.constant<Command>({ type: 'setDelayScale', scale: 0.01 }),
          ),
          { maxLength: 8 },
        ),
        (commands) => {
          const world = buildScaleWorld(6, 90)
          for (const id of ['app1', 'app2'])
            apply(world, {
              type: 'addApp',
              id,
              name: id,
              imageId: 'web',
              cpuRequestMilli: 100,
              memRequestMiB: 128,
              rps: 10,
              capacityRps: 20,
              replicas: 20,
              managed: true,
            })
          step(world, 1000)
          // Built here (20 rooms of app2), then kept in step.
          expect(containersOfApp(world, 'app2').length).toBe(20)
          for (const c of commands) {
            apply(world, c)
            step(world, 3000)
            // The room list itself (swept after removals) is the world's record, in its order.
            const all = Object.values(world.containers)
            expect(containerList(world).length).toBe(all.length)
            expect(containerList(world).every((x, i) => x === all[i])).toBe(true)
            for (const app of ['app0', 'app1', 'app2', 'none']) {
              const want = containerList(world).filter((x) => x.appId === app)
              const got = containersOfApp(world, app)
              expect(got.map((x) => x.id)).toEqual(want.map((x) => x.id))
              expect(got.every((x, i) => x === want[i])).toBe(true)
            }
          }
        },
      ),
      { numRuns: 25 },
    )
  })

  test("the rooms not placed yet are, less those placed or removed since, the world's unplaced rooms in order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc
              .record({ app: fc.constantFrom('app0', 'big'), replicas: fc.integer({ min: 0, max: 60 }) })
              .map(({ app, replicas }): Command => ({ type: 'setReplicas', appId: app, replicas })),
            fc.integer({ min: 1, max: 6 }).map((h): Command => ({ type: 'failHost', hostId: `h${h}` })),
            fc.integer({ min: 1, max: 6 }).map((h): Command => ({ type: 'repairHost', hostId: `h${h}` })),
            fc.constant<Command>({ type: 'setDelayScale', scale: 0.01 }),
          ),
          { maxLength: 8 },
        ),
        fc.integer({ min: 100, max: 3000 }),
        (commands, ms) => {
          const world = buildScaleWorld(6, 90)
          // Pods no house can take (64 cores each): they stay pending and unplaced, and scaling down deletes them.
          apply(world, {
            type: 'addApp',
            id: 'big',
            name: 'big',
            imageId: 'web',
            cpuRequestMilli: 64_000,
            memRequestMiB: 128,
            rps: 10,
            capacityRps: 20,
            replicas: 5,
            managed: true,
          })
          step(world, 1000)
          for (const c of commands) {
            apply(world, c)
            step(world, ms)
            const want = Object.values(world.containers).filter((x) => x.placement === null)
            const got = unplacedRooms(world).filter((x) => x.placement === null && world.containers[x.id] === x)
            expect(got.map((x) => x.id)).toEqual(want.map((x) => x.id))
            expect(got.every((x, i) => x === want[i])).toBe(true)
          }
        },
      ),
      { numRuns: 25 },
    )
  })
})
