/** A zone outage: failZone burns every standing house of one zone at once; the rooms come back elsewhere. */
import { describe, expect, test } from 'vitest'
import { apply, buildScaleWorld, renderMessage, settle, step } from '../../src/sim'
import { containerList } from '../../src/sim/containerIndex'

describe('a zone outage', () => {
  test('failZone burns only that zone; its rooms are evicted and run again in the other zone', () => {
    const world = settle(buildScaleWorld(12, 240, 1, 2))
    apply(world, { type: 'setDelayScale', scale: 0.01 })
    const zoneA = Object.values(world.hosts).filter((h) => h.zone === 'a')
    const onA = containerList(world).filter((c) => c.placement?.kind === 'host' && world.hosts[c.placement.hostId]!.zone === 'a').length
    expect(onA).toBeGreaterThan(0)
    const r = apply(world, { type: 'failZone', zone: 'a' })
    expect(r.ok).toBe(true)
    expect(zoneA.every((h) => h.power === 'failed')).toBe(true)
    expect(
      Object.values(world.hosts)
        .filter((h) => h.zone === 'b')
        .every((h) => h.power === 'on'),
    ).toBe(true)
    expect(containerList(world).filter((c) => c.state === 'lost')).toHaveLength(onA)
    expect(renderMessage(world.events.at(-1)!, 'technical')).toContain(`Zone a outage: ${zoneA.length} hosts failed`)
    expect(apply(world, { type: 'failZone', zone: 'a' }).ok).toBe(false)
    // Evicted at the zone's rate (classroom time), recreated by their ReplicaSets, placed in zone b.
    for (let i = 0; i < 400 && containerList(world).some((c) => c.state !== 'running'); i++) step(world, 1000)
    const rooms = containerList(world)
    expect(rooms).toHaveLength(240)
    expect(rooms.every((c) => c.state === 'running' && c.placement?.kind === 'host' && world.hosts[c.placement.hostId]!.zone === 'b')).toBe(
      true,
    )
    // The derived room list still matches the record, in order, after all the evictions.
    expect(rooms.map((c) => c.id)).toEqual(Object.keys(world.containers))
  })
})
