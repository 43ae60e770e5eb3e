import { describe, expect, test } from 'vitest'
import { createWorld } from '../../src/sim'
import type { World } from '../../src/sim'
import { layoutWorld } from '../../src/scene/layout'
import { tagsOf } from '../../src/scene/EventMarks'
import { must, stepUntil } from './helpers'

/** One house with two running Linux apartments. */
function houseWithApartments(): { w: World; host: string; vms: string[] } {
  const w = createWorld(5)
  const host = must(w, { type: 'addHost', name: '1', cores: 16, memMiB: 32768, costPerHour: 1 })!
  const vms = [0, 1].map((i) => must(w, { type: 'addVm', hostId: host, os: 'linux', vcpus: 2, memMiB: 2048, name: `apt-${i}` })!)
  stepUntil(w, (x) => vms.every((v) => x.vms[v]!.state === 'running'))
  return { w, host, vms }
}

const texts = (w: World) => tagsOf(w, layoutWorld(w), 'technical').map((t) => t.text)

describe('the tags over the street', () => {
  test('a house fire darkens its apartments without calling it a guest kernel panic', () => {
    const { w, host } = houseWithApartments()
    must(w, { type: 'failHost', hostId: host })
    const t = texts(w)
    expect(t.some((x) => /kernel panic/.test(x))).toBe(false)
    expect(t.filter((x) => /down with its host/.test(x))).toHaveLength(2)
  })

  test("a guest kernel panic is named on that apartment only; the other apartment's floor stays as it was", () => {
    const { w, vms } = houseWithApartments()
    must(w, { type: 'crashVm', vmId: vms[0]! })
    const t = texts(w)
    expect(t.filter((x) => /guest kernel panic/.test(x))).toHaveLength(1)
    expect(t.some((x) => /down with its host/.test(x))).toBe(false)
  })
})

describe('the camera frames what stands on the street', () => {
  test("without the manager's office the street's bounds start at the first house, not at the empty yard", () => {
    const { w } = houseWithApartments()
    const withOffice = layoutWorld(w).bounds
    const without = layoutWorld(w, { office: false }).bounds
    expect(without.minX).toBeGreaterThan(withOffice.minX)
    const l = layoutWorld(w, { office: false })
    expect(without.minX).toBeLessThanOrEqual(l.houses.x[0]! - l.houses.w[0]! / 2)
  })
})
