/** Tenant businesses (apps) and their visitors. */
import { DEFAULT_SECURITY, RUNTIMES } from '../constants'
import { checkLimits, deleteContainer } from '../containers'
import { containerList } from '../containerIndex'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { newId } from '../world'
import type { HandlerTable } from './handler'
import type { AppCommand } from '../types'

export const appsHandlers = {
  addApp(world, command) {
    if (!world.images[command.imageId]) return refuse(say('apps.refused.imageNotFound', { imageId: command.imageId }))
    const id = command.id ?? newId(world, 'app')
    if (world.apps[id]) return refuse(say('apps.refused.appAlreadyExists', { id }))
    if (command.runtime !== undefined && !RUNTIMES[command.runtime])
      return refuse(say('apps.refused.unknownRuntime', { runtime: String(command.runtime) }))
    const limits = checkLimits(command.cpuRequestMilli, command.memRequestMiB, command.cpuLimitMilli ?? null, command.memLimitMiB ?? null)
    if (!limits.ok) return limits
    world.apps[id] = {
      id,
      name: command.name,
      imageId: command.imageId,
      replicas: command.replicas ?? 1,
      managed: command.managed ?? false,
      cpuRequestMilli: command.cpuRequestMilli,
      memRequestMiB: command.memRequestMiB,
      cpuLimitMilli: command.cpuLimitMilli ?? null,
      memLimitMiB: command.memLimitMiB ?? null,
      requires: [...(command.requires ?? [])],
      runtime: command.runtime ?? 'runc',
      security: { ...DEFAULT_SECURITY, ...command.security },
      rps: command.rps,
      capacityRps: command.capacityRps,
      served: 0,
      dropped: 0,
      lastServedRps: 0,
      readyReplicas: 0,
      latencyMs: 0,
      cpuPercent: 0,
      revision: 1,
      revisions: [{ revision: 1, imageId: command.imageId, atMs: world.timeMs }],
      rolloutPaused: false,
      hpa: null,
      pdbMinAvailable: null,
      namespace: 'default',
      labels: { app: command.name },
      tolerations: [],
      nodeAffinity: { required: [], preferred: [] },
      podAntiAffinity: null,
      topologySpread: null,
      priorityClassName: '',
      readinessProbe: null,
      livenessProbe: null,
      sidecars: [],
      manifest: null,
    }
    return { ok: true, id }
  },
  setTraffic(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (!(command.rps >= 0)) return refuse(say('apps.refused.rpsMustBe'))
    app.rps = command.rps
    logEvent(world, 'info', say('apps.trafficSet', { app: app.name, rps: command.rps }), [app.id])
    return { ok: true }
  },
  removeApp(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    // Cascading deletion (background): the ReplicaSets' pods are deleted with the Deployment.
    for (const c of containerList(world)) if (c.appId === app.id) deleteContainer(world, c)
    delete world.apps[app.id]
    delete world.metrics[app.id]
    logEvent(world, 'info', say('apps.removed', { app: app.name }), [])
    return { ok: true }
  },
  setManifest(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const m = command.manifest
    if (m) {
      if (Object.keys(m.selector).length === 0) return refuse(say('apps.refused.specSelectorRequiredValue'))
      const port = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535
      if (!port(m.containerPort) || (m.service && (!port(m.service.port) || !port(m.service.targetPort))))
        return refuse(say('apps.refused.portsInvalidValueMust'))
      if (!m.containerName) return refuse(say('apps.refused.specTemplateSpecContainers'))
    }
    // The selector is the Deployment's own; its pods carry it (Kubernetes rejects a template that does not match).
    app.manifest = m
      ? { ...m, selector: { ...m.selector }, service: m.service ? { ...m.service, selector: { ...m.service.selector } } : null }
      : null
    app.labels = { ...app.labels, ...(m?.selector ?? { app: app.name }) }
    return { ok: true }
  },
} satisfies HandlerTable<AppCommand>
