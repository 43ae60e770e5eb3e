import { useGame, useUi } from '../state'
import { useHud } from './uiStore'

/** Leave the game for the title menu, closing any panel and clearing the selection. */
export function backToMenu(): void {
  useHud.setState({ panel: null, screen: 'title', appId: null })
  useUi.getState().select(null)
  useGame.getState().toMenu()
}

/** How many events the street had when the level opened: more means the player has acted. */
const openedWith = new WeakMap<object, number>()
export function markLevelOpened(): void {
  const w = useGame.getState().world
  openedWith.set(w, w.events.length)
}

/** Mid-level (the clock has run or the player has built), leaving asks first; otherwise it just leaves. */
export function askToLeave(): void {
  const g = useGame.getState()
  const w = g.world
  const acted = w.timeMs > 0 || w.events.length > (openedWith.get(w) ?? w.events.length)
  if (g.level && g.progress.outcome === 'playing' && acted) useHud.getState().open('leave')
  else backToMenu()
}
