/** What cordon and drain says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const drainMessages = {
  'drain.blockedByBudget': entry<'host' | 'blocked'>(
    (p) => `The manager waits: moving another room out of house ${p.host} now would break a business's promise of open rooms.`,
    (p) =>
      `error when evicting pods from node/${p.host}: Cannot evict pod as it would violate the pod's disruption budget (${p.blocked} ` +
      `pod(s)); retrying.`,
  ),
  'drain.drained': entry<'host' | 'bare' | 'bare2'>(
    (p) => `House ${p.host} is empty of the manager's rooms${p.bare}.`,
    (p) => `node/${p.host} drained${p.bare2}.`,
  ),
} satisfies Catalogue
