/** Tenant businesses (apps) and their visitors. */
import { DEFAULT_SECURITY, RUNTIMES } from '../constants'
import { checkLimits } from '../containers'
import { logEvent } from '../events'
import { say } from '../messages'
import { newId } from '../world'
import { fail, notFound } from '../result'
import type { HandlerTable } from './handler'
import type { AppCommand } from '../types'

export const appsHandlers = {
  addApp(world, command) {
    if (!world.images[command.imageId]) return fail('That furniture kit does not exist.', `image ${command.imageId} not found`)
    const id = command.id ?? newId(world, 'app')
    if (world.apps[id]) return fail(`An app called ${id} already exists.`, `app ${id} already exists`)
    if (command.runtime !== undefined && !RUNTIMES[command.runtime])
      return fail('Unknown kind of room walls.', `unknown runtime ${String(command.runtime)}`)
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
      revisions: [{ revision: 1, imageId: command.imageId }],
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
    }
    return { ok: true, id }
  },
  setTraffic(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (!(command.rps >= 0)) return fail('Visitors per second cannot be negative.', 'rps must be ≥ 0')
    app.rps = command.rps
    logEvent(world, 'info', say('apps.trafficSet', { app: app.name, rps: command.rps }), [app.id])
    return { ok: true }
  },
} satisfies HandlerTable<AppCommand>
