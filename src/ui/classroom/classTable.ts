/** The class table of checked hand-ins: most-missed objectives and the CSV export. Pure, so it is tested. */
import type { Verdict } from '../../levels'
import type { Vocabulary } from '../../sim'

export interface Row {
  /** Where it came from: "pasted #3" or a file name. */
  source: string
  verdict: Verdict | null
}

const STATUS_TEXT = { verified: 'verified', 'not-verified': 'not verified', invalid: 'not checked' } as const

export function statusText(v: Verdict): string {
  return STATUS_TEXT[v.status]
}

/** Objectives missed in the replays (verified or not: the replay is what happened), most missed first. */
export function mostMissed(rows: readonly Row[], vocab: Vocabulary): { levelId: string; label: string; missed: number; of: number }[] {
  const tally = new Map<string, { levelId: string; label: string; missed: number; of: number }>()
  for (const r of rows) {
    const v = r.verdict
    if (!v || v.status === 'invalid') continue
    for (const o of v.objectives) {
      const key = `${v.levelId}/${o.id}`
      const t = tally.get(key) ?? { levelId: v.levelId, label: o.label[vocab], missed: 0, of: 0 }
      t.of++
      if (!o.done) t.missed++
      tally.set(key, t)
    }
  }
  return [...tally.values()].filter((t) => t.missed > 0).sort((a, b) => b.missed / b.of - a.missed / a.of || b.missed - a.missed)
}

/** A spreadsheet cell: quoted, and never read as a formula (a name like "=HYPERLINK(...)" stays text). */
function cell(value: string | number): string {
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) || s !== String(value) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(rows: readonly Row[], vocab: Vocabulary): string {
  const head = [
    'student',
    'level',
    'status',
    'outcome',
    'stars',
    'objectives met',
    'objectives missed',
    'last command (s)',
    'commands',
    'reason',
    'source',
  ]
  const lines = [head.join(',')]
  for (const r of rows) {
    const v = r.verdict
    if (!v) continue
    if (v.status === 'invalid') {
      lines.push([v.name, v.levelId, statusText(v), '', '', '', '', '', '', v.reason, r.source].map(cell).join(','))
      continue
    }
    const met = v.objectives.filter((o) => o.done).map((o) => o.label[vocab])
    const missed = v.objectives.filter((o) => !o.done).map((o) => o.label[vocab])
    lines.push(
      [
        v.name,
        v.levelId,
        statusText(v),
        v.outcome,
        v.stars,
        met.join('; '),
        missed.join('; '),
        v.lastCommandMs / 1000,
        v.commands,
        v.reason,
        r.source,
      ]
        .map(cell)
        .join(','),
    )
  }
  return lines.join('\r\n') + '\r\n'
}
