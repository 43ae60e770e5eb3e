/**
 * Lines from before the catalogue: a save made by an older version kept its events as sentences.
 * upgradeWorld wraps each in this entry, so an old save still reads; nothing new is written with it.
 */
import { entry } from './message'
import type { Catalogue } from './message'

export const legacyMessages = {
  'legacy.text': entry<'metaphor' | 'technical'>(
    (p) => String(p.metaphor),
    (p) => String(p.technical),
  ),
} satisfies Catalogue
