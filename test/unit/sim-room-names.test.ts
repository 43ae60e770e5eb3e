import { expect, test } from 'vitest'
import { apply, createWorld } from '../../src/sim'
import type { Command } from '../../src/sim'

test("a room opened by hand is named after its app and the app's own count: shop-1 first, not the world's id counter", () => {
  const world = createWorld(7)
  const setup: Command[] = [
    { type: 'addHost', name: '1', zone: 'a', cores: 16, memMiB: 32768, costPerHour: 1 },
    { type: 'addImage', id: 'shop', ref: 'shop:1.0', sizeMiB: 100 },
    { type: 'addApp', id: 'shop', name: 'shop', imageId: 'shop', cpuRequestMilli: 100, memRequestMiB: 128, rps: 0, capacityRps: 10 },
    { type: 'addApp', id: 'blog', name: 'blog', imageId: 'shop', cpuRequestMilli: 100, memRequestMiB: 128, rps: 0, capacityRps: 10 },
  ]
  for (const c of setup) expect(apply(world, c).ok).toBe(true)
  const open = (appId: string) => {
    const r = apply(world, { type: 'runContainer', appId, target: { kind: 'host', hostId: 'h1' } })
    if (!r.ok || !('id' in r)) throw new Error('refused')
    return world.containers[r.id as string]!
  }
  const first = open('shop')
  expect(first.name).toBe('shop-1')
  expect(open('blog').name).toBe('blog-1')
  expect(open('shop').name).toBe('shop-2')
  // A removed room's number is free again (as docker rm frees a container's name).
  expect(apply(world, { type: 'removeContainer', containerId: first.id }).ok).toBe(true)
  expect(open('shop').name).toBe('shop-1')
  expect(open('shop').name).toBe('shop-3')
  const names = Object.values(world.containers).map((c) => c.name)
  expect(new Set(names).size).toBe(names.length)
})
