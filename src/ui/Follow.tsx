/**
 * Follow events: a toggle in the top bar (and the G key) for the camera that frames each notable
 * event when it happens behind a panel or off screen. On by default in levels, off in the sandbox;
 * each mode keeps its own setting (remembered across reloads, see hudPrefs.ts).
 */
import { useGame, useUi } from '../state'
import { followsEvents } from '../state/ui'
import { tNow, useT } from './i18n'

export function toggleFollow(): void {
  const mode = useGame.getState().mode
  if (mode !== 'level' && mode !== 'sandbox') return
  const ui = useUi.getState()
  const on = !ui.follow[mode]
  ui.setFollow(mode, on)
  ui.notify('info', tNow(on ? 'follow.on' : 'follow.off'))
}

export function FollowButton() {
  const mode = useGame((s) => s.mode)
  const on = useUi((s) => followsEvents(s.follow, mode))
  const t = useT()
  if (mode !== 'level' && mode !== 'sandbox') return null
  return (
    <button
      type="button"
      data-testid="btn-follow"
      aria-pressed={on}
      aria-keyshortcuts="G"
      onClick={toggleFollow}
      title={t('follow.title')}
      aria-label={t('follow.label')}
    >
      {/* Compact (the top bar must not wrap at 1280 px): the mark, the words for screen readers and the tooltip. */}
      <span aria-hidden="true">◎</span>
    </button>
  )
}
