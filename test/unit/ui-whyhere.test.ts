import { describe, expect, test } from 'vitest'
import { apply, createWorld, explainPlacement } from '../../src/sim'
import type { NodeVerdict } from '../../src/sim'
import { LOWER_SCORE, PLUGIN_WEIGHTS, restLine, summarize } from '../../src/ui/manager/whyHereModel'
import { stepUntil } from './helpers'

const v = (name: string, total: number, extra: Partial<NodeVerdict> = {}): NodeVerdict => ({
  name,
  placement: { kind: 'host', hostId: name },
  feasible: true,
  failure: null,
  scores: { NodeResourcesFit: total / 2, NodeResourcesBalancedAllocation: total / 2 },
  total,
  current: false,
  filters: [],
  ...extra,
})
const fail = (name: string, failure: string): NodeVerdict => ({ ...v(name, 0), feasible: false, failure, scores: {}, total: 0 })

describe('why here, as data', () => {
  test('best first, failing nodes after, ranks over the feasible ones', () => {
    const s = summarize([fail('n1', 'Insufficient cpu'), v('n2', 120), v('n3', 180), v('n4', 150)])
    expect(s.rows.map((r) => [r.verdict.name, r.rank])).toEqual([
      ['n3', 1],
      ['n4', 2],
      ['n2', 3],
      ['n1', null],
    ])
    expect(s.rows[0]!.share).toBe(1)
    expect(s.rows[2]!.share).toBeCloseTo(120 / 180)
    expect(s.feasible).toBe(3)
  })

  test("the per-plugin breakdown carries kube-scheduler's default weights and adds up to the raw scores × weight", () => {
    const s = summarize([v('n1', 100, { scores: { TaintToleration: 100, NodeResourcesFit: 40 }, total: 340 })])
    expect(s.rows[0]!.parts).toEqual([
      { plugin: 'TaintToleration', raw: 100, weight: 3, weighted: 300 },
      { plugin: 'NodeResourcesFit', raw: 40, weight: 1, weighted: 40 },
    ])
    expect(PLUGIN_WEIGHTS.NodeAffinity).toBe(2)
  })

  test('at 1,000 nodes: the top 10 shown, the rest counted by reason, the current node always in view', () => {
    const verdicts: NodeVerdict[] = []
    for (let i = 0; i < 1000; i++) {
      if (i % 4 === 0) verdicts.push(fail(`n${i}`, 'Insufficient memory'))
      else if (i % 4 === 1) verdicts.push(fail(`n${i}`, '1 node(s) had untolerated taint {dedicated: gpu}'))
      else verdicts.push(v(`n${i}`, i / 10, { current: i === 2 }))
    }
    const s = summarize(verdicts, 10)
    expect(s.rows).toHaveLength(10)
    expect(s.rows.at(-1)!.verdict.name).toBe('n2')
    expect(s.rows.at(-1)!.rank).toBe(500)
    expect(s.rows[0]!.verdict.name).toBe('n999')
    expect(s.rest).toEqual(
      [
        { reason: '1 node(s) had untolerated taint {dedicated: gpu}', count: 250 },
        { reason: 'Insufficient memory', count: 250 },
        { reason: LOWER_SCORE, count: 490 },
      ].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    )
    expect(restLine(s)).toBe(
      `…and 990 more: 490 ${LOWER_SCORE}, 250 1 node(s) had untolerated taint {dedicated: gpu}, 250 Insufficient memory.`,
    )
  })

  test('a real pending pod: every node fails a filter, no row is ranked, and the count matches the message', () => {
    const w = createWorld(3)
    apply(w, { type: 'addHost', name: '1', cores: 2, memMiB: 8192, costPerHour: 1 })
    apply(w, { type: 'addHost', name: '2', cores: 2, memMiB: 8192, costPerHour: 1 })
    apply(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 100 })
    apply(w, {
      type: 'addApp',
      id: 'big',
      name: 'big',
      imageId: 'web',
      cpuRequestMilli: 4000,
      memRequestMiB: 512,
      rps: 0,
      capacityRps: 10,
      replicas: 1,
      managed: true,
    })
    stepUntil(w, (x) => Object.values(x.containers).some((c) => c.reason.startsWith('0/2')))
    const pod = Object.values(w.containers)[0]!
    const s = summarize(explainPlacement(w, pod.id))
    expect(s.feasible).toBe(0)
    expect(s.rows.map((r) => [r.rank, r.verdict.failure])).toEqual([
      [null, 'Insufficient cpu'],
      [null, 'Insufficient cpu'],
    ])
    expect(pod.reason).toMatch(/^0\/2 nodes are available: 2 Insufficient cpu\./)
  })
})

describe('the manager controls follow the level', () => {
  test('level 3 allows scaling but not taints or pod rules; the sandbox allows all; a refused command changes nothing', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { parseLevel } = await import('../../src/levels')
    const { useGame } = await import('../../src/state')
    const { allowed } = await import('../../src/ui/manager/send')
    const { POD_RULE_COMMANDS } = await import('../../src/ui/manager/PodRules')
    const r = parseLevel('levels/03-manager.json', readFileSync(join(__dirname, '../../levels/03-manager.json'), 'utf8'))
    if (!r.ok) throw new Error(r.error)
    useGame.getState().startLevel(r.level)
    expect(allowed('setReplicas')).toBe(true)
    expect(allowed('setTaints')).toBe(false)
    expect(POD_RULE_COMMANDS.filter(allowed)).toEqual([])
    const before = JSON.stringify(useGame.getState().world.hosts.h1!.taints)
    expect(
      useGame
        .getState()
        .dispatch({ type: 'setTaints', target: { kind: 'host', hostId: 'h1' }, taints: [{ key: 'x', value: '', effect: 'NoSchedule' }] })
        .ok,
    ).toBe(false)
    expect(JSON.stringify(useGame.getState().world.hosts.h1!.taints)).toBe(before)
    useGame.getState().startSandbox()
    expect(POD_RULE_COMMANDS.every(allowed)).toBe(true)
    expect(allowed('setTaints')).toBe(true)
  })
})
