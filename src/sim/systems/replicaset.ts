/** ReplicaSet controller: for each app the manager looks after, make actual replicas match the clipboard. */
import { deleteContainer, newContainer } from '../commands'
import { logEvent } from '../events'
import type { Container, World } from '../types'
import { containerList } from '../containerIndex'

/** Which extra pods to remove first, as the ReplicaSet controller ranks them: unscheduled, then not ready, then newest. */
function deletionRank(c: Container): number {
  if (c.placement === null) return 0
  if (c.state !== 'running') return 1
  return 2
}

export function replicaSets(world: World): void {
  const managedApps = Object.values(world.apps).filter((a) => a.managed)
  if (managedApps.length === 0) return
  const byApp = new Map<string, Container[]>()
  for (const a of managedApps) byApp.set(a.id, [])
  for (const c of containerList(world)) {
    if (c.state === 'terminated') continue
    byApp.get(c.appId)?.push(c)
  }
  for (const app of managedApps) {
    const pods = byApp.get(app.id)!
    const diff = app.replicas - pods.length
    if (diff > 0) {
      for (let i = 0; i < diff; i++) newContainer(world, app.id, true)
      logEvent(world, 'info', `The building manager orders ${diff} new room${diff > 1 ? 's' : ''} for ${app.name} (clipboard ${app.replicas}, has ${pods.length}).`, `ReplicaSet ${app.name}: created ${diff} pod${diff > 1 ? 's' : ''} (desired ${app.replicas}, current ${pods.length}).`, [app.id])
    } else if (diff < 0) {
      const victims = [...pods].sort((a, b) => deletionRank(a) - deletionRank(b) || (b.stateSinceMs - a.stateSinceMs)).slice(0, -diff)
      for (const c of victims) deleteContainer(world, c)
      logEvent(world, 'info', `The building manager closes ${-diff} room${-diff > 1 ? 's' : ''} of ${app.name} (clipboard ${app.replicas}).`, `ReplicaSet ${app.name}: deleted ${-diff} pod${-diff > 1 ? 's' : ''} (desired ${app.replicas}).`, [app.id])
    }
  }
}
