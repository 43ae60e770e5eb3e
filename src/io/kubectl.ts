/**
 * A small kubectl for the console: common commands, output shaped like the real one's.
 * It reads the world and changes it only through `dispatch`, like every other control.
 * What `get` and `describe` print lives in kubectlView.ts; nodes, labels and taints in nodes.ts.
 */
import { stringify } from 'yaml'
import { eventText, qosClass, rolloutHistory, rolloutStatus, rolloutStatusText } from '../sim'
import type { Command, Container, Result, World } from '../sim'
import { appObjects, importYaml, selectorOf } from './k8s'
import { applyTaintArgs, findNode, isDerivedLabel, matchesSelector, parseLabelArg, parseSelector, parseTaintArg } from './nodes'
import type { LabelArg, TaintArg } from './nodes'
import {
  describeDeployment,
  describeNode,
  describePod,
  nodeName,
  podIp,
  podLabels,
  podStatus,
  getDeployments,
  getReplicaSets,
  getEvents,
  getHpa,
  getNamespaces,
  getNodes,
  getPods,
  getPriorityClasses,
  getServices,
  top,
} from './kubectlView'
import type { GetOptions } from './kubectlView'

export { table } from './kubectlView'

export type Dispatch = (command: Command) => Result

const HELP = `Commands:
  kubectl get pods|deployments|replicasets|nodes|services|hpa|namespaces|priorityclasses|events
      [-n NAMESPACE | -A] [-l app=web] [-o wide|yaml|json] [--show-labels] [-w]
      [--field-selector spec.nodeName=NODE]
  kubectl logs POD [-c CONTAINER] [--previous]   (a room prints nothing of its own here: its log is what happened inside it)
  kubectl describe pod|node|deployment NAME [-n NAMESPACE]
  kubectl scale deployment/NAME --replicas=N
  kubectl rollout status|history|undo|pause|resume deployment/NAME
  kubectl set image deployment/NAME NAME=IMAGE:TAG
  kubectl autoscale deployment/NAME --min=2 --max=10 --cpu-percent=50
  kubectl cordon|uncordon|drain NODE
  kubectl taint nodes NODE key=value:NoSchedule     (key:NoSchedule- or key- removes it)
  kubectl label nodes NODE disktype=ssd             (disktype- removes it)
  kubectl create namespace NAME
  kubectl create priorityclass NAME --value=1000
  kubectl delete pod NAME | deployment NAME
  kubectl top pods|nodes
  kubectl apply -f -        (the YAML in the box below is its input)`

/** Split a command line into words, keeping quoted strings together. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

/** Flags that take a value (`-n prod`, `--namespace=prod`, `-owide`). */
const VALUE_FLAGS: Record<string, string> = { n: 'namespace', l: 'selector', o: 'output', f: 'filename', c: 'container' }
/** Short boolean flags and the long names they stand for. */
const SHORT_BOOLEANS: Record<string, string> = { A: 'all-namespaces', w: 'watch', p: 'previous', h: 'help' }
const LONG_VALUE_FLAGS = new Set([
  'namespace',
  'selector',
  'output',
  'filename',
  'replicas',
  'min',
  'max',
  'cpu-percent',
  'value',
  'image',
  'container',
  'field-selector',
  'tail',
  'grace-period',
  'timeout',
])

/** The flags each command takes (besides -n, -A and --help), as kubectl's own help lists them. */
const FLAGS: Record<string, string[]> = {
  get: ['selector', 'output', 'show-labels', 'watch', 'field-selector', 'no-headers'],
  describe: ['selector'],
  logs: ['container', 'previous', 'follow', 'tail', 'timestamps'],
  top: ['selector', 'containers'],
  scale: ['replicas'],
  rollout: [],
  set: [],
  autoscale: ['min', 'max', 'cpu-percent'],
  cordon: [],
  uncordon: [],
  drain: ['ignore-daemonsets', 'delete-emptydir-data', 'force', 'grace-period', 'timeout'],
  taint: ['overwrite'],
  label: ['overwrite'],
  create: ['value'],
  delete: ['grace-period', 'force', 'now', 'selector'],
  apply: ['filename'],
}
const COMMON_FLAGS = ['namespace', 'all-namespaces', 'help']

/** kubectl's (cobra's) words for a flag the command does not know, or null. */
function unknownFlag(verb: string, argv: string[]): string | null {
  const known = new Set([...COMMON_FLAGS, ...(FLAGS[verb] ?? [])])
  const usage = `\nSee 'kubectl ${verb} --help' for usage.`
  for (const a of argv) {
    if (a === '--' || a === '-') continue
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!
      if (!known.has(name)) return `error: unknown flag: --${name}${usage}`
    } else if (/^-[A-Za-z]/.test(a)) {
      const letter = a[1]!
      const long = VALUE_FLAGS[letter] ?? SHORT_BOOLEANS[letter] ?? (verb === 'logs' && letter === 'f' ? 'follow' : undefined)
      if (!long || !known.has(long)) return `error: unknown shorthand flag: '${letter}' in ${a}${usage}`
    }
  }
  return null
}

export interface Args {
  pos: string[]
  flags: Map<string, string>
}

/** kubectl's flag grammar, enough for the commands here: positionals, then flags in any order. */
export function parseArgs(args: string[]): Args {
  const pos: string[] = []
  const flags = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
      if (eq >= 0) flags.set(name, a.slice(eq + 1))
      else if (LONG_VALUE_FLAGS.has(name) && i + 1 < args.length) flags.set(name, args[++i]!)
      else flags.set(name, 'true')
    } else if (/^-[A-Za-z]/.test(a)) {
      const letter = a[1]!
      const long = VALUE_FLAGS[letter]
      if (long) {
        const rest = a.slice(2).replace(/^=/, '')
        flags.set(long, rest || args[++i] || '')
      } else if (SHORT_BOOLEANS[letter]) flags.set(SHORT_BOOLEANS[letter], 'true')
      else flags.set(a.slice(1), 'true')
    } else pos.push(a)
  }
  return { pos, flags }
}

const RESOURCE = /^(deploy|deployments?|deployments?\.apps|po|pods?|no|nodes?|svc|services?)$/

/** "deployment/web", "deploy web", "deployments.apps/web" → "web". */
function target(pos: string[]): string | undefined {
  const first = pos[0]
  if (!first) return undefined
  if (first.includes('/')) return first.split('/')[1]
  return RESOURCE.test(first) ? pos[1] : first
}

const nsOf = (a: Args): string => a.flags.get('namespace') || 'default'

function appByName(world: World, name: string | undefined, namespace: string) {
  return Object.values(world.apps).find((a) => (a.name === name || a.id === name) && a.namespace === namespace)
}

const notFound = (kind: string, name: string | undefined) => `Error from server (NotFound): ${kind} "${name ?? ''}" not found`

function outcome(r: Result, ok: string): string {
  return r.ok ? ok : `error: ${r.technical}`
}

/**
 * Run one kubectl command line. `stdin` is what `-f -` reads (the console's YAML box). Never throws: whatever goes
 * wrong comes back as kubectl would print an error, not as a stack trace.
 */
export function kubectl(world: World, line: string, dispatch: Dispatch, stdin = ''): string {
  try {
    return run(world, line, dispatch, stdin)
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`
  }
}

function run(world: World, line: string, dispatch: Dispatch, stdin: string): string {
  const argv = words(line.trim())
  if (argv[0] === 'kubectl' || argv[0] === 'k') argv.shift()
  const [verb, ...raw] = argv
  if (verb !== undefined && verb in FLAGS) {
    const bad = unknownFlag(verb, raw)
    if (bad) return bad
  }
  // `kubectl logs -f` follows; everywhere else -f names a file.
  const rest = verb === 'logs' ? raw.map((x) => (x === '-f' ? '--follow' : x)) : raw
  const a = parseArgs(rest)
  const ns = nsOf(a)
  const deployment = () => {
    const name = target(a.pos)
    return { name, app: appByName(world, name, ns) }
  }
  switch (verb) {
    case undefined:
    case 'help':
    case '--help':
      return HELP
    case 'get':
      return get(world, a)
    case 'logs':
      return logs(world, a)
    case 'describe':
      return describe(world, a)
    case 'top':
      if (!a.pos[0]) return 'error: you must specify a resource type: nodes or pods'
      return top(world, a.pos[0])
    case 'scale': {
      const { name, app } = deployment()
      const n = Number(a.flags.get('replicas'))
      if (!app) return notFound('deployments.apps', name)
      if (!a.flags.has('replicas') || !Number.isInteger(n) || n < 0)
        return 'error: --replicas=COUNT is required, and COUNT must be greater than or equal to 0'
      if (!app.managed) dispatch({ type: 'setManaged', appId: app.id, managed: true })
      return outcome(dispatch({ type: 'setReplicas', appId: app.id, replicas: n }), `deployment.apps/${app.name} scaled`)
    }
    case 'rollout': {
      const [sub, ...pos] = a.pos
      const name = target(pos)
      const app = appByName(world, name, ns)
      if (!app) return notFound('deployments.apps', name)
      if (sub === 'undo') return outcome(dispatch({ type: 'rolloutUndo', appId: app.id }), `deployment.apps/${app.name} rolled back`)
      if (sub === 'pause' || sub === 'resume')
        return outcome(dispatch({ type: 'rolloutPause', appId: app.id, paused: sub === 'pause' }), `deployment.apps/${app.name} ${sub}d`)
      if (sub === 'status') return rolloutStatusText(app, rolloutStatus(world, app))
      if (sub === 'history') return rolloutHistory(world, app)
      return `error: unknown rollout command "${sub ?? ''}" (status, history, undo, pause, resume)`
    }
    case 'set': {
      if (a.pos[0] !== 'image') return 'error: only "kubectl set image" is supported'
      const pos = a.pos.slice(1)
      const app = appByName(world, target(pos.filter((p) => !p.includes('='))), ns)
      const assignment = pos.find((p) => p.includes('='))
      if (!app || !assignment) return 'error: usage: kubectl set image deployment/NAME NAME=IMAGE:TAG'
      const [container, ref] = assignment.split('=') as [string, string]
      const own = app.manifest?.containerName ?? app.name
      if (container !== own && container !== '*')
        return app.sidecars.some((x) => x.name === container)
          ? `error: the game changes only the app's own container image here (${own}), not the sidecar ${container}`
          : `error: unable to find container named "${container}"`
      if (!ref) return 'error: usage: kubectl set image deployment/NAME CONTAINER=IMAGE:TAG'
      // Any image apply takes: one the street has not seen is pulled like any other (a registry image, size unknown).
      let imageId = Object.values(world.images).find((i) => i.ref === ref)?.id
      if (!imageId) {
        const id = `img-${ref.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}`
        const added = dispatch({ type: 'addImage', id, ref, sizeMiB: 150, os: world.images[app.imageId]?.os ?? 'linux' })
        if (!added.ok) return `error: ${added.technical}`
        // By its id: a world in the simulation worker has it only once the worker has applied the command.
        imageId = id
      }
      return outcome(dispatch({ type: 'setImage', appId: app.id, imageId }), `deployment.apps/${app.name} image updated`)
    }
    case 'autoscale': {
      const { name, app } = deployment()
      if (!app) return notFound('deployments.apps', name)
      const max = Number(a.flags.get('max'))
      const min = Number(a.flags.get('min') ?? 1)
      const cpu = Number(a.flags.get('cpu-percent') ?? 80)
      if (!app.managed) dispatch({ type: 'setManaged', appId: app.id, managed: true })
      return outcome(
        dispatch({ type: 'setHpa', appId: app.id, minReplicas: min, maxReplicas: max, targetCpuPercent: cpu }),
        `horizontalpodautoscaler.autoscaling/${app.name} autoscaled`,
      )
    }
    case 'cordon':
    case 'uncordon':
    case 'drain': {
      const node = findNode(world, a.pos[0])
      if (!node) return notFound('nodes', a.pos[0])
      if (node.kind !== 'host') return `error: ${node.name} is an apartment (VM); cordon and drain its house instead`
      const cmd: Command =
        verb === 'drain' ? { type: 'drain', hostId: node.id } : { type: 'cordon', hostId: node.id, unschedulable: verb === 'cordon' }
      return outcome(
        dispatch(cmd),
        verb === 'drain'
          ? `node/${node.name} cordoned\nevicting pods from node/${node.name} (respecting PodDisruptionBudgets)...`
          : `node/${node.name} ${verb}ed`,
      )
    }
    case 'taint':
      return taint(world, a, dispatch)
    case 'label':
      return label(world, a, dispatch)
    case 'create': {
      const [kind, name] = a.pos
      if (/^(ns|namespaces?)$/.test(kind ?? '')) {
        if (!name) return 'error: exactly one NAME is required, got 0'
        return outcome(dispatch({ type: 'addNamespace', name }), `namespace/${name} created`)
      }
      if (/^(pc|priorityclass(es)?)$/.test(kind ?? '')) {
        const value = Number(a.flags.get('value') ?? 0)
        if (!name) return 'error: exactly one NAME is required, got 0'
        if (!Number.isInteger(value)) return `error: invalid argument "${a.flags.get('value')}" for "--value" flag`
        return outcome(dispatch({ type: 'addPriorityClass', name, value }), `priorityclass.scheduling.k8s.io/${name} created`)
      }
      return (
        'error: only "kubectl create namespace NAME" and "kubectl create priorityclass NAME --value=N" are supported (use apply ' +
        '-f for the rest)'
      )
    }
    case 'delete': {
      const kind = (a.pos[0] ?? '').split('/')[0]!
      const name = target(a.pos)
      if (/^(deploy|deployments?(\.apps)?)$/.test(kind)) {
        const app = appByName(world, name, ns)
        if (!app) return notFound('deployments.apps', name)
        return outcome(dispatch({ type: 'removeApp', appId: app.id }), `deployment.apps "${app.name}" deleted`)
      }
      if (!/^(po|pods?)$/.test(kind)) return `error: the server doesn't have a resource type "${kind}"`
      const pod = Object.values(world.containers).find((c) => (c.name === name || c.id === name) && c.namespace === ns)
      if (!pod) return notFound('pods', name)
      // A pod of a Deployment: its ReplicaSet sees one too few and makes a new one (a new name, on a node the scheduler picks).
      const replaced = pod.managed ? '' : '\n(a plain `docker run` room: nobody replaces it)'
      return outcome(dispatch({ type: 'removeContainer', containerId: pod.id }), `pod "${pod.name}" deleted${replaced}`)
    }
    case 'apply': {
      if (a.flags.get('filename') !== '-') return 'error: only "kubectl apply -f -" is supported here: it reads the YAML box below'
      return applyText(world, stdin, dispatch)
    }
    default:
      return `error: unknown command "${verb}" for "kubectl"\nRun 'kubectl --help' for usage.`
  }
}

/** `kubectl taint nodes NODE k=v:Effect [k2:Effect-] [--overwrite]`. */
function taint(world: World, a: Args, dispatch: Dispatch): string {
  const [kind, ...pos] = a.pos
  const bySlash = kind?.includes('/')
  if (!kind || !/^(no|nodes?)$/.test(bySlash ? kind.split('/')[0]! : kind))
    return 'error: only nodes can be tainted: kubectl taint nodes NODE key=value:NoSchedule'
  const nodeName = bySlash ? kind.split('/')[1] : pos.shift()
  const node = findNode(world, nodeName)
  if (!node) return notFound('nodes', nodeName)
  if (pos.length === 0) return 'error: at least one taint update is required'
  const parsed: TaintArg[] = []
  for (const p of pos) {
    const t = parseTaintArg(p)
    if (t.op === 'error') return `error: ${t.message}`
    parsed.push(t)
  }
  const next = applyTaintArgs(node, parsed, a.flags.get('overwrite') === 'true')
  if (!next.ok) return `error: ${next.message}`
  const adds = parsed.some((p) => p.op === 'add')
  return outcome(
    dispatch({ type: 'setTaints', target: node.placement, taints: next.taints }),
    `node/${node.name} ${adds ? (next.removed ? 'modified' : 'tainted') : 'untainted'}`,
  )
}

/** `kubectl label nodes NODE k=v [k2-] [--overwrite]`. Well-known labels belong to the node. */
function label(world: World, a: Args, dispatch: Dispatch): string {
  const [kind, ...pos] = a.pos
  const bySlash = kind?.includes('/')
  if (!kind || !/^(no|nodes?)$/.test(bySlash ? kind.split('/')[0]! : kind))
    return 'error: only nodes can be labelled here: kubectl label nodes NODE key=value'
  const nodeName = bySlash ? kind.split('/')[1] : pos.shift()
  const node = findNode(world, nodeName)
  if (!node) return notFound('nodes', nodeName)
  if (pos.length === 0) return 'error: at least one label update is required'
  const labels = { ...node.own }
  const lines: string[] = []
  let changed = false
  for (const p of pos) {
    const l: LabelArg | { op: 'error'; message: string } = parseLabelArg(p)
    if (l.op === 'error') return `error: ${l.message}`
    if (isDerivedLabel(l.key)) return `error: ${l.key} is set by the node itself (the kubelet); label the node with a key of your own`
    if (l.op === 'set') {
      if (l.key in labels && labels[l.key] !== l.value && a.flags.get('overwrite') !== 'true')
        return `error: '${l.key}' already has a value (${labels[l.key]}), and --overwrite is false`
      changed ||= labels[l.key] !== l.value
      labels[l.key] = l.value
    } else if (l.key in labels) {
      delete labels[l.key]
      changed = true
    } else lines.push(`label "${l.key}" not found.`)
  }
  if (!changed) return [...lines, `node/${node.name} not labeled`].join('\n')
  const removing = pos.every((p) => p.endsWith('-') && !p.includes('='))
  return [
    ...lines,
    outcome(dispatch({ type: 'setNodeLabels', target: node.placement, labels }), `node/${node.name} ${removing ? 'unlabeled' : 'labeled'}`),
  ].join('\n')
}

function get(world: World, a: Args): string {
  const what = a.pos[0] ?? ''
  const sel = parseSelector(a.flags.get('selector') ?? '')
  if ('error' in sel) return `error: ${sel.error}`
  const output = a.flags.get('output')
  if (output !== undefined && !['wide', 'yaml', 'json', 'name'].includes(output))
    return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`
  const all = a.flags.get('all-namespaces') === 'true'
  const o: GetOptions = {
    scope: all ? { all: true } : { all: false, namespace: nsOf(a) },
    selector: sel,
    wide: output === 'wide',
    showLabels: a.flags.get('show-labels') === 'true',
  }
  const fieldSel = a.flags.get('field-selector')
  let onNode: string | null = null
  if (fieldSel !== undefined) {
    const m = /^spec\.nodeName=(.*)$/.exec(fieldSel)
    if (!m || !/^(po|pods?)$/.test(what))
      return (
        `Error from server (BadRequest): Unable to find "/v1, Resource=${what}" that match label selector "", ` +
        `field selector "${fieldSel}": "${fieldSel.split('=')[0]}" is not a known field selector: only "spec.nodeName" on pods here`
      )
    onNode = m[1]!
  }
  if (output === 'yaml' || output === 'json' || output === 'name') return printObjects(world, what, o, output, a.pos[1], onNode)
  if (onNode !== null) return getPods(world, o, onNode)
  if (/^(po|pods?)$/.test(what)) return getPods(world, o)
  if (/^(deploy|deployments?(\.apps)?)$/.test(what)) return getDeployments(world, o)
  if (/^(rs|replicasets?(\.apps)?)$/.test(what)) return getReplicaSets(world, o)
  if (/^(no|nodes?)$/.test(what)) return getNodes(world, o)
  if (/^(svc|services?)$/.test(what)) return getServices(world, o)
  if (/^(hpa|horizontalpodautoscalers?)$/.test(what)) return getHpa(world, o)
  if (/^(ns|namespaces?)$/.test(what)) return getNamespaces(world)
  if (/^(pc|priorityclass(es)?)$/.test(what)) return getPriorityClasses(world)
  if (/^(ev|events?)$/.test(what)) return getEvents(world, o)
  return `error: the server doesn't have a resource type "${what}"`
}

function describe(world: World, a: Args): string {
  const [kind, second] = a.pos
  const slash = kind?.includes('/') ? kind.split('/') : null
  const k = slash ? slash[0]! : kind
  const name = slash ? slash[1] : second
  const ns = a.flags.get('namespace') ?? null
  if (k?.startsWith('po')) return describePod(world, name, ns ?? 'default')
  if (k?.startsWith('no')) return describeNode(world, name)
  if (k?.startsWith('deploy')) {
    const app = appByName(world, name, ns ?? 'default')
    return app ? describeDeployment(world, app) : notFound('deployments.apps', name)
  }
  return 'error: describe pod|node|deployment NAME'
}

/** `kubectl apply -f -`: the YAML read from stdin, applied; kubectl's created / configured / unchanged lines. */
export function applyText(world: World, text: string, dispatch: Dispatch): string {
  if (!text.trim()) return 'error: no objects passed to apply'
  const r = importYaml(world, text)
  if (!r.ok) return r.errors.map((e) => `error: ${e.line !== null ? `line ${e.line}: ` : ''}${e.message}`).join('\n')
  const rejected: string[] = []
  for (const c of r.commands) {
    const x = dispatch(c)
    if (!x.ok) rejected.push(`error: ${x.technical}`)
  }
  return [...r.created, ...rejected].join('\n')
}

/** The pod as the API would return it (what `get pod -o yaml|json` prints). */
function podObject(world: World, c: Container): Record<string, unknown> {
  const app = world.apps[c.appId]
  const image = world.images[c.imageId]
  const phase = c.state === 'pending' || c.state === 'pulling' || c.state === 'creating' ? 'Pending' : 'Running'
  const ready = (c.state === 'running' || c.state === 'lost') && c.ready
  const limits = {
    ...(c.cpuLimitMilli !== null ? { cpu: `${c.cpuLimitMilli}m` } : {}),
    ...(c.memLimitMiB !== null ? { memory: `${c.memLimitMiB}Mi` } : {}),
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: c.name,
      namespace: c.namespace,
      labels: podLabels(world, c),
      ...(c.managed && app
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app.name}-r${app.revision}`, controller: true }] }
        : {}),
    },
    spec: {
      ...(c.placement ? { nodeName: nodeName(world, c) } : {}),
      ...(app?.priorityClassName ? { priorityClassName: app.priorityClassName } : {}),
      priority: c.priority,
      containers: [
        {
          name: app?.manifest?.containerName ?? app?.name ?? c.appId,
          image: image?.ref ?? c.imageId,
          resources: {
            requests: { cpu: `${c.cpuRequestMilli}m`, memory: `${c.memRequestMiB}Mi` },
            ...(Object.keys(limits).length ? { limits } : {}),
          },
        },
      ],
    },
    status: {
      phase,
      ...(c.placement ? { podIP: podIp(world, c) } : {}),
      qosClass: qosClass(c),
      conditions: [
        { type: 'PodScheduled', status: c.placement ? 'True' : 'False' },
        { type: 'Ready', status: ready ? 'True' : 'False' },
      ],
      containerStatuses: [
        { name: app?.manifest?.containerName ?? app?.name ?? c.appId, ready, restartCount: c.restarts, state: podStatus(c) },
      ],
    },
  }
}

/** `get ... -o yaml|json|name`: one object, or a List of them, as kubectl prints it. */
function printObjects(world: World, what: string, o: GetOptions, output: string, name: string | undefined, onNode: string | null): string {
  let objects: Record<string, unknown>[]
  const inScope = (ns: string) => o.scope.all || o.scope.namespace === ns
  if (/^(po|pods?)$/.test(what)) {
    objects = Object.values(world.containers)
      .filter((c) => inScope(c.namespace) && (name === undefined || c.name === name) && (onNode === null || nodeName(world, c) === onNode))
      .filter((c) => matchesSelector(podLabels(world, c), o.selector))
      .map((c) => podObject(world, c))
  } else if (/^(deploy|deployments?(\.apps)?|svc|services?)$/.test(what)) {
    const kind = /^(svc|services?)$/.test(what) ? 'Service' : 'Deployment'
    objects = Object.values(world.apps)
      .filter((a) => inScope(a.namespace) && (name === undefined || a.name === name || a.manifest?.service?.name === name))
      .flatMap((a) => appObjects(world, a).filter((x) => x.kind === kind))
  } else return `error: -o ${output} is supported here for pods, deployments and services`
  if (name !== undefined && objects.length === 0) return `Error from server (NotFound): ${what} "${name}" not found`
  if (output === 'name')
    return objects
      .map(
        (x) =>
          `${x.kind === 'Pod' ? 'pod' : x.kind === 'Service' ? 'service' : 'deployment.apps'}/${(x.metadata as { name: string }).name}`,
      )
      .join('\n')
  const doc =
    name !== undefined && objects.length === 1
      ? objects[0]!
      : { apiVersion: 'v1', kind: 'List', items: objects, metadata: { resourceVersion: '' } }
  return output === 'json' ? JSON.stringify(doc, null, 4) : stringify(doc, { lineWidth: 0 }).trimEnd()
}

/**
 * `kubectl logs POD [-c CONTAINER] [--previous]`. The game's rooms print no output of their own, so a room's log is
 * what happened to it, in order: started, probe failures, its end (crash with exit code, OOMKilled). --previous shows
 * the run before the last restart, as kubectl does.
 */
function logs(world: World, a: Args): string {
  const ns = nsOf(a)
  const name = target(a.pos)
  const c = Object.values(world.containers).find((x) => (x.name === name || x.id === name) && x.namespace === ns)
  if (!c) return notFound('pods', name)
  const app = world.apps[c.appId]
  const own = app?.manifest?.containerName ?? app?.name ?? c.appId
  const names = [own, ...c.sidecars]
  const want = a.flags.get('container')
  if (want !== undefined && !names.includes(want)) return `error: container ${want} is not valid for pod ${c.name}`
  const note = want === undefined && names.length > 1 ? `Defaulted container "${own}" out of: ${names.join(', ')}\n` : ''
  if (c.state === 'pending' || c.state === 'pulling' || c.state === 'creating')
    return (
      `Error from server (BadRequest): container "${own}" in pod "${c.name}" is waiting to start: ` +
      (c.state === 'pending' ? 'PodInitializing' : 'ContainerCreating')
    )
  // Runs split at each restart; each line is something that happened inside the room, at its time.
  const stampOf = (ms: number) => {
    const t = Math.floor(ms / 1000)
    return `[${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}]`
  }
  const started = (ms: number) => `${stampOf(ms)} ${own} started (${world.images[c.imageId]?.ref ?? c.imageId})`
  const runs: string[][] = [[started(c.createdAtMs)]]
  for (const e of world.events) {
    if (e.subjects[0] !== c.id) continue
    if (e.id === 'kubelet.restarted') runs.push([started(e.atMs)])
    else if (LOG_EVENTS.has(e.id)) runs.at(-1)!.push(`${stampOf(e.atMs)} ${eventText(e, 'technical')}`)
  }
  if (a.flags.get('previous') === 'true') {
    if (runs.length < 2) return `Error from server (BadRequest): previous terminated container "${own}" in pod "${c.name}" not found`
    return note + runs.at(-2)!.join('\n')
  }
  return note + runs.at(-1)!.join('\n')
}

/** What happens inside a room (its log), as opposed to around it (scheduling, the ReplicaSet). */
const LOG_EVENTS = new Set([
  'containers.crashed',
  'probes.livenessFailed',
  'probes.readinessFailed',
  'probes.ready',
  'chaos.hung',
  'chaos.memoryLeak',
  'chaos.cpuHog',
  'cgroups.throttled',
  'cgroups.evictedForMemory',
  'breach.breached',
])
/**
 * `kubectl get ... -w`: after the first table, each row that changed as time ran, as kubectl prints watch updates.
 * The console calls `next` with the world as it goes; it returns the new lines (none when nothing changed).
 */
export function watch(world: World, line: string, dispatch: Dispatch): { first: string; next: (w: World) => string[] } | null {
  const argv = words(line.trim())
  if (argv[0] === 'kubectl' || argv[0] === 'k') argv.shift()
  if (argv[0] !== 'get' || !argv.some((x) => x === '-w' || x === '--watch')) return null
  const plain = argv.filter((x) => x !== '-w' && x !== '--watch').join(' ')
  const rowsOf = (text: string) => text.split('\n').slice(1)
  const first = kubectl(world, plain, dispatch)
  if (first.startsWith('error') || first.startsWith('Error')) return { first, next: () => [] }
  // A row's identity is its NAME column; a row is printed again when any column but AGE changes.
  const key = (row: string) => row.split(/\s+/)[0]!
  const strip = (row: string) => row.replace(/\s+\S+$/, '')
  let last = new Map(rowsOf(first).map((r) => [key(r), r]))
  return {
    first,
    next: (w) => {
      const rows = rowsOf(kubectl(w, plain, dispatch))
      const out = rows.filter((r) => !last.has(key(r)) || strip(last.get(key(r))!) !== strip(r))
      last = new Map(rows.map((r) => [key(r), r]))
      return out
    },
  }
}
