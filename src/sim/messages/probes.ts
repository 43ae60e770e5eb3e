/** What probes says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const probesMessages = {
  'probes.moreTransitions': entry<'more'>(
    (p) => `…and ${p.more} more rooms failed their check-ups.`,
    (p) => `${p.more} more probe transitions (Unhealthy).`,
  ),
  'probes.livenessFailed': entry<'app' | 'failures' | 'why' | 'room'>(
    (p) => `The caretaker found a room of ${p.app} unresponsive ${p.failures} times in a row (${p.why}) and is restarting it.`,
    (p) =>
      `Liveness probe failed: ${p.room} did not answer (${p.failures}× in a row). Container ${p.room} failed liveness probe, will be ` +
      `restarted.`,
  ),
  'probes.ready': entry<'app' | 'room' | 'readinessSuccesses' | 'successThreshold'>(
    (p) => `A room of ${p.app} passed its check-up: the doorman sends visitors to it again.`,
    (p) =>
      `Pod ${p.room} Ready: readiness probe succeeded ${p.readinessSuccesses}× (successThreshold ${p.successThreshold}); added to ` +
      `Service endpoints.`,
  ),
  'probes.readinessFailed': entry<'app' | 'readinessFailures' | 'why' | 'room' | 'failureThreshold'>(
    (p) =>
      `A room of ${p.app} failed ${p.readinessFailures} check-ups in a row (${p.why}): the doorman stops sending visitors there. The ` +
      `room stays open.`,
    (p) =>
      `Readiness probe failed: ${p.room} (${p.readinessFailures}× in a row, failureThreshold ${p.failureThreshold}); removed from ` +
      `Service endpoints, container keeps running.`,
  ),
} satisfies Catalogue
