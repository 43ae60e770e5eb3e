/** The bundled lessons, parsed once (they are small; the menu chunk does not carry them), and their translations. */
import { useMemo } from 'react'
import { bundledLessons, bundledLessonTranslations } from '../../levels/bundledLessons'
import type { Lesson, LessonLoad, LessonTranslation } from '../../levels'
import type { Lang } from '../../sim'
import { lessonIn } from '../i18n/content'
import { useLang } from '../i18n'

let loaded: LessonLoad[] | null = null
export function classroomLessons(): LessonLoad[] {
  if (!loaded) loaded = bundledLessons()
  return loaded
}

let overlays: Map<string, LessonTranslation> | null = null
function lessonOverlays(): Map<string, LessonTranslation> {
  if (!overlays) overlays = new Map(bundledLessonTranslations().flatMap((l) => (l.ok ? [[l.value.lesson, l.value]] : [])))
  return overlays
}

/** A lesson in a language (what its overlay lacks stays English). */
export function lessonText(lesson: Lesson, lang: Lang): Lesson {
  return lessonIn(lesson, lang, lessonOverlays())
}

/** A lesson in the chosen language (what its overlay lacks stays English). */
export function useLessonText<L extends Lesson | null>(lesson: L): L {
  const lang = useLang()
  return useMemo(() => (lesson ? lessonIn(lesson, lang, lessonOverlays()) : lesson) as L, [lesson, lang])
}
