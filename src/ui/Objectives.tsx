/** The level's objectives with live progress; ✓ and ○ marks, not colour only. */
import { objectiveStatuses } from '../levels'
import { useGame, useUi, useWorld } from '../state'

export function Objectives() {
  const world = useWorld()
  const level = useGame((s) => s.level)
  const progress = useGame((s) => s.progress)
  const vocab = useUi((s) => s.vocab)
  if (!level) return null
  const statuses = objectiveStatuses(level, world, progress)
  return (
    <section className="panel objectives" aria-label="Objectives">
      <h2>Objectives</h2>
      <ul>
        {statuses.map((s) => {
          // An end-of-level check is only "on track" while the level runs: ◷, not a done tick.
          const pending = s.objective.when === 'end' && progress.outcome === 'playing'
          const mark = pending ? (s.done ? '◷' : '○') : s.done ? '✓' : '○'
          const spoken = pending ? (s.done ? 'On track: ' : 'Not yet: ') : s.done ? 'Done: ' : 'Not yet: '
          return (
            <li
              key={s.objective.id}
              data-testid={`objective-${s.objective.id}`}
              data-done={s.done}
              className={s.done && !pending ? 'done' : pending && s.done ? 'on-track' : ''}
            >
              <span className="mark" aria-hidden="true">
                {mark}
              </span>
              <span className="visually-hidden">{spoken}</span>
              <span>
                {s.objective.label[vocab]}
                <small className="progress-line">
                  {s.progress}
                  {s.objective.when === 'end' ? (s.done ? ' · on track, checked at the end' : ' · checked at the end') : ''}
                </small>
              </span>
            </li>
          )
        })}
      </ul>
      {level.stars.length > 0 && (
        <p className="muted star-goals">
          <span aria-hidden="true">☆ </span>Extra stars: {level.stars.map((s) => s.label[vocab]).join(' · ')}
        </p>
      )}
    </section>
  )
}
