/**
 * Commands that steer where the scheduler puts pods: node labels and taints, tolerations, node
 * affinity, pod anti-affinity, topology spread, priority classes (kubernetes.io "Assigning Pods
 * to Nodes", "Taints and Tolerations", "Pod Topology Spread Constraints", "Pod Priority and
 * Preemption"). Setting a NoExecute taint evicts the pods on the node that do not tolerate it, as
 * the taint manager does (tolerationSeconds is not modelled: they go at once).
 *
 * Simplification: changing an app's rules does not roll its pods; pods placed from now on follow
 * them (a real Deployment would replace its pods with a rollout).
 */
import { containerList } from '../containerIndex'
import { deleteContainer } from '../containers'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { WELL_KNOWN_LABELS } from '../nodeLabels'
import { tolerated } from '../matching'
import type { NodeSelectorRequirement, Placement, Taint, World } from '../types'
import type { Result } from '../result'
import type { HandlerTable } from './handler'
import type { PlacementCommand } from '../types'

/** Largest value a user's PriorityClass may have (higher ones are reserved for system classes). */
const MAX_USER_PRIORITY = 1_000_000_000
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

interface NodeRef {
  name: string
  id: string
  noun: 'house' | 'apartment'
  labels: Record<string, string>
  taints: Taint[]
  set: (patch: { labels?: Record<string, string>; taints?: Taint[] }) => void
}

function nodeRef(world: World, target: Placement): NodeRef | null {
  if (target.kind === 'host') {
    const h = world.hosts[target.hostId]
    return h ? { name: h.name, id: h.id, noun: 'house', labels: h.labels, taints: h.taints, set: (p) => Object.assign(h, p) } : null
  }
  const vm = world.vms[target.vmId]
  return vm ? { name: vm.name, id: vm.id, noun: 'apartment', labels: vm.labels, taints: vm.taints, set: (p) => Object.assign(vm, p) } : null
}

const taintText = (t: Taint): string => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
const labelText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '(none)'
const reqText = (r: NodeSelectorRequirement): string => `${r.key} ${r.operator}${r.values.length ? ` (${r.values.join(', ')})` : ''}`

/** The same requirement in the house vocabulary: "the nameplate says dedicated is report". */
function reqWords(r: NodeSelectorRequirement): string {
  const vals = r.values.join(' or ')
  switch (r.operator) {
    case 'In':
      return `the nameplate says ${r.key} is ${vals}`
    case 'NotIn':
      return `the nameplate does not say ${r.key} is ${vals}`
    case 'Exists':
      return `the nameplate has ${r.key}`
    case 'DoesNotExist':
      return `the nameplate has no ${r.key}`
  }
}

function checkRequirements(reqs: readonly NodeSelectorRequirement[]): Result {
  for (const r of reqs) {
    if (!r.key) return refuse(say('placement.refused.nodeSelectorRequirementNeeds'))
    if ((r.operator === 'In' || r.operator === 'NotIn') && r.values.length === 0)
      return refuse(
        say('placement.refused.valuesMustBeNon', {
          key: r.key,
          operator: r.operator === 'In' ? 'is one of' : 'is none of',
          rOperator: r.operator,
        }),
      )
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && r.values.length > 0)
      return refuse(
        say('placement.refused.valuesMustBeEmpty', {
          key: r.key,
          operator: r.operator === 'Exists' ? 'is present' : 'is absent',
          rOperator: r.operator,
        }),
      )
  }
  return { ok: true }
}

/** The taint manager: a NoExecute taint evicts the pods on the node that do not tolerate it. */
function evictUntolerating(world: World, ref: NodeRef, target: Placement): number {
  const noExecute = ref.taints.filter((t) => t.effect === 'NoExecute')
  if (noExecute.length === 0) return 0
  const victims = containerList(world).filter((c) => {
    if (!c.placement || c.state === 'terminated') return false
    const on =
      target.kind === 'host'
        ? c.placement.kind === 'host' && c.placement.hostId === ref.id
        : c.placement.kind === 'vm' && c.placement.vmId === ref.id
    if (!on) return false
    const tolerations = world.apps[c.appId]?.tolerations ?? []
    return noExecute.some((t) => !tolerated(tolerations, t))
  })
  for (const c of victims) {
    const taint = noExecute.find((t) => !tolerated(world.apps[c.appId]?.tolerations ?? [], t))!
    logEvent(
      world,
      'warn',
      say('placement.taintEviction', {
        apps: world.apps[c.appId]?.name ?? '?',
        noun: ref.noun,
        ref: ref.name,
        managed: c.managed ? '; the building manager will set it up elsewhere' : ' for good (nobody manages it)',
        room: c.name,
        taintText: taintText(taint),
      }),
      [c.id, c.appId, ref.id],
    )
    deleteContainer(world, c)
  }
  return victims.length
}

export const placementHandlers = {
  setNodeLabels(world, command) {
    const ref = nodeRef(world, command.target)
    if (!ref) return notFound('node')
    const reserved = Object.keys(command.labels).find((k) => WELL_KNOWN_LABELS.includes(k))
    if (reserved) return refuse(say('placement.refused.labelIsSetBy', { reserved }))
    ref.set({ labels: { ...command.labels } })
    logEvent(
      world,
      'info',
      say('placement.labeled', {
        noun: ref.noun === 'house' ? 'House' : 'Apartment',
        ref: ref.name,
        labelText: labelText(command.labels),
      }),
      [ref.id],
    )
    return { ok: true }
  },
  setTaints(world, command) {
    const ref = nodeRef(world, command.target)
    if (!ref) return notFound('node')
    for (const t of command.taints) {
      if (!t.key) return refuse(say('placement.refused.taintKeyMustNot'))
      if (!EFFECTS.includes(t.effect)) return refuse(say('placement.refused.taintEffectMustBe', { EFFECTS: EFFECTS.join(', ') }))
    }
    const seen = new Set(command.taints.map((t) => `${t.key}:${t.effect}`))
    if (seen.size !== command.taints.length) return refuse(say('placement.refused.duplicateTaintKeyAnd'))
    const taints = command.taints.map((t) => ({ ...t }))
    ref.set({ taints })
    ref.taints = taints
    const text = command.taints.map(taintText).join(', ') || '(none)'
    logEvent(world, 'info', say('placement.taints', { house: ref.noun === 'house', node: ref.name, count: command.taints.length, text }), [
      ref.id,
    ])
    evictUntolerating(world, ref, command.target)
    return { ok: true }
  },
  setTolerations(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    for (const t of command.tolerations) {
      if (t.operator === 'Exists' && t.value) return refuse(say('placement.refused.tolerationValueMustBe'))
      if (!t.key && t.operator !== 'Exists') return refuse(say('placement.refused.tolerationWithAnEmpty'))
      if (t.effect !== undefined && !EFFECTS.includes(t.effect))
        return refuse(say('placement.refused.tolerationEffectMustBe', { EFFECTS: EFFECTS.join(', ') }))
    }
    app.tolerations = command.tolerations.map((t) => ({ ...t }))
    const text =
      app.tolerations
        .map((t) => `${t.key || '*'}${t.operator === 'Exists' ? ' exists' : `=${t.value ?? ''}`}${t.effect ? `:${t.effect}` : ''}`)
        .join(', ') || '(none)'
    logEvent(
      world,
      'info',
      say('placement.tolerations', {
        app: app.name,
        tolerations: app.tolerations.length ? `passes for: ${text}` : 'no passes',
        text,
      }),
      [app.id],
    )
    return { ok: true }
  },
  setNodeAffinity(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const { required, preferred } = command.affinity
    const r = checkRequirements([...required, ...preferred.flatMap((p) => p.match)])
    if (!r.ok) return r
    for (const p of preferred) {
      if (!(Number.isInteger(p.weight) && p.weight >= 1 && p.weight <= 100)) return refuse(say('placement.refused.preferredTermWeightMust'))
      if (p.match.length === 0) return refuse(say('placement.refused.preferredTermNeedsAt'))
    }
    app.nodeAffinity = {
      required: required.map((q) => ({ ...q, values: [...q.values] })),
      preferred: preferred.map((p) => ({ weight: p.weight, match: p.match.map((q) => ({ ...q, values: [...q.values] })) })),
    }
    const must = required.map(reqWords).join(' and ')
    const wish = preferred.map((p) => `${p.match.map(reqWords).join(' and ')} (weight ${p.weight})`).join('; ')
    const wishTech = preferred.map((p) => `${p.match.map(reqText).join(' and ')} (weight ${p.weight})`).join('; ')
    logEvent(
      world,
      'info',
      say('placement.nodeAffinity', {
        app: app.name,
        required: required.length ? `where ${must}` : 'anywhere',
        wish: wish ? `, and would rather live where ${wish}` : '',
        required2: required.map(reqText).join(', '),
        wishTech,
      }),
      [app.id],
    )
    return { ok: true }
  },
  setPodAntiAffinity(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const a = command.antiAffinity
    if (a && !a.topologyKey) return refuse(say('placement.refused.topologykeyMustNotBe'))
    app.podAntiAffinity = a ? { ...a } : null
    const rule = a ? { topologyKey: a.topologyKey, required: a.required } : { topologyKey: null, required: false }
    logEvent(world, 'info', say('placement.antiAffinity', { app: app.name, set: !!a, ...rule }), [app.id])
    return { ok: true }
  },
  setTopologySpread(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const s = command.spread
    if (s) {
      if (!(Number.isInteger(s.maxSkew) && s.maxSkew >= 1)) return refuse(say('placement.refused.maxskewMustBeAn'))
      if (!s.topologyKey) return refuse(say('placement.refused.topologykeyMustNotBe2'))
      if (s.whenUnsatisfiable !== 'DoNotSchedule' && s.whenUnsatisfiable !== 'ScheduleAnyway')
        return refuse(say('placement.refused.whenunsatisfiableMustBeDonotschedule'))
    }
    app.topologySpread = s ? { ...s } : null
    const spread = s ? { maxSkew: s.maxSkew, topologyKey: s.topologyKey, whenUnsatisfiable: s.whenUnsatisfiable } : null
    logEvent(
      world,
      'info',
      say('placement.spread', { app: app.name, set: !!s, maxSkew: null, topologyKey: null, whenUnsatisfiable: null, ...spread }),
      [app.id],
    )
    return { ok: true }
  },
  addPriorityClass(world, command) {
    if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(command.name))
      return refuse(say('placement.refused.invalidPriorityclassName', { name: command.name }))
    if (command.name in world.priorityClasses) return refuse(say('placement.refused.priorityclassesSchedulingKS', { name: command.name }))
    if (!(Number.isInteger(command.value) && command.value >= -2_147_483_648 && command.value <= MAX_USER_PRIORITY))
      return refuse(say('placement.refused.valueMustBeAn', { MAX_USER_PRIORITY }))
    world.priorityClasses[command.name] = command.value
    logEvent(world, 'info', say('placement.priorityClassCreated', { name: command.name, value: command.value }))
    return { ok: true }
  },
  setPriorityClass(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (command.name !== '' && !(command.name in world.priorityClasses))
      return refuse(say('placement.refused.noPriorityclassWithName', { name: command.name }))
    app.priorityClassName = command.name
    const value = command.name ? world.priorityClasses[command.name]! : 0
    // A pod's priority is fixed when it is made; rooms still waiting for a place are remade with the new rank.
    for (const c of containerList(world)) if (c.appId === app.id && c.placement === null && c.state === 'pending') c.priority = value
    logEvent(
      world,
      'info',
      say('placement.priorityClassSet', {
        app: app.name,
        name: command.name || 'ordinary',
        value,
        name2: command.name || '(none)',
      }),
      [app.id],
    )
    return { ok: true }
  },
} satisfies HandlerTable<PlacementCommand>
