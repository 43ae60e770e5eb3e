/** The levels shipped in levels/*.json, read as text so one broken file cannot break the others. */
import { parseLevel, sortLevels } from './load'
import type { LevelLoad } from './load'
import { parseLesson, sortLessons } from './lessons'
import type { LessonLoad } from './lessons'

const files = import.meta.glob('../../levels/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export function bundledLevels(): LevelLoad[] {
  return sortLevels(Object.entries(files).map(([path, text]) => parseLevel(`levels/${path.split('/').pop()}`, text)))
}

const lessonFiles = import.meta.glob('../../levels/lessons/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

/** The classroom lessons shipped in levels/lessons/*.json, in the concept text's order. */
export function bundledLessons(): LessonLoad[] {
  return sortLessons(Object.entries(lessonFiles).map(([path, text]) => parseLesson(`levels/lessons/${path.split('/').pop()}`, text)))
}
