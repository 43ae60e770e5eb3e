/**
 * Inspector sections for Kubernetes placement: a pod's "why here" (each node's filter result and
 * weighted score, best first, as kube-scheduler would judge it now) and a node's labels and taints
 * with controls to change them.
 */
import { useMemo, useState } from 'react'
import type { FormEvent } from 'react'
import { explainPlacement } from '../../sim'
import type { Placement, Taint, TaintEffect } from '../../sim'
import { useGame, useUi, useWorld, useWorldVersion } from '../../state'
import { checkKey, checkValue, formatTaint, isDerivedLabel, nodeInfo, TAINT_EFFECTS } from '../../io/nodes'
import { useWords } from '../useVocab'
import { allowed, send } from './send'
import { PLUGIN_LABELS, restLine, summarize } from './whyHereModel'
import type { WhyRow } from './whyHereModel'

const TOP = 10
/** Below this many nodes the table is recomputed every tick; above, every ceil(nodes / this) ticks. */
const RECOMPUTE_NODES_PER_TICK = 250

function ScoreCell({ row, vocab }: { row: WhyRow; vocab: 'metaphor' | 'technical' }) {
  const v = row.verdict
  if (!v.feasible) return <span className="muted">—</span>
  return (
    <details className="why-score">
      <summary>
        <span className="why-total">{v.total.toFixed(0)}</span>
        <span className="why-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(row.share * 100)}%` }} />
        </span>
      </summary>
      <ul className="why-parts">
        {row.parts.map((p) => (
          <li key={p.plugin} title={PLUGIN_LABELS[p.plugin].explain}>
            <span>{PLUGIN_LABELS[p.plugin][vocab]}</span>{' '}
            <span className="muted">
              {p.raw.toFixed(0)} × {p.weight} = {p.weighted.toFixed(0)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  )
}

export function WhyHere({ containerId }: { containerId: string }) {
  const { world, version } = useWorldVersion()
  const vocab = useUi((s) => s.vocab)
  const w = useWords()
  const c = world.containers[containerId]
  // explainPlacement runs every filter and score on every node: ~20–40 ms at 500 nodes and
  // 15,000 pods, 115–230 ms at 5,000 nodes (measured on the CI machine). So it runs again when the
  // room itself changes, and otherwise once every `every` ticks, more rarely on big streets.
  const nodes = Object.keys(world.hosts).length + Object.keys(world.vms).length
  const every = Math.max(1, Math.ceil(nodes / RECOMPUTE_NODES_PER_TICK))
  const where = c?.placement ? (c.placement.kind === 'host' ? c.placement.hostId : c.placement.vmId) : ''
  const key = `${c?.state}|${c?.reason}|${where}|${c?.nominatedNode}|${Math.floor(version / every)}`
  const managed = c?.managed === true
  const summary = useMemo(
    () => (managed ? summarize(explainPlacement(useGame.getState().world, containerId), TOP) : null),
    [containerId, key, managed],
  )
  if (!c) return null
  if (!c.managed || !summary)
    return (
      <p className="muted why-here" data-testid="why-here-manual">
        {w(
          'You placed this room by hand: the building manager did not choose where it went.',
          'Started by hand (docker run), not scheduled: kube-scheduler did not choose this node.',
        )}
      </p>
    )
  const pending = c.placement === null
  const rest = restLine(summary)
  const nodeWord = (kind: Placement['kind']) => (kind === 'host' ? w('house', 'host') : w('apartment', 'VM'))
  return (
    <section className="why-here" aria-label={w('Why this house', 'Why this node')} data-testid="why-here">
      <h3>{w('Why here? The manager’s choice', 'Why here? kube-scheduler’s filter and score')}</h3>
      {pending && c.reason && (
        <p className="why-message" role="status" data-testid="why-here-message">
          <span aria-hidden="true">⚠ </span>
          <strong>{w('No spot yet: ', 'Unschedulable: ')}</strong>
          {c.reason}
        </p>
      )}
      {summary.total === 0 ? (
        <p className="muted">{w('No house or apartment is standing to take the room.', 'No Ready nodes.')}</p>
      ) : (
        <table className="why-table" data-testid="why-here-table">
          <caption className="muted">
            {w(
              `${summary.feasible} of ${summary.total} houses and apartments could take this room; best first.`,
              `${summary.feasible}/${summary.total} nodes feasible; sorted by weighted score.`,
            )}
            {every > 1 && ` ${w('Rechecked', 'Recomputed')} every ${every} ticks on a street this big.`}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{w('House / apartment', 'Node')}</th>
              <th scope="col">{w('Fits?', 'Filter')}</th>
              <th scope="col">{w('Points', 'Score')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((r) => {
              const v = r.verdict
              return (
                <tr
                  key={`${v.placement.kind}:${v.name}`}
                  className={`${v.current ? 'why-current ' : ''}${v.feasible ? 'why-ok' : 'why-fail'}`}
                  aria-current={v.current ? 'true' : undefined}
                  data-testid={`why-row-${v.name}`}
                  data-feasible={v.feasible}
                >
                  <td>{r.rank ?? '–'}</td>
                  <td>
                    {v.name} <span className="muted">{nodeWord(v.placement.kind)}</span>
                    {v.current && (
                      <strong className="why-here-mark"> ◀ {pending ? w('chosen', 'nominated') : w('here now', 'current')}</strong>
                    )}
                  </td>
                  <td>
                    {v.feasible ? (
                      <span>
                        <span aria-hidden="true">✓ </span>
                        {w('fits', 'passes')}
                      </span>
                    ) : (
                      <span className="why-failure">
                        <span aria-hidden="true">✗ </span>
                        {v.failure}
                      </span>
                    )}
                  </td>
                  <td>
                    <ScoreCell row={r} vocab={vocab} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {rest && (
        <p className="muted" data-testid="why-here-rest">
          {rest}
        </p>
      )}
    </section>
  )
}

// ---- Node details ---------------------------------------------------------------------------

function TaintForm({ target, taints }: { target: Placement; taints: Taint[] }) {
  const w = useWords()
  const [key, setKey] = useState('dedicated')
  const [value, setValue] = useState('')
  const [effect, setEffect] = useState<TaintEffect>('NoSchedule')
  const problem = key ? (checkKey(key) ?? checkValue(value)) : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!key || problem) return
    const rest = taints.filter((t) => !(t.key === key && t.effect === effect))
    send({ type: 'setTaints', target, taints: [...rest, { key, value, effect }] })
  }
  return (
    <form className="node-form" onSubmit={submit} aria-label={w('Put up a sign', 'Add a taint')}>
      <label>
        key <input data-testid="taint-key" value={key} onChange={(e) => setKey(e.target.value.trim())} size={10} />
      </label>
      <label>
        value <input data-testid="taint-value" value={value} onChange={(e) => setValue(e.target.value.trim())} size={6} />
      </label>
      <label>
        effect{' '}
        <select data-testid="taint-effect" value={effect} onChange={(e) => setEffect(e.target.value as TaintEffect)}>
          {TAINT_EFFECTS.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="taint-add" disabled={!key || !!problem}>
        {w('Put up the sign', 'Add taint')}
      </button>
      {problem && <small className="bad">{problem}</small>}
    </form>
  )
}

function LabelForm({ target, own }: { target: Placement; own: Record<string, string> }) {
  const w = useWords()
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const problem = key ? (isDerivedLabel(key) ? `${key} is set by the node itself` : (checkKey(key) ?? checkValue(value))) : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!key || problem) return
    if (send({ type: 'setNodeLabels', target, labels: { ...own, [key]: value } }).ok) {
      setKey('')
      setValue('')
    }
  }
  return (
    <form className="node-form" onSubmit={submit} aria-label={w('Add a tag', 'Add a label')}>
      <label>
        key <input data-testid="label-key" value={key} onChange={(e) => setKey(e.target.value.trim())} size={10} placeholder="disktype" />
      </label>
      <label>
        value <input data-testid="label-value" value={value} onChange={(e) => setValue(e.target.value.trim())} size={6} placeholder="ssd" />
      </label>
      <button type="submit" data-testid="label-add" disabled={!key || !!problem}>
        {w('Add tag', 'Add label')}
      </button>
      {problem && <small className="bad">{problem}</small>}
    </form>
  )
}

const EFFECT_WORDS: Record<TaintEffect, string> = {
  NoSchedule: 'no new rooms unless they put up with it',
  PreferNoSchedule: 'new rooms avoid it if they can',
  NoExecute: 'rooms that do not put up with it are thrown out',
}

export function NodeDetails({ kind, id }: { kind: 'host' | 'vm'; id: string }) {
  const world = useWorld()
  const w = useWords()
  const target: Placement = kind === 'host' ? { kind: 'host', hostId: id } : { kind: 'vm', vmId: id }
  const n = nodeInfo(world, target)
  if (!n) return null
  const canTaint = allowed('setTaints')
  const canLabel = allowed('setNodeLabels')
  const keys = Object.keys(n.labels).sort()
  return (
    <section className="node-details" aria-label={w('Tags and signs', 'Labels and taints')} data-testid="node-details">
      <h3>{w('Tags (labels)', 'Labels')}</h3>
      <ul className="node-labels" data-testid="node-labels">
        {keys.map((k) => (
          <li key={k}>
            <code>
              {k}={n.labels[k]}
            </code>
            {isDerivedLabel(k) ? (
              <small className="muted"> {w('(set by the house itself)', '(well-known, set by the kubelet)')}</small>
            ) : (
              canLabel && (
                <button
                  type="button"
                  className="link"
                  data-testid={`label-remove-${k}`}
                  aria-label={`Remove label ${k}`}
                  onClick={() => {
                    const next = { ...n.own }
                    delete next[k]
                    send({ type: 'setNodeLabels', target, labels: next })
                  }}
                >
                  ✕
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {canLabel && <LabelForm target={target} own={n.own} />}
      <h3>{w('"Keep out" signs (taints)', 'Taints')}</h3>
      {n.taints.length === 0 ? (
        <p className="muted" data-testid="node-taints">
          {w('No signs: any room may move in.', '<none>')}
        </p>
      ) : (
        <ul className="node-taints" data-testid="node-taints">
          {n.taints.map((t, i) => (
            <li key={`${t.key}:${t.effect}`}>
              <code>{formatTaint(t)}</code> <small className="muted">{EFFECT_WORDS[t.effect]}</small>
              {canTaint && (
                <button
                  type="button"
                  className="link"
                  data-testid={`taint-remove-${i}`}
                  aria-label={`Remove taint ${formatTaint(t)}`}
                  onClick={() => send({ type: 'setTaints', target, taints: n.taints.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTaint && <TaintForm target={target} taints={n.taints} />}
    </section>
  )
}
