/**
 * The timeline: step back and forth in time exactly, built on determinism. It keeps a snapshot of
 * the world every few seconds of world time plus every command with the tick it was applied at;
 * any moment is the nearest earlier snapshot replayed forward (commands, then ticks). Pure: the
 * caller feeds it commands and ticks and keeps whatever else it needs in `extra` (a level's progress).
 *
 * Tick semantics, as the game plays: a command recorded at tick T was applied when world.tick was
 * T, before the step to T + 1. A snapshot at tick S is taken right after the step to S, before the
 * commands of tick S. worldAt(T) is the world after the step to T and after the commands of tick T.
 */
import type { Command } from './commandTypes'
import { apply } from './commands'
import { STEP_MS } from './constants'
import { tick as stepTick } from './step'
import type { World } from './types'

export interface TimedCommand {
  tick: number
  command: Command
}

export interface Snapshot<X> {
  tick: number
  world: World
  extra: X
}

export interface Timeline<X = null> {
  /** Snapshots in tick order; the first is where the timeline starts. */
  snapshots: Snapshot<X>[]
  commands: TimedCommand[]
  /** Ticks between snapshots (50 = 5 s of world time). */
  every: number
  /** The latest tick recorded. */
  head: number
}

/** Snapshots every 5 s of world time: replaying to any moment costs at most 50 ticks. */
export const SNAPSHOT_EVERY_TICKS = 50

const clone = <T>(v: T): T => structuredClone(v)

/** Start a timeline at this world (copied) and its extra state. */
export function createTimeline<X>(world: World, extra: X, every = SNAPSHOT_EVERY_TICKS): Timeline<X> {
  return { snapshots: [{ tick: world.tick, world: clone(world), extra: clone(extra) }], commands: [], every, head: world.tick }
}

/** Record a command the game applied at this tick. */
export function recordCommand<X>(tl: Timeline<X>, tick: number, command: Command): void {
  tl.commands.push({ tick, command: clone(command) })
  tl.head = Math.max(tl.head, tick)
}

/** After a step: remember the tick, and take a snapshot when one is due. Returns whether it took one. */
export function recordTick<X>(tl: Timeline<X>, world: World, extra: X): boolean {
  tl.head = Math.max(tl.head, world.tick)
  const last = tl.snapshots[tl.snapshots.length - 1]!
  if (world.tick - last.tick < tl.every) return false
  tl.snapshots.push({ tick: world.tick, world: clone(world), extra: clone(extra) })
  return true
}

/**
 * The world (a fresh copy) and extra state at a tick, rebuilt from the nearest snapshot at or
 * before it. `onTick` advances the extra state after each replayed step, as the game did.
 */
export function worldAt<X>(tl: Timeline<X>, target: number, onTick?: (world: World, extra: X) => X): { world: World; extra: X } {
  const t = Math.max(tl.snapshots[0]!.tick, Math.min(target, tl.head))
  let snap = tl.snapshots[0]!
  for (const s of tl.snapshots) if (s.tick <= t) snap = s
  const world = clone(snap.world)
  let extra = clone(snap.extra)
  let i = tl.commands.findIndex((c) => c.tick >= snap.tick)
  if (i < 0) i = tl.commands.length
  for (;;) {
    while (i < tl.commands.length && tl.commands[i]!.tick === world.tick) apply(world, tl.commands[i++]!.command)
    if (world.tick >= t) break
    stepTick(world)
    if (onTick) extra = onTick(world, extra)
  }
  return { world, extra }
}

/** Forget everything after this tick (the player went back and changed the future). */
export function truncateAfter<X>(tl: Timeline<X>, tick: number): void {
  tl.snapshots = tl.snapshots.filter((s, i) => i === 0 || s.tick <= tick)
  tl.commands = tl.commands.filter((c) => c.tick <= tick)
  tl.head = Math.max(tl.snapshots[0]!.tick, tick)
}

/** World time (ms) of a tick, for a scrubber's labels. */
export function tickMs(tick: number): number {
  return tick * STEP_MS
}

/**
 * One tick forward from a world rebuilt by worldAt, in the same order (the step, then the commands
 * of the new tick), for playing a stretch of the past forward: worldAt(t) stepped k times is worldAt(t + k).
 */
export function stepRecorded<X>(tl: Timeline<X>, world: World, extra: X, onTick?: (world: World, extra: X) => X): X {
  stepTick(world)
  const next = onTick ? onTick(world, extra) : extra
  for (const c of tl.commands) if (c.tick === world.tick) apply(world, c.command)
  return next
}
