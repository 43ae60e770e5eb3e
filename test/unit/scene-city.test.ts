import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { apply, step, STEP_MS } from '../../src/sim'
import { buildScaleWorld, settle } from '../../src/sim/scale'
import { cityLayout, cityPlanKey } from '../../src/scene/CityView'
import { DETAIL_MAX_HOUSES, detailLayout, nearHouses } from '../../src/scene/cityDetail'
import { houseLooks, houseMark, MARKS, requestedShare, streetNote, zoneNote, zoneSummaries } from '../../src/scene/cityZones'
import { zoneLabels } from '../../src/scene/CityLabels'

describe('the city zoomed in', () => {
  const world = settle(buildScaleWorld(240, 3000, 7))
  const city = cityLayout(world)

  test('only the nearest visible houses within range are drawn in detail, nearest first and never more than the cap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 700, noNaN: true }),
        fc.double({ min: 2, max: 300, noNaN: true }),
        fc.double({ min: -50, max: 500, noNaN: true }),
        fc.integer({ min: 20, max: 400 }),
        (x, y, z, range) => {
          const cam = { x, y, z }
          const visible = (i: number) => i % 3 !== 0
          const near = nearHouses(city.houses, cam, visible, range)
          const dist = (i: number) => Math.hypot(city.houses.x[i]! - x, city.houses.h[i]! / 2 - y, city.houses.z[i]! - z)
          expect(near.length).toBeLessThanOrEqual(DETAIL_MAX_HOUSES)
          for (const i of near) {
            expect(visible(i)).toBe(true)
            expect(dist(i)).toBeLessThanOrEqual(range + 1e-6)
          }
          for (let k = 1; k < near.length; k++) expect(dist(near[k]!)).toBeGreaterThanOrEqual(dist(near[k - 1]!) - 1e-6)
          // Nothing nearer was left out: a visible house in range not picked is at least as far as the last picked.
          if (near.length === DETAIL_MAX_HOUSES) {
            const last = dist(near[near.length - 1]!)
            for (let i = 0; i < city.houses.n; i++)
              if (visible(i) && !near.includes(i) && dist(i) <= range) expect(dist(i)).toBeGreaterThanOrEqual(last - 1e-6)
          } else {
            for (let i = 0; i < city.houses.n; i++) if (visible(i) && dist(i) <= range) expect(near).toContain(i)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  test('a near house shows every room placed on it, inside its walls where its city block stood', () => {
    const near = [0, 5, 17, 100]
    const d = detailLayout(world, city, near)
    expect(d.houses.ids).toEqual(near.map((i) => city.houses.ids[i]))
    for (let k = 0; k < near.length; k++) {
      expect(d.houses.x[k]).toBe(city.houses.x[near[k]!])
      expect(d.houses.z[k]).toBe(city.houses.z[near[k]!])
    }
    const want = Object.values(world.containers).filter(
      (c) => c.placement?.kind === 'host' && d.houses.ids.includes(c.placement.hostId),
    ).length
    expect(want).toBeGreaterThan(0)
    expect(d.rooms.n).toBe(want)
    for (let c = 0; c < d.rooms.n; c++) {
      const i = d.rooms.house[c]!
      expect(i).toBeGreaterThanOrEqual(0)
      expect(d.rooms.containers[c]!.placement).toMatchObject({ hostId: d.houses.ids[i] })
      expect(Math.abs(d.rooms.x[c]! - d.houses.x[i]!)).toBeLessThanOrEqual(d.houses.w[i]! / 2)
      expect(Math.abs(d.rooms.z[c]! - d.houses.z[i]!)).toBeLessThanOrEqual(d.houses.d[i]! / 2)
    }
    // The same cells a small street draws for that house: each room's floor area follows its request.
    expect(detailLayout(world, city, []).rooms.n).toBe(0)
  })

  test('an apartment on a near house is drawn on it', () => {
    const w = buildScaleWorld(200, 400, 3)
    const hostId = Object.keys(w.hosts)[4]!
    apply(w, { type: 'addVm', hostId, name: 'vm-a', os: 'linux', vcpus: 4, memMiB: 8192 })
    for (let i = 0; i < 300; i++) step(w, 100)
    const c = cityLayout(w)
    const d = detailLayout(w, c, [4])
    expect(d.vms.n).toBe(1)
    expect(d.vms.house[0]).toBe(0)
    expect(d.vms.ids[0]).toBe(Object.values(w.vms)[0]!.id)
  })
})

describe('zones at a glance', () => {
  test('each zone counts its houses that are down, cordoned or nearly full, and says so in words', () => {
    const w = settle(buildScaleWorld(210, 600, 2))
    const hosts = Object.values(w.hosts)
    apply(w, { type: 'failZone', zone: 'a' })
    const b = hosts.find((h) => h.zone === 'b')!
    apply(w, { type: 'cordon', hostId: b.id, unschedulable: true })
    const c = hosts.find((h) => h.zone === 'c')!
    c.alloc.cpuMilli = c.cores * 1000
    expect(houseMark(c)).toBe('pressure')
    const zones = zoneSummaries(w, cityLayout(w))
    const by = Object.fromEntries(zones.map((z) => [z.name, z]))
    expect(by.a).toMatchObject({ houses: 70, down: 70, cordoned: 0 })
    expect(by.b).toMatchObject({ houses: 70, down: 0, cordoned: 1 })
    expect(by.c!.pressure).toBeGreaterThanOrEqual(1)
    expect(zoneNote(by.a!, 'metaphor')).toBe('▲ 70 down')
    expect(zoneNote(by.b!, 'technical')).toBe('✚ 1 cordoned')
    // ?lang=es: the same notes and the zones' plates in Spanish, no English word left.
    expect(zoneNote(by.a!, 'metaphor', 'es')).toBe('▲ 70 caídas')
    expect(zoneNote(by.b!, 'technical', 'es')).toBe('✚ 1 acordonadas')
    const plates = zoneLabels(zones, cityLayout(w), 'metaphor', undefined, 'es')
    expect(plates.map((l) => l.text)).toContain('lado de la calle a')
    expect(plates.find((l) => l.text.endsWith(' a'))!.note).toBe('70 casas: ▲ 70 caídas')
    for (const l of [...plates, ...zoneLabels(zones, cityLayout(w), 'technical', undefined, 'es')])
      expect(`${l.text} ${l.note}`).not.toMatch(/street|zone |houses|nodes|down|cordoned|nearly|pressure|standing|all Ready/)
    expect(zones.reduce((n, z) => n + z.houses, 0)).toBe(210)
  })
})

describe('the city redrawn only where it changed', () => {
  test("each house's look (share and mark) and the zone counts match houseMark and zoneSummaries, and stay one object while unchanged", () => {
    const w = settle(buildScaleWorld(210, 600, 3))
    const layout = cityLayout(w)
    const check = (version: number) => {
      const looks = houseLooks(w, layout, version)
      for (let i = 0; i < layout.houses.n; i++) {
        const h = w.hosts[layout.houses.ids[i]!]!
        const mark = houseMark(h)
        expect(MARKS[looks.mark[i]!]).toBe(mark)
        expect(looks.share[i]).toBe(mark === 'down' ? 0 : requestedShare(h))
      }
      expect(looks.zones).toEqual(zoneSummaries(w, layout))
      return looks
    }
    const first = check(1)
    // A new version where no house looks different: the very same object, so nothing is re-written.
    expect(check(2)).toBe(first)
    apply(w, { type: 'failZone', zone: 'a' })
    const burnt = check(3)
    expect(burnt).not.toBe(first)
    expect(burnt.zones.find((z) => z.name === 'a')!.down).toBe(70)
    const b = Object.values(w.hosts).find((h) => h.zone === 'b')!
    apply(w, { type: 'cordon', hostId: b.id, unschedulable: true })
    expect(check(4)).not.toBe(burnt)
  })

  test("the city's plan key follows the houses (which, their zones and sizes), not what happens inside them", () => {
    const w = settle(buildScaleWorld(210, 600, 4))
    const key = cityPlanKey(w)
    for (let i = 0; i < 20; i++) step(w, STEP_MS)
    apply(w, { type: 'failZone', zone: 'b' })
    step(w, STEP_MS)
    expect(cityPlanKey(w)).toBe(key)
    expect(apply(w, { type: 'addHost', zone: 'c', cores: 16, memMiB: 65536, costPerHour: 1 }).ok).toBe(true)
    expect(cityPlanKey(w)).not.toBe(key)
  })
})

describe('the overview map names the whole street in words', () => {
  const zone = (houses: number, down = 0, cordoned = 0) => ({ name: 'a', x: 0, w: 1, houses, down, cordoned, pressure: 0 })
  test('counts one house in the singular, and many with thousands separated', () => {
    expect(streetNote(1, [zone(1)], 'metaphor')).toBe('1 house, standing')
    expect(streetNote(1, [zone(1)], 'technical')).toBe('1 node, Ready')
    expect(streetNote(1, [zone(1)], 'metaphor', 'es')).toBe('1 casa, en pie')
    expect(streetNote(500, [zone(250), zone(250)], 'metaphor')).toBe('500 houses, all standing')
    expect(streetNote(500, [zone(250), zone(250)], 'technical')).toBe('500 nodes, all Ready')
  })
  test('adds up what needs a look over every zone', () => {
    const troubled = [zone(1667, 1667), zone(1667, 0, 2), zone(1666)]
    expect(streetNote(5000, troubled, 'metaphor')).toBe('5,000 houses: ▲ 1,667 down · ✚ 2 cordoned')
    expect(streetNote(15000, [zone(10000, 10000), zone(5000)], 'technical', 'es')).toBe('15.000 nodos: ▲ 10.000 NotReady')
  })
})
