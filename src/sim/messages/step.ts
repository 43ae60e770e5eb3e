/** What the level's scripted events says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const stepMessages = {
  'step.scheduledSkipped': entry<'resultMetaphor' | 'type' | 'resultTechnical'>(
    (p) => `A planned event did not happen: ${p.resultMetaphor}`,
    (p) => `Scheduled ${p.type} skipped: ${p.resultTechnical}`,
  ),
} satisfies Catalogue
