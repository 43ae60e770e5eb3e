/**
 * Saved progress in localStorage, with a version number. A corrupted save never stops the game:
 * what can be read is kept, the rest is dropped, and the player is told what happened.
 */
import { create } from 'zustand'
import { z } from 'zod'

export const PROGRESS_KEY = 'house-of-pods:progress'
export const PROGRESS_VERSION = 1

const levelRecord = z.object({ stars: z.number().int().min(0).max(3), completed: z.boolean() })
const saved = z.object({ version: z.literal(PROGRESS_VERSION), levels: z.record(z.string(), z.unknown()) })

export type LevelRecord = z.infer<typeof levelRecord>

export interface LoadedProgress {
  levels: Record<string, LevelRecord>
  /** A message for the player when the save was damaged; null when all was well. */
  warning: string | null
}

/** Read a saved progress text. Pure, so it can be tested without a browser. */
export function readProgress(text: string | null): LoadedProgress {
  if (text === null) return { levels: {}, warning: null }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return {
      levels: {},
      warning:
        'Your saved progress could not be read (it is not valid JSON), so it starts fresh. A copy was kept under ' +
        '"house-of-pods:progress:damaged".',
    }
  }
  const top = saved.safeParse(raw)
  if (!top.success) {
    return {
      levels: {},
      warning:
        `Your saved progress is from another version or damaged (${top.error.issues[0]?.message ?? 'unreadable'}), so it starts ` +
        `fresh. A copy was kept under "house-of-pods:progress:damaged".`,
    }
  }
  const levels: Record<string, LevelRecord> = {}
  const dropped: string[] = []
  for (const [id, value] of Object.entries(top.data.levels)) {
    const r = levelRecord.safeParse(value)
    if (r.success) levels[id] = r.data
    else dropped.push(id)
  }
  return {
    levels,
    warning: dropped.length ? `Saved progress for ${dropped.join(', ')} was damaged and was reset; everything else was kept.` : null,
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export interface ProgressState extends LoadedProgress {
  load: () => void
  record: (levelId: string, stars: number) => void
  reset: () => void
}

export const useProgress = create<ProgressState>()((set, get) => ({
  levels: {},
  warning: null,
  load: () => {
    const store = storage()
    const text = store?.getItem(PROGRESS_KEY) ?? null
    const loaded = readProgress(text)
    if (loaded.warning && text !== null) store?.setItem(`${PROGRESS_KEY}:damaged`, text)
    set(loaded)
  },
  record: (levelId, stars) => {
    const prev = get().levels[levelId]
    const levels = { ...get().levels, [levelId]: { stars: Math.max(stars, prev?.stars ?? 0), completed: true } }
    set({ levels })
    storage()?.setItem(PROGRESS_KEY, JSON.stringify({ version: PROGRESS_VERSION, levels }))
  },
  reset: () => {
    set({ levels: {}, warning: null })
    storage()?.removeItem(PROGRESS_KEY)
  },
}))
