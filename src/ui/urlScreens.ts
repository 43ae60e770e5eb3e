/** The URL's screens (campaign, classroom) and its lesson: the part of the teacher's link the UI opens. */
import { useSettings } from '../state'
import type { UrlSettings } from '../state'
import { useHud } from './uiStore'

export async function applyUrlScreens(settings: UrlSettings): Promise<void> {
  if (settings.level || settings.street || settings.lab !== null || settings.mode === 'sandbox' || settings.mode === 'lab') return
  if (settings.mode === 'campaign') useHud.getState().setScreen('levels')
  if (settings.mode !== 'classroom') return
  useHud.getState().setScreen('classroom')
  if (!settings.lesson) return
  const [{ classroomLessons }, { useClassroom }] = await Promise.all([import('./classroom/lessons'), import('./classroom/store')])
  const load = classroomLessons().find((l) => l.ok && l.lesson.id === settings.lesson)
  if (!load?.ok) {
    const s = useSettings.getState()
    s.setProblems([...s.problems, `URL setting lesson=${settings.lesson.slice(0, 40)} is not a lesson: showing the lesson list.`])
    return
  }
  useClassroom.getState().open(load.lesson)
  const step = Math.min(settings.step, load.lesson.steps.length - 1)
  if (step > 0) useClassroom.getState().enter(step)
}
