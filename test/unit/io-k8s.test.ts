import { readdirSync, readFileSync } from 'node:fs'
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
  // Every shipped level, as its reference solution leaves it after a minute.
  return readdirSync(join(__dirname, '../../levels'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .map((id) => {
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
    const worlds = [sandbox(), ...levelWorlds()]
    expect(worlds.length).toBeGreaterThanOrEqual(9)
    for (const w of worlds) {
      const text = exportYaml(w)
      const docs = text
        .split('---\n')
        .map((d) => parse(d))
        .filter((d) => d !== null)
      // Only apps the manager looks after are Deployments; the others (plain docker run rooms) are named in a comment line,
      // not exported as Deployments with 0 replicas.
      const managed = Object.values(w.apps).filter((a) => a.managed)
      expect(docs.filter((d) => d.kind === 'Deployment')).toHaveLength(managed.length)
      expect(docs.filter((d) => d.kind === 'Service')).toHaveLength(managed.length)
      for (const a of Object.values(w.apps)) if (!a.managed) expect(text).toContain(`# ${a.namespace}/${a.name}: not a Deployment`)
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

  test(
    'the new pod fields survive export → import → export: namespace, labels, tolerations, affinity, spread, priority, probes, ' +
      'sidecars',
    () => {
      const source = sandbox()
      const probe = { initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3, successThreshold: 1 }
      const setup: Command[] = [
        { type: 'addNamespace', name: 'shop-team' },
        { type: 'addPriorityClass', name: 'high', value: 1000 },
        { type: 'addImage', id: 'envoy', ref: 'envoy:1.31', sizeMiB: 60 },
        { type: 'setManaged', appId: 'shop', managed: true },
        { type: 'setNamespace', appId: 'shop', namespace: 'shop-team' },
        { type: 'setAppLabels', appId: 'shop', labels: { tier: 'front' } },
        {
          type: 'setTolerations',
          appId: 'shop',
          tolerations: [
            { key: 'dedicated', operator: 'Equal', value: 'shop', effect: 'NoSchedule' },
            { key: 'spot', operator: 'Exists' },
          ],
        },
        {
          type: 'setNodeAffinity',
          appId: 'shop',
          affinity: {
            required: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a', 'b'] }],
            preferred: [{ weight: 50, match: [{ key: 'disktype', operator: 'Exists', values: [] }] }],
          },
        },
        { type: 'setPodAntiAffinity', appId: 'shop', antiAffinity: { topologyKey: 'kubernetes.io/hostname', required: false } },
        {
          type: 'setTopologySpread',
          appId: 'shop',
          spread: { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' },
        },
        { type: 'setPriorityClass', appId: 'shop', name: 'high' },
        { type: 'setProbes', appId: 'shop', readiness: probe, liveness: { ...probe, failureThreshold: 5 } },
        { type: 'setSidecars', appId: 'shop', sidecars: [{ name: 'proxy', imageId: 'envoy', cpuRequestMilli: 100, memRequestMiB: 64 }] },
        { type: 'setHpa', appId: 'shop', minReplicas: 2, maxReplicas: 9, targetCpuPercent: 60 },
      ]
      for (const c of setup) expect(apply(source, c)).toMatchObject({ ok: true })
      const text = exportYaml(source)
      const docs = parseAllDocs(text) as {
        kind: string
        metadata: { name: string; namespace?: string }
        spec?: { template?: { spec: Record<string, unknown> } }
      }[]
      expect(docs.map((d) => d.kind).slice(0, 2)).toEqual(['Namespace', 'PriorityClass'])
      const shop = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === 'shop')!
      expect(shop.metadata.namespace).toBe('shop-team')
      const pod = shop.spec!.template!.spec as Record<string, any>
      expect(pod.priorityClassName).toBe('high')
      expect(pod.tolerations).toEqual([
        { key: 'dedicated', operator: 'Equal', value: 'shop', effect: 'NoSchedule' },
        { key: 'spot', operator: 'Exists' },
      ])
      expect(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions).toEqual([
        { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a', 'b'] },
      ])
      expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm).toEqual({
        labelSelector: { matchLabels: { app: 'shop' } },
        topologyKey: 'kubernetes.io/hostname',
      })
      expect(pod.topologySpreadConstraints[0]).toMatchObject({
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
      })
      expect(pod.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual([
        'shop=web:1.0',
        'proxy=envoy:1.31',
      ])
      expect(pod.containers[0].readinessProbe).toEqual({
        httpGet: { path: '/ready', port: 8080 },
        initialDelaySeconds: 5,
        periodSeconds: 10,
        failureThreshold: 3,
        successThreshold: 1,
      })
      expect(pod.containers[0].livenessProbe.failureThreshold).toBe(5)
      // Into an empty street and back out: the same objects.
      const target = createWorld(1)
      const r = importYaml(target, text)
      if (!r.ok) throw new Error(JSON.stringify(r.errors))
      for (const c of r.commands) expect(apply(target, c), JSON.stringify(c)).toMatchObject({ ok: true })
      expect(parseAllDocs(exportYaml(target))).toEqual(parseAllDocs(text))
    },
  )

  test('native sidecars (init containers that keep running) import as sidecars; a second nodeSelectorTerm is refused by line', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - { name: log-shipper, image: "fluent-bit:3", restartPolicy: Always, resources: { requests: { cpu: 50m, memory: 32Mi } } }
      containers:
        - { name: web, image: "web:1.0" }
`
    const r = importYaml(createWorld(1), yaml)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const sidecars = r.commands.find((c) => c.type === 'setSidecars')
    expect(sidecars).toMatchObject({ sidecars: [{ name: 'log-shipper', cpuRequestMilli: 50, memRequestMiB: 32 }] })
    const two = yaml.replace(
      '    spec:\n',
      `    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions: [{ key: a, operator: Exists }]
              - matchExpressions: [{ key: b, operator: Exists }]
`,
    )
    const bad = importYaml(createWorld(1), two)
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.errors[0]!.message).toMatch(/only one nodeSelectorTerm/)
      expect(bad.errors[0]!.line).toBe(11)
    }
  })

  test('a Deployment in a namespace that does not exist is refused as the API server refuses it', () => {
    const r = importYaml(
      createWorld(1),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: nope }\nspec:\n  selector: { matchLabels: { app: web } ' +
        '}\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: "web:1" }] }\n',
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.message).toBe('Error from server (NotFound): namespaces "nope" not found')
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
    expect(kubectl(w, 'kubectl scale deployment/nope --replicas=2', dispatcher(w))).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found',
    )
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

describe('names and kinds survive export', () => {
  test('a PodDisruptionBudget keeps its own name through import and export (it used to come back named after the app)', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: default}',
      'spec:',
      '  replicas: 2',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec: {containers: [{name: web, image: "web:1.0"}]}',
      '---',
      'apiVersion: policy/v1',
      'kind: PodDisruptionBudget',
      'metadata: {name: web-pdb, namespace: default}',
      'spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}',
    ].join('\n')
    const w = createWorld(1)
    const r = importYaml(w, text)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    for (const c of r.commands) expect(apply(w, c).ok).toBe(true)
    const pdbs = exportYaml(w)
      .split('---\n')
      .map((d) => parse(d))
      .filter((d) => d?.kind === 'PodDisruptionBudget')
    expect(pdbs.map((d) => d.metadata.name)).toEqual(['web-pdb'])
  })
})
