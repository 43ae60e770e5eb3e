import fc from 'fast-check'
import { expect, test } from 'vitest'
import { liftTags } from '../../src/scene/tagSpacing'
import type { TagBox } from '../../src/scene/tagSpacing'

const drawn = (b: TagBox, lift: number) => ({ ...b, top: b.top - lift, bottom: b.bottom - lift })
const overlap = (a: TagBox, b: TagBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

const box = (left: number, top: number, w: number, h: number, rank: number): TagBox => ({
  left,
  top,
  right: left + w,
  bottom: top + h,
  rank,
})

test('a room being built under its selected label: the "being built" tag is lifted just above "furnishing", which stays', () => {
  // As measured in the sandbox: the selected room's label and the event tag over the same room.
  const furnishing = box(446, 491, 130, 41, 1)
  const beingBuilt = box(395, 501, 232, 24, 3)
  const lift = liftTags([furnishing, beingBuilt])
  expect(lift[0]).toBe(0)
  expect(drawn(beingBuilt, lift[1]!).bottom).toBeLessThanOrEqual(furnishing.top)
  expect(furnishing.top - drawn(beingBuilt, lift[1]!).bottom).toBeLessThanOrEqual(2)
})

test('tags that stand apart are not moved', () => {
  expect(liftTags([box(0, 0, 50, 20, 0), box(60, 0, 50, 20, 3), box(0, 30, 50, 20, 3)])).toEqual([0, 0, 0])
})

test('any tags: once lifted, no two overlap (but two house signs), house signs never move, nothing moves down (property)', () => {
  const arb = fc.array(
    fc.record({
      left: fc.integer({ min: 0, max: 400 }),
      top: fc.integer({ min: 0, max: 400 }),
      w: fc.integer({ min: 10, max: 200 }),
      h: fc.integer({ min: 10, max: 45 }),
      rank: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 30 },
  )
  fc.assert(
    fc.property(arb, (specs) => {
      const boxes = specs.map((s) => box(s.left, s.top, s.w, s.h, s.rank))
      const lift = liftTags(boxes)
      const shown = boxes.map((b, i) => drawn(b, lift[i]!))
      for (let i = 0; i < boxes.length; i++) {
        if (lift[i]! < 0) return false
        if (boxes[i]!.rank === 0 && lift[i] !== 0) return false
        for (let j = i + 1; j < boxes.length; j++)
          if (overlap(shown[i]!, shown[j]!) && !(boxes[i]!.rank === 0 && boxes[j]!.rank === 0)) return false
      }
      return true
    }),
    { numRuns: 300 },
  )
})
