import { EVENT_LOG_LIMIT } from './constants'
import type { EventLevel, World } from './types'

/** Record one event in both vocabularies. Keeps only the newest EVENT_LOG_LIMIT. */
export function logEvent(world: World, level: EventLevel, metaphor: string, technical: string, subjects: string[] = []): void {
  world.eventSeq += 1
  world.events.push({ seq: world.eventSeq, atMs: world.timeMs, level, metaphor, technical, subjects })
  // Trim in batches so a burst of thousands of events stays linear.
  if (world.events.length > EVENT_LOG_LIMIT * 2) world.events.splice(0, world.events.length - EVENT_LOG_LIMIT)
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
