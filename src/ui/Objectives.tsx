/** The level's objectives with live progress; ✓ and ○ marks, not colour only. */
import { objectiveStatuses } from '../levels'
import { useState } from 'react'
import { useGame, useUi, useWorld } from '../state'
import { useLang, useT } from './i18n'
import { progressIn } from '../levels'
import { useLevelText } from './i18n/content'

export function Objectives() {
  const world = useWorld()
  const level = useLevelText(useGame((s) => s.level))
  const t = useT()
  const lang = useLang()
  const progress = useGame((s) => s.progress)
  const vocab = useUi((s) => s.vocab)
  const [folded, setFolded] = useState(false)
  if (!level) return null
  const statuses = objectiveStatuses(level, world, progress)
  const started = world.timeMs > 0
  return (
    <section className={`panel objectives${folded ? ' folded' : ''}`} aria-label={t('obj.title')}>
      <div className="panel-head">
        <h2>{t('obj.title')}</h2>
        <button
          type="button"
          className="small"
          data-testid="objectives-fold"
          aria-expanded={!folded}
          aria-controls="objective-list"
          onClick={() => setFolded(!folded)}
          title={folded ? t('obj.showTitle') : t('obj.foldTitle')}
        >
          {folded ? t('obj.show') : t('obj.fold')}
        </button>
      </div>
      <ul id="objective-list" hidden={folded}>
        {statuses.map((s) => {
          // An end-of-level check is only "on track" while the level runs: ◷, not a done tick.
          const pending = s.objective.when === 'end' && progress.outcome === 'playing'
          // Nothing is on track before the clock has run: an untouched street has served nobody.
          const onTrack = s.done && started
          // Nor is an objective ticked before then: what the starting street already satisfies is not the player's doing.
          const ticked = s.done && (started || progress.outcome !== 'playing')
          const mark = pending ? (onTrack ? '◷' : '○') : ticked ? '✓' : '○'
          const spoken = t(pending ? (onTrack ? 'obj.onTrack' : 'obj.notYet') : ticked ? 'obj.done' : 'obj.notYet')
          return (
            <li
              key={s.objective.id}
              data-testid={`objective-${s.objective.id}`}
              data-done={ticked}
              className={ticked && !pending ? 'done' : pending && onTrack ? 'on-track' : ''}
            >
              <span className="mark" aria-hidden="true">
                {mark}
              </span>
              <span className="visually-hidden">{spoken}</span>
              <span>
                {s.objective.label[vocab]}
                <small className="progress-line">
                  {progressIn(s.progress, lang)}
                  {s.objective.when === 'end' ? t(onTrack ? 'obj.onTrackEnd' : 'obj.checkedEnd') : ''}
                </small>
              </span>
            </li>
          )
        })}
      </ul>
      {level.stars.length > 0 && !folded && (
        <p className="muted star-goals">
          <span aria-hidden="true">☆ </span>
          {t('obj.extraStars')}
          {level.stars.map((s) => s.label[vocab]).join(' · ')}
        </p>
      )}
    </section>
  )
}
