/**
 * "Find": houses, apartments, businesses and rooms by name, from the world the page holds (the
 * live world, or the worker's mirror of it). Exact names first, then names that start with what
 * was typed, then names that contain it; houses before apartments, businesses and rooms.
 */
import { containerList } from '../sim/containerIndex'
import type { Vocabulary, World } from '../sim/types'

export type FoundKind = 'host' | 'vm' | 'app' | 'container'

export interface Found {
  kind: FoundKind
  id: string
  name: string
  /** Where it is, in a few words (a room's house, a business's room count). */
  where: string
}

const KIND_ORDER: Record<FoundKind, number> = { host: 0, vm: 1, app: 2, container: 3 }

/** 0 exact, 1 prefix, 2 contains, -1 no match (case-insensitive; "house 12" also finds house "12"). */
function rank(name: string, q: string): number {
  const n = name.toLowerCase()
  if (n === q) return 0
  if (n.startsWith(q)) return 1
  return n.includes(q) ? 2 : -1
}

export function findInWorld(world: World, query: string, vocab: Vocabulary = 'metaphor', limit = 30): Found[] {
  const t = (metaphor: string, technical: string) => (vocab === 'metaphor' ? metaphor : technical)
  const raw = query.trim().toLowerCase()
  if (!raw) return []
  // "house 12", "server 12", "node 12" look for house 12 by its name.
  const hostQ = raw.replace(/^(house|server|host|node)\s+/, '')
  const hits: { f: Found; r: number }[] = []
  const hostName = (id: string | undefined) => (id ? (world.hosts[id]?.name ?? id) : '')
  for (const id in world.hosts) {
    const h = world.hosts[id]!
    const r = rank(h.name, hostQ)
    if (r >= 0) hits.push({ f: { kind: 'host', id, name: h.name, where: `${t('street side', 'zone')} ${h.zone}` }, r })
  }
  for (const id in world.vms) {
    const v = world.vms[id]!
    const r = rank(v.name, raw)
    if (r >= 0) hits.push({ f: { kind: 'vm', id, name: v.name, where: `${t('in house', 'on node')} ${hostName(v.hostId)}` }, r })
  }
  const roomsOf = new Map<string, number>()
  for (const id in world.apps) {
    const a = world.apps[id]!
    const r = Math.min(...[rank(a.name, raw), rank(id, raw)].map((x) => (x < 0 ? 9 : x)))
    if (r < 9) {
      roomsOf.set(id, 0)
      hits.push({ f: { kind: 'app', id, name: a.name, where: '' }, r })
    }
  }
  // Rooms: only as many as can be shown (a big street has 150,000), but every business's count.
  let rooms = 0
  for (const c of containerList(world)) {
    const id = c.id
    if (roomsOf.has(c.appId)) roomsOf.set(c.appId, roomsOf.get(c.appId)! + 1)
    if (rooms >= limit * 4) continue
    const r = rank(c.name, raw)
    if (r < 0) continue
    rooms++
    const p = c.placement
    const where = !p
      ? t('waiting for a spot', 'Pending')
      : p.kind === 'host'
        ? `${t('in house', 'on node')} ${hostName(p.hostId)}`
        : `${t('in apartment', 'in VM')} ${world.vms[p.vmId]?.name ?? p.vmId}`
    hits.push({ f: { kind: 'container', id, name: c.name, where }, r })
  }
  for (const h of hits)
    if (h.f.kind === 'app') {
      const n = roomsOf.get(h.f.id) ?? 0
      h.f.where = `${n.toLocaleString('en-GB')} ${n === 1 ? t('room', 'pod') : t('rooms', 'pods')}`
    }
  hits.sort((a, b) => a.r - b.r || KIND_ORDER[a.f.kind] - KIND_ORDER[b.f.kind] || a.f.name.localeCompare(b.f.name, 'en', { numeric: true }))
  return hits.slice(0, limit).map((h) => h.f)
}

/** The house a found thing stands in (to fly the camera there): itself, its apartment's, its room's, a business's first room's. */
export function houseOf(world: World, f: Pick<Found, 'kind' | 'id'>): string | null {
  if (f.kind === 'host') return world.hosts[f.id] ? f.id : null
  if (f.kind === 'vm') return world.vms[f.id]?.hostId ?? null
  const roomHouse = (id: string): string | null => {
    const p = world.containers[id]?.placement
    if (!p) return null
    return p.kind === 'host' ? p.hostId : (world.vms[p.vmId]?.hostId ?? null)
  }
  if (f.kind === 'container') return roomHouse(f.id)
  let fallback: string | null = null
  for (const c of containerList(world)) {
    if (c.appId !== f.id) continue
    const h = roomHouse(c.id)
    if (h && c.state === 'running') return h
    fallback ??= h
  }
  return fallback
}
