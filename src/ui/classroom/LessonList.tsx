/** Classroom: the lessons in the concept text's order, the projector theme, and the way back. */
import { useEffect } from 'react'
import { useSettings, UI_SCALES } from '../../state'
import type { UiScale } from '../../state'
import { useHud } from '../uiStore'
import { listenKeys } from '../keys'
import { plural } from '../format'
import { classroomLessons } from './lessons'
import { useClassroom } from './store'
import './classroom.css'
import { useLang, useT } from '../i18n'
import type { T } from '../i18n'
import { LangSelect } from '../i18n/LangSelect'
import { lessonText } from './lessons'
import type { Lesson } from '../../levels'

export function ThemeControls() {
  const theme = useSettings((s) => s.theme)
  const uiScale = useSettings((s) => s.uiScale)
  const t = useT()
  return (
    <div className="cls-theme" role="group" aria-label={t('cls.presentation')}>
      <button
        type="button"
        data-testid="cls-projector"
        aria-pressed={theme === 'projector'}
        onClick={() => useSettings.getState().setTheme(theme === 'projector' ? 'standard' : 'projector')}
      >
        <span aria-hidden="true">◐ </span>
        {t('cls.projector', { state: t(theme === 'projector' ? 'cls.on' : 'cls.off') })}
      </button>
      <label>
        {t('cls.scale')}{' '}
        <select
          data-testid="cls-ui-scale"
          value={uiScale}
          onChange={(e) => useSettings.getState().setUiScale(Number(e.target.value) as UiScale)}
        >
          {UI_SCALES.map((s) => (
            <option key={s} value={s}>
              {Math.round(s * 100)} %
            </option>
          ))}
        </select>
      </label>
      <LangSelect />
    </div>
  )
}

const questionsText = (t: T, n: number): string => (n === 1 ? t('cls.question1') : t('cls.questions', { n }))

export function LessonList() {
  const loads = classroomLessons()
  const t = useT()
  const lang = useLang()
  const shown = (l: Lesson): Lesson => lessonText(l, lang)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useHud.getState().setScreen('title')
    }
    return listenKeys(onKey)
  }, [])
  return (
    <main className="screen cls-list" data-testid="lesson-list">
      <header className="cls-list-head">
        <button type="button" data-testid="cls-back-menu" onClick={() => useHud.getState().setScreen('title')}>
          {t('cls.menu')}
        </button>
        <h1>{t('cls.title')}</h1>
        <p className="lede">{t('cls.lede')}</p>
        <ThemeControls />
        <p>
          <button type="button" data-testid="cls-handins" onClick={() => useHud.getState().setScreen('handins')}>
            <span aria-hidden="true">✉ </span>
            {t('cls.handins')}
          </button>{' '}
          <span className="muted">{t('cls.handinsNote')}</span>
        </p>
      </header>
      <ol className="cls-lessons">
        {loads.map((load, i) =>
          load.ok ? (
            <li key={load.file}>
              <button
                type="button"
                className="cls-lesson"
                data-testid={`lesson-${load.lesson.id}`}
                autoFocus={i === 0}
                onClick={() => useClassroom.getState().open(load.lesson)}
              >
                <span className="cls-lesson-section">{shown(load.lesson).section}</span>
                <span className="cls-lesson-title">{shown(load.lesson).title}</span>
                <small>
                  {lang === 'en' ? (
                    <>
                      {load.lesson.steps.length} steps · {plural(load.lesson.steps.filter((s) => s.question).length, 'question')} for the
                      class
                    </>
                  ) : (
                    `${t('cls.steps', { n: load.lesson.steps.length })} · ` +
                    questionsText(t, load.lesson.steps.filter((s) => s.question).length)
                  )}
                </small>
              </button>
            </li>
          ) : (
            <li key={load.file} className="cls-lesson broken" role="alert" data-testid="lesson-error">
              <span aria-hidden="true">⚠ </span>
              {t('cls.broken', { error: load.error })}
            </li>
          ),
        )}
      </ol>
    </main>
  )
}
