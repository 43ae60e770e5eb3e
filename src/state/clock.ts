/**
 * The clock driver: turns real time into simulation steps, outside React's render loop.
 * It runs on a timer (not per animation frame), so the world changes per tick batch and
 * React re-renders at most ~10 times a second.
 */
import { useGame } from './game'

const INTERVAL_MS = 100

export function startClock(): () => void {
  let last = performance.now()
  const id = setInterval(() => {
    const now = performance.now()
    useGame.getState().advance(now - last)
    last = now
  }, INTERVAL_MS)
  return () => clearInterval(id)
}
