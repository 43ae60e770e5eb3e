/**
 * Levels and lessons in the chosen language: the English file with its overlay's words
 * (src/levels/translations.ts). Without an overlay, or for English, the level or lesson itself.
 */
import { useMemo } from 'react'
import { translateLesson, translateLevel } from '../../levels'
import type { LessonTranslation, Level, LevelTranslation, Lesson } from '../../levels'
import { bundledLevelTranslations } from '../../levels/bundled'
import type { Lang } from '../../sim'
import { useLang } from './t'

let levelOverlays: Map<string, LevelTranslation> | null = null
function levelOverlay(lang: Lang, id: string): LevelTranslation | undefined {
  if (lang !== 'es') return undefined
  if (!levelOverlays?.size) levelOverlays = new Map(bundledLevelTranslations().flatMap((l) => (l.ok ? [[l.value.level, l.value]] : [])))
  return levelOverlays.get(id)
}

/** A level's words in a language (a level opened from a file has no overlay: English). */
export function levelIn(level: Level, lang: Lang): Level {
  return lang === 'en' ? level : translateLevel(level, levelOverlay(lang, level.id))
}

export function useLevelText<L extends Level | null | undefined>(level: L): L {
  const lang = useLang()
  return useMemo(() => (level ? levelIn(level, lang) : level) as L, [level, lang])
}

/** A lesson's words in a language, given the overlays (the lessons' chunk loads them: see classroom/lessons.ts). */
export function lessonIn(lesson: Lesson, lang: Lang, overlays: ReadonlyMap<string, LessonTranslation>): Lesson {
  return lang === 'en' ? lesson : translateLesson(lesson, overlays.get(lesson.id))
}
