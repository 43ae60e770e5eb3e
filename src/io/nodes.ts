/**
 * Nodes as kubectl and the inspector see them: every house and apartment with its labels (the
 * well-known ones derived, the player's own) and taints; parsing of `key=value:Effect` taints,
 * `k=v` labels and `-l` selectors. Pure and light (no schema library), so the inspector can use it.
 */
import { nodeLabels, WELL_KNOWN_LABELS } from '../sim'
import type { NodeCondition, Placement, Taint, TaintEffect, Toleration, World } from '../sim'

export const TAINT_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

export { WELL_KNOWN_LABELS } from '../sim'
const DERIVED = new Set<string>(WELL_KNOWN_LABELS)

export interface NodeInfo {
  name: string
  kind: 'host' | 'vm'
  id: string
  placement: Placement
  /** Derived well-known labels merged with the player's (the player cannot override derived ones). */
  labels: Record<string, string>
  /** Only the player's labels. */
  own: Record<string, string>
  taints: Taint[]
  /**
   * The control plane's view (FIDELITY.md "Node failure detection"), the one kubectl, the inspector and the
   * manager all read: a dead node stays Ready until the grace period has passed, then reads Unknown.
   */
  condition: NodeCondition
  ready: boolean
  unschedulable: boolean
}

/** kubernetes.io/hostname, topology.kubernetes.io/zone and kubernetes.io/os: the sim's derivation, without the player's. */
export function derivedLabels(world: World, placement: Placement): Record<string, string> {
  const all = nodeLabels(world, placement)
  return Object.fromEntries(Object.entries(all).filter(([k]) => DERIVED.has(k)))
}

export const isDerivedLabel = (key: string): boolean => DERIVED.has(key)

export function nodeInfo(world: World, placement: Placement): NodeInfo | null {
  if (placement.kind === 'host') {
    const h = world.hosts[placement.hostId]
    if (!h) return null
    return {
      name: h.name,
      kind: 'host',
      id: h.id,
      placement,
      labels: nodeLabels(world, placement),
      own: h.labels,
      taints: h.taints,
      condition: h.condition,
      ready: h.condition === 'Ready',
      unschedulable: h.unschedulable,
    }
  }
  const vm = world.vms[placement.vmId]
  if (!vm) return null
  return {
    name: vm.name,
    kind: 'vm',
    id: vm.id,
    placement,
    labels: nodeLabels(world, placement),
    own: vm.labels,
    taints: vm.taints,
    condition: vm.condition,
    ready: vm.condition === 'Ready',
    unschedulable: false,
  }
}

/** Every house, then every apartment. */
export function allNodes(world: World): NodeInfo[] {
  const out: NodeInfo[] = []
  for (const id in world.hosts) out.push(nodeInfo(world, { kind: 'host', hostId: id })!)
  for (const id in world.vms) out.push(nodeInfo(world, { kind: 'vm', vmId: id })!)
  return out
}

export function findNode(world: World, name: string | undefined): NodeInfo | null {
  if (name === undefined) return null
  const bare = name.replace(/^(nodes?|no)\//, '')
  return allNodes(world).find((n) => n.name === bare || n.id === bare) ?? null
}

/** Labels as kubectl --show-labels prints them: sorted, `k=v` joined by commas. */
export const formatLabels = (labels: Record<string, string>): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',') || '<none>'

/** A taint as kubectl prints it: `key=value:Effect`, or `key:Effect` without a value. */
export const formatTaint = (t: Taint): string => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`

/** kubectl describe's toleration format: `key=value:Effect`, ` op=Exists`, ` for 300s`. */
export function formatToleration(t: Toleration & { seconds?: number }): string {
  let s = t.key
  if (t.value) s += `=${t.value}`
  if (t.effect) s += `:${t.effect}`
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
  if (t.seconds !== undefined) s += ` for ${t.seconds}s`
  return s
}

// ---- Validation, as the API server does it (apimachinery validation.IsQualifiedName / IsValidLabelValue).

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** Null when the key is a valid qualified name (`[prefix/]name`), else why not. */
export function checkKey(key: string): string | null {
  const parts = key.split('/')
  const name = parts.length === 2 ? parts[1]! : parts[0]!
  if (parts.length > 2 || (parts.length === 2 && (!parts[0] || parts[0].length > 253 || !DNS_SUBDOMAIN.test(parts[0]))))
    return (
      `invalid label key "${key}": a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional ` +
      `DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
    )
  if (!name || name.length > 63 || !NAME.test(name))
    return (
      `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end ` +
      `with an alphanumeric character (63 characters at most)`
    )
  return null
}

export function checkValue(value: string): string | null {
  if (value === '') return null
  if (value.length > 63 || !NAME.test(value))
    return (
      `invalid label value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or ` +
      `'.', and must start and end with an alphanumeric character`
    )
  return null
}

export type TaintArg = { op: 'add'; taint: Taint } | { op: 'remove'; key: string; effect: TaintEffect | null }

/** Parse one taint argument of `kubectl taint`: `k=v:Effect`, `k:Effect`, `k=v:Effect-`, `k:Effect-`, `k-`. */
export function parseTaintArg(arg: string): TaintArg | { op: 'error'; message: string } {
  const remove = arg.endsWith('-')
  const body = remove ? arg.slice(0, -1) : arg
  const colon = body.lastIndexOf(':')
  const effectText = colon >= 0 ? body.slice(colon + 1) : ''
  const kv = colon >= 0 ? body.slice(0, colon) : body
  const eq = kv.indexOf('=')
  const key = eq >= 0 ? kv.slice(0, eq) : kv
  const value = eq >= 0 ? kv.slice(eq + 1) : ''
  const bad = checkKey(key) ?? checkValue(value)
  if (bad) return { op: 'error', message: bad.replace('label', 'taint') }
  if (colon < 0) {
    if (remove) return { op: 'remove', key, effect: null }
    return {
      op: 'error',
      message: `invalid taint spec: ${arg}, unknown taint effect: the taint needs an effect (NoSchedule, PreferNoSchedule or NoExecute)`,
    }
  }
  if (!(TAINT_EFFECTS as readonly string[]).includes(effectText))
    return { op: 'error', message: `invalid taint effect: ${effectText}, unsupported taint effect` }
  const effect = effectText as TaintEffect
  return remove ? { op: 'remove', key, effect } : { op: 'add', taint: { key, value, effect } }
}

/**
 * Apply taint arguments to a node's taints, as `kubectl taint` does: adding a taint whose key and
 * effect are already there needs --overwrite; removing one that is not there is an error.
 */
export function applyTaintArgs(
  node: Pick<NodeInfo, 'name' | 'taints'>,
  args: TaintArg[],
  overwrite: boolean,
): { ok: true; taints: Taint[]; removed: boolean } | { ok: false; message: string } {
  let taints = [...node.taints]
  let removed = false
  for (const a of args) {
    if (a.op === 'add') {
      const same = taints.findIndex((t) => t.key === a.taint.key && t.effect === a.taint.effect)
      if (same >= 0 && !overwrite)
        return { ok: false, message: `node ${node.name} already has ${a.taint.key} taint(s) with same effect(s) and --overwrite is false` }
      if (same >= 0) taints[same] = a.taint
      else taints.push(a.taint)
    } else {
      const keep = taints.filter((t) => !(t.key === a.key && (a.effect === null || t.effect === a.effect)))
      if (keep.length === taints.length) return { ok: false, message: `taint "${a.key}${a.effect ? `:${a.effect}` : ''}" not found` }
      taints = keep
      removed = true
    }
  }
  return { ok: true, taints, removed }
}

export type LabelArg = { op: 'set'; key: string; value: string } | { op: 'remove'; key: string }

/** Parse one argument of `kubectl label`: `k=v` or `k-`. */
export function parseLabelArg(arg: string): LabelArg | { op: 'error'; message: string } {
  if (arg.endsWith('-') && !arg.includes('=')) {
    const key = arg.slice(0, -1)
    return checkKey(key) ? { op: 'error', message: checkKey(key)! } : { op: 'remove', key }
  }
  const eq = arg.indexOf('=')
  if (eq < 0) return { op: 'error', message: `at least one label update is required (key=value or key-), got "${arg}"` }
  const key = arg.slice(0, eq)
  const value = arg.slice(eq + 1)
  const bad = checkKey(key) ?? checkValue(value)
  return bad ? { op: 'error', message: bad } : { op: 'set', key, value }
}

// ---- Label selectors (equality-based and existence: `app=web,tier!=db,canary,!legacy`).

export type Requirement = { key: string; op: '=' | '!=' | 'exists' | '!exists'; value: string }

export function parseSelector(text: string): Requirement[] | { error: string } {
  const out: Requirement[] = []
  for (const raw of text.split(',')) {
    const part = raw.trim()
    if (!part) continue
    const m = /^(!?)([^=!]+?)\s*(?:(==|=|!=)\s*(.*))?$/.exec(part)
    if (!m || (m[1] && m[3])) return { error: `unable to parse requirement: "${part}"` }
    const key = m[2]!
    if (checkKey(key)) return { error: `unable to parse requirement: ${checkKey(key)}` }
    if (!m[3]) out.push({ key, op: m[1] ? '!exists' : 'exists', value: '' })
    else out.push({ key, op: m[3] === '!=' ? '!=' : '=', value: m[4] ?? '' })
  }
  return out
}

export function matchesSelector(labels: Record<string, string>, reqs: Requirement[]): boolean {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key)
    switch (r.op) {
      case '=':
        return has && labels[r.key] === r.value
      case '!=':
        return !has || labels[r.key] !== r.value
      case 'exists':
        return has
      case '!exists':
        return !has
    }
  })
}
