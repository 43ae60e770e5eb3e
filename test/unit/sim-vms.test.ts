import { describe, expect, test } from 'vitest'
import { apply, step, GUEST_OS, hypervisorOverheadMiB, HOST_SYSTEM_RESERVED_MIB, VM_PROVISION } from '../../src/sim'
import { must, smallStreet, stepUntil } from './helpers'

describe('apartments (virtual machines)', () => {
  test('a Windows and a Linux apartment run side by side on one house, each booting its own OS', () => {
    const w = smallStreet()
    const win = must(w, { type: 'addVm', hostId: 'h1', os: 'windows', vcpus: 2, memMiB: 4096 })!
    const lin = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048 })!
    stepUntil(w, (x) => x.vms[win]!.state === 'running' && x.vms[lin]!.state === 'running')
    expect(w.vms[win]!.os).toBe('windows')
    expect(w.vms[lin]!.os).toBe('linux')
    expect(w.vms[win]!.hostId).toBe(w.vms[lin]!.hostId)
  })

  test('an apartment takes seconds to boot, inside the published range for its OS; a room takes under a second', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const w = smallStreet(seed)
      const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'windows', vcpus: 2, memMiB: 4096 })!
      const took = stepUntil(w, (x) => x.vms[vm]!.state === 'running')
      expect(took).toBeGreaterThanOrEqual(VM_PROVISION.minMs + GUEST_OS.windows.boot.minMs)
      expect(took).toBeLessThanOrEqual(VM_PROVISION.maxMs + GUEST_OS.windows.boot.maxMs + 100)
      const c = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
      // First start pulls the 200 MiB image; the start itself is sub-second.
      const start = stepUntil(w, (x) => x.containers[c]!.state === 'creating')
      const run = stepUntil(w, (x) => x.containers[c]!.state === 'running')
      expect(start).toBeGreaterThan(0)
      expect(run).toBeLessThan(1000)
      expect(run).toBeLessThan(took / 10)
    }
  })

  test("each apartment costs its house its guest RAM plus KubeVirt's overhead, its one graphics device included", () => {
    const w = smallStreet()
    const before = w.hosts.h1!.alloc.memMiB
    must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048 })
    const overhead = hypervisorOverheadMiB(2048, 2)
    // KubeVirt's formula: 0.002 × 2048 + 218 + 8 × 2 + 16 (one graphics device) = 254.1 → 255 MiB
    expect(overhead).toBe(255)
    expect(hypervisorOverheadMiB(2048, 2, 0)).toBe(239)
    expect(w.hosts.h1!.alloc.memMiB - before).toBe(2048 + overhead)
  })

  test("an apartment's own OS eats into its space: a 4 GiB Windows apartment has 2 GiB left for rooms", () => {
    const w = smallStreet()
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'windows', vcpus: 2, memMiB: 4096 })!
    stepUntil(w, (x) => x.vms[vm]!.state === 'running')
    must(w, {
      type: 'addApp',
      id: 'big',
      name: 'big',
      imageId: 'ledger',
      cpuRequestMilli: 100,
      memRequestMiB: 2100,
      rps: 0,
      capacityRps: 1,
    })
    const r = apply(w, { type: 'runContainer', appId: 'big', target: { kind: 'vm', vmId: vm } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.technical).toMatch(/Insufficient memory/)
    expect(GUEST_OS.windows.memMiB).toBe(2048)
  })

  test('a house refuses an apartment bigger than its free memory, and says how much is free', () => {
    const w = smallStreet()
    const r = apply(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 16384 })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.metaphor).toContain(`${((16384 - HOST_SYSTEM_RESERVED_MIB.value) / 1024).toFixed(1)} GiB free`)
      expect(r.technical).toMatch(/hypervisor overhead/)
    }
  })

  test('a Windows app cannot run directly in a Linux house: it needs a Windows kernel', () => {
    const w = smallStreet()
    const r = apply(w, { type: 'runContainer', appId: 'ledger', target: { kind: 'host', hostId: 'h1' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.technical).toMatch(/Windows Server kernel/)
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'windows', vcpus: 2, memMiB: 4096 })!
    // A room can be ordered while the apartment is still going up; it opens once the OS is up.
    const c = must(w, { type: 'runContainer', appId: 'ledger', target: { kind: 'vm', vmId: vm } })!
    step(w, 1000)
    expect(w.containers[c]!.state).toBe('pending')
    stepUntil(w, (x) => x.containers[c]!.state === 'running')
    expect(w.vms[vm]!.state).toBe('running')
  })
})
