/**
 * Tags said in the street (event tags, the selected and hovered thing's label, house signs) stand over what they
 * name, so two near things' tags can land on each other ("furnishing" under "being built"). Each frame the tags are
 * laid out on screen: rank 0 stays where it stands whatever it covers; the others are placed by rank (house signs,
 * then the selected thing's label, then the rest) and from the lowest on screen up, each lifted just above whatever
 * it would cover. Pure: the DOM side is TagSpacer.tsx.
 */

export interface TagBox {
  left: number
  top: number
  right: number
  bottom: number
  /** 0: never moved; a lower rank is placed first, so a higher one is lifted clear of it. */
  rank: number
}

/** Pixels between a lifted tag and the one it clears. */
export const TAG_GAP_PX = 2

const meets = (a: TagBox, liftA: number, b: TagBox, liftB: number): boolean =>
  a.left < b.right && b.left < a.right && a.top - liftA < b.bottom - liftB && b.top - liftB < a.bottom - liftA

/** How far up (pixels) each tag is drawn from where it stands, so that no two tags overlap (two of rank 0 excepted). */
export function liftTags(boxes: TagBox[]): number[] {
  const lift = boxes.map(() => 0)
  const placed: number[] = []
  for (let i = 0; i < boxes.length; i++) if (boxes[i]!.rank === 0) placed.push(i)
  const movable = boxes
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.rank !== 0)
    .sort((p, q) => p.b.rank - q.b.rank || q.b.bottom - p.b.bottom || p.b.left - q.b.left || p.i - q.i)
  for (const { b, i } of movable) {
    // Each lift clears one tag and only ever goes up, so this ends within as many rounds as there are placed tags.
    for (let round = 0; round <= placed.length; round++) {
      const j = placed.find((k) => meets(b, lift[i]!, boxes[k]!, lift[k]!))
      if (j === undefined) break
      lift[i] = b.bottom - (boxes[j]!.top - lift[j]!) + TAG_GAP_PX
    }
    placed.push(i)
  }
  return lift
}
