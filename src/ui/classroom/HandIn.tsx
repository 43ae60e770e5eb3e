/**
 * The student's side of a hand-in: at the end of a level, type a name and get a code (or a small
 * file) with the level, the seed, the command log and the result, for the teacher's page to check.
 */
import { useState } from 'react'
import { makeHandIn, objectiveStatuses } from '../../levels'
import { encodeHandIn } from '../../io/handinCode'
import { useGame } from '../../state'
import './handin.css'
import { useT } from '../i18n'

export function HandIn() {
  const [name, setName] = useState('')
  const [code, setCode] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const t = useT()
  const who = name.trim() || t('hand.noName')
  const make = async () => {
    const { level, world, progress, commandLog } = useGame.getState()
    if (!level || progress.outcome === 'playing') return
    const met = objectiveStatuses(level, world, progress)
      .filter((s) => s.done)
      .map((s) => s.objective.id)
    const claim = { outcome: progress.outcome, stars: progress.stars, met }
    setCode(await encodeHandIn(makeHandIn(level, world.seed, name, commandLog, claim)))
    setCopied(false)
  }
  const save = () => {
    if (!code) return
    const level = useGame.getState().level
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([code + '\n'], { type: 'text/plain' }))
    a.download = `hand-in-${level?.id ?? 'level'}-${name.trim().replace(/[^A-Za-z0-9-]+/g, '-') || 'student'}.txt`
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }
  // Compact, so the outcome dialog with a code in it still fits a 1280×800 screen: one row to ask for
  // the code, then one row to take it (the name row folds away; "another name" brings it back).
  return (
    <section className="handin" aria-label={t('hand.label')} data-testid="handin">
      {!code ? (
        <div className="handin-row">
          <label>
            <strong>{t('hand.title')}</strong>
            {t('hand.name')}{' '}
            <input
              data-testid="handin-name"
              value={name}
              maxLength={80}
              size={18}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('hand.placeholder')}
            />
          </label>
          <button type="button" data-testid="handin-make" onClick={() => void make()}>
            {t('hand.make')}
          </button>
        </div>
      ) : (
        <>
          <div className="handin-row handin-take">
            <textarea
              className="handin-code"
              data-testid="handin-code"
              aria-label={t('hand.codeFor', { name: who })}
              readOnly
              value={code}
              rows={2}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              data-testid="handin-copy"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(code)
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              }
            >
              {copied ? t('hand.copied') : t('hand.copy')}
            </button>
            <button type="button" data-testid="handin-save" onClick={save}>
              {t('hand.save')}
            </button>
          </div>
          <small className="muted">
            {t('hand.give', { name: who })}{' '}
            <button type="button" className="link" data-testid="handin-again" onClick={() => setCode(null)}>
              {t('hand.again')}
            </button>
          </small>
        </>
      )}
    </section>
  )
}
