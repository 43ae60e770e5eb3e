/** The bundled lessons, parsed once (they are small; the menu chunk does not carry them). */
import { bundledLessons } from '../../levels/bundledLessons'
import type { LessonLoad } from '../../levels'

let loaded: LessonLoad[] | null = null
export function classroomLessons(): LessonLoad[] {
  if (!loaded) loaded = bundledLessons()
  return loaded
}
