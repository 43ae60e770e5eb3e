/**
 * The cluster autoscaler form as data (AutoscalerForm.tsx draws it): its defaults from the level
 * and the street, and its status line from the world. Pure, no React.
 */
import { CLUSTER_AUTOSCALER, eventText, HOST_SYSTEM_RESERVED_MIB, hourlyCost, scaledDelay, TO_BE_DELETED_TAINT } from '../../sim'
import type { AutoscalerConfig, Host, SimEvent, Vocabulary, World } from '../../sim'
import { hostList } from '../../sim/containerIndex'

/** A house when the street has none to copy: 4 cores, 8 GiB, $1/h (the size the levels use). */
const FALLBACK_TEMPLATE = { cores: 4, memMiB: 8192, costPerHour: 1 }
/** The schema's ceiling on maxHosts. */
const MAX_HOSTS = 1000

/** The street's zones in use, sorted ("a" when it has no houses). */
export function zonesInUse(world: World): string[] {
  const zones = streetZones(world)
  return zones.length > 0 ? zones : ['a']
}

const zonesByList = new WeakMap<readonly Host[], string[]>()

/**
 * The zones of the street's houses, sorted: kept per list of houses (sim/containerIndex.ts hostList, rebuilt only when a
 * house changes), so the HUD does not gather them from 5,000 houses on every batch.
 */
export function streetZones(world: World): string[] {
  const list = hostList(world)
  let zones = zonesByList.get(list)
  if (!zones) zonesByList.set(list, (zones = [...new Set(list.map((h) => h.zone))].sort()))
  return zones
}

/**
 * The form's first values: a house like the most common one on the street, in the zones in use;
 * the budget the level sets (the sandbox: twice today's cost, at least one more house); the fewest
 * houses today's count, the most as many as the budget pays for. The autoscaler itself refuses a
 * house over budget, so the maximum only caps it further.
 */
export function autoscalerDefaults(world: World, levelBudgetPerHour: number | undefined): AutoscalerConfig {
  if (world.autoscaler) {
    const a = world.autoscaler
    return {
      minHosts: a.minHosts,
      maxHosts: a.maxHosts,
      budgetPerHour: a.budgetPerHour,
      template: { ...a.template, zones: [...a.template.zones] },
    }
  }
  const hosts = Object.values(world.hosts)
  const shapes = new Map<string, { n: number; h: Pick<Host, 'cores' | 'memMiB' | 'costPerHour'> }>()
  for (const h of hosts) {
    const k = `${h.cores}/${h.memMiB}/${h.costPerHour}`
    const s = shapes.get(k)
    if (s) s.n++
    else shapes.set(k, { n: 1, h })
  }
  let best = FALLBACK_TEMPLATE
  let most = 0
  for (const s of shapes.values()) {
    if (s.n > most) {
      most = s.n
      best = { cores: s.h.cores, memMiB: s.h.memMiB, costPerHour: s.h.costPerHour }
    }
  }
  const now = hourlyCost(world)
  const budget = levelBudgetPerHour ?? Math.max(now * 2, now + best.costPerHour)
  const affordable = best.costPerHour > 0 ? Math.max(0, Math.floor((budget - now) / best.costPerHour + 1e-9)) : hosts.length
  const minHosts = hosts.length
  const maxHosts = Math.min(MAX_HOSTS, Math.max(1, minHosts, minHosts + affordable))
  return { minHosts, maxHosts, budgetPerHour: budget, template: { ...best, zones: zonesInUse(world) } }
}

/** What is wrong with a form's values before it is sent (the simulation checks again); null if fine. */
export function checkConfig(c: AutoscalerConfig): { metaphor: string; technical: string } | null {
  if (!Number.isInteger(c.minHosts) || c.minHosts < 0)
    return { metaphor: 'The fewest houses must be a whole number, 0 or more.', technical: 'minHosts must be an integer ≥ 0' }
  if (!Number.isInteger(c.maxHosts) || c.maxHosts < Math.max(1, c.minHosts) || c.maxHosts > MAX_HOSTS)
    return {
      metaphor: `The most houses must be between the fewest and ${MAX_HOSTS}.`,
      technical: `maxHosts must be an integer in [max(1, minHosts), ${MAX_HOSTS}]`,
    }
  if (!(c.budgetPerHour >= 0)) return { metaphor: 'The budget cannot be negative.', technical: 'budgetPerHour must be ≥ 0' }
  if (!Number.isInteger(c.template.cores) || c.template.cores < 1)
    return { metaphor: 'A house needs at least one worker.', technical: 'template.cores must be an integer ≥ 1' }
  if (!(c.template.memMiB > HOST_SYSTEM_RESERVED_MIB.value))
    return {
      metaphor: `A house needs more than ${HOST_SYSTEM_RESERVED_MIB.value} MiB (its own system takes that).`,
      technical: `template.memMiB must exceed ${HOST_SYSTEM_RESERVED_MIB.value}`,
    }
  if (!(c.template.costPerHour >= 0))
    return { metaphor: 'A house cannot cost less than nothing.', technical: 'template.costPerHour must be ≥ 0' }
  if (c.template.zones.length === 0)
    return { metaphor: 'Pick at least one district to build in.', technical: 'template.zones must list at least one zone' }
  return null
}

export interface AutoscalerStatus {
  on: boolean
  /** Houses it bought that stand ready (or are being sold). */
  bought: number
  /** Houses on order, with whole seconds until each is ready. */
  onOrder: { name: string; secondsLeft: number }[]
  /** Houses it is emptying to sell. */
  selling: number
  /** Its last "did not buy" line, if any since it was last configured. */
  lastRefusal: SimEvent | null
}

/** The autoscaler's lines carry this subject (systems/autoscaler.ts). */
const SUBJECT = 'cluster-autoscaler'

export function autoscalerStatus(world: World): AutoscalerStatus {
  const ca = world.autoscaler
  if (!ca) return { on: false, bought: 0, onOrder: [], selling: 0, lastRefusal: null }
  const wait = scaledDelay(world, CLUSTER_AUTOSCALER.provisionMs)
  const onOrder: AutoscalerStatus['onOrder'] = []
  let bought = 0
  let selling = 0
  for (const id of ca.boughtHostIds) {
    const h = world.hosts[id]
    if (!h) continue
    // On order = powered off since it was bought (autoscaler.ts isProvisioning).
    if (h.power === 'off')
      onOrder.push({ name: h.name, secondsLeft: Math.max(0, Math.ceil((h.powerSinceMs + wait - world.timeMs) / 1000)) })
    else {
      bought++
      if (h.taints.some((t) => t.key === TO_BE_DELETED_TAINT)) selling++
    }
  }
  let lastRefusal: SimEvent | null = null
  for (let i = world.events.length - 1; i >= 0; i--) {
    const e = world.events[i]!
    // Stop at its configuration: an older refusal was about other settings.
    if (e.id === 'manager.clusterAutoscalerConfigured') break
    if (e.subjects.includes(SUBJECT) && e.id.startsWith('autoscaler.notTriggerScaleUp')) {
      lastRefusal = e
      break
    }
  }
  return { on: true, bought, onOrder, selling, lastRefusal }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The status line in the player's vocabulary. */
export function statusText(s: AutoscalerStatus, vocab: Vocabulary, clock: (ms: number) => string): string {
  const m = vocab === 'metaphor'
  if (!s.on) return m ? 'No estate agent: nobody buys houses when rooms wait for space.' : 'Cluster autoscaler off.'
  const parts = [m ? `Bought ${plural(s.bought, 'house', 'houses')}` : `${plural(s.bought, 'node', 'nodes')} added`]
  if (s.onOrder.length > 0) {
    const list = s.onOrder.map((o) => `${o.name} in ${o.secondsLeft} s`).join(', ')
    parts.push(m ? `${s.onOrder.length} on order (${list})` : `${s.onOrder.length} provisioning (${list})`)
  } else parts.push(m ? 'none on order' : 'none provisioning')
  if (s.selling > 0) parts.push(m ? `${s.selling} being emptied to sell` : `${s.selling} scaling down`)
  let text = `${parts.join('; ')}.`
  if (s.lastRefusal)
    text +=
      ` ${m ? 'Last time it did not buy' : 'Last NotTriggerScaleUp'} (${clock(s.lastRefusal.atMs)}): ` +
      `${eventText(s.lastRefusal, vocab)}`
  return text
}
