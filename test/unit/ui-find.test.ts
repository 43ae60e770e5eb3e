import { describe, expect, test } from 'vitest'
import { buildScaleWorld, settle } from '../../src/sim/scale'
import { findInWorld, houseOf } from '../../src/ui/findModel'

describe('find', () => {
  const world = settle(buildScaleWorld(20, 200, 5))

  test('a house is found by its name, with or without the word "house", before anything else that matches', () => {
    const h = Object.values(world.hosts).find((x) => x.name === '12')!
    expect(findInWorld(world, '12')[0]).toMatchObject({ kind: 'host', id: h.id })
    expect(findInWorld(world, 'house 12')[0]).toMatchObject({ kind: 'host', id: h.id })
    expect(findInWorld(world, 'Server 12', 'technical')[0]).toMatchObject({ kind: 'host', id: h.id, where: 'zone ' + h.zone })
  })

  test('every result contains what was typed, exact names first; a business counts its rooms', () => {
    const r = findInWorld(world, 'app0')
    expect(r.length).toBeGreaterThan(0)
    expect(r[0]).toMatchObject({ kind: 'app', id: 'app0', where: '200 rooms' })
    for (const f of r) expect(f.name.toLowerCase()).toContain('app0')
    expect(findInWorld(world, 'no such thing')).toEqual([])
    expect(findInWorld(world, '   ')).toEqual([])
    expect(findInWorld(world, 'app', 'metaphor', 7)).toHaveLength(7)
  })

  test('a room leads to its house, a business to a house with one of its running rooms', () => {
    const room = Object.values(world.containers)[17]!
    const found = findInWorld(world, room.name).find((f) => f.id === room.id)!
    expect(found.kind).toBe('container')
    expect(houseOf(world, found)).toBe(room.placement?.kind === 'host' ? room.placement.hostId : null)
    const house = houseOf(world, { kind: 'app', id: 'app0' })!
    expect(
      Object.values(world.containers).some((c) => c.appId === 'app0' && c.placement?.kind === 'host' && c.placement.hostId === house),
    ).toBe(true)
    expect(houseOf(world, { kind: 'host', id: 'nope' })).toBeNull()
  })
})
