/**
 * The console answers like kubectl (FIDELITY issue 9, items 8 and 11): kubectl's own error words, logs, top, get -w,
 * apply -f -, delete, -o yaml|json, --field-selector, strict decoding, AGE from creation, real event reasons.
 */
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { kubectl, watch } from '../../src/io/kubectl'
import { apply, createWorld, step } from '../../src/sim'
import type { Command, Result, World } from '../../src/sim'
import { containersOf, must, stepUntil } from './helpers'

function street(): World {
  const w = createWorld(9)
  for (let i = 1; i <= 2; i++) must(w, { type: 'addHost', name: String(i), cores: 8, memMiB: 16384, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 100 })
  must(w, {
    type: 'addApp',
    id: 'web',
    name: 'web',
    imageId: 'web',
    cpuRequestMilli: 500,
    memRequestMiB: 512,
    rps: 0,
    capacityRps: 60,
    replicas: 2,
    managed: true,
  })
  stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === 2)
  return w
}
const d =
  (w: World) =>
  (c: Command): Result =>
    apply(w, c)
const k = (w: World, line: string, stdin = '') => kubectl(w, line, d(w), stdin)

describe('kubectl words', () => {
  test("an unknown command or flag gets kubectl's own error words", () => {
    const w = street()
    expect(k(w, 'get pods --foo')).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.")
    expect(k(w, 'get pods -x')).toBe("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.")
    expect(k(w, 'scale deploy/web --replica=3')).toBe("error: unknown flag: --replica\nSee 'kubectl scale --help' for usage.")
    expect(k(w, 'frobnicate')).toBe('error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.')
    expect(k(w, 'get pods -o wide')).toMatch(/^NAME\s+READY\s+STATUS/)
  })

  test('whatever goes wrong inside comes back as an error line, never a stack trace', () => {
    const w = street()
    const out = kubectl(w, 'scale deploy/web --replicas=3', () => {
      throw new Error('the API server is on fire')
    })
    expect(out).toBe('error: the API server is on fire')
  })
})

describe('kubectl logs, top, get -w', () => {
  test("logs shows the room's own run; --previous the one before, ending in its crash with the exit code", () => {
    const w = street()
    const c = containersOf(w, 'web')[0]!
    expect(k(w, `logs ${c.name}`)).toMatch(/web started \(web:1\.0\)/)
    must(w, { type: 'crashContainer', containerId: c.id })
    stepUntil(w, (x) => x.containers[c.id]!.state === 'running')
    const previous = k(w, `logs ${c.name} --previous`)
    expect(previous).toMatch(/crashed: process exited with code 1/)
    expect(k(w, `logs ${c.name}`)).not.toMatch(/crashed/)
    expect(k(w, `logs ${c.name} -c nope`)).toBe(`error: container nope is not valid for pod ${c.name}`)
    expect(k(w, 'logs nope')).toBe('Error from server (NotFound): pods "nope" not found')
  })

  test('top shows what the rooms use (metrics-server), not what they booked; a dead node shows <unknown>', () => {
    const w = street()
    must(w, { type: 'setTraffic', appId: 'web', rps: 30 }) // each of 2 rooms at 25 % of its 500m request
    step(w, 2_000)
    const top = k(w, 'top nodes')
    expect(top).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)/)
    const cpus = [...top.matchAll(/^\d\s+(\d+)m/gm)].map((m) => Number(m[1]))
    expect(cpus.reduce((a, b) => a + b, 0)).toBe(250) // 2 × 125m used, though 2 × 500m are requested
    must(w, { type: 'failHost', hostId: 'h2' })
    step(w, 60_000)
    expect(k(w, 'top nodes')).toMatch(/^2\s+<unknown>/m)
    expect(k(w, 'top')).toBe('error: you must specify a resource type: nodes or pods')
  })

  test('get pods -w prints the rows that change as time runs, and nothing when nothing changed', () => {
    const w = street()
    const wt = watch(w, 'get pods -w', d(w))!
    expect(wt.first).toMatch(/^NAME\s+READY\s+STATUS/)
    step(w, 1_000)
    expect(wt.next(w)).toEqual([])
    const c = containersOf(w, 'web')[0]!
    must(w, { type: 'crashContainer', containerId: c.id })
    const seen: string[] = []
    for (let i = 0; i < 20; i++) {
      step(w, 100)
      seen.push(...wt.next(w))
    }
    expect(seen.some((r) => r.startsWith(c.name) && /ContainerCreating|Error/.test(r))).toBe(true)
    expect(seen.some((r) => r.startsWith(c.name) && /Running/.test(r) && /\s1\s/.test(r))).toBe(true)
  })
})

describe('kubectl apply, delete, -o, --field-selector', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: api:2
        resources:
          requests: {cpu: 100m, memory: 128Mi}
`
  test('apply -f - reads its stdin; says created, then unchanged, then configured', () => {
    const w = street()
    expect(k(w, 'apply -f -', yaml)).toBe('deployment.apps/api created')
    expect(k(w, 'apply -f -', yaml)).toBe('deployment.apps/api unchanged')
    expect(k(w, 'apply -f -', yaml.replace('replicas: 1', 'replicas: 3'))).toBe('deployment.apps/api configured')
    expect(w.apps.api!.replicas).toBe(3)
    expect(k(w, 'apply -f -', '')).toBe('error: no objects passed to apply')
  })

  test("an unknown field is rejected as kubectl's strict decoding does", () => {
    const w = street()
    const out = k(w, 'apply -f -', yaml.replace('resources:', 'resoures:'))
    expect(out).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ' +
        'unknown field "spec.template.spec.containers[0].resoures"',
    )
    expect(w.apps.api).toBeUndefined()
  })

  test('delete pod: the ReplicaSet makes a new one; delete deployment deletes the Deployment and its pods', () => {
    const w = street()
    const [c] = containersOf(w, 'web')
    expect(k(w, `delete pod ${c!.name}`)).toBe(`pod "${c!.name}" deleted`)
    step(w, 1_000)
    const now = containersOf(w, 'web')
    expect(now).toHaveLength(2)
    expect(now.map((x) => x.name)).not.toContain(c!.name)
    expect(k(w, 'delete deployment web')).toBe('deployment.apps "web" deleted')
    expect(w.apps.web).toBeUndefined()
    expect(containersOf(w, 'web')).toHaveLength(0)
    expect(k(w, 'get deploy')).toBe('No resources found in default namespace.')
  })

  test('get -o yaml|json prints the objects; --field-selector spec.nodeName= picks the pods on one node', () => {
    const w = street()
    const list = JSON.parse(k(w, 'get pods -o json'))
    expect(list.kind).toBe('List')
    expect(list.items).toHaveLength(2)
    expect(list.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod', status: { phase: 'Running', qosClass: 'Burstable' } })
    const one = list.items[0]
    const pod = parse(k(w, `get pod ${one.metadata.name} -o yaml`))
    expect(pod.kind).toBe('Pod')
    expect(pod.spec.nodeName).toBe(one.spec.nodeName)
    expect(parse(k(w, 'get deploy web -o yaml')).kind).toBe('Deployment')
    const node = one.spec.nodeName as string
    const onNode = k(w, `get pods --field-selector spec.nodeName=${node}`).split('\n').slice(1)
    expect(onNode.length).toBe(list.items.filter((p: { spec: { nodeName: string } }) => p.spec.nodeName === node).length)
    expect(k(w, 'get pods -o xml')).toMatch(/^error: unable to match a printer suitable for the output format "xml"/)
  })

  test('set image takes any image apply takes (one the street has not seen is pulled)', () => {
    const w = street()
    expect(k(w, 'set image deployment/web web=nginx:1.27')).toBe('deployment.apps/web image updated')
    expect(w.images[w.apps.web!.imageId]!.ref).toBe('nginx:1.27')
    expect(k(w, 'set image deployment/web nope=nginx:1.27')).toBe('error: unable to find container named "nope"')
  })
})

describe('kubectl details', () => {
  test("AGE counts from the pod's creation, not from its last restart", () => {
    const w = street()
    step(w, 120_000)
    const c = containersOf(w, 'web')[0]!
    must(w, { type: 'crashContainer', containerId: c.id })
    stepUntil(w, (x) => x.containers[c.id]!.state === 'running')
    const row = k(w, 'get pods')
      .split('\n')
      .find((r) => r.startsWith(c.name))!
    expect(row).toMatch(/\s2m\d*s?$/)
  })

  test('events carry the reason the real component writes: Started and BackOff from the kubelet, on the pod', () => {
    const w = street()
    const c = containersOf(w, 'web')[0]!
    must(w, { type: 'crashContainer', containerId: c.id })
    stepUntil(w, (x) => x.containers[c.id]!.state === 'running')
    must(w, { type: 'crashContainer', containerId: c.id })
    step(w, 200)
    const events = k(w, 'get events')
    expect(events).toMatch(new RegExp(`Warning\\s+BackOff\\s+pod/${c.name}\\s+Back-off 10s restarting failed container`))
    expect(events).toMatch(new RegExp(`Normal\\s+Started\\s+pod/${c.name}`))
  })
})
