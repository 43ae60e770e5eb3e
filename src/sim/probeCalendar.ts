/**
 * The probe calendar: when each probed room is next due. An index kept beside the world (like
 * containerIndex.ts), so commands and the container lifecycle can plan probes without reaching into
 * the probes system, and the system probes only the rooms due in a step.
 */
import { STEP_MS } from './constants'
import { containerList } from './containerIndex'
import type { App, Container, Probe, World } from './types'
import { scaledDelay } from './world'

/** A probe's period and initial delay in world ms (classroom time compresses them; never below a step). */
export function timing(world: World, p: Probe): { delayMs: number; periodMs: number } {
  return {
    delayMs: p.initialDelaySeconds === 0 ? 0 : scaledDelay(world, p.initialDelaySeconds * 1000),
    periodMs: Math.max(STEP_MS, scaledDelay(world, p.periodSeconds * 1000)),
  }
}

/** Whether the probe runs in the step that ends at `now`, for a room running since `start`. */
export function dueNow(world: World, p: Probe, start: number, now: number): boolean {
  const { delayMs, periodMs } = timing(world, p)
  const t = now - start - delayMs
  return t >= 0 && t % periodMs < STEP_MS
}

/** The first time strictly after `now` at which the probe runs. */
export function nextDue(world: World, p: Probe, start: number, now: number): number {
  const { delayMs, periodMs } = timing(world, p)
  const first = start + delayMs
  if (first > now) return first
  return first + (Math.floor((now - first) / periodMs) + 1) * periodMs
}

/**
 * Rooms by the step at which they are next probed: a derived index kept beside the world (never
 * inside it, like containerIndex.ts), so a step probes only the rooms due then instead of walking
 * every room. It is rebuilt from the rooms' own probe.nextAtMs whenever it is missing (a loaded
 * world, new probe settings), and rooms are probed in id order, so stepping is the same with or
 * without it.
 */
export const calendars = new WeakMap<World, Map<number, Container[]>>()

/** The step (a multiple of STEP_MS) in which a probe due at `atMs` runs. */
export const stepOf = (atMs: number): number => Math.ceil(atMs / STEP_MS) * STEP_MS

/** Forget the index (probe settings changed): the next step rebuilds it. */
export function resetProbeCalendar(world: World): void {
  calendars.delete(world)
}

/** The first probe time of a room of `app` that has just started running. */
export function firstProbeAt(world: World, app: App, c: Container): number {
  const from = c.stateSinceMs - 1
  return Math.min(
    app.readinessProbe ? nextDue(world, app.readinessProbe, c.stateSinceMs, from) : Infinity,
    app.livenessProbe ? nextDue(world, app.livenessProbe, c.stateSinceMs, from) : Infinity,
  )
}

/** A room started running (containers.ts): plan its first probe if its app has any. */
export function planFirstProbe(world: World, c: Container): void {
  const app = world.apps[c.appId]
  if (!app || (!app.readinessProbe && !app.livenessProbe)) return
  c.probe.nextAtMs = firstProbeAt(world, app, c)
  const cal = calendars.get(world)
  if (cal) enqueue(cal, c, Math.max(world.timeMs, stepOf(c.probe.nextAtMs)))
}

export function enqueue(cal: Map<number, Container[]>, c: Container, at: number): void {
  const list = cal.get(at)
  if (list) list.push(c)
  else cal.set(at, [c])
}

/** Build the index from the rooms themselves: one pass over every room. */
export function buildCalendar(world: World): Map<number, Container[]> {
  const cal = new Map<number, Container[]>()
  let lastAppId = ''
  let app: App | undefined
  for (const c of containerList(world)) {
    if (c.state !== 'running') continue
    if (c.appId !== lastAppId) {
      lastAppId = c.appId
      app = world.apps[c.appId]
    }
    if (!app || (!app.readinessProbe && !app.livenessProbe)) continue
    if (c.probe.nextAtMs === 0) c.probe.nextAtMs = firstProbeAt(world, app, c)
    enqueue(cal, c, Math.max(world.timeMs, stepOf(c.probe.nextAtMs)))
  }
  calendars.set(world, cal)
  return cal
}
