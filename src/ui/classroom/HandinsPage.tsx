/**
 * Classroom → Collect hand-ins: paste many codes or drop files; each is replayed in a Web Worker
 * (bounded in size, commands and time) and shown in the class table: verified stars, each
 * objective, the most-missed objectives, and a CSV export. No server, no account.
 */
import { useEffect, useRef, useState } from 'react'
import type { DragEvent } from 'react'
import { findCodes } from '../../io/handinCode'
import { parseLevel } from '../../levels'
import { useUi } from '../../state'
import { starsText } from '../format'
import { useHud } from '../uiStore'
import { mostMissed, toCsv } from './classTable'
import type { Row } from './classTable'
import { Verifier } from './verifier'
import './handin.css'
import { useT } from '../i18n'

/** At most this many hand-ins in one go (a class, several times over). */
const MAX_CODES = 500
const MAX_FILE_BYTES = 4 * 1024 * 1024
let rowSeq = 0

export function HandinsPage() {
  const vocab = useUi((s) => s.vocab)
  const t = useT()
  const [text, setText] = useState('')
  const [rows, setRows] = useState<(Row & { key: number; code: string })[]>([])
  /** Level files the teacher opened: a student who played a level from a file hands in a code naming it. */
  const [levelFiles, setLevelFiles] = useState<{ name: string; id: string; text: string }[]>([])
  const levelTexts = useRef<string[]>([])
  const [note, setNote] = useState('')
  const [over, setOver] = useState(false)
  const verifier = useRef<Verifier | null>(null)
  useEffect(() => {
    verifier.current = new Verifier()
    return () => verifier.current?.dispose()
  }, [])

  const verify = (key: number, code: string) =>
    void verifier.current
      ?.check(code, levelTexts.current)
      .then((verdict) => setRows((r) => r.map((row) => (row.key === key ? { ...row, verdict } : row))))

  const check = (items: { source: string; code: string }[]) => {
    const take = items.slice(0, MAX_CODES)
    setNote(
      items.length === 0
        ? 'No hand-in codes found (a code starts with HOP1.).'
        : items.length > MAX_CODES
          ? `Only the first ${MAX_CODES} of ${items.length} codes are checked.`
          : '',
    )
    const keyed = take.map((i) => ({ key: ++rowSeq, source: i.source, code: i.code, verdict: null }))
    setRows((r) => [...r, ...keyed])
    for (const row of keyed) verify(row.key, row.code)
  }

  /** Add level files; the codes that could not find their level are checked again with them. */
  const addLevels = (files: { name: string; text: string }[]) => {
    const added: { name: string; id: string; text: string }[] = []
    const broken: string[] = []
    for (const f of files) {
      const r = parseLevel(f.name, f.text)
      if (r.ok) added.push({ name: f.name, id: r.level.id, text: f.text })
      else broken.push(`${f.name} (${r.error})`)
    }
    if (broken.length) setNote(`Not a level file: ${broken.join('; ')}`)
    if (added.length === 0) return
    levelTexts.current = [...levelTexts.current, ...added.map((a) => a.text)]
    setLevelFiles((l) => [...l, ...added])
    const again = rows.filter((r) => r.verdict?.status === 'invalid' && /^(unknown level|the level ")/.test(r.verdict.reason))
    setRows((rs) => rs.map((r) => (again.some((a) => a.key === r.key) ? { ...r, verdict: null } : r)))
    for (const r of again) verify(r.key, r.code)
  }

  const fromText = () => check(findCodes(text).map((code, i) => ({ source: `pasted #${i + 1}`, code })))

  const fromFiles = async (files: FileList | null) => {
    if (!files) return
    const items: { source: string; code: string }[] = []
    const skipped: string[] = []
    const levels: { name: string; text: string }[] = []
    for (const f of Array.from(files)) {
      if (f.size > MAX_FILE_BYTES) {
        skipped.push(f.name)
        continue
      }
      const text = await f.text()
      // A level file (JSON) sits beside the codes: the levels students played from a file.
      if (/\.json$/i.test(f.name) || text.trimStart().startsWith('{')) levels.push({ name: f.name, text })
      else for (const code of findCodes(text)) items.push({ source: f.name, code })
    }
    if (levels.length) addLevels(levels)
    if (items.length || levels.length === 0) check(items)
    if (skipped.length) setNote((n) => `${n} Skipped (over 4 MiB): ${skipped.join(', ')}.`.trim())
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void fromFiles(e.dataTransfer.files)
  }

  const exportCsv = () => {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([toCsv(rows, vocab)], { type: 'text/csv' }))
    a.download = 'hand-ins.csv'
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }

  const done = rows.filter((r) => r.verdict)
  const count = (s: string) => done.filter((r) => r.verdict!.status === s).length
  const missed = mostMissed(rows, vocab).slice(0, 5)

  return (
    <main className="screen handins" data-testid="handins-page">
      <header className="cls-list-head">
        <button type="button" data-testid="handins-back" onClick={() => useHud.getState().setScreen('classroom')}>
          {t('hi.back')}
        </button>
        <h1>{t('hi.title')}</h1>
        <p className="lede">{t('hi.lede')}</p>
      </header>
      <label htmlFor="handins-paste">{t('hi.codes')}</label>
      <textarea id="handins-paste" data-testid="handins-paste" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="handin-row">
        <button type="button" className="primary" data-testid="handins-check" onClick={fromText}>
          {t('hi.check')}
        </button>
        <label className="button-like">
          {t('hi.openLevels')}
          <input
            type="file"
            multiple
            accept=".json,application/json"
            data-testid="handins-levels"
            className="visually-hidden-file"
            onChange={(e) => void fromFiles(e.target.files)}
          />
        </label>
        <label className="button-like">
          {t('hi.openFiles')}
          <input
            type="file"
            multiple
            accept=".txt,text/plain"
            data-testid="handins-files"
            className="visually-hidden-file"
            onChange={(e) => void fromFiles(e.target.files)}
          />
        </label>
        <button type="button" data-testid="handins-csv" onClick={exportCsv} disabled={done.length === 0}>
          {t('hi.csv')}
        </button>
        <button type="button" onClick={() => setRows([])} disabled={rows.length === 0}>
          {t('hi.clear')}
        </button>
      </div>
      <div
        className={`handins-drop${over ? ' over' : ''}`}
        data-testid="handins-drop"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {t('hi.drop')}
      </div>
      {levelFiles.length > 0 && (
        <p data-testid="handins-level-files">{t('hi.levelFiles', { list: levelFiles.map((l) => `${l.name} (${l.id})`).join(', ') })}</p>
      )}
      {note && (
        <p className="warning" role="status" data-testid="handins-note">
          {note}
        </p>
      )}
      {rows.length > 0 && (
        <p data-testid="handins-summary" aria-live="polite">
          {t('hi.summary', {
            done: done.length,
            all: rows.length,
            verified: count('verified'),
            notVerified: count('not-verified'),
            invalid: count('invalid'),
          })}
        </p>
      )}
      {missed.length > 0 && (
        <section aria-label={t('hi.missed')} data-testid="handins-missed">
          <h2>{t('hi.missed')}</h2>
          <ol>
            {missed.map((m) => (
              <li key={`${m.levelId}/${m.label}`}>
                {m.label} <small className="muted">({m.levelId})</small>
                {t('hi.missedIn', { missed: m.missed, of: m.of })}
              </li>
            ))}
          </ol>
        </section>
      )}
      {rows.length > 0 && (
        <table data-testid="handins-table">
          <thead>
            <tr>
              <th scope="col">{t('hi.student')}</th>
              <th scope="col">{t('hi.level')}</th>
              <th scope="col">{t('hi.checkCol')}</th>
              <th scope="col">{t('hi.stars')}</th>
              <th scope="col">{t('hi.objectives')}</th>
              <th scope="col">{t('hi.last')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const v = r.verdict
              if (!v)
                return (
                  <tr key={r.key} data-testid={`handin-row-${i}`} data-status="pending">
                    <td colSpan={6}>{t('hi.checking', { source: r.source })}</td>
                  </tr>
                )
              return (
                <tr key={r.key} data-testid={`handin-row-${i}`} data-status={v.status}>
                  <td>
                    {v.name || <em>{t('hi.noName')}</em>} <small className="muted">{r.source}</small>
                  </td>
                  <td>{v.status === 'invalid' ? v.levelId : v.levelTitle}</td>
                  <td className={v.status}>
                    <span aria-hidden="true">{v.status === 'verified' ? '✓ ' : v.status === 'not-verified' ? '✗ ' : '⚠ '}</span>
                    {t(`hi.${v.status}`)}
                    {v.reason && <div className="muted">{v.reason}</div>}
                  </td>
                  <td>{v.status === 'invalid' ? '—' : `${starsText(v.stars).marks} ${v.outcome}`}</td>
                  <td>
                    {v.status === 'invalid' ? (
                      '—'
                    ) : (
                      <ul className="objectives">
                        {v.objectives.map((o) => (
                          <li key={o.id}>
                            <span aria-hidden="true">{o.done ? '✓ ' : '✗ '}</span>
                            <span className="visually-hidden">{t(o.done ? 'hi.met' : 'hi.missedObj')}</span>
                            {o.label[vocab]}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{v.status === 'invalid' ? '—' : t('hi.commands', { s: (v.lastCommandMs / 1000).toFixed(1), n: v.commands })}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </main>
  )
}
