/** Inspector section for a room: what its kernel is doing to it (throttled, OOMKilled, breached) and why. */
import { useGame, useUi, useWorld } from '../../state'
import { diagnose } from './diagnosis'
import type { Severity } from './diagnosis'

const MARK: Record<Severity, string> = { bad: '✖', warn: '⚠', info: 'ℹ' }
const WORD: Record<Severity, string> = { bad: 'Problem', warn: 'Watch', info: 'Note' }

export function ContainerDiagnosis({ containerId }: { containerId: string }) {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const findings = diagnose(world, containerId)
  if (findings.length === 0) return null
  const other = vocab === 'metaphor' ? 'technical' : 'metaphor'
  return (
    <section
      className="diagnosis"
      aria-label={vocab === 'metaphor' ? 'What the plumbing does to this room' : 'Kernel diagnosis'}
      data-testid="diagnosis"
    >
      <h3>{vocab === 'metaphor' ? 'What the plumbing does to this room' : 'What the kernel does to this container'}</h3>
      <ul>
        {findings.map((f) => (
          <li key={f.key} className={`finding ${f.severity}`} data-testid={`diagnosis-${f.key}`}>
            <span className="mark" aria-hidden="true">
              {MARK[f.severity]}{' '}
            </span>
            <span className="visually-hidden">{WORD[f.severity]}: </span>
            {f[vocab]}
            <details>
              <summary>{vocab === 'metaphor' ? 'In technical terms' : 'In house terms'}</summary>
              <p>{f[other]}</p>
              <small className="source">Source: {f.source}</small>
            </details>
          </li>
        ))}
      </ul>
    </section>
  )
}
