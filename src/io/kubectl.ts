/**
 * A small kubectl for the console: common commands, output shaped like the real one's.
 * It reads the world and changes it only through `dispatch`, like every other control.
 * What `get` and `describe` print lives in kubectlView.ts; nodes, labels and taints in nodes.ts.
 */
import type { Command, Result, World } from '../sim'
import { applyTaintArgs, findNode, isDerivedLabel, parseLabelArg, parseSelector, parseTaintArg } from './nodes'
import type { LabelArg, TaintArg } from './nodes'
import {
  describeDeployment,
  describeNode,
  describePod,
  getDeployments,
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
  kubectl get pods|deployments|nodes|services|hpa|namespaces|priorityclasses|events
      [-n NAMESPACE | -A] [-l app=web] [-o wide] [--show-labels]
  kubectl describe pod|node|deployment NAME [-n NAMESPACE]
  kubectl scale deployment/NAME --replicas=N
  kubectl rollout status|undo|pause|resume deployment/NAME
  kubectl set image deployment/NAME NAME=IMAGE:TAG
  kubectl autoscale deployment/NAME --min=2 --max=10 --cpu-percent=50
  kubectl cordon|uncordon|drain NODE
  kubectl taint nodes NODE key=value:NoSchedule     (key:NoSchedule- or key- removes it)
  kubectl label nodes NODE disktype=ssd             (disktype- removes it)
  kubectl create namespace NAME
  kubectl create priorityclass NAME --value=1000
  kubectl delete pod NAME
  kubectl top pods|nodes
  kubectl apply -f -        (paste YAML in the box below)`

/** Split a command line into words, keeping quoted strings together. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

/** Flags that take a value (`-n prod`, `--namespace=prod`, `-owide`). */
const VALUE_FLAGS: Record<string, string> = { n: 'namespace', l: 'selector', o: 'output', f: 'filename' }
const LONG_VALUE_FLAGS = new Set(['namespace', 'selector', 'output', 'filename', 'replicas', 'min', 'max', 'cpu-percent', 'value', 'image'])

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
      } else if (letter === 'A') flags.set('all-namespaces', 'true')
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

export function kubectl(world: World, line: string, dispatch: Dispatch): string {
  const argv = words(line.trim())
  if (argv[0] === 'kubectl' || argv[0] === 'k') argv.shift()
  const [verb, ...rest] = argv
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
    case 'describe':
      return describe(world, a)
    case 'top':
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
      if (sub === 'status') {
        const pods = Object.values(world.containers).filter((c) => c.appId === app.id)
        const updated = pods.filter((c) => c.imageId === app.imageId)
        const ready = updated.filter((c) => c.state === 'running').length
        if (updated.length === pods.length && ready >= app.replicas) return `deployment "${app.name}" successfully rolled out`
        return `Waiting for deployment "${app.name}" rollout to finish: ${ready} of ${app.replicas} updated replicas are available...`
      }
      return `error: unknown rollout command "${sub ?? ''}" (status, undo, pause, resume)`
    }
    case 'set': {
      if (a.pos[0] !== 'image') return 'error: only "kubectl set image" is supported'
      const pos = a.pos.slice(1)
      const app = appByName(world, target(pos.filter((p) => !p.includes('='))), ns)
      const assignment = pos.find((p) => p.includes('='))
      if (!app || !assignment) return 'error: usage: kubectl set image deployment/NAME NAME=IMAGE:TAG'
      const ref = assignment.split('=')[1]!
      const image = Object.values(world.images).find((i) => i.ref === ref)
      if (!image)
        return `error: image ${ref} is not built yet (known: ${Object.values(world.images)
          .map((i) => i.ref)
          .join(', ')})`
      return outcome(dispatch({ type: 'setImage', appId: app.id, imageId: image.id }), `deployment.apps/${app.name} image updated`)
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
      const name = target(a.pos)
      const pod = Object.values(world.containers).find((c) => (c.name === name || c.id === name) && c.namespace === ns)
      if (a.pos[0]?.startsWith('po') !== true || !pod) return notFound('pods', name)
      return outcome(dispatch({ type: 'removeContainer', containerId: pod.id }), `pod "${pod.name}" deleted`)
    }
    case 'apply':
      return 'Paste YAML into the box below the console and press "Apply".'
    default:
      return `error: unknown command "${verb}" for "kubectl"\nRun 'kubectl help' for usage.`
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
  if (output !== undefined && output !== 'wide') return `error: only -o wide is supported here (use "Export the street as YAML" for YAML)`
  const all = a.flags.get('all-namespaces') === 'true'
  const o: GetOptions = {
    scope: all ? { all: true } : { all: false, namespace: nsOf(a) },
    selector: sel,
    wide: output === 'wide',
    showLabels: a.flags.get('show-labels') === 'true',
  }
  if (/^(po|pods?)$/.test(what)) return getPods(world, o)
  if (/^(deploy|deployments?(\.apps)?)$/.test(what)) return getDeployments(world, o)
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
