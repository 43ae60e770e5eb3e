/**
 * kubectl drain: evict the managed pods of a draining house through the eviction API, which
 * refuses an eviction that would break the app's PodDisruptionBudget; the drain retries each step.
 */
import { deleteContainer } from '../containers'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import type { Container, World } from '../types'
import { countByApp } from './replicaset'

const healthy = (c: Container): boolean => c.state === 'running' && c.ready

export function drain(world: World): void {
  const draining = Object.values(world.hosts).filter((h) => h.draining)
  if (draining.length === 0) return
  // A disruption budget counts healthy pods: running and ready (kubernetes.io "Disruptions").
  const availableByApp = countByApp(world, healthy)
  for (const host of draining) {
    let left = 0
    let blocked = 0
    let bare = 0
    for (const c of containerList(world)) {
      if (c.placement?.kind !== 'host' || c.placement.hostId !== host.id) continue
      if (!c.managed) {
        bare++
        continue
      }
      const app = world.apps[c.appId]
      const avail = availableByApp.get(c.appId) ?? 0
      const counts = healthy(c)
      if (app?.pdbMinAvailable != null && counts && avail - 1 < app.pdbMinAvailable) {
        blocked++
        left++
        continue
      }
      if (counts) availableByApp.set(c.appId, avail - 1)
      deleteContainer(world, c)
    }
    if (blocked > 0 && !host.drainBlocked) {
      host.drainBlocked = true
      logEvent(
        world,
        'warn',
        `The manager waits: moving another room out of house ${host.name} now would break a business's promise of open rooms.`,
        `error when evicting pods from node/${host.name}: Cannot evict pod as it would violate the pod's disruption budget (${blocked} pod(s)); retrying.`,
        [host.id],
      )
    }
    if (left === 0) {
      host.draining = false
      host.drainBlocked = false
      logEvent(
        world,
        'info',
        `House ${host.name} is empty of the manager's rooms${bare ? ` (${bare} rooms nobody manages stay: they would be lost)` : ''}.`,
        `node/${host.name} drained${bare ? `; ${bare} unmanaged pod(s) left (kubectl drain needs --force to delete them)` : ''}.`,
        [host.id],
      )
    }
  }
}
