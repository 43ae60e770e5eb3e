/**
 * Sandbox save slots in localStorage, each its own key with a version number (as progress.ts does).
 * Reading is pure and never throws: a damaged slot says what is wrong with it, in words a player
 * can act on, and the other slots are read on their own. A save from before the machine and
 * Kubernetes fields is brought up to date by upgradeWorld on load.
 */
import { z } from 'zod'
import { STEP_MS, step, upgradeWorld } from '../sim'
import type { World } from '../sim'

export const SAVE_PREFIX = 'house-of-pods:save:'
export const SAVE_VERSION = 1
export const SAVE_SLOTS = [1, 2, 3] as const
export type SlotId = (typeof SAVE_SLOTS)[number]

export const slotKey = (slot: SlotId): string => `${SAVE_PREFIX}${slot}`

const record = <T extends z.ZodTypeAny>(item: T) => z.record(z.string(), item)
// The fields every world has had since the first release; newer ones are filled by upgradeWorld.
const host = z
  .object({
    id: z.string(),
    name: z.string(),
    cores: z.number(),
    memMiB: z.number(),
    power: z.enum(['on', 'failed', 'off']),
    alloc: z.object({ cpuMilli: z.number(), memMiB: z.number() }).passthrough(),
  })
  .passthrough()
const vm = z.object({ id: z.string(), hostId: z.string(), vcpus: z.number(), memMiB: z.number(), state: z.string() }).passthrough()
const container = z
  .object({ id: z.string(), appId: z.string(), imageId: z.string(), state: z.string(), placement: z.unknown() })
  .passthrough()
const app = z.object({ id: z.string(), name: z.string(), imageId: z.string(), replicas: z.number() }).passthrough()
const image = z.object({ id: z.string(), ref: z.string(), sizeMiB: z.number() }).passthrough()
const worldShape = z
  .object({
    seed: z.number(),
    rng: z.object({ s: z.number() }),
    timeMs: z.number().nonnegative(),
    tick: z.number(),
    nextId: z.number(),
    hosts: record(host),
    vms: record(vm),
    containers: record(container),
    apps: record(app),
    images: record(image),
    events: z.array(z.unknown()),
    schedule: z.array(z.unknown()),
  })
  .passthrough()
const saveShape = z.object({ version: z.number().int(), savedAtMs: z.number(), label: z.string(), world: z.unknown() })

export interface SaveInfo {
  label: string
  savedAtMs: number
  /** World time in the save, for the slot's caption. */
  worldTimeMs: number
  rooms: number
  houses: number
}

export type ReadResult = { ok: true; world: World; info: SaveInfo } | { ok: false; problem: string }

/** "hosts.h1.cores: expected number, received string" */
function where(issue: z.ZodIssue | undefined): string {
  if (!issue) return 'unreadable'
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`
}

/** The first reference to something the save does not hold, in words; null when all links hold. */
export function brokenLink(world: World): string | null {
  for (const vm of Object.values(world.vms))
    if (!world.hosts[vm.hostId]) return `apartment ${vm.id} stands in house ${vm.hostId}, which is not in the save`
  for (const a of Object.values(world.apps))
    if (!world.images[a.imageId]) return `business ${a.id} uses kit ${a.imageId}, which is not in the save`
  for (const c of Object.values(world.containers)) {
    if (!world.apps[c.appId]) return `room ${c.id} belongs to business ${c.appId}, which is not in the save`
    if (!world.images[c.imageId]) return `room ${c.id} uses kit ${c.imageId}, which is not in the save`
    const p = c.placement
    if (p && p.kind === 'host' && !world.hosts[p.hostId]) return `room ${c.id} stands in house ${p.hostId}, which is not in the save`
    if (p && p.kind === 'vm' && !world.vms[p.vmId]) return `room ${c.id} stands in apartment ${p.vmId}, which is not in the save`
  }
  return null
}

/** The text of one save: the world as JSON with its version, time and label. */
export function serializeSave(world: World, label: string, savedAtMs: number): string {
  return JSON.stringify({ version: SAVE_VERSION, savedAtMs, label, world })
}

/** Read one slot's text. Null text is an empty slot (not an error). */
export function readSave(text: string | null): ReadResult | null {
  if (text === null) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'it is not valid JSON (cut short or edited by hand?)' }
  }
  const top = saveShape.safeParse(raw)
  if (!top.success) return { ok: false, problem: `it is not a House of Pods save (${where(top.error.issues[0])})` }
  if (top.data.version > SAVE_VERSION)
    return {
      ok: false,
      problem: `it was saved by a newer version of the game (save format ${top.data.version}; this game reads up to ${SAVE_VERSION})`,
    }
  if (top.data.version < 1) return { ok: false, problem: `its save format ${top.data.version} is unknown` }
  const w = worldShape.safeParse(top.data.world)
  if (!w.success) return { ok: false, problem: `its street is damaged at world.${where(w.error.issues[0])}` }
  const world = upgradeWorld(top.data.world as World)
  const broken = brokenLink(world)
  if (broken) return { ok: false, problem: `its street is damaged: ${broken}` }
  // The last check is the real one: the loaded street must run. Try one step on a copy.
  try {
    step(structuredClone(world), STEP_MS)
  } catch (e) {
    return { ok: false, problem: `its street does not run (${e instanceof Error ? e.message : String(e)})` }
  }
  const info: SaveInfo = {
    label: top.data.label,
    savedAtMs: top.data.savedAtMs,
    worldTimeMs: world.timeMs,
    rooms: Object.keys(world.containers).length,
    houses: Object.keys(world.hosts).length,
  }
  return { ok: true, world, info }
}

/** The part of localStorage the slots use, so tests can pass a Map-backed fake. */
export type SlotStorage = Pick<Storage, 'getItem' | 'setItem'>

export type SlotState =
  { slot: SlotId; state: 'empty' } | { slot: SlotId; state: 'saved'; info: SaveInfo } | { slot: SlotId; state: 'damaged'; problem: string }

/** Each slot read on its own: one damaged slot never hides the others. */
export function listSlots(store: SlotStorage | null): SlotState[] {
  return SAVE_SLOTS.map((slot): SlotState => {
    let text: string | null = null
    try {
      text = store?.getItem(slotKey(slot)) ?? null
    } catch {
      return { slot, state: 'damaged', problem: 'the browser would not read it' }
    }
    const r = readSave(text)
    if (!r) return { slot, state: 'empty' }
    return r.ok ? { slot, state: 'saved', info: r.info } : { slot, state: 'damaged', problem: r.problem }
  })
}

export type WriteResult = { ok: true } | { ok: false; problem: string }

export function writeSlot(store: SlotStorage | null, slot: SlotId, world: World, label: string, savedAtMs: number): WriteResult {
  if (!store) return { ok: false, problem: 'this browser keeps no local storage (private mode?)' }
  const text = serializeSave(world, label, savedAtMs)
  try {
    store.setItem(slotKey(slot), text)
    return { ok: true }
  } catch {
    return { ok: false, problem: `the browser refused to store it (${(text.length / 1e6).toFixed(1)} MB; local storage holds about 5 MB)` }
  }
}

/** Load a slot: the upgraded world, or what is wrong with the slot (which is left as it is). */
export function loadSlot(store: SlotStorage | null, slot: SlotId): ReadResult {
  let text: string | null = null
  try {
    text = store?.getItem(slotKey(slot)) ?? null
  } catch {
    return { ok: false, problem: 'the browser would not read it' }
  }
  return readSave(text) ?? { ok: false, problem: 'it is empty' }
}

export function browserStorage(): SlotStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
