/**
 * Pods that fit nowhere wait in kube-scheduler's unschedulablePods (systems/schedulerQueue.ts) instead of being tried on
 * every pass: they come back when the cluster changes (a house joins or is repaired, a pod leaves, a command), and the
 * world steps exactly as if every pending pod were tried on every pass.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { apply, createWorld, hashWorld, step, STEP_MS } from '../../src/sim'
import type { World } from '../../src/sim'
import { UNSCHEDULABLE_QUEUE } from '../../src/sim/systems/schedulerQueue'
import { buildStreet, runStreet, streetSpec } from './randomStreet'
import type { StreetSpec } from './randomStreet'

function run(spec: StreetSpec, delayScale: number, queue: boolean): string[] {
  UNSCHEDULABLE_QUEUE.enabled = queue
  const world = buildStreet(spec)
  // Short delays bring the node lifecycle into the few steps run: houses marked Unknown, tainted, their pods evicted.
  apply(world, { type: 'setDelayScale', scale: delayScale })
  const hashes: string[] = []
  runStreet(spec, world, (w) => hashes.push(hashWorld(w)))
  return hashes
}

function smallStreet(): World {
  const world = createWorld(7)
  apply(world, { type: 'addHost', id: 'h1', name: '1', zone: 'a', cores: 4, memMiB: 8192, costPerHour: 1 })
  apply(world, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 100 })
  const app = (id: string, cpu: number, replicas: number) =>
    apply(world, {
      type: 'addApp',
      id,
      name: id,
      imageId: 'web',
      cpuRequestMilli: cpu,
      memRequestMiB: 128,
      rps: 0,
      capacityRps: 10,
      replicas,
      managed: true,
    })
  app('filler', 1000, 3)
  step(world, 20 * STEP_MS)
  app('big', 2000, 1)
  step(world, 5 * STEP_MS)
  return world
}

const bigPod = (world: World) => Object.values(world.containers).find((c) => c.appId === 'big')!

describe('the unschedulable queue', () => {
  afterEach(() => {
    UNSCHEDULABLE_QUEUE.enabled = true
  })

  test('steps random streets exactly as retrying every pending pod on every pass does', () => {
    const before = UNSCHEDULABLE_QUEUE.skipped
    fc.assert(
      fc.property(streetSpec, fc.constantFrom(1, 0.01), (spec, scale) => {
        expect(run(spec, scale, true)).toEqual(run(spec, scale, false))
      }),
      { numRuns: 50 },
    )
    // The comparison means something only if pods were parked.
    expect(UNSCHEDULABLE_QUEUE.skipped - before).toBeGreaterThan(500)
  }, 240_000)

  test('a pod that fits nowhere waits, says why once, and is placed when a pod leaves its house', () => {
    const world = smallStreet()
    const pod = bigPod(world)
    expect(pod.placement).toBeNull()
    expect(pod.reason).toContain('Insufficient cpu')
    const said = world.events.filter((e) => e.id === 'scheduler.failedScheduling').length
    const skipped = UNSCHEDULABLE_QUEUE.skipped
    step(world, 10 * STEP_MS)
    expect(UNSCHEDULABLE_QUEUE.skipped - skipped).toBe(10)
    expect(world.events.filter((e) => e.id === 'scheduler.failedScheduling').length).toBe(said)
    // The ReplicaSet controller deletes two of the filler's pods: once their 30 s of grace are over the house has room,
    // and the waiting pod comes back.
    apply(world, { type: 'setReplicas', appId: 'filler', replicas: 1 })
    step(world, 400 * STEP_MS)
    expect(bigPod(world).placement).toEqual({ kind: 'host', hostId: 'h1' })
  })

  test('a waiting pod is placed when the house it could use is repaired (a node event, no command at that step)', () => {
    const world = smallStreet()
    apply(world, { type: 'addHost', id: 'h2', name: '2', zone: 'a', cores: 4, memMiB: 8192, costPerHour: 1 })
    apply(world, { type: 'failHost', hostId: 'h2' })
    step(world, 5 * STEP_MS)
    expect(bigPod(world).placement).toBeNull()
    // The repair is a command; the house comes back Ready a few steps later by itself (its kubelet boots).
    apply(world, { type: 'repairHost', hostId: 'h2' })
    step(world, 600 * STEP_MS)
    expect(bigPod(world).placement).toEqual({ kind: 'host', hostId: 'h2' })
  })
})
