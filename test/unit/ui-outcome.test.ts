import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { evaluateCheck, initialProgress, objectiveStatuses, startLevel } from '../../src/levels'
import { bundledLevels } from '../../src/levels/bundled'
import { apply } from '../../src/sim'
import type { ObjectiveStatus } from '../../src/levels'
import { adviceFor, levelStory, shortfall } from '../../src/ui/outcomeStory'
import { plural } from '../../src/ui/format'
import { smallStreet } from './helpers'

const served = (min: number, servedN: number, droppedN: number) => {
  const w = smallStreet()
  w.apps.web!.served = servedN
  w.apps.web!.dropped = droppedN
  return { w, r: evaluateCheck({ kind: 'servedRatio', appId: 'web', min }, w) }
}

describe('the end of a level tells the story', () => {
  test('a served share is shown to the precision that decides it: 99.86 % never reads as 99.9 % against a 99.9 % objective', () => {
    const { r } = served(0.999, 9986, 14)
    expect(r.done).toBe(false)
    expect(r.progress).toBe('99.86% served (need 99.9%)')
    expect(served(0.999, 9999, 1).r.progress).toBe('99.99% served (need 99.9%)')
    expect(served(0.9, 95, 5).r.progress).toBe('95.0% served (need 90%)')
  })

  test('the shown share never rounds up past the objective it failed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(0.9, 0.99, 0.999),
        (s, d, min) => {
          const { r } = served(min, s, d)
          const shown = Number(/^([\d.]+)%/.exec(r.progress)![1])
          if (!r.done) expect(shown).toBeLessThan(min * 100)
          else expect(shown).toBeGreaterThanOrEqual(min * 100)
        },
      ),
    )
  })

  test('before any visitor came, a served objective says so instead of 100 %', () => {
    expect(served(0.9, 0, 0).r.progress).toBe('no visitors yet (need 90%)')
  })

  test('a loss names the failed objective, its shortfall in this run and one thing to try', () => {
    const { w } = served(0.9, 800, 200)
    const objective = {
      id: 'served',
      when: 'end',
      label: { metaphor: 'The web serves 90% of its visitors', technical: 'web: 90% of requests served' },
      check: { kind: 'servedRatio', appId: 'web', min: 0.9 },
    } as unknown as ObjectiveStatus['objective']
    const status: ObjectiveStatus = { objective, ...evaluateCheck(objective.check, w) }
    const story = levelStory(w, [status], 'metaphor')
    expect(story.failed).toHaveLength(1)
    expect(story.failed[0]!.figure).toBe('80.0% served (need 90%)')
    expect(shortfall(objective.check, w)).toBe('short by 10.0 percentage points: 200 of 1,000 visitors were turned away')
    expect(story.failed[0]!.advice).toBe(adviceFor(objective.check, w))
    expect(story.failed[0]!.advice).toMatch(/web/)
    expect(story.figures[0]).toContain('80.0% served')
  })

  test('a loss with the manager already hired advises the clipboard, not hiring it again', () => {
    const { w } = served(0.99, 900, 100)
    const check = { kind: 'servedRatio', appId: 'web', min: 0.99 } as const
    expect(adviceFor(check, w)).toMatch(/hire the manager/)
    w.apps.web!.managed = true
    w.apps.web!.replicas = 3
    expect(adviceFor(check, w)).not.toMatch(/hire/)
    expect(adviceFor(check, w)).toMatch(/clipboard \(\+\) to 4/)
  })
})

describe('no objective is met before the player acts', () => {
  test("in every bundled level, the starting street meets none of the objectives checked along the way ('ever')", () => {
    for (const load of bundledLevels()) {
      if (!load.ok) continue
      const world = startLevel(load.level)
      const met = objectiveStatuses(load.level, world, initialProgress()).filter((s) => s.objective.when === 'ever' && s.done)
      expect(met.map((s) => `${load.level.id}: ${s.objective.id}`)).toEqual([])
    }
  })

  test('rush hour: the autoscaler objective is met by setting an autoscaler, not by the manager it starts with', () => {
    const load = bundledLevels().find((l) => l.ok && l.level.id === '04-rush-hour')
    if (!load?.ok) throw new Error('level 04-rush-hour missing')
    const world = startLevel(load.level)
    const hpa = () => objectiveStatuses(load.level, world, initialProgress()).find((s) => s.objective.id === 'hpa')!
    expect(world.apps.shop!.managed).toBe(true)
    expect(hpa().done).toBe(false)
    apply(world, { type: 'setHpa', appId: 'shop', minReplicas: 2, maxReplicas: 16, targetCpuPercent: 60 })
    expect(hpa().done).toBe(true)
    expect(hpa().progress).toBe('autoscaler: 2–16 rooms at 60% CPU')
  })
})

test('a count reads with its noun in the singular for one and the plural otherwise', () => {
  expect(plural(1, 'question')).toBe('1 question')
  expect(plural(0, 'question')).toBe('0 questions')
  expect(plural(1200, 'room')).toBe('1,200 rooms')
})
