/**
 * The sandbox's workloads as real Kubernetes YAML (Namespace, PriorityClass, Deployment, Service,
 * HPA, PDB), and back. The pod template carries the scheduling rules (tolerations, node affinity,
 * pod anti-affinity, topology spread, priority class), the probes and the sidecars. Objects are
 * checked against the Kubernetes OpenAPI schemas by kubernetes-models; errors point at the YAML
 * line. Game-only figures (visitors, capacity) travel as annotations.
 */
import { parseAllDocuments, stringify, LineCounter } from 'yaml'
import type { Document } from 'yaml'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { Service } from 'kubernetes-models/v1/Service'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { Namespace } from 'kubernetes-models/v1/Namespace'
import { PriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass'
import type {
  App,
  AppManifest,
  Command,
  NodeAffinity,
  NodeSelectorRequirement,
  PodAntiAffinity,
  Probe,
  Sidecar,
  Toleration,
  TopologySpread,
  World,
} from '../sim'
import { formatCpu, formatMem, parseCpuMilli, parseMemMiB } from './quantity'

const ANNOTATION = {
  rps: 'houseofpods.dev/visitors-per-second',
  capacity: 'houseofpods.dev/visitors-per-room',
  imageSize: 'houseofpods.dev/image-size-mib',
}

type K8sObject = Record<string, unknown> & {
  apiVersion?: string
  kind?: string
  metadata?: { name?: string; annotations?: Record<string, string> }
}

/** How the game's probes look as httpGet probes (the game does not model paths or ports). */
const PROBE_PATH = { readiness: '/ready', liveness: '/healthz' } as const
const APP_PORT = 8080

type JsonProbe = {
  httpGet?: { path?: string; port?: number | string }
  initialDelaySeconds?: number
  periodSeconds?: number
  failureThreshold?: number
  successThreshold?: number
}

function probeJson(p: Probe, path: string, port: number): JsonProbe {
  return {
    httpGet: { path, port },
    initialDelaySeconds: p.initialDelaySeconds,
    periodSeconds: p.periodSeconds,
    failureThreshold: p.failureThreshold,
    successThreshold: p.successThreshold,
  }
}

/** A probe read back; omitted fields take Kubernetes' defaults (delay 0, period 10 s, failure 3, success 1). */
function probeOf(j: JsonProbe | undefined): Probe | null {
  if (!j) return null
  return {
    initialDelaySeconds: j.initialDelaySeconds ?? 0,
    periodSeconds: j.periodSeconds ?? 10,
    failureThreshold: j.failureThreshold ?? 3,
    successThreshold: j.successThreshold ?? 1,
  }
}

const requests = (cpu: number, mem: number) => ({ requests: { cpu: formatCpu(cpu), memory: formatMem(mem) } })
/** Requests and, when set, limits (the game models both; QoS follows from them). */
const resources = (app: App) => ({
  ...requests(app.cpuRequestMilli, app.memRequestMiB),
  ...(app.cpuLimitMilli !== null || app.memLimitMiB !== null
    ? {
        limits: {
          ...(app.cpuLimitMilli !== null ? { cpu: formatCpu(app.cpuLimitMilli) } : {}),
          ...(app.memLimitMiB !== null ? { memory: formatMem(app.memLimitMiB) } : {}),
        },
      }
    : {}),
})
/** The Deployment's selector, container name and port: the manifest's when imported, else the game's defaults. */
export const selectorOf = (app: App): Record<string, string> => app.manifest?.selector ?? { app: app.name }
const containerNameOf = (app: App): string => app.manifest?.containerName ?? app.name
const containerPortOf = (app: App): number => app.manifest?.containerPort ?? APP_PORT
const matchExpressions = (reqs: NodeSelectorRequirement[]) =>
  reqs.map((r) => ({
    key: r.key,
    operator: r.operator,
    ...(r.operator === 'In' || r.operator === 'NotIn' ? { values: [...r.values] } : {}),
  }))

/** The pod template's spec: containers (the app's and its sidecars), probes, scheduling rules. */
function podSpec(world: World, app: App): Record<string, unknown> {
  const image = world.images[app.imageId]
  const own = { matchLabels: selectorOf(app) }
  const aff = app.nodeAffinity
  const nodeAffinity = {
    ...(aff.required.length
      ? { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: matchExpressions(aff.required) }] } }
      : {}),
    ...(aff.preferred.length
      ? {
          preferredDuringSchedulingIgnoredDuringExecution: aff.preferred.map((p) => ({
            weight: p.weight,
            preference: { matchExpressions: matchExpressions(p.match) },
          })),
        }
      : {}),
  }
  const anti = app.podAntiAffinity
  const podAntiAffinity = anti
    ? anti.required
      ? { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: own, topologyKey: anti.topologyKey }] }
      : {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { labelSelector: own, topologyKey: anti.topologyKey } },
          ],
        }
    : null
  const affinity = { ...(Object.keys(nodeAffinity).length ? { nodeAffinity } : {}), ...(podAntiAffinity ? { podAntiAffinity } : {}) }
  return {
    ...(image?.os === 'windows' ? { nodeSelector: { 'kubernetes.io/os': 'windows' } } : {}),
    ...(app.priorityClassName ? { priorityClassName: app.priorityClassName } : {}),
    ...(app.tolerations.length
      ? {
          tolerations: app.tolerations.map((t) => ({
            key: t.key,
            operator: t.operator,
            ...(t.value !== undefined && t.operator === 'Equal' ? { value: t.value } : {}),
            ...(t.effect ? { effect: t.effect } : {}),
          })),
        }
      : {}),
    ...(Object.keys(affinity).length ? { affinity } : {}),
    ...(app.topologySpread
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: app.topologySpread.maxSkew,
              topologyKey: app.topologySpread.topologyKey,
              whenUnsatisfiable: app.topologySpread.whenUnsatisfiable,
              labelSelector: own,
            },
          ],
        }
      : {}),
    containers: [
      {
        name: containerNameOf(app),
        image: image?.ref ?? app.imageId,
        ports: [{ containerPort: containerPortOf(app) }],
        resources: resources(app),
        ...(app.readinessProbe ? { readinessProbe: probeJson(app.readinessProbe, PROBE_PATH.readiness, containerPortOf(app)) } : {}),
        ...(app.livenessProbe ? { livenessProbe: probeJson(app.livenessProbe, PROBE_PATH.liveness, containerPortOf(app)) } : {}),
      },
      ...app.sidecars.map((s) => ({
        name: s.name,
        image: world.images[s.imageId]?.ref ?? s.imageId,
        resources: requests(s.cpuRequestMilli, s.memRequestMiB),
      })),
    ],
  }
}

/** The Kubernetes objects that describe one app. */
export function appObjects(world: World, app: App): K8sObject[] {
  const image = world.images[app.imageId]
  const selector = selectorOf(app)
  const meta = { name: app.name, namespace: app.namespace }
  const svc = app.manifest?.service ?? null
  const objects: K8sObject[] = [
    new Deployment({
      metadata: {
        ...meta,
        // An imported manifest's Deployment keeps no labels of its own here (its pods' labels are in the template).
        ...(app.manifest ? {} : { labels: { ...app.labels } }),
        annotations: {
          [ANNOTATION.rps]: String(app.rps),
          [ANNOTATION.capacity]: String(app.capacityRps),
          [ANNOTATION.imageSize]: String(image?.sizeMiB ?? 0),
        },
      },
      spec: {
        replicas: app.managed ? app.replicas : app.readyReplicas,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: { metadata: { labels: { ...app.labels } }, spec: podSpec(world, app) as never },
      },
    }).toJSON() as K8sObject,
    new Service({
      metadata: { ...meta, name: svc?.name ?? app.name, labels: svc ? { ...app.labels } : selector },
      spec: {
        ...(svc && svc.type !== 'ClusterIP' ? { type: svc.type as 'NodePort' } : {}),
        selector: svc?.selector ?? selector,
        ports: [{ port: svc?.port ?? 80, targetPort: svc?.targetPort ?? containerPortOf(app) }],
      },
    }).toJSON() as K8sObject,
  ]
  if (app.hpa) {
    objects.push(
      new HorizontalPodAutoscaler({
        metadata: meta,
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
          minReplicas: app.hpa.minReplicas,
          maxReplicas: app.hpa.maxReplicas,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: app.hpa.targetCpuPercent } } },
          ],
          // The v2 defaults, written out when the HPA had spec.behavior (the game models the defaults only).
          ...(app.hpa.behavior
            ? {
                behavior: {
                  scaleUp: {
                    stabilizationWindowSeconds: 0,
                    selectPolicy: 'Max',
                    policies: [
                      { type: 'Pods', value: 4, periodSeconds: 15 },
                      { type: 'Percent', value: 100, periodSeconds: 15 },
                    ],
                  },
                  scaleDown: {
                    stabilizationWindowSeconds: 300,
                    selectPolicy: 'Max',
                    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
                  },
                },
              }
            : {}),
        },
      }).toJSON() as K8sObject,
    )
  }
  if (app.pdbMinAvailable !== null) {
    objects.push(
      new PodDisruptionBudget({
        metadata: { ...meta, name: app.pdbName ?? app.name },
        spec: { minAvailable: app.pdbMinAvailable, selector: { matchLabels: selector } },
      }).toJSON() as K8sObject,
    )
  }
  // Only an app the manager looks after is a Deployment: plain `docker run` rooms are not (not one with 0 replicas either).
  // exportYaml names them in a comment line instead.
  return app.managed ? objects : objects.filter((o) => o.kind !== 'Deployment')
}

/** Namespaces (other than default) and PriorityClasses: cluster objects the workloads refer to. */
export function clusterObjects(world: World): K8sObject[] {
  return [
    ...world.namespaces.filter((n) => n !== 'default').map((name) => new Namespace({ metadata: { name } }).toJSON() as K8sObject),
    ...Object.entries(world.priorityClasses).map(
      ([name, value]) =>
        new PriorityClass({
          metadata: { name },
          value,
          globalDefault: false,
          preemptionPolicy: 'PreemptLowerPriority',
        }).toJSON() as K8sObject,
    ),
  ]
}

/** Every app in the world as one multi-document YAML file. */
export function exportYaml(world: World): string {
  const managed = Object.values(world.apps).filter((a) => a.managed)
  const yaml = [...clusterObjects(world), ...managed.flatMap((app) => appObjects(world, app))]
    .map((o) => stringify(o, { lineWidth: 0 }))
    .join('---\n')
  const bare: string[] = []
  for (const app of Object.values(world.apps)) {
    if (app.managed) continue
    const rooms = Object.values(world.containers).filter((c) => c.appId === app.id).length
    bare.push(
      `# ${app.namespace}/${app.name}: not a Deployment (${rooms} room(s) started by hand with docker run, which no ` +
        'controller recreates): not exported.',
    )
  }
  return bare.length ? [...bare, yaml].filter((x) => x !== '').join('\n') : yaml
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
    Namespace: (o) => new Namespace(o),
    PriorityClass: (o) => new PriorityClass(o),
  }
  const make = byKind[obj.kind ?? '']
  if (!make) return { path: ['kind'], message: `kind "${String(obj.kind)}" is not supported here (${Object.keys(byKind).join(', ')})` }
  try {
    make(obj as never).validate()
    return null
  } catch (e) {
    const first = (e as { errors?: { instancePath: string; message: string }[] }).errors?.[0]
    if (!first) return { path: [], message: (e as Error).message }
    const path = first.instancePath
      .split('/')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    return { path, message: `${first.instancePath.replaceAll('/', '.').slice(1) || '(object)'} ${first.message}` }
  }
}

/** One object read from the text, with a way to find the line of any of its fields. */
interface Parsed {
  obj: K8sObject
  line: (path: (string | number)[]) => number | null
}

/** Fields the API server writes (what `kubectl get -o yaml|json` adds): read past them, as `kubectl apply` does. */
function dropServerFields(obj: K8sObject): void {
  delete obj.status
  const meta = obj.metadata as Record<string, unknown> | undefined
  if (meta) {
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink']) delete meta[k]
    const ann = meta.annotations as Record<string, string> | undefined
    if (ann) {
      delete ann['kubectl.kubernetes.io/last-applied-configuration']
      delete ann['deployment.kubernetes.io/revision']
      if (Object.keys(ann).length === 0) delete meta.annotations
    }
  }
  const template = (obj.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)?.template
  if (template?.metadata && template.metadata.creationTimestamp === null) delete template.metadata.creationTimestamp
}

/** Parse pasted YAML (or JSON) into commands for the simulation, or errors with line numbers. */
export function importYaml(world: World, text: string): ImportResult {
  const counter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter: counter })
  const errors: ImportError[] = []
  const objects: Parsed[] = []
  const take = (obj: unknown, doc: Document, at: (string | number)[]): void => {
    const line = (path: (string | number)[]): number | null => lineOf(doc, counter, [...at, ...path])
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      errors.push({ line: line([]), message: 'each document must be a Kubernetes object (a mapping with apiVersion and kind)' })
      return
    }
    const o = obj as K8sObject
    // A List (what `kubectl get -o yaml|json` prints for several objects) holds its objects in items.
    if (typeof o.kind === 'string' && /List$/.test(o.kind) && Array.isArray((o as { items?: unknown[] }).items)) {
      ;(o as { items: unknown[] }).items.forEach((item, i) => take(item, doc, [...at, 'items', i]))
      return
    }
    dropServerFields(o)
    const bad = validate(o)
    if (bad) {
      errors.push({ line: line(bad.path), message: `${o.kind ?? 'object'} ${o.metadata?.name ?? ''}: ${bad.message}` })
      return
    }
    const unknown = unknownFields(o)
    if (unknown.length) {
      errors.push({
        line: line(unknown[0]!.path),
        message:
          `Error from server (BadRequest): error when creating "STDIN": ${o.kind} in version "${String(o.apiVersion).split('/').at(-1)}" ` +
          `cannot be handled as a ${o.kind}: strict decoding error: ${unknown.map((u) => `unknown field "${u.name}"`).join(', ')}`,
      })
      return
    }
    objects.push({ obj: o, line })
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const err of doc.errors) errors.push({ line: err.linePos?.[0]?.line ?? null, message: err.message.split('\n')[0]! })
    if (doc.errors.length) continue
    const obj = doc.toJS() as unknown
    if (obj === null) continue
    take(obj, doc as Document, [])
  }
  if (errors.length) return { ok: false, errors }
  return toCommands(world, objects)
}

// ---- What the game does not model, named per object (never dropped silently).

/** The fields the game reads (true), or accepts at one value (the game's own behaviour), per kind. */
type Allow = true | { readonly [key: string]: Allow } | { readonly '[]': Allow } | { readonly '=': readonly unknown[] }
const PROBE: Allow = {
  httpGet: { path: true, port: true, scheme: { '=': ['HTTP'] } },
  initialDelaySeconds: true,
  periodSeconds: true,
  failureThreshold: true,
  successThreshold: true,
  timeoutSeconds: { '=': [1] },
}
const CONTAINER: Allow = {
  name: true,
  image: true,
  ports: { '[]': { containerPort: true, protocol: { '=': ['TCP'] } } },
  resources: { requests: { cpu: true, memory: true }, limits: { cpu: true, memory: true } },
  readinessProbe: PROBE,
  livenessProbe: PROBE,
  imagePullPolicy: { '=': ['IfNotPresent'] },
  terminationMessagePath: { '=': ['/dev/termination-log'] },
  terminationMessagePolicy: { '=': ['File'] },
  restartPolicy: { '=': ['Always'] },
}
const SELECTOR_TERM: Allow = { matchExpressions: { '[]': { key: true, operator: true, values: true } } }
const POD_SPEC: Allow = {
  containers: { '[]': CONTAINER },
  initContainers: { '[]': CONTAINER },
  nodeSelector: { 'kubernetes.io/os': true },
  priorityClassName: true,
  tolerations: { '[]': { key: true, operator: true, value: true, effect: true } },
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { '[]': SELECTOR_TERM } },
      preferredDuringSchedulingIgnoredDuringExecution: { '[]': { weight: true, preference: SELECTOR_TERM } },
    },
    podAntiAffinity: true,
  },
  topologySpreadConstraints: { '[]': { maxSkew: true, topologyKey: true, whenUnsatisfiable: true, labelSelector: true } },
  restartPolicy: { '=': ['Always'] },
  dnsPolicy: { '=': ['ClusterFirst'] },
  schedulerName: { '=': ['default-scheduler'] },
  terminationGracePeriodSeconds: { '=': [30] },
  securityContext: { '=': [{}] },
}
const META: Allow = { name: true, namespace: true, labels: true, annotations: true }
const ALLOWED: Record<string, Allow> = {
  Deployment: {
    apiVersion: true,
    kind: true,
    metadata: META,
    spec: {
      replicas: true,
      selector: { matchLabels: true },
      template: { metadata: { labels: true }, spec: POD_SPEC },
      strategy: { type: { '=': ['RollingUpdate'] }, rollingUpdate: { maxSurge: { '=': ['25%'] }, maxUnavailable: { '=': ['25%'] } } },
      revisionHistoryLimit: { '=': [10] },
      progressDeadlineSeconds: { '=': [600] },
    },
  },
  Service: {
    apiVersion: true,
    kind: true,
    metadata: META,
    spec: {
      type: { '=': ['ClusterIP'] },
      selector: true,
      ports: { '[]': { port: true, targetPort: true, protocol: { '=': ['TCP'] }, name: true } },
      clusterIP: true,
      clusterIPs: true,
      ipFamilies: true,
      ipFamilyPolicy: true,
      internalTrafficPolicy: { '=': ['Cluster'] },
      sessionAffinity: { '=': ['None'] },
    },
  },
  HorizontalPodAutoscaler: {
    apiVersion: true,
    kind: true,
    metadata: META,
    spec: { scaleTargetRef: true, minReplicas: true, maxReplicas: true, metrics: true, behavior: true },
  },
  PodDisruptionBudget: { apiVersion: true, kind: true, metadata: META, spec: { minAvailable: true, selector: true } },
  Namespace: { apiVersion: true, kind: true, metadata: META, spec: true },
  PriorityClass: {
    apiVersion: true,
    kind: true,
    metadata: META,
    value: true,
    globalDefault: true,
    preemptionPolicy: true,
    description: true,
  },
}

// ---- Strict field validation, as the API server does for kubectl apply (fieldValidation=Strict).

const keys = (list: string): ReadonlySet<string> => new Set(list.split(' '))
const META_KEYS = keys(
  'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp ' +
    'deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields',
)
const CONTAINER_KEYS = keys(
  'name image command args workingDir ports envFrom env resources resizePolicy restartPolicy restartPolicyRules volumeMounts ' +
    'volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy ' +
    'imagePullPolicy securityContext stdin stdinOnce tty',
)
const POD_SPEC_KEYS = keys(
  'volumes initContainers containers ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds ' +
    'dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC ' +
    'shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases ' +
    'priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead ' +
    'topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources',
)
type Known = { keys: ReadonlySet<string>; children?: Record<string, Known>; items?: Record<string, Known> }
const CONTAINER_FIELDS: Known = {
  keys: CONTAINER_KEYS,
  children: { resources: { keys: keys('limits requests claims') } },
  items: { ports: { keys: keys('name hostPort containerPort protocol hostIP') } },
}
const KNOWN: Record<string, Known> = {
  Deployment: {
    keys: keys('apiVersion kind metadata spec status'),
    children: {
      metadata: { keys: META_KEYS },
      spec: {
        keys: keys('replicas selector template strategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds'),
        children: {
          selector: { keys: keys('matchLabels matchExpressions') },
          template: {
            keys: keys('metadata spec'),
            children: {
              metadata: { keys: META_KEYS },
              spec: { keys: POD_SPEC_KEYS, items: { containers: CONTAINER_FIELDS, initContainers: CONTAINER_FIELDS } },
            },
          },
        },
      },
    },
  },
  Service: {
    keys: keys('apiVersion kind metadata spec status'),
    children: {
      metadata: { keys: META_KEYS },
      spec: {
        keys: keys(
          'ports selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName ' +
            'externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy ' +
            'allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
        ),
        items: { ports: { keys: keys('name protocol appProtocol port targetPort nodePort') } },
      },
    },
  },
}

/** Fields the Kubernetes API does not have at all (typos): the API server's strict decoding rejects the object. */
export function unknownFields(obj: K8sObject): { path: (string | number)[]; name: string }[] {
  const out: { path: (string | number)[]; name: string }[] = []
  const walk = (v: unknown, known: Known, path: (string | number)[], name: string) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const p = [...path, k]
      const n = name ? `${name}.${k}` : k
      if (!known.keys.has(k)) out.push({ path: p, name: n })
      else if (known.children?.[k]) walk(child, known.children[k]!, p, n)
      else if (known.items?.[k] && Array.isArray(child)) child.forEach((item, i) => walk(item, known.items![k]!, [...p, i], `${n}[${i}]`))
    }
  }
  const known = KNOWN[obj.kind ?? '']
  if (known) walk(obj, known, [], '')
  return out
}

/** Paths (kubectl style, e.g. spec.template.spec.containers[0].env) of the fields the game does not model. */
export function unmodelled(obj: K8sObject): string[] {
  const out: string[] = []
  const walk = (v: unknown, allow: Allow, path: string) => {
    if (allow === true) return
    if ('=' in allow) {
      if (!(allow['='] as unknown[]).some((ok) => JSON.stringify(ok) === JSON.stringify(v))) out.push(`${path}=${JSON.stringify(v)}`)
      return
    }
    if ('[]' in allow) {
      if (Array.isArray(v)) v.forEach((item, i) => walk(item, (allow as { '[]': Allow })['[]'], `${path}[${i}]`))
      return
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      const next = (allow as Record<string, Allow>)[k]
      const p = path ? `${path}.${k}` : k
      if (next === undefined) out.push(p)
      else walk(child, next, p)
    }
  }
  const allow = ALLOWED[obj.kind ?? '']
  if (allow) walk(obj, allow, '')
  return out
}

/** The line kubectl-style output gets for an object with fields the game does not model. */
const notModelledLine = (what: string, paths: string[]): string =>
  `Warning: ${what}: not modelled by the game, ignored: ${paths.join(', ')}`

type PodSpecJson = {
  nodeSelector?: Record<string, string>
  priorityClassName?: string
  tolerations?: { key?: string; operator?: string; value?: string; effect?: string }[]
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: { matchExpressions?: NodeSelectorRequirement[] }[] }
      preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: { matchExpressions?: NodeSelectorRequirement[] } }[]
    }
    podAntiAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { labelSelector?: { matchLabels?: Record<string, string> }; topologyKey: string }[]
      preferredDuringSchedulingIgnoredDuringExecution?: {
        weight: number
        podAffinityTerm: { labelSelector?: { matchLabels?: Record<string, string> }; topologyKey: string }
      }[]
    }
  }
  topologySpreadConstraints?: { maxSkew: number; topologyKey: string; whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway' }[]
  containers: ContainerJson[]
  initContainers?: (ContainerJson & { restartPolicy?: string })[]
}
type ContainerJson = {
  name: string
  image?: string
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  ports?: { containerPort: number }[]
  readinessProbe?: JsonProbe
  livenessProbe?: JsonProbe
}

/** What a Deployment's pod template asks of the scheduler and the kubelet, in the game's terms. */
type PodRules = Pick<
  App,
  'tolerations' | 'nodeAffinity' | 'podAntiAffinity' | 'topologySpread' | 'priorityClassName' | 'readinessProbe' | 'livenessProbe'
> & {
  /** Sidecars by image ref (the image may not exist yet). */
  sidecars: { name: string; ref: string; cpuRequestMilli: number; memRequestMiB: number }[]
}

const reqs = (list: NodeSelectorRequirement[] | undefined): NodeSelectorRequirement[] =>
  (list ?? []).map((r) => ({ key: r.key, operator: r.operator, values: [...(r.values ?? [])] }))

/** Read the pod template; a rule the game cannot model is an error with its path, not silently dropped. */
function podRules(
  name: string,
  spec: PodSpecJson,
): { ok: true; rules: PodRules } | { ok: false; path: (string | number)[]; message: string } {
  const base = ['spec', 'template', 'spec']
  const na = spec.affinity?.nodeAffinity
  const terms = na?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  if (terms.length > 1)
    return {
      ok: false,
      path: [...base, 'affinity', 'nodeAffinity'],
      message: 'only one nodeSelectorTerm is supported here (its expressions must all hold)',
    }
  const anti = spec.affinity?.podAntiAffinity
  const antiTerms = [
    ...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => ({ ...t, required: true })),
    ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => ({ ...t.podAffinityTerm, required: false })),
  ]
  if (antiTerms.length > 1)
    return { ok: false, path: [...base, 'affinity', 'podAntiAffinity'], message: 'only one podAntiAffinity term is supported here' }
  if (antiTerms[0] && antiTerms[0].labelSelector?.matchLabels?.app !== name)
    return {
      ok: false,
      path: [...base, 'affinity', 'podAntiAffinity'],
      message: `podAntiAffinity here keeps the app's own pods apart: its labelSelector must be app=${name}`,
    }
  const spread = spec.topologySpreadConstraints ?? []
  if (spread.length > 1)
    return { ok: false, path: [...base, 'topologySpreadConstraints'], message: 'only one topologySpreadConstraint is supported here' }
  const [main, ...rest] = spec.containers
  // Native sidecars (Kubernetes 1.29+) are init containers that keep running (restartPolicy: Always).
  const sidecarJson = [...rest, ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')]
  return {
    ok: true,
    rules: {
      tolerations: (spec.tolerations ?? []).map((t) => {
        const operator = t.operator === 'Exists' ? 'Exists' : 'Equal'
        return {
          key: t.key ?? '',
          operator,
          ...(operator === 'Equal' ? { value: t.value ?? '' } : {}),
          ...(t.effect ? { effect: t.effect as Toleration['effect'] } : {}),
        }
      }),
      nodeAffinity: {
        required: reqs(terms[0]?.matchExpressions),
        preferred: (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p) => ({
          weight: p.weight,
          match: reqs(p.preference.matchExpressions),
        })),
      },
      podAntiAffinity: antiTerms[0] ? { topologyKey: antiTerms[0].topologyKey, required: antiTerms[0].required } : null,
      topologySpread: spread[0]
        ? { maxSkew: spread[0].maxSkew, topologyKey: spread[0].topologyKey, whenUnsatisfiable: spread[0].whenUnsatisfiable }
        : null,
      priorityClassName: spec.priorityClassName ?? '',
      readinessProbe: probeOf(main?.readinessProbe),
      livenessProbe: probeOf(main?.livenessProbe),
      sidecars: sidecarJson.map((c) => ({
        name: c.name,
        ref: c.image ?? `${c.name}:latest`,
        cpuRequestMilli: parseCpuMilli(c.resources?.requests?.cpu) ?? 0,
        memRequestMiB: parseMemMiB(c.resources?.requests?.memory) ?? 64,
      })),
    },
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Commands that bring an app's rules to `r`; only what differs from `now` (a fresh app has the defaults). */
function ruleCommands(
  appId: string,
  now: Pick<App, keyof PodRules | 'labels' | 'namespace'> | null,
  r: PodRules,
  sidecars: Sidecar[],
  labels: Record<string, string>,
  namespace: string,
): Command[] {
  const d = now ?? {
    tolerations: [],
    nodeAffinity: { required: [], preferred: [] },
    podAntiAffinity: null,
    topologySpread: null,
    priorityClassName: '',
    readinessProbe: null,
    livenessProbe: null,
    sidecars: [],
    labels: {},
    namespace: 'default',
  }
  const out: Command[] = []
  if (namespace !== d.namespace) out.push({ type: 'setNamespace', appId, namespace })
  if (!same(labels, d.labels) && !(now === null && Object.keys(labels).length === 1)) out.push({ type: 'setAppLabels', appId, labels })
  if (!same(r.tolerations, d.tolerations)) out.push({ type: 'setTolerations', appId, tolerations: r.tolerations })
  if (!same(r.nodeAffinity, d.nodeAffinity)) out.push({ type: 'setNodeAffinity', appId, affinity: r.nodeAffinity })
  if (!same(r.podAntiAffinity, d.podAntiAffinity)) out.push({ type: 'setPodAntiAffinity', appId, antiAffinity: r.podAntiAffinity })
  if (!same(r.topologySpread, d.topologySpread)) out.push({ type: 'setTopologySpread', appId, spread: r.topologySpread })
  if (r.priorityClassName !== d.priorityClassName) out.push({ type: 'setPriorityClass', appId, name: r.priorityClassName })
  if (!same(r.readinessProbe, d.readinessProbe) || !same(r.livenessProbe, d.livenessProbe))
    out.push({ type: 'setProbes', appId, readiness: r.readinessProbe, liveness: r.livenessProbe })
  if (!same(sidecars, d.sidecars)) out.push({ type: 'setSidecars', appId, sidecars })
  return out
}

function toCommands(world: World, objects: Parsed[]): ImportResult {
  const commands: Command[] = []
  const created: string[] = []
  const errors: ImportError[] = []
  const images = new Map(Object.values(world.images).map((i) => [i.ref, i.id]))
  const key = (ns: string, name: string) => `${ns}/${name}`
  const appIdByName = new Map(Object.values(world.apps).map((a) => [key(a.namespace, a.name), a.id]))
  const namespaces = new Set(world.namespaces)
  const usedIds = new Set(Object.keys(world.apps))
  // Each app's pod labels and shape as this import leaves them (Services are matched against them).
  const podLabelsOf = new Map(Object.values(world.apps).map((a) => [a.id, { ns: a.namespace, labels: a.labels }]))
  const manifests = new Map<string, AppManifest | null>(Object.values(world.apps).map((a) => [a.id, a.manifest]))
  const imageFor = (ref: string, sizeMiB: number, os: 'linux' | 'windows'): string => {
    let id = images.get(ref)
    if (!id) {
      id = ref.replace(/[^a-z0-9-]/gi, '-').toLowerCase()
      while (world.images[id]) id += '-x'
      commands.push({ type: 'addImage', id, ref, sizeMiB, os })
      images.set(ref, id)
    }
    return id
  }
  // Cluster objects first: the workloads below refer to them.
  for (const { obj } of objects) {
    const name = obj.metadata?.name ?? ''
    if (obj.kind === 'Namespace') {
      if (namespaces.has(name)) created.push(`namespace/${name} unchanged`)
      else {
        commands.push({ type: 'addNamespace', name })
        namespaces.add(name)
        created.push(`namespace/${name} created`)
      }
    } else if (obj.kind === 'PriorityClass') {
      const value = (obj as { value: number }).value
      if (world.priorityClasses[name] === value) created.push(`priorityclass.scheduling.k8s.io/${name} unchanged`)
      else {
        commands.push({ type: 'addPriorityClass', name, value })
        created.push(`priorityclass.scheduling.k8s.io/${name} created`)
      }
    }
  }
  for (const { obj, line } of objects.filter((o) => o.obj.kind === 'Deployment')) {
    const d = obj as unknown as {
      metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
      spec: {
        replicas?: number
        selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }
        template: { metadata?: { labels?: Record<string, string> }; spec: PodSpecJson }
      }
    }
    const name = d.metadata.name
    const ns = d.metadata.namespace ?? 'default'
    if (!namespaces.has(ns)) {
      errors.push({
        line: line(['metadata', 'namespace']),
        message: `Error from server (NotFound): namespaces "${ns}" not found`,
      })
      continue
    }
    const spec = d.spec.template.spec
    const container = spec.containers[0]!
    const rules = podRules(name, spec)
    if (!rules.ok) {
      errors.push({ line: line(rules.path), message: `Deployment ${name}: ${rules.message}` })
      continue
    }
    const os = spec.nodeSelector?.['kubernetes.io/os'] === 'windows' ? 'windows' : 'linux'
    const ref = container.image ?? `${name}:latest`
    // Simplification, said in the import's output: a container without requests books 100m / 200 MiB here.
    const cpu = parseCpuMilli(container.resources?.requests?.cpu) ?? 100
    const mem = parseMemMiB(container.resources?.requests?.memory) ?? 200
    const cpuLimit = parseCpuMilli(container.resources?.limits?.cpu)
    const memLimit = parseMemMiB(container.resources?.limits?.memory)
    const selector = d.spec.selector?.matchLabels ?? {}
    const templateLabels = d.spec.template.metadata?.labels ?? {}
    if (d.spec.selector?.matchExpressions?.length || Object.keys(selector).length === 0) {
      errors.push({ line: line(['spec', 'selector']), message: `Deployment ${name}: only spec.selector.matchLabels is supported here` })
      continue
    }
    const mismatch = Object.entries(selector).find(([k, v]) => templateLabels[k] !== v)
    if (mismatch) {
      // The API server's own check.
      errors.push({
        line: line(['spec', 'template', 'metadata', 'labels']),
        message:
          `The Deployment "${name}" is invalid: spec.template.metadata.labels: Invalid value: ` +
          `map[string]string{...}: \`selector\` does not match template \`labels\``,
      })
      continue
    }
    const port = container.ports?.[0]?.containerPort
    const manifest: AppManifest | null =
      same(selector, { app: name }) && container.name === name && (port === undefined || port === APP_PORT)
        ? null
        : { selector, containerName: container.name, containerPort: port ?? APP_PORT, service: null }
    const ann = d.metadata.annotations ?? {}
    const imageId = imageFor(ref, Number(ann[ANNOTATION.imageSize]) || 150, os)
    const sidecars: Sidecar[] = rules.rules.sidecars.map((s) => ({
      name: s.name,
      imageId: imageFor(s.ref, 50, os),
      cpuRequestMilli: s.cpuRequestMilli,
      memRequestMiB: s.memRequestMiB,
    }))
    const labels = { ...templateLabels }
    const replicas = d.spec.replicas ?? 1
    const existing = appIdByName.get(key(ns, name))
    const extra = unmodelled(obj)
    if (!container.resources?.requests) extra.push('no resources.requests (the game books 100m CPU and 200Mi for it)')
    if (d.metadata.labels && !same(d.metadata.labels, templateLabels) && !(manifest === null && same(d.metadata.labels, labels)))
      extra.push("metadata.labels (the Deployment's own labels; its pods' labels are kept)")
    if (existing) {
      const app = world.apps[existing]!
      // Only what differs: kubectl says "unchanged" when the object already is as applied.
      const changes: Command[] = [
        ...(app.imageId !== imageId ? [{ type: 'setImage' as const, appId: existing, imageId }] : []),
        ...(app.replicas !== replicas ? [{ type: 'setReplicas' as const, appId: existing, replicas }] : []),
        ...(!app.managed ? [{ type: 'setManaged' as const, appId: existing, managed: true }] : []),
        ...(same(app.manifest, manifest) ? [] : [{ type: 'setManifest' as const, appId: existing, manifest }]),
        ...(app.cpuLimitMilli !== cpuLimit || app.memLimitMiB !== memLimit
          ? [{ type: 'setLimits' as const, appId: existing, cpuLimitMilli: cpuLimit, memLimitMiB: memLimit }]
          : []),
        ...ruleCommands(existing, app, rules.rules, sidecars, labels, ns),
      ]
      commands.push(...changes)
      if (app.cpuRequestMilli !== cpu || app.memRequestMiB !== mem)
        extra.push(
          `resources.requests ${cpu}m/${mem}Mi (an existing app keeps its requests, ${app.cpuRequestMilli}m/${app.memRequestMiB}Mi)`,
        )
      manifests.set(existing, manifest)
      created.push(`deployment.apps/${name} ${changes.length ? 'configured' : 'unchanged'}`)
    } else {
      let id = name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()
      if (!id) {
        errors.push({ line: line(['metadata', 'name']), message: `Deployment name "${name}" is not usable` })
        continue
      }
      if (usedIds.has(id)) id = `${ns}-${id}`
      usedIds.add(id)
      commands.push({
        type: 'addApp',
        id,
        name,
        imageId,
        cpuRequestMilli: cpu,
        memRequestMiB: mem,
        rps: Number(ann[ANNOTATION.rps]) || 0,
        capacityRps: Number(ann[ANNOTATION.capacity]) || 100,
        replicas,
        managed: true,
        ...(cpuLimit !== null ? { cpuLimitMilli: cpuLimit } : {}),
        ...(memLimit !== null ? { memLimitMiB: memLimit } : {}),
      })
      if (manifest) commands.push({ type: 'setManifest', appId: id, manifest })
      manifests.set(id, manifest)
      commands.push(...ruleCommands(id, null, rules.rules, sidecars, labels, ns))
      appIdByName.set(key(ns, name), id)
      podLabelsOf.set(id, { ns, labels })
      created.push(`deployment.apps/${name} created`)
    }
    if (existing) podLabelsOf.set(existing, { ns, labels })
    if (extra.length) created.push(notModelledLine(`deployment.apps/${name}`, extra))
  }
  for (const { obj, line } of objects.filter(
    (o) => o.obj.kind !== 'Deployment' && o.obj.kind !== 'Namespace' && o.obj.kind !== 'PriorityClass',
  )) {
    const name = obj.metadata?.name ?? ''
    const ns = (obj.metadata as { namespace?: string } | undefined)?.namespace ?? 'default'
    if (obj.kind === 'Service') {
      // The Service in front of the pods its selector matches (a Service selecting app=redis, role=master finds the
      // pods labelled so). The game keeps one Service per Deployment: the doorman of that app.
      const spec = (
        obj as { spec?: { selector?: Record<string, string>; type?: string; ports?: { port: number; targetPort?: number | string }[] } }
      ).spec
      const selector = spec?.selector ?? {}
      const matches = [...podLabelsOf].filter(
        ([, p]) => p.ns === ns && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => p.labels[k] === v),
      )
      const extra = unmodelled(obj)
      const first = spec?.ports?.[0]
      const target = first?.targetPort ?? first?.port ?? APP_PORT
      if (typeof target === 'string') extra.push(`spec.ports[0].targetPort=${target} (a named port)`)
      if ((spec?.ports?.length ?? 0) > 1) extra.push('spec.ports[1...] (one port per Service here)')
      if (matches.length === 0) {
        created.push(
          `service/${name} created`,
          notModelledLine(`service/${name}`, ['the whole Service: its selector matches no Deployment here']),
        )
        continue
      }
      if (matches.length > 1) extra.push(`selects the pods of ${matches.length} Deployments (the game's doorman serves the first)`)
      const [appId] = matches[0]!
      const before = manifests.get(appId) ?? null
      if (before?.service) {
        created.push(`service/${name} created`, notModelledLine(`service/${name}`, ['a second Service for the same pods']))
        continue
      }
      const app = world.apps[appId]
      const appName = app?.name ?? [...appIdByName].find(([, id]) => id === appId)?.[0].split('/')[1] ?? appId
      const base: AppManifest = before ?? {
        selector: app?.manifest?.selector ?? { app: appName },
        containerName: app?.manifest?.containerName ?? appName,
        containerPort: app?.manifest?.containerPort ?? APP_PORT,
        service: null,
      }
      const manifest: AppManifest = {
        ...base,
        service: {
          name,
          port: first?.port ?? 80,
          targetPort: typeof target === 'number' ? target : base.containerPort,
          type: spec?.type ?? 'ClusterIP',
          selector: { ...selector },
        },
      }
      const svc = manifest.service!
      // The game's own doorman (what its export writes): nothing to remember.
      const isDefault =
        before === null &&
        svc.name === appName &&
        svc.port === 80 &&
        svc.targetPort === base.containerPort &&
        svc.type === 'ClusterIP' &&
        same(svc.selector, base.selector)
      if (isDefault) {
        created.push(`service/${name} ${app ? 'unchanged' : 'created'}`)
        if (extra.length) created.push(notModelledLine(`service/${name}`, extra))
        continue
      }
      manifests.set(appId, manifest)
      if (!same(app?.manifest ?? null, manifest)) commands.push({ type: 'setManifest', appId, manifest })
      created.push(same(app?.manifest?.service ?? null, manifest.service) && app ? `service/${name} unchanged` : `service/${name} created`)
      if (extra.length) created.push(notModelledLine(`service/${name}`, extra))
      continue
    }
    const target =
      obj.kind === 'HorizontalPodAutoscaler'
        ? (obj as { spec: { scaleTargetRef: { name: string } } }).spec.scaleTargetRef.name
        : ((obj as { spec: { selector?: { matchLabels?: Record<string, string> } } }).spec.selector?.matchLabels?.app ?? name)
    const appId = appIdByName.get(key(ns, target))
    if (!appId) {
      errors.push({
        line: line(['spec']),
        message: `${obj.kind} ${name}: no Deployment named "${target}" in namespace ${ns}`,
      })
      continue
    }
    if (obj.kind === 'HorizontalPodAutoscaler') {
      const spec = (
        obj as {
          spec: {
            minReplicas?: number
            maxReplicas: number
            metrics?: { resource?: { name?: string; target?: { averageUtilization?: number } } }[]
          }
        }
      ).spec
      const cpu = spec.metrics?.find((m) => m.resource?.name === 'cpu')?.resource?.target?.averageUtilization ?? 80
      // spec.behavior set (any of it): the v2 default policies fill in the rest (FIDELITY.md "HPA timing").
      const behavior = (obj as { spec: { behavior?: unknown } }).spec.behavior !== undefined
      commands.push({
        type: 'setHpa',
        appId,
        minReplicas: spec.minReplicas ?? 1,
        maxReplicas: spec.maxReplicas,
        targetCpuPercent: cpu,
        behavior,
      })
      created.push(`horizontalpodautoscaler.autoscaling/${name} created`)
    } else {
      const min = (obj as { spec: { minAvailable?: number | string } }).spec.minAvailable
      if (typeof min !== 'number') {
        errors.push({
          line: line(['spec', 'minAvailable']),
          message: `PodDisruptionBudget ${name}: only a whole-number minAvailable is supported here`,
        })
        continue
      }
      commands.push({ type: 'setPdb', appId, minAvailable: min, name })
      created.push(`poddisruptionbudget.policy/${name} created`)
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, commands, created }
}
