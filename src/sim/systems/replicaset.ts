/** ReplicaSet controller: for each app the manager looks after, make actual replicas match the clipboard. */
import { deleteContainer, newContainer } from '../commands'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import type { Container, World } from '../types'

/** Which extra pods to remove first, as the ReplicaSet controller ranks them: unscheduled, then not ready, then newest. */
function deletionRank(c: Container): number {
  if (c.placement === null) return 0
  if (c.state !== 'running') return 1
  return 2
}

/** Pods per app, in one pass. Pods of an app are mostly adjacent, so the last lookup is reused. */
export function countByApp(world: World, include: (c: Container) => boolean): Map<string, number> {
  const counts = new Map<string, number>()
  let lastApp = ''
  let run = 0
  for (const c of containerList(world)) {
    if (!include(c)) continue
    if (c.appId !== lastApp) {
      if (run > 0) counts.set(lastApp, (counts.get(lastApp) ?? 0) + run)
      lastApp = c.appId
      run = 0
    }
    run++
  }
  if (run > 0) counts.set(lastApp, (counts.get(lastApp) ?? 0) + run)
  return counts
}

const alive = (c: Container): boolean => c.state !== 'terminated'

export function replicaSets(world: World): void {
  const managedApps = Object.values(world.apps).filter((a) => a.managed)
  if (managedApps.length === 0) return
  const counts = countByApp(world, alive)
  for (const app of managedApps) {
    const current = counts.get(app.id) ?? 0
    const diff = app.replicas - current
    if (diff > 0) {
      for (let i = 0; i < diff; i++) newContainer(world, app.id, true)
      logEvent(world, 'info', `The building manager orders ${diff} new room${diff > 1 ? 's' : ''} for ${app.name} (clipboard ${app.replicas}, has ${current}).`, `ReplicaSet ${app.name}: created ${diff} pod${diff > 1 ? 's' : ''} (desired ${app.replicas}, current ${current}).`, [app.id])
    } else if (diff < 0) {
      const pods = containerList(world).filter((c) => c.appId === app.id && alive(c))
      const victims = pods.sort((a, b) => deletionRank(a) - deletionRank(b) || b.stateSinceMs - a.stateSinceMs).slice(0, -diff)
      for (const c of victims) deleteContainer(world, c)
      logEvent(world, 'info', `The building manager closes ${-diff} room${-diff > 1 ? 's' : ''} of ${app.name} (clipboard ${app.replicas}).`, `ReplicaSet ${app.name}: deleted ${-diff} pod${-diff > 1 ? 's' : ''} (desired ${app.replicas}).`, [app.id])
    }
  }
}
