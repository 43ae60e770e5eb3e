import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseLevel, startLevel } from '../../src/levels'
import { apply, createWorld, step, STEP_MS } from '../../src/sim'
import type { Command, World } from '../../src/sim'

/** Apply a command and fail loudly if the simulation rejects it. */
export function must(world: World, command: Command): string | undefined {
  const r = apply(world, command)
  if (!r.ok) throw new Error(`${command.type} rejected: ${r.technical}`)
  return r.id
}

/** One house (8 cores, 16 GiB), a Linux web image and app, and a Windows ledger image and app. */
export function smallStreet(seed = 1, hosts = 1): World {
  const w = createWorld(seed)
  for (let i = 0; i < hosts; i++) must(w, { type: 'addHost', name: String(i + 1), cores: 8, memMiB: 16384, costPerHour: 1 })
  must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 200 })
  must(w, { type: 'addImage', id: 'ledger', ref: 'ledger:2003', sizeMiB: 900, os: 'windows' })
  must(w, { type: 'addApp', id: 'web', name: 'web', imageId: 'web', cpuRequestMilli: 500, memRequestMiB: 512, rps: 100, capacityRps: 60 })
  must(w, {
    type: 'addApp',
    id: 'ledger',
    name: 'ledger',
    imageId: 'ledger',
    cpuRequestMilli: 500,
    memRequestMiB: 512,
    rps: 10,
    capacityRps: 20,
  })
  return w
}

/** Step until the predicate holds; returns the world time it took. Throws after maxMs. */
export function stepUntil(world: World, predicate: (w: World) => boolean, maxMs = 600_000): number {
  const start = world.timeMs
  while (!predicate(world)) {
    if (world.timeMs - start > maxMs) throw new Error(`condition not met within ${maxMs} ms`)
    step(world, 100)
  }
  return world.timeMs - start
}

export const containersOf = (w: World, appId: string) => Object.values(w.containers).filter((c) => c.appId === appId)

/** Every campaign level played to its end with its reference solution: a few thousand events of every kind. */
export function playedLevels(): World[] {
  const dir = join(__dirname, '../../levels')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const r = parseLevel(`levels/${file}`, readFileSync(join(dir, file), 'utf8'))
      if (!r.ok) throw new Error(r.error)
      const level = r.level
      const world = startLevel(level)
      const queue = [...level.solution].sort((a, b) => a.atMs - b.atMs)
      while (world.timeMs < level.durationMs) {
        while (queue.length && queue[0]!.atMs <= world.timeMs) apply(world, queue.shift()!.command)
        step(world, STEP_MS)
      }
      return world
    })
}
