import { EVENT_LOG_LIMIT } from './constants'
import type { Lang, Message } from './messages/message'
import { renderMessage } from './messages'
import type { EventLevel, SimEvent, Vocabulary, World } from './types'

/** Record one event (a catalogue message). Keeps only the newest EVENT_LOG_LIMIT. */
export function logEvent(world: World, level: EventLevel, message: Message, subjects: string[] = []): void {
  world.eventSeq += 1
  world.events.push({ seq: world.eventSeq, atMs: world.timeMs, level, id: message.id, params: message.params, subjects })
  // Trim in batches so a burst of thousands of events stays linear.
  if (world.events.length > EVENT_LOG_LIMIT * 2) world.events.splice(0, world.events.length - EVENT_LOG_LIMIT)
}

/** An event's sentence in one vocabulary. */
export function eventText(e: SimEvent, vocab: Vocabulary, lang: Lang = 'en'): string {
  return renderMessage(e, vocab, lang)
}

/** The events of the last EVENT_LOG_LIMIT that concern one object. */
export function eventsAbout(world: World, id: string): World['events'] {
  return world.events.filter((e) => e.subjects.includes(id))
}

/** "1:05" style world time for log lines. */
export function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000)
  const m = Math.floor(s / 60)
  return `${m}:${String(s % 60).padStart(2, '0')}`
}
