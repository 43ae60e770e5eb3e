/**
 * Which events of the street the teacher caused: an incident from the remote is logged as the
 * teacher's (commandLog `by: 'teacher'`); the event it raised has the same moment, the kind that
 * incident raises (src/sim/commands: chaos, hosts, apps, manager; src/sim/breach.ts) and names what
 * the command named (its house, app or room; a zone outage names the zone's houses). The caption
 * says those as the teacher's.
 */
import { STEP_MS } from '../sim'
import type { SimEvent } from '../sim'
import type { LoggedCommand } from '../levels'

/** The event each incident command raises when it applies. */
const RAISES: Readonly<Record<string, readonly string[]>> = {
  crashRandomContainer: ['containers.crashed'],
  failHost: ['hosts.failed', 'hosts.kernelPanic'],
  failZone: ['hosts.zoneFailed'],
  setTraffic: ['apps.trafficSet'],
  leakMemory: ['chaos.memoryLeak'],
  breachContainer: ['breach.breached'],
  drain: ['manager.drainStarted'],
}

/**
 * Whether this event came from one of the teacher's incidents in the log. `zoneOf` names a house's
 * zone (a zone outage's event names the houses it burnt, not the zone).
 */
export function byTeacher(
  event: Pick<SimEvent, 'atMs' | 'subjects' | 'id'>,
  log: readonly LoggedCommand[],
  zoneOf: (hostId: string) => string | undefined = () => undefined,
): boolean {
  for (let i = log.length - 1; i >= 0; i--) {
    const c = log[i]!
    const at = c.tick * STEP_MS
    if (at < event.atMs) return false
    if (c.by !== 'teacher' || at !== event.atMs || !RAISES[c.command.type]?.includes(event.id)) continue
    const cmd = c.command
    if (cmd.type === 'failZone') {
      if (event.subjects.some((id) => zoneOf(id) === cmd.zone)) return true
      continue
    }
    const named = Object.entries(cmd).flatMap(([k, v]) => (k !== 'type' && typeof v === 'string' ? [v] : []))
    if (named.some((id) => event.subjects.includes(id))) return true
  }
  return false
}
