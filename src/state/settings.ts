/**
 * Presentation settings a teacher sets (in the classroom, or by URL): the projector theme and the
 * interface scale. They are applied to the page's root element as attributes, so the stylesheets
 * enlarge the HUD and the scene's labels without resizing the scene itself.
 */
import { create } from 'zustand'

export type Theme = 'standard' | 'projector'
export const UI_SCALES = [1, 1.25, 1.5, 2] as const
export type UiScale = (typeof UI_SCALES)[number]

export interface SettingsState {
  theme: Theme
  uiScale: UiScale
  setTheme: (theme: Theme) => void
  setUiScale: (scale: UiScale) => void
}

function applyToDocument(theme: Theme, uiScale: UiScale): void {
  if (typeof document === 'undefined') return
  const root = document.documentElement
  root.dataset.theme = theme
  root.style.setProperty('--ui-scale', String(uiScale))
  if (uiScale === 1) delete root.dataset.uiScale
  else root.dataset.uiScale = String(uiScale)
}

export const useSettings = create<SettingsState>()((set) => ({
  theme: 'standard',
  uiScale: 1,
  setTheme: (theme) =>
    set((s) => {
      applyToDocument(theme, s.uiScale)
      return { theme }
    }),
  setUiScale: (uiScale) =>
    set((s) => {
      applyToDocument(s.theme, uiScale)
      return { uiScale }
    }),
}))
