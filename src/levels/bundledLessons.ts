/** The classroom lessons shipped in levels/lessons/*.json (a file of their own: the menu's chunk does not carry them). */
import { parseLesson, sortLessons } from './lessons'
import type { LessonLoad } from './lessons'

const lessonFiles = import.meta.glob('../../levels/lessons/*.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

/** The classroom lessons shipped in levels/lessons/*.json, in the concept text's order. */
export function bundledLessons(): LessonLoad[] {
  return sortLessons(Object.entries(lessonFiles).map(([path, text]) => parseLesson(`levels/lessons/${path.split('/').pop()}`, text)))
}
