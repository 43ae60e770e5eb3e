/**
 * Worlds saved before issues 3 and 4 lack the machine and Kubernetes fields (layers, packages, limits, usage...).
 * upgradeWorld fills each missing field with the default the commands give new objects, in place,
 * so an old save loads and steps; a world that has them is left exactly as it is.
 */
import { DEFAULT_SECURITY, MEM_BASELINE_OF_REQUEST } from './constants'
import { layerIdOf } from './images'
import type { World } from './types'

export function upgradeWorld(world: World): World {
  const w = world as World & Record<string, unknown>
  w.layers ??= {}
  for (const image of Object.values(world.images)) {
    const im = image as typeof image & Partial<Pick<typeof image, 'layers' | 'packages'>>
    if (!im.layers) {
      const instruction = `ADD ${im.ref}`
      const id = layerIdOf(null, instruction, im.sizeMiB)
      world.layers[id] ??= { id, parent: null, instruction, sizeMiB: im.sizeMiB }
      im.layers = [id]
    }
    im.packages ??= []
  }
  for (const h of Object.values(world.hosts) as Partial<World['hosts'][string]>[]) {
    delete (h as Record<string, unknown>).cachedImages
    h.cachedLayers ??= []
    h.packages ??= []
    h.installedApps ??= []
    h.memOvercommit ??= 1
    h.swapping ??= false
    h.labels ??= {}
    h.taints ??= []
  }
  for (const vm of Object.values(world.vms) as Partial<World['vms'][string]>[]) {
    delete (vm as Record<string, unknown>).cachedImages
    vm.cachedLayers ??= []
    vm.packages ??= []
    vm.installedApps ??= []
    vm.speed ??= 1
    vm.memInUseMiB ??= 0
    vm.migration ??= null
    vm.labels ??= {}
    vm.taints ??= []
  }
  for (const a of Object.values(world.apps) as Partial<World['apps'][string]>[]) {
    a.cpuLimitMilli ??= null
    a.memLimitMiB ??= null
    a.requires ??= []
    a.runtime ??= 'runc'
    a.security ??= { ...DEFAULT_SECURITY }
    a.namespace ??= 'default'
    a.labels ??= { app: a.name ?? '' }
    a.tolerations ??= []
    a.nodeAffinity ??= { required: [], preferred: [] }
    a.podAntiAffinity ??= null
    a.topologySpread ??= null
    a.priorityClassName ??= ''
    a.readinessProbe ??= null
    a.livenessProbe ??= null
    a.sidecars ??= []
    a.manifest ??= null
    if (a.hpa) {
      a.hpa.behavior ??= false
      a.hpa.currentCpuPercent ??= null
      a.hpa.status ??= { metaphor: '', technical: '' }
    }
  }
  for (const vm of Object.values(world.vms)) {
    const m = vm.migration as (Partial<NonNullable<typeof vm.migration>> & object) | null
    if (m) {
      m.mode ??= 'precopy'
      m.converges ??= true
      m.throttlePercent ??= 0
      m.postcopyMs ??= 0
    }
  }
  for (const c of Object.values(world.containers) as Partial<World['containers'][string]>[]) {
    c.cpuLimitMilli ??= null
    c.memLimitMiB ??= null
    c.runtime ??= 'runc'
    c.security ??= { ...DEFAULT_SECURITY }
    c.cpuUsageMilli ??= 0
    c.memUsageMiB ??= c.state === 'running' ? (c.memRequestMiB ?? 0) * MEM_BASELINE_OF_REQUEST : 0
    c.speed ??= 1
    c.throttled ??= false
    c.exitCode ??= null
    c.leakMiBPerS ??= 0
    c.leakedMiB ??= 0
    c.cpuHog ??= false
    c.breached ??= false
    c.namespace ??= 'default'
    c.priority ??= 0
    c.ready ??= c.state === 'running'
    c.probe ??= { readinessFailures: 0, readinessSuccesses: 0, livenessFailures: 0, nextAtMs: 0 }
    c.hung ??= false
    c.sidecars ??= []
    c.nominatedNode ??= null
    c.terminatingUntilMs ??= null
    c.createdAtMs ??= c.stateSinceMs ?? 0
  }
  w.namespaces ??= ['default']
  w.priorityClasses ??= {}
  w.autoscaler ??= null
  // Events from before the message catalogue were sentences: keep them readable as legacy lines.
  world.events = world.events.map((e) => {
    const old = e as typeof e & { metaphor?: string; technical?: string }
    if (typeof old.id === 'string') return e
    const { metaphor = '', technical = metaphor, ...rest } = old
    return { ...rest, id: 'legacy.text', params: { metaphor, technical } }
  })
  return world
}
