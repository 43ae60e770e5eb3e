/** The global key handler: maps keys (see keys.ts) to game actions, never while typing. */
import { useEffect } from 'react'
import { SPEEDS, useGame, useTimeline, useUi } from '../state'
import { isTyping, keyAction, listenKeys, spaceBelongsToControl } from './keys'
import type { KeyAction } from './keys'
import { allowed, removeContainer, runContainer, scale, toggleManaged } from './actions'
import { backToMenu } from './navigation'
import { useHud } from './uiStore'
import { requestHome } from '../scene/view'
import { focusOverviewMap } from './OverviewMap'
import { usePresenterPanels } from './classroom/presenterPanels'
import { toggleFollow } from './Follow'

function perform(action: KeyAction): boolean {
  const game = useGame.getState()
  const hud = useHud.getState()
  const over = game.progress.outcome !== 'playing'
  const panels = usePresenterPanels.getState()
  if (over && action !== 'escape' && action !== 'vocab' && action !== 'help' && action !== 'pointer') return false
  if (hud.focus && (action === 'tools' || action === 'street' || action === 'log' || action === 'map')) hud.toggleFocus()
  switch (action) {
    case 'togglePause':
      game.togglePaused()
      return true
    case 'step':
      game.stepOnce()
      return true
    case 'speed1':
    case 'speed2':
    case 'speed4':
    case 'speed8':
      game.setSpeed(SPEEDS[['speed1', 'speed2', 'speed4', 'speed8'].indexOf(action)]!)
      return true
    case 'vocab':
      useUi.getState().toggleVocab()
      return true
    case 'brief':
      if (game.level) hud.toggle('brief')
      return true
    case 'hints':
      if (game.level) hud.toggle('hints')
      return true
    case 'help':
      hud.toggle('keys')
      return true
    case 'console':
      hud.toggle('console')
      return true
    case 'workshop':
      if (allowed('buildImage')) hud.toggle('workshop')
      return true
    case 'runContainer':
      if (allowed('runContainer')) runContainer()
      return true
    case 'removeContainer':
      if (allowed('removeContainer')) removeContainer()
      return true
    case 'managed':
      if (allowed('setManaged')) toggleManaged()
      return true
    case 'scaleUp':
    case 'scaleDown':
      if (allowed('setReplicas')) scale(action === 'scaleUp' ? 1 : -1)
      return true
    case 'focus':
      hud.toggleFocus()
      return true
    case 'home':
      requestHome()
      return true
    case 'follow':
      toggleFollow()
      return true
    case 'tools':
    case 'log':
      hud.toggleDrawer(action)
      return true
    case 'street':
      focusStreetList()
      return true
    case 'map':
      focusOverviewMap()
      return true
    case 'find':
      hud.toggle('find')
      return true
    case 'timeline':
      panels.toggle('timeline')
      return true
    case 'tickBack':
      if (!useTimeline.getState().enabled) return false
      panels.show('timeline', true)
      // The timeline notes whether the clock ran (Live starts it again), then shows the moment paused.
      useTimeline.getState().stepBack()
      game.setPaused(true)
      return true
    case 'replayLast':
      if (!useTimeline.getState().enabled) return false
      panels.show('timeline', true)
      useTimeline.getState().replayLast()
      return true
    case 'incidents':
      panels.toggle('remote')
      return true
    case 'pointer':
      panels.toggle('pointer')
      return true
    case 'escape':
      if (hud.panel) hud.open(null)
      else if (hud.focus) hud.toggleFocus()
      else if (!over && useUi.getState().selection) useUi.getState().select(null)
      // Leaving throws the street away: a reflexive extra Esc must not do it (the ← Menu button
      // does). Once the level is over, Esc from the outcome dialog goes back to the menu.
      else if (over) backToMenu()
      return true
  }
}

/** Open the street drawer and put the keyboard on the selected row (or the first). */
function focusStreetList(): void {
  useHud.getState().openDrawer('street')
  requestAnimationFrame(() => {
    const tree = document.querySelector<HTMLElement>('[data-testid="street-tree"]')
    const row =
      tree?.querySelector<HTMLElement>('button.tree-row[aria-selected="true"]') ?? tree?.querySelector<HTMLElement>('button.tree-row')
    row?.focus()
  })
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return
      if (e.key === ' ' && spaceBelongsToControl(e.target)) return
      const action = keyAction(e)
      if (!action) return
      // Space plays and pauses even when a button has focus; Enter still presses buttons.
      if (perform(action)) e.preventDefault()
    }
    return listenKeys(onKey)
  }, [])
}
