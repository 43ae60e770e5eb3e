/**
 * The rooms the kernel system must look at closely (a hog, a leak, a limit or a sandbox), and its
 * per-app load memory: an index kept beside the world (like containerIndex.ts), never inside it.
 * Commands and the container lifecycle note special rooms here; systems/cgroups.ts reads it.
 */
import { containerList } from './containerIndex'
import type { Container, World } from './types'

export interface Cache {
  /** Rooms with a hog, leak, limit or sandbox (added by the commands that make them so). */
  specials: Set<Container>
  /** Each app's load at the last step, to know when quick rooms need their CPU use updated. */
  loads: Map<string, number>
  /** Rooms the careful path left below full speed. */
  slowed: Set<Container>
  /**
   * Rooms started (world.stats.containersStarted) and whether any kernel took the careful path, at the last pass: a
   * room that just opened, or one a kernel stopped watching closely, needs its use written even if no load moved.
   */
  started: number
  wasBusy: boolean
}

/** Derived, beside the world (like containerIndex); rebuilt by one scan after a load. */
const caches = new WeakMap<World['containers'], Cache>()

export function isSpecial(c: Container): boolean {
  return c.cpuHog || c.leakMiBPerS > 0 || c.cpuLimitMilli !== null || c.memLimitMiB !== null || c.runtime !== 'runc'
}

export function cacheOf(world: World): Cache {
  let cache = caches.get(world.containers)
  if (!cache) {
    cache = { specials: new Set(), loads: new Map(), slowed: new Set(), started: -1, wasBusy: true }
    for (const c of containerList(world)) {
      if (isSpecial(c)) cache.specials.add(c)
      if (c.speed !== 1) cache.slowed.add(c)
    }
    caches.set(world.containers, cache)
  }
  return cache
}

/** Commands that give a room a hog, leak, limit or sandbox call this, so the kernel system looks at it. */
export function noteSpecialRoom(world: World, c: Container): void {
  if (isSpecial(c)) caches.get(world.containers)?.specials.add(c)
}
