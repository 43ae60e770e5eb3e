/** Rooms (containers) placed by hand: open one in a house or apartment, close one. */
import { containerFits, placementName, reserveContainer } from '../capacity'
import { RUNTIMES } from '../constants'
import { deleteContainer, newContainer, placementSubject, podCpuRequestMilli, podMemRequestMiB } from '../containers'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { noteSpecialRoom } from '../specialRooms'
import { fail } from '../result'
import type { HandlerTable } from './handler'
import type { ContainerCommand } from '../types'

export const containersHandlers = {
  runContainer(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const image = world.images[app.imageId]
    if (!image) return refuse(say('containers.refused.imageNotFound', { imageId: app.imageId }))
    const target = command.target
    if (target.kind === 'host' ? !world.hosts[target.hostId] : !world.vms[target.vmId]) return notFound('place')
    const runtime = command.runtime ?? app.runtime
    if (!RUNTIMES[runtime]) return refuse(say('containers.refused.unknownRuntime', { runtime: String(runtime) }))
    const fit = containerFits(
      world,
      target,
      podCpuRequestMilli(app) + RUNTIMES[runtime].overheadCpuMilli,
      podMemRequestMiB(app) + RUNTIMES[runtime].overheadMiB,
      image.os,
    )
    if (!fit.ok) return fail(fit.metaphor, fit.technical)
    const c = newContainer(world, app.id, app.managed)
    c.runtime = runtime
    noteSpecialRoom(world, c)
    c.placement = target
    reserveContainer(world, c, 1)
    const where = placementName(world, target)
    logEvent(
      world,
      'info',
      say('containers.run', {
        app: app.name,
        whereMetaphor: where.metaphor,
        image: image.ref,
        whereTechnical: where.technical,
        room: c.name,
      }),
      [c.id, app.id, placementSubject(target)],
    )
    return { ok: true, id: c.id }
  },
  removeContainer(world, command) {
    const c = world.containers[command.containerId]
    if (!c) return notFound('container', command.containerId)
    deleteContainer(world, c)
    const app = world.apps[c.appId]
    logEvent(world, 'info', say('containers.removed', { app: app?.name ?? '?', room: c.name }), [c.id, c.appId])
    return { ok: true }
  },
} satisfies HandlerTable<ContainerCommand>
