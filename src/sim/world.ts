import { seedRng } from './rng'
import type { World } from './types'

/** An empty street with a seed. Levels and the sandbox add to it with commands. */
export function createWorld(seed: number, delayScale = 1): World {
  return {
    seed: seed >>> 0,
    rng: seedRng(seed),
    timeMs: 0,
    tick: 0,
    nextId: 1,
    delayScale,
    hosts: {},
    vms: {},
    containers: {},
    apps: {},
    images: {},
    layers: {},
    events: [],
    eventSeq: 0,
    schedule: [],
    costSpent: 0,
    schedulerCursor: 0,
    stats: { podsScheduled: 0, containersStarted: 0, crashes: 0 },
    metrics: {},
    costSamples: [],
    namespaces: ['default'],
    priorityClasses: {},
    autoscaler: null,
    // Present from the start, though empty (undefined: not in the JSON, so not in a save or the hash): a world that
    // gained it in the first step of a zone outage changed shape, and every system optimised for the old one fell back.
    zoneStates: undefined,
  }
}

/** A fresh id with a readable prefix: h1, vm2, c3 ... Deterministic: a counter in the world. */
export function newId(world: World, prefix: string): string {
  const id = `${prefix}${world.nextId}`
  world.nextId += 1
  return id
}

/** A delay from FIDELITY.md, compressed by the world's classroom factor. */
export function scaledDelay(world: World, ms: number): number {
  return Math.max(1, Math.round(ms * world.delayScale))
}

/**
 * Commands applied to each world, counted by type beside it (not in it: the world stays what was saved): the
 * scheduler's unschedulable queue (systems/schedulerQueue.ts) tries its waiting pods again after any command, as one
 * may have changed a node, an app's rules or a priority class; its kept view of the nodes (systems/schedulerCache.ts)
 * is built afresh after any command but those it knows change only what it reads afresh anyway.
 */
const commandsApplied = new WeakMap<World, Map<string, number>>()

export function noteCommand(world: World, type: string): void {
  let counts = commandsApplied.get(world)
  if (!counts) commandsApplied.set(world, (counts = new Map()))
  counts.set(type, (counts.get(type) ?? 0) + 1)
}

/** How many commands were applied to the world, leaving out those of the types in `except`. */
export function commandCount(world: World, except?: ReadonlySet<string>): number {
  let n = 0
  const counts = commandsApplied.get(world)
  if (counts) for (const [type, k] of counts) if (!except?.has(type)) n += k
  return n
}
