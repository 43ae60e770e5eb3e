/**
 * The teacher's incidents: what each one is as commands on the street now, firing one (logged as the
 * teacher's, so a hand-in replays it), and incidents scheduled for a chosen moment of world time.
 * A scheduled incident fires when the live run reaches its moment (not while looking at the past or
 * replaying it); it is logged at the tick it fired, like one fired by hand, so hand-ins still verify.
 */
import { create } from 'zustand'
import { STEP_MS } from '../../sim'
import type { Command, World } from '../../sim'
import { useGame, useSettings, useTimeline, useUi } from '../../state'
import { resultText, tNow } from '../i18n'

export type Incident = 'crash' | 'fire' | 'zone' | 'surge' | 'leak' | 'breach' | 'drain'

export const INCIDENT_LABELS: Record<Incident, { metaphor: string; technical: string }> = {
  crash: { metaphor: 'Crash a room', technical: 'Crash a container' },
  fire: { metaphor: 'Burn a house', technical: 'Fail a host' },
  zone: { metaphor: 'Power cut on a street side', technical: 'Zone outage' },
  surge: { metaphor: 'Rush of visitors', technical: 'Traffic surge' },
  leak: { metaphor: 'Leaky app', technical: 'Memory leak' },
  breach: { metaphor: 'Burglar', technical: 'Breach' },
  drain: { metaphor: 'Empty a house for repairs', technical: 'Drain a node' },
}

function runningOf(world: World, appId: string): string | null {
  for (const c of Object.values(world.containers)) if (c.appId === appId && c.state === 'running') return c.id
  return null
}

/** The commands an incident is, on this world: [] when it has nothing to act on. */
export function incidentCommands(world: World, what: Incident, appId: string, hostId: string): Command[] {
  const room = runningOf(world, appId)
  switch (what) {
    case 'crash':
      return [{ type: 'crashRandomContainer', appId }]
    case 'fire':
      return world.hosts[hostId] ? [{ type: 'failHost', hostId }] : []
    case 'zone': {
      // One command burns the zone's standing houses at once (failZone: one walk, one line in the log).
      const zone = world.hosts[hostId]?.zone
      return zone !== undefined ? [{ type: 'failZone', zone }] : []
    }
    case 'surge': {
      const rps = world.apps[appId]?.rps ?? 0
      return world.apps[appId] ? [{ type: 'setTraffic', appId, rps: Math.max(100, rps * 3) }] : []
    }
    case 'leak':
      return room ? [{ type: 'leakMemory', containerId: room, mibPerS: 64 }] : []
    case 'breach':
      return room ? [{ type: 'breachContainer', containerId: room }] : []
    case 'drain':
      return world.hosts[hostId] ? [{ type: 'drain', hostId }] : []
  }
}

/** Fire an incident now, as the teacher's; says what happened in a notice. Returns whether it applied. */
export function fireIncident(what: Incident, appId: string, hostId: string, when = ''): boolean {
  const vocab = useUi.getState().vocab
  const lang = useSettings.getState().lang
  const label = tNow(`inc.${what}`)
  const cmds = incidentCommands(useGame.getState().world, what, appId, hostId)
  const ui = useUi.getState()
  if (cmds.length === 0) {
    ui.notify('error', tNow('inc.nothing', { what: label, when }))
    return false
  }
  const results = cmds.map((c) => useGame.getState().incident(c))
  const refused = results.find((r) => !r.ok)
  if (refused && !refused.ok) {
    ui.notify('error', tNow('inc.refused', { what: label, when, why: resultText(refused, vocab, lang) }))
    return false
  }
  ui.notify('info', tNow('inc.fired', { when, what: label.toLowerCase() }))
  // In a lesson the clock stands still between steps: let the incident play out.
  if (useGame.getState().mode === 'lesson') useGame.getState().setPaused(false)
  return true
}

export interface ScheduledIncident {
  id: number
  /** The world tick it fires at (0.1 s each). */
  atTick: number
  what: Incident
  appId: string
  hostId: string
}

interface ScheduleState {
  pending: ScheduledIncident[]
  /** The last ones fired: when planned, when they fired, whether they applied. */
  fired: (ScheduledIncident & { firedTick: number; ok: boolean })[]
}

let seq = 0
export const useIncidentSchedule = create<ScheduleState>()(() => ({ pending: [], fired: [] }))

// The clock stops a batch of steps at the next planned moment, so the incident fires at that exact tick.
useIncidentSchedule.subscribe((s) => {
  const next = s.pending[0]?.atTick ?? null
  if (useGame.getState().breakAtTick !== next) useGame.setState({ breakAtTick: next })
})

/** Schedule an incident for a moment of world time (seconds); a moment already past fires at once. */
export function scheduleIncident(what: Incident, appId: string, hostId: string, atSeconds: number): ScheduledIncident {
  const s: ScheduledIncident = { id: ++seq, atTick: Math.max(0, Math.round((atSeconds * 1000) / STEP_MS)), what, appId, hostId }
  useIncidentSchedule.setState((st) => ({ pending: [...st.pending, s].sort((a, b) => a.atTick - b.atTick) }))
  checkSchedule()
  return s
}

export function cancelIncident(id: number): void {
  useIncidentSchedule.setState((st) => ({ pending: st.pending.filter((p) => p.id !== id) }))
}

/** Fire what is due: the live run (not the past on the timeline, not a replay) has reached its moment. */
function checkSchedule(): void {
  const { pending } = useIncidentSchedule.getState()
  if (pending.length === 0) return
  const g = useGame.getState()
  const t = useTimeline.getState()
  if (t.at !== null || t.replaying || (g.mode !== 'level' && g.mode !== 'sandbox' && g.mode !== 'lesson')) return
  const due = pending.filter((p) => p.atTick <= g.world.tick)
  if (due.length === 0) return
  useIncidentSchedule.setState((st) => ({ pending: st.pending.filter((p) => !due.includes(p)) }))
  for (const d of due) {
    const ok = fireIncident(d.what, d.appId, d.hostId, tNow('inc.plannedWhen', { clock: clockOf(d.atTick) }))
    useIncidentSchedule.setState((st) => ({ fired: [...st.fired.slice(-9), { ...d, firedTick: useGame.getState().world.tick, ok }] }))
  }
}

/** Follow the game: fire scheduled incidents when their moment comes; a new run forgets them. */
export function followSchedule(): () => void {
  const offGame = useGame.subscribe((s, p) => {
    if (s.level !== p.level || s.mode !== p.mode || s.lab !== p.lab) useIncidentSchedule.setState({ pending: [], fired: [] })
    else checkSchedule()
  })
  // Back to the live moment (Live, the end of a replay): what came due meanwhile fires now.
  const offTimeline = useTimeline.subscribe((t, p) => {
    if ((t.at === null && p.at !== null) || (!t.replaying && p.replaying)) checkSchedule()
  })
  return () => {
    offGame()
    offTimeline()
  }
}

export function clockOf(tick: number): string {
  const s = (tick * STEP_MS) / 1000
  return `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`
}
