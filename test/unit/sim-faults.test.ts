import { describe, expect, test } from 'vitest'
import { NODE_LIFECYCLE, step } from '../../src/sim'
import { containersOf, must, smallStreet, stepUntil } from './helpers'

/** Two houses; house 1 holds a Linux apartment with two rooms and one room on bare metal; house 2 one room. */
function street() {
  const w = smallStreet(9, 2)
  const vmA = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048, name: 'A' })!
  const vmB = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048, name: 'B' })!
  const inA1 = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmA } })!
  const inA2 = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmA } })!
  const inB = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vmB } })!
  const bare1 = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
  const bare2 = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h2' } })!
  stepUntil(w, (x) => Object.values(x.containers).every((c) => c.state === 'running'))
  return { w, vmA, vmB, inA1, inA2, inB, bare1, bare2 }
}

describe('blast radius follows the isolation boundary', () => {
  test('a room crash takes only that room', () => {
    const { w, inA1, inA2, inB, bare1, bare2 } = street()
    must(w, { type: 'crashContainer', containerId: inA1 })
    step(w, 100)
    expect(w.containers[inA1]!.state).toBe('crashed')
    for (const id of [inA2, inB, bare1, bare2]) expect(w.containers[id]!.state).toBe('running')
  })

  test('an apartment crash (guest kernel panic) takes its rooms and never the apartment next door', () => {
    const { w, vmA, vmB, inA1, inA2, inB, bare1, bare2 } = street()
    must(w, { type: 'crashVm', vmId: vmA })
    step(w, 100)
    expect(w.vms[vmA]!.state).toBe('crashed')
    expect(w.vms[vmB]!.state).toBe('running')
    expect(w.containers[inA1]!.state).toBe('lost')
    expect(w.containers[inA2]!.state).toBe('lost')
    for (const id of [inB, bare1, bare2]) expect(w.containers[id]!.state).toBe('running')
  })

  test("an apartment started again after a crash starts the manager's room still bound to it", () => {
    const w = smallStreet(9, 2)
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048, name: 'A' })!
    const room = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'vm', vmId: vm } })!
    stepUntil(w, (x) => x.containers[room]?.state === 'running')
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    step(w, 5_000)
    must(w, { type: 'crashVm', vmId: vm })
    step(w, 2_000)
    expect(w.containers[room]!.state).toBe('lost')
    must(w, { type: 'startVm', vmId: vm })
    // The same room, running again in the same apartment: the hypervisor hands it back to kubelet as pending.
    stepUntil(w, (x) => x.containers[room]?.state === 'running', 120_000)
    expect(w.containers[room]!.placement).toEqual({ kind: 'vm', vmId: vm })
  })

  test('a house fire takes every apartment and room in it, and nothing in the house next door', () => {
    const { w, vmA, vmB, inA1, inA2, inB, bare1, bare2 } = street()
    must(w, { type: 'failHost', hostId: 'h1' })
    step(w, 100)
    expect(w.vms[vmA]!.state).toBe('crashed')
    expect(w.vms[vmB]!.state).toBe('crashed')
    for (const id of [inA1, inA2, inB, bare1]) expect(w.containers[id]!.state).toBe('lost')
    expect(w.containers[bare2]!.state).toBe('running')
  })
})

describe('the manager and a lost house (node lifecycle)', () => {
  test('the manager notices after the 50 s grace period and moves the rooms ~350 s after the fire', () => {
    const w = smallStreet(4, 2)
    must(w, { type: 'setReplicas', appId: 'web', replicas: 4 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === 4)
    const onH1 = containersOf(w, 'web').filter((c) => c.placement?.kind === 'host' && c.placement.hostId === 'h1').length
    expect(onH1).toBeGreaterThan(0)
    must(w, { type: 'failHost', hostId: 'h1' })
    const fireAt = w.timeMs
    const notReady = stepUntil(w, (x) => x.hosts.h1!.condition === 'Unknown')
    expect(notReady).toBe(NODE_LIFECYCLE.gracePeriodMs)
    stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === 4)
    const recovered = w.timeMs - fireAt
    expect(recovered).toBeGreaterThanOrEqual(NODE_LIFECYCLE.gracePeriodMs + NODE_LIFECYCLE.evictionTolerationMs)
    expect(recovered).toBeLessThan(NODE_LIFECYCLE.gracePeriodMs + NODE_LIFECYCLE.evictionTolerationMs + 5_000)
    for (const c of containersOf(w, 'web')) expect(c.placement).toEqual({ kind: 'host', hostId: 'h2' })
  })

  test('the manager does not rebuild a burnt house: that is the infrastructure crew', () => {
    const w = smallStreet(4, 2)
    must(w, { type: 'failHost', hostId: 'h1' })
    step(w, 3_600_000)
    expect(w.hosts.h1!.power).toBe('failed')
    must(w, { type: 'repairHost', hostId: 'h1' })
    expect(w.hosts.h1!.power).toBe('on')
    step(w, 100)
    expect(w.hosts.h1!.condition).toBe('Ready')
  })

  test('with the manager, a collapsed room is reopened; without it, it stays collapsed', () => {
    for (const managed of [true, false]) {
      const w = smallStreet()
      must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })
      if (managed) must(w, { type: 'setManaged', appId: 'web', managed: true })
      stepUntil(w, (x) => containersOf(x, 'web')[0]!.state === 'running')
      must(w, { type: 'crashRandomContainer', appId: 'web' })
      step(w, 30_000)
      expect(containersOf(w, 'web')[0]!.state).toBe(managed ? 'running' : 'crashed')
    }
  })
})

describe('a node that comes back before its pods are evicted', () => {
  test("a house repaired after 10 s restarts the manager's rooms still bound to it; plain rooms stay gone", async () => {
    const { createWorld, apply, STEP_MS } = await import('../../src/sim')
    const w = createWorld(7)
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
      replicas: 3,
      managed: true,
    })
    apply(w, {
      type: 'addApp',
      id: 'solo',
      name: 'solo',
      imageId: 'web',
      cpuRequestMilli: 250,
      memRequestMiB: 256,
      rps: 0,
      capacityRps: 10,
    })
    apply(w, { type: 'runContainer', appId: 'solo', target: { kind: 'host', hostId: 'h1' } })
    const run = (s: number) => {
      for (let i = 0; i < s * 10; i++) step(w, STEP_MS)
    }
    run(20)
    const webIds = Object.values(w.containers)
      .filter((c) => c.appId === 'web')
      .map((c) => c.id)
    expect(webIds).toHaveLength(3)
    apply(w, { type: 'failHost', hostId: 'h1' })
    run(10)
    apply(w, { type: 'repairHost', hostId: 'h1' })
    run(30)
    const web = webIds.map((id) => w.containers[id])
    // The same pods (same names), running again on h1, each with one restart.
    expect(web.map((c) => c?.state)).toEqual(['running', 'running', 'running'])
    expect(web.every((c) => c?.restarts === 1)).toBe(true)
    expect(Object.values(w.containers).filter((c) => c.appId === 'solo')).toHaveLength(0)
  })
})
