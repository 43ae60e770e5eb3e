/**
 * A small world (a level, the lab, a lesson, the sandbox) runs in the simulation worker with an exact
 * mirror: after every batch the page's copy is the worker's world itself (the same hashWorld), whatever
 * the player did, so the page's objective checks, timeline and hand-ins can keep reading it.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { apply, hashWorld, step, STEP_MS } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import { containerList } from '../../src/sim/containerIndex'
import { ALL_ROOMS, applyDelta, newTracker, takeDelta } from '../../src/sim/mirror'
import { smallStreet } from './helpers'

const app = fc.constantFrom('web', 'ledger', 'extra')
const host = fc.constantFrom('h1', 'h2', 'h3', 'h4')
const target = host.map((hostId) => ({ kind: 'host' as const, hostId }))
/** A room by its position in the world's room list (whatever rooms exist by then). */
type Nth = { type: 'nth'; i: number; what: 'crashContainer' | 'removeContainer' | 'breachContainer' | 'hang' }
type Action = Command | { type: 'wait'; ticks: number } | Nth

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('runContainer' as const), appId: app, target }) },
  fc.record({
    type: fc.constant('nth' as const),
    i: fc.nat(40),
    what: fc.constantFrom('crashContainer' as const, 'removeContainer' as const, 'breachContainer' as const, 'hang' as const),
  }),
  fc.record({ type: fc.constant('setManaged' as const), appId: app, managed: fc.boolean() }),
  fc.record({ type: fc.constant('setReplicas' as const), appId: app, replicas: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ type: fc.constant('crashRandomContainer' as const), appId: app }),
  fc.record({ type: fc.constant('failHost' as const), hostId: host }),
  fc.record({ type: fc.constant('repairHost' as const), hostId: host }),
  fc.record({ type: fc.constant('cordon' as const), hostId: host, unschedulable: fc.boolean() }),
  fc.record({ type: fc.constant('drain' as const), hostId: host }),
  fc.record({ type: fc.constant('removeHost' as const), hostId: host }),
  fc.record({
    type: fc.constant('addHost' as const),
    name: fc.constantFrom('3', '4'),
    cores: fc.constant(8),
    memMiB: fc.constant(16384),
    costPerHour: fc.constant(1),
  }),
  fc.record({
    type: fc.constant('addVm' as const),
    hostId: host,
    os: fc.constant('linux' as const),
    vcpus: fc.constant(2),
    memMiB: fc.constant(2048),
  }),
  fc.record({
    type: fc.constant('addApp' as const),
    id: fc.constant('extra'),
    name: fc.constant('extra'),
    imageId: fc.constant('web'),
    cpuRequestMilli: fc.constant(250),
    memRequestMiB: fc.constant(256),
    rps: fc.constant(50),
    capacityRps: fc.constant(40),
    replicas: fc.integer({ min: 0, max: 5 }),
    managed: fc.boolean(),
  }),
  fc.record({ type: fc.constant('removeApp' as const), appId: app }),
  fc.record({ type: fc.constant('setTraffic' as const), appId: app, rps: fc.integer({ min: 0, max: 400 }) }),
  fc.record({
    type: fc.constant('setHpa' as const),
    appId: app,
    minReplicas: fc.constant(1),
    maxReplicas: fc.integer({ min: 2, max: 8 }),
    targetCpuPercent: fc.constantFrom(50, 80),
  }),
)

/** Apply one action to the worker's world (nothing happens when it is refused, as in the game). */
function act(world: World, a: Action): void {
  if (a.type === 'wait') {
    for (let i = 0; i < a.ticks; i++) step(world, STEP_MS)
    return
  }
  if (a.type === 'nth') {
    const rooms = containerList(world)
    const c = rooms.length ? rooms[a.i % rooms.length]! : null
    if (!c) return
    if (a.what === 'hang') apply(world, { type: 'hangContainer', containerId: c.id, hung: true })
    else apply(world, { type: a.what, containerId: c.id })
    return
  }
  apply(world, a)
}

describe('the exact mirror of a small world', () => {
  test('after every batch of random commands and steps the mirror hashes the same as the worker’s world', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 4 }), (actions, perBatch) => {
        const world = smallStreet(11, 2)
        // The page hands its world over (a structured clone, as postMessage makes) and keeps its own as the mirror.
        const mirror = structuredClone(world)
        const tracker = newTracker()
        takeDelta(world, tracker, ALL_ROOMS)
        for (let i = 0; i < actions.length; i += perBatch) {
          for (const a of actions.slice(i, i + perBatch)) act(world, a)
          applyDelta(mirror, structuredClone(takeDelta(world, tracker, ALL_ROOMS)))
          expect(hashWorld(mirror)).toBe(hashWorld(world))
          // The room list the scene and the systems walk: the same rooms in the same order.
          expect(containerList(mirror).map((c) => c.id)).toEqual(containerList(world).map((c) => c.id))
        }
        // The mirror steps on as the world does: nothing derived is left stale on the page.
        step(world, 5000)
        step(mirror, 5000)
        expect(hashWorld(mirror)).toBe(hashWorld(world))
      }),
      { numRuns: 60 },
    )
  })
})
