import { describe, expect, test } from 'vitest'
import { MEM_BASELINE_OF_REQUEST, OOM_KILL, RUNTIMES, step, cfsBurstWallMs } from '../../src/sim'
import type { World } from '../../src/sim'
import { must, smallStreet, stepUntil } from './helpers'

function runningVm(w: World, memMiB = 4096, vcpus = 2): string {
  const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus, memMiB })!
  stepUntil(w, (x) => x.vms[vm]!.state === 'running')
  return vm
}

function open(w: World, appId: string, target: { kind: 'host'; hostId: string } | { kind: 'vm'; vmId: string }): string {
  const id = must(w, { type: 'runContainer', appId, target })!
  stepUntil(w, (x) => x.containers[id]!.state === 'running')
  return id
}

describe('limits cap what a room may use', () => {
  test('a room over its memory limit is OOM-killed with exit code 137 exactly when usage exceeds the limit', () => {
    const w = smallStreet()
    must(w, {
      type: 'addApp',
      id: 'leaky',
      name: 'leaky',
      imageId: 'web',
      cpuRequestMilli: 100,
      memRequestMiB: 512,
      memLimitMiB: 600,
      rps: 0,
      capacityRps: 10,
    })
    const c = open(w, 'leaky', { kind: 'host', hostId: 'h1' })
    must(w, { type: 'leakMemory', containerId: c, mibPerS: 10 })
    let lastUse = 0
    while (w.containers[c]!.state === 'running') {
      lastUse = w.containers[c]!.memUsageMiB
      expect(lastUse).toBeLessThanOrEqual(600)
      step(w, 100)
    }
    const room = w.containers[c]!
    expect(room.state).toBe('crashed')
    expect(room.exitCode).toBe(OOM_KILL.exitCode)
    expect(room.reason).toMatch(/^OOMKilled/)
    // The step that killed it took usage from ≤ 600 to over 600: one step of leak (1 MiB).
    expect(lastUse + 1).toBeGreaterThan(600)
    expect(512 * MEM_BASELINE_OF_REQUEST).toBe(384)
  })

  test('a managed room killed for memory comes back at once, keeps leaking, and the second kill waits out the back-off', () => {
    const w = smallStreet()
    must(w, {
      type: 'addApp',
      id: 'leaky',
      name: 'leaky',
      imageId: 'web',
      cpuRequestMilli: 100,
      memRequestMiB: 512,
      memLimitMiB: 600,
      rps: 0,
      capacityRps: 10,
      replicas: 1,
      managed: true,
    })
    const c = () => Object.values(w.containers).find((x) => x.appId === 'leaky')!
    stepUntil(w, () => c()?.state === 'running')
    must(w, { type: 'leakMemory', containerId: c().id, mibPerS: 50 })
    stepUntil(w, () => c().state === 'backoff')
    // The first OOM kill restarted it at once (no CrashLoopBackOff); the leak killed it again.
    expect(c().restarts).toBe(1)
    expect(c().reason).toMatch(/CrashLoopBackOff: back-off 10s.*OOMKilled/)
    stepUntil(w, () => c().state === 'running')
    expect(c().restarts).toBe(2)
    expect(c().memUsageMiB).toBeLessThan(600)
  })

  test('a room over its CPU limit is throttled, not killed: slower, and it says why', () => {
    const w = smallStreet()
    must(w, {
      type: 'addApp',
      id: 'capped',
      name: 'capped',
      imageId: 'web',
      cpuRequestMilli: 500,
      cpuLimitMilli: 1000,
      memRequestMiB: 256,
      rps: 30,
      capacityRps: 60,
    })
    const c = open(w, 'capped', { kind: 'host', hostId: 'h1' })
    step(w, 1000)
    expect(w.containers[c]!.throttled).toBe(false)
    must(w, { type: 'hogCpu', containerId: c, on: true })
    step(w, 1000)
    const room = w.containers[c]!
    expect(room.state).toBe('running')
    expect(room.throttled).toBe(true)
    expect(room.cpuUsageMilli).toBe(1000)
    expect(room.speed).toBeLessThan(1)
    expect(room.reason).toMatch(/CPU throttled: CFS quota 1000m/)
    expect(w.apps.capped!.lastServedRps).toBeLessThan(30)
  })
})

describe('noisy neighbours share a kernel; apartment walls hold', () => {
  test(
    'a leak without limits fills the kernel: its OOM killer kills the biggest room, a neighbour; the next apartment is ' + 'untouched',
    () => {
      const w = smallStreet()
      const vm1 = runningVm(w)
      const vm2 = runningVm(w)
      must(w, {
        type: 'addApp',
        id: 'big',
        name: 'big',
        imageId: 'web',
        cpuRequestMilli: 100,
        memRequestMiB: 3000,
        rps: 0,
        capacityRps: 10,
      })
      must(w, {
        type: 'addApp',
        id: 'small',
        name: 'small',
        imageId: 'web',
        cpuRequestMilli: 100,
        memRequestMiB: 128,
        rps: 0,
        capacityRps: 10,
      })
      const neighbour = open(w, 'big', { kind: 'vm', vmId: vm1 })
      const leaker = open(w, 'small', { kind: 'vm', vmId: vm1 })
      const elsewhere = open(w, 'big', { kind: 'vm', vmId: vm2 })
      must(w, { type: 'leakMemory', containerId: leaker, mibPerS: 100 })
      stepUntil(w, (x) => x.containers[neighbour]!.state !== 'running', 60_000)
      expect(w.containers[neighbour]!.exitCode).toBe(137)
      // Plain `docker run` rooms all have oom_score_adj 0: the badness is the usage, so the biggest goes.
      expect(w.containers[neighbour]!.reason).toMatch(
        /out of memory; the kernel OOM killer chose the highest badness \(usage .*, oom_score_adj 0\)/,
      )
      expect(w.containers[leaker]!.state).toBe('running')
      expect(w.containers[elsewhere]!.state).toBe('running')
    },
  )

  test('a CPU hog without a limit starves a neighbour that reserved nothing, not one with a request, nor one next door', () => {
    const w = smallStreet()
    const vm1 = runningVm(w, 4096, 2)
    const vm2 = runningVm(w, 4096, 2)
    must(w, { type: 'addApp', id: 'hog', name: 'hog', imageId: 'web', cpuRequestMilli: 200, memRequestMiB: 128, rps: 0, capacityRps: 10 })
    must(w, {
      type: 'addApp',
      id: 'reserved',
      name: 'reserved',
      imageId: 'web',
      cpuRequestMilli: 500,
      memRequestMiB: 128,
      rps: 20,
      capacityRps: 20,
    })
    must(w, {
      type: 'addApp',
      id: 'besteffort',
      name: 'besteffort',
      imageId: 'web',
      cpuRequestMilli: 0,
      memRequestMiB: 128,
      rps: 20,
      capacityRps: 20,
    })
    const hog = open(w, 'hog', { kind: 'vm', vmId: vm1 })
    const r1 = open(w, 'reserved', { kind: 'vm', vmId: vm1 })
    const be1 = open(w, 'besteffort', { kind: 'vm', vmId: vm1 })
    const be2 = open(w, 'besteffort', { kind: 'vm', vmId: vm2 })
    must(w, { type: 'hogCpu', containerId: hog, on: true })
    step(w, 2000)
    expect(w.containers[r1]!.speed).toBe(1)
    expect(w.containers[be1]!.speed).toBeLessThan(0.2)
    expect(w.containers[be2]!.speed).toBe(1)
  })
})

describe('sandboxed runtimes', () => {
  test("a Kata pod reserves kata-deploy's RuntimeClass overhead, 160 MiB and 250m CPU, on top of its requests; a runc pod only its requests", () => {
    const w = smallStreet()
    const h = () => ({ ...w.hosts.h1!.alloc })
    const a = h()
    must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })
    const b = h()
    expect(b.memMiB - a.memMiB).toBe(512)
    expect(b.cpuMilli - a.cpuMilli).toBe(500)
    must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' }, runtime: 'kata' })
    const c = h()
    expect(c.memMiB - b.memMiB).toBe(512 + 160)
    expect(c.cpuMilli - b.cpuMilli).toBe(500 + 250)
  })

  test('Firecracker starts in ≥ 125 ms and costs < 5 MiB; gVisor runs slower; Kata reserves its light VM', () => {
    const w = smallStreet()
    const before = w.hosts.h1!.alloc.memMiB
    const fc = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' }, runtime: 'firecracker' })!
    // What the scheduler counts: the request plus the runtime's overhead; no shim (its MiB are use, not a request).
    expect(w.hosts.h1!.alloc.memMiB - before).toBe(512 + RUNTIMES.firecracker.overheadMiB)
    expect(RUNTIMES.firecracker.overheadMiB).toBeLessThanOrEqual(5)
    stepUntil(w, (x) => x.containers[fc]!.state === 'creating')
    const start = stepUntil(w, (x) => x.containers[fc]!.state === 'running')
    expect(start).toBeGreaterThanOrEqual(125)
    const gv = open(w, 'web', { kind: 'host', hostId: 'h1' })
    must(w, { type: 'setRuntime', appId: 'web', runtime: 'gvisor' })
    const gv2 = open(w, 'web', { kind: 'host', hostId: 'h1' })
    step(w, 500)
    expect(w.containers[gv]!.speed).toBe(1)
    expect(w.containers[gv2]!.speed).toBeCloseTo(RUNTIMES.gvisor.speed)
    expect(RUNTIMES.kata.overheadMiB).toBeGreaterThan(RUNTIMES.firecracker.overheadMiB)
  })
})

describe('CFS bandwidth control', () => {
  test('a CPU limit is enforced per 100 ms CFS period: a short burst runs at full speed, a long one runs its quota then waits', () => {
    // 500m = 50 ms of CPU per 100 ms period.
    expect(cfsBurstWallMs(20, 500)).toBe(20)
    expect(cfsBurstWallMs(50, 500)).toBe(50)
    expect(cfsBurstWallMs(80, 500)).toBe(130)
    // Four busy threads share the quota: 50 ms of CPU time is spent in 12.5 ms of wall time, then they all wait.
    expect(cfsBurstWallMs(50, 500, 4)).toBe(12.5)
    expect(cfsBurstWallMs(60, 500, 4)).toBe(102.5)
  })
})
