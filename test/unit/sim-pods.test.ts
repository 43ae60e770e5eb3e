/**
 * Pods as more than one container (sidecars), namespaces and labels (FIDELITY.md "Services",
 * "Scheduler phases"; kubernetes.io "Pods": containers of a pod share one network namespace).
 */
import { describe, expect, it } from 'vitest'
import { apply, hashWorld, hostCapacity, step, eventText } from '../../src/sim'
import type { Sidecar } from '../../src/sim'
import { containersOf, must, smallStreet, stepUntil } from './helpers'

const shipper: Sidecar = { name: 'log-shipper', imageId: 'shipper', cpuRequestMilli: 250, memRequestMiB: 256 }

function withShipperImage(seed = 1) {
  const w = smallStreet(seed)
  must(w, { type: 'addImage', id: 'shipper', ref: 'fluent-bit:3.0', sizeMiB: 80 })
  return w
}

describe('sidecars', () => {
  it('a pod requests the sum of its containers, and the scheduler counts the sum', () => {
    const w = withShipperImage()
    must(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper] })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 16 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    step(w, 200)
    const pods = containersOf(w, 'web')
    expect(pods).toHaveLength(16)
    for (const c of pods) {
      expect(c.cpuRequestMilli).toBe(750)
      expect(c.memRequestMiB).toBe(768)
      expect(c.sidecars).toEqual(['log-shipper'])
    }
    const host = Object.values(w.hosts)[0]!
    const placed = pods.filter((c) => c.placement !== null)
    // 8 cores hold 10 pods of 750m; without the sidecar all 16 of 500m would have fitted.
    expect(placed).toHaveLength(Math.floor(hostCapacity(host).cpuMilli / 750))
    expect(host.alloc.cpuMilli).toBe(placed.length * 750)
    const waiting = pods.filter((c) => c.placement === null)
    expect(waiting[0]!.reason).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu/)
  })

  it('the sidecars share the room door: one endpoint per pod, and they add no serving capacity', () => {
    const w = withShipperImage()
    must(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper, { ...shipper, name: 'mesh-proxy' }] })
    must(w, { type: 'setTraffic', appId: 'web', rps: 500 })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').length === 3 && containersOf(x, 'web').every((c) => c.state === 'running'))
    step(w, 100)
    // Three pods of three containers each: three endpoints, 3 × 60 visitors/s.
    expect(w.apps.web!.readyReplicas).toBe(3)
    expect(w.apps.web!.lastServedRps).toBe(180)
  })

  it("the kubelet pulls the sidecars' images too before the pod starts", () => {
    const w = withShipperImage()
    must(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper] })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web')[0]?.state === 'running')
    const host = Object.values(w.hosts)[0]!
    expect(host.cachedLayers).toEqual(expect.arrayContaining([...w.images.web!.layers, ...w.images.shipper!.layers]))
  })

  it('rooms nobody manages keep their shape; new ones come with the sidecars', () => {
    const w = withShipperImage()
    const hostId = Object.keys(w.hosts)[0]!
    const before = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId } })!
    must(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper] })
    const after = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId } })!
    expect(w.containers[before]).toMatchObject({ sidecars: [], cpuRequestMilli: 500 })
    expect(w.containers[after]).toMatchObject({ sidecars: ['log-shipper'], cpuRequestMilli: 750 })
  })

  it('a room given by hand is checked against the whole suite, sidecars included', () => {
    const w = withShipperImage()
    const hostId = Object.keys(w.hosts)[0]!
    must(w, { type: 'setSidecars', appId: 'web', sidecars: [{ ...shipper, cpuRequestMilli: 7800 }] })
    // 500m + 7800m is more than the house's 8 cores, though the app's own 500m would fit.
    expect(apply(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId } }).ok).toBe(false)
    expect(w.hosts[hostId]!.alloc.cpuMilli).toBe(0)
  })

  it("the manager's rooms are refitted by a rolling update (a new revision), never dropping below the clipboard", () => {
    const w = withShipperImage()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 4 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => x.apps.web!.readyReplicas === 4)
    const revision = w.apps.web!.revision
    must(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper] })
    expect(w.apps.web!.revision).toBe(revision + 1)
    let lowest = Infinity
    stepUntil(w, (x) => {
      lowest = Math.min(lowest, x.apps.web!.readyReplicas)
      const pods = containersOf(x, 'web')
      return pods.length === 4 && pods.every((c) => c.sidecars.length === 1 && c.state === 'running')
    })
    // maxUnavailable 25% of 4 = 1 room at most out at once.
    expect(lowest).toBeGreaterThanOrEqual(3)
    expect(w.events.some((e) => eventText(e, 'technical').includes(`deployment "web" successfully rolled out`))).toBe(true)
  })

  it('refuses a sidecar with an unknown kit, a duplicate name or a kit for another kernel', () => {
    const w = withShipperImage()
    expect(apply(w, { type: 'setSidecars', appId: 'web', sidecars: [{ ...shipper, imageId: 'nope' }] })).toMatchObject({
      ok: false,
      technical: 'image nope not found',
    })
    expect(apply(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper, shipper] })).toMatchObject({
      ok: false,
      technical: 'spec.containers[].name: Duplicate value: "log-shipper"',
    })
    const r = apply(w, { type: 'setSidecars', appId: 'web', sidecars: [{ ...shipper, imageId: 'ledger' }] })
    expect(r.ok).toBe(false)
    expect(w.apps.web!.sidecars).toEqual([])
  })
})

describe('namespaces and labels', () => {
  it('a namespace is made once; the app moves into it and its rooms are recreated there', () => {
    const w = smallStreet()
    expect(apply(w, { type: 'setNamespace', appId: 'web', namespace: 'shop' })).toMatchObject({
      ok: false,
      technical: 'Error from server (NotFound): namespaces "shop" not found',
    })
    must(w, { type: 'addNamespace', name: 'shop' })
    expect(apply(w, { type: 'addNamespace', name: 'shop' })).toMatchObject({
      ok: false,
      technical: 'Error from server (AlreadyExists): namespaces "shop" already exists',
    })
    expect(apply(w, { type: 'addNamespace', name: 'Shop!' }).ok).toBe(false)
    expect(w.namespaces).toEqual(['default', 'shop'])
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => x.apps.web!.readyReplicas === 3)
    expect(containersOf(w, 'web').every((c) => c.namespace === 'default')).toBe(true)
    must(w, { type: 'setNamespace', appId: 'web', namespace: 'shop' })
    stepUntil(
      w,
      (x) => containersOf(x, 'web').length === 3 && containersOf(x, 'web').every((c) => c.namespace === 'shop' && c.state === 'running'),
    )
    expect(w.apps.web!.namespace).toBe('shop')
  })

  it("refuses to move an app whose rooms nobody manages (a pod's namespace is immutable)", () => {
    const w = smallStreet()
    must(w, { type: 'addNamespace', name: 'shop' })
    must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: Object.keys(w.hosts)[0]! } })
    const r = apply(w, { type: 'setNamespace', appId: 'web', namespace: 'shop' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.technical).toContain('immutable')
    expect(w.apps.web!.namespace).toBe('default')
  })

  it('labels are set beside app=<name>, which stays', () => {
    const w = smallStreet()
    must(w, { type: 'setAppLabels', appId: 'web', labels: { tier: 'frontend', team: 'shop' } })
    expect(w.apps.web!.labels).toEqual({ app: 'web', tier: 'frontend', team: 'shop' })
    const r = apply(w, { type: 'setAppLabels', appId: 'web', labels: { app: 'other' } })
    expect(r.ok).toBe(false)
    expect(w.apps.web!.labels.app).toBe('web')
    expect(apply(w, { type: 'setAppLabels', appId: 'web', labels: { 'bad key!': 'x' } }).ok).toBe(false)
  })

  it('same seed and commands give the same world', () => {
    const run = () => {
      const w = withShipperImage(5)
      must(w, { type: 'addNamespace', name: 'shop' })
      must(w, { type: 'setReplicas', appId: 'web', replicas: 5 })
      must(w, { type: 'setManaged', appId: 'web', managed: true })
      step(w, 30_000)
      must(w, { type: 'setSidecars', appId: 'web', sidecars: [shipper] })
      must(w, { type: 'setNamespace', appId: 'web', namespace: 'shop' })
      step(w, 120_000)
      return hashWorld(w)
    }
    expect(run()).toBe(run())
  })
})
