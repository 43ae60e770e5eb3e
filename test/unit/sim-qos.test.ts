/**
 * Memory pressure by QoS class (FIDELITY.md "Requests vs limits, QoS", "Node out of memory"): the kubelet evicts
 * under memory pressure first, ranked by usage over request, priority, and how far over; the kernel OOM killer picks
 * by usage plus oom_score_adj (Guaranteed −997, BestEffort 1000, Burstable by request).
 */
import { describe, expect, test } from 'vitest'
import { kubectl } from '../../src/io/kubectl'
import { apply, createWorld, eventText, oomScoreAdj, qosClass, qosWhy, step } from '../../src/sim'
import type { Command, Container, World } from '../../src/sim'
import { containersOf, must, stepUntil } from './helpers'

/** One 16 GiB house; a Guaranteed database that holds most of it, a Burstable web and a BestEffort cache, all managed. */
function street(): World {
  const w = createWorld(5)
  must(w, { type: 'addHost', name: '1', cores: 8, memMiB: 16384, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'img', ref: 'img:1', sizeMiB: 50 })
  const app = (id: string, cpu: number, mem: number, limits: boolean) =>
    must(w, {
      type: 'addApp',
      id,
      name: id,
      imageId: 'img',
      cpuRequestMilli: cpu,
      memRequestMiB: mem,
      ...(limits ? { cpuLimitMilli: cpu, memLimitMiB: mem } : {}),
      rps: 0,
      capacityRps: 10,
      replicas: 1,
      managed: true,
    })
  app('db', 500, 15_000, true)
  app('web', 250, 512, false)
  app('cache', 0, 0, false)
  stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length === 3)
  return w
}
const pod = (w: World, app: string): Container => containersOf(w, app)[0]!

describe('QoS classes', () => {
  test('the class follows requests and limits, and oom_score_adj is −997 Guaranteed, 1000 BestEffort, by request for Burstable', () => {
    const w = street()
    expect(['db', 'web', 'cache'].map((a) => qosClass(pod(w, a)))).toEqual(['Guaranteed', 'Burstable', 'BestEffort'])
    expect(oomScoreAdj(pod(w, 'db'), 16_000)).toBe(-997)
    expect(oomScoreAdj(pod(w, 'cache'), 16_000)).toBe(1000)
    // 1000 − 1000 × 512 / 16000 = 968; a Burstable pod that requests (nearly) everything still gets at least 2.
    expect(oomScoreAdj(pod(w, 'web'), 16_000)).toBe(968)
    expect(oomScoreAdj({ ...pod(w, 'web'), memRequestMiB: 16_000 }, 16_000)).toBe(2)
    expect(qosWhy(pod(w, 'cache')).technical).toMatch(/no requests or limits/)
    // describe pod says the same class (the console used to call a request-less pod Burstable).
    const run = (line: string) => kubectl(w, line, (c: Command) => apply(w, c))
    expect(run(`describe pod ${pod(w, 'cache').name}`)).toMatch(/QoS Class:\s+BestEffort/)
    expect(run(`describe pod ${pod(w, 'db').name}`)).toMatch(/QoS Class:\s+Guaranteed/)
  })

  test('a node out of memory: the kernel kills the leaking Burstable pod, not the bigger Guaranteed one', () => {
    const w = street()
    const db = pod(w, 'db')
    const web = pod(w, 'web')
    must(w, { type: 'leakMemory', containerId: web.id, mibPerS: 1000 })
    stepUntil(w, () => web.state !== 'running', 60_000)
    // The database is the biggest (11,250 MiB in use); the old rule killed the biggest.
    expect(db.memUsageMiB).toBeGreaterThan(web.memUsageMiB)
    expect(db.state).toBe('running')
    expect(web.exitCode).toBe(137)
    expect(web.reason).toMatch(/highest badness .*QoS Burstable/)
  })

  test(
    'under memory pressure the kubelet evicts the pod furthest over its request (the BestEffort one) before the kernel OOM killer ' +
      'acts',
    () => {
      const w = street()
      const db = pod(w, 'db')
      const cache = pod(w, 'cache')
      must(w, { type: 'leakMemory', containerId: cache.id, mibPerS: 5 })
      must(w, { type: 'leakMemory', containerId: pod(w, 'web').id, mibPerS: 5 })
      stepUntil(w, (x) => x.events.some((e) => eventText(e, 'technical').startsWith('Evicted pod')), 900_000)
      const evicted = w.events.find((e) => eventText(e, 'technical').startsWith('Evicted pod'))!
      expect(eventText(evicted, 'technical')).toContain(
        `Evicted pod ${cache.name}: The node was low on resource: memory. Threshold quantity: 100Mi`,
      )
      expect(eventText(evicted, 'technical')).toContain('QoS BestEffort')
      expect(w.containers[cache.id]).toBeUndefined()
      expect(w.events.some((e) => eventText(e, 'technical').startsWith('OOMKilled'))).toBe(false)
      expect(db.state).toBe('running')
      // The ReplicaSet opens a new cache pod.
      step(w, 1_000)
      expect(containersOf(w, 'cache')).toHaveLength(1)
      expect(pod(w, 'cache').id).not.toBe(cache.id)
    },
  )
})
