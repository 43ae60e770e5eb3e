/**
 * The page's mirror of a world that lives in the simulation worker is kept by deltas
 * (src/worker/delta.ts): after every batch it must match the world on everything a player sees —
 * all of it but the rooms' per-step numbers, which travel only for watched rooms.
 */
import { describe, expect, test } from 'vitest'
import { apply, buildScaleWorld, createWorld, step } from '../../src/sim'
import type { Container, World } from '../../src/sim'
import { containerList } from '../../src/sim/containerIndex'
import { applyDelta, newTracker, packRooms, putRooms, takeDelta, unpackRooms } from '../../src/sim/mirror'

/** The rooms' high-churn numbers (sent only for watched rooms). */
const CHURN: (keyof Container)[] = [
  'cpuUsageMilli',
  'memUsageMiB',
  'speed',
  'throttled',
  'leakedMiB',
  'probe',
  'stateSinceMs',
  'phaseEndsMs',
  'backoffMs',
]

function seen(world: World, watched: Set<string>): unknown {
  const plain = JSON.parse(JSON.stringify(world)) as World
  for (const c of Object.values(plain.containers)) if (!watched.has(c.id)) for (const k of CHURN) delete (c as Partial<Container>)[k]
  return plain
}

describe('the worker world mirror', () => {
  test('a snapshot and then per-batch deltas keep the mirror equal to the world on all a player sees', () => {
    const world = buildScaleWorld(30, 600)
    const tracker = newTracker()
    const mirror = createWorld(99)
    const watched = new Set<string>()
    // As postMessage does: the page gets a structured clone.
    applyDelta(mirror, structuredClone(takeDelta(world, tracker, watched)))
    expect(JSON.parse(JSON.stringify(mirror))).toEqual(JSON.parse(JSON.stringify(world)))
    const script: ((w: World) => void)[] = [
      (w) => step(w, 3000),
      (w) => {
        for (const c of containerList(w).slice(5, 9)) apply(w, { type: 'crashContainer', containerId: c.id })
        step(w, 15_000)
      },
      (w) => apply(w, { type: 'failHost', hostId: Object.keys(w.hosts)[0]! }),
      (w) => step(w, 70_000),
      (w) => apply(w, { type: 'setReplicas', appId: 'app0', replicas: 200 }),
      (w) => step(w, 5000),
      (w) => apply(w, { type: 'repairHost', hostId: Object.keys(w.hosts)[0]! }),
      (w) => step(w, 400_000),
    ]
    let batches = 0
    for (const act of script) {
      act(world)
      const first = containerList(world)[0]
      if (first) watched.add(first.id)
      const delta = structuredClone(takeDelta(world, tracker, watched))
      applyDelta(mirror, delta)
      batches++
      expect(seen(mirror, watched)).toEqual(seen(world, watched))
      // The mirror's room list (what the scene walks) has the same rooms in the same order.
      expect(containerList(mirror).map((c) => c.id)).toEqual(containerList(world).map((c) => c.id))
    }
    expect(batches).toBe(script.length)
  })

  test('a quiet batch sends no rooms at all', () => {
    const world = buildScaleWorld(10, 100)
    step(world, 60_000)
    const tracker = newTracker()
    takeDelta(world, tracker)
    step(world, 100)
    const d = takeDelta(world, tracker)
    expect(d.containers.put.length).toBeLessThan(5)
    expect(d.containers.gone).toEqual([])
  })
})

describe('rooms sent in slices of text (a whole street sent to the page)', () => {
  test('a street with running, crashed and failed rooms unpacks to the very same rooms, in order, each its own object', () => {
    const world = buildScaleWorld(20, 400)
    step(world, 3000)
    for (const c of containerList(world).slice(3, 7)) apply(world, { type: 'crashContainer', containerId: c.id })
    apply(world, { type: 'failHost', hostId: Object.keys(world.hosts)[1]! })
    step(world, 500)
    const rooms = containerList(world)
    const back = unpackRooms(structuredClone(packRooms(rooms)))
    expect(back).toEqual(rooms)
    expect(back.map((c) => c.id)).toEqual(rooms.map((c) => c.id))
    expect(back[0]!.probe).not.toBe(back[1]!.probe)
  })

  test('a mirror filled from slices of rooms, then kept by deltas, still matches the world', () => {
    const world = buildScaleWorld(30, 600)
    const tracker = newTracker()
    const mirror = structuredClone(world)
    takeDelta(world, tracker)
    step(world, 4000)
    const d = takeDelta(world, tracker)
    for (let i = 0; i < d.containers.put.length; i += 100) putRooms(mirror, unpackRooms(packRooms(d.containers.put.slice(i, i + 100))))
    d.containers.put = []
    applyDelta(mirror, structuredClone(d))
    expect(seen(mirror, new Set())).toEqual(seen(world, new Set()))
    apply(world, { type: 'failHost', hostId: Object.keys(world.hosts)[0]! })
    step(world, 70_000)
    applyDelta(mirror, structuredClone(takeDelta(world, tracker)))
    expect(seen(mirror, new Set())).toEqual(seen(world, new Set()))
    expect(containerList(mirror).map((c) => c.id)).toEqual(containerList(world).map((c) => c.id))
  })
})
