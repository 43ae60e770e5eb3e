/**
 * Real manifests survive a round trip (FIDELITY issue 9, item 7): the Kubernetes project's own guestbook
 * (test/fixtures/guestbook, Apache-2.0, see its README) imports with its labels, selectors, container names and
 * ports; each Service finds its pods by selector; what the game does not model is named in one line per object;
 * the export reproduces what was imported; a List and `kubectl get -o json` output import the same.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { describe, expect, test } from 'vitest'
import { exportYaml, importYaml } from '../../src/io/k8s'
import { kubectl } from '../../src/io/kubectl'
import { apply, createWorld } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import { stepUntil } from './helpers'

const dir = join(__dirname, '../fixtures/guestbook')
const read = (f: string) => readFileSync(join(dir, f), 'utf8')
const SIX = [
  'redis-master-deployment',
  'redis-master-service',
  'redis-replica-deployment',
  'redis-replica-service',
  'frontend-deployment',
  'frontend-service',
]
const separate = () => SIX.map((f) => read(`${f}.yaml`)).join('\n---\n')

function street(): World {
  const w = createWorld(3)
  for (let i = 0; i < 3; i++) apply(w, { type: 'addHost', name: `n${i + 1}`, cores: 4, memMiB: 8192, costPerHour: 1 })
  return w
}

function load(text: string): { w: World; created: string[] } {
  const w = street()
  const r = importYaml(w, text)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  for (const c of r.commands) {
    const res = apply(w, c)
    if (!res.ok) throw new Error(`${c.type}: ${res.technical}`)
  }
  return { w, created: r.created }
}

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>)
const byKindName = (list: Record<string, any>[], kind: string, name: string) =>
  list.find((o) => o.kind === kind && o.metadata.name === name)!

describe('the Kubernetes guestbook', () => {
  test('imports with its own labels, container names and ports; a Service selecting app=redis, role=master finds its pod', () => {
    const { w, created } = load(separate())
    const app = (n: string) => Object.values(w.apps).find((a) => a.name === n)!
    expect(app('frontend').replicas).toBe(3)
    expect(app('frontend').labels).toEqual({ app: 'guestbook', tier: 'frontend' })
    expect(app('redis-master').labels).toEqual({ app: 'redis', role: 'master', tier: 'backend' })
    expect(app('frontend').manifest).toMatchObject({
      containerName: 'php-redis',
      containerPort: 80,
      service: { name: 'frontend', port: 80, targetPort: 80, type: 'NodePort' },
    })
    expect(app('redis-master').manifest).toMatchObject({
      containerName: 'master',
      containerPort: 6379,
      service: { name: 'redis-master', port: 6379, targetPort: 6379, selector: { app: 'redis', role: 'master', tier: 'backend' } },
    })
    expect(app('redis-replica').manifest!.service).toMatchObject({ name: 'redis-replica', port: 6379, targetPort: 6379 })
    stepUntil(w, (x) => Object.values(x.containers).filter((c) => c.state === 'running').length === 6, 120_000)
    const run = (line: string) => kubectl(w, line, (c: Command) => apply(w, c))
    const masters = run('get pods -l app=redis,role=master').split('\n').slice(1)
    expect(masters).toHaveLength(1)
    expect(masters[0]).toMatch(/^redis-master-/)
    expect(run('get pods -l app=redis').split('\n').slice(1)).toHaveLength(3)
    expect(run('get svc -o wide')).toMatch(/redis-master\s+ClusterIP\s+\S+\s+<none>\s+6379\/TCP\s+\S+\s+app=redis,role=master,tier=backend/)
    expect(run('get svc')).toMatch(/frontend\s+NodePort\s+\S+\s+<none>\s+80:\d+\/TCP/)
    // What the game does not model is named, one line per object, never dropped silently.
    const warnings = created.filter((l) => l.startsWith('Warning: '))
    expect(warnings).toContain('Warning: deployment.apps/frontend: not modelled by the game, ignored: spec.template.spec.containers[0].env')
    expect(warnings).toContain('Warning: service/frontend: not modelled by the game, ignored: spec.type="NodePort"')
    expect(warnings.filter((l) => l.includes('deployment.apps/frontend'))).toHaveLength(1)
    expect(created).toEqual(expect.arrayContaining(['deployment.apps/redis-master created', 'service/redis-master created']))
  })

  test('the all-in-one file (one multi-document YAML, Services first) imports the same apps as the six files', () => {
    const a = load(separate()).w
    const b = load(read('guestbook-all-in-one.yaml')).w
    const shape = (w: World) =>
      Object.values(w.apps)
        .map((x) => ({ name: x.name, labels: x.labels, replicas: x.replicas, svc: x.manifest?.service?.selector }))
        .sort((p, q) => p.name.localeCompare(q.name))
    // The all-in-one file names the replica's container "replica" where the separate file says "slave".
    expect(shape(b)).toEqual(shape(a))
  })

  test('export reproduces what was imported: selectors, template labels, containers, ports, requests, Services', () => {
    const text = separate()
    const original = docs(text)
    const { w } = load(text)
    const out = docs(exportYaml(w))
    for (const name of ['frontend', 'redis-master', 'redis-replica']) {
      const a = byKindName(original, 'Deployment', name)
      const b = byKindName(out, 'Deployment', name)
      expect(b.spec.replicas).toBe(a.spec.replicas)
      expect(b.spec.selector).toEqual(a.spec.selector)
      expect(b.spec.template.metadata.labels).toEqual(a.spec.template.metadata.labels)
      const [ca] = a.spec.template.spec.containers
      const [cb] = b.spec.template.spec.containers
      expect({ name: cb.name, image: cb.image, ports: cb.ports, requests: cb.resources.requests }).toEqual({
        name: ca.name,
        image: ca.image,
        ports: ca.ports,
        requests: ca.resources.requests,
      })
      const sa = byKindName(original, 'Service', name)
      const sb = byKindName(out, 'Service', name)
      expect(sb.spec.selector).toEqual(sa.spec.selector)
      expect(sb.spec.ports[0].port).toBe(sa.spec.ports[0].port)
      expect(sb.spec.ports[0].targetPort).toBe(sa.spec.ports[0].targetPort ?? sa.spec.ports[0].port)
      expect(sb.spec.type ?? 'ClusterIP').toBe(sa.spec.type ?? 'ClusterIP')
    }
    // And the export reads back to the same world: export → import → export is stable.
    const again = load(exportYaml(w)).w
    expect(exportYaml(again)).toBe(exportYaml(w))
  })

  test('a List, as `kubectl get deploy,svc -o json` prints it (status, uid, resourceVersion and all), imports the same', () => {
    const items = docs(separate()).map((o) => ({
      ...o,
      metadata: { ...o.metadata, uid: 'f0e1', resourceVersion: '4711', creationTimestamp: '2026-12-01T10:00:00Z', generation: 1 },
      status: o.kind === 'Deployment' ? { replicas: 1, readyReplicas: 1 } : { loadBalancer: {} },
    }))
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 2)
    const plain = importYaml(street(), separate())
    const list = importYaml(street(), json)
    expect(list.ok).toBe(true)
    expect(plain.ok && list.ok && list.commands).toEqual(plain.ok && plain.commands)
  })
})
