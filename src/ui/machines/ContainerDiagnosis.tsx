/** Inspector section for a room: what its kernel is doing to it (throttled, OOMKilled, breached) and why. */
import { useGame, useUi, useWorld } from '../../state'
import { diagnose } from './diagnosis'
import type { Severity } from './diagnosis'
import { usePhrases } from '../i18n/phrases'
import { DIAGNOSIS_EN } from './diagnosisText'

const MARK: Record<Severity, string> = { bad: '✖', warn: '⚠', info: 'ℹ' }

export function ContainerDiagnosis({ containerId }: { containerId: string }) {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const x = usePhrases('diagnosis', DIAGNOSIS_EN)
  const findings = diagnose(world, containerId, x)
  const v = vocab === 'metaphor' ? 0 : 1
  if (findings.length === 0) return null
  const other = vocab === 'metaphor' ? 'technical' : 'metaphor'
  return (
    <section className="diagnosis" aria-label={x.label[v]} data-testid="diagnosis">
      <h3>{x.heading[v]}</h3>
      <ul>
        {findings.map((f) => (
          <li key={f.key} className={`finding ${f.severity}`} data-testid={`diagnosis-${f.key}`}>
            <span className="mark" aria-hidden="true">
              {MARK[f.severity]}{' '}
            </span>
            <span className="visually-hidden">{x.severity[f.severity]}: </span>
            {f[vocab]}
            <details>
              <summary>{x.otherTerms[v]}</summary>
              <p>{f[other]}</p>
              <small className="source">{x.source(f.source)}</small>
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}
