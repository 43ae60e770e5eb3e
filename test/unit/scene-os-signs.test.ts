import { expect, test } from 'vitest'
import { apply, createWorld, labPreset, step, STEP_MS } from '../../src/sim'
import { layoutWorld } from '../../src/scene/layout'
import { tagsOf } from '../../src/scene/EventMarks'

test("the lab's ten apartments share one OS sign (×10), booting and running; the ground floor's sign stands above the house's", () => {
  const w = createWorld(1)
  for (const c of labPreset(10)) expect(apply(w, c).ok).toBe(true)
  const signs = () => tagsOf(w, layoutWorld(w), 'metaphor').filter((t) => /Linux/.test(t.text))
  const count = (text: string) => Number(/×(\d+)/.exec(text)?.[1] ?? 1)
  // While they are built and boot: at most one sign per kind (being built, lights coming on), ten apartments told in all.
  let sawBoot = false
  for (let i = 0; i < 900 && Object.values(w.vms).some((v) => v.state !== 'running'); i++) {
    step(w, STEP_MS)
    const now = signs()
    expect(now.length).toBeLessThanOrEqual(2)
    expect(now.reduce((n, t) => n + count(t.text), 0)).toBe(10)
    if (now.some((t) => /×\d+ · lights coming on \d+(–\d+)? %$/.test(t.text))) sawBoot = true
  }
  expect(sawBoot).toBe(true)
  expect(signs().map((t) => t.text)).toEqual(['▤ Linux ×10'])
  // The sign stands at the top of its floor, not at the floor's foot where the house's own sign is.
  const layout = layoutWorld(w)
  const first = layout.vms.ids.indexOf(signs()[0]!.key.slice(2))
  expect(signs()[0]!.y).toBeCloseTo(layout.vms.y[first]! + layout.vms.h[first]!)
})
