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
  'apps.refused.imageNotFound': entry<'imageId'>(
    (p) => `That furniture kit does not exist.`,
    (p) => `image ${p.imageId} not found`,
  ),
  'apps.refused.appAlreadyExists': entry<'id'>(
    (p) => `An app called ${p.id} already exists.`,
    (p) => `app ${p.id} already exists`,
  ),
  'apps.refused.unknownRuntime': entry<'runtime'>(
    (p) => `Unknown kind of room walls.`,
    (p) => `unknown runtime ${p.runtime}`,
  ),
  'apps.refused.rpsMustBe': entry<never>(
    (p) => `Visitors per second cannot be negative.`,
    (p) => `rps must be ≥ 0`,
  ),
  'apps.refused.specSelectorRequiredValue': entry<never>(
    (p) => `The manager needs at least one tag to find its rooms.`,
    (p) => `spec.selector: Required value: empty selector`,
  ),
  'apps.refused.portsInvalidValueMust': entry<never>(
    (p) => `A door number runs from 1 to 65535.`,
    (p) => `ports: Invalid value: must be between 1 and 65535, inclusive`,
  ),
  'apps.refused.specTemplateSpecContainers': entry<never>(
    (p) => `The room needs a name.`,
    (p) => `spec.template.spec.containers[0].name: Required value`,
  ),
} satisfies Catalogue
