/** What rooms (containers) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const containersMessages = {
  'containers.run': entry<'app' | 'whereMetaphor' | 'image' | 'whereTechnical' | 'room'>(
    (p) => `A room for ${p.app} is set up in ${p.whereMetaphor}.`,
    (p) => `docker run ${p.image} on ${p.whereTechnical} (${p.room}).`,
  ),
  'containers.removed': entry<'app' | 'room'>(
    (p) => `A room of ${p.app} was cleared out.`,
    (p) => `Container ${p.room} removed.`,
  ),
  'containers.crashed': entry<'app' | 'metaphorWhy' | 'room' | 'technicalWhy'>(
    (p) => `A room of ${p.app} collapsed (${p.metaphorWhy}). The rooms around it carry on.`,
    (p) => `Container ${p.room} crashed: ${p.technicalWhy}. Other containers unaffected.`,
  ),
} satisfies Catalogue
