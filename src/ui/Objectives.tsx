/** The level's objectives with live progress; ✓ and ○ marks, not colour only. */
import { objectiveStatuses } from '../levels'
import { useGame, useUi } from '../state'

export function Objectives() {
  useGame((s) => s.version)
  const level = useGame((s) => s.level)
  const progress = useGame((s) => s.progress)
  const vocab = useUi((s) => s.vocab)
  if (!level) return null
  const statuses = objectiveStatuses(level, useGame.getState().world, progress)
  return (
    <section className="panel objectives" aria-label="Objectives">
      <h2>Objectives</h2>
      <ul>
        {statuses.map((s) => (
          <li key={s.objective.id} data-testid={`objective-${s.objective.id}`} data-done={s.done} className={s.done ? 'done' : ''}>
            <span className="mark" aria-hidden="true">{s.done ? '✓' : '○'}</span>
            <span className="visually-hidden">{s.done ? 'Done: ' : 'Not yet: '}</span>
            <span>
              {s.objective.label[vocab]}
              <small className="progress-line">
                {s.progress}
                {s.objective.when === 'end' ? (s.done ? ' · on track, checked at the end' : ' · checked at the end') : ''}
              </small>
            </span>
          </li>
        ))}
      </ul>
      {level.stars.length > 0 && (
        <p className="muted star-goals">
          <span aria-hidden="true">☆ </span>Extra stars: {level.stars.map((s) => s.label[vocab]).join(' · ')}
        </p>
      )}
    </section>
  )
}
