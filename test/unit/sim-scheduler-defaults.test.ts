/**
 * Scheduler defaults (FIDELITY.md "Scoring pods without requests"): kube-scheduler scores a pod without requests as
 * 100m CPU / 200 MiB (resource_allocation.go), on the node and for the incoming pod, so request-less rooms count
 * when a house is judged full. Filtering still counts their real requests (0).
 */
import { describe, expect, test } from 'vitest'
import { createWorld, step } from '../../src/sim'
import { containersOf, must, stepUntil } from './helpers'
import { NON_ZERO_DEFAULTS } from '../../src/sim/systems/schedulerState'

describe('scheduler defaults for pods without requests', () => {
  test('ten request-less rooms weigh as 1000m / 2000 MiB when scoring: a new room picks the house with one 500m room instead', () => {
    const w = createWorld(21)
    for (let i = 1; i <= 2; i++) must(w, { type: 'addHost', name: String(i), cores: 4, memMiB: 8192, costPerHour: 1 })
    // A small image: ImageLocality scores nothing under 23 MiB, so the resource scores decide.
    must(w, { type: 'addImage', id: 'img', ref: 'img:1', sizeMiB: 20 })
    must(w, { type: 'addApp', id: 'tiny', name: 'tiny', imageId: 'img', cpuRequestMilli: 0, memRequestMiB: 0, rps: 0, capacityRps: 10 })
    must(w, { type: 'addApp', id: 'web', name: 'web', imageId: 'img', cpuRequestMilli: 500, memRequestMiB: 512, rps: 0, capacityRps: 10 })
    for (let i = 0; i < 10; i++) must(w, { type: 'runContainer', appId: 'tiny', target: { kind: 'host', hostId: 'h1' } })
    must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h2' } })
    stepUntil(w, (x) => Object.values(x.containers).every((c) => c.state === 'running'))
    must(w, {
      type: 'addApp',
      id: 'probe',
      name: 'probe',
      imageId: 'img',
      cpuRequestMilli: 0,
      memRequestMiB: 0,
      rps: 0,
      capacityRps: 10,
      replicas: 1,
      managed: true,
    })
    step(w, 1_000)
    // Counted at their real requests (0 CPU, a few MiB of shim), house 1 would look emptier than house 2 with its 500m.
    expect(containersOf(w, 'probe')[0]!.placement).toEqual({ kind: 'host', hostId: 'h2' })
    expect(NON_ZERO_DEFAULTS).toMatchObject({ cpuMilli: 100, memMiB: 200 })
  })
})
