/** Won or lost: stars, each objective's result, the takeaway card, and where to go next. */
import { useEffect, useRef } from 'react'
import { evaluateCheck, objectiveStatuses } from '../levels'
import { useGame, useProgress, useUi } from '../state'
import { starsText } from './format'
import { nextLevel } from './levelList'
import { campaignLevels } from './LevelSelect'
import { backToMenu } from './navigation'
import { useHud } from './uiStore'
import { HandIn } from './classroom/HandIn'
import { levelStory } from './outcomeStory'
import { useLang, useT } from './i18n'
import { levelIn } from './i18n/content'
import { progressIn } from '../levels'

export function OutcomeDialog() {
  const level = useGame((s) => s.level)
  const progress = useGame((s) => s.progress)
  const vocab = useUi((s) => s.vocab)
  const t = useT()
  const lang = useLang()
  const ref = useRef<HTMLDivElement>(null)
  const recorded = useRef<string | null>(null)
  const over = !!level && progress.outcome !== 'playing'

  useEffect(() => {
    if (!over || !level) return
    useHud.getState().open(null)
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    const key = `${level.id}@${useGame.getState().world.seed}:${progress.outcome}`
    if (progress.outcome === 'won' && recorded.current !== key) {
      recorded.current = key
      useProgress.getState().record(level.id, progress.stars)
    }
  }, [over, level, progress.outcome, progress.stars])

  useEffect(() => {
    if (!over) recorded.current = null
  }, [over])

  if (!over || !level) return null
  const won = progress.outcome === 'won'
  const world = useGame.getState().world
  const statuses = objectiveStatuses(level, world, progress)
  const stars = starsText(progress.stars)
  const starsSaid = t('stars.of', { n: Math.max(0, Math.min(3, Math.round(progress.stars))) })
  const shown = levelIn(level, lang)
  const next = won ? nextLevel(campaignLevels(), level.id) : null
  const retry = () => useGame.getState().startLevel(level)
  const story = levelStory(world, lang === 'en' ? statuses : objectiveStatuses(shown, world, progress), vocab, lang)
  const firstFail = story.failed[0]
  return (
    <div className="backdrop">
      <div
        className="panel dialog outcome"
        role="dialog"
        aria-modal="true"
        aria-labelledby="outcome-title"
        data-testid="outcome-dialog"
        data-outcome={won ? 'won' : 'lost'}
        ref={ref}
      >
        <h2 id="outcome-title">{won ? t('out.won') : t('out.lost')}</h2>
        <p className="stars big-stars" aria-label={starsSaid}>
          <span aria-hidden="true">{stars.marks}</span> <span className="stars-text">{starsSaid}</span>
        </p>
        <ul className="results">
          {statuses.map((s) => (
            <li key={s.objective.id} className={s.done ? 'done' : 'failed'}>
              <span aria-hidden="true">{s.done ? '✓' : '✗'} </span>
              <span className="visually-hidden">{t(s.done ? 'out.met' : 'out.missed')}</span>
              {shown.objectives.find((o) => o.id === s.objective.id)?.label[vocab] ?? s.objective.label[vocab]}{' '}
              <small>({progressIn(s.progress, lang)})</small>
            </li>
          ))}
          {level.stars.map((o) => {
            const met = evaluateCheck(o.check, world).done
            const done = won && met
            // On a loss a star that was met is not "missed": it just counts only on a win.
            return (
              <li key={o.id} className={done ? 'done' : met ? 'pending' : 'failed'}>
                <span aria-hidden="true">{done ? '★' : '☆'} </span>
                <span className="visually-hidden">{t(done ? 'out.starEarned' : met ? 'out.starMetNot' : 'out.starMissed')}</span>
                {shown.stars.find((x) => x.id === o.id)?.label[vocab] ?? o.label[vocab]}
                {!won && met && <small>{t('out.metOnWin')}</small>}
              </li>
            )
          })}
        </ul>
        {!won && firstFail && (
          <section className="what-went-wrong" aria-label={t('out.wrong')} data-testid="outcome-why">
            <h3>{t('out.wrong')}</h3>
            <p>
              <strong>{firstFail.label}</strong> — {firstFail.figure}
              {firstFail.shortfall && <>: {firstFail.shortfall}</>}.
            </p>
            {story.failed.length > 1 && (
              <p className="muted">
                {t('out.alsoMissed')}
                {story.failed
                  .slice(1)
                  .map((f) => `${f.label} (${f.figure})`)
                  .join('; ')}
                .
              </p>
            )}
            <p data-testid="outcome-try">
              <span aria-hidden="true">➜ </span>
              <strong>{t('out.tryThis')}</strong>
              {firstFail.advice}
            </p>
          </section>
        )}
        {won && (
          <section className="takeaway" aria-label={t('out.takeaway')}>
            <h3>{shown.takeaway.title}</h3>
            <p>{shown.takeaway.text}</p>
            <p className="run-figures" data-testid="outcome-figures">
              <strong>{t('out.inYourRun')}</strong>
              {story.figures.join(' · ')}.
            </p>
            <p className="seed-line">“{shown.takeaway.seedLine}”</p>
          </section>
        )}
        <HandIn />
        <div className="row">
          {next && (
            <button
              type="button"
              className="primary big"
              data-testid="btn-next"
              data-autofocus
              onClick={() => useGame.getState().startLevel(next)}
            >
              {t('out.next', { title: levelIn(next, lang).title })}
            </button>
          )}
          <button
            type="button"
            className={next ? 'big' : 'big primary'}
            data-testid="btn-retry"
            data-autofocus={!next || undefined}
            onClick={retry}
          >
            {t('out.retry')}
          </button>
          <button type="button" className="big" data-testid="btn-menu" onClick={backToMenu}>
            {t('out.menu')}
          </button>
        </div>
      </div>
    </div>
  )
}
