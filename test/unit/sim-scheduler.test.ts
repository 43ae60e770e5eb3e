import { describe, expect, test } from 'vitest'
import {
  apply,
  createWorld,
  feasibleNodesToFind,
  FILTER_ORDER,
  FILTER_PLUGINS,
  SCORE_ORDER,
  SCORE_PLUGINS,
  SCORE_WEIGHTS,
  step,
  eventText,
} from '../../src/sim'
import { containersOf, must, stepUntil } from './helpers'

describe('the scheduler', () => {
  test('places the next room in the emptiest house (LeastAllocated)', () => {
    const w = createWorld(3)
    must(w, { type: 'addHost', name: 'busy', cores: 8, memMiB: 16384, costPerHour: 1 })
    must(w, { type: 'addHost', name: 'empty', cores: 8, memMiB: 16384, costPerHour: 1 })
    must(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 10 })
    must(w, {
      type: 'addApp',
      id: 'filler',
      name: 'filler',
      imageId: 'web',
      cpuRequestMilli: 4000,
      memRequestMiB: 8192,
      rps: 0,
      capacityRps: 1,
    })
    must(w, { type: 'runContainer', appId: 'filler', target: { kind: 'host', hostId: 'h1' } })
    must(w, {
      type: 'addApp',
      id: 'web',
      name: 'web',
      imageId: 'web',
      cpuRequestMilli: 500,
      memRequestMiB: 512,
      rps: 0,
      capacityRps: 1,
      replicas: 2,
      managed: true,
    })
    step(w, 100)
    const placed = containersOf(w, 'web').map((c) => c.placement)
    expect(placed).toEqual([
      { kind: 'host', hostId: 'h2' },
      { kind: 'host', hostId: 'h2' },
    ])
  })

  test("a pod that fits nowhere stays pending with kube-scheduler's message", () => {
    const w = createWorld(3)
    for (let i = 0; i < 3; i++) must(w, { type: 'addHost', cores: 2, memMiB: 4096, costPerHour: 1 })
    for (let i = 0; i < 2; i++) must(w, { type: 'addHost', cores: 16, memMiB: 2048, costPerHour: 1 })
    must(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 10 })
    must(w, {
      type: 'addApp',
      id: 'big',
      name: 'big',
      imageId: 'web',
      cpuRequestMilli: 4000,
      memRequestMiB: 3000,
      rps: 0,
      capacityRps: 1,
      replicas: 1,
      managed: true,
    })
    step(w, 100)
    const pod = containersOf(w, 'big')[0]!
    expect(pod.state).toBe('pending')
    // Reasons sorted as strings (Go's sort.Strings), then the preemption attempt's own line.
    expect(pod.reason).toBe(
      '0/5 nodes are available: 2 Insufficient memory, 3 Insufficient cpu. preemption: 0/5 nodes are available: 5 No preemption ' +
        'victims found for incoming pod..',
    )
    expect(w.events.some((e) => eventText(e, 'technical').includes('FailedScheduling'))).toBe(true)
  })

  test('Windows pods go only to Windows apartments', () => {
    const w = createWorld(5)
    must(w, { type: 'addHost', cores: 16, memMiB: 32768, costPerHour: 1 })
    must(w, { type: 'addImage', id: 'ledger', ref: 'ledger:1', sizeMiB: 10, os: 'windows' })
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'windows', vcpus: 4, memMiB: 8192 })!
    must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })
    must(w, {
      type: 'addApp',
      id: 'ledger',
      name: 'ledger',
      imageId: 'ledger',
      cpuRequestMilli: 500,
      memRequestMiB: 512,
      rps: 0,
      capacityRps: 1,
      replicas: 3,
      managed: true,
    })
    stepUntil(w, (x) => containersOf(x, 'ledger').every((c) => c.state === 'running'))
    for (const c of containersOf(w, 'ledger')) expect(c.placement).toEqual({ kind: 'vm', vmId: vm })
  })

  test('looks at a sample of nodes in a big cluster, as kube-scheduler does', () => {
    expect(feasibleNodesToFind(50)).toBe(50)
    expect(feasibleNodesToFind(1000)).toBe(420) // 50 − 1000/125 = 42%
    expect(feasibleNodesToFind(5000)).toBe(500) // 10%
    expect(feasibleNodesToFind(100_000)).toBe(5000) // floor of 5%
  })

  test('scaling down removes pods that are not yet running first', () => {
    const w = createWorld(8)
    must(w, { type: 'addHost', cores: 2, memMiB: 4096, costPerHour: 1 })
    must(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 10 })
    must(w, {
      type: 'addApp',
      id: 'web',
      name: 'web',
      imageId: 'web',
      cpuRequestMilli: 500,
      memRequestMiB: 256,
      rps: 0,
      capacityRps: 1,
      replicas: 3,
      managed: true,
    })
    stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === 3)
    must(w, { type: 'setReplicas', appId: 'web', replicas: 6 })
    step(w, 100) // 6 pods: 3 running, 1 fits (2 cores = 4 × 500m), 2 pending
    expect(containersOf(w, 'web').filter((c) => c.placement === null)).toHaveLength(2)
    must(w, { type: 'setReplicas', appId: 'web', replicas: 4 })
    step(w, 100)
    expect(containersOf(w, 'web')).toHaveLength(4)
    expect(containersOf(w, 'web').filter((c) => c.placement === null)).toHaveLength(0)
    expect(apply(w, { type: 'setReplicas', appId: 'web', replicas: 1.5 }).ok).toBe(false)
  })
})

describe('the plugin tables', () => {
  test("filters run in kube-scheduler's default order and scores carry its default weights, in its order", () => {
    expect(Object.keys(FILTER_PLUGINS)).toEqual([...FILTER_ORDER])
    expect(Object.keys(SCORE_PLUGINS)).toEqual([...SCORE_ORDER])
    for (const plugin of SCORE_ORDER) expect(SCORE_PLUGINS[plugin].weight).toBe(SCORE_WEIGHTS.value[plugin])
    // default_plugins.go: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, the rest 1.
    expect(SCORE_ORDER.map((p) => SCORE_PLUGINS[p].weight)).toEqual([3, 2, 2, 2, 1, 1, 1])
  })
})
