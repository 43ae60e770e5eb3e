/**
 * The teacher's incident remote (I shows or hides it): the right incident at the right moment
 * during a lesson or a level — crash a room, burn a house, a zone outage, a traffic surge, a memory
 * leak, a breach, a node drain — now, or planned for a chosen moment of world time. Each is logged
 * as the teacher's (a hand-in replays it as such).
 */
import { useEffect, useState } from 'react'
import { STEP_MS } from '../../sim'
import { useGame, useUi, useWorld } from '../../state'
import { cancelIncident, clockOf, fireIncident, followSchedule, INCIDENT_LABELS, scheduleIncident, useIncidentSchedule } from './incidents'
import type { Incident } from './incidents'
import { usePresenterPanels } from './presenterPanels'
import './timeline.css'
import { useT } from '../i18n'

export function IncidentRemote() {
  const open = usePresenterPanels((s) => s.remote)
  const world = useWorld()
  const t = useT()
  const atText = t('inc.at')
  const label = (k: Incident) => t(`inc.${k}`)
  const [appId, setAppId] = useState('')
  const [hostId, setHostId] = useState('')
  const [later, setLater] = useState(false)
  const [atS, setAtS] = useState('')
  const pending = useIncidentSchedule((s) => s.pending)
  const fired = useIncidentSchedule((s) => s.fired)
  useEffect(() => followSchedule(), [])
  if (!open) return null
  // Only while the remote is shown: a street of 5,000 houses is not listed on every batch for nothing.
  const apps = Object.values(world.apps)
  const hosts = Object.values(world.hosts)
  const app = apps.find((a) => a.id === appId)?.id ?? apps[0]?.id ?? ''
  const host = hosts.find((h) => h.id === hostId)?.id ?? hosts[0]?.id ?? ''
  const nowS = (useGame.getState().world.tick * STEP_MS) / 1000
  const at = atS.trim() === '' ? Math.ceil(nowS) + 10 : Number(atS)
  const atOk = Number.isFinite(at) && at >= 0
  const planLater = () => setLater(true)
  const fire = (what: Incident) => {
    if (!later) return void fireIncident(what, app, host)
    if (!atOk) return useUi.getState().notify('error', t('inc.badMoment', { value: atS }))
    const s = scheduleIncident(what, app, host, at)
    useUi.getState().notify('info', t('inc.plannedFor', { what: label(what), clock: clockOf(s.atTick) }))
  }
  return (
    <section className="incident-remote" aria-label={t('inc.title')} data-testid="incident-remote">
      <div className="panel-head">
        <h2>{t('inc.title')}</h2>
        <button
          type="button"
          data-testid="incident-remote-close"
          aria-label={t('inc.close')}
          onClick={() => usePresenterPanels.getState().show('remote', false)}
        >
          ✕
        </button>
      </div>
      <label>
        {t('inc.app')}{' '}
        <select data-testid="incident-app" value={app} onChange={(e) => setAppId(e.target.value)}>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('inc.host')}{' '}
        <select data-testid="incident-host" value={host} onChange={(e) => setHostId(e.target.value)}>
          {hosts.map((h) => (
            <option key={h.id} value={h.id}>
              {t('inc.inZone', { name: h.name, zone: h.zone })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="incident-when">
        <legend>{t('inc.when')}</legend>
        <label>
          <input type="radio" name="incident-when" data-testid="incident-when-now" checked={!later} onChange={() => setLater(false)} />{' '}
          {t('inc.now')}
        </label>
        <label>
          <input type="radio" name="incident-when" data-testid="incident-when-later" checked={later} onChange={planLater} /> {atText}{' '}
          <input
            type="number"
            min={0}
            step={0.1}
            inputMode="decimal"
            aria-label={t('inc.seconds')}
            data-testid="incident-at"
            value={atS}
            placeholder={String(Math.ceil(nowS) + 10)}
            onChange={(e) => {
              setAtS(e.target.value)
              setLater(true)
            }}
          />{' '}
          s
        </label>
        <small>{t('inc.nowClock', { clock: clockOf(useGame.getState().world.tick) })}</small>
      </fieldset>
      <div className="incident-buttons">
        {(Object.keys(INCIDENT_LABELS) as Incident[]).map((k) => (
          <button key={k} type="button" data-testid={`incident-${k}`} onClick={() => fire(k)}>
            {label(k)}
            {later && atOk ? t('inc.atClock', { clock: clockOf(Math.round((at * 1000) / STEP_MS)) }) : ''}
          </button>
        ))}
      </div>
      {(pending.length > 0 || fired.length > 0) && (
        <ul className="incident-plan" data-testid="incident-plan" aria-label={t('inc.planned')}>
          {pending.map((p) => (
            <li key={p.id} data-testid="incident-pending">
              ⏰ {clockOf(p.atTick)} {label(p.what).toLowerCase()}{' '}
              <button type="button" aria-label={t('inc.cancel', { what: label(p.what) })} onClick={() => cancelIncident(p.id)}>
                ✕
              </button>
            </li>
          ))}
          {fired.map((f) => (
            <li key={f.id} data-testid="incident-fired" data-fired-tick={f.firedTick}>
              {f.ok ? '✓' : '✖'} {clockOf(f.firedTick)} {label(f.what).toLowerCase()}
              {f.ok ? '' : t('inc.nothingShort')}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
