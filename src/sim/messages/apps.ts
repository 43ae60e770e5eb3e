/** What tenant businesses (apps) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const appsMessages = {
  'apps.trafficSet': entry<'app' | 'rps'>(
    (p) => `${p.app} now gets ${p.rps} visitors a second.`,
    (p) => `Traffic to ${p.app}: ${p.rps} req/s.`,
  ),
} satisfies Catalogue
