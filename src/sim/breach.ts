/**
 * A breach: an attacker gets into one room. Whether it spreads follows the isolation boundary
 * (FIDELITY.md "Isolation"): a container escape reaches the kernel it shares, and from there the
 * other rooms on that kernel; the restricted Pod Security Standards settings cut the odds at each
 * hop. A VM's kernel is its own: crossing an apartment wall needs a hypervisor escape, which is rare.
 * Sandboxed runtimes (gVisor, Kata, Firecracker) put a second wall around the room.
 * All chance comes from the world's generator, in container order, so a replay breaches the same rooms.
 */
import type { Result } from './result'
import { placementName } from './capacity'
import { BREACH, RUNTIMES } from './constants'
import { containerList } from './containerIndex'
import { logEvent } from './events'
import { notFound, refuse, say } from './messages'
import { nextFloat } from './rng'
import type { Container, Placement, World } from './types'

/** Odds that an attacker inside this room escapes to the kernel under it. */
export function escapeOdds(c: Pick<Container, 'security' | 'runtime'>): number {
  return hardened(c, c.security.privileged ? BREACH.privilegedEscape : BREACH.escapeBase)
}

/**
 * Each restricted setting cuts the odds (Pod Security Standards); privileged cancels them all.
 * A sandbox is a second wall: past it needs a bug in the sandbox itself (rare, like a hypervisor escape).
 */
function hardened(c: Pick<Container, 'security' | 'runtime'>, base: number): number {
  const s = c.security
  let p = base
  if (!s.privileged) {
    if (s.runAsNonRoot) p *= BREACH.runAsNonRoot
    if (s.readOnlyRootFilesystem) p *= BREACH.readOnlyRootFilesystem
    if (s.dropAllCapabilities) p *= BREACH.dropAllCapabilities
  }
  if (c.runtime !== 'runc') p *= BREACH.hypervisorEscape
  return p
}

/** Odds that an attacker who owns the kernel gets into this neighbour room. */
export function lateralOdds(c: Pick<Container, 'security' | 'runtime'>): number {
  return hardened(c, BREACH.lateralBase)
}

const samePlace = (a: Placement | null, b: Placement): boolean =>
  a !== null && (a.kind === 'host' ? b.kind === 'host' && a.hostId === b.hostId : b.kind === 'vm' && a.vmId === b.vmId)

function breach(c: Container, how: string): void {
  c.breached = true
  c.reason = `breached: ${how}`
}

export function breachContainer(world: World, containerId: string): Result {
  const src = world.containers[containerId]
  if (!src) return notFound('container', containerId)
  if (src.state !== 'running' || !src.placement) return refuse(say('breach.refused.containerIs', { src: src.name, state: src.state }))
  if (src.breached) return refuse(say('breach.refused.containerAlreadyCompromised', { src: src.name }))
  const place = src.placement
  const where = placementName(world, place)
  const hostId = place.kind === 'host' ? place.hostId : world.vms[place.vmId]!.hostId
  breach(src, 'initial compromise (chaos)')
  const reached: Container[] = [src]
  const odds = escapeOdds(src)
  const kernelOwned = nextFloat(world.rng) < odds
  if (kernelOwned) {
    for (const c of containerList(world)) {
      if (c === src || c.breached || c.state !== 'running' || !samePlace(c.placement, place)) continue
      if (nextFloat(world.rng) < lateralOdds(c)) {
        breach(c, `attacker owns the shared kernel of ${where.technical}`)
        reached.push(c)
      }
    }
  }
  // Past the wall of an apartment, or from the house's kernel into its apartments: only through a hypervisor bug.
  let escaped = false
  if (kernelOwned && nextFloat(world.rng) < BREACH.hypervisorEscape) {
    escaped = true
    for (const c of containerList(world)) {
      if (c.breached || c.state !== 'running' || !c.placement) continue
      const h = c.placement.kind === 'host' ? c.placement.hostId : world.vms[c.placement.vmId]?.hostId
      if (h === hostId) {
        breach(c, 'hypervisor escape (like VENOM, CVE-2015-3456)')
        reached.push(c)
      }
    }
  }
  const app = world.apps[src.appId]?.name ?? '?'
  const rt = RUNTIMES[src.runtime]
  const n = reached.length
  const stopped = { inVm: place.kind === 'vm', sandboxed: src.runtime !== 'runc', odds: Math.round(odds * 100) }
  const params = { app, where: where.metaphor, whereTechnical: where.technical, room: src.name, runtime: rt.label, kernelOwned }
  logEvent(world, 'error', say('breach.breached', { ...params, ...stopped, reached: n, escaped }), [...reached.map((c) => c.id), src.appId])
  return { ok: true, id: src.id }
}
