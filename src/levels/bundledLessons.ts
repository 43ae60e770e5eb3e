/** The classroom lessons shipped in levels/lessons/*.json (a file of their own: the menu's chunk does not carry them). */
import { parseLesson, sortLessons } from './lessons'
import type { LessonLoad } from './lessons'
import { parseLessonTranslation } from './translations'
import type { LessonTranslation, TranslationLoad } from './translations'

const lessonFiles = import.meta.glob('../../levels/lessons/*.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

/** The classroom lessons shipped in levels/lessons/*.json, in the concept text's order. */
export function bundledLessons(): LessonLoad[] {
  return sortLessons(Object.entries(lessonFiles).map(([path, text]) => parseLesson(`levels/lessons/${path.split('/').pop()}`, text)))
}

const esLessonFiles = import.meta.glob('../../levels/lessons/es/*.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

/** The Spanish overlays of the lessons (levels/lessons/es/*.json), parsed; a broken one is a load with its error. */
export function bundledLessonTranslations(): TranslationLoad<LessonTranslation>[] {
  return Object.entries(esLessonFiles).map(([path, text]) =>
    parseLessonTranslation(`levels/lessons/es/${path.split('/').pop()}`, text, 'es'),
  )
}
