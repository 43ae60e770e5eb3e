/**
 * kubectl drain: evict the managed pods of a draining house through the eviction API, which
 * refuses an eviction that would break the app's PodDisruptionBudget; the drain retries each step.
 */
import { terminatePod } from '../containers'
import { containerList, hostList } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import type { Container, World } from '../types'
import { countByApp } from './replicaset'

const healthy = (c: Container): boolean => c.state === 'running' && c.ready

export function drain(world: World): void {
  const draining = hostList(world).filter((h) => h.draining)
  if (draining.length === 0) return
  // A disruption budget counts healthy pods: running and ready (kubernetes.io "Disruptions").
  const availableByApp = countByApp(world, healthy)
  for (const host of draining) {
    let left = 0
    let blocked = 0
    let bare = 0
    for (const c of containerList(world)) {
      if (c.placement?.kind !== 'host' || c.placement.hostId !== host.id) continue
      if (c.terminatingUntilMs !== null) {
        // Evicted already: Terminating for its grace period (the drain waits for it, as kubectl drain does).
        left++
        continue
      }
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
      // The eviction API deletes the pod gracefully: Terminating for its grace period, then gone.
      terminatePod(world, c)
      if (c.terminatingUntilMs !== null) left++
    }
    if (blocked > 0 && !host.drainBlocked) {
      host.drainBlocked = true
      logEvent(world, 'warn', say('drain.blockedByBudget', { host: host.name, blocked }), [host.id])
    }
    if (left === 0) {
      host.draining = false
      host.drainBlocked = false
      logEvent(
        world,
        'info',
        say('drain.drained', {
          host: host.name,
          bare: bare ? ` (${bare} rooms nobody manages stay: they would be lost)` : '',
          bare2: bare ? `; ${bare} unmanaged pod(s) left (kubectl drain needs --force to delete them)` : '',
        }),
        [host.id],
      )
    }
  }
}
