/**
 * Random streets for scheduler property tests: houses (some cordoned, tainted or labelled, in a few
 * zones), apps with and without rules of their own (tolerations, node affinity, spread, anti-affinity,
 * priority), and a script of disturbances (houses failing and coming back, replicas changing).
 */
import fc from 'fast-check'
import { apply, createWorld, step, STEP_MS } from '../../src/sim'
import type { Command, World } from '../../src/sim'

export interface HostSpec {
  cores: number
  memGiB: number
  zone: number
  cordoned: boolean
  taint: 'none' | 'gpu' | 'soft'
  disk: 'ssd' | 'hdd'
}

export interface AppSpec {
  cpu: number
  memMiB: number
  replicas: number
  priority: 0 | 1000
  rule: 'none' | 'tolerateGpu' | 'ssd' | 'preferSsd' | 'spreadZoneHard' | 'spreadHostSoft' | 'antiHost' | 'antiZoneSoft'
}

export interface Disturbance {
  atStep: number
  kind: 'failHost' | 'repairHost' | 'replicas' | 'cordon'
  /** Index into the hosts or apps (taken modulo their count). */
  target: number
  value: number
}

export interface StreetSpec {
  seed: number
  hosts: HostSpec[]
  /** Further plain houses (8 cores, 16 GiB, zones in turn): enough of them and the scheduler samples. */
  plainHosts: number
  apps: AppSpec[]
  script: Disturbance[]
  steps: number
}

export const hostSpec: fc.Arbitrary<HostSpec> = fc.record({
  cores: fc.constantFrom(2, 4, 8),
  memGiB: fc.constantFrom(4, 8, 16),
  zone: fc.integer({ min: 0, max: 2 }),
  cordoned: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  taint: fc.constantFrom('none', 'none', 'none', 'gpu', 'soft'),
  disk: fc.constantFrom('ssd', 'hdd'),
})

export const appSpec: fc.Arbitrary<AppSpec> = fc.record({
  cpu: fc.constantFrom(100, 250, 500, 1000),
  memMiB: fc.constantFrom(128, 256, 512, 2048),
  replicas: fc.integer({ min: 1, max: 40 }),
  priority: fc.constantFrom(0 as const, 0 as const, 1000 as const),
  rule: fc.constantFrom(
    'none',
    'none',
    'none',
    'tolerateGpu',
    'ssd',
    'preferSsd',
    'spreadZoneHard',
    'spreadHostSoft',
    'antiHost',
    'antiZoneSoft',
  ),
})

export const disturbance: fc.Arbitrary<Disturbance> = fc.record({
  atStep: fc.integer({ min: 1, max: 30 }),
  kind: fc.constantFrom('failHost', 'repairHost', 'replicas', 'cordon'),
  target: fc.nat(),
  value: fc.integer({ min: 0, max: 60 }),
})

export const streetSpec: fc.Arbitrary<StreetSpec> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  hosts: fc.array(hostSpec, { minLength: 1, maxLength: 24 }),
  plainHosts: fc.oneof(fc.constant(0), fc.integer({ min: 90, max: 260 })),
  apps: fc.array(appSpec, { minLength: 1, maxLength: 6 }),
  script: fc.array(disturbance, { maxLength: 8 }),
  steps: fc.integer({ min: 5, max: 40 }),
})

const must = (world: World, command: Command): void => {
  const r = apply(world, command)
  if (!r.ok) throw new Error(`${command.type}: ${r.technical}`)
}

/** Build the street (its pods still pending). */
export function buildStreet(spec: StreetSpec): World {
  const world = createWorld(spec.seed)
  spec.hosts.forEach((h, i) => {
    const id = `h${i + 1}`
    must(world, { type: 'addHost', id, name: String(i + 1), zone: 'abc'[h.zone], cores: h.cores, memMiB: h.memGiB * 1024, costPerHour: 1 })
    const target = { kind: 'host' as const, hostId: id }
    must(world, { type: 'setNodeLabels', target, labels: { disk: h.disk } })
    if (h.taint === 'gpu') must(world, { type: 'setTaints', target, taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }] })
    if (h.taint === 'soft') must(world, { type: 'setTaints', target, taints: [{ key: 'old', value: 'yes', effect: 'PreferNoSchedule' }] })
    if (h.cordoned) must(world, { type: 'cordon', hostId: id, unschedulable: true })
  })
  for (let i = 0; i < spec.plainHosts; i++) {
    const id = `p${i + 1}`
    must(world, { type: 'addHost', id, name: `p${i + 1}`, zone: 'abc'[i % 3], cores: 8, memMiB: 16384, costPerHour: 1 })
  }
  must(world, { type: 'addImage', id: 'web', ref: 'web:1', sizeMiB: 100 })
  must(world, { type: 'addPriorityClass', name: 'high', value: 1000 })
  spec.apps.forEach((a, i) => {
    const appId = `a${i}`
    must(world, {
      type: 'addApp',
      id: appId,
      name: appId,
      imageId: 'web',
      cpuRequestMilli: a.cpu,
      memRequestMiB: a.memMiB,
      rps: 0,
      capacityRps: 10,
      replicas: a.replicas,
      managed: true,
    })
    if (a.priority) must(world, { type: 'setPriorityClass', appId, name: 'high' })
    const ssd = [{ key: 'disk', operator: 'In' as const, values: ['ssd'] }]
    switch (a.rule) {
      case 'tolerateGpu':
        must(world, { type: 'setTolerations', appId, tolerations: [{ key: 'gpu', operator: 'Exists' }] })
        break
      case 'ssd':
        must(world, { type: 'setNodeAffinity', appId, affinity: { required: ssd, preferred: [] } })
        break
      case 'preferSsd':
        must(world, { type: 'setNodeAffinity', appId, affinity: { required: [], preferred: [{ weight: 50, match: ssd }] } })
        break
      case 'spreadZoneHard':
        must(world, {
          type: 'setTopologySpread',
          appId,
          spread: { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' },
        })
        break
      case 'spreadHostSoft':
        must(world, {
          type: 'setTopologySpread',
          appId,
          spread: { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
        })
        break
      case 'antiHost':
        must(world, { type: 'setPodAntiAffinity', appId, antiAffinity: { topologyKey: 'kubernetes.io/hostname', required: true } })
        break
      case 'antiZoneSoft':
        must(world, {
          type: 'setPodAntiAffinity',
          appId,
          antiAffinity: { topologyKey: 'topology.kubernetes.io/zone', required: false },
        })
        break
      case 'none':
        break
    }
  })
  return world
}

/** Run the street's script step by step; calls `each` after every step (to compare or record). */
export function runStreet(spec: StreetSpec, world: World, each: (world: World, step: number) => void): void {
  const hosts = spec.hosts.length
  const apps = spec.apps.length
  for (let s = 1; s <= spec.steps; s++) {
    for (const d of spec.script) {
      if (d.atStep !== s) continue
      const hostId = `h${(d.target % hosts) + 1}`
      if (d.kind === 'failHost') apply(world, { type: 'failHost', hostId })
      else if (d.kind === 'repairHost') apply(world, { type: 'repairHost', hostId })
      else if (d.kind === 'cordon') apply(world, { type: 'cordon', hostId, unschedulable: d.value % 2 === 0 })
      else apply(world, { type: 'setReplicas', appId: `a${d.target % apps}`, replicas: d.value })
    }
    step(world, STEP_MS)
    each(world, s)
  }
}
