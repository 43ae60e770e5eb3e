/**
 * The teacher's incident remote (I shows or hides it): the right incident at the right moment
 * during a lesson or a level — crash a room, burn a house, a zone outage, a traffic surge, a memory
 * leak, a breach, a node drain. Each is logged as the teacher's (a hand-in replays it as such).
 */
import { useEffect, useState } from 'react'
import type { Command, World } from '../../sim'
import { useGame, useUi, useWorld } from '../../state'
import { isTyping } from '../keys'
import './timeline.css'

type Incident = 'crash' | 'fire' | 'zone' | 'surge' | 'leak' | 'breach' | 'drain'

const LABELS: Record<Incident, { metaphor: string; technical: string }> = {
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

export function IncidentRemote() {
  const [open, setOpen] = useState(false)
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const mode = useGame((s) => s.mode)
  const apps = Object.values(world.apps)
  const hosts = Object.values(world.hosts)
  const [appId, setAppId] = useState('')
  const [hostId, setHostId] = useState('')
  const app = apps.find((a) => a.id === appId)?.id ?? apps[0]?.id ?? ''
  const host = hosts.find((h) => h.id === hostId)?.id ?? hosts[0]?.id ?? ''
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      if (e.key === 'i' || e.key === 'I') {
        setOpen((o) => !o)
        e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  if (!open) return null
  const fire = (what: Incident) => {
    const cmds = incidentCommands(useGame.getState().world, what, app, host)
    const ui = useUi.getState()
    if (cmds.length === 0) return ui.notify('error', `${LABELS[what][vocab]}: nothing to act on.`)
    const results = cmds.map((c) => useGame.getState().incident(c))
    const refused = results.find((r) => !r.ok)
    if (refused && !refused.ok) ui.notify('error', `${LABELS[what][vocab]}: ${refused[vocab]}`)
    else ui.notify('info', `Teacher's incident: ${LABELS[what][vocab].toLowerCase()}.`)
    // In a lesson the clock stands still between steps: let the incident play out.
    if (mode === 'lesson') useGame.getState().setPaused(false)
  }
  return (
    <section className="incident-remote" aria-label="Incident remote" data-testid="incident-remote">
      <h2>Incident remote</h2>
      <label>
        {vocab === 'metaphor' ? 'Business' : 'App'}{' '}
        <select data-testid="incident-app" value={app} onChange={(e) => setAppId(e.target.value)}>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {vocab === 'metaphor' ? 'House' : 'Host'}{' '}
        <select data-testid="incident-host" value={host} onChange={(e) => setHostId(e.target.value)}>
          {hosts.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name} (zone {h.zone})
            </option>
          ))}
        </select>
      </label>
      <div className="incident-buttons">
        {(Object.keys(LABELS) as Incident[]).map((k) => (
          <button key={k} type="button" data-testid={`incident-${k}`} onClick={() => fire(k)}>
            {LABELS[k][vocab]}
          </button>
        ))}
      </div>
    </section>
  )
}
