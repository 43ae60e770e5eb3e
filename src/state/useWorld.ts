/**
 * The one idiom for reading the world in a component. The simulation mutates the world in place
 * (fast at 150,000 pods) and bumps `version` once per batch of ticks, so a component subscribes to
 * the version and reads the live world: at most ~10 renders a second, never one per frame.
 */
import type { World } from '../sim'
import { useGame } from './game'

/** The live world; the caller re-renders whenever it changes. */
export function useWorld(): World {
  useGame((s) => s.version)
  return useGame((s) => s.world)
}

/** The live world and its version, for components that memoise on the version. */
export function useWorldVersion(): { world: World; version: number } {
  const version = useGame((s) => s.version)
  return { world: useGame((s) => s.world), version }
}
