/**
 * What a Kubernetes user asks the building manager: replicas, rollouts, autoscaling, disruption
 * budgets, cordon and drain, the cluster autoscaler.
 */
import { formatMiB } from '../capacity'
import { HOST_SYSTEM_RESERVED_MIB, ROLLING_UPDATE, keepRevisions } from '../constants'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import type { World } from '../types'
import type { HandlerTable } from './handler'
import type { ManagerCommand } from '../types'

const MAX_REPLICAS = 200_000
const isCount = (n: number, min: number): boolean => Number.isInteger(n) && n >= min

function recordRevision(world: World, appId: string, imageId: string): number {
  const app = world.apps[appId]!
  app.revision += 1
  app.imageId = imageId
  app.revisions = keepRevisions([...app.revisions, { revision: app.revision, imageId, atMs: world.timeMs }])
  return app.revision
}

export const managerHandlers = {
  setReplicas(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (!Number.isInteger(command.replicas) || command.replicas < 0 || command.replicas > MAX_REPLICAS) {
      return refuse(say('manager.refused.invalidReplicas', { MAX_REPLICAS, replicas: String(command.replicas) }))
    }
    const before = app.replicas
    app.replicas = command.replicas
    logEvent(world, 'info', say('manager.scaled', { app: app.name, replicas: command.replicas, before }), [app.id])
    return { ok: true }
  },
  setManaged(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    app.managed = command.managed
    // A ReplicaSet adopts existing pods that match its selector, so the manager takes over the rooms already there.
    for (const c of containerList(world)) if (c.appId === app.id) c.managed = command.managed
    if (command.managed) {
      logEvent(world, 'info', say('manager.deploymentCreated', { app: app.name, replicas: app.replicas }), [app.id])
    } else {
      logEvent(world, 'warn', say('manager.deploymentDeleted', { app: app.name }), [app.id])
    }
    return { ok: true }
  },
  setImage(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const image = world.images[command.imageId]
    if (!image) return notFound('image', command.imageId)
    if (image.id === app.imageId) return refuse(say('manager.refused.deploymentAlreadyAt', { app: app.name, image: image.ref }))
    if (image.os !== world.images[app.imageId]?.os) return refuse(say('manager.refused.newImageTargetsA'))
    const rev = recordRevision(world, app.id, image.id)
    if (!app.managed) {
      // No Deployment: nobody replaces running containers (docker never changes one in place).
      logEvent(world, 'info', say('manager.imageSetUnmanaged', { app: app.name, image: image.ref }), [app.id])
      return { ok: true }
    }
    logEvent(
      world,
      'info',
      say('manager.imageUpdated', {
        app: app.name,
        image: image.ref,
        rev,
        maxSurgePercent: ROLLING_UPDATE.maxSurgePercent,
        maxUnavailablePercent: ROLLING_UPDATE.maxUnavailablePercent,
      }),
      [app.id],
    )
    return { ok: true }
  },
  rolloutUndo(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const previous = app.revisions.at(-2)
    if (!previous) return refuse(say('manager.refused.deploymentNoPreviousRevision', { app: app.name }))
    const rev = recordRevision(world, app.id, previous.imageId)
    logEvent(
      world,
      'warn',
      say('manager.rolledBack', {
        app: app.name,
        images: world.images[previous.imageId]?.ref ?? previous.imageId,
        revision: previous.revision,
        rev,
      }),
      [app.id],
    )
    return { ok: true }
  },
  rolloutPause(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    app.rolloutPaused = command.paused
    logEvent(world, 'info', say('manager.rolloutPaused', { app: app.name, paused: command.paused }), [app.id])
    return { ok: true }
  },
  setHpa(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const { minReplicas, maxReplicas, targetCpuPercent } = command
    if (!(Number.isInteger(minReplicas) && Number.isInteger(maxReplicas) && minReplicas >= 1 && maxReplicas >= minReplicas)) {
      return refuse(say('manager.refused.hpaNeedsMinreplicasMaxreplicas'))
    }
    if (!(targetCpuPercent > 0 && targetCpuPercent <= 100)) return refuse(say('manager.refused.targetcpuutilizationpercentageMustBeIn'))
    app.hpa = {
      minReplicas,
      maxReplicas,
      targetCpuPercent,
      lastSyncMs: world.timeMs,
      // horizontal.go: a new HPA's first recommendation is the current replica count, so it does not scale down
      // in its first 5 minutes (FIDELITY.md "HPA timing"). An update keeps the history, as the controller does.
      recommendations: app.hpa?.recommendations ?? [{ atMs: world.timeMs, replicas: app.replicas }],
      behavior: command.behavior ?? false,
      currentCpuPercent: app.hpa?.currentCpuPercent ?? null,
      status: app.hpa?.status ?? { metaphor: 'waiting for its first check (every 15 s)', technical: 'waiting for the first sync (15 s)' },
    }
    logEvent(world, 'info', say('manager.hpaCreated', { app: app.name, targetCpuPercent, minReplicas, maxReplicas }), [app.id])
    return { ok: true }
  },
  removeHpa(world, command) {
    const app = world.apps[command.appId]
    if (!app?.hpa) return refuse(say('manager.refused.noHpaFor', { appId: command.appId }))
    app.hpa = null
    logEvent(world, 'info', say('manager.hpaDeleted', { app: app.name }), [app.id])
    return { ok: true }
  },
  setPdb(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (command.minAvailable !== null && !(Number.isInteger(command.minAvailable) && command.minAvailable >= 0))
      return refuse(say('manager.refused.minavailableMustBeAn'))
    app.pdbMinAvailable = command.minAvailable
    if (command.minAvailable === null) delete app.pdbName
    else if (command.name !== undefined && command.name !== app.name) app.pdbName = command.name
    logEvent(world, 'info', say('manager.pdb', { app: app.name, minAvailable: command.minAvailable }), [app.id])
    return { ok: true }
  },
  cordon(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    host.unschedulable = command.unschedulable
    if (!command.unschedulable) host.draining = false
    logEvent(world, 'info', say('manager.cordon', { host: host.name, cordoned: command.unschedulable }), [host.id])
    return { ok: true }
  },
  drain(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    host.unschedulable = true
    host.draining = true
    host.drainBlocked = false
    logEvent(world, 'info', say('manager.drainStarted', { host: host.name }), [host.id])
    return { ok: true }
  },
  setClusterAutoscaler(world, command) {
    const config = command.config
    if (config === null) {
      if (!world.autoscaler) return refuse(say('manager.refused.clusterAutoscalerIsNot'))
      world.autoscaler = null
      logEvent(world, 'info', say('manager.clusterAutoscalerDisabled'))
      return { ok: true }
    }
    const t = config.template
    if (!isCount(config.minHosts, 0)) return refuse(say('manager.refused.minhostsMustBeAn'))
    if (!isCount(config.maxHosts, 1) || config.maxHosts < config.minHosts) return refuse(say('manager.refused.maxhostsMustBeAn'))
    if (!(config.budgetPerHour >= 0 && Number.isFinite(config.budgetPerHour))) return refuse(say('manager.refused.budgetperhourMustBe'))
    if (!isCount(t.cores, 1)) return refuse(say('manager.refused.templateCoresMustBe'))
    if (!(t.memMiB > HOST_SYSTEM_RESERVED_MIB.value))
      return refuse(
        say('manager.refused.templateMemmibMustExceed', {
          value: formatMiB(HOST_SYSTEM_RESERVED_MIB.value),
          HOST_SYSTEM_RESERVED_MIBValue: HOST_SYSTEM_RESERVED_MIB.value,
        }),
      )
    if (!(t.costPerHour >= 0 && Number.isFinite(t.costPerHour))) return refuse(say('manager.refused.templateCostperhourMustBe'))
    if (t.zones.length === 0 || t.zones.some((z) => z.length === 0)) return refuse(say('manager.refused.templateZonesMustList'))
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
      say('manager.clusterAutoscalerConfigured', {
        cores: t.cores,
        memMiB: formatMiB(t.memMiB),
        costPerHour: t.costPerHour,
        minHosts: config.minHosts,
        maxHosts: config.maxHosts,
        budgetPerHour: config.budgetPerHour,
        zones: t.zones.join(', '),
      }),
    )
    return { ok: true }
  },
} satisfies HandlerTable<ManagerCommand>
