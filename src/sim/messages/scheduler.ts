/** What the scheduler says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const schedulerMessages = {
  'scheduler.scheduledMore': entry<'more'>(
    (p) => `…and the building manager placed ${p.more} more rooms.`,
    (p) => `Scheduled ${p.more} more pods.`,
  ),
  'scheduler.scheduled': entry<'app' | 'kind' | 'node' | 'room'>(
    (p) => `The building manager puts a room of ${p.app} in ${p.kind} ${p.node}.`,
    (p) => `Scheduled ${p.room} to ${p.node}.`,
  ),
  'scheduler.failedScheduling': entry<'app' | 'why' | 'room' | 'message'>(
    (p) => `The building manager finds no spot for a room of ${p.app}${p.why}.`,
    (p) => `FailedScheduling ${p.room}: ${p.message}`,
  ),
} satisfies Catalogue
