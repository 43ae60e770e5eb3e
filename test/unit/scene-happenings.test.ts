import { describe, expect, test } from 'vitest'
import { apply, createWorld, step } from '../../src/sim'
import type { World } from '../../src/sim'
import { SANDBOX_SETUP } from '../../src/state/game'
import { layoutWorld } from '../../src/scene/layout'
import { buildWriters } from '../../src/scene/Buildings'
import { breachOf, deliveries, doormen, newMoveMemory, trackMoves } from '../../src/scene/happenings'
import { must, stepUntil } from './helpers'

function sandbox(seed = 3): World {
  const w = createWorld(seed)
  for (const c of SANDBOX_SETUP) apply(w, c)
  return w
}

const layers = (app: string, mib: number) => [
  { text: 'FROM debian:12-slim', sizeMiB: 75 },
  { text: 'RUN apt-get install -y python3', sizeMiB: 300 },
  { text: `COPY ${app} /app`, sizeMiB: mib },
]

describe('events you watch, derived from the world', () => {
  test('an image pull brings a crate per layer the house lacks; a kit sharing two layers brings one', () => {
    const w = sandbox()
    must(w, { type: 'buildImage', id: 'py1', ref: 'py:1', instructions: layers('v1', 250) })
    must(w, { type: 'buildImage', id: 'py2', ref: 'py:2', instructions: layers('v2', 250) })
    must(w, { type: 'addApp', id: 'a', name: 'a', imageId: 'py1', cpuRequestMilli: 100, memRequestMiB: 128, rps: 0, capacityRps: 1 })
    must(w, { type: 'addApp', id: 'b', name: 'b', imageId: 'py2', cpuRequestMilli: 100, memRequestMiB: 128, rps: 0, capacityRps: 1 })
    const first = must(w, { type: 'runContainer', appId: 'a', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[first]!.state === 'pulling')
    let d = deliveries(w, layoutWorld(w))
    expect(d.map((x) => [x.carried, x.cached])).toEqual([[3, 0]])
    step(w, 500)
    const later = deliveries(w, layoutWorld(w))[0]!
    expect(later.progress).toBeGreaterThan(d[0]!.progress)
    stepUntil(w, (x) => x.containers[first]!.state === 'running')
    expect(deliveries(w, layoutWorld(w))).toEqual([])
    const second = must(w, { type: 'runContainer', appId: 'b', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[second]!.state === 'pulling')
    d = deliveries(w, layoutWorld(w))
    expect(d.map((x) => [x.carried, x.cached])).toEqual([[1, 2]])
  })

  test('a drained room leaves footprints from its old house to its new one', () => {
    const w = sandbox()
    must(w, { type: 'setManaged', appId: 'shop', managed: true })
    stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length === 3)
    const mem = newMoveMemory()
    expect(trackMoves(mem, w, layoutWorld(w))).toEqual([])
    const hostOf = (id: string) => (w.containers[id]?.placement as { hostId: string } | null)?.hostId
    const from = Object.values(w.containers).find((c) => hostOf(c.id) === 'h2') ? 'h2' : 'h1'
    must(w, { type: 'drain', hostId: from })
    let trails = trackMoves(mem, w, layoutWorld(w))
    for (let i = 0; i < 100 && trails.length === 0; i++) {
      step(w, 100)
      trails = trackMoves(mem, w, layoutWorld(w))
    }
    expect(trails.length).toBeGreaterThan(0)
    const l = layoutWorld(w)
    const t = trails[0]!
    const to = l.rooms.ids.indexOf(t.toId)
    expect(l.houses.ids[l.rooms.house[to]!]).not.toBe(from)
    expect(Math.hypot(t.to.x - t.from.x, t.to.z - t.from.z)).toBeGreaterThan(3)
  })

  test("a breach in an apartment is stopped by the apartment's wall; on a shared kernel nothing stops it", () => {
    const w = sandbox(5)
    must(w, { type: 'setSecurity', appId: 'shop', security: { privileged: true } })
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })!
    stepUntil(w, (x) => x.vms[vm]!.state === 'running')
    const inVm = [0, 1, 2].map(() => must(w, { type: 'runContainer', appId: 'shop', target: { kind: 'vm', vmId: vm } })!)
    const bare = [0, 1, 2].map(() => must(w, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h2' } })!)
    stepUntil(w, (x) => [...inVm, ...bare].every((id) => x.containers[id]!.state === 'running'))
    must(w, { type: 'breachContainer', containerId: inVm[0]! })
    const a = breachOf(w.events[w.events.length - 1]!, w)!
    expect(a.rooms[0]).toBe(inVm[0])
    expect(a.stop).toBe(w.events[w.events.length - 1]!.params.kernelOwned ? 'apartment' : 'room')
    expect(a.rooms.every((id) => inVm.includes(id))).toBe(true)
    must(w, { type: 'breachContainer', containerId: bare[0]! })
    const b = breachOf(w.events[w.events.length - 1]!, w)!
    expect(b.stop).toBe(w.events[w.events.length - 1]!.params.kernelOwned ? 'none' : 'room')
    expect(b.vmId).toBeNull()
  })

  test('a doorman stands at each house with a ready room of an app that has visitors, and only there', () => {
    const w = sandbox()
    must(w, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h2' } })
    stepUntil(w, (x) => Object.values(x.containers).some((c) => c.state === 'running'))
    const l = layoutWorld(w)
    expect(doormen(w, l).map((i) => l.houses.ids[i])).toEqual(['h2'])
  })

  test("a VM's lights come on along its floor as it boots, and go out for a live migration's stop-and-copy pause", () => {
    const w = sandbox()
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })!
    stepUntil(w, (x) => x.vms[vm]!.state === 'booting')
    const strip = () => {
      const l = layoutWorld(w)
      const wr = buildWriters(l)
      const m = new Float32Array(wr.windows.count * 16)
      const ids: string[] = []
      wr.windows.write(m, new Float32Array(wr.windows.count * 3), ids)
      const k = ids.indexOf(vm)
      return k < 0 ? 0 : m[k * 16]! // the strip's width
    }
    step(w, 1000)
    const early = strip()
    stepUntil(w, (x) => x.timeMs - x.vms[vm]!.stateSinceMs > (x.vms[vm]!.phaseEndsMs - x.vms[vm]!.stateSinceMs) * 0.7)
    expect(strip()).toBeGreaterThan(early)
    stepUntil(w, (x) => x.vms[vm]!.state === 'running')
    const full = strip()
    expect(full).toBeGreaterThan(0)
    must(w, { type: 'migrateVm', vmId: vm, toHostId: 'h2' })
    stepUntil(w, (x) => x.vms[vm]!.migration?.phase === 'stopcopy')
    expect(strip()).toBe(0)
  })

  test("after a house burns, each room the manager reopens elsewhere gets footprints from the burnt house's old spot", () => {
    const w = sandbox()
    must(w, { type: 'setManaged', appId: 'shop', managed: true })
    stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length === 3)
    const mem = newMoveMemory()
    trackMoves(mem, w, layoutWorld(w))
    const burnt = (Object.values(w.containers)[0]!.placement as { hostId: string }).hostId
    const inside = Object.values(w.containers).filter((c) => (c.placement as { hostId: string }).hostId === burnt).length
    must(w, { type: 'failHost', hostId: burnt })
    trackMoves(mem, w, layoutWorld(w)) // the rooms stand dark: gone from the street's point of view
    stepUntil(
      w,
      (x) =>
        Object.values(x.containers).filter((c) => c.state === 'running' && (c.placement as { hostId: string }).hostId !== burnt).length ===
        3,
    )
    const l = layoutWorld(w)
    const trails = trackMoves(mem, w, l)
    expect(trails.length).toBe(inside)
    const from = l.houses.ids.indexOf(burnt)
    for (const t of trails) {
      expect(Math.abs(t.from.x - l.houses.x[from]!)).toBeLessThan(l.houses.w[from]! / 2)
      expect(l.houses.ids[l.rooms.house[l.rooms.ids.indexOf(t.toId)]!]).not.toBe(burnt)
    }
  })
})
