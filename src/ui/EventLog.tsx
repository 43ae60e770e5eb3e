/** The event log: newest first, the last 50 lines, in the current vocabulary. */
import { formatTime, eventText } from '../sim'
import { useGame, useUi, useWorld } from '../state'
import { useLang, useT } from './i18n'

const LEVEL_MARK = { info: 'ℹ', warn: '⚠', error: '✖' } as const

export function EventLog() {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const t = useT()
  const events = world.events.slice(-50).reverse()
  return (
    <section className="panel event-log" aria-label={t('log.label')}>
      <h2>{t('log.title')}</h2>
      <ol data-testid="event-log">
        {events.map((e) => (
          <li key={e.seq} className={`ev ev-${e.level}`}>
            <span className="mark" aria-label={t(`level.${e.level}`)}>
              {LEVEL_MARK[e.level]}
            </span>{' '}
            <time>{formatTime(e.atMs)}</time> {eventText(e, vocab, lang)}
          </li>
        ))}
        {events.length === 0 && <li className="muted">{t('log.empty')}</li>}
      </ol>
    </section>
  )
}
