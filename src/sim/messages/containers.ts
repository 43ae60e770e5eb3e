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
  'containers.refused.imageNotFound': entry<'imageId'>(
    (p) => `The app has no furniture kit.`,
    (p) => `image ${p.imageId} not found`,
  ),
  'containers.refused.unknownRuntime': entry<'runtime'>(
    (p) => `Unknown kind of room walls.`,
    (p) => `unknown runtime ${p.runtime}`,
  ),
  'containers.refused.cpuLimitMMust': entry<'cpuLimit' | 'cpuReq'>(
    (p) => `A worker cap must be at least what the room books.`,
    (p) => `cpu limit ${p.cpuLimit}m must be ≥ request ${p.cpuReq}m`,
  ),
  'containers.refused.memoryLimitMibMust': entry<'memLimit' | 'memReq'>(
    (p) => `A space cap must be at least what the room books.`,
    (p) => `memory limit ${p.memLimit} MiB must be ≥ request ${p.memReq} MiB`,
  ),
} satisfies Catalogue
