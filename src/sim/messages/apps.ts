/** What tenant businesses (apps) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const appsMessages = {
  'apps.trafficSet': entry<'app' | 'rps'>(
    (p) => `${p.app} now gets ${p.rps} visitors a second.`,
    (p) => `Traffic to ${p.app}: ${p.rps} req/s.`,
  ),
  'apps.removed': entry<'app'>(
    (p) => `The business ${p.app} moved out: the manager closed all its rooms.`,
    (p) => `deployment.apps "${p.app}" deleted (its ReplicaSets and pods with it).`,
  ),
} satisfies Catalogue
