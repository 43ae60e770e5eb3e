/** What preemption says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const preemptionMessages = {
  'preemption.preempted': entry<'vApp' | 'where' | 'app' | 'vm' | 'priority' | 'node' | 'room' | 'roomPriority' | 'grace' | 'budget'>(
    (p) =>
      `The building manager clears a lower-priority room of ${p.vApp} in ${p.where} to make space for a room of ${p.app}: ` +
      `it closes within ${p.grace} s (its grace period) while the new room waits for the space.` +
      (p.budget
        ? ` This breaks ${p.vApp}'s disruption budget (at least ${p.budget} open): preemption respects budgets only when it can.`
        : ''),
    (p) =>
      `Preempted pod ${p.vm} (priority ${p.priority}) on node ${p.node} for pod ${p.room} (priority ${p.roomPriority}); ` +
      `it is Terminating (grace period ${p.grace} s) and ${p.room} is nominated to ${p.node}.` +
      (p.budget ? ` This violates its PodDisruptionBudget (minAvailable ${p.budget}): preemption respects PDBs best effort only.` : ''),
  ),
} satisfies Catalogue
