/**
 * Changing a running VM: resize (costs a reboot: stop, apply, boot; its rooms go down meanwhile)
 * and live migration to another house (Clark et al., NSDI 2005): iterative pre-copy while the
 * guest keeps running, then a short stop-and-copy pause during which its rooms serve nobody.
 * The reservation moves from the old house to the new one once, at the switch-over.
 */
import { fail } from './result'
import type { Result } from './result'
import { vmDown } from './containers'
import { formatMiB, reserveVm, vmCapacity, vmFits } from './capacity'
import { GUEST_OS, LIVE_MIGRATION } from './constants'
import { containerList } from './containerIndex'
import { logEvent } from './events'
import { notFound, refuse, say } from './messages'
import { nextInt } from './rng'
import type { MigrationMode, Vm, World } from './types'

export function resizeVm(world: World, vmId: string, vcpus: number, memMiB: number): Result {
  const vm = world.vms[vmId]
  if (!vm) return notFound('vm', vmId)
  if (!(Number.isInteger(vcpus) && vcpus >= 1)) return refuse(say('vmOps.refused.vcpusMustBeAn'))
  if (!(memMiB > 0)) return refuse(say('vmOps.refused.memoryMustBe'))
  if (vm.migration) return refuse(say('vmOps.refused.vmIsMigrating', { vm: vm.name }))
  const host = world.hosts[vm.hostId]
  if (!host) return refuse(say('vmOps.refused.hostNotFound'))
  const cap = vmCapacity({ ...vm, vcpus, memMiB })
  if (vm.alloc.memMiB > cap.memMiB || vm.alloc.cpuMilli > cap.cpuMilli)
    return fail(
      `Its rooms would not fit in a smaller apartment ${vm.name}.`,
      `VM ${vm.name}: containers reserve ${formatMiB(vm.alloc.memMiB)}, ${vm.alloc.cpuMilli}m; new size leaves ` +
        `${formatMiB(cap.memMiB)}, ${cap.cpuMilli}m`,
    )
  reserveVm(world, vm, -1)
  const fit = vmFits(world, host, vm.os, vcpus, memMiB)
  if (!fit.ok && !(fit.code === 'down' && vm.state !== 'running' && vm.state !== 'booting')) {
    reserveVm(world, vm, 1)
    return fail(fit.metaphor, fit.technical)
  }
  const before = `${vm.vcpus} vCPU, ${formatMiB(vm.memMiB)}`
  const wasUp = vm.state === 'running' || vm.state === 'booting' || vm.state === 'provisioning'
  const lost = wasUp ? vmDown(world, vm.id, 'stopped') : 0
  vm.vcpus = vcpus
  vm.memMiB = memMiB
  reserveVm(world, vm, 1)
  if (wasUp) {
    const os = GUEST_OS[vm.os]
    vm.state = 'booting'
    vm.stateSinceMs = world.timeMs
    vm.phaseEndsMs = world.timeMs + nextInt(world.rng, os.boot.minMs, os.boot.maxMs)
  }
  logEvent(
    world,
    'warn',
    say('vmOps.resized', {
      vm: vm.name,
      before,
      vcpus,
      memMiB: formatMiB(memMiB),
      wasUp: wasUp ? `: everyone moves out, ${lost} rooms close until it boots again` : '',
      wasUp2: wasUp ? `; reboot required: ${lost} containers down until boot completes` : ' (applies at next start)',
    }),
    [vm.id, vm.hostId],
  )
  return { ok: true }
}

export interface MigrationPlan {
  precopyMs: number
  downtimeMs: number
  rounds: number
  /** False: plain pre-copy never finishes (the guest dirties as fast as the link copies; QEMU has no round cap). */
  converges: boolean
  /** auto-converge: the vCPU throttle reached, percent. */
  throttlePercent: number
  /** post-copy: how long the remaining pages take to arrive after the switch. */
  postcopyMs: number
}

/**
 * Pre-copy passes as Clark et al. describe and QEMU runs them (LIVE_MIGRATION): pass 1 copies all RAM, each next pass
 * what the guest dirtied meanwhile, until the rest fits in the downtime limit (300 ms); then stop-and-copy.
 * - precopy (QEMU's default): no round cap. A guest that dirties memory at least as fast as the link copies never
 *   converges: the migration runs on until cancelled (converges false).
 * - auto-converge: from a pass that dirtied more than 50 % of what it sent, the guest's vCPUs are throttled 20 %, then
 *   10 % more each such pass (up to 99 %), so it dirties less, and the migration ends, with the guest slowed meanwhile.
 * - postcopy: one full pass, then the switch (device state only), then the pages still dirty on the source are
 *   fetched over the link while the guest runs on the target.
 */
export function planMigration(memMiB: number, dirtyMiBPerS: number, mode: MigrationMode = 'precopy'): MigrationPlan {
  const L = LIVE_MIGRATION
  const bw = L.linkMiBPerS
  if (mode === 'postcopy') {
    const passS = memMiB / bw
    const dirtied = Math.min(memMiB, dirtyMiBPerS * passS)
    return {
      precopyMs: Math.ceil(passS * 1000),
      downtimeMs: L.postcopySwitchMs,
      rounds: 1,
      converges: true,
      throttlePercent: 0,
      postcopyMs: Math.ceil((dirtied / bw) * 1000),
    }
  }
  let left = memMiB
  let precopyS = 0
  let rounds = 0
  let throttle = 0
  let highPasses = 0
  // Not a cap on the model: a guard so a plan that shrinks by a hair each pass still returns.
  while ((left / bw) * 1000 > L.maxDowntimeMs && rounds < 100_000) {
    const t = left / bw
    precopyS += t
    rounds++
    const next = Math.min(memMiB, dirtyMiBPerS * (1 - throttle / 100) * t)
    if (mode === 'auto-converge' && next > (left * L.throttleTriggerPercent) / 100) {
      // QEMU's mig_throttle_guest_down: after two passes over the threshold, throttle; then more each such pass.
      highPasses++
      if (highPasses >= 2)
        throttle = throttle === 0 ? L.throttleInitialPercent : Math.min(L.throttleMaxPercent, throttle + L.throttleIncrementPercent)
    }
    if (mode === 'precopy' && next >= left) {
      // Dirtying as fast as the link copies: the rest never shrinks, and QEMU keeps copying.
      return {
        precopyMs: Math.ceil(precopyS * 1000),
        downtimeMs: Math.ceil((next / bw) * 1000),
        rounds,
        converges: false,
        throttlePercent: 0,
        postcopyMs: 0,
      }
    }
    left = next
  }
  return {
    precopyMs: Math.ceil(precopyS * 1000),
    downtimeMs: Math.max(1, Math.ceil((left / bw) * 1000)),
    rounds,
    converges: true,
    throttlePercent: throttle,
    postcopyMs: 0,
  }
}

/** A migration that never ends (plain pre-copy that does not converge) is due at this time: never. */
const NEVER = Number.MAX_SAFE_INTEGER

function dirtyRate(world: World, vm: Vm): number {
  let rooms = 0
  for (const c of containerList(world)) if (c.state === 'running' && c.placement?.kind === 'vm' && c.placement.vmId === vm.id) rooms++
  return LIVE_MIGRATION.dirtyBaseMiBPerS + LIVE_MIGRATION.dirtyPerContainerMiBPerS * rooms
}

export function migrateVm(world: World, vmId: string, toHostId: string, mode: MigrationMode = 'precopy'): Result {
  const vm = world.vms[vmId]
  if (!vm) return notFound('vm', vmId)
  const to = world.hosts[toHostId]
  if (!to) return notFound('host', toHostId)
  if (vm.state !== 'running') return refuse(say('vmOps.refused.vmIs', { vm: vm.name, state: vm.state }))
  if (vm.migration) return refuse(say('vmOps.refused.vmAlreadyMigrating', { vm: vm.name }))
  if (to.id === vm.hostId) return refuse(say('vmOps.refused.vmAlreadyOn', { vm: vm.name, to: to.name }))
  const fit = vmFits(world, to, vm.os, vm.vcpus, vm.memMiB)
  if (!fit.ok) return fail(fit.metaphor, fit.technical)
  const dirty = dirtyRate(world, vm)
  const plan = planMigration(vm.memMiB, dirty, mode)
  vm.migration = {
    toHostId: to.id,
    phase: 'precopy',
    mode,
    converges: plan.converges,
    throttlePercent: plan.throttlePercent,
    postcopyMs: plan.postcopyMs,
    phaseEndsMs: plan.converges ? world.timeMs + plan.precopyMs : NEVER,
    downtimeMs: plan.downtimeMs,
    rounds: plan.rounds,
  }
  logEvent(
    world,
    'info',
    say('vmOps.migrationStarted', {
      vm: vm.name,
      to: to.name,
      precopyMs: (plan.precopyMs / 1000).toFixed(1),
      downtimeMs: plan.downtimeMs,
      memMiB: formatMiB(vm.memMiB),
      linkMiBPerS: LIVE_MIGRATION.linkMiBPerS,
      dirty,
      rounds: plan.rounds,
      maxDowntimeMs: LIVE_MIGRATION.maxDowntimeMs,
      mode: MODE_TEXT[mode],
    }),
    [vm.id, vm.hostId, to.id],
  )
  if (!plan.converges)
    logEvent(world, 'warn', say('vmOps.migrationNotConverging', { vm: vm.name, dirty, linkMiBPerS: LIVE_MIGRATION.linkMiBPerS }), [
      vm.id,
      vm.hostId,
      to.id,
    ])
  return { ok: true }
}

const MODE_TEXT: Record<MigrationMode, string> = {
  precopy: 'pre-copy',
  'auto-converge': 'pre-copy with auto-converge',
  postcopy: 'post-copy',
}

/** migrate_cancel: the VM stays where it is, running; the copy on the target is dropped. */
export function cancelMigration(world: World, vmId: string): Result {
  const vm = world.vms[vmId]
  if (!vm) return notFound('vm', vmId)
  if (!vm.migration || vm.migration.phase !== 'precopy') return refuse(say('vmOps.refused.notMigrating', { vm: vm.name }))
  const to = world.hosts[vm.migration.toHostId]
  vm.migration = null
  logEvent(world, 'info', say('vmOps.migrationCancelled', { vm: vm.name, to: to?.name ?? '?' }), [vm.id])
  return { ok: true }
}

/** Runs each step after the hypervisor: advances migrations through pre-copy, stop-and-copy, switch-over. */
export function migrations(world: World): void {
  for (const vm of Object.values(world.vms)) {
    const m = vm.migration
    if (!m || world.timeMs < m.phaseEndsMs) continue
    if (vm.state !== 'running') {
      vm.migration = null
      continue
    }
    if (m.phase === 'postcopy') {
      vm.migration = null
      logEvent(world, 'info', say('vmOps.postcopyDone', { vm: vm.name, postcopyMs: m.postcopyMs }), [vm.id])
      continue
    }
    const to = world.hosts[m.toHostId]
    if (m.phase === 'precopy') {
      // The target may have filled up or burnt down while we copied: then the VM stays where it is.
      const fit = to ? vmFits(world, to, vm.os, vm.vcpus, vm.memMiB) : null
      if (!fit?.ok) {
        vm.migration = null
        logEvent(
          world,
          'warn',
          say('vmOps.migrationAborted', { vm: vm.name, to: to?.name ?? '?', fit: fit && !fit.ok ? fit.technical : 'target gone' }),
          [vm.id],
        )
        continue
      }
      m.phase = 'stopcopy'
      m.phaseEndsMs = world.timeMs + m.downtimeMs
      continue
    }
    const from = world.hosts[vm.hostId]
    const last = to ? vmFits(world, to, vm.os, vm.vcpus, vm.memMiB) : null
    if (!last?.ok) {
      vm.migration = null
      logEvent(
        world,
        'warn',
        say('vmOps.migrationAbortedAtSwitch', {
          vm: vm.name,
          to: to?.name ?? '?',
          last: last && !last.ok ? last.technical : 'target gone',
        }),
        [vm.id],
      )
      continue
    }
    reserveVm(world, vm, -1)
    vm.hostId = m.toHostId
    reserveVm(world, vm, 1)
    if (m.mode === 'postcopy' && m.postcopyMs > 0) {
      // Running on the target now; the pages still on the source arrive as it touches them (slowly: cgroups.ts).
      m.phase = 'postcopy'
      m.phaseEndsMs = world.timeMs + m.postcopyMs
    } else vm.migration = null
    logEvent(
      world,
      'info',
      say('vmOps.migrated', { vm: vm.name, to: to?.name ?? '?', downtimeMs: m.downtimeMs, from: from?.name ?? '?' }),
      [vm.id, m.toHostId],
    )
  }
}
