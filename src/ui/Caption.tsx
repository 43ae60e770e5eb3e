/**
 * The caption line: the newest event of the street in words, for a few seconds, over the bottom of
 * the scene. It stays in focus mode, and it is the live region that tells screen readers.
 */
import { useEffect, useRef, useState } from 'react'
import { eventText, formatTime } from '../sim'
import { useGame, useUi, useWorld } from '../state'
import { useLang, useT } from './i18n'
import { byTeacher } from './teacherEvents'

const SHOW_MS = 6000
const LEVEL_MARK = { info: 'ℹ', warn: '⚠', error: '✖' } as const

/**
 * `teacherOnly`: only what the teacher's incidents raised (a lesson, where the step's own caption
 * says the rest).
 */
export function Caption({ teacherOnly = false }: { teacherOnly?: boolean }) {
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const t = useT()
  const world = useWorld()
  const events = world.events
  const log = useGame((s) => s.commandLog)
  const zoneOf = (id: string) => world.hosts[id]?.zone
  const newest = events[events.length - 1]
  const teacher = newest ? byTeacher(newest, log, zoneOf) : false
  const last = teacherOnly && !teacher ? undefined : newest
  const [gone, setGone] = useState<number | null>(null)
  // What the street already said before the player arrived (houses built) is not news.
  // (In a lesson each step is a world of its own, at any time: what it already said is not news either, unless the teacher did it.)
  const first = useRef({ world, seq: newest?.seq ?? -1 })
  if (first.current.world !== world && (world.timeMs === 0 || (teacherOnly && !teacher))) first.current = { world, seq: newest?.seq ?? -1 }
  useEffect(() => {
    if (!last) return
    const t = setTimeout(() => setGone(last.seq), SHOW_MS)
    return () => clearTimeout(t)
  }, [last])
  const show = last && gone !== last.seq && last.seq > first.current.seq
  return (
    <p className={`caption${show ? ' shown' : ''}`} data-testid="caption" role="status" aria-live="polite">
      {show && (
        <>
          <span className="mark" aria-label={t(`level.${last.level}`)}>
            {LEVEL_MARK[last.level]}
          </span>{' '}
          <time>{formatTime(last.atMs)}</time>{' '}
          {teacher ? t('caption.teacher', { text: eventText(last, vocab, lang) }) : eventText(last, vocab, lang)}
        </>
      )}
    </p>
  )
}
