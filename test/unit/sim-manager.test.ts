import { describe, expect, test } from 'vitest'
import { apply, createWorld, HPA, step, eventText, isTerminating, rolloutStatus, rolloutStatusText, TERMINATION_GRACE } from '../../src/sim'
import type { World } from '../../src/sim'
import { calcReplicas, desiredReplicas } from '../../src/sim/systems/hpa'
import type { PodSample } from '../../src/sim/systems/hpa'
import { rolloutBounds } from '../../src/sim/systems/replicaset'
import { latencyMs } from '../../src/sim/systems/traffic'
import { containersOf, must, stepUntil } from './helpers'

/** The pods the Deployment counts: not being deleted. */
const active = (w: World) => containersOf(w, 'web').filter((c) => !isTerminating(c))

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

  test('when maxSurge and maxUnavailable both resolve to 0, maxUnavailable becomes 1 (not maxSurge)', () => {
    expect(rolloutBounds(0)).toEqual({ maxSurge: 0, maxUnavailable: 1 })
    expect(rolloutBounds(4, 0, 0)).toEqual({ maxSurge: 0, maxUnavailable: 1 })
    expect(rolloutBounds(4, 0, 10)).toEqual({ maxSurge: 0, maxUnavailable: 1 })
    expect(rolloutBounds(4, 10, 0)).toEqual({ maxSurge: 1, maxUnavailable: 0 })
  })

  test('revisionHistoryLimit 10 keeps 10 old revisions plus the current one, and undo returns to the previous', () => {
    const w = cluster(1)
    for (let i = 0; i < 14; i++) must(w, { type: 'setImage', appId: 'web', imageId: i % 2 === 0 ? 'v2' : 'v1' })
    const app = w.apps.web!
    expect(app.revision).toBe(15)
    expect(app.revisions.map((r) => r.revision)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
    expect(app.imageId).toBe('v1')
    must(w, { type: 'rolloutUndo', appId: 'web' })
    expect(app.imageId).toBe('v2')
  })

  test('old and new rooms stand side by side; never more than 5 active or fewer than 3 of 4 open (Terminating pods not counted)', () => {
    const w = cluster(4)
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    const seen: string[] = []
    let terminatingSeen = 0
    for (let i = 0; i < 600; i++) {
      step(w, 100)
      // The Deployment counts active pods (FilterActivePods): those being deleted wait out their grace period beside them.
      const all = containersOf(w, 'web')
      terminatingSeen = Math.max(terminatingSeen, all.filter(isTerminating).length)
      const pods = all.filter((c) => !isTerminating(c))
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
    expect(terminatingSeen).toBeGreaterThan(0)
  })

  test('rollout undo returns to the previous image', () => {
    const w = cluster(2)
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    step(w, 30_000)
    must(w, { type: 'rolloutUndo', appId: 'web' })
    step(w, 30_000)
    expect(active(w).map((c) => c.imageId)).toEqual(['v1', 'v1'])
    // The v2 pods the undo replaced are gone once their 30 s grace period is over.
    step(w, TERMINATION_GRACE.ms)
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
    expect(active(w).every((c) => c.imageId === 'v2')).toBe(true)
  })

  test('a new pod is Ready only after its image is pulled, its container started and its readiness probe passed: 5 pods roll in tens of seconds', () => {
    const w = cluster(5, 2)
    const probe = { initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3, successThreshold: 1 }
    must(w, { type: 'setProbes', appId: 'web', readiness: probe })
    step(w, 20_000)
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    const start = w.timeMs
    const phases = new Map<string, string[]>()
    const lines: string[] = []
    while (!rolloutStatus(w, w.apps.web!).done) {
      step(w, 100)
      if (w.timeMs - start > 120_000) throw new Error('rollout never finished')
      for (const c of containersOf(w, 'web').filter((x) => x.imageId === 'v2')) {
        const seen = phases.get(c.id) ?? []
        const now = c.ready ? 'ready' : c.state
        if (seen.at(-1) !== now) phases.set(c.id, [...seen, now])
      }
      const line = rolloutStatusText(w.apps.web!, rolloutStatus(w, w.apps.web!))
      if (lines.at(-1) !== line) lines.push(line)
    }
    const took = w.timeMs - start
    // Old behaviour: every new pod ready within a second or two of its creation; the whole rollout in ~3 s.
    expect(took).toBeGreaterThanOrEqual(10_000)
    for (const seq of phases.values()) {
      expect(seq.indexOf('running')).toBeGreaterThan(seq.indexOf('creating'))
      expect(seq.at(-1)).toBe('ready')
    }
    // The first pods on each house pulled their image first.
    expect([...phases.values()].some((seq) => seq.includes('pulling'))).toBe(true)
    // Each new pod waited for its readiness probe: initialDelaySeconds after its container started.
    for (const c of containersOf(w, 'web').filter((x) => !isTerminating(x))) expect(c.probe.readinessSuccesses).toBeGreaterThanOrEqual(1)
    expect(lines[0]).toBe('Waiting for deployment "web" rollout to finish: 2 out of 5 new replicas have been updated...')
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out')
  })

  test('pods a rollout replaces are Terminating for their 30 s grace period: out of the endpoints but still holding their requests', () => {
    const w = cluster(4, 1)
    const reservedBefore = w.hosts[Object.keys(w.hosts)[0]!]!.alloc.cpuMilli
    must(w, { type: 'setImage', appId: 'web', imageId: 'v2' })
    stepUntil(w, (x) => containersOf(x, 'web').some(isTerminating))
    const old = containersOf(w, 'web').find(isTerminating)!
    const since = w.timeMs
    expect(old.imageId).toBe('v1')
    expect(old.state).toBe('running')
    expect(old.ready).toBe(false)
    // Its requests still count on its house (the scheduler sees them until the pod is gone).
    expect(w.hosts[Object.keys(w.hosts)[0]!]!.alloc.cpuMilli).toBeGreaterThan(reservedBefore)
    stepUntil(w, (x) => !x.containers[old.id])
    expect(w.timeMs - since).toBeGreaterThanOrEqual(TERMINATION_GRACE.ms - 200)
  })
})

describe('horizontal pod autoscaler', () => {
  test('the formula: ceil(current × metric / target), nothing within 10 % of target', () => {
    expect(desiredReplicas(4, 100, 50)).toBe(8)
    expect(desiredReplicas(3, 70, 50)).toBe(5)
    expect(desiredReplicas(10, 54, 50)).toBe(10)
    expect(desiredReplicas(10, 20, 50)).toBe(4)
  })

  test('without spec.behavior (kubectl autoscale) a surge scales 2 → 4 → 8 → 16: at most max(2 × current, 4) per 15 s sync', () => {
    // horizontal.go calculateScaleUpLimit. The game used to apply the v2 behavior defaults here (2 → 6 → 12 → 16).
    const w = cluster(2)
    must(w, { type: 'setHpa', appId: 'web', minReplicas: 2, maxReplicas: 20, targetCpuPercent: 50 })
    must(w, { type: 'setTraffic', appId: 'web', rps: 800 }) // needs 16 rooms at 50 %
    const sizes: number[] = []
    for (let t = 0; t < 120_000; t += 100) {
      step(w, 100)
      if (sizes.at(-1) !== w.apps.web!.replicas) sizes.push(w.apps.web!.replicas)
    }
    expect(sizes).toEqual([2, 4, 8, 16])
    expect(w.apps.web!.hpa!.status.technical).toContain('max(2 × current, 4)')
    must(w, { type: 'setTraffic', appId: 'web', rps: 100 })
    step(w, HPA.scaleDownStabilizationMs - 30_000)
    expect(w.apps.web!.replicas).toBe(16)
    step(w, 60_000)
    expect(w.apps.web!.replicas).toBe(2)
  })

  test('with spec.behavior the v2 default policies apply: 2 → 6 → 12 → 16, max(4 pods, 100 %) per 15 s', () => {
    const w = cluster(2)
    must(w, { type: 'setHpa', appId: 'web', minReplicas: 2, maxReplicas: 20, targetCpuPercent: 50, behavior: true })
    must(w, { type: 'setTraffic', appId: 'web', rps: 800 })
    const sizes: number[] = []
    for (let t = 0; t < 120_000; t += 100) {
      step(w, 100)
      if (sizes.at(-1) !== w.apps.web!.replicas) sizes.push(w.apps.web!.replicas)
    }
    expect(sizes).toEqual([2, 6, 12, 16])
    expect(w.apps.web!.hpa!.status.technical).toContain('v2 default policies')
  })

  test('a new HPA does not scale down in its first 5 minutes: the current count is its first recommendation', () => {
    const w = cluster(6)
    must(w, { type: 'setTraffic', appId: 'web', rps: 60 }) // 10 % busy: 2 rooms would do
    must(w, { type: 'setHpa', appId: 'web', minReplicas: 1, maxReplicas: 10, targetCpuPercent: 50 })
    step(w, HPA.scaleDownStabilizationMs - 1_000)
    expect(w.apps.web!.replicas).toBe(6)
    expect(w.apps.web!.hpa!.status.technical).toMatch(/^cpu 10%\/50% .*ScaleDownStabilized/)
    step(w, 30_000)
    expect(w.apps.web!.replicas).toBe(2)
  })

  test('on a scale-up, Pending pods count as 0 % use; on a scale-down, pods without metrics count as 100 %', () => {
    const ready = (pct: number): PodSample => ({ kind: 'ready', usageMilli: pct, requestMilli: 100 })
    const pending: PodSample = { kind: 'unready', usageMilli: 0, requestMilli: 100 }
    const crashed: PodSample = { kind: 'missing', usageMilli: 0, requestMilli: 100 }
    // Two ready pods at 100 % for a 50 % target, two just added and still Pending: (200 + 0 + 0) / 400 = 50 %: hold at 4
    // (counting only the ready ones would ask for ceil(2 × 2) = 4 more on top, i.e. a second scale-up for the same load).
    expect(calcReplicas([ready(100), ready(100), pending, pending], 50, 4).replicas).toBe(4)
    expect(calcReplicas([ready(100), ready(100)], 50, 2).replicas).toBe(4)
    // Three ready pods at 20 % and a crashed one (no metric): it counts as 100 %, so (60 + 100) / 400 = 40 % of a
    // 50 % target: ceil(0.8 × 4) = 4, no scale-down (ignoring it would give ceil(0.4 × 3) = 2).
    expect(calcReplicas([ready(20), ready(20), ready(20), crashed], 50, 4).replicas).toBe(4)
    expect(calcReplicas([ready(20), ready(20), ready(20)], 50, 3).replicas).toBe(2)
    // Nothing measured: no decision, and the reason is kubectl's.
    expect(calcReplicas([pending, crashed], 50, 2)).toMatchObject({ replicas: 2, utilisation: null })
  })

  test('a room without a CPU limit uses 10× its request under a 10× surge, and the HPA sees and scales for it', () => {
    const w = cluster(1)
    must(w, { type: 'setHpa', appId: 'web', minReplicas: 1, maxReplicas: 40, targetCpuPercent: 50 })
    must(w, { type: 'setTraffic', appId: 'web', rps: 1000 }) // 10× what one room serves at its request
    step(w, 1_000)
    const [c] = containersOf(w, 'web')
    expect(c!.cpuLimitMilli).toBeNull()
    expect(c!.cpuUsageMilli).toBe(2500) // 10 × 250m, on a 16-core house with room to spare
    stepUntil(w, (x) => x.apps.web!.replicas > 1)
    expect(w.apps.web!.hpa!.currentCpuPercent).toBe(1000)
    // Raw recommendation ceil(1000 / 50 × 1) = 20; the rate limit allows max(2 × 1, 4) = 4 this sync.
    expect(w.apps.web!.replicas).toBe(4)
    expect(w.apps.web!.hpa!.status.technical).toContain('ScaleUpLimit')
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
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for ' +
        'scheduling..',
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
