import { useGame, useUi } from '../state'
import { useHud } from './uiStore'

/** Leave the game for the title menu, closing any panel and clearing the selection. */
export function backToMenu(): void {
  useHud.setState({ panel: null, screen: 'title', appId: null })
  useUi.getState().select(null)
  useGame.getState().toMenu()
}
