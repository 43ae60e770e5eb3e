/**
 * The lab's live readings: measureLab on the running world after every batch of ticks, with the
 * first all-running figures kept (latchLab) and the race of "running" counts over time for the
 * chart. Lives outside the panel so closing and reopening it loses nothing.
 */
import { create } from 'zustand'
import { labSidesOf } from '../../levels'
import { latchLab, measureLab } from '../../sim'
import type { LabMeasure, LabSides, World } from '../../sim'
import { useGame } from '../../state'

export interface RacePoint {
  t: number
  vm: number
  c: number
}

export interface LabView {
  sides: LabSides | null
  measure: LabMeasure | null
  /** When the lab's first room was asked for (world ms): startup is measured from here. */
  t0: number | null
  series: RacePoint[]
  world: World | null
}

export const useLab = create<LabView>()(() => ({ sides: null, measure: null, t0: null, series: [], world: null }))

const MAX_POINTS = 2_000

/** The lab sides of what is running now: the sandbox lab's, or the level's lab objectives'. */
export function currentLabSides(): LabSides | null {
  const g = useGame.getState()
  return g.lab?.sides ?? (g.level ? labSidesOf(g.level) : null)
}

export function sampleLab(): void {
  const g = useGame.getState()
  const sides = currentLabSides()
  const cur = useLab.getState()
  if (!sides) {
    if (cur.sides || cur.measure) useLab.setState({ sides: null, measure: null, t0: null, series: [], world: null })
    return
  }
  const fresh = cur.world !== g.world || cur.sides !== sides
  const raw = measureLab(g.world, sides, fresh ? 0 : (cur.t0 ?? 0))
  const asked = raw.vm.rooms + raw.container.rooms > 0
  let t0 = fresh ? null : cur.t0
  // A sandbox lab street starts at world time 0 with its rooms already asked for (its first batch of
  // ticks may come before the first sample); a level's lab starts when its Run button asks.
  if (t0 === null && asked) t0 = fresh && g.lab ? 0 : g.world.timeMs
  // Re-measure from the lab's own start when it began after the world did (a level's Run button).
  const now = t0 ? measureLab(g.world, sides, t0) : raw
  const measure = latchLab(fresh ? null : cur.measure, now)
  let series = fresh ? [] : cur.series
  const last = series[series.length - 1]
  if (t0 !== null && (!last || last.vm !== now.vm.running || last.c !== now.container.running) && series.length < MAX_POINTS) {
    series = [...series, { t: g.world.timeMs - t0, vm: now.vm.running, c: now.container.running }]
  }
  useLab.setState({ sides, measure, t0, series, world: g.world })
}

/** Follow the game: sample whenever the world changes. Returns the unsubscribe function. */
export function followGame(): () => void {
  sampleLab()
  return useGame.subscribe((s, p) => {
    if (s.version !== p.version || s.world !== p.world || s.level !== p.level || s.lab !== p.lab) sampleLab()
  })
}
