/**
 * Settings a teacher sets (in the classroom, or by URL, see url.ts): the projector theme, the
 * interface scale, a class-wide seed, which levels show and whether they are all unlocked, the
 * timer and the score hidden, how a level starts (paused, speed). Theme, scale and the hidden
 * readouts are applied to the page's root element as attributes, so the stylesheets enlarge the
 * HUD and the scene's labels (the scene keeps the whole window) and hide what is hidden.
 */
import { create } from 'zustand'
import type { Level } from '../levels'
import { LANGS } from '../sim'
import type { Lang } from '../sim'

export type Theme = 'standard' | 'projector'
export const UI_SCALES = [1, 1.25, 1.5, 2] as const
export type UiScale = (typeof UI_SCALES)[number]
export const START_SPEEDS = [1, 2, 4, 8] as const
export type StartSpeed = (typeof START_SPEEDS)[number]

export interface Settings {
  theme: Theme
  uiScale: UiScale
  /** Every student gets the same challenge: this seed replaces each level's own (null: the level's). */
  classSeed: number | null
  /** Only these levels show in the campaign (null: all). */
  levelIds: string[] | null
  allUnlocked: boolean
  hideTimer: boolean
  hideScore: boolean
  /** A level starts paused (true, the default) or with the clock running. */
  pausedAtStart: boolean
  startSpeed: StartSpeed
  /** The language of the HUD, the messages, the lessons and the levels (English the default; `?lang=es`). */
  lang: Lang
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'standard',
  uiScale: 1,
  classSeed: null,
  levelIds: null,
  allUnlocked: false,
  hideTimer: false,
  hideScore: false,
  pausedAtStart: true,
  startSpeed: 1,
  lang: 'en',
}

export interface SettingsState extends Settings {
  /** What the URL asked for that the game did not understand, one line each (shown in a small banner). */
  problems: string[]
  setTheme: (theme: Theme) => void
  setUiScale: (scale: UiScale) => void
  set: (settings: Partial<Settings>) => void
  setProblems: (problems: string[]) => void
  /** The player's choice of language: applied and remembered in this browser (a link's `lang=` is applied, not remembered). */
  chooseLang: (lang: Lang) => void
}

/** Where the chosen language is remembered (a plain value, 'en' or 'es'; anything else is ignored). */
export const LANG_KEY = 'houseOfPods.lang'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The language remembered in this browser, or null. */
export function rememberedLang(): Lang | null {
  try {
    const v = storage()?.getItem(LANG_KEY)
    return (LANGS as readonly string[]).includes(v ?? '') ? (v as Lang) : null
  } catch {
    return null
  }
}

function applyToDocument(s: Settings): void {
  if (typeof document === 'undefined') return
  const root = document.documentElement
  root.dataset.theme = s.theme
  root.lang = s.lang
  root.style.setProperty('--ui-scale', String(s.uiScale))
  const flag = (name: 'uiScale' | 'hideTimer' | 'hideScore', on: boolean, value = '') => {
    if (on) root.dataset[name] = value
    else delete root.dataset[name]
  }
  flag('uiScale', s.uiScale !== 1, String(s.uiScale))
  flag('hideTimer', s.hideTimer)
  flag('hideScore', s.hideScore)
}

export const useSettings = create<SettingsState>()((set, get) => {
  const update = (patch: Partial<Settings>) => {
    set(patch)
    applyToDocument(get())
  }
  return {
    ...DEFAULT_SETTINGS,
    lang: rememberedLang() ?? DEFAULT_SETTINGS.lang,
    problems: [],
    setTheme: (theme) => update({ theme }),
    setUiScale: (uiScale) => update({ uiScale }),
    set: (patch) => update(patch),
    setProblems: (problems) => set({ problems }),
    chooseLang: (lang) => {
      update({ lang })
      try {
        storage()?.setItem(LANG_KEY, lang)
      } catch {
        // A browser that refuses storage still switches; it just does not remember.
      }
    },
  }
})

/** How a level starts under the teacher's settings: the class seed, paused or running, the speed. */
export function classLevelStart(level: Level): { level: Level; paused: boolean; speed: StartSpeed } {
  const s = useSettings.getState()
  return { level: s.classSeed === null ? level : { ...level, seed: s.classSeed }, paused: s.pausedAtStart, speed: s.startSpeed }
}
