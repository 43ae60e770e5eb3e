/**
 * What `kubectl get`, `describe` and `top` print, read from the world. Shapes follow kubectl's
 * printers (pkg/printers/internalversion/printers.go and kubectl's describe.go): upper-case headers
 * three spaces apart, `<none>` for empty, durations like HumanDuration ("45s", "3m12s", "2h").
 */
import { appReplicaSets, eventText, hostCapacity, qosClass, vmCapacity } from '../sim'
import type { App, Container, SimEvent, Toleration, World } from '../sim'
import { allNodes, findNode, formatLabels, formatTaint, formatToleration, matchesSelector } from './nodes'

export { formatToleration } from './nodes'
import type { NodeInfo, Requirement } from './nodes'
import { formatCpu, formatMem } from './quantity'

/** Lay out rows in columns, as kubectl does: upper-case headers, 3 spaces apart. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]! + 3)))
        .join('')
        .trimEnd(),
    )
    .join('\n')
}

/** apimachinery's duration.HumanDuration, the AGE column. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  if (s < 120) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`
  if (m < 180) return `${m}m`
  const h = Math.floor(m / 60)
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`
  if (h < 48) return `${h}h`
  const d = Math.floor(h / 24)
  return d < 8 && h % 24 !== 0 ? `${d}d${h % 24}h` : `${d}d`
}

const age = (world: World, sinceMs: number): string => humanDuration(world.timeMs - sinceMs)

/** What the printer puts in STATUS. */
export function podStatus(c: Container): string {
  // kubectl's printer: a pod with a deletionTimestamp reads Terminating, whatever its phase.
  if (c.terminatingUntilMs !== null) return 'Terminating'
  switch (c.state) {
    case 'pending':
      return 'Pending'
    case 'pulling':
    case 'creating':
      return 'ContainerCreating'
    case 'running':
      return 'Running'
    case 'crashed':
      return 'Error'
    case 'backoff':
      return 'CrashLoopBackOff'
    case 'lost':
      // Its node died, but the API still holds the kubelet's last report (FIDELITY.md "Node failure detection"):
      // Running, Ready until the node lifecycle controller marks it otherwise (READY shows that).
      return 'Running'
    case 'terminated':
      return 'Terminating'
  }
}

export function nodeName(world: World, c: Container): string {
  if (!c.placement) return '<none>'
  return c.placement.kind === 'host' ? (world.hosts[c.placement.hostId]?.name ?? '?') : (world.vms[c.placement.vmId]?.name ?? '?')
}

/** Containers in the pod (the app's own plus its sidecars) and how many of them are ready. */
export function podReady(c: Container): string {
  const total = 1 + c.sidecars.length
  return `${(c.state === 'running' || c.state === 'lost') && c.ready ? total : 0}/${total}`
}

/**
 * The pod's IP. The game has no network, so the address is made up the way a CNI hands them out:
 * one /24 per node (10.244.N.0/24, N = the node's place in the list) and a host number from the
 * pod's id. Stable for a pod while it stays on its node.
 */
export function podIp(world: World, c: Container): string {
  if (!c.placement || c.state === 'pending') return '<none>'
  const key = c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId
  const nodes = [...Object.keys(world.hosts), ...Object.keys(world.vms)]
  const n = Math.max(0, nodes.indexOf(key))
  const num = Number(/\d+/.exec(c.id)?.[0] ?? 0)
  return `10.${244 + Math.floor(n / 256)}.${n % 256}.${(num % 253) + 2}`
}

export const podLabels = (world: World, c: Container): Record<string, string> => world.apps[c.appId]?.labels ?? { app: c.appId }

/** Which namespaces a get looks at: one, or all (-A). */
export type Scope = { all: true } | { all: false; namespace: string }

const inScope = (scope: Scope, ns: string) => scope.all || scope.namespace === ns
const noneFound = (scope: Scope) => (scope.all ? 'No resources found' : `No resources found in ${scope.namespace} namespace.`)
const LIST_LIMIT = 200

function limited(rows: string[][], header: string[]): string {
  const shown = rows.slice(0, LIST_LIMIT)
  return table([header, ...shown]) + (rows.length > LIST_LIMIT ? `\n... and ${rows.length - LIST_LIMIT} more (narrow with -n or -l)` : '')
}

export interface GetOptions {
  scope: Scope
  selector: Requirement[]
  wide: boolean
  showLabels: boolean
}

export function getPods(world: World, o: GetOptions, onNode: string | null = null): string {
  const pods: Container[] = []
  for (const id in world.containers) {
    const c = world.containers[id]!
    if (
      inScope(o.scope, c.namespace) &&
      matchesSelector(podLabels(world, c), o.selector) &&
      (onNode === null || nodeName(world, c) === onNode)
    )
      pods.push(c)
  }
  if (pods.length === 0) return noneFound(o.scope)
  const header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']
  if (o.wide) header.push('IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES')
  if (o.showLabels) header.push('LABELS')
  if (o.scope.all) header.unshift('NAMESPACE')
  const rows = pods.map((c) => {
    // AGE counts from the pod's creation, not from its last state change.
    const row = [c.name, podReady(c), podStatus(c), String(c.restarts), age(world, c.createdAtMs)]
    if (o.wide) row.push(podIp(world, c), nodeName(world, c), c.nominatedNode ?? '<none>', '<none>')
    if (o.showLabels) row.push(formatLabels(podLabels(world, c)))
    if (o.scope.all) row.unshift(c.namespace)
    return row
  })
  return limited(rows, header)
}

const podsOf = (world: World, appId: string): Container[] => Object.values(world.containers).filter((c) => c.appId === appId)

export function getDeployments(world: World, o: GetOptions): string {
  const apps = Object.values(world.apps).filter((a) => a.managed && inScope(o.scope, a.namespace) && matchesSelector(a.labels, o.selector))
  if (apps.length === 0) return noneFound(o.scope)
  const header = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']
  if (o.wide) header.push('CONTAINERS', 'IMAGES', 'SELECTOR')
  if (o.scope.all) header.unshift('NAMESPACE')
  return table([
    header,
    ...apps.map((a) => {
      const pods = podsOf(world, a.id)
      const row = [
        a.name,
        `${a.readyReplicas}/${a.replicas}`,
        String(pods.filter((c) => c.imageId === a.imageId).length),
        String(a.readyReplicas),
        age(world, 0),
      ]
      if (o.wide)
        row.push(
          [a.name, ...a.sidecars.map((s) => s.name)].join(','),
          [world.images[a.imageId]?.ref ?? a.imageId, ...a.sidecars.map((s) => world.images[s.imageId]?.ref ?? s.imageId)].join(','),
          `app=${a.name}`,
        )
      if (o.scope.all) row.unshift(a.namespace)
      return row
    }),
  ])
}

/** `kubectl get rs`: every ReplicaSet of every Deployment in scope (old ones at 0 stay, up to revisionHistoryLimit). */
export function getReplicaSets(world: World, o: GetOptions): string {
  const apps = Object.values(world.apps).filter((a) => a.managed && inScope(o.scope, a.namespace) && matchesSelector(a.labels, o.selector))
  const header = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']
  if (o.wide) header.push('CONTAINERS', 'IMAGES', 'SELECTOR')
  if (o.scope.all) header.unshift('NAMESPACE')
  const rows = apps.flatMap((a) =>
    appReplicaSets(world, a).map((rs) => {
      const row = [rs.name, String(rs.desired), String(rs.current), String(rs.ready), age(world, rs.createdAtMs)]
      if (o.wide)
        row.push(a.name, world.images[rs.imageId]?.ref ?? rs.imageId, `app=${a.name},pod-template-hash=${rs.name.slice(a.name.length + 1)}`)
      if (o.scope.all) row.unshift(a.namespace)
      return row
    }),
  )
  if (rows.length === 0) return noneFound(o.scope)
  return table([header, ...rows])
}

export function getNodes(world: World, o: GetOptions): string {
  const nodes = allNodes(world).filter((n) => matchesSelector(n.labels, o.selector))
  if (nodes.length === 0) return 'No resources found'
  const header = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']
  if (o.wide) header.push('OS-IMAGE', 'KERNEL-VERSION')
  if (o.showLabels) header.push('LABELS')
  return limited(
    nodes.map((n) => {
      const since = n.kind === 'host' ? 0 : (world.vms[n.id]?.stateSinceMs ?? 0)
      const row = [
        n.name,
        (n.ready ? 'Ready' : 'NotReady') + (n.unschedulable ? ',SchedulingDisabled' : ''),
        '<none>',
        age(world, since),
        'v1.32.0',
      ]
      if (o.wide)
        row.push(
          n.labels['kubernetes.io/os'] === 'windows' ? 'Windows Server 2022 Datacenter' : 'Ubuntu 24.04 LTS',
          n.labels['kubernetes.io/os'] === 'windows' ? '10.0.20348' : '6.8.0-generic',
        )
      if (o.showLabels) row.push(formatLabels(n.labels))
      return row
    }),
    header,
  )
}

export function getServices(world: World, o: GetOptions): string {
  const apps = Object.values(world.apps).filter((a) => inScope(o.scope, a.namespace) && matchesSelector(a.labels, o.selector))
  if (apps.length === 0) return noneFound(o.scope)
  const order = Object.keys(world.apps)
  const header = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']
  if (o.wide) header.push('SELECTOR')
  if (o.scope.all) header.unshift('NAMESPACE')
  return table([
    header,
    ...apps.map((a) => {
      // Like pod IPs, a made-up but stable address from the service range (10.96.0.0/12).
      const i = order.indexOf(a.id) + 10
      const svc = a.manifest?.service
      // A NodePort Service also gets a port from 30000–32767; a made-up stable one here.
      const ports = svc ? `${svc.port}${svc.type === 'NodePort' ? `:${30000 + (i % 2768)}` : ''}/TCP` : '80/TCP'
      const row = [svc?.name ?? a.name, svc?.type ?? 'ClusterIP', `10.96.${Math.floor(i / 256)}.${i % 256}`, '<none>', ports, age(world, 0)]
      if (o.wide)
        row.push(
          Object.entries(svc?.selector ?? a.manifest?.selector ?? { app: a.name })
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
        )
      if (o.scope.all) row.unshift(a.namespace)
      return row
    }),
  ])
}

export function getHpa(world: World, o: GetOptions): string {
  const apps = Object.values(world.apps).filter((a) => a.hpa && inScope(o.scope, a.namespace))
  if (apps.length === 0) return noneFound(o.scope)
  const header = ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']
  if (o.scope.all) header.unshift('NAMESPACE')
  return table([
    header,
    ...apps.map((a) => {
      const row = [
        a.name,
        `Deployment/${a.name}`,
        `cpu: ${a.hpa!.currentCpuPercent === null ? '<unknown>' : `${Math.round(a.hpa!.currentCpuPercent)}%`}/${a.hpa!.targetCpuPercent}%`,
        String(a.hpa!.minReplicas),
        String(a.hpa!.maxReplicas),
        String(a.replicas),
        age(world, 0),
      ]
      if (o.scope.all) row.unshift(a.namespace)
      return row
    }),
  ])
}

export function getNamespaces(world: World): string {
  return table([['NAME', 'STATUS', 'AGE'], ...world.namespaces.map((ns) => [ns, 'Active', age(world, 0)])])
}

/** The two classes every cluster has (kubernetes.io "Pod Priority and Preemption"), then the player's. */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
}

export function getPriorityClasses(world: World): string {
  const all = { ...world.priorityClasses, ...SYSTEM_PRIORITY_CLASSES }
  const names = Object.keys(all).sort()
  return table([
    ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
    ...names.map((n) => [n, String(all[n]), 'false', age(world, 0), 'PreemptLowerPriority']),
  ])
}

// ---- describe ---------------------------------------------------------------------------

/** Event reasons as the Kubernetes components write them (kubelet events.go, the controllers' recorders). */
const EVENT_REASONS: Record<string, readonly ['Normal' | 'Warning', string, string]> = {
  'kubelet.restarted': ['Normal', 'Started', 'kubelet'],
  'kubelet.restartImmediately': ['Normal', 'Started', 'kubelet'],
  'kubelet.backOff': ['Warning', 'BackOff', 'kubelet'],
  'kubelet.pulling': ['Normal', 'Pulling', 'kubelet'],
  'probes.livenessFailed': ['Warning', 'Unhealthy', 'kubelet'],
  'probes.readinessFailed': ['Warning', 'Unhealthy', 'kubelet'],
  'cgroups.evictedForMemory': ['Warning', 'Evicted', 'kubelet'],
  'preemption.preempted': ['Normal', 'Preempted', 'default-scheduler'],
  'nodes.notReady': ['Normal', 'NodeNotReady', 'node-controller'],
  'nodes.evicted': ['Normal', 'TaintManagerEviction', 'taint-eviction-controller'],
  'replicaset.podCreated': ['Normal', 'SuccessfulCreate', 'replicaset-controller'],
  'replicaset.podDeleted': ['Normal', 'SuccessfulDelete', 'replicaset-controller'],
  'replicaset.rollingUpdate': ['Normal', 'ScalingReplicaSet', 'deployment-controller'],
  'hpa.rescale': ['Normal', 'SuccessfulRescale', 'horizontal-pod-autoscaler'],
  'hpa.rescaled': ['Normal', 'SuccessfulRescale', 'horizontal-pod-autoscaler'],
  'autoscaler.triggeredScaleUp': ['Normal', 'TriggeredScaleUp', 'cluster-autoscaler'],
  'autoscaler.notTriggerScaleUpWouldNotFit': ['Normal', 'NotTriggerScaleUp', 'cluster-autoscaler'],
  'autoscaler.notTriggerScaleUpMaxSize': ['Normal', 'NotTriggerScaleUp', 'cluster-autoscaler'],
  'autoscaler.notTriggerScaleUpBudget': ['Normal', 'NotTriggerScaleUp', 'cluster-autoscaler'],
  'autoscaler.scaleDownUnneeded': ['Normal', 'ScaleDown', 'cluster-autoscaler'],
  'manager.cordon': ['Normal', 'NodeNotSchedulable', 'kubelet'],
}

/** An event as `kubectl describe` lists it: type, reason, source, message. */
export function eventRow(
  e: SimEvent,
  namespace = 'default',
): { type: 'Normal' | 'Warning'; reason: string; from: string; message: string } {
  const t = eventText(e, 'technical')
  const warn = e.level !== 'info'
  // The reason and source the real component writes for this kind of event (by catalogue id, not by wording).
  const known = EVENT_REASONS[e.id]
  if (known) return { type: known[0], reason: known[1], from: known[2], message: t }
  const m = /^FailedScheduling \S+: (.*)$/.exec(t)
  if (m) return { type: 'Warning', reason: 'FailedScheduling', from: 'default-scheduler', message: m[1]! }
  if (/^Scheduled /.test(t))
    return {
      type: 'Normal',
      reason: 'Scheduled',
      from: 'default-scheduler',
      message: t.replace(/^Scheduled (\S+) to (\S+?)\.?$/, `Successfully assigned ${namespace}/$1 to $2`),
    }
  if (/preempt/i.test(t)) return { type: warn ? 'Warning' : 'Normal', reason: 'Preempted', from: 'default-scheduler', message: t }
  if (/probe failed/i.test(t)) return { type: 'Warning', reason: 'Unhealthy', from: 'kubelet', message: t }
  if (/OOMKill/i.test(t)) return { type: 'Warning', reason: 'OOMKilling', from: 'kubelet', message: t }
  if (/back-?off|CrashLoop/i.test(t)) return { type: 'Warning', reason: 'BackOff', from: 'kubelet', message: t }
  if (/pull/i.test(t)) return { type: 'Normal', reason: 'Pulled', from: 'kubelet', message: t }
  if (/restarted|started/i.test(t)) return { type: 'Normal', reason: 'Started', from: 'kubelet', message: t }
  if (/evict/i.test(t)) return { type: 'Normal', reason: 'Evicted', from: 'node-controller', message: t }
  return { type: warn ? 'Warning' : 'Normal', reason: warn ? 'Warning' : 'Event', from: 'house-of-pods', message: t }
}

/** `kubectl get events`: the latest events, oldest first, with the object each is about. */
export function getEvents(world: World, o: GetOptions): string {
  const rows: string[][] = []
  const evs = world.events.slice(-400)
  for (const e of evs) {
    let object = ''
    let ns = 'default'
    for (const id of e.subjects) {
      const c = world.containers[id]
      if (c) {
        object = `pod/${c.name}`
        ns = c.namespace
        break
      }
      const n = world.hosts[id] ?? world.vms[id]
      if (n) {
        object = `node/${n.name}`
        continue
      }
      const a = world.apps[id]
      if (a && !object) {
        object = `deployment/${a.name}`
        ns = a.namespace
      }
    }
    if (!object || !inScope(o.scope, ns)) continue
    const r = eventRow(e, ns)
    const row = [age(world, e.atMs), r.type, r.reason, object, r.message]
    if (o.scope.all) row.unshift(ns)
    rows.push(row)
  }
  if (rows.length === 0) return noneFound(o.scope)
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']
  if (o.scope.all) header.unshift('NAMESPACE')
  return table([header, ...rows.slice(-50)])
}

function eventsBlock(world: World, id: string, namespace?: string): string[] {
  const evs = world.events.filter((e) => e.subjects.includes(id)).slice(-10)
  if (evs.length === 0) return ['Events:  <none>']
  const rows = evs.map((e) => {
    const r = eventRow(e, namespace)
    return [r.type, r.reason, age(world, e.atMs), r.from, r.message]
  })
  return [
    'Events:',
    ...table([['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------'], ...rows])
      .split('\n')
      .map((l) => `  ${l}`),
  ]
}

/** A field and its value, the value column at `width` (kubectl aligns each block's values). */
const field = (label: string, value: string, width = 18) => `${`${label}:`.padEnd(width)}${value}`

/** Multi-line values (labels, taints, tolerations) continue under the first, as kubectl writes them. */
function multi(label: string, values: string[], width = 18): string[] {
  if (values.length === 0) return [field(label, '<none>', width)]
  return values.map((v, i) => (i === 0 ? field(label, v, width) : `${' '.repeat(width)}${v}`))
}

/** The DefaultTolerationSeconds admission plugin adds these to every pod (5 minutes). */
const DEFAULT_TOLERATIONS: (Toleration & { seconds: number })[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', seconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', seconds: 300 },
]

/** kubectl's probe line: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function formatProbe(p: App['readinessProbe'], path: string): string {
  if (!p) return ''
  return (
    `http-get http://:8080${path} delay=${p.initialDelaySeconds}s timeout=1s period=${p.periodSeconds}s ` +
    `#success=${p.successThreshold} #failure=${p.failureThreshold}`
  )
}

function containerState(c: Container): string[] {
  switch (c.state) {
    case 'running':
    case 'lost':
      return ['Running']
    case 'pending':
    case 'pulling':
    case 'creating':
      return ['Waiting', `  Reason:       ${c.state === 'pending' ? 'Pending' : 'ContainerCreating'}`]
    case 'backoff':
      return ['Waiting', '  Reason:       CrashLoopBackOff']
    default:
      return ['Terminated', `  Reason:       ${c.exitCode === 137 ? 'OOMKilled' : 'Error'}`, `  Exit Code:    ${c.exitCode ?? 1}`]
  }
}

export function describePod(world: World, name: string | undefined, namespace: string | null): string {
  const c = Object.values(world.containers).find(
    (x) => (x.name === name || x.id === name) && (namespace === null || x.namespace === namespace),
  )
  if (!c) return `Error from server (NotFound): pods "${name ?? ''}" not found`
  const app = world.apps[c.appId]
  const image = world.images[c.imageId]
  // A pod on a dead node reads as its kubelet last reported it: Running.
  const running = c.state === 'running' || c.state === 'lost'
  const lines: string[] = [
    field('Name', c.name),
    field('Namespace', c.namespace),
    field('Priority', String(c.priority)),
    ...(app?.priorityClassName ? [field('Priority Class Name', app.priorityClassName, 21)] : []),
    field('Node', nodeName(world, c)),
    ...multi(
      'Labels',
      Object.entries(podLabels(world, c)).map(([k, v]) => `${k}=${v}`),
    ),
    field(
      'Status',
      running ? 'Running' : c.state === 'pending' || c.state === 'pulling' || c.state === 'creating' ? 'Pending' : podStatus(c),
    ),
    ...(c.reason ? [field('Reason', c.reason)] : []),
    field('IP', podIp(world, c)),
    ...(c.nominatedNode ? [field('Nominated Node Name', c.nominatedNode, 21)] : []),
    ...(c.managed ? [field('Controlled By', `ReplicaSet/${app?.name ?? c.appId}-r${app?.revision ?? 1}`)] : []),
    'Containers:',
    `  ${app?.name ?? c.appId}:`,
    `    Image:          ${image?.ref ?? c.imageId}`,
    `    Port:           8080/TCP`,
    ...containerState(c).map((l, i) => (i === 0 ? `    State:          ${l}` : `    ${l}`)),
    `    Ready:          ${running && c.ready ? 'True' : 'False'}`,
    `    Restart Count:  ${c.restarts}`,
    ...(c.cpuLimitMilli !== null || c.memLimitMiB !== null
      ? [
          '    Limits:',
          ...(c.cpuLimitMilli !== null ? [`      cpu:     ${formatCpu(c.cpuLimitMilli)}`] : []),
          ...(c.memLimitMiB !== null ? [`      memory:  ${formatMem(c.memLimitMiB)}`] : []),
        ]
      : []),
    '    Requests:',
    `      cpu:        ${formatCpu(app ? app.cpuRequestMilli : c.cpuRequestMilli)}`,
    `      memory:     ${formatMem(app ? app.memRequestMiB : c.memRequestMiB)}`,
    ...(app?.livenessProbe ? [`    Liveness:       ${formatProbe(app.livenessProbe, '/healthz')}`] : []),
    ...(app?.readinessProbe ? [`    Readiness:      ${formatProbe(app.readinessProbe, '/ready')}`] : []),
  ]
  for (const s of c.sidecars) {
    const spec = app?.sidecars.find((x) => x.name === s)
    lines.push(
      `  ${s}:`,
      `    Image:          ${spec ? (world.images[spec.imageId]?.ref ?? spec.imageId) : '?'}`,
      `    State:          ${running ? 'Running' : 'Waiting'}`,
      `    Ready:          ${running ? 'True' : 'False'}`,
      `    Restart Count:  0`,
      ...(spec
        ? ['    Requests:', `      cpu:        ${formatCpu(spec.cpuRequestMilli)}`, `      memory:     ${formatMem(spec.memRequestMiB)}`]
        : []),
    )
  }
  const scheduled = c.placement !== null
  const ready = running && c.ready
  lines.push(
    'Conditions:',
    '  Type              Status',
    `  PodScheduled      ${scheduled ? 'True' : 'False'}`,
    `  Initialized       ${scheduled ? 'True' : 'False'}`,
    `  ContainersReady   ${ready ? 'True' : 'False'}`,
    `  Ready             ${ready ? 'True' : 'False'}`,
    field('QoS Class', qosClass(c)),
    ...multi('Node-Selectors', image?.os === 'windows' ? ['kubernetes.io/os=windows'] : []),
    ...multi('Tolerations', [...(app?.tolerations ?? []), ...DEFAULT_TOLERATIONS].map(formatToleration)),
    ...eventsBlock(world, c.id, c.namespace),
  )
  return lines.join('\n')
}

/** The node's Ready condition as the node lifecycle controller and the kubelet write it. */
function nodeConditions(n: NodeInfo): string[] {
  const [status, reason, message] =
    n.condition === 'Ready'
      ? ['True', 'KubeletReady', 'kubelet is posting ready status']
      : n.condition === 'Unknown'
        ? ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']
        : ['False', 'KubeletNotReady', 'the node is not running yet']
  return ['Conditions:', '  Type    Status   Reason              Message', `  Ready   ${status.padEnd(8)} ${reason.padEnd(19)} ${message}`]
}

function describeNodeInfo(world: World, n: NodeInfo): string {
  const lines = [
    field('Name', n.name),
    field('Roles', '<none>'),
    ...multi(
      'Labels',
      Object.keys(n.labels)
        .sort()
        .map((k) => `${k}=${n.labels[k]}`),
    ),
    ...multi('Taints', n.taints.map(formatTaint)),
    field('Unschedulable', String(n.unschedulable)),
  ]
  if (n.kind === 'host') {
    const h = world.hosts[n.id]!
    const cap = hostCapacity(h)
    lines.push(
      ...nodeConditions(n),
      'Capacity:',
      `  cpu:     ${h.cores}`,
      `  memory:  ${formatMem(h.memMiB)}`,
      '  pods:    110',
      'Allocated resources:',
      `  cpu:     ${formatCpu(h.alloc.cpuMilli)} of ${formatCpu(cap.cpuMilli)}`,
      `  memory:  ${formatMem(h.alloc.memMiB)} of ${formatMem(cap.memMiB)}`,
      `  pods:    ${h.alloc.pods}`,
    )
  } else {
    const vm = world.vms[n.id]!
    const cap = vmCapacity(vm)
    lines.push(
      field('Virtual machine', `on house ${world.hosts[vm.hostId]?.name ?? '?'}, ${vm.os}, ${vm.state}`),
      ...nodeConditions(n),
      'Allocated resources:',
      `  cpu:     ${formatCpu(vm.alloc.cpuMilli)} of ${formatCpu(cap.cpuMilli)}`,
      `  memory:  ${formatMem(vm.alloc.memMiB)} of ${formatMem(cap.memMiB)}`,
      `  pods:    ${vm.alloc.pods}`,
    )
  }
  return [...lines, ...eventsBlock(world, n.id)].join('\n')
}

export function describeNode(world: World, name: string | undefined): string {
  const n = findNode(world, name)
  return n ? describeNodeInfo(world, n) : `Error from server (NotFound): nodes "${name ?? ''}" not found`
}

export function describeDeployment(world: World, a: App): string {
  const aff = a.nodeAffinity
  return [
    field('Name', a.name),
    field('Namespace', a.namespace),
    ...multi(
      'Labels',
      Object.entries(a.labels).map(([k, v]) => `${k}=${v}`),
    ),
    field('Selector', `app=${a.name}`),
    field('Replicas', `${a.replicas} desired | ${a.readyReplicas} available`),
    field('StrategyType', 'RollingUpdate'),
    field('RollingUpdateStrategy', '25% max unavailable, 25% max surge', 23),
    'Pod Template:',
    `  Containers:`,
    `   ${a.name}:`,
    `    Image:      ${world.images[a.imageId]?.ref ?? a.imageId}`,
    ...a.sidecars.map((s) => `   ${s.name}:\n    Image:      ${world.images[s.imageId]?.ref ?? s.imageId}`),
    ...(a.priorityClassName ? [`  Priority Class Name:  ${a.priorityClassName}`] : []),
    ...(aff.required.length
      ? [`  Node Affinity (required): ${aff.required.map((r) => `${r.key} ${r.operator} [${r.values.join(' ')}]`).join(', ')}`]
      : []),
    ...(a.podAntiAffinity
      ? [
          `  Pod Anti-Affinity: app=${a.name} by ${a.podAntiAffinity.topologyKey} ` +
            `(${a.podAntiAffinity.required ? 'required' : 'preferred'})`,
        ]
      : []),
    ...(a.topologySpread
      ? [`  Topology Spread: maxSkew=${a.topologySpread.maxSkew} ${a.topologySpread.topologyKey} ${a.topologySpread.whenUnsatisfiable}`]
      : []),
    `  Tolerations:  ${a.tolerations.map(formatToleration).join(', ') || '<none>'}`,
    field('Revision', String(a.revision)),
    ...eventsBlock(world, a.id),
  ].join('\n')
}

export function top(world: World, what: string | undefined): string {
  // What metrics-server reports: use, not requests (the game's cgroups figures).
  if (what?.startsWith('no')) {
    const use = new Map<string, { cpu: number; mem: number }>()
    for (const c of Object.values(world.containers)) {
      if (c.state !== 'running' || !c.placement) continue
      const id = c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId
      const u = use.get(id) ?? { cpu: 0, mem: 0 }
      u.cpu += c.cpuUsageMilli
      u.mem += c.memUsageMiB
      use.set(id, u)
    }
    const rows: string[][] = []
    for (const n of allNodes(world)) {
      if (!n.ready) {
        rows.push([n.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>'])
        continue
      }
      const cap = n.kind === 'host' ? hostCapacity(world.hosts[n.id]!) : vmCapacity(world.vms[n.id]!)
      const u = use.get(n.id) ?? { cpu: 0, mem: 0 }
      rows.push([
        n.name,
        formatCpu(Math.round(u.cpu)),
        `${Math.round((u.cpu / Math.max(1, cap.cpuMilli)) * 100)}%`,
        formatMem(Math.round(u.mem)),
        `${Math.round((u.mem / Math.max(1, cap.memMiB)) * 100)}%`,
      ])
    }
    return table([['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'], ...rows])
  }
  if (!what?.startsWith('po')) return `error: unknown resource type "${what ?? ''}": top works on nodes and pods`
  const pods = Object.values(world.containers).filter((c) => c.state === 'running')
  if (pods.length === 0) return 'No resources found in default namespace.'
  return limited(
    pods.map((c) => [c.name, formatCpu(Math.max(0, Math.round(c.cpuUsageMilli))), formatMem(Math.max(0, Math.round(c.memUsageMiB)))]),
    ['NAME', 'CPU(cores)', 'MEMORY(bytes)'],
  )
}
