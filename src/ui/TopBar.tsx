/** The bar across the top: menu, level name, clock, money, time controls, labels, help. */
import { useEffect, useRef } from 'react'
import { hourlyCost } from '../sim'
import { useGame, useUi, useWorld } from '../state'
import { clockText, money } from './format'
import { TimeControls } from './TimeControls'
import { useHud } from './uiStore'
import { askToLeave } from './navigation'
import { FollowButton } from './Follow'
import { LabButton } from './lab/LabButton'
import { useT } from './i18n'
import { useLevelText } from './i18n/content'

export function TopBar() {
  const world = useWorld()
  const level = useGame((s) => s.level)
  const vocab = useUi((s) => s.vocab)
  const panel = useHud((s) => s.panel)
  const over = useGame((s) => s.progress.outcome !== 'playing')
  const ref = useRef<HTMLElement>(null)
  const t = useT()
  const levelText = useLevelText(level)
  // The side panels start below the bar, however many rows it wraps to.
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => document.documentElement.style.setProperty('--hud-top', `${el.offsetHeight + 16}px`))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  const perHour = hourlyCost(world)
  const overBudget = level?.budgetPerHour !== undefined && perHour > level.budgetPerHour
  return (
    <header className="top-bar panel" aria-label={t('top.controls')} ref={ref}>
      <button type="button" data-testid={over ? undefined : 'btn-menu'} onClick={askToLeave} title={t('top.menuTitle')}>
        {t('top.menu')}
      </button>
      <div className="level-name" title={level?.chapter}>
        <strong>{levelText ? levelText.title : t('top.sandbox')}</strong>
      </div>
      <div className="readouts" aria-live="off">
        {level ? (
          <span className="readout" data-testid="time-left" title={t('top.timeLeftTitle')}>
            <span aria-hidden="true">◷ </span>
            {t('top.left', { time: clockText(level.durationMs - world.timeMs) })}
          </span>
        ) : (
          <span className="readout" data-testid="time-now">
            <span aria-hidden="true">◷ </span>
            {clockText(world.timeMs)}
          </span>
        )}
        <span className={`readout${overBudget ? ' bad' : ''}`} data-testid="budget" title={t('top.costTitle')}>
          {money(perHour)}/h{level?.budgetPerHour !== undefined && t('top.of', { money: money(level.budgetPerHour) })}
          {overBudget && <strong>{t('top.overBudget')}</strong>}
          <span className="spent">{t('top.spent', { money: money(world.costSpent) })}</span>
        </span>
        {world.delayScale !== 1 && (
          <span className="readout badge" data-testid="classroom-time" title={t('top.classroomTimeTitle')}>
            <span aria-hidden="true">» </span>
            {t('top.classroomTime', { x: +(1 / world.delayScale).toFixed(1) })}
          </span>
        )}
      </div>
      <TimeControls />
      <div className="top-buttons">
        <button
          type="button"
          data-testid="vocab-toggle"
          aria-pressed={vocab === 'technical'}
          aria-keyshortcuts="L"
          onClick={() => useUi.getState().toggleVocab()}
          title={t('top.vocabTitle')}
        >
          {vocab === 'metaphor' ? t('top.vocabHouses') : t('top.vocabServers')}
          <span className="visually-hidden">{t('top.vocabSpoken')}</span>
        </button>
        {level && (
          <>
            <button
              type="button"
              data-testid="btn-brief"
              aria-pressed={panel === 'brief'}
              aria-keyshortcuts="B"
              onClick={() => useHud.getState().toggle('brief')}
            >
              {t('top.brief')}
            </button>
            <button
              type="button"
              data-testid="btn-hints"
              aria-pressed={panel === 'hints'}
              aria-keyshortcuts="H"
              onClick={() => useHud.getState().toggle('hints')}
            >
              {t('top.hints')}
            </button>
          </>
        )}
        <LabButton />
        <button
          type="button"
          data-testid="btn-console"
          aria-pressed={panel === 'console'}
          aria-keyshortcuts="K"
          onClick={() => useHud.getState().toggle('console')}
        >
          kubectl
        </button>
        <button
          type="button"
          data-testid="btn-keys"
          aria-pressed={panel === 'keys'}
          aria-keyshortcuts="?"
          onClick={() => useHud.getState().toggle('keys')}
          title={t('top.keysTitle')}
        >
          {t('top.keys')}
        </button>
        <FollowButton />
        <button
          type="button"
          data-testid="btn-focus"
          aria-pressed={false}
          aria-keyshortcuts="F"
          onClick={() => useHud.getState().toggleFocus()}
          title={t('top.focusTitle')}
        >
          {t('top.focus')}
        </button>
      </div>
    </header>
  )
}

/** Focus mode's only bar: the clock, the time controls and the way back. */
export function FocusBar() {
  const world = useWorld()
  const level = useGame((s) => s.level)
  const t = useT()
  return (
    <header className="focus-bar panel" aria-label={t('top.time')}>
      <span className="readout" data-testid={level ? 'time-left' : 'time-now'}>
        <span aria-hidden="true">◷ </span>
        {level ? t('top.left', { time: clockText(level.durationMs - world.timeMs) }) : clockText(world.timeMs)}
      </span>
      <TimeControls />
      <button
        type="button"
        data-testid="btn-focus"
        aria-pressed={true}
        aria-keyshortcuts="F"
        onClick={() => useHud.getState().toggleFocus()}
        title={t('top.panelsTitle')}
      >
        {t('top.panels')}
      </button>
    </header>
  )
}
