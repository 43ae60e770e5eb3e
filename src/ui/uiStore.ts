/** UI-only state that no other part of the game needs: which app is chosen, which panels are open. */
import { create } from 'zustand'

export type Panel = 'brief' | 'keys' | 'hints' | 'addVm' | 'console' | 'workshop' | 'lab' | 'leave' | 'find' | null

/** The side drawer: one at a time, so the street keeps the screen. */
export type Drawer = 'tools' | 'street' | 'log' | null

/** Drawers remember their state per mode: a level and the sandbox each keep their own. */
export type HudMode = 'level' | 'sandbox'

export const DEFAULT_DRAWER: Record<HudMode, Drawer> = { level: 'tools', sandbox: 'tools' }

export interface HudState {
  /** The app whose room "Give a room" places, and whose manager and replicas the buttons change. */
  appId: string | null
  /** One overlay panel at a time; Escape closes it. */
  panel: Panel
  /** The open side drawer (palette, street list or event log), per mode. */
  drawers: Record<HudMode, Drawer>
  /** Which mode's drawer applies now. */
  mode: HudMode
  /** Focus mode (F): everything but the time bar and captions hidden. */
  focus: boolean
  /** The inspector docks small; expanded, it takes more of the side. */
  inspectorWide: boolean
  /** Campaign screen, or the classroom's lesson list or hand-ins, shown instead of the title menu. */
  screen: 'title' | 'levels' | 'classroom' | 'handins'
  chooseApp: (appId: string | null) => void
  open: (panel: Panel) => void
  toggle: (panel: Exclude<Panel, null>) => void
  setScreen: (screen: HudState['screen']) => void
  /** Open a drawer (closing the other), or close it when it is already open. */
  toggleDrawer: (drawer: Exclude<Drawer, null>) => void
  openDrawer: (drawer: Drawer) => void
  toggleFocus: () => void
  toggleInspector: () => void
}

export const useHud = create<HudState>()((set) => ({
  appId: null,
  panel: null,
  drawers: { ...DEFAULT_DRAWER },
  mode: 'level',
  focus: false,
  inspectorWide: false,
  screen: 'title',
  chooseApp: (appId) => set({ appId }),
  open: (panel) => set({ panel }),
  toggle: (panel) => set((s) => ({ panel: s.panel === panel ? null : panel })),
  setScreen: (screen) => set({ screen }),
  toggleDrawer: (drawer) =>
    set((s) => ({ drawers: { ...s.drawers, [s.mode]: s.drawers[s.mode] === drawer ? null : drawer }, focus: false })),
  openDrawer: (drawer) => set((s) => ({ drawers: { ...s.drawers, [s.mode]: drawer }, focus: drawer ? false : s.focus })),
  toggleFocus: () => set((s) => ({ focus: !s.focus })),
  toggleInspector: () => set((s) => ({ inspectorWide: !s.inspectorWide })),
}))

/** The drawer open in the current mode. */
export const useDrawer = (): Drawer => useHud((s) => s.drawers[s.mode])
