import { describe, expect, test } from 'vitest'
import { apply, PULL_MIB_PER_S, eventText } from '../../src/sim'
import { must, smallStreet, stepUntil } from './helpers'

const pyBase = [
  { text: 'FROM debian:12-slim', sizeMiB: 75 },
  { text: 'RUN apt-get install python3.12', sizeMiB: 50, provides: ['python@3.12'] },
]

describe('images are stacks of layers (the builder and its prefab parts)', () => {
  test('a second start of the same image on one house pulls nothing', () => {
    const w = smallStreet()
    const a = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[a]!.state === 'pulling')
    const firstPull = stepUntil(w, (x) => x.containers[a]!.state !== 'pulling')
    expect(firstPull).toBeGreaterThanOrEqual((200 / PULL_MIB_PER_S.value) * 1000)
    stepUntil(w, (x) => x.containers[a]!.state === 'running')
    const b = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    let pulled = false
    stepUntil(w, (x) => {
      pulled ||= x.containers[b]!.state === 'pulling'
      return x.containers[b]!.state === 'running'
    })
    expect(pulled).toBe(false)
  })

  test('images built FROM the same base share its layers: the second pulls only its own top layers', () => {
    const w = smallStreet()
    must(w, { type: 'buildImage', id: 'api', ref: 'api:1.0', instructions: [...pyBase, { text: 'COPY api /app', sizeMiB: 5 }] })
    must(w, { type: 'buildImage', id: 'jobs', ref: 'jobs:1.0', instructions: [...pyBase, { text: 'COPY jobs /app', sizeMiB: 10 }] })
    expect(w.images.api!.layers.slice(0, 2)).toEqual(w.images.jobs!.layers.slice(0, 2))
    must(w, { type: 'addApp', id: 'api', name: 'api', imageId: 'api', cpuRequestMilli: 100, memRequestMiB: 128, rps: 0, capacityRps: 10 })
    must(w, {
      type: 'addApp',
      id: 'jobs',
      name: 'jobs',
      imageId: 'jobs',
      cpuRequestMilli: 100,
      memRequestMiB: 128,
      rps: 0,
      capacityRps: 10,
    })
    const a = must(w, { type: 'runContainer', appId: 'api', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[a]!.state === 'running')
    const b = must(w, { type: 'runContainer', appId: 'jobs', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[b]!.state === 'pulling')
    expect(w.containers[b]!.reason).toBe('pulling 1 of 3 layers (10 MiB)')
    const t = stepUntil(w, (x) => x.containers[b]!.state !== 'pulling')
    expect(t).toBeLessThanOrEqual(Math.ceil((10 / PULL_MIB_PER_S.value) * 1000) + 100)
  })

  test('a rebuild reuses layers up to the first changed instruction, and says how many', () => {
    const w = smallStreet()
    must(w, {
      type: 'buildImage',
      ref: 'api:1.0',
      instructions: [...pyBase, { text: 'RUN pip install flask', sizeMiB: 20 }, { text: 'COPY api-v1 /app', sizeMiB: 5 }],
    })
    must(w, {
      type: 'buildImage',
      ref: 'api:1.1',
      instructions: [...pyBase, { text: 'RUN pip install flask', sizeMiB: 20 }, { text: 'COPY api-v2 /app', sizeMiB: 5 }],
    })
    expect(eventText(w.events.at(-1)!, 'technical')).toMatch(/4 layers, 3 CACHED, 1 built/)
    must(w, {
      type: 'buildImage',
      ref: 'api:1.2',
      instructions: [
        { text: 'FROM debian:12-slim', sizeMiB: 75 },
        { text: 'RUN apt-get install python3.13', sizeMiB: 50 },
        { text: 'RUN pip install flask', sizeMiB: 20 },
      ],
    })
    expect(eventText(w.events.at(-1)!, 'technical')).toMatch(/3 layers, 1 CACHED, 2 built/)
  })

  test('images are immutable: the same tag with different layers is refused; a new tag is a new image', () => {
    const w = smallStreet()
    const id = must(w, { type: 'buildImage', ref: 'api:1.0', instructions: pyBase })!
    expect(apply(w, { type: 'buildImage', ref: 'api:1.0', instructions: pyBase })).toEqual({ ok: true, id })
    const r = apply(w, { type: 'buildImage', ref: 'api:1.0', instructions: [...pyBase, { text: 'COPY x /x', sizeMiB: 1 }] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.technical).toMatch(/immutable/)
    expect(apply(w, { type: 'buildImage', ref: 'api:1.1', instructions: [...pyBase, { text: 'COPY x /x', sizeMiB: 1 }] }).ok).toBe(true)
  })

  test('addImage still works: one layer of its size', () => {
    const w = smallStreet()
    expect(w.images.web!.layers).toHaveLength(1)
    expect(w.layers[w.images.web!.layers[0]!]!.sizeMiB).toBe(200)
  })
})

describe('"works on my machine"', () => {
  test('an app installed on a house without its dependencies fails with the reason; with them it works', () => {
    const w = smallStreet()
    must(w, { type: 'buildImage', id: 'api', ref: 'api:1.0', instructions: pyBase })
    must(w, {
      type: 'addApp',
      id: 'api',
      name: 'api',
      imageId: 'api',
      cpuRequestMilli: 100,
      memRequestMiB: 128,
      rps: 0,
      capacityRps: 10,
      requires: ['python@3.12'],
    })
    must(w, { type: 'installPackages', target: { kind: 'host', hostId: 'h1' }, packages: ['python@3.9'] })
    const r = apply(w, { type: 'installApp', appId: 'api', target: { kind: 'host', hostId: 'h1' } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.metaphor).toContain('needs python 3.12, this house has 3.9')
      expect(r.technical).toContain('needs python@3.12, host has python@3.9')
    }
    must(w, { type: 'installPackages', target: { kind: 'host', hostId: 'h1' }, packages: ['python@3.12'] })
    expect(apply(w, { type: 'installApp', appId: 'api', target: { kind: 'host', hostId: 'h1' } }).ok).toBe(true)
    expect(w.hosts.h1!.installedApps).toContain('api')
  })

  test('the same app packaged as an image runs on every node: the image carries its dependencies', () => {
    const w = smallStreet(1, 3)
    must(w, { type: 'buildImage', id: 'api', ref: 'api:1.0', instructions: pyBase })
    expect(w.images.api!.packages).toEqual(['python@3.12'])
    must(w, {
      type: 'addApp',
      id: 'api',
      name: 'api',
      imageId: 'api',
      cpuRequestMilli: 100,
      memRequestMiB: 128,
      rps: 0,
      capacityRps: 10,
      requires: ['python@3.12'],
    })
    // The houses differ (one has nothing, one an old python): the room does not care.
    must(w, { type: 'installPackages', target: { kind: 'host', hostId: 'h2' }, packages: ['python@3.9'] })
    const ids = ['h1', 'h2', 'h3'].map((hostId) => must(w, { type: 'runContainer', appId: 'api', target: { kind: 'host', hostId } })!)
    stepUntil(w, (x) => ids.every((id) => x.containers[id]!.state === 'running'))
  })

  test('an image that lacks what the app needs fails the same way everywhere, with the reason', () => {
    const w = smallStreet()
    must(w, { type: 'installPackages', target: { kind: 'host', hostId: 'h1' }, packages: ['python@3.12'] })
    must(w, { type: 'buildImage', id: 'bare', ref: 'bare:1.0', instructions: [{ text: 'FROM debian:12-slim', sizeMiB: 75 }] })
    must(w, {
      type: 'addApp',
      id: 'api',
      name: 'api',
      imageId: 'bare',
      cpuRequestMilli: 100,
      memRequestMiB: 128,
      rps: 0,
      capacityRps: 10,
      requires: ['python@3.12'],
    })
    const c = must(w, { type: 'runContainer', appId: 'api', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[c]!.state === 'crashed')
    expect(w.containers[c]!.reason).toContain('does not contain python@3.12')
  })
})

describe('old saves', () => {
  test('a world saved before layers and limits existed loads, upgrades and steps on', async () => {
    const { upgradeWorld, step } = await import('../../src/sim')
    const w = smallStreet()
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
    stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length === 3)
    const old = JSON.parse(JSON.stringify(w)) as Record<string, any>
    delete old.layers
    for (const im of Object.values(old.images) as any[]) (delete im.layers, delete im.packages)
    for (const h of Object.values(old.hosts) as any[]) {
      for (const k of ['cachedLayers', 'packages', 'installedApps', 'memOvercommit', 'swapping']) delete h[k]
      h.cachedImages = ['web']
    }
    for (const a of Object.values(old.apps) as any[])
      for (const k of ['cpuLimitMilli', 'memLimitMiB', 'requires', 'runtime', 'security']) delete a[k]
    for (const c of Object.values(old.containers) as any[])
      for (const k of [
        'cpuLimitMilli',
        'memLimitMiB',
        'runtime',
        'security',
        'cpuUsageMilli',
        'memUsageMiB',
        'speed',
        'throttled',
        'exitCode',
        'leakMiBPerS',
        'leakedMiB',
        'cpuHog',
        'breached',
      ])
        delete c[k]
    const up = upgradeWorld(old as any)
    expect(up.images.web!.layers).toEqual(w.images.web!.layers)
    step(up, 10_000)
    expect(Object.values(up.containers).filter((c) => c.state === 'running')).toHaveLength(3)
    expect(up.apps.web!.lastServedRps).toBe(100)
  })
})
