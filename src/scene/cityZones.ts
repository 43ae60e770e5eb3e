/**
 * Failure domains at a glance: each zone's houses counted by what needs a look (down, cordoned,
 * under pressure), for the zone's name plate and the overview map. Pure: no three.js or React.
 */
import { hostCapacity } from '../sim/capacity'
import type { Lang } from '../sim/labels'
import type { Host, World } from '../sim/types'
import type { SceneLayout } from './layout'

/** From this many houses the street is drawn as a city (the benchmark's M has 500, S has 10). */
export const CITY_MIN_HOUSES = 200

/** A house this full by its requests (CPU or memory) is under pressure: the scheduler has little room left on it. */
export const PRESSURE_SHARE = 0.9

/** How full a house is by its requests (0–1): CPU or memory, whichever is fuller. */
export function requestedShare(h: Host): number {
  const cap = hostCapacity(h)
  const cpu = cap.cpuMilli > 0 ? h.alloc.cpuMilli / cap.cpuMilli : 0
  const mem = cap.memMiB > 0 ? h.alloc.memMiB / cap.memMiB : 0
  return Math.max(0, Math.min(1, Math.max(cpu, mem)))
}

export type HouseMark = 'down' | 'cordoned' | 'pressure' | null

/** What a house's mark says, the worst first: down, then cordoned, then under pressure (nearly full, or swapping). */
export function houseMark(h: Host | undefined): HouseMark {
  if (!h || h.power !== 'on') return 'down'
  if (h.unschedulable) return 'cordoned'
  if (h.swapping || requestedShare(h) >= PRESSURE_SHARE) return 'pressure'
  return null
}

export interface ZoneSummary {
  name: string
  /** The zone's district on the ground (x along the street, z across the rows). */
  x: number
  w: number
  houses: number
  down: number
  cordoned: number
  pressure: number
}

export function zoneSummaries(world: World, layout: SceneLayout): ZoneSummary[] {
  const byName = new Map<string, ZoneSummary>()
  const out = layout.zones.map((z) => {
    const s: ZoneSummary = { name: z.name, x: z.x, w: z.w, houses: 0, down: 0, cordoned: 0, pressure: 0 }
    byName.set(z.name, s)
    return s
  })
  const { houses } = layout
  for (let i = 0; i < houses.n; i++) {
    const h = world.hosts[houses.ids[i]!] ?? houses.hosts[i]!
    const s = byName.get(h.zone)
    if (!s) continue
    s.houses++
    const m = houseMark(h)
    if (m) s[m]++
  }
  return out
}

/** The marks as stored per house in HouseLooks.mark. */
export const MARKS: readonly HouseMark[] = [null, 'down', 'cordoned', 'pressure']

/**
 * What every house of a city looks like (its requested share and its mark, by the plan's house index) and the zones'
 * counts: computed once per world version for the city's blocks and marks, the zone plates and the overview map alike,
 * and the same object again while nothing of it changed (a batch that moves a few rooms leaves most houses as they
 * were), so what is drawn from it is re-written only when it would look different.
 */
export interface HouseLooks {
  /** Requested share (0–1), 0 when down. */
  share: Float64Array
  /** Index into MARKS. */
  mark: Uint8Array
  zones: ZoneSummary[]
}

let lastLooks: { world: World; layout: SceneLayout; version: number; looks: HouseLooks } | null = null

export function houseLooks(world: World, layout: SceneLayout, version: number): HouseLooks {
  const was = lastLooks
  if (was && was.world === world && was.layout === layout && was.version === version) return was.looks
  const { houses } = layout
  const n = houses.n
  const share = new Float64Array(n)
  const mark = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const h = world.hosts[houses.ids[i]!]
    const m = houseMark(h)
    mark[i] = m === null ? 0 : MARKS.indexOf(m)
    share[i] = h && m !== 'down' ? requestedShare(h) : 0
  }
  let looks: HouseLooks
  if (was && was.layout === layout && sameArray(was.looks.share, share) && sameArray(was.looks.mark, mark)) looks = was.looks
  else {
    const byName = new Map<string, ZoneSummary>()
    const zones = layout.zones.map((z) => {
      const s: ZoneSummary = { name: z.name, x: z.x, w: z.w, houses: 0, down: 0, cordoned: 0, pressure: 0 }
      byName.set(z.name, s)
      return s
    })
    for (let i = 0; i < n; i++) {
      const s = byName.get((world.hosts[houses.ids[i]!] ?? houses.hosts[i]!).zone)
      if (!s) continue
      s.houses++
      const m = MARKS[mark[i]!]
      if (m) s[m]++
    }
    looks = { share, mark, zones }
  }
  lastLooks = { world, layout, version, looks }
  return looks
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The city's few words, in English and Spanish ([house words, technical words] where they differ). */
export const CITY_WORDS = {
  en: {
    zone: ['street side', 'zone'],
    houses: ['houses', 'nodes'],
    house: ['house', 'node'],
    down: ['down', 'NotReady'],
    cordoned: 'cordoned',
    pressure: ['nearly full', 'under pressure'],
    fine: ['all standing', 'all Ready'],
    fineOne: ['standing', 'Ready'],
    locale: 'en-GB',
  },
  es: {
    zone: ['lado de la calle', 'zona'],
    houses: ['casas', 'nodos'],
    house: ['casa', 'nodo'],
    down: ['caídas', 'NotReady'],
    cordoned: 'acordonadas',
    pressure: ['casi llenas', 'bajo presión'],
    fine: ['todas en pie', 'todos Ready'],
    fineOne: ['en pie', 'Ready'],
    locale: 'es-ES',
  },
} as const

/** The zone's status in words (colour is never the only sign): "2,500 down · 3 cordoned", or "all standing". */
export function zoneNote(s: ZoneSummary, vocab: 'metaphor' | 'technical', lang: Lang = 'en'): string {
  const w = CITY_WORDS[lang]
  const v = vocab === 'metaphor' ? 0 : 1
  const n = (x: number) => x.toLocaleString(w.locale)
  const parts: string[] = []
  if (s.down) parts.push(`▲ ${n(s.down)} ${w.down[v]}`)
  if (s.cordoned) parts.push(`✚ ${n(s.cordoned)} ${w.cordoned}`)
  if (s.pressure) parts.push(`◆ ${n(s.pressure)} ${w.pressure[v]}`)
  return parts.length ? parts.join(' · ') : w.fine[v]
}

/**
 * The whole street (all its houses, zoned or not) in words, for the overview map: "500 houses, all standing",
 * "1 house, standing", "5,000 nodes: ▲ 1,667 NotReady".
 */
export function streetNote(houses: number, zones: readonly ZoneSummary[], vocab: 'metaphor' | 'technical', lang: Lang = 'en'): string {
  const w = CITY_WORDS[lang]
  const v = vocab === 'metaphor' ? 0 : 1
  const all: ZoneSummary = { name: '', x: 0, w: 0, houses, down: 0, cordoned: 0, pressure: 0 }
  for (const z of zones) {
    all.down += z.down
    all.cordoned += z.cordoned
    all.pressure += z.pressure
  }
  const count = `${all.houses.toLocaleString(w.locale)} ${all.houses === 1 ? w.house[v] : w.houses[v]}`
  if (all.down || all.cordoned || all.pressure) return `${count}: ${zoneNote(all, vocab, lang)}`
  return `${count}, ${all.houses === 1 ? w.fineOne[v] : w.fine[v]}`
}
