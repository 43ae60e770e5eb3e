/**
 * The app's pod rules, each a small control that sends one command: tolerations, node affinity to
 * a zone, anti-affinity by hostname, spread across zones, priority class, probes, sidecars,
 * namespace. Each shows only when the level's palette allows its command. Every one of them is
 * also YAML (export, edit, apply) and most are kubectl commands.
 */
import { useState } from 'react'
import { LABEL_HOSTNAME, LABEL_ZONE, PROBE_DEFAULTS } from '../../sim'
import type { App, CommandType, Probe, TaintEffect, Toleration, World } from '../../sim'
import { formatToleration, TAINT_EFFECTS } from '../../io/nodes'
import { useWords } from '../useVocab'
import { allowed, send } from './send'
import { streetZones } from './autoscalerModel'

const DEFAULT_PROBE: Probe = {
  initialDelaySeconds: PROBE_DEFAULTS.initialDelaySeconds,
  periodSeconds: PROBE_DEFAULTS.periodSeconds,
  failureThreshold: PROBE_DEFAULTS.failureThreshold,
  successThreshold: PROBE_DEFAULTS.successThreshold,
}

const zonesOf = (world: World): string[] => streetZones(world)

function Tolerations({ app }: { app: App }) {
  const w = useWords()
  const [key, setKey] = useState('dedicated')
  const [value, setValue] = useState('')
  const [effect, setEffect] = useState<TaintEffect | ''>('NoSchedule')
  const add = () => {
    const t: Toleration = value
      ? { key, operator: 'Equal', value, ...(effect ? { effect } : {}) }
      : { key, operator: 'Exists', ...(effect ? { effect } : {}) }
    send({
      type: 'setTolerations',
      appId: app.id,
      tolerations: [...app.tolerations.filter((x) => !(x.key === key && x.effect === t.effect)), t],
    })
  }
  return (
    <fieldset>
      <legend>{w('Signs its rooms put up with (tolerations)', 'Tolerations')}</legend>
      {app.tolerations.length > 0 && (
        <ul className="rule-list">
          {app.tolerations.map((t, i) => (
            <li key={`${t.key}:${t.effect ?? ''}:${i}`}>
              <code>{formatToleration(t)}</code>{' '}
              <button
                type="button"
                className="link"
                aria-label={`Remove toleration ${formatToleration(t)}`}
                data-testid={`mgr-setTolerations-remove-${i}`}
                onClick={() => send({ type: 'setTolerations', appId: app.id, tolerations: app.tolerations.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        key <input value={key} size={9} onChange={(e) => setKey(e.target.value.trim())} data-testid="mgr-setTolerations-key" />
      </label>
      <label>
        value{' '}
        <input
          value={value}
          size={5}
          placeholder="any"
          onChange={(e) => setValue(e.target.value.trim())}
          data-testid="mgr-setTolerations-value"
        />
      </label>
      <label>
        effect{' '}
        <select value={effect} onChange={(e) => setEffect(e.target.value as TaintEffect | '')} data-testid="mgr-setTolerations-effect">
          <option value="">any</option>
          {TAINT_EFFECTS.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!key} onClick={add} data-testid="mgr-setTolerations">
        {w('Put up with it', 'Add toleration')}
      </button>
    </fieldset>
  )
}

function Placement({ app, world }: { app: App; world: World }) {
  const w = useWords()
  const zones = zonesOf(world)
  const zoneReq = app.nodeAffinity.required.find((r) => r.key === LABEL_ZONE && r.operator === 'In')
  const [zone, setZone] = useState(zoneReq?.values[0] ?? zones[0] ?? 'a')
  const [hard, setHard] = useState(true)
  const toggleHard = (e: { target: { checked: boolean } }) => setHard(e.target.checked)
  const anti = app.podAntiAffinity
  const spread = app.topologySpread
  return (
    <fieldset>
      <legend>{w('Where its rooms may go', 'Node affinity, anti-affinity, topology spread')}</legend>
      {allowed('setNodeAffinity') && (
        <div className="rule-row">
          <label>
            {w('street side', 'zone')}{' '}
            <select value={zone} onChange={(e) => setZone(e.target.value)} data-testid="mgr-setNodeAffinity-zone">
              {zones.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={hard} onChange={toggleHard} data-testid="mgr-setNodeAffinity-required" />{' '}
            {w('must', 'required')}
          </label>
          <button
            type="button"
            data-testid="mgr-setNodeAffinity"
            onClick={() => {
              const req = { key: LABEL_ZONE, operator: 'In' as const, values: [zone] }
              send({
                type: 'setNodeAffinity',
                appId: app.id,
                affinity: hard ? { required: [req], preferred: [] } : { required: [], preferred: [{ weight: 100, match: [req] }] },
              })
            }}
          >
            {w(`Keep to side ${zone}`, `Affinity: zone ${zone}`)}
          </button>
          {(app.nodeAffinity.required.length > 0 || app.nodeAffinity.preferred.length > 0) && (
            <button
              type="button"
              data-testid="mgr-setNodeAffinity-clear"
              onClick={() => send({ type: 'setNodeAffinity', appId: app.id, affinity: { required: [], preferred: [] } })}
            >
              {w('Any side', 'Clear affinity')}
            </button>
          )}
        </div>
      )}
      {allowed('setPodAntiAffinity') && (
        <div className="rule-row">
          <label>
            {w('One room per house', 'Anti-affinity by hostname')}{' '}
            <select
              value={anti ? (anti.required ? 'required' : 'preferred') : 'off'}
              data-testid="mgr-setPodAntiAffinity"
              onChange={(e) =>
                send({
                  type: 'setPodAntiAffinity',
                  appId: app.id,
                  antiAffinity: e.target.value === 'off' ? null : { topologyKey: LABEL_HOSTNAME, required: e.target.value === 'required' },
                })
              }
            >
              <option value="off">{w('no', 'off')}</option>
              <option value="preferred">{w('if it can', 'preferred')}</option>
              <option value="required">{w('always', 'required')}</option>
            </select>
          </label>
        </div>
      )}
      {allowed('setTopologySpread') && (
        <div className="rule-row">
          <label>
            {w('Spread evenly over street sides', 'Spread across zones (maxSkew 1)')}{' '}
            <select
              value={spread ? spread.whenUnsatisfiable : 'off'}
              data-testid="mgr-setTopologySpread"
              onChange={(e) =>
                send({
                  type: 'setTopologySpread',
                  appId: app.id,
                  spread:
                    e.target.value === 'off'
                      ? null
                      : { maxSkew: 1, topologyKey: LABEL_ZONE, whenUnsatisfiable: e.target.value as 'DoNotSchedule' | 'ScheduleAnyway' },
                })
              }
            >
              <option value="off">{w('no', 'off')}</option>
              <option value="ScheduleAnyway">{w('if it can', 'ScheduleAnyway')}</option>
              <option value="DoNotSchedule">{w('always', 'DoNotSchedule')}</option>
            </select>
          </label>
        </div>
      )}
    </fieldset>
  )
}

function Priority({ app, world }: { app: App; world: World }) {
  const w = useWords()
  const [name, setName] = useState('high')
  const [value, setValue] = useState(1000)
  const classes = Object.entries(world.priorityClasses).sort((a, b) => b[1] - a[1])
  return (
    <fieldset>
      <legend>{w('Who goes first when the street is full (priority)', 'Priority class')}</legend>
      {allowed('setPriorityClass') && (
        <label>
          {w('class', 'priorityClassName')}{' '}
          <select
            value={app.priorityClassName}
            data-testid="mgr-setPriorityClass"
            onChange={(e) => send({ type: 'setPriorityClass', appId: app.id, name: e.target.value })}
          >
            <option value="">{w('none (0)', '<none> (0)')}</option>
            {classes.map(([n, v]) => (
              <option key={n} value={n}>
                {n} ({v})
              </option>
            ))}
          </select>
        </label>
      )}
      {allowed('addPriorityClass') && (
        <div className="rule-row">
          <label>
            new <input value={name} size={7} onChange={(e) => setName(e.target.value.trim())} data-testid="mgr-addPriorityClass-name" />
          </label>
          <label>
            value{' '}
            <input
              type="number"
              value={value}
              onChange={(e) => setValue(Number(e.target.value))}
              data-testid="mgr-addPriorityClass-value"
              style={{ width: '6em' }}
            />
          </label>
          <button
            type="button"
            disabled={!name}
            data-testid="mgr-addPriorityClass"
            onClick={() => send({ type: 'addPriorityClass', name, value })}
          >
            {w('Add class', 'Create PriorityClass')}
          </button>
        </div>
      )}
    </fieldset>
  )
}

function Probes({ app }: { app: App }) {
  const w = useWords()
  return (
    <fieldset>
      <legend>{w('Check-ups (probes)', 'Probes')}</legend>
      <label>
        <input
          type="checkbox"
          checked={app.readinessProbe !== null}
          data-testid="mgr-setProbes-readiness"
          onChange={(e) => send({ type: 'setProbes', appId: app.id, readiness: e.target.checked ? DEFAULT_PROBE : null })}
        />{' '}
        {w('"Ready for visitors?" (readiness)', 'readinessProbe')}
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={app.livenessProbe !== null}
          data-testid="mgr-setProbes"
          onChange={(e) => send({ type: 'setProbes', appId: app.id, liveness: e.target.checked ? DEFAULT_PROBE : null })}
        />{' '}
        {w('"Still alive?" (liveness)', 'livenessProbe')}
      </label>
      <p className="muted">
        {w('Every', 'period')} {DEFAULT_PROBE.periodSeconds} s, {w('gives up after', 'failureThreshold')} {DEFAULT_PROBE.failureThreshold}
      </p>
    </fieldset>
  )
}

function Sidecars({ app, world }: { app: App; world: World }) {
  const w = useWords()
  const os = world.images[app.imageId]?.os
  const images = Object.values(world.images).filter((i) => i.os === os)
  const [imageId, setImageId] = useState(images.find((i) => i.id !== app.imageId)?.id ?? images[0]?.id ?? '')
  const [name, setName] = useState('proxy')
  return (
    <fieldset>
      <legend>{w('Side rooms behind the same door (sidecars)', 'Sidecar containers')}</legend>
      {app.sidecars.length > 0 && (
        <ul className="rule-list">
          {app.sidecars.map((s, i) => (
            <li key={s.name}>
              <code>{s.name}</code> ({world.images[s.imageId]?.ref ?? s.imageId}, {s.cpuRequestMilli}m, {s.memRequestMiB} MiB){' '}
              <button
                type="button"
                className="link"
                aria-label={`Remove sidecar ${s.name}`}
                data-testid={`mgr-setSidecars-remove-${i}`}
                onClick={() => send({ type: 'setSidecars', appId: app.id, sidecars: app.sidecars.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        name <input value={name} size={7} onChange={(e) => setName(e.target.value.trim())} data-testid="mgr-setSidecars-name" />
      </label>
      <label>
        {w('kit', 'image')}{' '}
        <select value={imageId} onChange={(e) => setImageId(e.target.value)} data-testid="mgr-setSidecars-image">
          {images.map((i) => (
            <option key={i.id} value={i.id}>
              {i.ref}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!name || !imageId}
        data-testid="mgr-setSidecars"
        onClick={() =>
          send({
            type: 'setSidecars',
            appId: app.id,
            sidecars: [...app.sidecars, { name, imageId, cpuRequestMilli: 100, memRequestMiB: 64 }],
          })
        }
      >
        {w('Add a side room', 'Add sidecar')} (100m, 64 MiB)
      </button>
    </fieldset>
  )
}

function Namespaces({ app, world }: { app: App; world: World }) {
  const w = useWords()
  const [name, setName] = useState('team-a')
  return (
    <fieldset>
      <legend>{w('Wing of the street (namespace)', 'Namespace')}</legend>
      {allowed('setNamespace') && (
        <label>
          {w('wing', 'namespace')}{' '}
          <select
            value={app.namespace}
            data-testid="mgr-setNamespace"
            onChange={(e) => send({ type: 'setNamespace', appId: app.id, namespace: e.target.value })}
          >
            {world.namespaces.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      )}
      {allowed('addNamespace') && (
        <div className="rule-row">
          <label>
            new <input value={name} size={8} onChange={(e) => setName(e.target.value.trim())} data-testid="mgr-addNamespace-name" />
          </label>
          <button type="button" disabled={!name} data-testid="mgr-addNamespace" onClick={() => send({ type: 'addNamespace', name })}>
            {w('Mark out a wing', 'Create namespace')}
          </button>
        </div>
      )}
    </fieldset>
  )
}

export const POD_RULE_COMMANDS: CommandType[] = [
  'setTolerations',
  'setNodeAffinity',
  'setPodAntiAffinity',
  'setTopologySpread',
  'setPriorityClass',
  'addPriorityClass',
  'setProbes',
  'setSidecars',
  'setNamespace',
  'addNamespace',
]

/** The app's scheduling and pod rules, folded away until the player opens them. */
export function PodRules({ app, world }: { app: App; world: World }) {
  const w = useWords()
  if (!POD_RULE_COMMANDS.some(allowed)) return null
  return (
    <details className="pod-rules" data-testid="pod-rules">
      <summary>{w(`House rules for ${app.name}'s rooms`, `Pod spec of ${app.name}: scheduling, probes, sidecars`)}</summary>
      {allowed('setTolerations') && <Tolerations app={app} />}
      {(allowed('setNodeAffinity') || allowed('setPodAntiAffinity') || allowed('setTopologySpread')) && (
        <Placement app={app} world={world} />
      )}
      {(allowed('setPriorityClass') || allowed('addPriorityClass')) && <Priority app={app} world={world} />}
      {allowed('setProbes') && <Probes app={app} />}
      {allowed('setSidecars') && <Sidecars app={app} world={world} />}
      {(allowed('setNamespace') || allowed('addNamespace')) && <Namespaces app={app} world={world} />}
    </details>
  )
}
