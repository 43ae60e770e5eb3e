/**
 * What the page needs of a world that lives in a Web Worker: one full copy at the start, then per
 * batch of steps only what changed. Records (houses, apartments, apps, kits, layers) that changed
 * are sent whole; rooms (up to 150,000) are compared on what a player sees (state, place, readiness,
 * restarts, reason, chaos flags) and their high-churn numbers (CPU and memory use, speed, probe
 * timers) travel only for the rooms the page watches (the selected one); events, metric samples
 * and cost samples are appended; the small scalars go every time. An exact delta (a small world built on the
 * page: a level, the lab, a lesson, the sandbox) leaves the mirror equal to the world (the same hashWorld): each
 * room's changed fields, whole rooms when new or reshaped, every collection's key order, every metric sample.
 *
 * Pure TypeScript over plain data: the worker (src/worker/simWorker.ts) calls `takeDelta`, the page
 * (src/state/simBridge.ts) calls `applyDelta`, and a unit test checks that a mirror kept this way
 * matches the world on everything but those numbers. The messages between the two are at the end.
 */
import type { Command } from './commandTypes'
import type { Result } from './result'
import { containerList, noteContainerAdded, noteContainerRemoved, noteHostsChanged } from './containerIndex'
import type { ScaleSize } from './scale'
import type { Container, ContainerId, SimEvent, World } from './types'

type Rec<T> = Record<string, T>

/** The per-record collections that are diffed by content (small records, few thousand at most). */
const RECORDS = ['hosts', 'vms', 'apps', 'images', 'layers'] as const
type RecordKey = (typeof RECORDS)[number]

/** Everything else of the world that is small: sent whole with every batch. */
const SCALARS = [
  'seed',
  'rng',
  'timeMs',
  'tick',
  'nextId',
  'delayScale',
  'eventSeq',
  'schedule',
  'costSpent',
  'schedulerCursor',
  'stats',
  'namespaces',
  'priorityClasses',
  'autoscaler',
  'zoneStates',
] as const

export interface Series<T> {
  /** Samples newer than the page's last one. */
  add: T[]
  /** The series' length after adding (older samples fall off the front). */
  length: number
}

export interface WorldDelta {
  /**
   * An exact delta (a small world: a level, the lab, a lesson, the sandbox): every room travels whole, and the
   * key order of each collection whenever its members changed, so the mirror is the world itself, byte for byte.
   */
  exact?: {
    /** The ids of each collection in the world's own order, when they changed since the last delta. */
    order: Partial<Record<RecordKey | 'containers' | 'metrics', string[]>>
    /** Every app's samples, whole (a few dozen apps of 60 samples). */
    metrics: World['metrics']
  }
  scalars: Partial<World>
  records: Partial<Record<RecordKey, { put: Rec<unknown>; gone: string[] }>>
  /**
   * Rooms new or changed in their shape: whole. `patch` (exact deltas only): for a room whose fields are the same
   * ones as last sent, just the fields that changed, as [field, value, field, value, ...].
   */
  containers: { put: Container[]; gone: ContainerId[]; patch?: { id: ContainerId; p: unknown[] }[] }
  events: Series<SimEvent>
  metrics: Record<string, Series<World['metrics'][string][number]>>
  costSamples: Series<World['costSamples'][number]>
}

/**
 * What a room looks like to a player, without the numbers that change every step: kept per room by
 * the worker and compared field by field (no string built per room: 150,000 rooms every batch).
 */
interface RoomSeen {
  state: Container['state']
  /** The placement's kind and house or apartment ('' and '' when unplaced). */
  kind: string
  at: string
  ready: boolean
  restarts: number
  reason: string
  exitCode: Container['exitCode']
  hung: boolean
  breached: boolean
  cpuHog: boolean
  leakMiBPerS: number
  nominatedNode: Container['nominatedNode']
  terminatingUntilMs: Container['terminatingUntilMs']
  imageId: string
  runtime: Container['runtime']
  cpuLimitMilli: Container['cpuLimitMilli']
  memLimitMiB: Container['memLimitMiB']
  managed: boolean
  sidecars: number
}

function seeRoom(c: Container): RoomSeen {
  return {
    state: c.state,
    kind: c.placement ? c.placement.kind : '',
    at: c.placement ? (c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId) : '',
    ready: c.ready,
    restarts: c.restarts,
    reason: c.reason,
    exitCode: c.exitCode,
    hung: c.hung,
    breached: c.breached,
    cpuHog: c.cpuHog,
    leakMiBPerS: c.leakMiBPerS,
    nominatedNode: c.nominatedNode,
    terminatingUntilMs: c.terminatingUntilMs,
    imageId: c.imageId,
    runtime: c.runtime,
    cpuLimitMilli: c.cpuLimitMilli,
    memLimitMiB: c.memLimitMiB,
    managed: c.managed,
    sidecars: c.sidecars.length,
  }
}

function sameRoom(s: RoomSeen, c: Container): boolean {
  const p = c.placement
  return (
    s.state === c.state &&
    (p ? s.kind === p.kind && s.at === (p.kind === 'host' ? p.hostId : p.vmId) : s.kind === '') &&
    s.ready === c.ready &&
    s.restarts === c.restarts &&
    s.reason === c.reason &&
    s.exitCode === c.exitCode &&
    s.hung === c.hung &&
    s.breached === c.breached &&
    s.cpuHog === c.cpuHog &&
    s.leakMiBPerS === c.leakMiBPerS &&
    s.nominatedNode === c.nominatedNode &&
    s.terminatingUntilMs === c.terminatingUntilMs &&
    s.imageId === c.imageId &&
    s.runtime === c.runtime &&
    s.cpuLimitMilli === c.cpuLimitMilli &&
    s.memLimitMiB === c.memLimitMiB &&
    s.managed === c.managed &&
    s.sidecars === c.sidecars.length
  )
}

/** The worker's memory of what the page has: per-record fingerprints and the series' last stamps. */
export interface DeltaTracker {
  records: Record<RecordKey, Map<string, string>>
  rooms: Map<ContainerId, RoomSeen>
  lastEventSeq: number
  lastMetricT: Map<string, number>
  lastCostT: number
  /** Exact deltas: each collection's ids as last sent (joined), to send the order only when it changed. */
  order: Map<string, string>
  /** Exact deltas: each room's fields as last sent (nested values as their JSON text). */
  sent: Map<ContainerId, SentRoom>
}

/** A room as an exact delta last sent it: its fields in order, and each field's value (objects as JSON text). */
interface SentRoom {
  keys: string[]
  vals: unknown[]
}

const isPlain = (x: unknown): boolean => x === null || typeof x !== 'object'

/** A field's value as kept for the next comparison: a primitive as it is, an object of primitives as its entries, deeper as JSON. */
type Kept = unknown | { entries: string[] | null; vals: unknown[] } | { json: string }

function keep(v: unknown): Kept {
  if (isPlain(v)) return v
  if (Array.isArray(v)) return v.every(isPlain) ? { entries: null, vals: v.slice() } : { json: JSON.stringify(v) }
  const o = v as Rec<unknown>
  const keys = Object.keys(o)
  const vals = keys.map((k) => o[k])
  return vals.every(isPlain) ? { entries: keys, vals } : { json: JSON.stringify(v) }
}

/** Whether a field's value is what was kept of it (without building any text for the usual, flat, objects). */
function same(kept: Kept, v: unknown): boolean {
  if (isPlain(v)) return kept === v
  if (isPlain(kept)) return false
  if ('json' in (kept as object)) return (kept as { json: string }).json === JSON.stringify(v)
  const { entries, vals } = kept as { entries: string[] | null; vals: unknown[] }
  if (Array.isArray(v)) {
    if (entries !== null || v.length !== vals.length) return false
    for (let i = 0; i < v.length; i++) if (v[i] !== vals[i]) return false
    return true
  }
  if (entries === null) return false
  const o = v as Rec<unknown>
  let i = 0
  for (const k in o) {
    if (entries[i] !== k || o[k] !== vals[i]) return false
    i++
  }
  return i === entries.length
}

function sentRoom(c: Container): SentRoom {
  const keys = Object.keys(c)
  const r = c as unknown as Rec<unknown>
  return { keys, vals: keys.map((k) => keep(r[k])) }
}

/**
 * The fields of a room that changed since it was sent ([field, value, ...]; `was` brought up to date); null: its
 * fields are not the same ones (the room goes whole).
 */
function roomPatch(c: Container, was: SentRoom): unknown[] | null {
  const r = c as unknown as Rec<unknown>
  const { keys, vals } = was
  let i = 0
  for (const k in r) if (keys[i++] !== k) return null
  if (i !== keys.length) return null
  const p: unknown[] = []
  for (let j = 0; j < keys.length; j++) {
    const v = r[keys[j]!]
    if (same(vals[j], v)) continue
    vals[j] = keep(v)
    p.push(keys[j], v)
  }
  return p
}

export function newTracker(): DeltaTracker {
  return {
    records: { hosts: new Map(), vms: new Map(), apps: new Map(), images: new Map(), layers: new Map() },
    rooms: new Map(),
    lastEventSeq: -1,
    lastMetricT: new Map(),
    lastCostT: -Infinity,
    order: new Map(),
    sent: new Map(),
  }
}

/** Every room is sent whole by an exact delta. */
export const ALL_ROOMS = 'all'

function series<T>(list: T[], newer: (x: T) => boolean): Series<T> {
  let i = list.length
  while (i > 0 && newer(list[i - 1]!)) i--
  return { add: list.slice(i), length: list.length }
}

/**
 * What changed since the last call (the first call, on a fresh tracker, sends everything).
 * `watched`: rooms whose every number the page wants (sent whole each batch); ALL_ROOMS: an exact delta,
 * after which the mirror equals the world (the same hashWorld).
 */
export function takeDelta(
  world: World,
  tracker: DeltaTracker,
  watched: ReadonlySet<ContainerId> | typeof ALL_ROOMS = new Set(),
): WorldDelta {
  const all = watched === ALL_ROOMS
  const scalars: Partial<World> = {}
  for (const k of SCALARS) (scalars as Record<string, unknown>)[k] = world[k]
  const records: WorldDelta['records'] = {}
  for (const k of RECORDS) {
    const seen = tracker.records[k]
    const coll = world[k] as Rec<unknown>
    const put: Rec<unknown> = {}
    let any = false
    for (const id in coll) {
      const key = JSON.stringify(coll[id])
      if (seen.get(id) === key) continue
      seen.set(id, key)
      put[id] = coll[id]
      any = true
    }
    const gone: string[] = []
    if (seen.size > Object.keys(put).length || any)
      for (const id of seen.keys())
        if (!(id in coll)) {
          gone.push(id)
          seen.delete(id)
        }
    if (any || gone.length) records[k] = { put, gone }
  }
  const put: Container[] = []
  const patch: { id: ContainerId; p: unknown[] }[] = []
  const rooms = tracker.rooms
  const sent = tracker.sent
  let present = 0
  // The sim's own array of rooms: walking a 150,000-key record is several times slower.
  for (const c of containerList(world)) {
    const id = c.id
    present++
    if (all) {
      // Exact: a room new or changed in shape goes whole; otherwise only the fields that changed.
      const was = sent.get(id)
      const p = was ? roomPatch(c, was) : null
      if (p === null) {
        sent.set(id, sentRoom(c))
        put.push(c)
      } else if (p.length) patch.push({ id, p })
      continue
    }
    const was = rooms.get(id)
    if (!was || !sameRoom(was, c) || (watched as ReadonlySet<ContainerId>).has(id)) {
      rooms.set(id, seeRoom(c))
      put.push(c)
    }
  }
  const gone: ContainerId[] = []
  const had = all ? sent : rooms
  if (had.size > present)
    for (const id of had.keys())
      if (!(id in world.containers)) {
        gone.push(id)
        had.delete(id)
      }
  const events = series(world.events, (e) => e.seq > tracker.lastEventSeq)
  if (world.events.length) tracker.lastEventSeq = world.events[world.events.length - 1]!.seq
  const metrics: WorldDelta['metrics'] = {}
  for (const appId in world.metrics) {
    const list = world.metrics[appId]!
    const last = tracker.lastMetricT.get(appId) ?? -Infinity
    const s = series(list, (x) => x.t > last)
    if (s.add.length) {
      metrics[appId] = s
      tracker.lastMetricT.set(appId, list[list.length - 1]!.t)
    }
  }
  const costSamples = series(world.costSamples, (x) => x.t > tracker.lastCostT)
  if (world.costSamples.length) tracker.lastCostT = world.costSamples[world.costSamples.length - 1]!.t
  const delta: WorldDelta = { scalars, records, containers: all ? { put, gone, patch } : { put, gone }, events, metrics, costSamples }
  if (all) {
    const order: NonNullable<WorldDelta['exact']>['order'] = {}
    const keep = (k: RecordKey | 'containers' | 'metrics', ids: string[]) => {
      const joined = ids.join('\n')
      if (tracker.order.get(k) === joined) return
      tracker.order.set(k, joined)
      order[k] = ids
    }
    for (const k of RECORDS) keep(k, Object.keys(world[k]))
    keep('containers', Object.keys(world.containers))
    keep('metrics', Object.keys(world.metrics))
    delta.exact = { order, metrics: world.metrics }
    delta.metrics = {}
  }
  return delta
}

/** Put an object's keys in this order (they are the same keys), keeping the object itself. */
function reorder(o: Rec<unknown>, ids: readonly string[]): void {
  const have = Object.keys(o)
  if (have.length === ids.length && have.every((k, i) => k === ids[i])) return
  const values = ids.map((id) => o[id])
  for (const k of have) delete o[k]
  ids.forEach((id, i) => (o[id] = values[i]))
}

/** A room made equal to the one sent, key order too (an exact delta), keeping the page's object. */
function replaceRoom(have: Container, c: Container): void {
  const h = have as unknown as Rec<unknown>
  const keys = Object.keys(c)
  const mine = Object.keys(h)
  if (mine.length !== keys.length || !mine.every((k, i) => k === keys[i])) for (const k of mine) delete h[k]
  Object.assign(have, c)
}

// ---------------------------------------------------------------------------------------------
// A whole street's rooms (up to 150,000) travel as JSON text in slices of a few thousand: postMessage
// copies a string as one block (where it would clone every object on both sides), and the page turns
// a slice back into rooms with JSON.parse, V8's fastest way to build many objects (~20 ms for 5,000
// on these machines), in its own short task. Rooms are plain JSON data (no undefined, no Infinity).

/** Rooms as the text of a slice message. */
export const packRooms = (rooms: readonly Container[]): string => JSON.stringify(rooms)

/** The rooms of a slice message. */
export const unpackRooms = (text: string): Container[] => JSON.parse(text) as Container[]

/** Rooms that arrived whole or changed: put into the mirror (in order, keeping each room's identity). */
export function putRooms(mirror: World, rooms: readonly Container[], exact = false): void {
  for (const c of rooms) {
    const have = mirror.containers[c.id]
    if (have) {
      if (exact) replaceRoom(have, c)
      else Object.assign(have, c)
    } else {
      mirror.containers[c.id] = c
      noteContainerAdded(mirror, c)
    }
  }
}

function appendSeries<T>(list: T[], s: Series<T>): void {
  for (const x of s.add) list.push(x)
  if (list.length > s.length) list.splice(0, list.length - s.length)
}

/**
 * Bring the page's read-only mirror up to date, in place (rooms keep their identity). Returns the mirror's rooms that
 * a patch changed (an exact delta), beside those put whole.
 */
export function applyDelta(mirror: World, d: WorldDelta): Container[] {
  Object.assign(mirror, d.scalars)
  if (!('zoneStates' in d.scalars) || d.scalars.zoneStates === undefined) delete mirror.zoneStates
  for (const k of RECORDS) {
    const r = d.records[k]
    if (!r) continue
    const coll = mirror[k] as Rec<unknown>
    for (const id in r.put) coll[id] = r.put[id]
    for (const id of r.gone) delete coll[id]
    if (k === 'hosts') noteHostsChanged(mirror)
  }
  putRooms(mirror, d.containers.put, !!d.exact)
  const patched: Container[] = []
  for (const { id, p } of d.containers.patch ?? []) {
    const room = mirror.containers[id]
    if (!room) continue
    const r = room as unknown as Rec<unknown>
    for (let i = 0; i < p.length; i += 2) r[p[i] as string] = p[i + 1]
    patched.push(room)
  }
  for (const id of d.containers.gone) {
    const have = mirror.containers[id]
    if (!have) continue
    delete mirror.containers[id]
    noteContainerRemoved(mirror, have)
  }
  appendSeries(mirror.events, d.events)
  for (const appId in d.metrics) appendSeries((mirror.metrics[appId] ??= []), d.metrics[appId]!)
  appendSeries(mirror.costSamples, d.costSamples)
  if (d.exact) {
    const { order } = d.exact
    for (const k of RECORDS) if (order[k]) reorder(mirror[k] as Rec<unknown>, order[k])
    if (order.hosts) noteHostsChanged(mirror)
    // The rooms' record in the world's order (the room list is in that order already: rooms only come and go).
    if (order.containers) reorder(mirror.containers as Rec<unknown>, order.containers)
    const metrics = mirror.metrics
    for (const k in metrics) if (!(k in d.exact.metrics)) delete metrics[k]
    for (const k in d.exact.metrics) metrics[k] = d.exact.metrics[k]!
    if (order.metrics) reorder(metrics, order.metrics)
  }
  return patched
}

// ---------------------------------------------------------------------------------------------
// The messages between the page and the simulation worker

/**
 * A level's rules (src/levels Level) and the player's progress in it (LevelProgress), checked by the worker after
 * every step as the page does: opaque here (the sim does not know levels), typed by the worker and the page.
 */
export interface Judged {
  level: unknown
  progress: unknown
}

export type ToWorker =
  /** Build a street of a benchmark size, every pod running, and send it whole. */
  | { t: 'street'; run: number; size: ScaleSize['name'] }
  /**
   * Take this world as it is (the page keeps its own copy as the mirror; only changes come back); `exact`: every
   * delta makes the mirror the world itself (small worlds); `judged`: a level checked after every step.
   */
  | { t: 'world'; run: number; world: World; exact: boolean; judged: Judged | null }
  /**
   * Real time passed on the page (ms) at this speed: step the world and send what changed; the batch stops
   * early at tick `breakAt` (a teacher's planned incident is due then) or when a level ends.
   */
  | { t: 'advance'; run: number; realMs: number; speed: number; breakAt: number | null }
  /** Exactly one fixed step (the step button). */
  | { t: 'stepOnce'; run: number }
  /** A player's command, already checked against its schema on the page. */
  | { t: 'command'; run: number; seq: number; command: Command }
  /** The rooms whose every number the page shows (the selected one). */
  | { t: 'watch'; ids: ContainerId[] }

export type FromWorker =
  /** The whole world as built, before its rooms are placed (small: the houses and apps; the rooms follow packed). */
  | { t: 'snapshot'; run: number; world: World; buildMs: number }
  /** What changed in a batch of steps. */
  | { t: 'batch'; run: number; delta: WorldDelta; steps: number; stepMs: number; progress?: unknown; single?: true }
  /**
   * A batch's rooms when there are many (a whole street's): as JSON text (packRooms), in several messages so
   * the page takes each in a short task; the batch or settled message that follows carries the rest.
   */
  | { t: 'rooms'; run: number; rooms: string }
  /** The street has settled in the worker (every pod placed and running): what changed since the snapshot. */
  | { t: 'settled'; run: number; delta: WorldDelta; settleMs: number }
  /** A command's result and what it changed (null: nothing, the command was not applied). */
  | { t: 'result'; run: number; seq: number; result: Result; delta: WorldDelta | null }
  | { t: 'error'; run: number; message: string }
