/**
 * The page's index of rooms by house and apartment for a world mirrored from the simulation worker: it must say what a
 * walk over every room says, after the street arrives, after a zone burns and its rooms come back elsewhere, and after
 * rooms are closed; and the street list read from it counts every room.
 */
import { describe, expect, test } from 'vitest'
import { apply, createWorld } from '../../src/sim'
import type { World } from '../../src/sim'
import { nodeKeyOf, roomsByNode } from '../../src/state/roomIndex'
import { until, wired } from './wiredBridge'
import { buildTree } from '../../src/ui/treeModel'

/** The index against a walk over the mirror's rooms: the same rooms (the mirror's own objects) on the same nodes. */
function expectIndexTrue(world: World): void {
  const index = roomsByNode(world)!
  expect(index).not.toBeNull()
  const walk = new Map<string, Set<string>>()
  for (const c of Object.values(world.containers)) {
    const k = nodeKeyOf(c)
    if (!walk.has(k)) walk.set(k, new Set())
    walk.get(k)!.add(c.id)
  }
  expect(index.at.size).toBe(Object.keys(world.containers).length)
  for (const [k, ids] of walk) expect(new Set(index.nodes.get(k)?.keys())).toEqual(ids)
  for (const [k, rooms] of index.nodes) {
    expect(rooms.size).toBe(walk.get(k)?.size ?? 0)
    for (const [id, c] of rooms) expect(c).toBe(world.containers[id])
  }
}

describe("the page's rooms by house, for a street in the worker", () => {
  test('follows the street as it arrives, a zone burns and its rooms come back elsewhere, and rooms close', async () => {
    const kinds: string[] = []
    const bridge = wired((_, kind) => kinds.push(kind))
    bridge.startStreet('S', createWorld(1))
    await until(() => kinds.includes('settled'))
    const world = bridge.mirror!
    expectIndexTrue(world)
    expect(roomsByNode(world)!.at.size).toBe(100)

    const zoneA = Object.values(world.hosts).filter((h) => h.zone === 'a')
    expect(zoneA.length).toBeGreaterThan(0)
    expect((await bridge.command({ type: 'failZone', zone: 'a' })).ok).toBe(true)
    const onA = () => zoneA.reduce((n, h) => n + (roomsByNode(world)!.nodes.get('h' + h.id)?.size ?? 0), 0)
    expect(onA()).toBeGreaterThan(0)
    // Play until no room is left on zone a's houses (evicted after the node lifecycle's 300 s, placed on the others).
    const start = world.timeMs
    for (let i = 0; i < 200 && onA() > 0 && world.timeMs < start + 600_000; i++) {
      bridge.advance(1000, 8)
      const t = world.timeMs
      await until(() => world.timeMs > t)
    }
    expect(onA()).toBe(0)
    expectIndexTrue(world)

    expect((await bridge.command({ type: 'setReplicas', appId: 'app0', replicas: 1 })).ok).toBe(true)
    for (let i = 0; i < 10; i++) {
      bridge.advance(1000, 8)
      const t = world.timeMs
      await until(() => world.timeMs > t)
    }
    expectIndexTrue(world)

    // The street list read from the index: every room counted, each house's rows its own rooms.
    const tree = buildTree(world, { hosts: 4, perParent: 3, rooms: 10 }, roomsByNode(world))
    expect(tree.totalRooms).toBe(Object.keys(world.containers).length)
    expect(tree.hosts.reduce((n, h) => n + h.rooms.length, 0) + tree.pending.rooms.length).toBeLessThanOrEqual(10)
    for (const h of tree.hosts) {
      const on = Object.values(world.containers).filter((c) => c.placement?.kind === 'host' && c.placement.hostId === h.host.id)
      expect(h.rooms.length + h.more).toBe(on.length)
      for (const c of h.rooms) expect(on).toContain(c)
    }
    bridge.stop()
  }, 60_000)

  test('a world stepped on the page has no index (nobody tells it what changed)', () => {
    const w = createWorld(3)
    apply(w, { type: 'addHost', zone: 'a', cores: 4, memMiB: 8192, costPerHour: 1 })
    expect(roomsByNode(w)).toBeNull()
  })
})
