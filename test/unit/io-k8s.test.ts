import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { exportYaml, importYaml } from '../../src/io/k8s'
import { kubectl } from '../../src/io/kubectl'
import { parseCpuMilli, parseMemMiB } from '../../src/io/quantity'
import { parseLevel, startLevel } from '../../src/levels'
import { apply, createWorld, step } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import { SANDBOX_SETUP } from '../../src/state/game'
import { containersOf, stepUntil } from './helpers'

function sandbox(): World {
  const w = createWorld(7)
  for (const c of SANDBOX_SETUP) apply(w, c)
  return w
}

const dispatcher = (w: World) => (c: Command) => apply(w, c)

function levelWorlds(): World[] {
  return ['01-one-house', '02-apartments', '03-manager'].map((id) => {
    const r = parseLevel(id, readFileSync(join(__dirname, `../../levels/${id}.json`), 'utf8'))
    if (!r.ok) throw new Error(r.error)
    const w = startLevel(r.level)
    for (const s of r.level.solution) apply(w, s.command)
    step(w, 60_000)
    return w
  })
}

describe('Kubernetes YAML', () => {
  test('quantities read like Kubernetes writes them', () => {
    expect(parseCpuMilli('500m')).toBe(500)
    expect(parseCpuMilli('1.5')).toBe(1500)
    expect(parseMemMiB('512Mi')).toBe(512)
    expect(parseMemMiB('2Gi')).toBe(2048)
    expect(parseMemMiB('1G')).toBe(954)
    expect(parseMemMiB('lots')).toBeNull()
  })

  test('every shipped scenario exports as valid Deployments and Services', () => {
    for (const w of [sandbox(), ...levelWorlds()]) {
      const text = exportYaml(w)
      const docs = text.split('---\n').map((d) => parse(d))
      expect(docs.filter((d) => d.kind === 'Deployment')).toHaveLength(Object.keys(w.apps).length)
      expect(docs.filter((d) => d.kind === 'Service')).toHaveLength(Object.keys(w.apps).length)
      // Re-reading our own export must pass the Kubernetes schemas.
      expect(importYaml(w, text).ok).toBe(true)
    }
  })

  test('import then export gives the same objects', () => {
    const source = sandbox()
    apply(source, { type: 'setManaged', appId: 'shop', managed: true })
    apply(source, { type: 'setHpa', appId: 'shop', minReplicas: 2, maxReplicas: 9, targetCpuPercent: 60 })
    apply(source, { type: 'setPdb', appId: 'shop', minAvailable: 2 })
    apply(source, { type: 'setManaged', appId: 'ledger', managed: true })
    const text = exportYaml(source)
    const target = createWorld(1)
    const r = importYaml(target, text)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    for (const c of r.commands) expect(apply(target, c).ok).toBe(true)
    expect(parseAllDocs(exportYaml(target))).toEqual(parseAllDocs(text))
  })

  test('broken YAML names the line', () => {
    const r = importYaml(createWorld(1), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  name: shop\n')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]!.line).toBe(5)
      expect(r.errors[0]!.message).toMatch(/unique/)
    }
  })

  test('a schema error names the field and its line', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: many
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: web:1.0
`
    const r = importYaml(createWorld(1), yaml)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]!.message).toMatch(/spec\.replicas must be integer/)
      expect(r.errors[0]!.line).toBe(6)
    }
  })

  test('an unsupported kind is refused by name', () => {
    const r = importYaml(createWorld(1), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/ConfigMap/)
  })
})

function parseAllDocs(text: string): unknown[] {
  return text.split('---\n').map((d) => parse(d))
}

describe('the kubectl console', () => {
  test('scale from the console: the rooms appear', () => {
    const w = sandbox()
    expect(kubectl(w, 'kubectl scale deployment/shop --replicas=5', dispatcher(w))).toBe('deployment.apps/shop scaled')
    stepUntil(w, (x) => containersOf(x, 'shop').filter((c) => c.state === 'running').length === 5)
    const out = kubectl(w, 'kubectl get pods', dispatcher(w))
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
    expect(out.split('\n').filter((l) => / 1\/1 +Running /.test(l))).toHaveLength(5)
    expect(kubectl(w, 'kubectl get deploy', dispatcher(w))).toMatch(/shop\s+5\/5\s+5\s+5/)
  })

  test('errors read like kubectl', () => {
    const w = sandbox()
    expect(kubectl(w, 'kubectl scale deployment/nope --replicas=2', dispatcher(w))).toBe('Error from server (NotFound): deployments.apps "nope" not found')
    expect(kubectl(w, 'kubectl frobnicate', dispatcher(w))).toMatch(/unknown command "frobnicate"/)
    expect(kubectl(w, 'kubectl get widgets', dispatcher(w))).toBe(`error: the server doesn't have a resource type "widgets"`)
  })

  test('cordon, drain and describe a node', () => {
    const w = sandbox()
    kubectl(w, 'kubectl scale deployment/shop --replicas=4', dispatcher(w))
    stepUntil(w, (x) => containersOf(x, 'shop').filter((c) => c.state === 'running').length === 4)
    expect(kubectl(w, 'kubectl drain 1', dispatcher(w))).toMatch(/^node\/1 cordoned/)
    stepUntil(w, (x) => !x.hosts.h1!.draining)
    stepUntil(w, (x) => containersOf(x, 'shop').filter((c) => c.state === 'running').length === 4)
    expect(kubectl(w, 'kubectl get nodes', dispatcher(w))).toMatch(/^1\s+Ready,SchedulingDisabled/m)
    expect(kubectl(w, 'kubectl describe node 2', dispatcher(w))).toMatch(/^  pods:\s+4$/m)
  })

  test('autoscale and get hpa', () => {
    const w = sandbox()
    expect(kubectl(w, 'kubectl autoscale deployment shop --min=2 --max=6 --cpu-percent=50', dispatcher(w))).toMatch(/autoscaled/)
    step(w, 20_000)
    expect(kubectl(w, 'kubectl get hpa', dispatcher(w))).toMatch(/shop\s+Deployment\/shop\s+cpu: \d+%\/50%\s+2\s+6/)
  })
})
