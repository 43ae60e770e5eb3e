/** Classroom: the lessons in the concept text's order, the projector theme, and the way back. */
import { useEffect } from 'react'
import { useSettings, UI_SCALES } from '../../state'
import type { UiScale } from '../../state'
import { useHud } from '../uiStore'
import { plural } from '../format'
import { classroomLessons } from './lessons'
import { useClassroom } from './store'
import './classroom.css'

export function ThemeControls() {
  const theme = useSettings((s) => s.theme)
  const uiScale = useSettings((s) => s.uiScale)
  return (
    <div className="cls-theme" role="group" aria-label="Presentation">
      <button
        type="button"
        data-testid="cls-projector"
        aria-pressed={theme === 'projector'}
        onClick={() => useSettings.getState().setTheme(theme === 'projector' ? 'standard' : 'projector')}
      >
        <span aria-hidden="true">◐ </span>Projector theme {theme === 'projector' ? 'on' : 'off'}
      </button>
      <label>
        Interface scale{' '}
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
    </div>
  )
}

export function LessonList() {
  const loads = classroomLessons()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useHud.getState().setScreen('title')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <main className="screen cls-list" data-testid="lesson-list">
      <header className="cls-list-head">
        <button type="button" data-testid="cls-back-menu" onClick={() => useHud.getState().setScreen('title')}>
          ← Menu
        </button>
        <h1>Classroom</h1>
        <p className="lede">
          One lesson per section of the concept text. Keys: → / Page Down / Space next, ← / Page Up back, Home / End, a number to jump, R
          replays, B blanks the screen, F focuses the scene, L switches words, Esc returns here.
        </p>
        <ThemeControls />
        <p>
          <button type="button" data-testid="cls-handins" onClick={() => useHud.getState().setScreen('handins')}>
            <span aria-hidden="true">✉ </span>Collect hand-ins
          </button>{' '}
          <span className="muted">Students make a code at the end of a level; paste them here and each is replayed to check it.</span>
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
                <span className="cls-lesson-section">{load.lesson.section}</span>
                <span className="cls-lesson-title">{load.lesson.title}</span>
                <small>
                  {load.lesson.steps.length} steps · {plural(load.lesson.steps.filter((s) => s.question).length, 'question')} for the class
                </small>
              </button>
            </li>
          ) : (
            <li key={load.file} className="cls-lesson broken" role="alert" data-testid="lesson-error">
              <span aria-hidden="true">⚠ </span>Broken lesson file: {load.error}
            </li>
          ),
        )}
      </ol>
    </main>
  )
}
