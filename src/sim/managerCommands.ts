/**
 * Commands a Kubernetes user gives the building manager: rollouts, autoscaling, disruption
 * budgets, cordon and drain. Split from commands.ts to keep each file readable.
 */
import type { Command, Result } from './commands'
import { ROLLING_UPDATE } from './constants'
import { logEvent } from './events'
import type { World } from './types'

type ManagerCommand = Extract<
  Command,
  { type: 'setImage' | 'rolloutUndo' | 'rolloutPause' | 'setHpa' | 'removeHpa' | 'setPdb' | 'cordon' | 'drain' }
>

const fail = (metaphor: string, technical: string = metaphor): Result => ({ ok: false, metaphor, technical })

function recordRevision(world: World, appId: string, imageId: string): number {
  const app = world.apps[appId]!
  app.revision += 1
  app.imageId = imageId
  app.revisions = [...app.revisions, { revision: app.revision, imageId }].slice(-ROLLING_UPDATE.revisionHistoryLimit)
  return app.revision
}

export function applyManagerCommand(world: World, command: ManagerCommand): Result {
  switch (command.type) {
    case 'setImage': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `deployment ${command.appId} not found`)
      const image = world.images[command.imageId]
      if (!image) return fail('No such furniture kit.', `image ${command.imageId} not found`)
      if (image.id === app.imageId) return fail(`${app.name} already uses ${image.ref}.`, `deployment ${app.name} already at ${image.ref}`)
      if (image.os !== world.images[app.imageId]?.os)
        return fail('The new kit needs different plumbing than the old one.', 'new image targets a different OS')
      const rev = recordRevision(world, app.id, image.id)
      if (!app.managed) {
        // No Deployment: nobody replaces running containers (docker never changes one in place).
        logEvent(
          world,
          'info',
          `New rooms of ${app.name} will get the ${image.ref} kit; rooms already open keep theirs until you replace them.`,
          `${app.name}: image set to ${image.ref} for new containers; running containers keep their image (no Deployment to roll them).`,
          [app.id],
        )
        return { ok: true }
      }
      logEvent(
        world,
        'info',
        `The building manager starts refitting ${app.name}'s rooms with ${image.ref}, a few at a time.`,
        `deployment/${app.name} image updated to ${image.ref} (revision ${rev}); rolling update (maxSurge ${ROLLING_UPDATE.maxSurgePercent}%, maxUnavailable ${ROLLING_UPDATE.maxUnavailablePercent}%).`,
        [app.id],
      )
      return { ok: true }
    }
    case 'rolloutUndo': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `deployment ${command.appId} not found`)
      const previous = app.revisions.at(-2)
      if (!previous) return fail(`${app.name} has no earlier version to go back to.`, `deployment ${app.name}: no previous revision`)
      const rev = recordRevision(world, app.id, previous.imageId)
      logEvent(
        world,
        'warn',
        `The building manager puts ${app.name}'s old furniture back (${world.images[previous.imageId]?.ref}).`,
        `deployment.apps/${app.name} rolled back to revision ${previous.revision} (now revision ${rev}).`,
        [app.id],
      )
      return { ok: true }
    }
    case 'rolloutPause': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `deployment ${command.appId} not found`)
      app.rolloutPaused = command.paused
      logEvent(
        world,
        'info',
        `The refit of ${app.name} is ${command.paused ? 'on hold' : 'going again'}.`,
        `deployment.apps/${app.name} ${command.paused ? 'paused' : 'resumed'}.`,
        [app.id],
      )
      return { ok: true }
    }
    case 'setHpa': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `deployment ${command.appId} not found`)
      const { minReplicas, maxReplicas, targetCpuPercent } = command
      if (!(Number.isInteger(minReplicas) && Number.isInteger(maxReplicas) && minReplicas >= 1 && maxReplicas >= minReplicas)) {
        return fail(
          'Set a minimum of at least 1 room and a maximum no smaller than the minimum.',
          'HPA needs 1 ≤ minReplicas ≤ maxReplicas',
        )
      }
      if (!(targetCpuPercent > 0 && targetCpuPercent <= 100))
        return fail('The target busyness must be between 1% and 100%.', 'targetCPUUtilizationPercentage must be in (0, 100]')
      app.hpa = { minReplicas, maxReplicas, targetCpuPercent, lastSyncMs: world.timeMs, recommendations: [] }
      logEvent(
        world,
        'info',
        `The building manager will add or close rooms of ${app.name} to keep them about ${targetCpuPercent}% busy (${minReplicas}–${maxReplicas} rooms).`,
        `horizontalpodautoscaler/${app.name} created: cpu ${targetCpuPercent}%, min ${minReplicas}, max ${maxReplicas}.`,
        [app.id],
      )
      return { ok: true }
    }
    case 'removeHpa': {
      const app = world.apps[command.appId]
      if (!app?.hpa) return fail('That app has no autoscaler.', `no HPA for ${command.appId}`)
      app.hpa = null
      logEvent(world, 'info', `No more automatic room counts for ${app.name}.`, `horizontalpodautoscaler/${app.name} deleted.`, [app.id])
      return { ok: true }
    }
    case 'setPdb': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `deployment ${command.appId} not found`)
      if (command.minAvailable !== null && !(Number.isInteger(command.minAvailable) && command.minAvailable >= 0))
        return fail('The minimum must be a whole number.', 'minAvailable must be an integer ≥ 0')
      app.pdbMinAvailable = command.minAvailable
      logEvent(
        world,
        'info',
        command.minAvailable === null
          ? `${app.name} no longer insists on open rooms during works.`
          : `${app.name} insists that ${command.minAvailable} rooms stay open during planned works.`,
        command.minAvailable === null
          ? `poddisruptionbudget/${app.name} deleted.`
          : `poddisruptionbudget/${app.name} minAvailable ${command.minAvailable}.`,
        [app.id],
      )
      return { ok: true }
    }
    case 'cordon': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `node ${command.hostId} not found`)
      host.unschedulable = command.unschedulable
      if (!command.unschedulable) host.draining = false
      logEvent(
        world,
        'info',
        command.unschedulable ? `House ${host.name} takes no new rooms (a cone at the door).` : `House ${host.name} takes new rooms again.`,
        `node/${host.name} ${command.unschedulable ? 'cordoned' : 'uncordoned'}.`,
        [host.id],
      )
      return { ok: true }
    }
    case 'drain': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `node ${command.hostId} not found`)
      host.unschedulable = true
      host.draining = true
      host.drainBlocked = false
      logEvent(
        world,
        'info',
        `House ${host.name} is being emptied for works: the manager moves its rooms out, keeping each business's promised minimum open.`,
        `node/${host.name} cordoned; evicting pods (respecting PodDisruptionBudgets).`,
        [host.id],
      )
      return { ok: true }
    }
  }
}
