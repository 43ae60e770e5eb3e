/**
 * Street sizes for the benchmark and the "big street" sandbox: up to Kubernetes' own published
 * limits for one cluster (5,000 nodes, 150,000 pods; kubernetes.io "Considerations for large clusters").
 */
import { apply } from './commands'
import { step } from './step'
import type { World } from './types'
import { createWorld } from './world'
import { containerList } from './containerIndex'

export interface ScaleSize {
  name: 'S' | 'M' | 'L'
  hosts: number
  pods: number
}

export const SCALE_SIZES: Record<ScaleSize['name'], ScaleSize> = {
  S: { name: 'S', hosts: 10, pods: 100 },
  M: { name: 'M', hosts: 500, pods: 15_000 },
  L: { name: 'L', hosts: 5_000, pods: 150_000 },
}

/**
 * A street of `hosts` identical houses (in `zones` zones, a, b, c, … in turn) and apps whose replicas
 * add up to `pods`, all managed.
 * The pods are pending until the world steps; `settle` steps until all are running.
 */
export function buildScaleWorld(hosts: number, pods: number, seed = 1, zones = 3): World {
  const world = createWorld(seed)
  for (let i = 0; i < hosts; i++) {
    apply(world, {
      type: 'addHost',
      name: String(i + 1),
      zone: String.fromCharCode(97 + (i % zones)),
      cores: 32,
      memMiB: 131072,
      costPerHour: 1.5,
    })
  }
  apply(world, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 120 })
  const apps = Math.max(1, Math.ceil(pods / 1000))
  let left = pods
  for (let a = 0; a < apps; a++) {
    const replicas = Math.min(1000, left)
    left -= replicas
    apply(world, {
      type: 'addApp',
      id: `app${a}`,
      name: `app${a}`,
      imageId: 'web',
      cpuRequestMilli: 100,
      memRequestMiB: 128,
      rps: replicas * 10,
      capacityRps: 20,
      replicas,
      managed: true,
    })
  }
  return world
}

/** Step until every pod runs (or a minute of world time passes). */
export function settle(world: World): World {
  for (let i = 0; i < 600; i++) {
    step(world, 100)
    let allRunning = true
    for (const c of containerList(world)) {
      if (c.state !== 'running') {
        allRunning = false
        break
      }
    }
    if (allRunning && Object.keys(world.containers).length > 0) break
  }
  return world
}
