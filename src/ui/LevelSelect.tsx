/** Campaign level select: cards in order, stars, locks that say why, broken files named. */
import { useMemo, useState } from 'react'
import type { ChangeEvent } from 'react'
import { parseLevel } from '../levels'
import { bundledLevels } from '../levels/bundled'
import type { LevelLoad } from '../levels'
import { useGame, useProgress, useSettings } from '../state'
import { levelCards } from './levelList'
import type { CardInfo } from './levelList'
import { starsText } from './format'
import { ProgressWarning } from './Menu'
import { useHud } from './uiStore'
import { useLang, useT } from './i18n'
import { levelIn } from './i18n/content'
import type { Lang } from '../sim'

let bundled: LevelLoad[] | null = null
/** The bundled levels, parsed once. */
export function campaignLevels(): LevelLoad[] {
  if (!bundled) bundled = bundledLevels()
  return bundled
}

/** A lock's reason in another language: "Finish “<title>” to unlock." with the title in that language too. */
function whyIn(why: string, lang: Lang): string {
  const m = /^Finish “(.*)” to unlock\.$/.exec(why)
  if (!m) return why === 'This file could not be read.' && lang === 'es' ? 'No se pudo leer este archivo.' : why
  const before = campaignLevels().find((l) => l.ok && l.level.title === m[1])
  const title = before?.ok ? levelIn(before.level, lang).title : m[1]
  return lang === 'es' ? `Termina «${title}» para desbloquearlo.` : why
}

function ErrorCard({ file, error }: { file: string; error: string }) {
  const t = useT()
  return (
    <li className="level-card broken" role="alert" data-testid="level-error">
      <p className="chapter">
        <span aria-hidden="true">⚠ </span>
        {t('levels.broken', { file })}
      </p>
      <p className="error-text">{error}</p>
      <p className="muted">{t('levels.othersPlay')}</p>
    </li>
  )
}

function Card({ info, focus, number }: { info: CardInfo; focus: boolean; number: number }) {
  const t = useT()
  const lang = useLang()
  if (!info.load.ok) return <ErrorCard file={info.load.file} error={info.load.error} />
  const level = levelIn(info.load.level, lang)
  const stars = starsText(info.stars)
  const starsSaid = t('stars.of', { n: Math.max(0, Math.min(3, Math.round(info.stars))) })
  const why = info.locked && lang !== 'en' ? whyIn(info.why, lang) : info.why
  const lockedWhy = info.locked ? `. ${why}` : ''
  return (
    <li className={`level-card${info.locked ? ' locked' : ''}`}>
      <p className="chapter">
        <span className="level-number" data-testid={`level-number-${level.id}`}>
          {t('levels.number', { n: number })}
        </span>{' '}
        · {level.chapter.replace(/^(\d+)\.\s*/, (_, n: string) => t('levels.chapter', { n }))}
      </p>
      <h2>{level.title}</h2>
      <p className="stars" aria-label={starsSaid}>
        <span aria-hidden="true">{stars.marks}</span> <span className="stars-text">{starsSaid}</span>
      </p>
      <p className="lock-line">
        {info.locked ? (
          <>
            <span aria-hidden="true">■ </span>
            {t('levels.locked')} {why}
          </>
        ) : info.completed ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('levels.completed')}
          </>
        ) : (
          <>
            <span aria-hidden="true">▶ </span>
            {t('levels.ready')}
          </>
        )}
      </p>
      <button
        type="button"
        className="primary"
        data-testid={`level-card-${level.id}`}
        data-locked={info.locked}
        data-stars={info.stars}
        disabled={info.locked}
        autoFocus={focus}
        aria-label={`${t(info.locked ? 'levels.ariaLocked' : 'levels.ariaPlay')}${level.title}, ${starsSaid}${lockedWhy}`}
        onClick={() => useGame.getState().startLevel(info.load.ok ? info.load.level : level)}
      >
        {t(info.locked ? 'levels.lockedButton' : info.completed ? 'levels.playAgain' : 'levels.play')}
      </button>
    </li>
  )
}

/** A card's number in play order: its place among the playable levels, whatever its file or chapter says. */
function playOrder(cards: CardInfo[], card: CardInfo): number {
  return cards.filter((c) => c.load.ok).indexOf(card) + 1
}

export function LevelSelect() {
  const records = useProgress((s) => s.levels)
  const [opened, setOpened] = useState<LevelLoad[]>([])
  const levelIds = useSettings((s) => s.levelIds)
  const t = useT()
  const allUnlocked = useSettings((s) => s.allUnlocked)
  const cards = useMemo(() => levelCards(campaignLevels(), records, { levelIds, allUnlocked }), [records, levelIds, allUnlocked])
  // Keyboard players land on the next level to play.
  const focusFile = (cards.find((c) => c.load.ok && !c.locked && !c.completed) ?? cards.find((c) => c.load.ok))?.load.file

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    const load = parseLevel(file.name, await file.text())
    if (load.ok) useGame.getState().startLevel(load.level)
    else setOpened((o) => [...o.filter((x) => x.file !== load.file), load])
  }

  return (
    <main className="screen levels">
      <header className="screen-head">
        <button type="button" data-testid="btn-menu" onClick={() => useHud.getState().setScreen('title')}>
          {t('levels.back')}
        </button>
        <h1>{t('levels.title')}</h1>
      </header>
      <ProgressWarning />
      <ol className="level-grid" aria-label={t('levels.list')}>
        {cards.map((c) => (
          <Card key={c.load.file} info={c} focus={c.load.file === focusFile} number={playOrder(cards, c)} />
        ))}
        {opened.map((l) => (!l.ok ? <ErrorCard key={l.file} file={l.file} error={l.error} /> : null))}
      </ol>
      <div className="open-file">
        <label className="button-like">
          <span aria-hidden="true">⇪ </span>
          {t('levels.open')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="level-file-input"
            className="visually-hidden-file"
            onChange={onFile}
          />
        </label>
        <span className="muted">{t('levels.openNote')}</span>
      </div>
    </main>
  )
}
