import { describe, expect, test } from 'vitest'
import { apply, createWorld, labPreset, runLab, step } from '../../src/sim'

describe('the VM-vs-container lab', () => {
  test('containers start at least 10× faster than VMs and fit at least 5× denser', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { measured: m } = runLab(10, seed)
      expect(m.containerStartMs).toBeGreaterThan(0)
      expect(m.vmStartMs).toBeGreaterThanOrEqual(10 * m.containerStartMs)
      expect(m.containerFit).toBeGreaterThanOrEqual(5 * m.vmFit)
    }
  })

  test('VMs cost a guest OS and hypervisor overhead each; containers a few MiB each (FIDELITY.md ranges)', () => {
    const { measured: m } = runLab(10, 1)
    // Per VM: 1 GiB guest + ~229 MiB KubeVirt overhead; per room: 64 MiB app + 4 MiB shim.
    expect(m.vmMemMiB).toBeGreaterThan(10 * 1024)
    expect(m.containerMemMiB).toBeLessThan(2 * 1024)
    expect(m.vmCpuMilli).toBeGreaterThan(m.containerCpuMilli)
  })

  test('a kernel crash takes one apartment but every room on the shared kernel; a breach stops at the apartment wall', () => {
    const { measured: m } = runLab(10, 1)
    expect(m.kernelsVm).toBe(10)
    expect(m.kernelsContainer).toBe(1)
    expect(m.crashReachVm).toBe(1)
    expect(m.crashReachContainer).toBe(10)
    expect(m.breachReachVm).toBe(1)
    expect(m.breachReachContainer).toBeGreaterThan(1)
  })

  test('the table has the concept text’s rows, each with a measured number for both sides', () => {
    const { rows } = runLab(4, 3)
    expect(rows.map((r) => r.row)).toEqual(['OS', 'Speed', 'Resource usage', 'Isolation', 'Scalability'])
    for (const r of rows) {
      expect(Number.isFinite(r.vm.value) && Number.isFinite(r.container.value)).toBe(true)
      expect(r.source.length).toBeGreaterThan(0)
    }
    expect(runLab(4, 3)).toEqual(runLab(4, 3))
  })

  test('the sandbox preset applies to a fresh world and everything in it starts', () => {
    const w = createWorld(9)
    for (const c of labPreset(3)) expect(apply(w, c).ok).toBe(true)
    step(w, 90_000)
    expect(Object.values(w.containers).filter((c) => c.state === 'running')).toHaveLength(6)
  })
})
