/**
 * The caption line: the newest event of the street in words, for a few seconds, over the bottom of
 * the scene. It stays in focus mode, and it is the live region that tells screen readers.
 */
import { useEffect, useRef, useState } from 'react'
import { eventText, formatTime } from '../sim'
import { useUi, useWorld } from '../state'
import { useLang, useT } from './i18n'

const SHOW_MS = 6000
const LEVEL_MARK = { info: 'ℹ', warn: '⚠', error: '✖' } as const

export function Caption() {
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const t = useT()
  const world = useWorld()
  const events = world.events
  const last = events[events.length - 1]
  const [gone, setGone] = useState<number | null>(null)
  // What the street already said before the player arrived (houses built) is not news.
  const first = useRef({ world, seq: last?.seq ?? -1 })
  if (first.current.world !== world && world.timeMs === 0) first.current = { world, seq: last?.seq ?? -1 }
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
          <time>{formatTime(last.atMs)}</time> {eventText(last, vocab, lang)}
        </>
      )}
    </p>
  )
}
