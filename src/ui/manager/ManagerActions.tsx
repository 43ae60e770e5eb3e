/**
 * The building manager's controls beyond scaling: autoscaler, new image (rolling update),
 * rollback and pause, disruption budget, the pod's rules (PodRules.tsx), cordon and drain, and the
 * street-wide cluster autoscaler (AutoscalerForm.tsx), shown with or without a chosen app. Each shows only when the level
 * allows it (the sandbox allows all). Everything here is also a kubectl command in the console.
 */
import { useState } from 'react'
import { useGame, useUi, useWorld } from '../../state'
import { rolloutStatus, rolloutStatusText, TERMINATION_GRACE } from '../../sim'
import type { App, CommandType, World } from '../../sim'
import { AutoscalerForm } from './AutoscalerForm'
import { PodRules, POD_RULE_COMMANDS } from './PodRules'
import { allowed, send } from './send'
import { usesRollouts } from '../machines/KitChoice'

export function ManagerActions({ appId }: { appId: string | null }) {
  const world = useWorld()
  const selection = useUi((s) => s.selection)
  const app = appId ? world.apps[appId] : undefined
  const hostId = selection?.kind === 'host' ? selection.id : null
  const host = hostId ? world.hosts[hostId] : undefined
  const [min, setMin] = useState(2)
  const [max, setMax] = useState(10)
  const [target, setTarget] = useState(60)
  const [pdb, setPdb] = useState(1)
  const otherImages = app ? Object.values(world.images).filter((i) => i.id !== app.imageId && i.os === world.images[app.imageId]?.os) : []

  // A new image is the manager's rolling update only where the level has rollouts; elsewhere (level 3) KitChoice offers it.
  const rollouts = usesRollouts(app)
  const any =
    [
      ...(['setHpa', 'rolloutUndo', 'rolloutPause', 'setPdb', 'cordon', 'drain', 'setClusterAutoscaler'] as CommandType[]),
      ...POD_RULE_COMMANDS,
    ].some(allowed) ||
    (allowed('setImage') && rollouts)
  if (!any) return null

  return (
    <section className="panel manager-actions" aria-label="Building manager controls" data-testid="manager-actions">
      <h3>Building manager</h3>
      {allowed('setClusterAutoscaler') && <AutoscalerForm key={useGame.getState().level?.id ?? 'sandbox'} />}
      {!app && <p className="muted">Choose an app to set its autoscaler, image or budget.</p>}
      {app && allowed('setHpa') && (
        <fieldset>
          <legend>Autoscaler (HPA) for {app.name}</legend>
          <label>
            min <input type="number" min={1} value={min} onChange={(e) => setMin(Number(e.target.value))} aria-label="Minimum rooms" />
          </label>
          <label>
            max <input type="number" min={1} value={max} onChange={(e) => setMax(Number(e.target.value))} aria-label="Maximum rooms" />
          </label>
          <label>
            busy %{' '}
            <input
              type="number"
              min={1}
              max={100}
              value={target}
              onChange={(e) => setTarget(Number(e.target.value))}
              aria-label="Target CPU percent"
            />
          </label>
          <button
            type="button"
            data-testid="action-setHpa"
            onClick={() => send({ type: 'setHpa', appId: app.id, minReplicas: min, maxReplicas: max, targetCpuPercent: target })}
          >
            {app.hpa ? 'Update autoscaler' : 'Set autoscaler'}
          </button>
          {app.hpa && allowed('removeHpa') && (
            <button type="button" onClick={() => send({ type: 'removeHpa', appId: app.id })}>
              Remove
            </button>
          )}
          {app.hpa && (
            <p className="muted" data-testid="hpa-status">
              Aiming for {app.hpa.targetCpuPercent}% busy → clipboard {app.replicas}. Checks every 15 s; closes rooms only after 5 calm
              minutes (the count when it was set is its first wish). Last check: {app.hpa.status.metaphor}{' '}
              <span className="mono">({app.hpa.status.technical})</span>
            </p>
          )}
        </fieldset>
      )}
      {app && allowed('setImage') && rollouts && (
        <fieldset>
          <legend>
            Furniture kit (image) of {app.name}: {world.images[app.imageId]?.ref}
          </legend>
          {otherImages.map((i) => (
            <button
              key={i.id}
              type="button"
              data-testid={`action-setImage-${i.id}`}
              onClick={() => send({ type: 'setImage', appId: app.id, imageId: i.id })}
            >
              Roll out {i.ref}
            </button>
          ))}
          {allowed('rolloutUndo') && (
            <button type="button" data-testid="action-rolloutUndo" onClick={() => send({ type: 'rolloutUndo', appId: app.id })}>
              Roll back
            </button>
          )}
          {allowed('rolloutPause') && (
            <button
              type="button"
              data-testid="action-rolloutPause"
              aria-pressed={app.rolloutPaused}
              onClick={() => send({ type: 'rolloutPause', appId: app.id, paused: !app.rolloutPaused })}
            >
              {app.rolloutPaused ? 'Resume rollout' : 'Pause rollout'}
            </button>
          )}
          <RolloutProgress app={app} world={world} />
        </fieldset>
      )}
      {app && allowed('setPdb') && (
        <fieldset>
          <legend>Disruption budget: rooms that must stay open during works</legend>
          <label>
            min available{' '}
            <input
              type="number"
              min={0}
              value={pdb}
              onChange={(e) => setPdb(Number(e.target.value))}
              aria-label="Minimum available rooms"
            />
          </label>
          <button type="button" data-testid="action-setPdb" onClick={() => send({ type: 'setPdb', appId: app.id, minAvailable: pdb })}>
            Set budget
          </button>
          <span className="muted"> now: {app.pdbMinAvailable ?? 'none'}</span>
        </fieldset>
      )}
      {app && <PodRules app={app} world={world} />}
      {(allowed('cordon') || allowed('drain')) && (
        <fieldset>
          <legend>
            {host
              ? `House ${host.name}${host.unschedulable ? ' (cordoned)' : ''}${host.draining ? ' (draining)' : ''}`
              : 'Select a house to cordon or drain it'}
          </legend>
          {host && allowed('cordon') && (
            <button
              type="button"
              data-testid="action-cordon"
              aria-pressed={host.unschedulable}
              onClick={() => send({ type: 'cordon', hostId: host.id, unschedulable: !host.unschedulable })}
            >
              {host.unschedulable ? 'Uncordon' : 'Cordon (no new rooms)'}
            </button>
          )}
          {host && allowed('drain') && (
            <button type="button" data-testid="action-drain" onClick={() => send({ type: 'drain', hostId: host.id })}>
              Drain (move rooms out)
            </button>
          )}
        </fieldset>
      )}
    </section>
  )
}

/**
 * The rollout as it goes (kubectl rollout status): new rooms ordered, new rooms open (Ready), old ones left, and the
 * ones closing (Terminating, their grace period). A new room opens only once its kit is delivered, it has started and
 * its readiness probe has passed, so a refit of a few rooms takes tens of seconds with a probe.
 */
function RolloutProgress({ app, world }: { app: App; world: World }) {
  const s = rolloutStatus(world, app)
  const old = s.total - s.updated
  return (
    <p className="muted" data-testid="rollout-status">
      {s.done ? 'Every room has this kit. ' : `Refit${s.paused ? ' (paused)' : ''}: `}
      {!s.done && `${s.updated} of ${s.desired} rooms have the new kit, ${s.updatedAvailable} of them open; ${old} old left. `}
      {s.terminating > 0 && `${s.terminating} closing (Terminating: up to ${TERMINATION_GRACE.ms / 1000} s). `}
      <span className="mono">{rolloutStatusText(app, s)}</span>
    </p>
  )
}
