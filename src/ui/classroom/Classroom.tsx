/**
 * A lesson on the projector: the scene fills the screen; a large caption (the technical term always
 * shown), the step counter, a predict-then-see question, the takeaway card at the end. Presenter
 * keys: → PageDown Space next, ← PageUp back, Home / End, a number to jump, R replay, B blank,
 * F focus the scene, L words, I the incident remote, P the pointer highlight, Esc back to the lessons.
 */
import { useEffect } from 'react'
import { choicesShown } from '../../levels'
import { useGame, useUi, useWorld } from '../../state'
import { setViewInsets } from '../../scene/view'
import { Caption } from '../Caption'
import { isTyping, listenKeys } from '../keys'
import { useHud } from '../uiStore'
import { ThemeControls } from './LessonList'
import { useClassroom } from './store'
import { presenterKey } from './presenterKeys'
import { usePresenterPanels } from './presenterPanels'
import './classroom.css'
import { useT } from '../i18n'
import { useLessonText } from './lessons'

/**
 * Tell the camera which parts of the window the presenter's bar (top) and the caption, question and
 * buttons (bottom) cover, measured as they grow and shrink, so the street is framed in the part left
 * open: the question card never stands over the rooms its answer plays on.
 */
function useLessonInsets(): void {
  useEffect(() => {
    const measure = () => {
      const H = window.innerHeight
      const bar = document.querySelector('.cls-bar')?.getBoundingClientRect()
      const bottom = document.querySelector('.cls-bottom')?.getBoundingClientRect()
      setViewInsets({ left: 0, right: 0, top: bar ? bar.bottom : 0, bottom: bottom && bottom.height > 0 ? H - bottom.top : 0 })
    }
    measure()
    const t = setInterval(measure, 250)
    return () => {
      clearInterval(t)
      setViewInsets({ left: 0, right: 0, top: 0, bottom: 0 })
    }
  }, [])
}

function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      const action = presenterKey(e.key)
      if (action === null) return
      e.preventDefault()
      const c = useClassroom.getState()
      if (typeof action === 'number') return c.enter(action)
      switch (action) {
        case 'next':
          return c.next()
        case 'prev':
          return c.prev()
        case 'first':
          return c.enter(0)
        case 'last':
          return c.enter(c.lesson?.steps.length ?? 0)
        case 'replay':
          return c.replay()
        case 'blank':
          return c.toggleBlank()
        case 'focus':
          return c.toggleFocus()
        case 'vocab':
          return useUi.getState().toggleVocab()
        case 'incidents':
          return usePresenterPanels.getState().toggle('remote')
        case 'pointer':
          return usePresenterPanels.getState().toggle('pointer')
        case 'leave':
          if (c.blank) return c.toggleBlank()
          useHud.getState().setScreen('classroom')
          return c.close()
      }
    }
    return listenKeys(onKey)
  }, [])
}

const LETTERS = ['A', 'B', 'C', 'D']

function QuestionBox() {
  const lesson = useLessonText(useClassroom((s) => s.lesson))!
  const pos = useClassroom((s) => s.pos)
  const phase = useClassroom((s) => s.phase)
  const picked = useClassroom((s) => s.picked)
  const vocab = useUi((s) => s.vocab)
  const world = useWorld()
  const t = useT()
  const q = lesson.steps[pos]?.question
  if (!q) return null
  // What the simulation shows, read from the live world once the step has played.
  const shown = phase === 'done' ? choicesShown(world, q) : []
  return (
    <section className="cls-question" data-testid="cls-question" aria-label={t('cls.questionLabel')}>
      <h2>
        <span aria-hidden="true">? </span>
        {q.prompt[vocab]}
      </h2>
      <ol className="cls-choices">
        {q.choices.map((c, i) => {
          const isShown = shown.includes(i)
          const state = phase !== 'done' ? '' : isShown ? ' shown' : ' not-shown'
          return (
            <li key={i}>
              <button
                type="button"
                className={`cls-choice${state}${picked === i ? ' picked' : ''}`}
                data-testid={`cls-choice-${i}`}
                data-shown={phase === 'done' ? String(isShown) : undefined}
                aria-pressed={picked === i}
                disabled={phase !== 'predict'}
                onClick={() => useClassroom.getState().pick(i)}
              >
                <span className="cls-letter" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                <span className="cls-choice-text">
                  {c.text[vocab]}
                  {phase === 'done' && isShown && <span className="cls-verdict">{t('cls.shows')}</span>}
                  {phase === 'done' && picked === i && !isShown && <span className="cls-verdict">{t('cls.guessWrong')}</span>}
                  {phase !== 'done' && picked === i && <span className="cls-verdict">{t('cls.guessPress')}</span>}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      {phase === 'predict' && (
        <p className="cls-hint">
          {t('cls.ask', { key: '→' })
            .split('→')
            .flatMap((part, i) => (i === 0 ? [part] : [<kbd key={i}>→</kbd>, part]))}
        </p>
      )}
      {phase === 'playing' && <p className="cls-hint">{t('cls.playing')}</p>}
    </section>
  )
}

function Takeaway() {
  const lesson = useLessonText(useClassroom((s) => s.lesson))!
  const t = useT()
  return (
    <section className="cls-takeaway" data-testid="cls-takeaway" aria-label={t('cls.takeaway')}>
      <p className="cls-term">{t('cls.takeawayOf', { section: lesson.section })}</p>
      <h2>{lesson.takeaway.title}</h2>
      <p className="cls-caption">{lesson.takeaway.text}</p>
      <blockquote>{lesson.takeaway.seedLine}</blockquote>
    </section>
  )
}

export function Classroom() {
  usePresenterKeys()
  useLessonInsets()
  const lesson = useLessonText(useClassroom((s) => s.lesson))
  const pos = useClassroom((s) => s.pos)
  const phase = useClassroom((s) => s.phase)
  const blank = useClassroom((s) => s.blank)
  const focus = useClassroom((s) => s.focus)
  const expectedHash = useClassroom((s) => s.expectedHash)
  const vocab = useUi((s) => s.vocab)
  const time = useGame((s) => s.world.timeMs)
  const t = useT()
  if (!lesson) return null
  const atEnd = pos >= lesson.steps.length
  const s = lesson.steps[Math.min(pos, lesson.steps.length - 1)]!
  const c = useClassroom.getState()
  return (
    <div
      className={`classroom${focus ? ' focused' : ''}`}
      data-testid="classroom"
      data-step={pos}
      data-phase={phase}
      data-expected-hash={expectedHash}
    >
      {!focus && (
        <header className="cls-bar">
          <button
            type="button"
            data-testid="cls-leave"
            onClick={() => {
              useHud.getState().setScreen('classroom')
              c.close()
            }}
          >
            {t('cls.lessons')}
          </button>
          <p className="cls-title">
            <strong>{lesson.title}</strong> <span className="muted">· {lesson.section}</span>
          </p>
          <nav className="cls-steps" aria-label={t('cls.stepsNav')}>
            {lesson.steps.map((_, i) => (
              <button
                key={i}
                type="button"
                aria-current={i === pos ? 'step' : undefined}
                onClick={() => c.enter(i)}
                aria-label={t('cls.step', { n: i + 1 })}
              >
                {i + 1}
              </button>
            ))}
            <button
              type="button"
              aria-current={atEnd ? 'step' : undefined}
              onClick={() => c.enter(lesson.steps.length)}
              aria-label={t('cls.takeaway')}
            >
              ★
            </button>
          </nav>
          <button type="button" data-testid="cls-vocab" onClick={() => useUi.getState().toggleVocab()} aria-pressed={vocab === 'technical'}>
            {t('cls.words', { words: t(vocab === 'metaphor' ? 'cls.wordsHouses' : 'cls.wordsServers') })}
          </button>
          <ThemeControls />
        </header>
      )}
      <div className="cls-bottom">
        {/* What the teacher's incidents do (the remote, I), said as the teacher's: the step's caption says the rest. */}
        <Caption teacherOnly />
        {atEnd ? (
          <Takeaway />
        ) : (
          <>
            {s.question && <QuestionBox />}
            <section className="cls-caption-box" data-testid="cls-caption" aria-live="polite">
              <p className="cls-term">
                <span className="cls-stepno">
                  {pos + 1} / {lesson.steps.length}
                </span>{' '}
                {s.term}
                <span className="cls-clock" aria-label={t('cls.worldTime')}>
                  {' '}
                  · t = {(time / 1000).toFixed(1)} s
                </span>
              </p>
              {/* Before the class has answered, the caption would tell: it waits until the step has played, unless it only
                  sets the scene (then it shows from the moment the step opens, beside the question). */}
              {!(s.question && phase === 'predict' && !s.captionBeforeAnswer) && <p className="cls-caption">{s.caption[vocab]}</p>}
            </section>
          </>
        )}
        {!focus && (
          <div className="cls-nav">
            <button type="button" data-testid="cls-prev" onClick={() => c.prev()} disabled={pos === 0}>
              {t('cls.back')}
            </button>
            <button type="button" data-testid="cls-replay" onClick={() => c.replay()}>
              {t('cls.replay')}
            </button>
            <button type="button" data-testid="cls-next" onClick={() => c.next()} disabled={atEnd}>
              {phase === 'predict' ? t('cls.playIt') : t('cls.next')}
            </button>
          </div>
        )}
      </div>
      {blank && (
        <div className="cls-blank" data-testid="cls-blank" onClick={() => c.toggleBlank()}>
          <span className="visually-hidden">{t('cls.blanked')}</span>
        </div>
      )}
    </div>
  )
}
