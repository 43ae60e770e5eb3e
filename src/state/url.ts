/**
 * Settings a teacher puts in the URL, shareable as a link (README "For teachers" has the table).
 * Each value is checked on its own: a bad one is named in a small banner and its default is used,
 * never a white screen. `?street=S|M|L` opens a sandbox street at a benchmark size (10 houses/100
 * rooms, 500/15,000, 5,000/150,000); `?lab=N` opens the VM-vs-container lab with N of each, running.
 */
import { LANGS, SCALE_SIZES } from '../sim'
import type { Vocabulary } from '../sim'
import { bundledLevels } from '../levels/bundled'
import { useGame } from './game'
import { DEFAULT_SETTINGS, START_SPEEDS, UI_SCALES, useSettings } from './settings'
import type { Settings, StartSpeed, Theme, UiScale } from './settings'
import { useUi } from './ui'

export const URL_MODES = ['menu', 'campaign', 'classroom', 'sandbox', 'lab'] as const
export type UrlMode = (typeof URL_MODES)[number]
export const LANGUAGES = LANGS

export interface UrlSettings extends Settings {
  mode: UrlMode
  /** A lesson to open (classroom), and its step (1-based in the URL, 0-based here). */
  lesson: string | null
  step: number
  /** A level to open directly. */
  level: string | null
  labels: Vocabulary
  /** paused= given explicitly (it also pauses the lab and the sandbox streets, which otherwise run). */
  pausedGiven: boolean
  street: keyof typeof SCALE_SIZES | null
  lab: number | null
}

export const DEFAULT_URL_SETTINGS: UrlSettings = {
  ...DEFAULT_SETTINGS,
  mode: 'menu',
  lesson: null,
  step: 0,
  level: null,
  labels: 'metaphor',
  pausedGiven: false,
  street: null,
  lab: null,
}

const ID = /^[a-z0-9-]{1,64}$/
const YES = ['1', 'true', 'yes', 'on']
const NO = ['0', 'false', 'no', 'off']

/**
 * Read the URL's settings. Pure: `known` lists the level ids that exist (an unknown one is a
 * problem). Every problem is one line naming the parameter, what was given and what is used.
 */
export function parseUrlSettings(
  search: string,
  known: { levelIds?: readonly string[]; playOrder?: readonly string[] } = {},
): { settings: UrlSettings; problems: string[] } {
  const params = new URLSearchParams(search)
  const s: UrlSettings = { ...DEFAULT_URL_SETTINGS }
  const problems: string[] = []
  const bad = (name: string, value: string, expected: string, fallback: string) =>
    problems.push(`URL setting ${name}=${value.slice(0, 40)} is not understood (${expected}): using ${fallback}.`)
  const get = (name: string) => {
    const v = params.get(name)
    return v === null ? null : v.trim()
  }
  const bool = (name: string, apply: (v: boolean) => void, fallback: string) => {
    const v = get(name)
    if (v === null) return
    if (YES.includes(v.toLowerCase())) apply(true)
    else if (NO.includes(v.toLowerCase())) apply(false)
    else bad(name, v, 'yes or no', fallback)
  }
  const oneOf = <T extends string>(name: string, values: readonly T[], apply: (v: T) => void, fallback: string) => {
    const v = get(name)
    if (v === null) return
    const hit = values.find((x) => x === v.toLowerCase())
    if (hit) apply(hit)
    else bad(name, v, values.join(', '), fallback)
  }

  oneOf('mode', URL_MODES, (v) => (s.mode = v), 'the title menu')
  const lesson = get('lesson')
  if (lesson !== null) {
    if (ID.test(lesson)) {
      s.lesson = lesson
      s.mode = 'classroom'
    } else bad('lesson', lesson, 'a lesson id such as 03-containers', 'the lesson list')
  }
  const step = get('step')
  if (step !== null) {
    const n = Number(step)
    if (Number.isInteger(n) && n >= 1 && n <= 30) s.step = n - 1
    else bad('step', step, 'a step number from 1', 'step 1')
  }
  const level = get('level')
  if (level !== null) {
    // A teacher sees "Level 5" on the card, so the number in play order works as well as the id.
    const byNumber = /^\d{1,2}$/.test(level) ? known.playOrder?.[Number(level) - 1] : undefined
    if (byNumber) s.level = byNumber
    else if (ID.test(level) && (!known.levelIds || known.levelIds.includes(level))) s.level = level
    else bad('level', level, 'a level number as on its card (e.g. 5) or a level id such as 01-one-house', 'the menu')
  }
  const unlock = get('unlock')
  if (unlock !== null) {
    if (unlock.toLowerCase() === 'all' || YES.includes(unlock.toLowerCase())) s.allUnlocked = true
    else if (!NO.includes(unlock.toLowerCase())) bad('unlock', unlock, 'all', 'levels unlock one by one')
  }
  bool(
    'paused',
    (v) => {
      s.pausedAtStart = v
      s.pausedGiven = true
    },
    'paused at start',
  )
  oneOf<Theme>('theme', ['standard', 'projector'], (v) => (s.theme = v), 'standard')
  const scale = get('scale')
  if (scale !== null) {
    const n = Number(scale.replace(/%$/, ''))
    const hit = UI_SCALES.find((x) => x * 100 === n || x === n)
    if (hit) s.uiScale = hit as UiScale
    else bad('scale', scale, UI_SCALES.map((x) => `${x * 100}`).join(', '), '100 %')
  }
  oneOf('lang', LANGUAGES, (v) => (s.lang = v), 'English')
  const seed = get('seed')
  if (seed !== null) {
    const n = Number(seed)
    if (/^\d{1,10}$/.test(seed) && n <= 2 ** 32 - 1) s.classSeed = n
    else bad('seed', seed, 'a whole number from 0 to 4294967295', "each level's own seed")
  }
  const levels = get('levels')
  if (levels !== null) {
    const ids = levels
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
    const unknown = ids.filter((id) => !ID.test(id) || (known.levelIds && !known.levelIds.includes(id)))
    const good = ids.filter((id) => !unknown.includes(id))
    if (unknown.length) bad('levels', unknown.join(','), 'level ids separated by commas', good.length ? 'the others' : 'all levels')
    if (good.length) s.levelIds = good
  }
  oneOf('timer', ['show', 'hide'] as const, (v) => (s.hideTimer = v === 'hide'), 'shown')
  oneOf('score', ['show', 'hide'] as const, (v) => (s.hideScore = v === 'hide'), 'shown')
  const speed = get('speed')
  if (speed !== null) {
    const n = Number(speed.replace(/[x×]$/, ''))
    const hit = START_SPEEDS.find((x) => x === n)
    if (hit) s.startSpeed = hit as StartSpeed
    else bad('speed', speed, START_SPEEDS.join(', '), '1×')
  }
  const labels = get('labels')
  if (labels !== null) {
    const v = labels.toLowerCase()
    if (['metaphor', 'houses'].includes(v)) s.labels = 'metaphor'
    else if (['technical', 'servers'].includes(v)) s.labels = 'technical'
    else bad('labels', labels, 'metaphor or technical', 'metaphor (houses and rooms)')
  }
  const street = get('street')
  if (street !== null) {
    const v = street.toUpperCase()
    if (v in SCALE_SIZES) s.street = v as keyof typeof SCALE_SIZES
    else bad('street', street, Object.keys(SCALE_SIZES).join(', '), 'no street')
  }
  const lab = get('lab')
  if (lab !== null && s.street === null) {
    const n = Number(lab)
    if (lab === '' || lab === 'true') s.lab = 10
    else if (Number.isInteger(n) && n >= 0 && n <= 50) s.lab = n
    else {
      bad('lab', lab, 'a number from 0 to 50', '10')
      s.lab = 10
    }
  }
  return { settings: s, problems }
}

/**
 * Apply the URL's settings to the stores and open what it asks for (a level, a street, the lab,
 * the sandbox). Returns them: the UI opens the campaign or classroom screens and a lesson itself.
 */
export function applyUrlOptions(search: string = typeof location === 'undefined' ? '' : location.search): UrlSettings {
  const levels = bundledLevels()
  const ok = levels.flatMap((l) => (l.ok ? [l.level] : []))
  const playOrder = [...ok].sort((a, b) => a.order - b.order).map((l) => l.id)
  const { settings, problems } = parseUrlSettings(search, { levelIds: ok.map((l) => l.id), playOrder })
  const { theme, uiScale, classSeed, levelIds, allUnlocked, hideTimer, hideScore, pausedAtStart, startSpeed } = settings
  useSettings.getState().set({ theme, uiScale, classSeed, levelIds, allUnlocked, hideTimer, hideScore, pausedAtStart, startSpeed })
  useSettings.getState().setProblems(problems)
  // lang= applies for this visit (a bad value falls back to English); without it, the language this browser remembers.
  if (new URLSearchParams(search).has('lang')) useSettings.getState().set({ lang: settings.lang })
  useUi.getState().setVocab(settings.labels)
  const game = useGame.getState()
  const found = settings.level ? levels.find((l) => l.ok && l.level.id === settings.level) : undefined
  if (found?.ok) game.startLevel(found.level)
  else if (settings.street) game.startStreet(settings.street)
  else if (settings.lab !== null || settings.mode === 'lab') game.startLab(settings.lab ?? 0)
  else if (settings.mode === 'sandbox') game.startSandbox(classSeed ?? undefined)
  else return settings
  // The lab starts running; a level and a street paused (press Space): paused= and speed= say otherwise.
  if (settings.pausedGiven) useGame.getState().setPaused(settings.pausedAtStart)
  useGame.getState().setSpeed(startSpeed)
  return settings
}
