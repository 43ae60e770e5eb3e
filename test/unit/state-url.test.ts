import { describe, expect, test } from 'vitest'
import { applyUrlOptions, DEFAULT_URL_SETTINGS, parseUrlSettings, useGame, useSettings, useUi } from '../../src/state'
import type { UrlSettings } from '../../src/state'
import { levelCards } from '../../src/ui/levelList'
import { bundledLevels } from '../../src/levels/bundled'

const levelIds = ['01-one-house', '02-apartments', '03-manager']
const parse = (q: string) => parseUrlSettings(q, { levelIds })

// Each setting: good values and what they give; bad values, which name the setting and leave the default.
const table: { name: string; good: [string, Partial<UrlSettings>][]; bad: string[] }[] = [
  {
    name: 'mode',
    good: [
      ['campaign', { mode: 'campaign' }],
      ['Classroom', { mode: 'classroom' }],
      ['sandbox', { mode: 'sandbox' }],
      ['lab', { mode: 'lab' }],
      ['menu', { mode: 'menu' }],
    ],
    bad: ['cinema', ''],
  },
  { name: 'lesson', good: [['03-containers', { lesson: '03-containers', mode: 'classroom' }]], bad: ['../etc', 'A B'] },
  {
    name: 'step',
    good: [
      ['1', { step: 0 }],
      ['4', { step: 3 }],
    ],
    bad: ['0', '-2', '2.5', 'x', '99'],
  },
  { name: 'level', good: [['02-apartments', { level: '02-apartments' }]], bad: ['99-nope', '<script>'] },
  {
    name: 'unlock',
    good: [
      ['all', { allUnlocked: true }],
      ['yes', { allUnlocked: true }],
      ['no', { allUnlocked: false }],
    ],
    bad: ['some'],
  },
  {
    name: 'paused',
    good: [
      ['yes', { pausedAtStart: true, pausedGiven: true }],
      ['0', { pausedAtStart: false, pausedGiven: true }],
      ['false', { pausedAtStart: false, pausedGiven: true }],
    ],
    bad: ['maybe'],
  },
  {
    name: 'theme',
    good: [
      ['projector', { theme: 'projector' }],
      ['standard', { theme: 'standard' }],
    ],
    bad: ['neon'],
  },
  {
    name: 'scale',
    good: [
      ['150', { uiScale: 1.5 }],
      ['125%', { uiScale: 1.25 }],
      ['2', { uiScale: 2 }],
      ['100', { uiScale: 1 }],
    ],
    bad: ['300', 'big'],
  },
  {
    name: 'lang',
    good: [
      ['en', { lang: 'en' }],
      ['es', { lang: 'es' }],
      ['ES', { lang: 'es' }],
    ],
    bad: ['fr', 'klingon'],
  },
  {
    name: 'seed',
    good: [
      ['42', { classSeed: 42 }],
      ['0', { classSeed: 0 }],
    ],
    bad: ['-1', '1e3', 'abc', '99999999999'],
  },
  { name: 'levels', good: [['01-one-house,03-manager', { levelIds: ['01-one-house', '03-manager'] }]], bad: ['nope'] },
  {
    name: 'timer',
    good: [
      ['hide', { hideTimer: true }],
      ['show', { hideTimer: false }],
    ],
    bad: ['off-ish'],
  },
  {
    name: 'score',
    good: [
      ['hide', { hideScore: true }],
      ['show', { hideScore: false }],
    ],
    bad: ['gone'],
  },
  {
    name: 'speed',
    good: [
      ['4', { startSpeed: 4 }],
      ['8x', { startSpeed: 8 }],
    ],
    bad: ['3', 'fast'],
  },
  {
    name: 'labels',
    good: [
      ['technical', { labels: 'technical' }],
      ['servers', { labels: 'technical' }],
      ['houses', { labels: 'metaphor' }],
    ],
    bad: ['klingon'],
  },
  {
    name: 'street',
    good: [
      ['s', { street: 'S' }],
      ['M', { street: 'M' }],
    ],
    bad: ['XL'],
  },
  {
    name: 'lab',
    good: [
      ['5', { lab: 5 }],
      ['0', { lab: 0 }],
      ['', { lab: 10 }],
    ],
    bad: ['500', 'many'],
  },
]

describe.each(table)('URL setting $name', ({ name, good, bad }) => {
  test.each(good)(`${name}=%s is understood`, (value, expected) => {
    const { settings, problems } = parse(`?${name}=${encodeURIComponent(value)}`)
    expect(problems).toEqual([])
    expect(settings).toMatchObject(expected)
  })
  test.each(bad)(`${name}=%s is named in the banner and the default is used`, (value) => {
    const { settings, problems } = parse(`?${name}=${encodeURIComponent(value)}`)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`URL setting ${name}=`)
    expect(problems[0]).toMatch(/using|showing/)
    // Everything this setting controls keeps its default (the lab falls back to 10, a running lab).
    const expected = name === 'lab' ? { ...DEFAULT_URL_SETTINGS, lab: 10 } : DEFAULT_URL_SETTINGS
    expect(settings).toEqual(expected)
  })
})

test('no settings: the defaults, no banner; unknown parameters (like ?test) are ignored', () => {
  expect(parse('')).toEqual({ settings: DEFAULT_URL_SETTINGS, problems: [] })
  expect(parse('?test&utm_source=mail')).toEqual({ settings: DEFAULT_URL_SETTINGS, problems: [] })
})

test('several bad values: each is named once, the good ones still apply', () => {
  const { settings, problems } = parse('?theme=neon&speed=4&seed=x&labels=technical')
  expect(problems).toHaveLength(2)
  expect(problems.join(' ')).toContain('theme=neon')
  expect(problems.join(' ')).toContain('seed=x')
  expect(settings.startSpeed).toBe(4)
  expect(settings.labels).toBe('technical')
  expect(settings.theme).toBe('standard')
})

test('levels= with some unknown ids keeps the known ones and names the others', () => {
  const { settings, problems } = parse('?levels=01-one-house,zzz')
  expect(settings.levelIds).toEqual(['01-one-house'])
  expect(problems[0]).toContain('levels=zzz')
})

test('a long hostile value is cut in the banner line', () => {
  const { problems } = parse(`?theme=${'x'.repeat(5000)}`)
  expect(problems[0]!.length).toBeLessThan(200)
})

describe('applying the URL', () => {
  test('level= opens that level directly, with the class seed, running at the start speed, in technical words', () => {
    const s = applyUrlOptions('?level=03-manager&seed=4242&paused=no&speed=2&labels=technical&theme=projector&scale=150')
    expect(s.level).toBe('03-manager')
    const g = useGame.getState()
    expect(g.mode).toBe('level')
    expect(g.level?.id).toBe('03-manager')
    expect(g.world.seed).toBe(4242)
    expect(g.paused).toBe(false)
    expect(g.speed).toBe(2)
    expect(useUi.getState().vocab).toBe('technical')
    expect(useSettings.getState()).toMatchObject({ theme: 'projector', uiScale: 1.5, problems: [] })
  })
  test('level=5 opens the level whose card says Level 5 (the manager), not the file numbered 05; level=99 is named in the banner', () => {
    applyUrlOptions('?level=5')
    const g = useGame.getState()
    expect(g.level?.order).toBe(5)
    expect(g.level?.id).toBe('03-manager')
    applyUrlOptions('?level=99')
    expect(useSettings.getState().problems.join(' ')).toContain('level=99')
  })
  test('a bad value leaves a banner line and the game still opens what the good ones ask', () => {
    applyUrlOptions('?level=02-apartments&theme=neon')
    expect(useGame.getState().level?.id).toBe('02-apartments')
    expect(useSettings.getState().problems).toHaveLength(1)
    expect(useSettings.getState().theme).toBe('standard')
  })
  test('lab= runs the lab unless paused=yes', () => {
    applyUrlOptions('?lab=3&paused=yes')
    expect(useGame.getState().lab?.n).toBe(3)
    expect(useGame.getState().paused).toBe(true)
    applyUrlOptions('?lab=3')
    expect(useGame.getState().paused).toBe(false)
  })
  test('unlock=all and levels= shape the campaign list', () => {
    const loads = bundledLevels()
    const all = levelCards(loads, {}, { allUnlocked: true })
    expect(all.filter((c) => c.load.ok).every((c) => !c.locked)).toBe(true)
    const some = levelCards(loads, {}, { levelIds: ['03-manager', '01-one-house'] })
    expect(some.map((c) => (c.load.ok ? c.load.level.id : ''))).toEqual(['01-one-house', '03-manager'])
    expect(some[1]!.locked).toBe(true)
  })
})
