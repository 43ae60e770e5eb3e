/** What furniture kits (images) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const imagesMessages = {
  'images.built': entry<'ref' | 'reused' | 'planReused' | 'built' | 'sizeMiB' | 'layers'>(
    (p) =>
      `The builder made kit ${p.ref}: ${p.reused} prefab part${p.planReused === 1 ? '' : 's'} reused from earlier builds, ${p.built} ` +
      `new (${p.sizeMiB} in all).`,
    (p) => `docker build -t ${p.ref}: ${p.layers} layers, ${p.reused} CACHED, ${p.built} built; ${p.sizeMiB}.`,
  ),
} satisfies Catalogue
