/**
 * Commands about the machines themselves: the image workshop (docker build), packages and apps
 * installed without a container ("works on my machine"), limits, runtimes and security settings,
 * memory overcommit, VM resize and live migration, and the chaos of leaks, hogs and breaches.
 */
import type { Result } from './commands'
import { checkLimits } from './commands'
import { formatMiB, hostCapacity, placementName } from './capacity'
import { MEM_OVERCOMMIT, RUNTIMES } from './constants'
import type { GuestOs } from './constants'
import { logEvent } from './events'
import { packageName, packageVersion, planBuild } from './images'
import type { BuildInstruction } from './images'
import type { AppId, ContainerId, HostId, ImageId, PackageSpec, Placement, Runtime, SecurityContext, VmId, World } from './types'
import { newId } from './world'
import { breachContainer } from './breach'
import { migrateVm, resizeVm } from './vmOps'
import { noteSpecialRoom } from './systems/cgroups'
import { oomKill } from './systems/oom'

export type MachineCommand =
  | { type: 'buildImage'; id?: ImageId; ref: string; os?: GuestOs; instructions: BuildInstruction[] }
  | { type: 'installPackages'; target: Placement; packages: readonly PackageSpec[] }
  | { type: 'installApp'; appId: AppId; target: Placement }
  | { type: 'setLimits'; appId: AppId; cpuLimitMilli: number | null; memLimitMiB: number | null }
  | { type: 'setRuntime'; appId: AppId; runtime: Runtime }
  | { type: 'setSecurity'; appId: AppId; security: Partial<SecurityContext> }
  | { type: 'setMemOvercommit'; hostId: HostId; ratio: number }
  | { type: 'leakMemory'; containerId: ContainerId; mibPerS: number }
  | { type: 'hogCpu'; containerId: ContainerId; on: boolean }
  | { type: 'breachContainer'; containerId: ContainerId }
  | { type: 'resizeVm'; vmId: VmId; vcpus: number; memMiB: number }
  | { type: 'migrateVm'; vmId: VmId; toHostId: HostId }

const fail = (metaphor: string, technical: string = metaphor): Result => ({ ok: false, metaphor, technical })

const MAX_LEAK_MIB_PER_S = 10_000

export function applyMachineCommand(world: World, command: MachineCommand): Result {
  switch (command.type) {
    case 'buildImage':
      return buildImage(world, command)
    case 'installPackages': {
      const m = machineOf(world, command.target)
      if (!m) return fail('No such place.', 'target not found')
      if (!Array.isArray(command.packages) || command.packages.some((p) => typeof p !== 'string' || p.length === 0))
        return fail('Name the packages to install.', 'packages must be non-empty strings')
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
        `Installed ${command.packages.join(', ')} in ${where.metaphor}.`,
        `${where.technical}: installed ${command.packages.join(', ')}.`,
        [command.target.kind === 'host' ? command.target.hostId : command.target.vmId],
      )
      return { ok: true }
    }
    case 'installApp':
      return installApp(world, command.appId, command.target)
    case 'setLimits': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
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
      const lim = `${command.cpuLimitMilli === null ? 'no CPU cap' : `${command.cpuLimitMilli}m CPU`}, ${command.memLimitMiB === null ? 'no memory cap' : formatMiB(command.memLimitMiB)}`
      logEvent(world, 'info', `${app.name}'s rooms now have caps: ${lim}.`, `${app.name}: limits set (${lim}); applied in place.`, [app.id])
      return { ok: true }
    }
    case 'setRuntime': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
      const rt = RUNTIMES[command.runtime]
      if (!rt) return fail('Unknown kind of room walls.', `unknown runtime ${String(command.runtime)}`)
      app.runtime = command.runtime
      logEvent(
        world,
        'info',
        `New rooms of ${app.name} will be a ${rt.metaphor}; rooms already open keep theirs until replaced.`,
        `${app.name}: runtimeClass ${rt.label} for new pods (existing pods keep theirs).`,
        [app.id],
      )
      return { ok: true }
    }
    case 'setSecurity': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
      app.security = { ...app.security, ...command.security }
      const s = app.security
      const restricted = s.runAsNonRoot && s.readOnlyRootFilesystem && s.dropAllCapabilities && !s.privileged
      logEvent(
        world,
        'info',
        `New rooms of ${app.name} get ${restricted ? 'every lock fitted' : 'these locks'}: ${describeSecurity(s)}.`,
        `${app.name} securityContext for new pods: ${describeSecurity(s)}${restricted ? ' (Pod Security Standards: restricted)' : ''}.`,
        [app.id],
      )
      return { ok: true }
    }
    case 'setMemOvercommit': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `host ${command.hostId} not found`)
      if (!(command.ratio >= 1 && command.ratio <= MEM_OVERCOMMIT.maxRatio))
        return fail(
          `Promise between 1× and ${MEM_OVERCOMMIT.maxRatio}× the house's memory.`,
          `memory overcommit ratio must be in [1, ${MEM_OVERCOMMIT.maxRatio}]`,
        )
      const promised = hostCapacity({ ...host, memOvercommit: command.ratio }).memMiB
      if (host.alloc.memMiB > promised)
        return fail(
          `House ${host.name} has already promised more than that.`,
          `host ${host.name}: ${formatMiB(host.alloc.memMiB)} already allocated`,
        )
      host.memOvercommit = command.ratio
      logEvent(
        world,
        'warn',
        `House ${host.name} may now promise its apartments ${command.ratio}× the memory it has. If they all use it, it swaps to disk and everything slows.`,
        `Host ${host.name}: memory overcommit ${command.ratio}:1 (swap when guests touch more than physical RAM).`,
        [host.id],
      )
      return { ok: true }
    }
    case 'leakMemory': {
      const c = world.containers[command.containerId]
      if (!c) return fail('No such room.', `container ${command.containerId} not found`)
      if (!(command.mibPerS >= 0 && command.mibPerS <= MAX_LEAK_MIB_PER_S))
        return fail('Pick a leak between 0 and 10,000 MiB a second.', 'mibPerS out of range')
      c.leakMiBPerS = command.mibPerS
      noteSpecialRoom(world, c)
      logEvent(
        world,
        'warn',
        `Something in a room of ${world.apps[c.appId]?.name ?? '?'} keeps hoarding space (${command.mibPerS} MiB a second).`,
        `Chaos: memory leak in ${c.name}, ${command.mibPerS} MiB/s.`,
        [c.id, c.appId],
      )
      return { ok: true }
    }
    case 'hogCpu': {
      const c = world.containers[command.containerId]
      if (!c) return fail('No such room.', `container ${command.containerId} not found`)
      c.cpuHog = command.on
      noteSpecialRoom(world, c)
      logEvent(
        world,
        'warn',
        command.on
          ? `A room of ${world.apps[c.appId]?.name ?? '?'} starts a runaway machine that wants every worker in the building.`
          : `The runaway machine in a room of ${world.apps[c.appId]?.name ?? '?'} is switched off.`,
        command.on ? `Chaos: CPU hog in ${c.name} (busy loop on every core it can get).` : `CPU hog in ${c.name} stopped.`,
        [c.id, c.appId],
      )
      return { ok: true }
    }
    case 'breachContainer':
      return breachContainer(world, command.containerId)
    case 'resizeVm':
      return resizeVm(world, command.vmId, command.vcpus, command.memMiB)
    case 'migrateVm':
      return migrateVm(world, command.vmId, command.toHostId)
  }
}

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

function buildImage(world: World, command: Extract<MachineCommand, { type: 'buildImage' }>): Result {
  const ins = command.instructions
  if (!Array.isArray(ins) || ins.length === 0) return fail('A blueprint needs at least one step.', 'Dockerfile has no instructions')
  if (!/^FROM\s+\S+/i.test(ins[0]!.text.trim()))
    return fail('A blueprint starts from a base kit (FROM …).', 'Dockerfile must start with FROM')
  if (ins.some((i) => !(i.sizeMiB >= 0))) return fail('Each step adds zero or more MiB.', 'layer size must be ≥ 0')
  if (!/^[\w.\-/]+:[\w.\-]+$/.test(command.ref))
    return fail('Name the kit as name:tag, e.g. web:1.1.', `invalid image reference ${command.ref}`)
  const plan = planBuild(world, ins)
  const existing = Object.values(world.images).find((im) => im.ref === command.ref)
  if (existing) {
    const same = existing.layers.length === plan.layers.length && existing.layers.every((id, i) => id === plan.layers[i]!.id)
    if (same) return { ok: true, id: existing.id }
    // Images are immutable: a changed build needs a new tag (Docker docs "Image layers"; tags name versions).
    return fail(
      `A kit called ${command.ref} already exists and kits never change. Give the new one a new tag (e.g. ${bumpTag(command.ref)}).`,
      `image ${command.ref} exists with different layers; images are immutable, use a new tag`,
    )
  }
  const id = command.id ?? newId(world, 'img')
  if (world.images[id]) return fail(`A kit called ${id} already exists.`, `image ${id} already exists`)
  for (const l of plan.layers) world.layers[l.id] ??= l
  world.images[id] = {
    id,
    ref: command.ref,
    sizeMiB: plan.sizeMiB,
    os: command.os ?? 'linux',
    layers: plan.layers.map((l) => l.id),
    packages: plan.packages,
  }
  logEvent(
    world,
    'info',
    `The builder made kit ${command.ref}: ${plan.reused} prefab part${plan.reused === 1 ? '' : 's'} reused from earlier builds, ${plan.built} new (${formatMiB(plan.sizeMiB)} in all).`,
    `docker build -t ${command.ref}: ${plan.layers.length} layers, ${plan.reused} CACHED, ${plan.built} built; ${formatMiB(plan.sizeMiB)}.`,
    [id],
  )
  return { ok: true, id }
}

function bumpTag(ref: string): string {
  const [name, tag = '1'] = ref.split(':')
  const n = Number(tag)
  return `${name}:${Number.isFinite(n) ? (n + 0.1).toFixed(1) : `${tag}-2`}`
}

/** An app installed straight onto a machine needs its packages there, at the right versions. */
export function installApp(world: World, appId: AppId, target: Placement): Result {
  const app = world.apps[appId]
  if (!app) return fail('No such app.', `app ${appId} not found`)
  const m = machineOf(world, target)
  if (!m) return fail('No such place.', 'target not found')
  const where = placementName(world, target)
  const kind = target.kind === 'host' ? 'house' : 'apartment'
  const tech = target.kind === 'host' ? 'host' : 'VM'
  for (const need of app.requires) {
    const have = m.packages.find((p) => packageName(p) === packageName(need))
    if (have === need || (have && packageVersion(need) === null)) continue
    const needText = `${packageName(need)}${packageVersion(need) ? ' ' + packageVersion(need) : ''}`
    const haveText = have ? `${packageVersion(have) ?? 'another version'}` : 'none'
    const metaphor = `${app.name} won't work here: it needs ${needText}, this ${kind} has ${haveText}. (It worked on the developer's machine.)`
    const technical = `${app.name} failed to start on ${where.technical}: needs ${need}, ${tech} has ${have ?? 'no ' + packageName(need)}`
    logEvent(world, 'error', metaphor, technical, [app.id, target.kind === 'host' ? target.hostId : target.vmId])
    return fail(metaphor, technical)
  }
  if (!m.installedApps.includes(app.id)) m.installedApps.push(app.id)
  logEvent(
    world,
    'info',
    `${app.name} installed straight into ${where.metaphor}: everything it needs is there.`,
    `${app.name} installed on ${where.technical} (no container); dependencies satisfied: ${app.requires.join(', ') || 'none'}.`,
    [app.id],
  )
  return { ok: true }
}
