/** UI-only state that no other part of the game needs: which app is chosen, which panels are open. */
import { create } from 'zustand'

export type Panel = 'brief' | 'keys' | 'hints' | 'addVm' | 'console' | 'workshop' | 'lab' | null

export interface HudState {
  /** The app whose room "Give a room" places, and whose manager and replicas the buttons change. */
  appId: string | null
  /** One overlay panel at a time; Escape closes it. */
  panel: Panel
  /** Campaign screen, or the classroom's lesson list or hand-ins, shown instead of the title menu. */
  screen: 'title' | 'levels' | 'classroom' | 'handins'
  chooseApp: (appId: string | null) => void
  open: (panel: Panel) => void
  toggle: (panel: Exclude<Panel, null>) => void
  setScreen: (screen: HudState['screen']) => void
}

export const useHud = create<HudState>()((set) => ({
  appId: null,
  panel: null,
  screen: 'title',
  chooseApp: (appId) => set({ appId }),
  open: (panel) => set({ panel }),
  toggle: (panel) => set((s) => ({ panel: s.panel === panel ? null : panel })),
  setScreen: (screen) => set({ screen }),
}))
