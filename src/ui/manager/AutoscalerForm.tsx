/**
 * The cluster autoscaler (the estate agent): a street-wide setting, so it shows whether or not an
 * app is chosen. On/off, fewest and most houses, the budget per hour and the house it buys; a status
 * line says what it bought, what is on order and why it last did not buy. Sends setClusterAutoscaler.
 */
import { useState } from 'react'
import { useGame, useUi, useWorld } from '../../state'
import type { AutoscalerConfig } from '../../sim'
import { clockText } from '../format'
import { useWords } from '../useVocab'
import { autoscalerDefaults, autoscalerStatus, checkConfig, statusText, zonesInUse } from './autoscalerModel'
import { send } from './send'

export function AutoscalerForm() {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const w = useWords()
  const [cfg, setCfg] = useState<AutoscalerConfig>(() => autoscalerDefaults(world, useGame.getState().level?.budgetPerHour))
  // The checkbox shows and switches the real state; the button sends the settings (hiring if needed).
  const configured = world.autoscaler !== null
  const zones = [...new Set([...zonesInUse(world), ...cfg.template.zones])].sort()
  const problem = checkConfig(cfg)
  const status = autoscalerStatus(world)
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v))
  const setT = (t: Partial<AutoscalerConfig['template']>) => setCfg((c) => ({ ...c, template: { ...c.template, ...t } }))
  const toggleZone = (z: string, want: boolean) =>
    setT({ zones: want ? [...new Set([...cfg.template.zones, z])].sort() : cfg.template.zones.filter((x) => x !== z) })
  const apply = () => {
    if (!problem) send({ type: 'setClusterAutoscaler', config: cfg })
  }
  const toggle = (want: boolean) => {
    if (!want) send({ type: 'setClusterAutoscaler', config: null })
    else apply()
  }
  return (
    <fieldset className="autoscaler-form" data-testid="autoscaler-form">
      <legend>{w('Estate agent: buys a house when rooms wait for space (cluster autoscaler)', 'Cluster autoscaler')}</legend>
      <div className="rule-row">
        {/* Toggle buttons, not checkboxes: the game's Space plays and pauses even on a focused checkbox; Enter presses a button. */}
        <button
          type="button"
          className="toggle"
          aria-pressed={configured}
          disabled={!configured && !!problem}
          onClick={() => toggle(!configured)}
          data-testid="mgr-autoscaler-on"
        >
          <span aria-hidden="true">{configured ? '☑ ' : '☐ '}</span>
          {w('Estate agent hired', 'Enabled')}
        </button>
      </div>
      <div className="rule-row">
        <label>
          {w('fewest houses', 'minHosts')}{' '}
          <input
            type="number"
            min={0}
            step={1}
            value={Number.isNaN(cfg.minHosts) ? '' : cfg.minHosts}
            style={{ width: '4.5em' }}
            data-testid="mgr-autoscaler-min"
            onChange={(e) => setCfg((c) => ({ ...c, minHosts: num(e.target.value) }))}
          />
        </label>
        <label>
          {w('most houses', 'maxHosts')}{' '}
          <input
            type="number"
            min={1}
            step={1}
            value={Number.isNaN(cfg.maxHosts) ? '' : cfg.maxHosts}
            style={{ width: '4.5em' }}
            data-testid="mgr-autoscaler-max"
            onChange={(e) => setCfg((c) => ({ ...c, maxHosts: num(e.target.value) }))}
          />
        </label>
        <label>
          {w('budget $/h', 'budget $/h')}{' '}
          <input
            type="number"
            min={0}
            step={0.5}
            value={Number.isNaN(cfg.budgetPerHour) ? '' : cfg.budgetPerHour}
            style={{ width: '5em' }}
            data-testid="mgr-autoscaler-budget"
            onChange={(e) => setCfg((c) => ({ ...c, budgetPerHour: num(e.target.value) }))}
          />
        </label>
      </div>
      <div className="rule-row">
        <span>{w('It buys houses of', 'Node template:')}</span>
        <label>
          <input
            type="number"
            min={1}
            step={1}
            value={Number.isNaN(cfg.template.cores) ? '' : cfg.template.cores}
            style={{ width: '4.5em' }}
            data-testid="mgr-autoscaler-cores"
            onChange={(e) => setT({ cores: num(e.target.value) })}
          />{' '}
          {w('workers', 'cores')}
        </label>
        <label>
          <input
            type="number"
            min={1}
            step={1}
            value={Number.isNaN(cfg.template.memMiB) ? '' : cfg.template.memMiB / 1024}
            style={{ width: '5em' }}
            data-testid="mgr-autoscaler-mem"
            onChange={(e) => setT({ memMiB: Math.round(num(e.target.value) * 1024) })}
          />{' '}
          GiB
        </label>
        <label>
          $
          <input
            type="number"
            min={0}
            step={0.1}
            value={Number.isNaN(cfg.template.costPerHour) ? '' : cfg.template.costPerHour}
            style={{ width: '5em' }}
            data-testid="mgr-autoscaler-cost"
            onChange={(e) => setT({ costPerHour: num(e.target.value) })}
          />
          /h
        </label>
      </div>
      <div className="rule-row" role="group" aria-label={w('Street sides it builds on', 'Zones')}>
        <span>{w('on street sides', 'zones')}</span>
        {zones.map((z) => {
          const inIt = cfg.template.zones.includes(z)
          return (
            <button
              key={z}
              type="button"
              className="toggle"
              aria-pressed={inIt}
              data-testid={`mgr-autoscaler-zone-${z}`}
              onClick={() => toggleZone(z, !inIt)}
            >
              <span aria-hidden="true">{inIt ? '☑ ' : '☐ '}</span>
              {z}
            </button>
          )
        })}
      </div>
      {problem && (
        <p className="bad" role="alert" data-testid="mgr-autoscaler-problem">
          <span aria-hidden="true">✖ </span>
          {problem[vocab]}
        </p>
      )}
      <button type="button" disabled={!!problem} data-testid="mgr-setClusterAutoscaler" onClick={apply}>
        {configured ? w('Update the estate agent', 'Apply autoscaler settings') : w('Hire the estate agent', 'Enable autoscaler')}
      </button>
      <p
        className="muted autoscaler-status"
        data-testid="mgr-autoscaler-status"
        data-on={status.on}
        data-bought={status.bought}
        data-on-order={status.onOrder.length}
      >
        <span aria-hidden="true">{status.on ? '● ' : '○ '}</span>
        {statusText(status, vocab, clockText)}
      </p>
    </fieldset>
  )
}
