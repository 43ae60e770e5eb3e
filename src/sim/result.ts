/**
 * How a command answers: done (with the id of what it made), or refused with a reason in both
 * vocabularies. Every command imports this module; it imports nothing back (only the type of a
 * message), so the dependency graph stays a star.
 */
import type { Message } from './messages/message'

/** Both vocabularies of one reason. */
export interface Reason {
  metaphor: string
  technical: string
}

/** A refusal made from the message catalogue also carries its message (id and values), as the event log stores them. */
export type Result = { ok: true; id?: string } | ({ ok: false; message?: Message } & Reason)

export const ok = (id?: string): Result => (id === undefined ? { ok: true } : { ok: true, id })

/** A refusal; the technical words default to the metaphor's when they would be the same. */
export const fail = (metaphor: string, technical: string = metaphor): Result => ({ ok: false, metaphor, technical })
