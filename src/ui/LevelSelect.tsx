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

let bundled: LevelLoad[] | null = null
/** The bundled levels, parsed once. */
export function campaignLevels(): LevelLoad[] {
  if (!bundled) bundled = bundledLevels()
  return bundled
}

function ErrorCard({ file, error }: { file: string; error: string }) {
  return (
    <li className="level-card broken" role="alert" data-testid="level-error">
      <p className="chapter">
        <span aria-hidden="true">⚠ </span>Broken level file: {file}
      </p>
      <p className="error-text">{error}</p>
      <p className="muted">The other levels still play.</p>
    </li>
  )
}

function Card({ info, focus, number }: { info: CardInfo; focus: boolean; number: number }) {
  if (!info.load.ok) return <ErrorCard file={info.load.file} error={info.load.error} />
  const level = info.load.level
  const stars = starsText(info.stars)
  return (
    <li className={`level-card${info.locked ? ' locked' : ''}`}>
      <p className="chapter">
        <span className="level-number" data-testid={`level-number-${level.id}`}>
          Level {number}
        </span>{' '}
        · {level.chapter.replace(/^(\d+)\.\s*/, 'Chapter $1: ')}
      </p>
      <h2>{level.title}</h2>
      <p className="stars" aria-label={stars.text}>
        <span aria-hidden="true">{stars.marks}</span> <span className="stars-text">{stars.text}</span>
      </p>
      <p className="lock-line">
        {info.locked ? (
          <>
            <span aria-hidden="true">■ </span>Locked. {info.why}
          </>
        ) : info.completed ? (
          <>
            <span aria-hidden="true">✓ </span>Completed
          </>
        ) : (
          <>
            <span aria-hidden="true">▶ </span>Ready to play
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
        aria-label={`${info.locked ? 'Locked: ' : 'Play '}${level.title}, ${stars.text}${info.locked ? `. ${info.why}` : ''}`}
        onClick={() => useGame.getState().startLevel(level)}
      >
        {info.locked ? 'Locked' : info.completed ? 'Play again' : 'Play'}
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
          ← Back to menu
        </button>
        <h1>Campaign</h1>
      </header>
      <ProgressWarning />
      <ol className="level-grid" aria-label="Levels">
        {cards.map((c) => (
          <Card key={c.load.file} info={c} focus={c.load.file === focusFile} number={playOrder(cards, c)} />
        ))}
        {opened.map((l) => (!l.ok ? <ErrorCard key={l.file} file={l.file} error={l.error} /> : null))}
      </ol>
      <div className="open-file">
        <label className="button-like">
          <span aria-hidden="true">⇪ </span>Open a level file…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="level-file-input"
            className="visually-hidden-file"
            onChange={onFile}
          />
        </label>
        <span className="muted"> A level is a JSON file; a broken one is named here with the field that is wrong.</span>
      </div>
    </main>
  )
}
