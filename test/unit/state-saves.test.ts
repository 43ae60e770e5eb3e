import { describe, expect, test } from 'vitest'
import { hashWorld, step } from '../../src/sim'
import type { World } from '../../src/sim'
import { SAVE_VERSION, listSlots, loadSlot, readSave, serializeSave, slotKey, writeSlot } from '../../src/state/saves'
import type { SlotStorage } from '../../src/state/saves'
import { must, smallStreet, stepUntil } from './helpers'

function fakeStorage(): SlotStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

function busyStreet(): World {
  const w = smallStreet(3, 2)
  must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
  must(w, { type: 'setManaged', appId: 'web', managed: true })
  stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length >= 3)
  return w
}

describe('sandbox save slots', () => {
  test('a saved street loads back and runs on exactly as the original would (same hash after 30 s)', () => {
    const w = busyStreet()
    const store = fakeStorage()
    expect(writeSlot(store, 1, w, 'three shops', 1_700_000_000_000)).toEqual({ ok: true })
    const r = loadSlot(store, 1)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.info).toMatchObject({ label: 'three shops', houses: 2, rooms: 3 })
    expect(hashWorld(r.world)).toBe(hashWorld(w))
    for (let i = 0; i < 300; i++) {
      step(w, 100)
      step(r.world, 100)
    }
    expect(hashWorld(r.world)).toBe(hashWorld(w))
  })

  test('a save from before the machine fields is upgraded on load and runs', () => {
    const w = busyStreet()
    const old = JSON.parse(serializeSave(w, 'old', 1)) as { world: Record<string, any> }
    delete old.world.layers
    for (const h of Object.values(old.world.hosts) as any[])
      for (const k of ['cachedLayers', 'packages', 'installedApps', 'memOvercommit', 'swapping', 'labels', 'taints']) delete h[k]
    for (const c of Object.values(old.world.containers) as any[])
      for (const k of ['cpuLimitMilli', 'memLimitMiB', 'runtime', 'security', 'leakMiBPerS', 'breached', 'probe', 'ready']) delete c[k]
    for (const a of Object.values(old.world.apps) as any[])
      for (const k of ['runtime', 'security', 'requires', 'tolerations', 'nodeAffinity']) delete a[k]
    for (const im of Object.values(old.world.images) as any[]) delete im.layers
    const r = readSave(JSON.stringify(old))
    expect(r?.ok).toBe(true)
    if (!r?.ok) return
    const c = Object.values(r.world.containers)[0]!
    expect(c.runtime).toBe('runc')
    expect(c.security.privileged).toBe(false)
    expect(r.world.hosts.h1!.memOvercommit).toBe(1)
    expect(r.world.images.web!.layers).toHaveLength(1)
    for (let i = 0; i < 50; i++) step(r.world, 100)
    expect(Object.values(r.world.containers).filter((x) => x.state === 'running').length).toBe(3)
  })

  test('a damaged slot names what is wrong and leaves the other slots, and itself, as they were', () => {
    const store = fakeStorage()
    const w = busyStreet()
    writeSlot(store, 1, w, 'good', 5)
    store.setItem(slotKey(2), '{"version":1,"savedAtMs":5,"label":"cut","world":{"seed":1')
    const bad = JSON.parse(serializeSave(w, 'bad host', 5))
    bad.world.hosts.h1.cores = 'sixteen'
    store.setItem(slotKey(3), JSON.stringify(bad))
    const slots = listSlots(store)
    expect(slots[0]).toMatchObject({ slot: 1, state: 'saved', info: { label: 'good' } })
    expect(slots[1]).toMatchObject({ slot: 2, state: 'damaged' })
    expect(slots[1]!.state === 'damaged' && slots[1]!.problem).toMatch(/not valid JSON/)
    expect(slots[2]!.state === 'damaged' && slots[2]!.problem).toMatch(/world\.hosts\.h1\.cores/)
    const r = loadSlot(store, 3)
    expect(r.ok).toBe(false)
    // Nothing was deleted or rewritten.
    expect(store.data.get(slotKey(3))).toBe(JSON.stringify(bad))
    expect(loadSlot(store, 1).ok).toBe(true)
  })

  test('a save from a newer game, a foreign file and an empty slot each say so', () => {
    expect(readSave(null)).toBeNull()
    const newer = readSave(JSON.stringify({ version: SAVE_VERSION + 1, savedAtMs: 0, label: 'x', world: {} }))
    expect(newer?.ok === false && newer.problem).toMatch(/newer version/)
    const foreign = readSave(JSON.stringify({ hello: 'world' }))
    expect(foreign?.ok === false && foreign.problem).toMatch(/not a House of Pods save \(version:/)
    const store = fakeStorage()
    expect(loadSlot(store, 2)).toEqual({ ok: false, problem: 'it is empty' })
    expect(listSlots(store).map((s) => s.state)).toEqual(['empty', 'empty', 'empty'])
  })

  test('a world whose links are broken is refused, naming the broken link, not loaded', () => {
    const w = busyStreet()
    const bad = JSON.parse(serializeSave(w, 'x', 1))
    // A room placed in an apartment that does not exist: the shape is fine, the street is not.
    const c = Object.values(bad.world.containers)[0] as any
    c.placement = { kind: 'vm', vmId: 'nowhere' }
    c.state = 'pending'
    const r = readSave(JSON.stringify(bad))
    expect(r?.ok).toBe(false)
    if (r && !r.ok) expect(r.problem).toMatch(/room c\d+ stands in apartment nowhere, which is not in the save/)
  })

  test('a storage that refuses to write says why; no storage at all says so', () => {
    const full: SlotStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const r = writeSlot(full, 1, busyStreet(), 'big', 1)
    expect(r.ok === false && r.problem).toMatch(/refused to store it \(\d+\.\d MB/)
    expect(writeSlot(null, 1, busyStreet(), 'x', 1)).toMatchObject({ ok: false })
  })
})
