/**
 * The cluster autoscaler (FIDELITY.md "Cluster autoscaler"; figures in src/sim/podFigures.ts):
 * buys houses for pods that cannot be placed, within maxHosts and the budget, and sells the idle
 * houses it bought after 10 min, never one it did not buy, never breaking a disruption budget.
 */
import { describe, expect, it } from 'vitest'
import { CLUSTER_AUTOSCALER, TERMINATION_GRACE, apply, createWorld, eventText, hashWorld, step } from '../../src/sim'
import type { AutoscalerConfig, World } from '../../src/sim'
import { containersOf, must, stepUntil } from './helpers'

const template = { cores: 4, memMiB: 8192, costPerHour: 1, zones: ['a', 'b'] }

/** One own house (4 cores) at 1/h, a web app of 1000m rooms (4 fit a house), 3 running, and an autoscaler. */
function street(seed = 1, ca: Partial<AutoscalerConfig> = {}): World {
  const w = createWorld(seed)
  must(w, { type: 'addHost', id: 'own', name: 'own', cores: 4, memMiB: 8192, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 200 })
  must(w, { type: 'addApp', id: 'web', name: 'web', imageId: 'web', cpuRequestMilli: 1000, memRequestMiB: 1024, rps: 10, capacityRps: 60 })
  must(w, { type: 'setClusterAutoscaler', config: { minHosts: 1, maxHosts: 5, budgetPerHour: 10, template, ...ca } })
  must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
  must(w, { type: 'setManaged', appId: 'web', managed: true })
  stepUntil(w, (x) => running(x) === 3)
  return w
}

const running = (w: World) => containersOf(w, 'web').filter((c) => c.state === 'running').length
const healthy = (w: World) => containersOf(w, 'web').filter((c) => c.state === 'running' && c.ready).length
const unschedulable = (w: World) => containersOf(w, 'web').filter((c) => c.placement === null && c.reason.startsWith('0/')).length
const eventsLike = (w: World, text: string) => w.events.filter((e) => eventText(e, 'technical').includes(text)).length

describe('cluster autoscaler: scale-up', () => {
  it('buys houses for pods nothing can hold, and they run after scan + provisioning', () => {
    const w = street()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 9 })
    stepUntil(w, (x) => unschedulable(x) === 5)
    const pendingAt = w.timeMs
    stepUntil(w, (x) => x.autoscaler!.boughtHostIds.length > 0)
    const orderedAfter = w.timeMs - pendingAt
    // Five pods of 1000m on 4-core houses: two houses, one per zone, on order (empty lots, no pods yet).
    const bought = w.autoscaler!.boughtHostIds.map((id) => w.hosts[id]!)
    expect(bought).toHaveLength(2)
    expect(bought.map((h) => h.zone).sort()).toEqual(['a', 'b'])
    expect(bought.every((h) => h.power === 'off')).toBe(true)
    expect(orderedAfter).toBeLessThanOrEqual(CLUSTER_AUTOSCALER.scanIntervalMs)
    expect(eventsLike(w, 'TriggeredScaleUp')).toBe(1)
    step(w, CLUSTER_AUTOSCALER.provisionMs - 200)
    expect(running(w)).toBe(4)
    expect(bought.every((h) => h.alloc.pods === 0)).toBe(true)
    stepUntil(w, (x) => running(x) === 9)
    const took = w.timeMs - pendingAt
    // Scan (≤ 10 s) + provisioning (210 s) + pulling a 200 MiB kit and starting: well under 4 minutes.
    expect(took).toBeGreaterThanOrEqual(CLUSTER_AUTOSCALER.provisionMs)
    expect(took).toBeLessThanOrEqual(CLUSTER_AUTOSCALER.provisionMs + CLUSTER_AUTOSCALER.scanIntervalMs + 20_000)
    expect(bought.every((h) => h.power === 'on' && h.alloc.pods > 0)).toBe(true)
    // No more houses were bought while the first two were on order.
    expect(Object.keys(w.hosts)).toHaveLength(3)
  })

  it('keeps within the budget per hour and says why, once', () => {
    const w = street(1, { budgetPerHour: 2 })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 9 })
    step(w, 600_000)
    // 1/h for the own house + 1/h for one bought house = the budget of 2/h.
    expect(Object.keys(w.hosts)).toHaveLength(2)
    expect(running(w)).toBe(8)
    expect(eventsLike(w, 'would take the cluster over its budget of 2/h')).toBe(1)
  })

  it('keeps within maxHosts and says why, once', () => {
    const w = street(1, { maxHosts: 2 })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 9 })
    step(w, 600_000)
    expect(Object.keys(w.hosts)).toHaveLength(2)
    expect(eventsLike(w, 'max node group size reached (maxHosts 2)')).toBe(1)
  })

  it('does not buy for pods no template house could hold', () => {
    const w = street()
    must(w, {
      type: 'addApp',
      id: 'big',
      name: 'big',
      imageId: 'web',
      cpuRequestMilli: 6000,
      memRequestMiB: 1024,
      rps: 1,
      capacityRps: 10,
      managed: true,
    })
    step(w, 60_000)
    expect(Object.keys(w.hosts)).toHaveLength(1)
    expect(eventsLike(w, "it wouldn't fit if a new node is added")).toBe(1)
  })
})

describe('cluster autoscaler: scale-down', () => {
  it('sells a bought house idle for 10 minutes, and never the one it did not buy', () => {
    const w = street()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 6 })
    stepUntil(w, (x) => running(x) === 6)
    const [autoId] = w.autoscaler!.boughtHostIds
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
    // The pods scaled away are Terminating for their grace period, then the house stands empty.
    stepUntil(w, (x) => x.hosts[autoId!]!.alloc.pods === 0, TERMINATION_GRACE.ms + 200)
    const idleAt = w.timeMs
    stepUntil(w, (x) => !x.hosts[autoId!], 1_800_000)
    const sold = w.timeMs - idleAt
    // Unneeded from the next scan (≤ 10 s), sold 10 min after that.
    expect(sold).toBeGreaterThanOrEqual(CLUSTER_AUTOSCALER.scaleDownUnneededMs)
    expect(sold).toBeLessThanOrEqual(CLUSTER_AUTOSCALER.scaleDownUnneededMs + CLUSTER_AUTOSCALER.scanIntervalMs + 200)
    expect(w.autoscaler!.boughtHostIds).toEqual([])
    // The own house stands idle too now: it is never sold.
    must(w, { type: 'setReplicas', appId: 'web', replicas: 0 })
    step(w, 1_800_000)
    expect(w.hosts.own).toBeDefined()
    expect(eventsLike(w, 'removed by cluster-autoscaler')).toBe(1)
  })

  it('does not sell within 10 minutes of a scale-up, however long the house has been idle', () => {
    const w = street()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 6 })
    stepUntil(w, (x) => running(x) === 6)
    const [first] = w.autoscaler!.boughtHostIds
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
    step(w, 400_000)
    // Idle for nearly 7 min; now cordoned, so the next rush needs new houses.
    must(w, { type: 'cordon', hostId: first!, unschedulable: true })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 9 })
    stepUntil(w, (x) => x.autoscaler!.boughtHostIds.length > 1)
    const scaledUpAt = w.autoscaler!.lastScaleUpMs
    // Without the delay after a scale-up it would go 10 min after it became idle, ~3 min from now.
    stepUntil(w, (x) => !x.hosts[first!], 1_800_000)
    expect(w.timeMs - scaledUpAt).toBeGreaterThanOrEqual(CLUSTER_AUTOSCALER.scaleDownDelayAfterAddMs)
    expect(w.timeMs - scaledUpAt).toBeLessThanOrEqual(CLUSTER_AUTOSCALER.scaleDownDelayAfterAddMs + CLUSTER_AUTOSCALER.scanIntervalMs + 200)
  })

  it('moves the rooms out without ever breaking a disruption budget, and waits while the budget forbids it', () => {
    const w = street()
    must(w, { type: 'setReplicas', appId: 'web', replicas: 6 })
    stepUntil(w, (x) => running(x) === 6)
    const [autoId] = w.autoscaler!.boughtHostIds
    // A house of our own with space, so the bought house's rooms fit elsewhere.
    must(w, { type: 'addHost', id: 'spare', name: 'spare', cores: 4, memMiB: 8192, costPerHour: 1 })
    must(w, { type: 'setReplicas', appId: 'web', replicas: 5 })
    stepUntil(w, (x) => containersOf(x, 'web').length === 5)
    expect(w.hosts[autoId!]!.alloc.pods).toBe(1)
    // Every room must stay open: the house cannot be emptied.
    must(w, { type: 'setPdb', appId: 'web', minAvailable: 5 })
    step(w, 1_500_000)
    expect(w.hosts[autoId!]).toBeDefined()
    expect(w.hosts[autoId!]!.unschedulable).toBe(false)
    expect(eventsLike(w, `Scale-down: node ${w.hosts[autoId!]!.name} not removed`)).toBe(1)
    must(w, { type: 'setPdb', appId: 'web', minAvailable: 4 })
    let lowest = Infinity
    stepUntil(
      w,
      (x) => {
        lowest = Math.min(lowest, healthy(x))
        return !x.hosts[autoId!] && running(x) === 5
      },
      1_800_000,
    )
    expect(lowest).toBeGreaterThanOrEqual(4)
    expect(w.hosts.spare!.alloc.pods).toBeGreaterThan(0)
    expect(w.hosts.own).toBeDefined()
  })
})

describe('cluster autoscaler: commands and determinism', () => {
  it('refuses a maximum below the minimum and a template smaller than its system reserve', () => {
    const w = createWorld(1)
    expect(apply(w, { type: 'setClusterAutoscaler', config: { minHosts: 3, maxHosts: 2, budgetPerHour: 5, template } }).ok).toBe(false)
    expect(
      apply(w, {
        type: 'setClusterAutoscaler',
        config: { minHosts: 0, maxHosts: 2, budgetPerHour: 5, template: { ...template, memMiB: 1 } },
      }).ok,
    ).toBe(false)
    expect(apply(w, { type: 'setClusterAutoscaler', config: null }).ok).toBe(false)
    expect(w.autoscaler).toBeNull()
  })

  it('same seed and commands give the same world', () => {
    const run = () => {
      const w = street(3)
      must(w, { type: 'setReplicas', appId: 'web', replicas: 12 })
      step(w, 400_000)
      must(w, { type: 'setReplicas', appId: 'web', replicas: 2 })
      step(w, 1_300_000)
      return hashWorld(w)
    }
    expect(run()).toBe(run())
  })
})
