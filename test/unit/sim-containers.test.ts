import { describe, expect, test } from 'vitest'
import { apply, CRASH_BACKOFF, PULL_MIB_PER_S, step } from '../../src/sim'
import { containersOf, must, smallStreet, stepUntil } from './helpers'

describe('rooms (containers) and the caretaker (kubelet)', () => {
  test('the first room of an image on a house waits for the kit to be delivered; the second does not', () => {
    const w = smallStreet()
    const a = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    step(w, 100)
    expect(w.containers[a]!.state).toBe('pulling')
    const first = stepUntil(w, (x) => x.containers[a]!.state === 'running')
    expect(first).toBeGreaterThanOrEqual((200 / PULL_MIB_PER_S.value) * 1000 - 100)
    const b = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    step(w, 100)
    expect(w.containers[b]!.state).toBe('creating')
    const second = stepUntil(w, (x) => x.containers[b]!.state === 'running')
    expect(second).toBeLessThan(first / 2)
  })

  test('a crashed room of a plain `docker run` stays down; the rooms next to it keep serving', () => {
    const w = smallStreet()
    must(w, {
      type: 'addApp',
      id: 'blog',
      name: 'blog',
      imageId: 'web',
      cpuRequestMilli: 500,
      memRequestMiB: 512,
      rps: 50,
      capacityRps: 60,
    })
    const web = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    const blog = must(w, { type: 'runContainer', appId: 'blog', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[web]!.state === 'running' && x.containers[blog]!.state === 'running')
    must(w, { type: 'crashContainer', containerId: web })
    step(w, 60_000)
    expect(w.containers[web]!.state).toBe('crashed')
    expect(w.containers[blog]!.state).toBe('running')
    expect(w.apps.blog!.lastServedRps).toBe(50)
    expect(w.apps.web!.lastServedRps).toBe(0)
  })

  test('a crashed room restarts at once the first time, then waits 10 s, 20 s, 40 s, 80 s (CrashLoopBackOff from the second crash)', () => {
    // FIDELITY.md "Restart back-off" (kubelet doBackOff): waits 0, 10, 20, 40, 80, 160, 300 s. The game used to wait
    // 10 s before the first restart, so a single crash already read CrashLoopBackOff.
    const w = smallStreet()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 1 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').some((c) => c.state === 'running'))
    const id = containersOf(w, 'web')[0]!.id
    const waits: number[] = []
    const states: string[] = []
    for (let i = 0; i < 5; i++) {
      must(w, { type: 'crashContainer', containerId: id })
      const crashedAt = w.timeMs
      step(w, 100)
      states.push(w.containers[id]!.state)
      stepUntil(w, (x) => x.containers[id]!.state === 'creating' || x.containers[id]!.state === 'running', 400_000)
      waits.push(Math.round((w.timeMs - crashedAt) / 1000))
      stepUntil(w, (x) => x.containers[id]!.state === 'running')
    }
    expect(waits).toEqual([0, 10, 20, 40, 80])
    expect(states).toEqual(['creating', 'backoff', 'backoff', 'backoff', 'backoff'])
    expect(w.containers[id]!.restarts).toBe(5)
    expect(CRASH_BACKOFF.maxMs).toBe(300_000)
  })

  test('one crash never reads CrashLoopBackOff; the second does, with back-off 10s', () => {
    const w = smallStreet()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 1 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').some((c) => c.state === 'running'))
    const id = containersOf(w, 'web')[0]!.id
    must(w, { type: 'crashContainer', containerId: id })
    const seen: string[] = []
    for (let t = 0; t < 5_000; t += 100) {
      step(w, 100)
      seen.push(w.containers[id]!.state, w.containers[id]!.reason)
    }
    expect(seen.join(' ')).not.toMatch(/CrashLoopBackOff|backoff/)
    expect(w.containers[id]!.state).toBe('running')
    must(w, { type: 'crashContainer', containerId: id })
    step(w, 100)
    expect(w.containers[id]!.state).toBe('backoff')
    expect(w.containers[id]!.reason).toMatch(/^CrashLoopBackOff: back-off 10s restarting failed container/)
  })

  test('the back-off is capped at 5 minutes and resets after 10 minutes of running', () => {
    const w = smallStreet()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 1 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').some((c) => c.state === 'running'))
    const id = containersOf(w, 'web')[0]!.id
    for (let i = 0; i < 8; i++) {
      must(w, { type: 'crashContainer', containerId: id })
      step(w, 100)
      stepUntil(w, (x) => x.containers[id]!.state === 'running', 400_000)
    }
    expect(w.containers[id]!.backoffMs).toBe(300_000)
    step(w, 600_000)
    expect(w.containers[id]!.backoffMs).toBe(0)
  })

  test('classroom time compresses the back-off by the shown factor, keeping its shape', () => {
    const w = smallStreet()
    must(w, { type: 'setDelayScale', scale: 0.1 })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 1 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').some((c) => c.state === 'running'))
    const id = containersOf(w, 'web')[0]!.id
    // The first crash restarts at once; the second waits 10 s × 0.1.
    must(w, { type: 'crashContainer', containerId: id })
    stepUntil(w, (x) => x.containers[id]!.state === 'running')
    must(w, { type: 'crashContainer', containerId: id })
    step(w, 100)
    const t = w.timeMs
    stepUntil(w, (x) => x.containers[id]!.state === 'creating')
    expect(w.timeMs - t).toBe(1000)
  })

  test('visitors beyond what the open rooms can take are dropped and counted', () => {
    const w = smallStreet()
    must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })
    stepUntil(w, (x) => containersOf(x, 'web')[0]!.state === 'running')
    const served0 = w.apps.web!.served
    const dropped0 = w.apps.web!.dropped
    step(w, 10_000)
    // 100 visitors/s arrive, one room takes 60/s.
    expect(w.apps.web!.served - served0).toBeCloseTo(600, 5)
    expect(w.apps.web!.dropped - dropped0).toBeCloseTo(400, 5)
  })

  test('rejected commands change nothing and say why in both vocabularies', () => {
    const w = smallStreet()
    const before = JSON.stringify(w)
    const results = [
      apply(w, { type: 'runContainer', appId: 'nope', target: { kind: 'host', hostId: 'h1' } }),
      apply(w, { type: 'setReplicas', appId: 'web', replicas: -1 }),
      apply(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 0, memMiB: 1024 }),
      apply(w, { type: 'bogus' } as never),
    ]
    for (const r of results) {
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.metaphor.length).toBeGreaterThan(5)
        expect(r.technical.length).toBeGreaterThan(5)
      }
    }
    expect(JSON.stringify(w)).toBe(before)
  })
})
