/**
 * How a command answers: done (with the id of what it made), or refused with a reason in both
 * vocabularies. Every command imports this module; it imports nothing back (only the vocabulary
 * of kinds), so the dependency graph stays a star.
 */

/** Both vocabularies of one reason. */
export interface Reason {
  metaphor: string
  technical: string
}

export type Result = { ok: true; id?: string } | ({ ok: false } & Reason)

export const ok = (id?: string): Result => (id === undefined ? { ok: true } : { ok: true, id })

/** A refusal; the technical words default to the metaphor's when they would be the same. */
export const fail = (metaphor: string, technical: string = metaphor): Result => ({ ok: false, metaphor, technical })

/** What a command can look for and not find, in both vocabularies. */
const MISSING = {
  host: { metaphor: 'house', technical: (id: string) => `host ${id} not found` },
  vm: { metaphor: 'apartment', technical: (id: string) => `VM ${id} not found` },
  node: { metaphor: 'house or apartment', technical: (id: string) => (id ? `node ${id} not found` : 'node not found') },
  place: { metaphor: 'place', technical: () => 'target not found' },
  container: { metaphor: 'room', technical: (id: string) => `container ${id} not found` },
  app: { metaphor: 'app', technical: (id: string) => `deployment ${id} not found` },
  image: { metaphor: 'furniture kit', technical: (id: string) => `image ${id} not found` },
} as const

export type MissingKind = keyof typeof MISSING

/** "No such house." / "host h9 not found": written once, for every command. */
export const notFound = (kind: MissingKind, id = ''): Result => fail(`No such ${MISSING[kind].metaphor}.`, MISSING[kind].technical(id))
