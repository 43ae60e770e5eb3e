/** The campaign's levels in order, with what unlocks each. Pure, so it can be tested. */
import type { Level, LevelLoad } from '../levels'
import type { LevelRecord } from '../state'

export interface CardInfo {
  load: LevelLoad
  locked: boolean
  /** Why a locked card is locked, in words. */
  why: string
  stars: number
  completed: boolean
}

/**
 * Level N unlocks when level N−1 (the previous playable one) is completed; the first is always open.
 * A teacher's settings may show only some levels (`levelIds`, in the campaign's order) and unlock all.
 */
export function levelCards(
  loads: LevelLoad[],
  records: Record<string, LevelRecord>,
  teacher: { levelIds?: readonly string[] | null; allUnlocked?: boolean } = {},
): CardInfo[] {
  let previous: Level | null = null
  const ids = teacher.levelIds
  const shown = ids ? loads.filter((l) => !l.ok || ids.includes(l.level.id)) : loads
  return shown.map((load) => {
    if (!load.ok) return { load, locked: true, why: 'This file could not be read.', stars: 0, completed: false }
    const rec = records[load.level.id]
    // A completed level stays open even when the campaign's order changed around it.
    const locked = !teacher.allUnlocked && previous !== null && !records[previous.id]?.completed && !rec?.completed
    const why = locked && previous ? `Finish “${previous.title}” to unlock.` : ''
    previous = load.level
    return { load, locked, why, stars: rec?.stars ?? 0, completed: !!rec?.completed }
  })
}

/** The level after this one in the campaign, if there is one. */
export function nextLevel(loads: LevelLoad[], id: string): Level | null {
  const playable = loads.flatMap((l) => (l.ok ? [l.level] : []))
  const i = playable.findIndex((l) => l.id === id)
  return i >= 0 ? (playable[i + 1] ?? null) : null
}
