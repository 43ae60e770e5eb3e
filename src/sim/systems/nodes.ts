/**
 * Node lifecycle controller: the control plane only learns a node is gone when its heartbeats
 * stop for the grace period; then pods tolerate the NotReady taint for 300 s before eviction.
 * It does not repair the machine: that is the infrastructure layer's job (FIDELITY.md).
 */
import { NODE_LIFECYCLE } from '../constants'
import { deleteContainer } from '../commands'
import { logEvent } from '../events'
import type { World } from '../types'
import { scaledDelay } from '../world'
import { containerList } from '../containerIndex'

export function nodeLifecycle(world: World): void {
  const grace = scaledDelay(world, NODE_LIFECYCLE.gracePeriodMs)
  const evictAfter = grace + scaledDelay(world, NODE_LIFECYCLE.evictionTolerationMs)
  const evictHosts = new Set<string>()
  const evictVms = new Set<string>()
  for (const host of Object.values(world.hosts)) {
    if (host.downSinceMs === null) {
      if (host.condition !== 'Ready') host.condition = 'Ready'
      continue
    }
    const down = world.timeMs - host.downSinceMs
    if (host.condition === 'Ready' && down >= grace) {
      host.condition = 'NotReady'
      logEvent(
        world,
        'warn',
        `The building manager noticed house ${host.name} stopped answering (${grace / 1000} s without a call). Its rooms will be moved in ${(evictAfter - grace) / 1000} s.`,
        `Node ${host.name} NotReady: no heartbeat for ${grace / 1000} s (node-monitor-grace-period). Pods evicted after ${(evictAfter - grace) / 1000} s toleration.`,
        [host.id],
      )
    }
    if (down >= evictAfter) evictHosts.add(host.id)
  }
  for (const vm of Object.values(world.vms)) {
    if (vm.downSinceMs === null) continue
    const down = world.timeMs - vm.downSinceMs
    if (vm.condition === 'Ready' && down >= grace) {
      vm.condition = 'NotReady'
      logEvent(
        world,
        'warn',
        `The building manager noticed apartment ${vm.name} stopped answering.`,
        `Node ${vm.name} NotReady: no heartbeat for ${grace / 1000} s.`,
        [vm.id],
      )
    }
    if (down >= evictAfter) evictVms.add(vm.id)
  }
  if (evictHosts.size === 0 && evictVms.size === 0) return
  let evicted = 0
  for (const c of containerList(world)) {
    if (!c.managed || c.state !== 'lost' || !c.placement) continue
    const on = c.placement.kind === 'host' ? evictHosts.has(c.placement.hostId) : evictVms.has(c.placement.vmId)
    if (on) {
      deleteContainer(world, c)
      evicted += 1
    }
  }
  if (evicted > 0) {
    logEvent(
      world,
      'warn',
      `The building manager gave up on ${evicted} rooms in lost buildings and will set them up elsewhere.`,
      `Evicted ${evicted} pods from NotReady nodes (taint-based eviction); ReplicaSets will recreate them.`,
      [...evictHosts, ...evictVms],
    )
  }
}
