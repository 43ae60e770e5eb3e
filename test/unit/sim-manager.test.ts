import { describe, expect, test } from 'vitest'
import { apply, createWorld, HPA, step, eventText } from '../../src/sim'
import type { World } from '../../src/sim'
import { desiredReplicas } from '../../src/sim/systems/hpa'
import { rolloutBounds } from '../../src/sim/systems/replicaset'
import { latencyMs } from '../../src/sim/systems/traffic'
import { containersOf, must, stepUntil } from './helpers'

function cluster(replicas: number, hosts = 3): World {
  const w = createWorld(11)
  for (let i = 0; i < hosts; i++) must(w, { type: 'addHost', cores: 16, memMiB: 32768, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'v1', ref: 'web:1.0', sizeMiB: 100 })
  must(w, { type: 'addImage', id: 'v2', ref: 'web:1.1', sizeMiB: 100 })
  must(w, {
    type: 'addApp',
    id: 'web',
    name: 'web',
    imageId: 'v1',
    cpuRequestMilli: 250,
    memRequestMiB: 256,
    rps: 0,
    capacityRps: 100,
    replicas,
    managed: true,
  })
  stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === replicas)
  return w
}

describe('rolling update', () => {
  test('defaults: maxSurge 25 % rounded up, maxUnavailable 25 % rounded down', () => {
    expect(rolloutBounds(4)).toEqual({ maxSurge: 1, maxUnavailable: 1 })
    expect(rolloutBounds(10)).toEqual({ maxSurge: 3, maxUnavailable: 2 })
    expect(rolloutBounds(1)).toEqual({ maxSurge: 1, maxUnavailable: 0 })
  })

  test('old and new rooms stand side by side; never more than 5 or fewer than 3 of 4 open', () => {
    const w = cluster(4)
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    const seen: string[] = []
    for (let i = 0; i < 600; i++) {
      step(w, 100)
      const pods = containersOf(w, 'web')
      const running = pods.filter((c) => c.state === 'running')
      expect(pods.length).toBeLessThanOrEqual(5)
      expect(running.length).toBeGreaterThanOrEqual(3)
      const line = `${pods.filter((c) => c.imageId === 'v1').length} old / ${pods.filter((c) => c.imageId === 'v2').length} new`
      if (seen.at(-1) !== line) seen.push(line)
      if (running.length === 4 && running.every((c) => c.imageId === 'v2') && pods.length === 4) break
    }
    expect(seen[0]).toBe('3 old / 1 new')
    expect(seen.at(-1)).toBe('0 old / 4 new')
    expect(seen.some((l) => l.includes('old') && !l.startsWith('0') && !l.endsWith(' 0 new'))).toBe(true)
    expect(w.events.some((e) => eventText(e, 'technical').includes('successfully rolled out'))).toBe(true)
  })

  test('rollout undo returns to the previous image', () => {
    const w = cluster(2)
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    step(w, 30_000)
    must(w, { type: 'rolloutUndo', appId: 'web' })
    step(w, 30_000)
    expect(containersOf(w, 'web').map((c) => c.imageId)).toEqual(['v1', 'v1'])
    expect(w.apps.web!.revision).toBe(3)
  })

  test('a paused rollout holds where it is', () => {
    const w = cluster(4)
    must(w, { type: 'rolloutPause', appId: 'web', paused: true })
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    step(w, 30_000)
    expect(containersOf(w, 'web').every((c) => c.imageId === 'v1')).toBe(true)
    must(w, { type: 'rolloutPause', appId: 'web', paused: false })
    step(w, 30_000)
    expect(containersOf(w, 'web').every((c) => c.imageId === 'v2')).toBe(true)
  })
})

describe('horizontal pod autoscaler', () => {
  test('the formula: ceil(current × metric / target), nothing within 10 % of target', () => {
    expect(desiredReplicas(4, 100, 50)).toBe(8)
    expect(desiredReplicas(3, 70, 50)).toBe(5)
    expect(desiredReplicas(10, 54, 50)).toBe(10)
    expect(desiredReplicas(10, 20, 50)).toBe(4)
  })

  test('a traffic surge scales up in 15 s steps; the calm after waits out the 5-minute window', () => {
    const w = cluster(2)
    must(w, { type: 'setHpa', appId: 'web', minReplicas: 2, maxReplicas: 20, targetCpuPercent: 50 })
    must(w, { type: 'setTraffic', appId: 'web', rps: 800 }) // needs 16 rooms at 50 %
    const sizes: number[] = []
    for (let t = 0; t < 120_000; t += 100) {
      step(w, 100)
      if (sizes.at(-1) !== w.apps.web!.replicas) sizes.push(w.apps.web!.replicas)
    }
    // 2 → 6 (+4 cap) → 12 (×2) → 16, each after a 15 s sync.
    expect(sizes).toEqual([2, 6, 12, 16])
    must(w, { type: 'setTraffic', appId: 'web', rps: 100 })
    step(w, HPA.scaleDownStabilizationMs - 30_000)
    expect(w.apps.web!.replicas).toBe(16)
    step(w, 60_000)
    expect(w.apps.web!.replicas).toBe(2)
  })
})

describe('services and traffic', () => {
  test('waiting time climbs steeply as the rooms fill up, and caps at the timeout when full', () => {
    expect(latencyMs(10, 2, 100)).toBeCloseTo(10.53, 1)
    expect(latencyMs(180, 2, 100)).toBeCloseTo(100, 5)
    expect(latencyMs(300, 2, 100)).toBe(1000)
  })

  test('the charts get one sample a second of replicas, served, dropped and latency', () => {
    const w = cluster(2)
    must(w, { type: 'setTraffic', appId: 'web', rps: 150 })
    step(w, 10_000)
    const series = w.metrics.web!
    const last = series.at(-1)!
    expect(last).toMatchObject({ desired: 2, ready: 2, served: 150, dropped: 0, cpuPercent: 75 })
    expect(last.latencyMs).toBe(40)
    expect(series.at(-1)!.t - series.at(-2)!.t).toBe(1000)
  })
})

describe('cordon and drain', () => {
  test('a cordoned house gets no new rooms, and the scheduler says why', () => {
    const w = cluster(0, 1)
    must(w, { type: 'cordon', hostId: 'h1', unschedulable: true })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 1 })
    step(w, 1000)
    expect(containersOf(w, 'web')[0]!.reason).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    )
  })

  test('a drain moves rooms out but never below the disruption budget', () => {
    const w = cluster(4, 2)
    must(w, { type: 'setPdb', appId: 'web', minAvailable: 4 })
    must(w, { type: 'cordon', hostId: 'h2', unschedulable: true })
    must(w, { type: 'drain', hostId: 'h1' })
    let minRunning = Infinity
    for (let i = 0; i < 100; i++) {
      step(w, 100)
      minRunning = Math.min(minRunning, containersOf(w, 'web').filter((c) => c.state === 'running').length)
    }
    // Nowhere to go (house 2 cordoned) and the budget demands all 4: the drain waits.
    expect(minRunning).toBe(4)
    expect(w.events.some((e) => eventText(e, 'technical').includes("violate the pod's disruption budget"))).toBe(true)
    must(w, { type: 'cordon', hostId: 'h2', unschedulable: false })
    must(w, { type: 'setPdb', appId: 'web', minAvailable: 3 })
    stepUntil(w, (x) => !x.hosts.h1!.draining, 120_000)
    for (const c of containersOf(w, 'web')) expect(c.placement).toEqual({ kind: 'host', hostId: 'h2' })
    expect(apply(w, { type: 'drain', hostId: 'nope' }).ok).toBe(false)
  })
})
