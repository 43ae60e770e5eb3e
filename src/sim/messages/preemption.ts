/** What preemption says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const preemptionMessages = {
  'preemption.preempted': entry<'vApp' | 'where' | 'app' | 'vm' | 'priority' | 'node' | 'room' | 'roomPriority'>(
    (p) => `The building manager clears a lower-priority room of ${p.vApp} in ${p.where} to make space for a room of ${p.app}.`,
    (p) => `Preempted pod ${p.vm} (priority ${p.priority}) on node ${p.node} for pod ${p.room} (priority ${p.roomPriority}).`,
  ),
} satisfies Catalogue
