import { describe, expect, test } from 'vitest'
import { apply, createWorld, step } from '../../src/sim'
import type { World } from '../../src/sim'
import { layoutWorld } from '../../src/scene/layout'
import type { Boxes, SceneLayout } from '../../src/scene/layout'
import { buildWriters } from '../../src/scene/Buildings'
import { APP_COLOURS, ROOM_BACKOFF, ROOM_CRASHED } from '../../src/scene/palette'
import { must, smallStreet, stepUntil } from './helpers'

const EPS = 1e-3

function footprint(b: Boxes, i: number) {
  return { x0: b.x[i]! - b.w[i]! / 2, x1: b.x[i]! + b.w[i]! / 2, z0: b.z[i]! - b.d[i]! / 2, z1: b.z[i]! + b.d[i]! / 2 }
}

function inside(inner: ReturnType<typeof footprint>, outer: ReturnType<typeof footprint>): boolean {
  return inner.x0 >= outer.x0 - EPS && inner.x1 <= outer.x1 + EPS && inner.z0 >= outer.z0 - EPS && inner.z1 <= outer.z1 + EPS
}

function overlap(a: ReturnType<typeof footprint>, b: ReturnType<typeof footprint>): boolean {
  return a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS && a.z0 < b.z1 - EPS && b.z0 < a.z1 - EPS
}

/** Whether two boxes share space (apartments are floors stacked in their house: same ground, different heights). */
function overlap3(a: Boxes, i: number, b: Boxes, j: number): boolean {
  return overlap(footprint(a, i), footprint(b, j)) && a.y[i]! < b.y[j]! + b.h[j]! - EPS && b.y[j]! < a.y[i]! + a.h[i]! - EPS
}

/** Three zones of houses, two apartments, rooms on bare metal and in the apartments, all running. */
function busyStreet(): World {
  const w = createWorld(3)
  for (let i = 0; i < 9; i++)
    must(w, {
      type: 'addHost',
      name: String(i + 1),
      zone: 'abc'[i % 3]!,
      cores: 8 + 8 * (i % 3),
      memMiB: 16384 * (1 + (i % 3)),
      costPerHour: 1,
    })
  must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 100 })
  const vmA = must(w, { type: 'addVm', hostId: Object.keys(w.hosts)[0]!, os: 'linux', vcpus: 4, memMiB: 8192 })!
  const vmB = must(w, { type: 'addVm', hostId: Object.keys(w.hosts)[0]!, os: 'linux', vcpus: 2, memMiB: 2048 })!
  must(w, { type: 'addApp', id: 'web', name: 'web', imageId: 'web', cpuRequestMilli: 100, memRequestMiB: 128, rps: 10, capacityRps: 20 })
  stepUntil(w, (x) => x.vms[vmA]!.state === 'running' && x.vms[vmB]!.state === 'running')
  for (let i = 0; i < 6; i++) must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmA } })
  for (let i = 0; i < 3; i++) must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmB } })
  for (const h of Object.keys(w.hosts).slice(0, 4))
    for (let i = 0; i < 5; i++) must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: h } })
  stepUntil(w, (x) => Object.values(x.containers).every((c) => c.state === 'running'))
  return w
}

describe('the street layout', () => {
  test('no two houses stand on the same ground, and none stands in the street', () => {
    const l = layoutWorld(busyStreet())
    for (let i = 0; i < l.houses.n; i++) {
      for (let j = i + 1; j < l.houses.n; j++) expect(overlap(footprint(l.houses, i), footprint(l.houses, j))).toBe(false)
      for (const s of l.streets)
        expect(overlap(footprint(l.houses, i), { x0: s.x - s.w / 2, x1: s.x + s.w / 2, z0: s.z - s.d / 2, z1: s.z + s.d / 2 })).toBe(false)
    }
  })

  test('every room stands inside its own house, and a room of an apartment inside that apartment, on top of it', () => {
    const w = busyStreet()
    const l = layoutWorld(w)
    let inVm = 0
    for (let c = 0; c < l.rooms.n; c++) {
      const ct = l.rooms.containers[c]!
      const h = l.rooms.house[c]!
      expect(h).toBeGreaterThanOrEqual(0)
      const hostId = ct.placement!.kind === 'host' ? ct.placement!.hostId : w.vms[ct.placement!.vmId]!.hostId
      expect(l.houses.ids[h]).toBe(hostId)
      expect(inside(footprint(l.rooms, c), footprint(l.houses, h))).toBe(true)
      const v = l.rooms.vm[c]!
      if (ct.placement!.kind === 'vm') {
        inVm++
        expect(l.vms.ids[v]).toBe(ct.placement!.vmId)
        expect(inside(footprint(l.rooms, c), footprint(l.vms, v))).toBe(true)
        expect(l.rooms.y[c]).toBeCloseTo(l.vms.y[v]! + l.vms.h[v]!, 5)
      } else expect(v).toBe(-1)
    }
    expect(inVm).toBe(9)
  })

  test('apartments stand inside their house without sharing space with each other or its ground-floor rooms', () => {
    const l = layoutWorld(busyStreet())
    expect(l.vms.n).toBe(2)
    for (let v = 0; v < l.vms.n; v++) expect(inside(footprint(l.vms, v), footprint(l.houses, l.vms.house[v]!))).toBe(true)
    expect(overlap3(l.vms, 0, l.vms, 1)).toBe(false)
    for (let c = 0; c < l.rooms.n; c++) {
      if (l.rooms.vm[c] !== -1 || l.rooms.house[c] !== l.vms.house[0]) continue
      for (let v = 0; v < l.vms.n; v++) expect(overlap(footprint(l.rooms, c), footprint(l.vms, v))).toBe(false)
    }
  })

  test("apartments are stacked floors: each above the last one's rooms, the hypervisor's frame under each, the house as tall as its top floor", () => {
    const l = layoutWorld(busyStreet())
    const [a, b] = [0, 1]
    expect(l.vms.house[a]).toBe(l.vms.house[b])
    const lower = l.vms.y[a]! < l.vms.y[b]! ? a : b
    const upper = lower === a ? b : a
    expect(overlap(footprint(l.vms, a), footprint(l.vms, b))).toBe(true)
    // The upper floor stands above the tallest room of the floor below.
    let tallest = l.vms.y[lower]! + l.vms.h[lower]!
    for (let c = 0; c < l.rooms.n; c++) if (l.rooms.vm[c] === lower) tallest = Math.max(tallest, l.rooms.y[c]! + l.rooms.h[c]!)
    expect(l.vms.y[upper]!).toBeGreaterThan(tallest)
    // A frame of the hypervisor lies under each floor, on the same ground.
    for (const v of [a, b]) {
      const under = [...Array(l.frames.n).keys()].filter(
        (k) => Math.abs(l.frames.y[k]! + l.frames.h[k]! - l.vms.y[v]!) < EPS && inside(footprint(l.vms, v), footprint(l.frames, k)),
      )
      expect(under.length).toBe(1)
    }
    const house = l.vms.house[upper]!
    expect(l.houses.h[house]!).toBeGreaterThan(l.vms.y[upper]! + l.vms.h[upper]! - l.houses.y[house]!)
  })

  test('a live-migrating apartment lands on the floor it has in its new house after the switch-over, reserved there while it copies', () => {
    const w = createWorld(4)
    for (let i = 0; i < 2; i++) must(w, { type: 'addHost', name: String(i + 1), zone: 'a', cores: 16, memMiB: 65536, costPerHour: 1 })
    const [h1, h2] = Object.keys(w.hosts) as [string, string]
    const mover = must(w, { type: 'addVm', hostId: h1, os: 'linux', vcpus: 4, memMiB: 8192 })!
    const stays = must(w, { type: 'addVm', hostId: h2, os: 'windows', vcpus: 2, memMiB: 6144 })!
    stepUntil(w, (x) => x.vms[mover]!.state === 'running' && x.vms[stays]!.state === 'running')
    must(w, { type: 'migrateVm', vmId: mover, toHostId: h2 })
    step(w, 100)
    const during = layoutWorld(w)
    const goal = during.landings.get(mover)!
    expect(goal).toBeDefined()
    const t = during.houses.ids.indexOf(h2)
    expect(
      inside(
        { x0: goal.x - goal.w / 2, x1: goal.x + goal.w / 2, z0: goal.z - goal.d / 2, z1: goal.z + goal.d / 2 },
        footprint(during.houses, t),
      ),
    ).toBe(true)
    // Under the target's roof, not on it; its frame is reserved (the apartment that stays keeps clear of it).
    expect(goal.y + goal.h).toBeLessThan(during.houses.y[t]! + during.houses.h[t]!)
    const s = during.vms.ids.indexOf(stays)
    expect(goal.y + goal.h <= during.vms.y[s]! || during.vms.y[s]! + during.vms.h[s]! <= goal.y).toBe(true)
    expect([...Array(during.frames.n).keys()].some((k) => Math.abs(during.frames.y[k]! + during.frames.h[k]! - goal.y) < EPS)).toBe(true)
    stepUntil(w, (x) => x.vms[mover]!.hostId === h2)
    const after = layoutWorld(w)
    const v = after.vms.ids.indexOf(mover)
    for (const k of ['x', 'y', 'z', 'w', 'd'] as const) expect(after.vms[k][v]!).toBeCloseTo(goal[k], 4)
    expect(after.landings.size).toBe(0)
  })

  test('an apartment in a big house is still big enough to see its rooms', () => {
    const w = createWorld(2)
    const big = must(w, { type: 'addHost', name: 'b', cores: 64, memMiB: 262144, costPerHour: 1 })!
    const tiny = must(w, { type: 'addVm', hostId: big, os: 'linux', vcpus: 1, memMiB: 1024 })!
    const l = layoutWorld(w)
    const v = l.vms.ids.indexOf(tiny)
    const h = l.houses.ids.indexOf(big)
    // 1 GiB of 256 is 0.4 % of the house; its floor is more than a seventh of the house's.
    expect((l.vms.w[v]! * l.vms.d[v]!) / (l.houses.w[h]! * l.houses.d[h]!)).toBeGreaterThan(0.15)
  })

  test('each house has a storeroom inside it, clear of every room and apartment floor', () => {
    const l = layoutWorld(busyStreet())
    for (let i = 0; i < l.houses.n; i++) {
      const s = l.stores[i]!
      const f = { x0: s.x0, x1: s.x0 + s.w, z0: s.z0, z1: s.z0 + s.d }
      expect(inside(f, footprint(l.houses, i))).toBe(true)
      for (let c = 0; c < l.rooms.n; c++) if (l.rooms.house[c] === i) expect(overlap(f, footprint(l.rooms, c))).toBe(false)
      for (let v = 0; v < l.vms.n; v++) if (l.vms.house[v] === i) expect(overlap(f, footprint(l.vms, v))).toBe(false)
    }
  })

  test('rooms in the same house do not share space (on one floor, none overlaps another)', () => {
    const l = layoutWorld(busyStreet())
    for (let a = 0; a < l.rooms.n; a++)
      for (let b = a + 1; b < l.rooms.n; b++) {
        if (l.rooms.house[a] !== l.rooms.house[b]) continue
        expect(overlap3(l.rooms, a, l.rooms, b)).toBe(false)
        if (l.rooms.vm[a] === l.rooms.vm[b]) expect(overlap(footprint(l.rooms, a), footprint(l.rooms, b))).toBe(false)
      }
  })

  test('a bigger server is a bigger house, and a bigger VM a bigger apartment', () => {
    const w = createWorld(1)
    const small = must(w, { type: 'addHost', name: 's', cores: 8, memMiB: 16384, costPerHour: 1 })!
    const big = must(w, { type: 'addHost', name: 'b', cores: 32, memMiB: 131072, costPerHour: 1 })!
    const vmSmall = must(w, { type: 'addVm', hostId: big, os: 'linux', vcpus: 2, memMiB: 4096 })!
    const vmBig = must(w, { type: 'addVm', hostId: big, os: 'linux', vcpus: 8, memMiB: 32768 })!
    const l = layoutWorld(w)
    const area = (b: Boxes, id: string) => {
      const i = b.ids.indexOf(id)
      return b.w[i]! * b.d[i]!
    }
    expect(area(l.houses, big)).toBeGreaterThan(area(l.houses, small) * 1.5)
    expect(area(l.vms, vmBig)).toBeGreaterThan(area(l.vms, vmSmall) * 2)
    expect(l.vms.h[l.vms.ids.indexOf(vmBig)]!).toBeGreaterThan(l.vms.h[l.vms.ids.indexOf(vmSmall)]!)
  })

  test('rooms waiting for a spot stand in the yard by the manager, not in any house', () => {
    const w = smallStreet(1, 2)
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 60 })
    for (let i = 0; i < 20; i++) step(w, 100) // two houses hold about 30; the rest wait
    const l = layoutWorld(w)
    let waiting = 0
    for (let c = 0; c < l.rooms.n; c++) {
      if (l.rooms.containers[c]!.placement) continue
      waiting++
      expect(l.rooms.house[c]).toBe(-1)
      for (let h = 0; h < l.houses.n; h++) expect(overlap(footprint(l.rooms, c), footprint(l.houses, h))).toBe(false)
      const y = {
        x0: l.waiting.x - l.waiting.w / 2,
        x1: l.waiting.x + l.waiting.w / 2,
        z0: l.waiting.z - l.waiting.d / 2,
        z1: l.waiting.z + l.waiting.d / 2,
      }
      expect(inside(footprint(l.rooms, c), y)).toBe(true)
    }
    expect(waiting).toBeGreaterThan(10)
  })

  test('the same world always lays out the same way, and a room keeps its spot while its neighbours change state', () => {
    const a = layoutWorld(busyStreet())
    const b = layoutWorld(busyStreet())
    const pick = (l: SceneLayout) => [
      Array.from(l.houses.x),
      Array.from(l.houses.z),
      Array.from(l.vms.x),
      Array.from(l.rooms.x),
      Array.from(l.rooms.z),
    ]
    expect(pick(a)).toEqual(pick(b))
    const w = busyStreet()
    const before = layoutWorld(w)
    must(w, { type: 'crashContainer', containerId: Object.keys(w.containers)[2]! })
    const after = layoutWorld(w)
    expect(Array.from(after.rooms.x)).toEqual(Array.from(before.rooms.x))
  })

  test('houses are grouped by zone: each zone is one district, side by side', () => {
    const l = layoutWorld(busyStreet())
    for (const z of l.zones) {
      for (let i = 0; i < l.houses.n; i++) {
        const f = footprint(l.houses, i)
        const within = f.x0 >= z.x - EPS && f.x1 <= z.x + z.w + EPS
        expect(within).toBe(l.houses.hosts[i]!.zone === z.name)
      }
    }
  })

  test('a street of 5,000 houses is a roughly square neighbourhood, with every house on the ground', () => {
    const w = createWorld(1)
    for (let i = 0; i < 5000; i++)
      apply(w, { type: 'addHost', name: String(i), zone: 'abc'[i % 3]!, cores: 32, memMiB: 131072, costPerHour: 1 })
    const l = layoutWorld(w)
    const wide = l.bounds.maxX - l.bounds.minX
    const deep = l.bounds.maxZ - l.bounds.minZ
    expect(wide / deep).toBeGreaterThan(0.5)
    expect(wide / deep).toBeLessThan(2)
    for (let i = 0; i < l.houses.n; i += 97)
      for (let j = i + 1; j < l.houses.n; j += 101) expect(overlap(footprint(l.houses, i), footprint(l.houses, j))).toBe(false)
  })
})

describe('how states are drawn', () => {
  const luma = (hex: string) => {
    const n = parseInt(hex.slice(1), 16)
    return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255
  }

  test('a collapsed room is much darker than any open room, so it reads in grey scale too', () => {
    for (const c of APP_COLOURS) {
      expect(luma(c) - luma(ROOM_CRASHED)).toBeGreaterThan(0.2)
      expect(luma(c) - luma(ROOM_BACKOFF)).toBeGreaterThan(0.1)
    }
  })

  test('each open room has a lit window; each collapsed room and burnt house an X; rooms of a dead house stand dark; waiting rooms are ghosts', () => {
    const w = busyStreet()
    const ids = Object.keys(w.containers)
    must(w, { type: 'crashContainer', containerId: ids[0]! })
    must(w, { type: 'crashContainer', containerId: ids[1]! })
    must(w, { type: 'failHost', hostId: Object.keys(w.hosts)[5]! })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3000 }) // more than the street holds
    stepUntil(w, (x) => Object.values(x.containers).some((c) => c.state === 'pending' && !c.placement), 30_000)
    // The manager restarts a first crash at once (kubelet back-off): crash two of its rooms twice to see them wait.
    const twice = Object.values(w.containers)
      .filter((c) => c.state === 'running')
      .slice(0, 2)
      .map((c) => c.id)
    for (const id of twice) must(w, { type: 'crashContainer', containerId: id })
    stepUntil(w, (x) => twice.every((id) => x.containers[id]!.state === 'running'), 30_000)
    for (const id of twice) must(w, { type: 'crashContainer', containerId: id })
    step(w, 100)
    const l = layoutWorld(w)
    const count = (s: string) => l.rooms.containers.filter((c) => c.state === s).length
    const wr = buildWriters(l)
    const standing = l.houses.hosts.filter((h) => h.power === 'on').length
    const runningVms = l.vms.vms.filter((v) => v.state === 'running').length
    expect(count('crashed') + count('backoff')).toBeGreaterThanOrEqual(2)
    expect(count('pending')).toBeGreaterThan(0)
    expect(wr.windows.count).toBe(count('running') + runningVms + standing)
    expect(wr.marks.count).toBe(count('crashed') + l.vms.vms.filter((v) => v.state === 'crashed').length + 1)
    expect(wr.roomGhost.count).toBe(count('pending') + count('terminated'))
    expect(wr.roomSolid.count + wr.roomScaffold.count + wr.roomGhost.count).toBe(l.rooms.n)
    // The writer puts each instance's entity id where a click will find it.
    const m = new Float32Array(wr.marks.count * 16)
    const cs = new Float32Array(wr.marks.count * 3)
    const picked: string[] = []
    wr.marks.write(m, cs, picked)
    expect(picked).toContain(Object.keys(w.hosts)[5])
  })
})

describe('a dead house', () => {
  test('its rooms stand dark together (lights out, solid, not ghosts): the blast radius is seen', () => {
    const w = busyStreet()
    const host = Object.keys(w.hosts)[1]!
    const inside = Object.values(w.containers).filter((c) => c.placement?.kind === 'host' && c.placement.hostId === host).length
    expect(inside).toBeGreaterThan(0)
    must(w, { type: 'failHost', hostId: host })
    step(w, 100)
    const l = layoutWorld(w)
    const lost = l.rooms.containers.filter((c) => c.state === 'lost')
    expect(lost.length).toBe(inside)
    const wr = buildWriters(l)
    const count = (s: string) => l.rooms.containers.filter((c) => c.state === s).length
    expect(wr.roomSolid.count).toBe(count('running') + count('crashed') + count('backoff') + count('lost'))
    expect(wr.windows.count).toBe(
      count('running') + l.vms.vms.filter((v) => v.state === 'running').length + l.houses.hosts.filter((h) => h.power === 'on').length,
    )
  })
})

describe('rooms sized by their requests', () => {
  test("a room's floor area is its share of the house: twice the request, twice the floor, and the rest stays free", () => {
    const w = createWorld(5)
    must(w, { type: 'addHost', name: '1', cores: 8, memMiB: 16384, costPerHour: 1 })
    must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 100 })
    must(w, {
      type: 'addApp',
      id: 'small',
      name: 'small',
      imageId: 'web',
      cpuRequestMilli: 500,
      memRequestMiB: 512,
      rps: 0,
      capacityRps: 10,
    })
    must(w, { type: 'addApp', id: 'big', name: 'big', imageId: 'web', cpuRequestMilli: 1000, memRequestMiB: 1024, rps: 0, capacityRps: 10 })
    const h = Object.keys(w.hosts)[0]!
    must(w, { type: 'runContainer', appId: 'small', target: { kind: 'host', hostId: h } })
    must(w, { type: 'runContainer', appId: 'big', target: { kind: 'host', hostId: h } })
    const l = layoutWorld(w)
    const area = (app: string) => {
      const c = l.rooms.containers.findIndex((x) => x.appId === app)
      return (l.rooms.w[c]! + 0.12) * (l.rooms.d[c]! + 0.12)
    }
    expect(area('big') / area('small')).toBeCloseTo(2, 0)
    const floor = l.houses.w[0]! * l.houses.d[0]!
    expect(area('big') + area('small')).toBeLessThan(floor * 0.5)
  })
})
