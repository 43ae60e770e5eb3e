/**
 * Probes (FIDELITY.md "Probes", "Services", "Restart back-off"): readiness takes a room out of the
 * doorman's rotation and lets it back; liveness restarts a stuck room after period × failureThreshold;
 * without a liveness probe a stuck room stays stuck.
 */
import { describe, expect, it } from 'vitest'
import { apply, hashWorld, step, eventText } from '../../src/sim'
import type { Container, Probe, World } from '../../src/sim'
import { containersOf, must, smallStreet, stepUntil } from './helpers'

const probe = (p: Partial<Probe> = {}): Probe => ({
  initialDelaySeconds: 0,
  periodSeconds: 10,
  failureThreshold: 3,
  successThreshold: 1,
  ...p,
})

/** Three managed web rooms (60 visitors/s each) facing 150 visitors/s, all running. */
function webOfThree(seed = 1, probes: { readiness?: Probe | null; liveness?: Probe | null } = {}): World {
  const w = smallStreet(seed)
  if (probes.readiness !== undefined || probes.liveness !== undefined) must(w, { type: 'setProbes', appId: 'web', ...probes })
  must(w, { type: 'setTraffic', appId: 'web', rps: 150 })
  must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
  must(w, { type: 'setManaged', appId: 'web', managed: true })
  stepUntil(w, (x) => x.apps.web!.readyReplicas === 3)
  return w
}

/** Step until just after a probe of this room ran (its running time is a whole number of periods, plus one step). */
function justAfterProbe(w: World, c: Container, periodMs = 10_000): void {
  stepUntil(w, (x) => (x.timeMs - c.stateSinceMs) % periodMs === 100)
}

describe('readiness probes', () => {
  it('without a readiness probe a room is in rotation as soon as it runs', () => {
    const w = smallStreet()
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').some((c) => c.state === 'running'))
    const c = containersOf(w, 'web')[0]!
    expect(c.ready).toBe(true)
    expect(w.apps.web!.readyReplicas).toBe(1)
  })

  it('with one, a room waits for successThreshold good answers before visitors come', () => {
    const w = smallStreet()
    must(w, { type: 'setProbes', appId: 'web', readiness: probe({ initialDelaySeconds: 5, successThreshold: 2 }) })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').some((c) => c.state === 'running'))
    const c = containersOf(w, 'web')[0]!
    const started = c.stateSinceMs
    expect(c.ready).toBe(false)
    expect(w.apps.web!.lastServedRps).toBe(0)
    stepUntil(w, () => c.ready)
    // First probe after the 5 s initial delay, the second one period later: ready 15 s after start.
    expect(w.timeMs - started).toBe(15_000)
    step(w, 100)
    expect(w.apps.web!.lastServedRps).toBe(60)
  })

  it(
    'a stuck room leaves the rotation after failureThreshold failures, keeps running, and rejoins after successThreshold ' + 'successes',
    () => {
      const w = webOfThree(1, { readiness: probe({ successThreshold: 2 }) })
      expect(w.apps.web!.lastServedRps).toBe(150)
      const [c] = containersOf(w, 'web')
      justAfterProbe(w, c!)
      must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
      step(w, 100)
      // Still in rotation: the doorman sends it a third of the visitors and they get no answer.
      expect(c!.ready).toBe(true)
      expect(w.apps.web!.lastServedRps).toBeCloseTo(100, 6)
      const out = stepUntil(w, () => !c!.ready)
      // Three failed probes, 10 s apart, the first one 10 s after the last good one.
      expect(out).toBeGreaterThan(29_000)
      expect(out).toBeLessThanOrEqual(30_000)
      expect(c!.state).toBe('running')
      expect(c!.restarts).toBe(0)
      step(w, 100)
      expect(w.apps.web!.readyReplicas).toBe(2)
      // Two rooms take all the visitors now: 2 × 60 served of 150, more than the 100 while the stuck one was in rotation.
      expect(w.apps.web!.lastServedRps).toBe(120)
      expect(w.events.some((e) => eventText(e, 'technical').startsWith('Readiness probe failed:'))).toBe(true)
      must(w, { type: 'hangContainer', containerId: c!.id, hung: false })
      const back = stepUntil(w, () => c!.ready)
      // successThreshold 2: two good probes, the first within one period.
      expect(back).toBeGreaterThan(10_000)
      expect(back).toBeLessThanOrEqual(20_000)
      step(w, 100)
      expect(w.apps.web!.readyReplicas).toBe(3)
      expect(w.apps.web!.lastServedRps).toBe(150)
    },
  )

  it('a room held far below the CPU its work needs fails its probe (answers after the timeout)', () => {
    const w = smallStreet()
    must(w, { type: 'setProbes', appId: 'web', readiness: probe() })
    must(w, { type: 'setLimits', appId: 'web', cpuLimitMilli: 500, memLimitMiB: null })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 2 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => x.apps.web!.readyReplicas === 2)
    const [c, other] = containersOf(w, 'web')
    must(w, { type: 'hogCpu', containerId: c!.id, on: true })
    step(w, 100)
    expect(c!.speed).toBeLessThan(0.1)
    stepUntil(w, () => !c!.ready, 31_000)
    expect(c!.state).toBe('running')
    expect(other!.ready).toBe(true)
  })

  it('a rolling update waits for the new rooms to pass their readiness probe', () => {
    const w = webOfThree(1, { readiness: probe({ initialDelaySeconds: 20 }) })
    must(w, { type: 'addImage', id: 'web2', ref: 'web:2.0', sizeMiB: 200 })
    must(w, { type: 'setImage', appId: 'web', imageId: 'web2' })
    const newRunning = (x: World) => containersOf(x, 'web').find((c) => c.imageId === 'web2' && c.state === 'running')
    stepUntil(w, (x) => newRunning(x) !== undefined)
    const fresh = newRunning(w)!
    // Running but not ready yet: every old room is still there (maxUnavailable 0 of 3 rooms).
    expect(fresh.ready).toBe(false)
    expect(containersOf(w, 'web').filter((c) => c.imageId === 'web')).toHaveLength(3)
    stepUntil(w, () => fresh.ready)
    stepUntil(w, (x) => containersOf(x, 'web').every((c) => c.imageId === 'web2' && c.ready))
    expect(w.apps.web!.readyReplicas).toBe(3)
  })
})

describe('liveness probes', () => {
  it('restart a stuck room after period × failureThreshold (30 s by default) and not before', () => {
    const w = webOfThree(1, { liveness: probe() })
    const [c] = containersOf(w, 'web')
    justAfterProbe(w, c!)
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    const hungAt = w.timeMs
    step(w, 29_800)
    expect(c!.state).toBe('running')
    expect(c!.hung).toBe(true)
    step(w, 100)
    // The third failed probe, 30 s after the last good one.
    expect(w.timeMs - hungAt + 100).toBe(30_000)
    expect(c!.state).not.toBe('running')
    expect(c!.exitCode).toBe(137)
    expect(c!.reason).toContain('Liveness probe failed')
    expect(w.events.some((e) => eventText(e, 'technical').includes(`Container ${c!.name} failed liveness probe, will be restarted`))).toBe(
      true,
    )
    stepUntil(w, () => c!.state === 'running')
    expect(c!.restarts).toBe(1)
    expect(c!.hung).toBe(false)
  })

  it('repeated liveness kills back off as a crash loop does (at once, then 10 s, then 20 s)', () => {
    const w = webOfThree(1, { liveness: probe() })
    const [c] = containersOf(w, 'web')
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    stepUntil(w, () => c!.state !== 'running')
    step(w, 100)
    expect(c!.state).toBe('creating')
    stepUntil(w, () => c!.state === 'running')
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    stepUntil(w, () => c!.state === 'backoff')
    expect(c!.backoffMs).toBe(10_000)
    stepUntil(w, () => c!.state === 'running')
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    stepUntil(w, () => c!.state === 'backoff')
    expect(c!.backoffMs).toBe(20_000)
    expect(c!.reason).toContain('CrashLoopBackOff')
  })

  it('without a liveness probe a stuck room stays stuck and keeps losing its share of visitors', () => {
    const w = webOfThree(1)
    const [c] = containersOf(w, 'web')
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    const dropped = w.apps.web!.dropped
    step(w, 600_000)
    expect(c!.state).toBe('running')
    expect(c!.hung).toBe(true)
    expect(c!.restarts).toBe(0)
    // Still in rotation (nothing can tell): a third of 150 visitors/s lost for 10 minutes.
    expect(c!.ready).toBe(true)
    expect(w.apps.web!.dropped - dropped).toBeCloseTo(50 * 600, 0)
  })

  it('with only a readiness probe a stuck room stays stuck but is out of rotation', () => {
    const w = webOfThree(1, { readiness: probe() })
    const [c] = containersOf(w, 'web')
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    step(w, 600_000)
    expect(c!.hung).toBe(true)
    expect(c!.restarts).toBe(0)
    expect(c!.ready).toBe(false)
    expect(w.apps.web!.lastServedRps).toBe(120)
  })
})

describe('probe commands', () => {
  it('refuse a liveness probe with successThreshold other than 1, a hang of a room that is not open, and say why', () => {
    const w = smallStreet()
    const r = apply(w, { type: 'setProbes', appId: 'web', liveness: probe({ successThreshold: 2 }) })
    expect(r).toMatchObject({ ok: false, technical: 'livenessProbe.successThreshold: Invalid value: must be 1' })
    expect(w.apps.web!.livenessProbe).toBeNull()
    expect(apply(w, { type: 'setProbes', appId: 'web', readiness: probe({ periodSeconds: 0 }) }).ok).toBe(false)
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    step(w, 100)
    const c = containersOf(w, 'web')[0]!
    expect(c.state).not.toBe('running')
    expect(apply(w, { type: 'hangContainer', containerId: c.id, hung: true })).toMatchObject({ ok: false })
  })

  it('removing the readiness probe puts a stuck-out room back in rotation', () => {
    const w = webOfThree(1, { readiness: probe() })
    const [c] = containersOf(w, 'web')
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    stepUntil(w, () => !c!.ready)
    must(w, { type: 'setProbes', appId: 'web', readiness: null })
    expect(c!.ready).toBe(true)
  })

  it('a saved and reloaded world probes on exactly like the original', () => {
    const w = webOfThree(3, { readiness: probe({ successThreshold: 2 }), liveness: probe({ periodSeconds: 7 }) })
    const [a, b] = containersOf(w, 'web')
    must(w, { type: 'hangContainer', containerId: a!.id, hung: true })
    step(w, 12_300)
    const copy = JSON.parse(JSON.stringify(w)) as World
    must(w, { type: 'hangContainer', containerId: b!.id, hung: true })
    must(copy, { type: 'hangContainer', containerId: b!.id, hung: true })
    step(w, 90_000)
    step(copy, 90_000)
    expect(w.stats.crashes).toBeGreaterThan(0)
    expect(hashWorld(copy)).toBe(hashWorld(w))
  })

  it('same seed and commands give the same world', () => {
    const run = () => {
      const w = webOfThree(7, { readiness: probe(), liveness: probe({ failureThreshold: 2 }) })
      const [a, b] = containersOf(w, 'web')
      must(w, { type: 'hangContainer', containerId: a!.id, hung: true })
      step(w, 45_000)
      must(w, { type: 'hangContainer', containerId: b!.id, hung: true })
      step(w, 120_000)
      return hashWorld(w)
    }
    expect(run()).toBe(run())
  })
})

describe('hangRandomContainers (level and classroom chaos)', () => {
  it('the same seed sticks the same rooms; only running, answering rooms are picked', async () => {
    const { createWorld, apply, step, STEP_MS } = await import('../../src/sim')
    const make = () => {
      const w = createWorld(42)
      apply(w, { type: 'addHost', cores: 8, memMiB: 16384, costPerHour: 1 })
      apply(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 100 })
      apply(w, {
        type: 'addApp',
        id: 'web',
        name: 'web',
        imageId: 'web',
        cpuRequestMilli: 250,
        memRequestMiB: 256,
        rps: 0,
        capacityRps: 10,
        replicas: 5,
        managed: true,
      })
      for (let i = 0; i < 200; i++) step(w, STEP_MS)
      return w
    }
    const hungIds = (w: ReturnType<typeof make>) =>
      Object.values(w.containers)
        .filter((c) => c.hung)
        .map((c) => c.id)
        .sort()
    const a = make()
    const b = make()
    expect(apply(a, { type: 'hangRandomContainers', appId: 'web', count: 2 }).ok).toBe(true)
    apply(b, { type: 'hangRandomContainers', appId: 'web', count: 2 })
    expect(hungIds(a)).toHaveLength(2)
    expect(hungIds(a)).toEqual(hungIds(b))
    // Asking for more than are left sticks the rest and no room twice.
    apply(a, { type: 'hangRandomContainers', appId: 'web', count: 9 })
    expect(hungIds(a)).toHaveLength(5)
    expect(apply(a, { type: 'hangRandomContainers', appId: 'web', count: 1 }).ok).toBe(false)
  })
})
