import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseLevel, startLevel } from '../../src/levels'
import type { Level } from '../../src/levels'
import { CLUSTER_AUTOSCALER, createWorld } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import { autoscalerDefaults, autoscalerStatus, checkConfig, statusText } from '../../src/ui/manager/autoscalerModel'
import { diagnose } from '../../src/ui/machines/diagnosis'
import { pickHangTarget } from '../../src/ui/ChaosPanel'
import { clockText } from '../../src/ui/format'
import { must, smallStreet, stepUntil } from './helpers'

function load(file: string): Level {
  const r = parseLevel(`levels/${file}`, readFileSync(join(__dirname, '../../levels', file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.level
}

const configOf = (level: Level) =>
  (level.solution.find((s) => s.command.type === 'setClusterAutoscaler')!.command as Extract<Command, { type: 'setClusterAutoscaler' }>)
    .config!

describe('the cluster autoscaler form', () => {
  test(
    'on Black Friday its defaults are the reference solution: budget from the level, a house like the two there, both zones, 2–5 ' +
      'houses',
    () => {
      const level = load('10-black-friday.json')
      const world = startLevel(level)
      expect(autoscalerDefaults(world, level.budgetPerHour)).toEqual(configOf(level))
    },
  )

  test('in the sandbox (no level budget) the budget pays for at least one more house of the commonest shape', () => {
    const w = createWorld(3)
    must(w, { type: 'addHost', name: 'x', zone: 'b', cores: 16, memMiB: 65536, costPerHour: 2 })
    must(w, { type: 'addHost', name: 'y', zone: 'c', cores: 16, memMiB: 65536, costPerHour: 2 })
    must(w, { type: 'addHost', name: 'z', zone: 'c', cores: 8, memMiB: 16384, costPerHour: 1 })
    const d = autoscalerDefaults(w, undefined)
    expect(d.template).toEqual({ cores: 16, memMiB: 65536, costPerHour: 2, zones: ['b', 'c'] })
    expect(d.budgetPerHour).toBe(10) // twice today's $5/h
    expect(d.minHosts).toBe(3)
    expect(d.maxHosts).toBe(5) // $5/h more buys two $2/h houses
    expect(checkConfig(d)).toBeNull()
  })

  test('a configured autoscaler is shown as it is', () => {
    const level = load('10-black-friday.json')
    const world = startLevel(level)
    const cfg = { minHosts: 1, maxHosts: 9, budgetPerHour: 7, template: { cores: 2, memMiB: 4096, costPerHour: 0.5, zones: ['b'] } }
    must(world, { type: 'setClusterAutoscaler', config: cfg })
    expect(autoscalerDefaults(world, level.budgetPerHour)).toEqual(cfg)
  })

  test('bad values are named before sending', () => {
    const ok = { minHosts: 2, maxHosts: 5, budgetPerHour: 5, template: { cores: 4, memMiB: 8192, costPerHour: 1, zones: ['a'] } }
    expect(checkConfig({ ...ok, maxHosts: 1 })?.technical).toMatch(/maxHosts/)
    expect(checkConfig({ ...ok, budgetPerHour: NaN })?.technical).toMatch(/budget/)
    expect(checkConfig({ ...ok, template: { ...ok.template, zones: [] } })?.technical).toMatch(/zones/)
    expect(checkConfig({ ...ok, template: { ...ok.template, memMiB: 100 } })?.technical).toMatch(/memMiB/)
  })

  test('the status line: off, then a house on order with its seconds left, then bought', () => {
    const level = load('10-black-friday.json')
    const world = startLevel(level)
    expect(statusText(autoscalerStatus(world), 'technical', clockText)).toBe('Cluster autoscaler off.')
    must(world, { type: 'setClusterAutoscaler', config: configOf(level) })
    must(world, { type: 'setReplicas', appId: 'report', replicas: 10 }) // 4 more 1-core rooms than the street holds
    stepUntil(world, (w) => autoscalerStatus(w).onOrder.length > 0, 60_000)
    const s = autoscalerStatus(world)
    const wait = Math.round((CLUSTER_AUTOSCALER.provisionMs * world.delayScale) / 1000)
    expect(s.onOrder[0]!.secondsLeft).toBeGreaterThan(wait - 11)
    expect(s.onOrder[0]!.secondsLeft).toBeLessThanOrEqual(wait)
    expect(statusText(s, 'metaphor', clockText)).toMatch(/Bought 0 houses; \d on order \(auto-\S+ in \d+ s/)
    stepUntil(world, (w) => autoscalerStatus(w).bought > 0, 120_000)
    expect(statusText(autoscalerStatus(world), 'technical', clockText)).toMatch(/^\d nodes? added/)
  })

  test('the status line gives the last reason it did not buy (the budget)', () => {
    const level = load('10-black-friday.json')
    const world = startLevel(level)
    must(world, { type: 'setClusterAutoscaler', config: { ...configOf(level), budgetPerHour: 2 } })
    must(world, { type: 'setReplicas', appId: 'report', replicas: 10 })
    stepUntil(world, (w) => autoscalerStatus(w).lastRefusal !== null, 60_000)
    const s = autoscalerStatus(world)
    expect(s.onOrder).toEqual([])
    expect(statusText(s, 'technical', clockText)).toMatch(/Last NotTriggerScaleUp \(\d+:\d\d\): .*budget of 2\/h/)
    expect(statusText(s, 'metaphor', clockText)).toMatch(/did not buy .*budget/)
    // Reconfiguring forgets the old reason.
    must(world, { type: 'setClusterAutoscaler', config: configOf(level) })
    expect(autoscalerStatus(world).lastRefusal).toBeNull()
  })
})

describe('chaos: hang a room', () => {
  function street(): World {
    const w = smallStreet(5)
    must(w, { type: 'setReplicas', appId: 'web', replicas: 3 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length >= 3, 60_000)
    return w
  }

  test('the selected open room, else a random open room of the chosen app; none when nothing is open', () => {
    const w = street()
    const ids = Object.keys(w.containers)
      .filter((id) => w.containers[id]!.state === 'running')
      .sort()
    expect(pickHangTarget(w, ids[1]!, null, () => 0)).toBe(ids[1])
    expect(pickHangTarget(w, null, 'web', () => 0)).toBe(ids[0])
    expect(pickHangTarget(w, null, 'web', () => 0.99)).toBe(ids[2])
    must(w, { type: 'hangContainer', containerId: ids[1]!, hung: true })
    // A stuck room is not picked again, selected or not.
    expect(pickHangTarget(w, ids[1]!, null, () => 0.5)).not.toBe(ids[1])
    expect(pickHangTarget(createWorld(1), null, null, () => 0)).toBeNull()
  })

  test('the inspector says the room is stuck and that only a liveness probe notices; with one, the room is restarted', () => {
    const w = street()
    const id = Object.keys(w.containers).find((k) => w.containers[k]!.state === 'running')!
    expect(diagnose(w, id).some((f) => f.key === 'hung')).toBe(false)
    must(w, { type: 'hangContainer', containerId: id, hung: true })
    const f = diagnose(w, id).find((x) => x.key === 'hung')!
    expect(f.severity).toBe('bad')
    expect(f.metaphor).toMatch(/alive but answers nothing/)
    expect(f.technical).toMatch(/Only a liveness probe can notice/)
    must(w, {
      type: 'setProbes',
      appId: 'web',
      liveness: { initialDelaySeconds: 0, periodSeconds: 10, failureThreshold: 3, successThreshold: 1 },
    })
    expect(diagnose(w, id).find((x) => x.key === 'hung')!.technical).toMatch(/failureThreshold 3 × periodSeconds 10 s the kubelet kills it/)
    // And it does: the hung room leaves the running state within 3 × 10 s (and a step or two).
    stepUntil(w, (x) => !x.containers[id] || x.containers[id]!.state !== 'running' || !x.containers[id]!.hung, 35_000)
    expect(diagnose(w, id).some((x) => x.key === 'hung')).toBe(false)
  })
})
