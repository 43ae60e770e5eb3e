/** What a Kubernetes user asks the building manager: replicas, rollouts, autoscaling, disruption budgets, cordon and drain, the cluster autoscaler. */
import { formatMiB } from '../capacity'
import { HOST_SYSTEM_RESERVED_MIB, ROLLING_UPDATE } from '../constants'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import type { World } from '../types'
import { fail, notFound } from '../result'
import type { HandlerTable } from './handler'
import type { ManagerCommand } from '../types'

const MAX_REPLICAS = 200_000
const isCount = (n: number, min: number): boolean => Number.isInteger(n) && n >= min

function recordRevision(world: World, appId: string, imageId: string): number {
  const app = world.apps[appId]!
  app.revision += 1
  app.imageId = imageId
  app.revisions = [...app.revisions, { revision: app.revision, imageId }].slice(-ROLLING_UPDATE.revisionHistoryLimit)
  return app.revision
}

export const managerHandlers = {
  setReplicas(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (!Number.isInteger(command.replicas) || command.replicas < 0 || command.replicas > MAX_REPLICAS) {
      return fail(`Replicas must be a whole number from 0 to ${MAX_REPLICAS}.`, `invalid replicas ${String(command.replicas)}`)
    }
    const before = app.replicas
    app.replicas = command.replicas
    logEvent(
      world,
      'info',
      `The manager's clipboard now says ${app.name}: ${command.replicas} rooms (was ${before}).`,
      `deployment/${app.name} scaled from ${before} to ${command.replicas}.`,
      [app.id],
    )
    return { ok: true }
  },
  setManaged(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    app.managed = command.managed
    // A ReplicaSet adopts existing pods that match its selector, so the manager takes over the rooms already there.
    for (const c of containerList(world)) if (c.appId === app.id) c.managed = command.managed
    if (command.managed) {
      logEvent(
        world,
        'info',
        `The building manager now looks after ${app.name}: ${app.replicas} rooms on the clipboard.`,
        `Deployment ${app.name} created (replicas: ${app.replicas}); existing containers adopted.`,
        [app.id],
      )
    } else {
      logEvent(
        world,
        'warn',
        `The building manager no longer looks after ${app.name}.`,
        `Deployment ${app.name} deleted with --cascade=orphan.`,
        [app.id],
      )
    }
    return { ok: true }
  },
  setImage(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const image = world.images[command.imageId]
    if (!image) return notFound('image', command.imageId)
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
  },
  rolloutUndo(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
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
  },
  rolloutPause(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    app.rolloutPaused = command.paused
    logEvent(
      world,
      'info',
      `The refit of ${app.name} is ${command.paused ? 'on hold' : 'going again'}.`,
      `deployment.apps/${app.name} ${command.paused ? 'paused' : 'resumed'}.`,
      [app.id],
    )
    return { ok: true }
  },
  setHpa(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const { minReplicas, maxReplicas, targetCpuPercent } = command
    if (!(Number.isInteger(minReplicas) && Number.isInteger(maxReplicas) && minReplicas >= 1 && maxReplicas >= minReplicas)) {
      return fail('Set a minimum of at least 1 room and a maximum no smaller than the minimum.', 'HPA needs 1 ≤ minReplicas ≤ maxReplicas')
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
  },
  removeHpa(world, command) {
    const app = world.apps[command.appId]
    if (!app?.hpa) return fail('That app has no autoscaler.', `no HPA for ${command.appId}`)
    app.hpa = null
    logEvent(world, 'info', `No more automatic room counts for ${app.name}.`, `horizontalpodautoscaler/${app.name} deleted.`, [app.id])
    return { ok: true }
  },
  setPdb(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
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
  },
  cordon(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
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
  },
  drain(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
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
  },
  setClusterAutoscaler(world, command) {
    const config = command.config
    if (config === null) {
      if (!world.autoscaler) return fail('There is no estate agent to dismiss.', 'cluster-autoscaler is not configured')
      world.autoscaler = null
      logEvent(
        world,
        'info',
        'The estate agent is dismissed: nobody buys or sells houses by themselves any more.',
        'cluster-autoscaler disabled.',
      )
      return { ok: true }
    }
    const t = config.template
    if (!isCount(config.minHosts, 0)) return fail('The fewest houses must be a whole number.', 'minHosts must be an integer ≥ 0')
    if (!isCount(config.maxHosts, 1) || config.maxHosts < config.minHosts)
      return fail('The most houses must be at least 1 and no fewer than the fewest.', 'maxHosts must be an integer ≥ max(1, minHosts)')
    if (!(config.budgetPerHour >= 0 && Number.isFinite(config.budgetPerHour)))
      return fail('The budget cannot be negative.', 'budgetPerHour must be ≥ 0')
    if (!isCount(t.cores, 1)) return fail('A house needs at least one core.', 'template.cores must be an integer ≥ 1')
    if (!(t.memMiB > HOST_SYSTEM_RESERVED_MIB.value))
      return fail(
        `A house needs more than ${formatMiB(HOST_SYSTEM_RESERVED_MIB.value)} of memory (its own system takes that).`,
        `template.memMiB must exceed the system reserve (${HOST_SYSTEM_RESERVED_MIB.value} MiB)`,
      )
    if (!(t.costPerHour >= 0 && Number.isFinite(t.costPerHour)))
      return fail('A house cannot cost less than nothing.', 'template.costPerHour must be ≥ 0')
    if (t.zones.length === 0 || t.zones.some((z) => z.length === 0))
      return fail('Name at least one district to build in.', 'template.zones must list at least one zone')
    const before = world.autoscaler
    world.autoscaler = {
      minHosts: config.minHosts,
      maxHosts: config.maxHosts,
      budgetPerHour: config.budgetPerHour,
      template: { ...t, zones: [...t.zones] },
      // Reconfiguring keeps what it remembers: the houses it bought are still its to sell.
      lastScaleUpMs: before?.lastScaleUpMs ?? Number.MIN_SAFE_INTEGER,
      unneededSinceMs: { ...(before?.unneededSinceMs ?? {}) },
      boughtHostIds: [...(before?.boughtHostIds ?? [])],
    }
    logEvent(
      world,
      'info',
      `An estate agent now watches the street: it buys a house (${t.cores} workers, ${formatMiB(t.memMiB)}, ${t.costPerHour}/h) when rooms wait for space, and sells the ones it bought that stand idle; ${config.minHosts}–${config.maxHosts} houses, at most ${config.budgetPerHour}/h.`,
      `cluster-autoscaler configured: nodes ${config.minHosts}–${config.maxHosts}, template ${t.cores} cores / ${formatMiB(t.memMiB)} at ${t.costPerHour}/h in zones ${t.zones.join(', ')}, budget ${config.budgetPerHour}/h.`,
    )
    return { ok: true }
  },
} satisfies HandlerTable<ManagerCommand>
