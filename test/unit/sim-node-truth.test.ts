/**
 * One truth about a node (FIDELITY.md "Node failure detection", "Eviction from a lost node"): after a house
 * burns, the control plane learns it only at the grace period. kubectl, the inspector, the manager's figures and
 * the Service endpoints all read that one state; visitors sent to the dead rooms meanwhile fail.
 */
import { describe, expect, test } from 'vitest'
import { kubectl } from '../../src/io/kubectl'
import { apply, NODE_LIFECYCLE, nodeConditionText, step, UNREACHABLE_TAINT_KEY, eventText } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import { containersOf, must, stepUntil } from './helpers'
import { createWorld } from '../../src/sim'

const run = (w: World, line: string) => kubectl(w, line, (c: Command) => apply(w, c))

/** Hosts named by zone (a1, a2, b1 ...), a shop of `replicas` rooms spread over them, 60 visitors/s per room. */
function street(zones: Record<string, number>, replicas: number, rps: number): World {
  const w = createWorld(11)
  for (const [zone, n] of Object.entries(zones))
    for (let i = 1; i <= n; i++) must(w, { type: 'addHost', name: `${zone}${i}`, zone, cores: 8, memMiB: 16384, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'shop', ref: 'shop:1', sizeMiB: 100 })
  must(w, {
    type: 'addApp',
    id: 'shop',
    name: 'shop',
    imageId: 'shop',
    cpuRequestMilli: 500,
    memRequestMiB: 512,
    rps,
    capacityRps: 60,
    replicas,
    managed: true,
  })
  stepUntil(w, (x) => containersOf(x, 'shop').filter((c) => c.state === 'running').length === replicas)
  return w
}

const hostId = (w: World, name: string) => Object.values(w.hosts).find((h) => h.name === name)!.id
const onHost = (w: World, id: string) => containersOf(w, 'shop').filter((c) => c.placement?.kind === 'host' && c.placement.hostId === id)

describe('a burnt house as the control plane sees it', () => {
  test('kubectl, describe node and the inspector say Ready until the 50 s grace period, then NotReady with the unreachable taints', () => {
    const w = street({ a: 2 }, 4, 0)
    const a1 = hostId(w, 'a1')
    must(w, { type: 'failHost', hostId: a1 })
    step(w, 100)
    // The old game said NotReady at once, while its own log said the manager needs 50 s.
    expect(run(w, 'get nodes')).toMatch(/^a1\s+Ready\s/m)
    expect(run(w, 'describe node a1')).toMatch(/Taints:\s+<none>/)
    expect(run(w, 'describe node a1')).toMatch(/Ready\s+True\s+KubeletReady/)
    expect(nodeConditionText(w, w.hosts[a1]!).technical).toMatch(/^Ready \(no heartbeat for 0 s; node-monitor-grace-period 50 s\)/)
    step(w, NODE_LIFECYCLE.gracePeriodMs - 300)
    expect(w.hosts[a1]!.condition).toBe('Ready')
    expect(run(w, 'get nodes')).toMatch(/^a1\s+Ready\s/m)
    step(w, 200)
    expect(w.hosts[a1]!.condition).toBe('Unknown')
    expect(run(w, 'get nodes')).toMatch(/^a1\s+NotReady\s/m)
    const describe = run(w, 'describe node a1')
    expect(describe).toMatch(/Ready\s+Unknown\s+NodeStatusUnknown\s+Kubelet stopped posting node status\./)
    expect(describe).toContain(`${UNREACHABLE_TAINT_KEY}:NoSchedule`)
    expect(describe).toContain(`${UNREACHABLE_TAINT_KEY}:NoExecute`)
    expect(nodeConditionText(w, w.hosts[a1]!).technical).toMatch(/^Unknown \(kubectl: NotReady\).*pods evicted in 300 s/)
    // The house next door never changed.
    expect(run(w, 'get nodes')).toMatch(/^a2\s+Ready\s/m)
  })

  test("until NotReady the dead house's rooms stay Ready endpoints and the visitors sent to them fail; then the others take them", () => {
    // Two houses, four rooms (two each), 120 visitors/s: the two survivors can carry all of them.
    const w = street({ a: 2 }, 4, 120)
    const a1 = hostId(w, 'a1')
    const dead = onHost(w, a1).length
    expect(dead).toBeGreaterThan(0)
    expect(dead).toBeLessThan(4)
    const dropped0 = w.apps.shop!.dropped
    must(w, { type: 'failHost', hostId: a1 })
    step(w, 10_000)
    // The manager's view (badge, kubectl get deploy): still 4 of 4 ready. What visitors meet: a share fails.
    expect(w.apps.shop!.readyReplicas).toBe(4)
    expect(run(w, 'get deploy shop')).toMatch(/shop\s+4\/4/)
    expect(run(w, 'get pods')).not.toMatch(/Unknown|NotReady/)
    expect(w.apps.shop!.lastServedRps).toBeCloseTo((120 * (4 - dead)) / 4, 5)
    const failedInGrace = () => w.apps.shop!.dropped - dropped0
    expect(failedInGrace()).toBeCloseTo(((120 * dead) / 4) * 10, 0)
    step(w, NODE_LIFECYCLE.gracePeriodMs - 10_000)
    const atGrace = failedInGrace()
    // ~50 s of failed requests (the step in which the controller notices already routes around it).
    expect(atGrace).toBeGreaterThan(((120 * dead) / 4) * 49.8)
    expect(atGrace).toBeLessThanOrEqual(((120 * dead) / 4) * 50 + 1e-6)
    // The chart samples show the failing requests (one a second).
    const samples = w.metrics.shop!.filter((s) => s.t > w.timeMs - 40_000)
    expect(samples.every((s) => s.dropped > 0 || s.t === w.timeMs)).toBe(true)
    step(w, 10_000)
    // Marked not ready: out of endpoints; the two survivors serve everyone; the figures agree.
    expect(failedInGrace() - atGrace).toBeLessThan(1)
    expect(w.apps.shop!.readyReplicas).toBe(4 - dead)
    expect(w.apps.shop!.lastServedRps).toBe(120)
    expect(run(w, 'get deploy shop')).toMatch(new RegExp(`shop\\s+${4 - dead}/4`))
    expect(run(w, 'get pods')).toMatch(/\s0\/1\s+Running\s/)
  })

  test('the NoExecute taint comes at the eviction rate (one node per 10 s per zone) and pods go 300 s after it', () => {
    const w = street({ a: 6 }, 6, 0)
    must(w, { type: 'failHost', hostId: hostId(w, 'a1') })
    must(w, { type: 'failHost', hostId: hostId(w, 'a2') })
    stepUntil(w, (x) => x.hosts[hostId(x, 'a1')]!.condition === 'Unknown')
    step(w, 20_000)
    const added = ['a1', 'a2']
      .map((n) => w.hosts[hostId(w, n)]!.taints.find((t) => t.key === UNREACHABLE_TAINT_KEY && t.effect === 'NoExecute')!.timeAddedMs!)
      .sort((x, y) => x - y)
    expect(added[1]! - added[0]!).toBe(NODE_LIFECYCLE.evictionIntervalMs)
    const firstPods = onHost(w, hostId(w, 'a1')).length + onHost(w, hostId(w, 'a2')).length
    expect(firstPods).toBeGreaterThan(0)
    step(w, added[0]! + NODE_LIFECYCLE.evictionTolerationMs - w.timeMs - 100)
    expect(onHost(w, hostId(w, 'a1')).length + onHost(w, hostId(w, 'a2')).length).toBe(firstPods)
    step(w, 200)
    expect(w.events.some((e) => /Evicted \d+ pods from unreachable nodes/.test(eventText(e, 'technical')))).toBe(true)
  })

  test('a partially disrupted small zone (3 of 4 nodes NotReady) evicts nothing, and the log says why', () => {
    const w = street({ a: 4 }, 4, 0)
    for (const n of ['a1', 'a2', 'a3']) must(w, { type: 'failHost', hostId: hostId(w, n) })
    step(w, NODE_LIFECYCLE.gracePeriodMs + NODE_LIFECYCLE.evictionTolerationMs + 60_000)
    expect(w.zoneStates).toEqual({ a: 'PartialDisruption' })
    expect(w.events.some((e) => /zone a is now in state PartialDisruption: .*evictions stop there/.test(eventText(e, 'technical')))).toBe(
      true,
    )
    for (const n of ['a1', 'a2', 'a3'])
      expect(w.hosts[hostId(w, n)]!.taints.some((t) => t.key === UNREACHABLE_TAINT_KEY && t.effect === 'NoExecute')).toBe(false)
    expect(containersOf(w, 'shop').filter((c) => c.state === 'lost').length).toBe(
      ['a1', 'a2', 'a3'].reduce((n, h) => n + onHost(w, hostId(w, h)).length, 0),
    )
  })

  test('when every zone goes dark the controller assumes its own network failed and evicts nothing', () => {
    const w = street({ a: 1, b: 1 }, 2, 0)
    for (const n of ['a1', 'b1']) must(w, { type: 'failHost', hostId: hostId(w, n) })
    step(w, NODE_LIFECYCLE.gracePeriodMs + NODE_LIFECYCLE.evictionTolerationMs + 60_000)
    expect(w.zoneStates).toEqual({ a: 'FullDisruption', b: 'FullDisruption' })
    expect(containersOf(w, 'shop').filter((c) => c.state === 'lost')).toHaveLength(2)
    expect(w.events.some((e) => /assumes its own network failed/.test(eventText(e, 'technical')))).toBe(true)
  })

  test('a repaired house is Ready again and its unreachable taints are lifted', () => {
    const w = street({ a: 2 }, 2, 0)
    const a1 = hostId(w, 'a1')
    must(w, { type: 'failHost', hostId: a1 })
    step(w, NODE_LIFECYCLE.gracePeriodMs + 1_000)
    expect(w.hosts[a1]!.taints.length).toBe(2)
    must(w, { type: 'repairHost', hostId: a1 })
    step(w, 100)
    expect(w.hosts[a1]!.condition).toBe('Ready')
    expect(w.hosts[a1]!.taints).toEqual([])
    expect(run(w, 'describe node a1')).toMatch(/Taints:\s+<none>/)
  })
})

describe('the scheduler and a node marked Unknown', () => {
  test('FailedScheduling counts every node: the burnt house with its unreachable taint, the other with its own reason', () => {
    const w = street({ a: 2 }, 2, 0)
    must(w, { type: 'failHost', hostId: hostId(w, 'a2') })
    step(w, NODE_LIFECYCLE.gracePeriodMs + 1_000)
    must(w, {
      type: 'addApp',
      id: 'big',
      name: 'big',
      imageId: 'shop',
      cpuRequestMilli: 7_900,
      memRequestMiB: 512,
      rps: 0,
      capacityRps: 10,
    })
    must(w, { type: 'setReplicas', appId: 'big', replicas: 1 })
    must(w, { type: 'setManaged', appId: 'big', managed: true })
    step(w, 1_000)
    const pod = containersOf(w, 'big')[0]!
    expect(pod.placement).toBeNull()
    expect(pod.reason).toContain(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
    )
    // Removing the taint by hand does not let pods onto the dead house: the controller puts it back.
    must(w, { type: 'setTaints', target: { kind: 'host', hostId: hostId(w, 'a2') }, taints: [] })
    step(w, 1_000)
    expect(w.hosts[hostId(w, 'a2')]!.taints.some((t) => t.key === UNREACHABLE_TAINT_KEY && t.effect === 'NoSchedule')).toBe(true)
    expect(containersOf(w, 'big')[0]!.placement).toBeNull()
  })
})
