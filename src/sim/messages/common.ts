/** Messages every command shares: what it looked for and did not find. */
import { entry } from './message'
import type { Catalogue } from './message'

/** What a command can look for and not find, in both vocabularies. */
export const MISSING = {
  host: { metaphor: 'house', technical: (id: string) => `host ${id} not found` },
  vm: { metaphor: 'apartment', technical: (id: string) => `VM ${id} not found` },
  node: { metaphor: 'house or apartment', technical: (id: string) => (id ? `node ${id} not found` : 'node not found') },
  place: { metaphor: 'place', technical: () => 'target not found' },
  container: { metaphor: 'room', technical: (id: string) => `container ${id} not found` },
  app: { metaphor: 'app', technical: (id: string) => `deployment ${id} not found` },
  image: { metaphor: 'furniture kit', technical: (id: string) => `image ${id} not found` },
} as const

export type MissingKind = keyof typeof MISSING

const missing = (kind: unknown) => MISSING[(kind as MissingKind) in MISSING ? (kind as MissingKind) : 'place']

export const commonMessages = {
  /** "No such house." / "host h9 not found": written once, for every command. */
  'common.notFound': entry<'kind' | 'id'>(
    (p) => `No such ${missing(p.kind).metaphor}.`,
    (p) => missing(p.kind).technical(String(p.id)),
  ),
} satisfies Catalogue
