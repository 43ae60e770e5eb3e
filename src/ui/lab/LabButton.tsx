/** The top-bar button that opens the lab; it also keeps the lab's readings following the game. */
import { useEffect } from 'react'
import { useGame } from '../../state'
import { useHud } from '../uiStore'
import { currentLabSides, followGame } from './labStore'
import { useT } from '../i18n'

export function LabButton() {
  const panel = useHud((s) => s.panel)
  const level = useGame((s) => s.level)
  const lab = useGame((s) => s.lab)
  const t = useT()
  useEffect(() => followGame(), [])
  // A lab street (from the menu or ?lab=N) opens with the lab panel. The HUD closes panels when it
  // mounts (its effect runs after ours), so open it on the next task.
  useEffect(() => {
    if (!lab) return
    const t = setTimeout(() => useHud.getState().open('lab'), 0)
    return () => clearTimeout(t)
  }, [lab])
  // In a level the lab exists only where the level measures one; the sandbox always offers it.
  if (level && !currentLabSides()) return null
  return (
    <button
      type="button"
      data-testid="btn-lab"
      aria-pressed={panel === 'lab'}
      onClick={() => useHud.getState().toggle('lab')}
      title={t('lab.buttonTitle')}
    >
      <span aria-hidden="true">⚗ </span>
      {t('lab.button')}
    </button>
  )
}
