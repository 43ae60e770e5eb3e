/**
 * What the presenter has shown over the game: the timeline bar (U), the incident remote (I) and the
 * pointer highlight (P). Kept in one small store so the game's key table (keys.ts), the lesson's
 * presenter keys and the panels' own buttons all switch the same thing.
 */
import { create } from 'zustand'

export interface PresenterPanels {
  timeline: boolean
  remote: boolean
  pointer: boolean
  toggle: (what: 'timeline' | 'remote' | 'pointer') => void
  show: (what: 'timeline' | 'remote' | 'pointer', on: boolean) => void
}

export const usePresenterPanels = create<PresenterPanels>()((set) => ({
  timeline: false,
  remote: false,
  pointer: false,
  toggle: (what) => set((s) => ({ [what]: !s[what] })),
  show: (what, on) => set({ [what]: on }),
}))
