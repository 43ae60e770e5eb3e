import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createWorld } from '../../src/sim'
import type { Container, World } from '../../src/sim'
import { parseLevel } from '../../src/levels'
import type { LevelLoad } from '../../src/levels'
import { levelCards, nextLevel } from '../../src/ui/levelList'
import { buildTree } from '../../src/ui/treeModel'

const load = (file: string): LevelLoad => parseLevel(`levels/${file}`, readFileSync(join(__dirname, '../../levels', file), 'utf8'))

describe('campaign cards', () => {
  const loads = [load('01-one-house.json'), load('02-apartments.json'), load('03-manager.json'), parseLevel('levels/99-bad.json', '{')]

  test('the first level is open; each next one opens when the one before it is completed, and says why not', () => {
    const fresh = levelCards(loads, {})
    expect(fresh.map((c) => c.locked)).toEqual([false, true, true, true])
    expect(fresh[1]!.why).toBe('Finish “One house, many apps” to unlock.')
    const after = levelCards(loads, { '01-one-house': { stars: 2, completed: true } })
    expect(after.map((c) => c.locked).slice(0, 3)).toEqual([false, false, true])
    expect(after[0]!.stars).toBe(2)
  })

  test('a broken file stays a card of its own and the next level skips it', () => {
    expect(levelCards(loads, {})[3]!.load.ok).toBe(false)
    expect(nextLevel(loads, '01-one-house')?.id).toBe('02-apartments')
    expect(nextLevel(loads, '03-manager')).toBeNull()
  })
})

describe('the street list', () => {
  function street(hosts: number, roomsEach: number): World {
    const w = createWorld(1)
    for (let h = 1; h <= hosts; h++) {
      w.hosts[`h${h}`] = { id: `h${h}`, name: String(h), power: 'on' } as World['hosts'][string]
      for (let r = 0; r < roomsEach; r++) {
        const id = `c${h}-${r}`
        w.containers[id] = { id, name: id, appId: 'a', state: 'running', placement: { kind: 'host', hostId: `h${h}` } } as Container
      }
    }
    w.containers['p'] = { id: 'p', name: 'p', appId: 'a', state: 'pending', placement: null } as Container
    return w
  }

  test('a huge street is capped: a few rows per house, a total limit, and "+N more" counts', () => {
    const t = buildTree(street(10, 50), { hosts: 4, perParent: 5, rooms: 12 })
    expect(t.hosts).toHaveLength(4)
    expect(t.moreHosts).toBe(6)
    const shown = t.hosts.reduce((n, h) => n + h.rooms.length, 0)
    expect(shown).toBe(12)
    expect(t.hosts[0]!.rooms).toHaveLength(5)
    expect(t.hosts[0]!.more).toBe(45)
    expect(t.totalRooms).toBe(501)
    expect(t.pending.rooms.length + t.pending.more).toBe(1)
  })
})
