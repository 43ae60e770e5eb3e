/** The title menu: Campaign, Sandbox, the VM-vs-container lab, and Classroom (guided lessons). */
import { useGame, useProgress } from '../state'
import { useHud } from './uiStore'
import { useT } from './i18n'
import { LangSelect } from './i18n/LangSelect'

export function ProgressWarning() {
  const warning = useProgress((s) => s.warning)
  if (!warning) return null
  return (
    <p className="warning" role="alert" data-testid="progress-warning">
      <span aria-hidden="true">⚠ </span>
      {warning}
    </p>
  )
}

export function Menu() {
  const t = useT()
  return (
    <main className="screen menu">
      <div className="title-block">
        <p className="tagline">{t('menu.tagline')}</p>
        <h1 className="game-title">
          <span aria-hidden="true" className="roof">
            ⌂{' '}
          </span>
          House of Pods
        </h1>
        <p className="lede">{t('menu.lede')}</p>
      </div>
      <ProgressWarning />
      <nav className="menu-buttons" aria-label={t('menu.modes')}>
        <button
          type="button"
          className="big primary"
          data-testid="mode-campaign"
          autoFocus
          onClick={() => useHud.getState().setScreen('levels')}
        >
          <span aria-hidden="true">★ </span>
          {t('menu.campaign')}
          <small>{t('menu.campaignSub')}</small>
        </button>
        <button type="button" className="big" data-testid="mode-sandbox" onClick={() => useGame.getState().startSandbox()}>
          <span aria-hidden="true">⚒ </span>
          {t('menu.sandbox')}
          <small>{t('menu.sandboxSub')}</small>
        </button>
        <button type="button" className="big" data-testid="mode-lab" onClick={() => useGame.getState().startLab(0)}>
          <span aria-hidden="true">⚗ </span>
          {t('menu.lab')}
          <small>{t('menu.labSub')}</small>
        </button>
        <button type="button" className="big" data-testid="mode-classroom" onClick={() => useHud.getState().setScreen('classroom')}>
          <span aria-hidden="true">✎ </span>
          {t('menu.classroom')}
          <small>{t('menu.classroomSub')}</small>
        </button>
      </nav>
      <p className="muted footnote">{t('menu.footnote')}</p>
      <LangSelect />
    </main>
  )
}
