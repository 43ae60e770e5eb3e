/**
 * Every change to the world, from the player, a level script, the console or a test, is a Command.
 * One closed union, applied by one function with an exhaustive switch.
 */
import { containerFits, formatMiB, placementName, reserveContainer, reserveVm, vmFits } from './capacity'
import type { Reason } from './capacity'
import { DEFAULT_SECURITY, GUEST_OS, MEM_OVERCOMMIT, RUNTIMES, VM_PROVISION } from './constants'
import type { GuestOs } from './constants'
import { logEvent } from './events'
import { nextFloat, nextInt } from './rng'
import { noteSpecialRoom } from './systems/cgroups'
import type { AppId, ContainerId, HostId, ImageId, PackageSpec, Placement, Runtime, SecurityContext, VmId, World } from './types'
import { layerIdOf } from './images'
import { applyMachineCommand } from './machineCommands'
import type { MachineCommand } from './machineCommands'
import { newId } from './world'
import { applyManagerCommand } from './managerCommands'
import { applyPlacementCommand } from './placementCommands'
import type { PlacementCommand } from './placementCommands'
import { applyPodCommand } from './podCommands'
import type { PodCommand } from './podCommands'
import {
  checkLimits,
  crashContainer,
  deleteContainer,
  loseContainer,
  newContainer,
  placementSubject,
  podCpuRequestMilli,
  podMemRequestMiB,
  vmDown,
} from './containers'
import { containerList } from './containerIndex'

export type Command =
  | {
      type: 'addHost'
      id?: HostId
      name?: string
      zone?: string
      cores: number
      memMiB: number
      diskGiB?: number
      costPerHour: number
      memOvercommit?: number
    }
  | { type: 'removeHost'; hostId: HostId }
  | { type: 'addImage'; id?: ImageId; ref: string; sizeMiB: number; os?: GuestOs; packages?: readonly PackageSpec[] }
  | {
      type: 'addApp'
      id?: AppId
      name: string
      imageId: ImageId
      cpuRequestMilli: number
      memRequestMiB: number
      rps: number
      capacityRps: number
      replicas?: number
      managed?: boolean
      cpuLimitMilli?: number | null
      memLimitMiB?: number | null
      requires?: readonly PackageSpec[]
      runtime?: Runtime
      security?: Partial<SecurityContext>
    }
  | { type: 'addVm'; id?: VmId; hostId: HostId; os: GuestOs; vcpus: number; memMiB: number; name?: string }
  | { type: 'deleteVm'; vmId: VmId }
  | { type: 'stopVm'; vmId: VmId }
  | { type: 'startVm'; vmId: VmId }
  | { type: 'runContainer'; appId: AppId; target: Placement; runtime?: Runtime }
  | { type: 'removeContainer'; containerId: ContainerId }
  | { type: 'setReplicas'; appId: AppId; replicas: number }
  | { type: 'setManaged'; appId: AppId; managed: boolean }
  | { type: 'setTraffic'; appId: AppId; rps: number }
  | { type: 'crashContainer'; containerId: ContainerId }
  | { type: 'crashRandomContainer'; appId: AppId }
  | { type: 'crashVm'; vmId: VmId }
  | { type: 'failHost'; hostId: HostId }
  | { type: 'repairHost'; hostId: HostId }
  | { type: 'setDelayScale'; scale: number }
  | { type: 'setImage'; appId: AppId; imageId: ImageId }
  | { type: 'rolloutUndo'; appId: AppId }
  | { type: 'rolloutPause'; appId: AppId; paused: boolean }
  | { type: 'setHpa'; appId: AppId; minReplicas: number; maxReplicas: number; targetCpuPercent: number }
  | { type: 'removeHpa'; appId: AppId }
  | { type: 'setPdb'; appId: AppId; minAvailable: number | null }
  | { type: 'cordon'; hostId: HostId; unschedulable: boolean }
  | { type: 'drain'; hostId: HostId }
  | MachineCommand
  | PlacementCommand
  | PodCommand

export type CommandType = Command['type']

export type Result = { ok: true; id?: string } | ({ ok: false } & Reason)

const fail = (metaphor: string, technical: string = metaphor): Result => ({ ok: false, metaphor, technical })

const MAX_REPLICAS = 200_000

/** Apply one command to the world, in place. A rejected command changes nothing and says why. */
export function apply(world: World, command: Command): Result {
  switch (command.type) {
    case 'addHost': {
      if (!(command.cores > 0) || !(command.memMiB > 0)) return fail('A house needs at least one core and some memory.')
      const memOvercommit = command.memOvercommit ?? 1
      if (!(memOvercommit >= 1 && memOvercommit <= MEM_OVERCOMMIT.maxRatio))
        return fail(
          `Promise between 1× and ${MEM_OVERCOMMIT.maxRatio}× the house's memory.`,
          `memory overcommit ratio must be in [1, ${MEM_OVERCOMMIT.maxRatio}]`,
        )
      if (command.id !== undefined && (world.hosts[command.id] || world.vms[command.id]))
        return fail(`Something called ${command.id} already exists.`, `id ${command.id} already in use`)
      const id = command.id ?? newId(world, 'h')
      const name = command.name ?? String(Object.keys(world.hosts).length + 1)
      world.hosts[id] = {
        id,
        name,
        zone: command.zone ?? 'a',
        cores: command.cores,
        memMiB: command.memMiB,
        diskGiB: command.diskGiB ?? 500,
        costPerHour: command.costPerHour,
        power: 'on',
        powerSinceMs: world.timeMs,
        condition: 'Ready',
        downSinceMs: null,
        cachedLayers: [],
        packages: [],
        installedApps: [],
        memOvercommit,
        swapping: false,
        unschedulable: false,
        draining: false,
        drainBlocked: false,
        labels: {},
        taints: [],
        alloc: { cpuMilli: 0, memMiB: 0, vcpus: 0, pods: 0 },
      }
      logEvent(
        world,
        'info',
        `House ${name} built (${command.cores} workers, ${formatMiB(command.memMiB)}).`,
        `Host ${name} joined: ${command.cores} cores, ${formatMiB(command.memMiB)} RAM.`,
        [id],
      )
      return { ok: true, id }
    }
    case 'removeHost': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `host ${command.hostId} not found`)
      const busy =
        Object.values(world.vms).some((v) => v.hostId === host.id) ||
        containerList(world).some((c) => c.placement?.kind === 'host' && c.placement.hostId === host.id)
      if (busy) return fail(`House ${host.name} still has apartments or rooms; empty it first.`, `host ${host.name} is not empty`)
      delete world.hosts[host.id]
      logEvent(world, 'info', `House ${host.name} sold.`, `Host ${host.name} removed.`, [host.id])
      return { ok: true }
    }
    case 'addImage': {
      const id = command.id ?? newId(world, 'img')
      if (world.images[id]) return fail(`A kit called ${id} already exists.`, `image ${id} already exists`)
      if (!(command.sizeMiB > 0)) return fail('A kit must weigh something.', 'image size must be > 0 MiB')
      // A kit bought whole is one layer; buildImage makes kits of many layers.
      const instruction = `ADD ${command.ref}`
      const layerId = layerIdOf(null, instruction, command.sizeMiB)
      world.layers[layerId] ??= { id: layerId, parent: null, instruction, sizeMiB: command.sizeMiB }
      world.images[id] = {
        id,
        ref: command.ref,
        sizeMiB: command.sizeMiB,
        os: command.os ?? 'linux',
        layers: [layerId],
        packages: [...(command.packages ?? [])],
      }
      return { ok: true, id }
    }
    case 'addApp': {
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
    }
    case 'addVm': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `host ${command.hostId} not found`)
      if (!GUEST_OS[command.os]) return fail('Unknown operating system.', `unknown guest OS ${String(command.os)}`)
      if (!(command.vcpus >= 1) || !Number.isInteger(command.vcpus))
        return fail('An apartment needs a whole number of workers, at least 1.', 'vCPUs must be an integer ≥ 1')
      const fit = vmFits(world, host, command.os, command.vcpus, command.memMiB)
      if (!fit.ok) return fail(fit.metaphor, fit.technical)
      if (command.id !== undefined && (world.vms[command.id] || world.hosts[command.id] || world.containers[command.id]))
        return fail(`Something called ${command.id} already exists.`, `id ${command.id} already in use`)
      const id = command.id ?? newId(world, 'vm')
      const name = command.name ?? `${host.name}-${Object.values(world.vms).filter((v) => v.hostId === host.id).length + 1}`
      const provisionMs = nextInt(world.rng, VM_PROVISION.minMs, VM_PROVISION.maxMs)
      const vm = {
        id,
        name,
        hostId: host.id,
        os: command.os,
        vcpus: command.vcpus,
        memMiB: command.memMiB,
        state: 'provisioning' as const,
        stateSinceMs: world.timeMs,
        phaseEndsMs: world.timeMs + provisionMs,
        alloc: { cpuMilli: 0, memMiB: 0, pods: 0 },
        cachedLayers: [],
        packages: [],
        installedApps: [],
        speed: 1,
        memInUseMiB: 0,
        migration: null,
        labels: {},
        taints: [],
        condition: 'NotReady' as const,
        downSinceMs: null,
      }
      world.vms[id] = vm
      reserveVm(world, vm, 1)
      const os = GUEST_OS[command.os]
      logEvent(
        world,
        'info',
        `Apartment ${name} is going up in house ${host.name}; its own ${os.label} will take ${formatMiB(os.memMiB)} of its ${formatMiB(command.memMiB)}.`,
        `VM ${name} (${os.label}, ${command.vcpus} vCPU, ${formatMiB(command.memMiB)}) provisioning on ${host.name}; guest OS footprint ${formatMiB(os.memMiB)}.`,
        [id, host.id],
      )
      return { ok: true, id }
    }
    case 'deleteVm': {
      const vm = world.vms[command.vmId]
      if (!vm) return fail('No such apartment.', `VM ${command.vmId} not found`)
      for (const c of containerList(world)) {
        if (c.placement?.kind === 'vm' && c.placement.vmId === vm.id) deleteContainer(world, c)
      }
      reserveVm(world, vm, -1)
      delete world.vms[vm.id]
      logEvent(world, 'info', `Apartment ${vm.name} demolished.`, `VM ${vm.name} deleted.`, [vm.id, vm.hostId])
      return { ok: true }
    }
    case 'stopVm': {
      const vm = world.vms[command.vmId]
      if (!vm) return fail('No such apartment.', `VM ${command.vmId} not found`)
      if (vm.state === 'stopped') return fail(`Apartment ${vm.name} is already locked up.`, `VM ${vm.name} already stopped`)
      vmDown(world, vm.id, 'stopped')
      logEvent(
        world,
        'info',
        `Apartment ${vm.name} locked up; its rooms close.`,
        `VM ${vm.name} stopped; its containers stop with its kernel.`,
        [vm.id],
      )
      return { ok: true }
    }
    case 'startVm': {
      const vm = world.vms[command.vmId]
      if (!vm) return fail('No such apartment.', `VM ${command.vmId} not found`)
      if (vm.state !== 'stopped' && vm.state !== 'crashed')
        return fail(`Apartment ${vm.name} is already lived in.`, `VM ${vm.name} is ${vm.state}`)
      if (world.hosts[vm.hostId]?.power !== 'on') return fail('Its house is not standing.', `host of VM ${vm.name} is down`)
      const os = GUEST_OS[vm.os]
      vm.state = 'booting'
      vm.stateSinceMs = world.timeMs
      vm.phaseEndsMs = world.timeMs + nextInt(world.rng, os.boot.minMs, os.boot.maxMs)
      logEvent(world, 'info', `Apartment ${vm.name} is moving back in: ${os.label} boots again.`, `VM ${vm.name} booting ${os.label}.`, [
        vm.id,
      ])
      return { ok: true }
    }
    case 'runContainer': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
      const image = world.images[app.imageId]
      if (!image) return fail('The app has no furniture kit.', `image ${app.imageId} not found`)
      const target = command.target
      if (target.kind === 'host' ? !world.hosts[target.hostId] : !world.vms[target.vmId]) return fail('No such place.', 'target not found')
      const runtime = command.runtime ?? app.runtime
      if (!RUNTIMES[runtime]) return fail('Unknown kind of room walls.', `unknown runtime ${String(runtime)}`)
      const fit = containerFits(world, target, podCpuRequestMilli(app), podMemRequestMiB(app) + RUNTIMES[runtime].overheadMiB, image.os)
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
        `A room for ${app.name} is set up in ${where.metaphor}.`,
        `docker run ${image.ref} on ${where.technical} (${c.name}).`,
        [c.id, app.id, placementSubject(target)],
      )
      return { ok: true, id: c.id }
    }
    case 'removeContainer': {
      const c = world.containers[command.containerId]
      if (!c) return fail('No such room.', `container ${command.containerId} not found`)
      deleteContainer(world, c)
      const app = world.apps[c.appId]
      logEvent(world, 'info', `A room of ${app?.name ?? '?'} was cleared out.`, `Container ${c.name} removed.`, [c.id, c.appId])
      return { ok: true }
    }
    case 'setReplicas': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
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
    }
    case 'setManaged': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
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
    }
    case 'setTraffic': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
      if (!(command.rps >= 0)) return fail('Visitors per second cannot be negative.', 'rps must be ≥ 0')
      app.rps = command.rps
      logEvent(world, 'info', `${app.name} now gets ${command.rps} visitors a second.`, `Traffic to ${app.name}: ${command.rps} req/s.`, [
        app.id,
      ])
      return { ok: true }
    }
    case 'crashContainer': {
      const c = world.containers[command.containerId]
      if (!c) return fail('No such room.', `container ${command.containerId} not found`)
      if (c.state !== 'running') return fail('That room is not open, so it cannot collapse.', `container ${c.name} is ${c.state}`)
      crashContainer(world, c, 'the app inside failed', 'process exited with code 1')
      return { ok: true }
    }
    case 'crashRandomContainer': {
      const app = world.apps[command.appId]
      if (!app) return fail('No such app.', `app ${command.appId} not found`)
      const running = containerList(world).filter((c) => c.appId === app.id && c.state === 'running')
      if (running.length === 0) return fail(`No room of ${app.name} is open.`, `no running container of ${app.name}`)
      const victim = running[Math.floor(nextFloat(world.rng) * running.length)]!
      crashContainer(world, victim, 'the app inside failed', 'process exited with code 1')
      return { ok: true, id: victim.id }
    }
    case 'crashVm': {
      const vm = world.vms[command.vmId]
      if (!vm) return fail('No such apartment.', `VM ${command.vmId} not found`)
      if (vm.state !== 'running' && vm.state !== 'booting')
        return fail(`Apartment ${vm.name} is not lived in.`, `VM ${vm.name} is ${vm.state}`)
      const lost = vmDown(world, vm.id, 'crashed')
      logEvent(
        world,
        'error',
        `Flood in apartment ${vm.name}! ${lost} rooms inside it are gone; the apartments next door stay dry.`,
        `VM ${vm.name}: guest kernel panic. ${lost} containers on its kernel lost; other VMs unaffected.`,
        [vm.id, vm.hostId],
      )
      return { ok: true }
    }
    case 'failHost': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `host ${command.hostId} not found`)
      if (host.power !== 'on') return fail(`House ${host.name} is not standing.`, `host ${host.name} is ${host.power}`)
      host.power = 'failed'
      host.powerSinceMs = world.timeMs
      host.downSinceMs = world.timeMs
      let vms = 0
      let rooms = 0
      for (const vm of Object.values(world.vms)) {
        if (vm.hostId === host.id && vm.state !== 'stopped' && vm.state !== 'crashed') {
          rooms += vmDown(world, vm.id, 'crashed')
          vms += 1
        }
      }
      for (const c of containerList(world)) {
        if (c.placement?.kind === 'host' && c.placement.hostId === host.id && c.state !== 'lost') {
          loseContainer(world, c)
          rooms += 1
        }
      }
      logEvent(
        world,
        'error',
        `Fire! House ${host.name} burnt down with ${vms} apartments and ${rooms} rooms.`,
        `Host ${host.name} failed: ${vms} VMs and ${rooms} containers lost.`,
        [host.id],
      )
      return { ok: true }
    }
    case 'repairHost': {
      const host = world.hosts[command.hostId]
      if (!host) return fail('No such house.', `host ${command.hostId} not found`)
      if (host.power === 'on') return fail(`House ${host.name} is already standing.`, `host ${host.name} is on`)
      host.power = 'on'
      host.powerSinceMs = world.timeMs
      host.downSinceMs = null
      // The rebuilt house is empty of unmanaged rooms: nobody restarts a plain `docker run` after a fire.
      for (const c of containerList(world)) {
        if (c.placement?.kind === 'host' && c.placement.hostId === host.id && c.state === 'lost' && !c.managed) deleteContainer(world, c)
      }
      logEvent(
        world,
        'info',
        `House ${host.name} rebuilt by the infrastructure crew (not by the building manager).`,
        `Host ${host.name} repaired and powered on (infrastructure layer).`,
        [host.id],
      )
      return { ok: true }
    }
    case 'setDelayScale': {
      if (!(command.scale > 0 && command.scale <= 1))
        return fail('Classroom time must be between 0 and 1 × real time.', 'delayScale must be in (0, 1]')
      world.delayScale = command.scale
      return { ok: true }
    }
    case 'setImage':
    case 'rolloutUndo':
    case 'rolloutPause':
    case 'setHpa':
    case 'removeHpa':
    case 'setPdb':
    case 'cordon':
    case 'drain':
      return applyManagerCommand(world, command)
    case 'buildImage':
    case 'installPackages':
    case 'installApp':
    case 'setLimits':
    case 'setRuntime':
    case 'setSecurity':
    case 'setMemOvercommit':
    case 'leakMemory':
    case 'hogCpu':
    case 'breachContainer':
    case 'resizeVm':
    case 'migrateVm':
      return applyMachineCommand(world, command)
    case 'setNodeLabels':
    case 'setTaints':
    case 'setTolerations':
    case 'setNodeAffinity':
    case 'setPodAntiAffinity':
    case 'setTopologySpread':
    case 'addPriorityClass':
    case 'setPriorityClass':
      return applyPlacementCommand(world, command)
    case 'setProbes':
    case 'hangContainer':
    case 'hangRandomContainers':
    case 'setSidecars':
    case 'addNamespace':
    case 'setNamespace':
    case 'setAppLabels':
    case 'setClusterAutoscaler':
      return applyPodCommand(world, command)
    default: {
      const unknown: never = command
      const t = (unknown as { type?: unknown })?.type
      return fail(`Unknown action "${String(t)}".`, `unknown command type ${JSON.stringify(t)}`)
    }
  }
}

export { checkLimits, crashContainer, deleteContainer, newContainer, placementSubject, setContainerState, vmDown } from './containers'
