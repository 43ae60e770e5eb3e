/**
 * The sandbox's workloads as real Kubernetes YAML (Deployment, Service, HPA, PDB), and back.
 * Objects are checked against the Kubernetes OpenAPI schemas by kubernetes-models; errors
 * point at the YAML line. Game-only figures (visitors, capacity) travel as annotations.
 */
import { parseAllDocuments, stringify, LineCounter } from 'yaml'
import type { Document } from 'yaml'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { Service } from 'kubernetes-models/v1/Service'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import type { App, Command, World } from '../sim'
import { formatCpu, formatMem, parseCpuMilli, parseMemMiB } from './quantity'

const ANNOTATION = {
  rps: 'houseofpods.dev/visitors-per-second',
  capacity: 'houseofpods.dev/visitors-per-room',
  imageSize: 'houseofpods.dev/image-size-mib',
}

type K8sObject = Record<string, unknown> & { apiVersion?: string; kind?: string; metadata?: { name?: string; annotations?: Record<string, string> } }

/** The Kubernetes objects that describe one app. */
export function appObjects(world: World, app: App): K8sObject[] {
  const image = world.images[app.imageId]
  const labels = { app: app.name }
  const objects: K8sObject[] = [
    new Deployment({
      metadata: { name: app.name, labels, annotations: { [ANNOTATION.rps]: String(app.rps), [ANNOTATION.capacity]: String(app.capacityRps), [ANNOTATION.imageSize]: String(image?.sizeMiB ?? 0) } },
      spec: {
        replicas: app.managed ? app.replicas : app.readyReplicas,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: {
          metadata: { labels },
          spec: {
            ...(image?.os === 'windows' ? { nodeSelector: { 'kubernetes.io/os': 'windows' } } : {}),
            containers: [{ name: app.name, image: image?.ref ?? app.imageId, resources: { requests: { cpu: formatCpu(app.cpuRequestMilli), memory: formatMem(app.memRequestMiB) } } }],
          },
        },
      },
    }).toJSON() as K8sObject,
    new Service({ metadata: { name: app.name, labels }, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } }).toJSON() as K8sObject,
  ]
  if (app.hpa) {
    objects.push(
      new HorizontalPodAutoscaler({
        metadata: { name: app.name },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
          minReplicas: app.hpa.minReplicas,
          maxReplicas: app.hpa.maxReplicas,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: app.hpa.targetCpuPercent } } }],
        },
      }).toJSON() as K8sObject,
    )
  }
  if (app.pdbMinAvailable !== null) {
    objects.push(new PodDisruptionBudget({ metadata: { name: app.name }, spec: { minAvailable: app.pdbMinAvailable, selector: { matchLabels: labels } } }).toJSON() as K8sObject)
  }
  return objects
}

/** Every app in the world as one multi-document YAML file. */
export function exportYaml(world: World): string {
  return Object.values(world.apps)
    .flatMap((app) => appObjects(world, app))
    .map((o) => stringify(o, { lineWidth: 0 }))
    .join('---\n')
}

export interface ImportError {
  /** 1-based line in the pasted text, when known. */
  line: number | null
  message: string
}

export type ImportResult = { ok: true; commands: Command[]; created: string[] } | { ok: false; errors: ImportError[] }

function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined
    if (node && node.range) return counter.linePos(node.range[0]).line
  }
  return null
}

function validate(obj: K8sObject): { path: (string | number)[]; message: string } | null {
  const byKind: Record<string, (o: never) => { validate(): void }> = {
    Deployment: (o) => new Deployment(o),
    Service: (o) => new Service(o),
    HorizontalPodAutoscaler: (o) => new HorizontalPodAutoscaler(o),
    PodDisruptionBudget: (o) => new PodDisruptionBudget(o),
  }
  const make = byKind[obj.kind ?? '']
  if (!make) return { path: ['kind'], message: `kind "${String(obj.kind)}" is not supported here (Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget)` }
  try {
    make(obj as never).validate()
    return null
  } catch (e) {
    const first = (e as { errors?: { instancePath: string; message: string }[] }).errors?.[0]
    if (!first) return { path: [], message: (e as Error).message }
    const path = first.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    return { path, message: `${first.instancePath.replaceAll('/', '.').slice(1) || '(object)'} ${first.message}` }
  }
}

/** Parse pasted YAML into commands for the simulation, or errors with line numbers. */
export function importYaml(world: World, text: string): ImportResult {
  const counter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter: counter })
  const errors: ImportError[] = []
  const objects: { obj: K8sObject; doc: Document }[] = []
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const err of doc.errors) errors.push({ line: err.linePos?.[0]?.line ?? null, message: err.message.split('\n')[0]! })
    if (doc.errors.length) continue
    const obj = doc.toJS() as K8sObject | null
    if (obj === null) continue
    if (typeof obj !== 'object' || Array.isArray(obj)) {
      errors.push({ line: lineOf(doc as Document, counter, []), message: 'each document must be a Kubernetes object (a mapping with apiVersion and kind)' })
      continue
    }
    const bad = validate(obj)
    if (bad) errors.push({ line: lineOf(doc as Document, counter, bad.path), message: `${obj.kind ?? 'object'} ${obj.metadata?.name ?? ''}: ${bad.message}` })
    else objects.push({ obj, doc: doc as Document })
  }
  if (errors.length) return { ok: false, errors }
  return toCommands(world, objects, counter)
}

function toCommands(world: World, objects: { obj: K8sObject; doc: Document }[], counter: LineCounter): ImportResult {
  const commands: Command[] = []
  const created: string[] = []
  const errors: ImportError[] = []
  const images = new Map(Object.values(world.images).map((i) => [i.ref, i.id]))
  const appIdByName = new Map(Object.values(world.apps).map((a) => [a.name, a.id]))
  for (const { obj, doc } of objects.filter((o) => o.obj.kind === 'Deployment')) {
    const d = obj as unknown as { metadata: { name: string; annotations?: Record<string, string> }; spec: { replicas?: number; template: { spec: { nodeSelector?: Record<string, string>; containers: { image?: string; resources?: { requests?: Record<string, string> } }[] } } } }
    const name = d.metadata.name
    const container = d.spec.template.spec.containers[0]!
    const ref = container.image ?? `${name}:latest`
    const cpu = parseCpuMilli(container.resources?.requests?.cpu) ?? 100
    const mem = parseMemMiB(container.resources?.requests?.memory) ?? 200
    const ann = d.metadata.annotations ?? {}
    let imageId = images.get(ref)
    if (!imageId) {
      imageId = ref.replace(/[^a-z0-9-]/gi, '-').toLowerCase()
      commands.push({ type: 'addImage', id: imageId, ref, sizeMiB: Number(ann[ANNOTATION.imageSize]) || 150, os: d.spec.template.spec.nodeSelector?.['kubernetes.io/os'] === 'windows' ? 'windows' : 'linux' })
      images.set(ref, imageId)
    }
    const replicas = d.spec.replicas ?? 1
    const existing = appIdByName.get(name)
    if (existing) {
      const app = world.apps[existing]!
      if (app.imageId !== imageId) commands.push({ type: 'setImage', appId: existing, imageId })
      commands.push({ type: 'setReplicas', appId: existing, replicas }, { type: 'setManaged', appId: existing, managed: true })
      created.push(`deployment.apps/${name} configured`)
    } else {
      const id = name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()
      if (!id) {
        errors.push({ line: lineOf(doc, counter, ['metadata', 'name']), message: `Deployment name "${name}" is not usable` })
        continue
      }
      commands.push({ type: 'addApp', id, name, imageId, cpuRequestMilli: cpu, memRequestMiB: mem, rps: Number(ann[ANNOTATION.rps]) || 0, capacityRps: Number(ann[ANNOTATION.capacity]) || 100, replicas, managed: true })
      appIdByName.set(name, id)
      created.push(`deployment.apps/${name} created`)
    }
  }
  for (const { obj, doc } of objects.filter((o) => o.obj.kind !== 'Deployment')) {
    const name = obj.metadata?.name ?? ''
    if (obj.kind === 'Service') {
      // Every app already has its doorman; a Service for an unknown app has nothing behind it.
      const selector = (obj as { spec?: { selector?: Record<string, string> } }).spec?.selector?.app
      created.push(appIdByName.has(selector ?? name) ? `service/${name} unchanged` : `service/${name} created (no rooms match its selector yet)`)
      continue
    }
    const target = obj.kind === 'HorizontalPodAutoscaler' ? (obj as { spec: { scaleTargetRef: { name: string } } }).spec.scaleTargetRef.name : ((obj as { spec: { selector?: { matchLabels?: Record<string, string> } } }).spec.selector?.matchLabels?.app ?? name)
    const appId = appIdByName.get(target)
    if (!appId) {
      errors.push({ line: lineOf(doc, counter, ['spec']), message: `${obj.kind} ${name}: no Deployment named "${target}"` })
      continue
    }
    if (obj.kind === 'HorizontalPodAutoscaler') {
      const spec = (obj as { spec: { minReplicas?: number; maxReplicas: number; metrics?: { resource?: { name?: string; target?: { averageUtilization?: number } } }[] } }).spec
      const cpu = spec.metrics?.find((m) => m.resource?.name === 'cpu')?.resource?.target?.averageUtilization ?? 80
      commands.push({ type: 'setHpa', appId, minReplicas: spec.minReplicas ?? 1, maxReplicas: spec.maxReplicas, targetCpuPercent: cpu })
      created.push(`horizontalpodautoscaler.autoscaling/${name} created`)
    } else {
      const min = (obj as { spec: { minAvailable?: number | string } }).spec.minAvailable
      if (typeof min !== 'number') {
        errors.push({ line: lineOf(doc, counter, ['spec', 'minAvailable']), message: `PodDisruptionBudget ${name}: only a whole-number minAvailable is supported here` })
        continue
      }
      commands.push({ type: 'setPdb', appId, minAvailable: min })
      created.push(`poddisruptionbudget.policy/${name} created`)
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, commands, created }
}
