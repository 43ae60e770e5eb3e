/**
 * The doorman (Service): spreads each app's visitors over its open rooms; what they cannot take
 * is dropped. Each room queues like M/M/1, so waiting time climbs steeply near full load.
 */
import { QUEUEING } from '../constants'
import type { App, Container, World } from '../types'
import { containerList, containersOfApp, takeAppsTouched } from '../containerIndex'

/** Mean time in system for visitors spread evenly over `rooms` rooms of `capacityRps` each. */
export function latencyMs(rps: number, rooms: number, capacityRps: number): number {
  if (rooms === 0 || rps === 0) return rooms === 0 && rps > 0 ? QUEUEING.timeoutMs : 0
  const serviceMs = 1000 / capacityRps
  const utilisation = rps / (rooms * capacityRps)
  if (utilisation >= 1) return QUEUEING.timeoutMs
  return Math.min(QUEUEING.timeoutMs, serviceMs / (1 - utilisation))
}

/** Per app: rooms in rotation (ready), those of them that answer (not hung), and their summed speed. */
interface Rotation {
  rooms: number
  answering: number
  speed: number
}

/** Ready rooms per app and the sum of their speeds, in one pass (apps' rooms are mostly adjacent). */
function readyByApp(world: World): Map<string, Rotation> {
  const out = new Map<string, Rotation>()
  let lastApp = ''
  let entry: Rotation = { rooms: 0, answering: 0, speed: 0 }
  const list = containerList(world)
  // An index walk: V8 allocated an iterator result per room for this for...of (GBs over a 600-step zone outage at L).
  for (let at = 0; at < list.length; at++) {
    const c = list[at]!
    // Both comparisons run for every room, so V8's optimised loop has seen them before a zone outage (the first lost
    // room among 150,000 running ones threw it back to the interpreter: 10-15 ms that step).
    const running = c.state === 'running'
    const lost = c.state === 'lost'
    // Only ready rooms are Service endpoints (readiness probes, systems/probes.ts). A room whose node died is
    // still one until the control plane marks the node Unknown (FIDELITY.md "Node failure detection"): it gets
    // its share of visitors and answers none.
    if (!c.ready || !(running || lost)) continue
    if (c.appId !== lastApp) {
      lastApp = c.appId
      let e = out.get(lastApp)
      if (!e) out.set(lastApp, (e = { rooms: 0, answering: 0, speed: 0 }))
      entry = e
    }
    entry.rooms++
    if (c.hung || lost) continue
    entry.answering++
    entry.speed += c.speed
  }
  return out
}

/** The rotation per app kept between steps, per world: an app none of whose rooms changed since keeps its figures. */
const rotations = new WeakMap<World['containers'], Map<string, Rotation>>()

/**
 * Ready rooms per app, counted again only for the apps one of whose rooms changed state, readiness, hang or speed, or
 * was made or removed, since the last step (containerIndex.ts takeAppsTouched); the first time, in one pass over all
 * rooms. An app's rooms are walked in the room list's order either way, so its summed speed is the same to the last bit.
 */
function rotationByApp(world: World): Map<string, Rotation> {
  const touched = takeAppsTouched(world, 'traffic')
  let kept = rotations.get(world.containers)
  if (!kept || !touched) {
    kept = readyByApp(world)
    rotations.set(world.containers, kept)
    return kept
  }
  for (const appId of touched) {
    const entry: Rotation = { rooms: 0, answering: 0, speed: 0 }
    for (const c of containersOfApp(world, appId)) {
      const running = c.state === 'running'
      const lost = c.state === 'lost'
      if (!c.ready || !(running || lost)) continue
      entry.rooms++
      if (c.hung || lost) continue
      entry.answering++
      entry.speed += c.speed
    }
    if (entry.rooms > 0) kept.set(appId, entry)
    else kept.delete(appId)
  }
  return kept
}

export function traffic(world: World, dtMs: number): void {
  const ready = rotationByApp(world)
  const dtS = dtMs / 1000
  for (const app of Object.values(world.apps)) {
    const r = ready.get(app.id)
    serve(app, r?.rooms ?? 0, r?.answering ?? 0, r?.speed ?? 0, dtS)
  }
}

/**
 * Serving capacity is Σ answering rooms' speed × capacityRps: a throttled, swapping or paused room
 * serves less. kube-proxy spreads connections over every endpoint, so a hung room still in rotation
 * (no readiness probe took it out) gets its share of visitors and answers none of them.
 */
function serve(app: App, rooms: number, answering: number, speed: number, dtS: number): void {
  const reaching = rooms === 0 ? 0 : (app.rps * answering) / rooms
  const servedRps = Math.min(reaching, speed * app.capacityRps)
  app.readyReplicas = rooms
  app.lastServedRps = servedRps
  app.served += servedRps * dtS
  app.dropped += (app.rps - servedRps) * dtS
  app.latencyMs = latencyMs(answering === 0 ? app.rps : reaching, speed, app.capacityRps)
  // A room at full capacity uses its whole CPU request; offered load beyond it asks for more (queueing, timeouts):
  // a room without a CPU limit gets it as long as its kernel has CPU to spare, 10× its request if need be
  // (FIDELITY.md "No limits"); systems/cgroups.ts grants what the kernel and the limit allow.
  app.cpuPercent = answering === 0 ? 0 : (reaching / (answering * app.capacityRps)) * 100
}

/** Share of an app's visitors served so far; 1 when none have come yet. */
export function servedRatio(app: { served: number; dropped: number }): number {
  const total = app.served + app.dropped
  return total === 0 ? 1 : app.served / total
}
