import { describe, expect, test } from 'vitest'
import { kubectl, parseArgs } from '../../src/io/kubectl'
import { humanDuration, eventRow, formatToleration } from '../../src/io/kubectlView'
import { applyTaintArgs, matchesSelector, parseLabelArg, parseSelector, parseTaintArg } from '../../src/io/nodes'
import { apply, createWorld, step } from '../../src/sim'
import type { Command, Result, World } from '../../src/sim'
import { SANDBOX_SETUP } from '../../src/state/game'
import { containersOf, stepUntil } from './helpers'

function sandbox(): World {
  const w = createWorld(7)
  for (const c of SANDBOX_SETUP) apply(w, c)
  return w
}

/** A dispatcher that records what the console sends, and applies it. */
function recorder(w: World) {
  const sent: Command[] = []
  const dispatch = (c: Command): Result => {
    sent.push(c)
    return apply(w, c)
  }
  return { sent, dispatch }
}

const dispatcher =
  (w: World) =>
  (c: Command): Result =>
    apply(w, c)

describe('kubectl arguments', () => {
  test('flags in any place, with = or a space, short and long', () => {
    expect(parseArgs(['get', 'pods', '-n', 'prod', '-l', 'app=web', '-owide', '--show-labels'])).toEqual({
      pos: ['get', 'pods'],
      flags: new Map([
        ['namespace', 'prod'],
        ['selector', 'app=web'],
        ['output', 'wide'],
        ['show-labels', 'true'],
      ]),
    })
    expect(parseArgs(['-A', 'pods', '--namespace=x']).flags.get('all-namespaces')).toBe('true')
    expect(parseArgs(['-A', 'pods', '--namespace=x']).flags.get('namespace')).toBe('x')
  })

  test('AGE reads like kubectl (HumanDuration)', () => {
    expect(humanDuration(45_000)).toBe('45s')
    expect(humanDuration(150_000)).toBe('2m30s')
    expect(humanDuration(30 * 60_000)).toBe('30m')
    expect(humanDuration(5 * 3600_000 + 60_000)).toBe('5h1m')
    expect(humanDuration(30 * 3600_000)).toBe('30h')
    expect(humanDuration(3 * 86400_000)).toBe('3d')
  })
})

describe('taints and labels on nodes', () => {
  test('taint arguments parse as kubectl reads them', () => {
    expect(parseTaintArg('dedicated=gpu:NoSchedule')).toEqual({
      op: 'add',
      taint: { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
    })
    expect(parseTaintArg('spot:PreferNoSchedule')).toEqual({ op: 'add', taint: { key: 'spot', value: '', effect: 'PreferNoSchedule' } })
    expect(parseTaintArg('dedicated:NoSchedule-')).toEqual({ op: 'remove', key: 'dedicated', effect: 'NoSchedule' })
    expect(parseTaintArg('dedicated-')).toEqual({ op: 'remove', key: 'dedicated', effect: null })
    expect(parseTaintArg('dedicated=gpu:Sometimes')).toEqual({
      op: 'error',
      message: 'invalid taint effect: Sometimes, unsupported taint effect',
    })
    expect(parseTaintArg('dedicated=gpu').op).toBe('error')
    expect(parseTaintArg('bad key=x:NoSchedule').op).toBe('error')
  })

  test('the same key and effect twice needs --overwrite; removing a missing taint is an error', () => {
    const node = { name: '1', taints: [{ key: 'a', value: 'x', effect: 'NoSchedule' as const }] }
    const again = parseTaintArg('a=y:NoSchedule')
    if (again.op === 'error') throw new Error(again.message)
    expect(applyTaintArgs(node, [again], false)).toEqual({
      ok: false,
      message: 'node 1 already has a taint(s) with same effect(s) and --overwrite is false',
    })
    expect(applyTaintArgs(node, [again], true)).toEqual({
      ok: true,
      taints: [{ key: 'a', value: 'y', effect: 'NoSchedule' }],
      removed: false,
    })
    expect(applyTaintArgs(node, [{ op: 'remove', key: 'b', effect: null }], false)).toEqual({ ok: false, message: 'taint "b" not found' })
  })

  test('kubectl taint sends setTaints for the node, and key- removes it again', () => {
    const w = sandbox()
    const { sent } = recorder(w)
    const send = dispatcher(w)
    const d = (c: Command) => (sent.push(c), send(c))
    expect(kubectl(w, 'kubectl taint nodes 1 dedicated=gpu:NoSchedule', d)).toBe('node/1 tainted')
    expect(sent.at(-1)).toEqual({
      type: 'setTaints',
      target: { kind: 'host', hostId: 'h1' },
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    })
    expect(kubectl(w, 'kubectl describe node 1', d)).toMatch(/^Taints: +dedicated=gpu:NoSchedule$/m)
    expect(kubectl(w, 'kubectl taint nodes 1 dedicated=other:NoSchedule', d)).toBe(
      'error: node 1 already has dedicated taint(s) with same effect(s) and --overwrite is false',
    )
    expect(kubectl(w, 'kubectl taint node/1 dedicated:NoSchedule-', d)).toBe('node/1 untainted')
    expect(sent.at(-1)).toEqual({ type: 'setTaints', target: { kind: 'host', hostId: 'h1' }, taints: [] })
    expect(kubectl(w, 'kubectl taint nodes 9 a=b:NoSchedule', d)).toBe('Error from server (NotFound): nodes "9" not found')
  })

  test("kubectl label sets the player's labels; well-known ones are derived and cannot be set", () => {
    const w = sandbox()
    const send = dispatcher(w)
    expect(parseLabelArg('disktype=ssd')).toEqual({ op: 'set', key: 'disktype', value: 'ssd' })
    expect(parseLabelArg('disktype-')).toEqual({ op: 'remove', key: 'disktype' })
    expect(kubectl(w, 'kubectl label nodes 2 disktype=ssd', send)).toBe('node/2 labeled')
    expect(w.hosts.h2!.labels).toEqual({ disktype: 'ssd' })
    expect(kubectl(w, 'kubectl label nodes 2 disktype=hdd', send)).toBe(
      "error: 'disktype' already has a value (ssd), and --overwrite is false",
    )
    expect(kubectl(w, 'kubectl label nodes 2 disktype=hdd --overwrite', send)).toBe('node/2 labeled')
    expect(kubectl(w, 'kubectl label nodes 2 topology.kubernetes.io/zone=c', send)).toMatch(
      /^error: topology.kubernetes.io\/zone is set by the node itself/,
    )
    const shown = kubectl(w, 'kubectl get nodes --show-labels', send).split('\n')
    expect(shown[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+LABELS$/)
    expect(shown.find((l) => l.startsWith('2 '))).toMatch(
      /\sdisktype=hdd,kubernetes.io\/hostname=2,kubernetes.io\/os=linux,topology.kubernetes.io\/zone=b$/,
    )
    expect(
      kubectl(w, 'kubectl get nodes -l topology.kubernetes.io/zone=a', send)
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['NAME', '1'])
    expect(kubectl(w, 'kubectl label nodes 2 disktype-', send)).toBe('node/2 unlabeled')
    expect(w.hosts.h2!.labels).toEqual({})
  })

  test('label selectors: equality, inequality, existence', () => {
    const sel = parseSelector('app=web,tier!=db,canary,!legacy')
    if ('error' in sel) throw new Error(sel.error)
    expect(matchesSelector({ app: 'web', canary: '' }, sel)).toBe(true)
    expect(matchesSelector({ app: 'web', canary: '', tier: 'db' }, sel)).toBe(false)
    expect(matchesSelector({ app: 'web' }, sel)).toBe(false)
    expect(matchesSelector({ app: 'web', canary: '', legacy: 'y' }, sel)).toBe(false)
    expect(parseSelector('a=b,!c=d')).toHaveProperty('error')
  })
})

describe('pods, namespaces and priority from the console', () => {
  test('get pods -o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const w = sandbox()
    const { dispatch } = recorder(w)
    kubectl(w, 'kubectl scale deployment shop --replicas=2', dispatch)
    stepUntil(w, (x) => containersOf(x, 'shop').filter((c) => c.state === 'running').length === 2)
    const lines = kubectl(w, 'kubectl get pods -o wide', dispatch).split('\n')
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/)
    const running = lines.filter((l) => / Running /.test(l))
    expect(running).toHaveLength(2)
    for (const l of running) expect(l).toMatch(/ 10\.244\.\d+\.\d+ +[12] +<none> +<none>$/)
  })

  test('-n and -A pick namespaces; -l picks by app label', () => {
    const w = sandbox()
    const { dispatch } = recorder(w)
    kubectl(w, 'kubectl scale deployment shop --replicas=2', dispatch)
    kubectl(w, 'kubectl scale deployment ledger --replicas=1', dispatch)
    stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state !== 'pending').length >= 2)
    expect(kubectl(w, 'kubectl get pods -n prod', dispatch)).toBe('No resources found in prod namespace.')
    const all = kubectl(w, 'kubectl get pods -A', dispatch).split('\n')
    expect(all[0]).toMatch(/^NAMESPACE\s+NAME\s+READY/)
    expect(all.slice(1).every((l) => l.startsWith('default '))).toBe(true)
    const shop = kubectl(w, 'kubectl get pods -l app=shop', dispatch).split('\n').slice(1)
    expect(shop).toHaveLength(containersOf(w, 'shop').length)
    expect(shop.every((l) => l.startsWith('shop'))).toBe(true)
    expect(kubectl(w, 'kubectl get deploy -n default', dispatch)).toMatch(/^shop\s+\d+\/2/m)
    expect(kubectl(w, 'kubectl scale deployment shop --replicas=3 -n prod', dispatch)).toBe(
      'Error from server (NotFound): deployments.apps "shop" not found',
    )
  })

  test('get ns and get priorityclasses list what the street has', () => {
    const w = sandbox()
    const send = dispatcher(w)
    expect(kubectl(w, 'kubectl create namespace shop-team', send)).toBe('namespace/shop-team created')
    expect(
      kubectl(w, 'kubectl get ns', send)
        .split('\n')
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual(['NAME STATUS', 'default Active', 'shop-team Active'])
    expect(kubectl(w, 'kubectl create priorityclass high --value=1000', send)).toBe('priorityclass.scheduling.k8s.io/high created')
    const pcs = kubectl(w, 'kubectl get pc', send).split('\n')
    expect(pcs[0]).toMatch(/^NAME\s+VALUE\s+GLOBAL-DEFAULT\s+AGE\s+PREEMPTIONPOLICY$/)
    expect(pcs).toContainEqual(expect.stringMatching(/^high\s+1000\s+false\s/))
    expect(pcs).toContainEqual(expect.stringMatching(/^system-node-critical\s+2000001000\s/))
  })

  test('describe pod shows its node, priority, conditions, containers, tolerations and a FailedScheduling event', () => {
    const w = sandbox()
    const { dispatch } = recorder(w)
    // More shop rooms than two houses hold: some stay pending with the scheduler's message.
    kubectl(w, 'kubectl scale deployment shop --replicas=70', dispatch)
    stepUntil(w, (x) => containersOf(x, 'shop').some((c) => c.state === 'pending' && c.reason.startsWith('0/')))
    const pending = containersOf(w, 'shop').find((c) => c.state === 'pending')!
    const out = kubectl(w, `kubectl describe pod ${pending.name}`, dispatch)
    expect(out).toMatch(/^Node: +<none>$/m)
    expect(out).toMatch(/^Priority: +0$/m)
    expect(out).toMatch(/^Status: +Pending$/m)
    expect(out).toMatch(/^  PodScheduled +False$/m)
    expect(out).toMatch(/^  Ready +False$/m)
    expect(out).toMatch(/^Tolerations: +node.kubernetes.io\/not-ready:NoExecute op=Exists for 300s$/m)
    expect(out).toMatch(/^ +node.kubernetes.io\/unreachable:NoExecute op=Exists for 300s$/m)
    expect(out).toMatch(/^  Type +Reason +Age +From +Message$/m)
    expect(out).toMatch(
      /^  Warning +FailedScheduling +\d+s +default-scheduler +0\/2 nodes are available: 2 Insufficient cpu\. preemption: 0\/2 nodes are available: 2 .+\.$/m,
    )
    const running = containersOf(w, 'shop').find((c) => c.state === 'running')
    if (running) {
      const r = kubectl(w, `kubectl describe pod ${running.name}`, dispatch)
      expect(r).toMatch(/^Node: +[12]$/m)
      expect(r).toMatch(/^  shop:\n    Image: +web:1\.0$/m)
      expect(r).toMatch(/^  Ready +True$/m)
    }
  })

  test("a preemption: describe shows the preemptor's priority and a Preempted event; get pods -o wide its NOMINATED NODE or node", () => {
    const w = createWorld(5)
    const d = dispatcher(w)
    apply(w, { type: 'addHost', name: '1', cores: 2, memMiB: 8192, costPerHour: 1 })
    apply(w, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 100 })
    apply(w, {
      type: 'addApp',
      id: 'batch',
      name: 'batch',
      imageId: 'web',
      cpuRequestMilli: 800,
      memRequestMiB: 256,
      rps: 0,
      capacityRps: 10,
      replicas: 2,
      managed: true,
    })
    stepUntil(w, (x) => containersOf(x, 'batch').filter((c) => c.state === 'running').length === 2)
    expect(kubectl(w, 'kubectl create priorityclass high --value=1000', d)).toBe('priorityclass.scheduling.k8s.io/high created')
    apply(w, {
      type: 'addApp',
      id: 'shop',
      name: 'shop',
      imageId: 'web',
      cpuRequestMilli: 800,
      memRequestMiB: 256,
      rps: 0,
      capacityRps: 10,
      replicas: 0,
      managed: true,
    })
    expect(apply(w, { type: 'setPriorityClass', appId: 'shop', name: 'high' })).toMatchObject({ ok: true })
    kubectl(w, 'kubectl scale deployment shop --replicas=1', d)
    stepUntil(w, (x) => containersOf(x, 'shop').some((c) => c.nominatedNode !== null || c.state === 'running'))
    const events = kubectl(w, 'kubectl get events', d).split('\n')
    expect(events[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
    expect(events).toContainEqual(
      expect.stringMatching(/^\d+s\s+Normal\s+Scheduled\s+pod\/batch-\S+\s+Successfully assigned default\/batch-\S+ to 1$/),
    )
    // The Preempted event is the victim's (kube-scheduler records it on the pod it evicts), and the victim is Terminating.
    expect(events).toContainEqual(
      expect.stringMatching(/\s(Normal|Warning)\s+Preempted\s+pod\/batch-\S+\s+Preempted pod batch-.* it is Terminating/),
    )
    const shop = containersOf(w, 'shop')[0]!
    const out = kubectl(w, `kubectl describe pod ${shop.name}`, d)
    expect(out).toMatch(/^Priority: +1000$/m)
    expect(out).toMatch(/^Priority Class Name: +high$/m)
    expect(out).toMatch(
      /^  (Normal|Warning) +Preempted +\d+s +default-scheduler +Preempted pod batch-\S+ \(priority 0\) on node 1 for pod shop-\S+ \(priority 1000\); it is Terminating \(grace period 30 s\) and shop-\S+ is nominated to 1\.$/m,
    )
    const row = kubectl(w, 'kubectl get pods -o wide -l app=shop', d).split('\n')[1]!
    expect(row).toMatch(shop.placement ? /\s1\s+(<none>|1)\s+<none>$/ : /\s<none>\s+1\s+<none>$/)
  })

  test('tolerations print as kubectl describe prints them', () => {
    expect(formatToleration({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })).toBe('dedicated=gpu:NoSchedule')
    expect(formatToleration({ key: 'spot', operator: 'Exists' })).toBe('spot op=Exists')
    expect(formatToleration({ key: '', operator: 'Exists' })).toBe('op=Exists')
  })

  test('events map to kubectl reasons and sources', () => {
    const e = { seq: 1, atMs: 0, level: 'warn' as const, id: 'legacy.text', subjects: [] }
    const said = (technical: string) => ({ params: { metaphor: '', technical } })
    expect(eventRow({ ...e, ...said('FailedScheduling shop-1: 0/3 nodes are available: 3 Insufficient cpu.') })).toEqual({
      type: 'Warning',
      reason: 'FailedScheduling',
      from: 'default-scheduler',
      message: '0/3 nodes are available: 3 Insufficient cpu.',
    })
    expect(eventRow({ ...e, level: 'info', ...said('Scheduled shop-1 to 2.') })).toMatchObject({
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/shop-1 to 2',
    })
    expect(eventRow({ ...e, ...said('Preempted by batch-3 on node 1.') }).reason).toBe('Preempted')
  })
})

describe('kubectl rollout', () => {
  test('rollout pause holds a rolling update where it is, rollout status says what kubectl says, and resume finishes it', () => {
    const w = sandbox()
    const run = (line: string) => kubectl(w, line, dispatcher(w))
    expect(run('kubectl scale deployment/shop --replicas=4')).toBe('deployment.apps/shop scaled')
    stepUntil(w, (x) => containersOf(x, 'shop').filter((c) => c.state === 'running' && c.ready).length === 4)
    expect(run('kubectl rollout status deployment/shop')).toBe('deployment "shop" successfully rolled out')
    apply(w, { type: 'addImage', id: 'web2', ref: 'web:1.1', sizeMiB: 180 })
    expect(run('kubectl set image deployment/shop shop=web:1.1')).toBe('deployment.apps/shop image updated')
    step(w, 100)
    expect(run('kubectl rollout pause deployment/shop')).toBe('deployment.apps/shop paused')
    // 4 replicas: maxSurge 1, maxUnavailable 1, so at most 2 new pods were ordered before the pause.
    const status = run('kubectl rollout status deployment/shop')
    expect(status).toMatch(/^Waiting for deployment "shop" rollout to finish: [12] out of 4 new replicas have been updated\.\.\.$/)
    step(w, 60_000)
    expect(run('kubectl rollout status deployment/shop')).toBe(status)
    expect(run('kubectl rollout resume deployment/shop')).toBe('deployment.apps/shop resumed')
    stepUntil(w, (x) => run('kubectl rollout status deployment/shop') === 'deployment "shop" successfully rolled out')
    // Rolled out while the last old pods still wait out their grace period, as kubectl get pods shows.
    expect(run('kubectl get pods')).toMatch(/shop-\S+ +0\/1 +Terminating/)
    step(w, 30_000)
    expect(run('kubectl get pods')).not.toContain('Terminating')
  })
})

describe('ReplicaSets', () => {
  test('pods are named by their ReplicaSet (name-<pod-template-hash>-<5 chars>); get rs lists old and new; rollout history', () => {
    const w = sandbox()
    const run = (line: string) => kubectl(w, line, dispatcher(w))
    run('kubectl scale deployment/shop --replicas=4')
    step(w, 20_000)
    const first = containersOf(w, 'shop')
    // The old name was the app name and an id (shop-c7): now the ReplicaSet's name and a suffix from the safe alphabet.
    for (const c of first) expect(c.name).toMatch(/^shop-[bcdfghjkmnpqrstvwxz2456789]{6,10}-[bcdfghjkmnpqrstvwxz2456789]{5}$/)
    const rs1 = first[0]!.name.replace(/-[^-]+$/, '')
    expect(new Set(first.map((c) => c.name.replace(/-[^-]+$/, '')))).toEqual(new Set([rs1]))
    expect(new Set(first.map((c) => c.name)).size).toBe(4)
    apply(w, { type: 'addImage', id: 'web2', ref: 'web:1.1', sizeMiB: 180 })
    run('kubectl set image deployment/shop shop=web:1.1')
    step(w, 60_000)
    const rs2 = containersOf(w, 'shop')[0]!.name.replace(/-[^-]+$/, '')
    expect(rs2).not.toBe(rs1)
    const rs = run('kubectl get rs').split('\n')
    expect(rs[0]).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/)
    expect(rs).toContainEqual(expect.stringMatching(new RegExp(`^${rs2}\\s+4\\s+4\\s+4\\s+\\d+s$`)))
    expect(rs).toContainEqual(expect.stringMatching(new RegExp(`^${rs1}\\s+0\\s+0\\s+0\\s+\\d+s$`)))
    expect(run('kubectl get replicasets')).toBe(run('kubectl get rs'))
    // A rollback returns to the old template: the same ReplicaSet (same hash), under a new revision number.
    run('kubectl rollout undo deployment/shop')
    step(w, 60_000)
    expect(containersOf(w, 'shop').every((c) => c.name.startsWith(rs1 + '-'))).toBe(true)
    expect(run('kubectl rollout history deployment/shop')).toBe(
      ['deployment.apps/shop', 'REVISION  CHANGE-CAUSE', '2         <none>', '3         <none>'].join('\n'),
    )
  })
})
