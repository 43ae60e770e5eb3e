/**
 * The machines themselves: packages and apps installed without a container ("works on my machine"),
 * limits, runtimes, security settings, memory overcommit.
 */
import { formatMiB, hostCapacity, placementName } from '../capacity'
import { MEM_OVERCOMMIT, RUNTIMES } from '../constants'
import { checkLimits } from '../containers'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { packageName, packageVersion } from '../images'
import { noteSpecialRoom } from '../specialRooms'
import { oomKill } from '../oom'
import type { AppId, Placement, SecurityContext, World } from '../types'
import type { Result } from '../result'
import type { HandlerTable } from './handler'
import type { MachineCommand } from '../types'

function machineOf(world: World, p: Placement) {
  return p.kind === 'host' ? world.hosts[p.hostId] : world.vms[p.vmId]
}

export function describeSecurity(s: SecurityContext): string {
  const parts = [
    s.runAsNonRoot ? 'runAsNonRoot' : 'runs as root',
    s.readOnlyRootFilesystem ? 'readOnlyRootFilesystem' : 'writable root filesystem',
    s.dropAllCapabilities ? 'capabilities dropped' : 'default capabilities',
  ]
  if (s.privileged) parts.push('PRIVILEGED')
  return parts.join(', ')
}

/** An app installed straight onto a machine needs its packages there, at the right versions. */
export function installApp(world: World, appId: AppId, target: Placement): Result {
  const app = world.apps[appId]
  if (!app) return notFound('app', appId)
  const m = machineOf(world, target)
  if (!m) return notFound('place')
  const where = placementName(world, target)
  const kind = target.kind === 'host' ? 'house' : 'apartment'
  const tech = target.kind === 'host' ? 'host' : 'VM'
  for (const need of app.requires) {
    const have = m.packages.find((p) => packageName(p) === packageName(need))
    if (have === need || (have && packageVersion(need) === null)) continue
    const needText = `${packageName(need)}${packageVersion(need) ? ' ' + packageVersion(need) : ''}`
    const haveText = have ? `${packageVersion(have) ?? 'another version'}` : 'none'
    const hasTechnical = have ?? 'no ' + packageName(need)
    const message = say('machine.missingPackage', {
      app: app.name,
      needText,
      kind,
      haveText,
      where: where.technical,
      need,
      tech,
      hasTechnical,
    })
    logEvent(world, 'error', message, [app.id, target.kind === 'host' ? target.hostId : target.vmId])
    return refuse(message)
  }
  if (!m.installedApps.includes(app.id)) m.installedApps.push(app.id)
  logEvent(
    world,
    'info',
    say('machine.appInstalled', {
      app: app.name,
      whereMetaphor: where.metaphor,
      whereTechnical: where.technical,
      requires: app.requires.join(', ') || 'none',
    }),
    [app.id],
  )
  return { ok: true }
}

export const machineHandlers = {
  installPackages(world, command) {
    const m = machineOf(world, command.target)
    if (!m) return notFound('place')
    if (!Array.isArray(command.packages) || command.packages.some((p) => typeof p !== 'string' || p.length === 0))
      return refuse(say('machine.refused.packagesMustBeNon'))
    for (const p of command.packages) {
      // One version of a package per machine, as a system package manager keeps it: the new one replaces the old.
      m.packages = m.packages.filter((q) => packageName(q) !== packageName(p))
      m.packages.push(p)
    }
    m.packages.sort()
    const where = placementName(world, command.target)
    logEvent(
      world,
      'info',
      say('machine.packagesInstalled', {
        packages: command.packages.join(', '),
        whereMetaphor: where.metaphor,
        whereTechnical: where.technical,
      }),
      [command.target.kind === 'host' ? command.target.hostId : command.target.vmId],
    )
    return { ok: true }
  },
  installApp(world, command) {
    return installApp(world, command.appId, command.target)
  },
  setLimits(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const ok = checkLimits(app.cpuRequestMilli, app.memRequestMiB, command.cpuLimitMilli, command.memLimitMiB)
    if (!ok.ok) return ok
    app.cpuLimitMilli = command.cpuLimitMilli
    app.memLimitMiB = command.memLimitMiB
    // Kubernetes in-place pod resize (v1.33+): limits change on running containers without a restart.
    for (const c of Object.values(world.containers)) {
      if (c.appId !== app.id) continue
      c.cpuLimitMilli = command.cpuLimitMilli
      c.memLimitMiB = command.memLimitMiB
      noteSpecialRoom(world, c)
      // The CFS quota takes effect at once.
      if (c.cpuLimitMilli !== null && c.cpuUsageMilli > c.cpuLimitMilli) c.cpuUsageMilli = c.cpuLimitMilli
      // Lowering memory.max below what a process uses: the kernel cannot reclaim it, so it OOM-kills.
      if (c.state === 'running' && c.memLimitMiB !== null && c.memUsageMiB > c.memLimitMiB) oomKill(world, c, null)
    }
    const lim =
      `${command.cpuLimitMilli === null ? 'no CPU cap' : `${command.cpuLimitMilli}m CPU`}, ` +
      `${command.memLimitMiB === null ? 'no memory cap' : formatMiB(command.memLimitMiB)}`
    logEvent(world, 'info', say('machine.limitsSet', { app: app.name, lim }), [app.id])
    return { ok: true }
  },
  setRuntime(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    const rt = RUNTIMES[command.runtime]
    if (!rt) return refuse(say('machine.refused.unknownRuntime', { runtime: String(command.runtime) }))
    app.runtime = command.runtime
    logEvent(world, 'info', say('machine.runtimeSet', { app: app.name, rtMetaphor: rt.metaphor, label: rt.label }), [app.id])
    return { ok: true }
  },
  setSecurity(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    app.security = { ...app.security, ...command.security }
    const s = app.security
    const restricted = s.runAsNonRoot && s.readOnlyRootFilesystem && s.dropAllCapabilities && !s.privileged
    logEvent(
      world,
      'info',
      say('machine.securitySet', {
        app: app.name,
        restricted: restricted ? 'every lock fitted' : 'these locks',
        s: describeSecurity(s),
        restricted2: restricted ? ' (Pod Security Standards: restricted)' : '',
      }),
      [app.id],
    )
    return { ok: true }
  },
  setMemOvercommit(world, command) {
    const host = world.hosts[command.hostId]
    if (!host) return notFound('host', command.hostId)
    if (!(command.ratio >= 1 && command.ratio <= MEM_OVERCOMMIT.maxRatio))
      return refuse(say('machine.refused.memoryOvercommitRatioMust', { maxRatio: MEM_OVERCOMMIT.maxRatio }))
    const promised = hostCapacity({ ...host, memOvercommit: command.ratio }).memMiB
    if (host.alloc.memMiB > promised)
      return refuse(say('machine.refused.hostAlreadyAllocated', { host: host.name, memMiB: formatMiB(host.alloc.memMiB) }))
    host.memOvercommit = command.ratio
    logEvent(world, 'warn', say('machine.memOvercommitSet', { host: host.name, ratio: command.ratio }), [host.id])
    return { ok: true }
  },
} satisfies HandlerTable<MachineCommand>
