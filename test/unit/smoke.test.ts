import { expect, test } from 'vitest'
import { apply, createWorld, step } from '../../src/sim'

test('a room placed in a house opens within a few seconds', () => {
  const w = createWorld(1)
  apply(w, { type: 'addHost', cores: 4, memMiB: 8192, costPerHour: 1 })
  apply(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 100 })
  apply(w, { type: 'addApp', id: 'a', name: 'a', imageId: 'web', cpuRequestMilli: 100, memRequestMiB: 256, rps: 10, capacityRps: 50 })
  const r = apply(w, { type: 'runContainer', appId: 'a', target: { kind: 'host', hostId: 'h1' } })
  expect(r.ok).toBe(true)
  step(w, 3000)
  expect(Object.values(w.containers).map((c) => c.state)).toEqual(['running'])
})
