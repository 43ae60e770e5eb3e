/**
 * A small kubectl for the console: common commands, output shaped like the real one's.
 * It reads the world and changes it only through `dispatch`, like every other control.
 */
import { CONTAINER_STATE_LABELS, formatTime, hostCapacity, vmCapacity } from '../sim'
import type { Command, Container, Result, World } from '../sim'
import { formatCpu, formatMem } from './quantity'

export type Dispatch = (command: Command) => Result

const HELP = `Commands:
  kubectl get pods|deployments|nodes|services|hpa
  kubectl describe pod|node|deployment NAME
  kubectl scale deployment/NAME --replicas=N
  kubectl rollout status|undo|pause|resume deployment/NAME
  kubectl set image deployment/NAME NAME=IMAGE:TAG
  kubectl autoscale deployment/NAME --min=2 --max=10 --cpu-percent=50
  kubectl cordon|uncordon|drain NODE
  kubectl delete pod NAME
  kubectl top pods|nodes
  kubectl apply -f -        (paste YAML in the box below)`

/** Lay out rows in columns, as kubectl does: upper-case headers, 3 spaces apart. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]! + 3))).join('').trimEnd()).join('\n')
}

const age = (world: World, sinceMs: number): string => {
  const s = Math.max(0, Math.floor((world.timeMs - sinceMs) / 1000))
  return s < 120 ? `${s}s` : `${Math.floor(s / 60)}m`
}

function podStatus(c: Container): string {
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
      return 'Unknown'
    case 'terminated':
      return 'Terminating'
  }
}

function nodeName(world: World, c: Container): string {
  if (!c.placement) return '<none>'
  return c.placement.kind === 'host' ? (world.hosts[c.placement.hostId]?.name ?? '?') : (world.vms[c.placement.vmId]?.name ?? '?')
}

/** Split a command line into words, keeping quoted strings together. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3)
    if (a === `--${name}`) return args[i + 1]
  }
  return undefined
}

/** "deployment/web", "deploy web", "deployments.apps/web" → "web". */
function target(args: string[]): string | undefined {
  const positional = args.filter((a) => !a.startsWith('-'))
  const first = positional[0]
  if (!first) return undefined
  if (first.includes('/')) return first.split('/')[1]
  return positional[1]
}

function appByName(world: World, name: string | undefined) {
  return Object.values(world.apps).find((a) => a.name === name || a.id === name)
}

function hostByName(world: World, name: string | undefined) {
  return Object.values(world.hosts).find((h) => h.name === name || h.id === name)
}

function outcome(r: Result, ok: string): string {
  return r.ok ? ok : `error: ${r.technical}`
}

export function kubectl(world: World, line: string, dispatch: Dispatch): string {
  const argv = words(line.trim())
  if (argv[0] === 'kubectl' || argv[0] === 'k') argv.shift()
  const [verb, ...args] = argv
  switch (verb) {
    case undefined:
    case 'help':
    case '--help':
      return HELP
    case 'get':
      return get(world, args)
    case 'describe':
      return describe(world, args)
    case 'top':
      return top(world, args)
    case 'scale': {
      const app = appByName(world, target(args))
      const n = Number(flag(args, 'replicas'))
      if (!app) return `Error from server (NotFound): deployments.apps "${target(args) ?? ''}" not found`
      if (!Number.isInteger(n)) return 'error: --replicas=COUNT is required'
      if (!app.managed) dispatch({ type: 'setManaged', appId: app.id, managed: true })
      return outcome(dispatch({ type: 'setReplicas', appId: app.id, replicas: n }), `deployment.apps/${app.name} scaled`)
    }
    case 'rollout': {
      const [sub, ...rest] = args
      const app = appByName(world, target(rest))
      if (!app) return `Error from server (NotFound): deployments.apps "${target(rest) ?? ''}" not found`
      if (sub === 'undo') return outcome(dispatch({ type: 'rolloutUndo', appId: app.id }), `deployment.apps/${app.name} rolled back`)
      if (sub === 'pause' || sub === 'resume') return outcome(dispatch({ type: 'rolloutPause', appId: app.id, paused: sub === 'pause' }), `deployment.apps/${app.name} ${sub}d`)
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
      if (args[0] !== 'image') return 'error: only "kubectl set image" is supported'
      const app = appByName(world, target(args.slice(1)))
      const assignment = args.slice(1).find((a) => a.includes('='))
      if (!app || !assignment) return 'error: usage: kubectl set image deployment/NAME NAME=IMAGE:TAG'
      const ref = assignment.split('=')[1]!
      const image = Object.values(world.images).find((i) => i.ref === ref)
      if (!image) return `error: image ${ref} is not built yet (known: ${Object.values(world.images).map((i) => i.ref).join(', ')})`
      return outcome(dispatch({ type: 'setImage', appId: app.id, imageId: image.id }), `deployment.apps/${app.name} image updated`)
    }
    case 'autoscale': {
      const app = appByName(world, target(args))
      if (!app) return `Error from server (NotFound): deployments.apps "${target(args) ?? ''}" not found`
      const max = Number(flag(args, 'max'))
      const min = Number(flag(args, 'min') ?? 1)
      const cpu = Number(flag(args, 'cpu-percent') ?? 80)
      if (!app.managed) dispatch({ type: 'setManaged', appId: app.id, managed: true })
      return outcome(dispatch({ type: 'setHpa', appId: app.id, minReplicas: min, maxReplicas: max, targetCpuPercent: cpu }), `horizontalpodautoscaler.autoscaling/${app.name} autoscaled`)
    }
    case 'cordon':
    case 'uncordon':
    case 'drain': {
      const host = hostByName(world, args.find((a) => !a.startsWith('-')))
      if (!host) return `Error from server (NotFound): nodes "${args[0] ?? ''}" not found`
      const cmd: Command = verb === 'drain' ? { type: 'drain', hostId: host.id } : { type: 'cordon', hostId: host.id, unschedulable: verb === 'cordon' }
      return outcome(dispatch(cmd), verb === 'drain' ? `node/${host.name} cordoned\nevicting pods from node/${host.name} (respecting PodDisruptionBudgets)...` : `node/${host.name} ${verb}ed`)
    }
    case 'delete': {
      const name = target(args)
      const pod = Object.values(world.containers).find((c) => c.name === name || c.id === name)
      if (args[0]?.startsWith('pod') !== true || !pod) return `Error from server (NotFound): pods "${name ?? ''}" not found`
      return outcome(dispatch({ type: 'removeContainer', containerId: pod.id }), `pod "${pod.name}" deleted`)
    }
    case 'apply':
      return 'Paste YAML into the box below the console and press "Apply".'
    default:
      return `error: unknown command "${verb}" for "kubectl"\nRun 'kubectl help' for usage.`
  }
}

function get(world: World, args: string[]): string {
  const what = args[0] ?? ''
  if (/^(po|pods?)$/.test(what)) {
    const pods = Object.values(world.containers)
    if (pods.length === 0) return 'No resources found in default namespace.'
    return table([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE'], ...pods.slice(0, 200).map((c) => [c.name, c.state === 'running' ? '1/1' : '0/1', podStatus(c), String(c.restarts), age(world, c.stateSinceMs), nodeName(world, c)])]) + (pods.length > 200 ? `\n... and ${pods.length - 200} more` : '')
  }
  if (/^(deploy|deployments?)$/.test(what)) {
    const apps = Object.values(world.apps).filter((a) => a.managed)
    if (apps.length === 0) return 'No resources found in default namespace.'
    return table([['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE'], ...apps.map((a) => {
      const pods = Object.values(world.containers).filter((c) => c.appId === a.id)
      return [a.name, `${a.readyReplicas}/${a.replicas}`, String(pods.filter((c) => c.imageId === a.imageId).length), String(a.readyReplicas)]
    })])
  }
  if (/^(no|nodes?)$/.test(what)) {
    const rows = Object.values(world.hosts).map((h) => [h.name, h.condition + (h.unschedulable ? ',SchedulingDisabled' : ''), 'worker', age(world, 0), 'v1.32'])
    const vms = Object.values(world.vms).map((v) => [v.name, v.state === 'running' ? 'Ready' : 'NotReady', `vm (${v.os})`, age(world, v.stateSinceMs), 'v1.32'])
    return table([['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ...rows, ...vms])
  }
  if (/^(svc|services?)$/.test(what)) {
    return table([['NAME', 'TYPE', 'ENDPOINTS', 'PORT(S)'], ...Object.values(world.apps).map((a) => [a.name, 'ClusterIP', `${a.readyReplicas} ready`, '80/TCP'])])
  }
  if (/^(hpa|horizontalpodautoscalers?)$/.test(what)) {
    const apps = Object.values(world.apps).filter((a) => a.hpa)
    if (apps.length === 0) return 'No resources found in default namespace.'
    return table([['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS'], ...apps.map((a) => [a.name, `Deployment/${a.name}`, `cpu: ${Math.round(a.cpuPercent)}%/${a.hpa!.targetCpuPercent}%`, String(a.hpa!.minReplicas), String(a.hpa!.maxReplicas), String(a.replicas)])])
  }
  return `error: the server doesn't have a resource type "${what}"`
}

function describe(world: World, args: string[]): string {
  const [kind, name] = args
  const events = (id: string) => world.events.filter((e) => e.subjects.includes(id)).slice(-8).map((e) => `  ${formatTime(e.atMs).padEnd(6)} ${e.technical}`).join('\n') || '  <none>'
  if (kind?.startsWith('po')) {
    const c = Object.values(world.containers).find((x) => x.name === name || x.id === name)
    if (!c) return `Error from server (NotFound): pods "${name ?? ''}" not found`
    const image = world.images[c.imageId]
    return [`Name:         ${c.name}`, `Node:         ${nodeName(world, c)}`, `Status:       ${podStatus(c)}`, `Reason:       ${c.reason || '<none>'}`, `Image:        ${image?.ref}`, `Requests:     cpu: ${formatCpu(c.cpuRequestMilli)}, memory: ${formatMem(c.memRequestMiB)}`, `Restart Count: ${c.restarts}`, `State (game): ${CONTAINER_STATE_LABELS[c.state].metaphor}`, 'Events:', events(c.id)].join('\n')
  }
  if (kind?.startsWith('no')) {
    const h = hostByName(world, name)
    if (h) {
      const cap = hostCapacity(h)
      return [`Name:          ${h.name}`, `Zone:          ${h.zone}`, `Condition:     ${h.condition}`, `Unschedulable: ${h.unschedulable}`, `Capacity:      cpu: ${h.cores}, memory: ${formatMem(h.memMiB)}, pods: 110`, `Allocated:     cpu: ${formatCpu(h.alloc.cpuMilli)} of ${formatCpu(cap.cpuMilli)}, memory: ${formatMem(h.alloc.memMiB)} of ${formatMem(cap.memMiB)}, pods: ${h.alloc.pods}`, 'Events:', events(h.id)].join('\n')
    }
    const vm = Object.values(world.vms).find((v) => v.name === name || v.id === name)
    if (!vm) return `Error from server (NotFound): nodes "${name ?? ''}" not found`
    const cap = vmCapacity(vm)
    return [`Name:       ${vm.name} (virtual machine on ${world.hosts[vm.hostId]?.name})`, `OS:         ${vm.os}`, `State:      ${vm.state}`, `Allocated:  cpu: ${formatCpu(vm.alloc.cpuMilli)} of ${formatCpu(cap.cpuMilli)}, memory: ${formatMem(vm.alloc.memMiB)} of ${formatMem(cap.memMiB)}`, 'Events:', events(vm.id)].join('\n')
  }
  if (kind?.startsWith('deploy')) {
    const a = appByName(world, name)
    if (!a) return `Error from server (NotFound): deployments.apps "${name ?? ''}" not found`
    return [`Name:         ${a.name}`, `Replicas:     ${a.replicas} desired | ${a.readyReplicas} available`, `StrategyType: RollingUpdate (25% max unavailable, 25% max surge)`, `Image:        ${world.images[a.imageId]?.ref}`, `Revision:     ${a.revision}`, 'Events:', events(a.id)].join('\n')
  }
  return `error: describe pod|node|deployment NAME`
}

function top(world: World, args: string[]): string {
  if (args[0]?.startsWith('no')) {
    return table([['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%'], ...Object.values(world.hosts).map((h) => {
      const cap = hostCapacity(h)
      return [h.name, formatCpu(h.alloc.cpuMilli), `${Math.round((h.alloc.cpuMilli / cap.cpuMilli) * 100)}%`, formatMem(h.alloc.memMiB), `${Math.round((h.alloc.memMiB / cap.memMiB) * 100)}%`]
    })])
  }
  const pods = Object.values(world.containers).filter((c) => c.state === 'running')
  return table([['NAME', 'CPU(cores)', 'MEMORY(bytes)'], ...pods.slice(0, 200).map((c) => {
    const app = world.apps[c.appId]
    return [c.name, formatCpu(Math.round((c.cpuRequestMilli * (app?.cpuPercent ?? 0)) / 100)), formatMem(c.memRequestMiB)]
  })])
}
