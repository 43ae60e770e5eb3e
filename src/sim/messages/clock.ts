/** What clock says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const clockMessages = {
  'clock.refused.delayscaleMustBeIn': entry<never>(
    (p) => `Classroom time must be between 0 and 1 × real time.`,
    (p) => `delayScale must be in (0, 1]`,
  ),
} satisfies Catalogue
