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
  'images.refused.dockerfileHasNoInstructions': entry<never>(
    (p) => `A blueprint needs at least one step.`,
    (p) => `Dockerfile has no instructions`,
  ),
  'images.refused.dockerfileMustStartWith': entry<never>(
    (p) => `A blueprint starts from a base kit (FROM …).`,
    (p) => `Dockerfile must start with FROM`,
  ),
  'images.refused.layerSizeMustBe': entry<never>(
    (p) => `Each step adds zero or more MiB.`,
    (p) => `layer size must be ≥ 0`,
  ),
  'images.refused.invalidImageReference': entry<'ref'>(
    (p) => `Name the kit as name:tag, e.g. web:1.1.`,
    (p) => `invalid image reference ${p.ref}`,
  ),
  'images.refused.imageExistsWithDifferent': entry<'ref' | 'bumpTag'>(
    (p) => `A kit called ${p.ref} already exists and kits never change. Give the new one a new tag (e.g. ${p.bumpTag}).`,
    (p) => `image ${p.ref} exists with different layers; images are immutable, use a new tag`,
  ),
  'images.refused.imageAlreadyExists': entry<'id'>(
    (p) => `A kit called ${p.id} already exists.`,
    (p) => `image ${p.id} already exists`,
  ),
  'images.refused.imageAlreadyExists2': entry<'id'>(
    (p) => `A kit called ${p.id} already exists.`,
    (p) => `image ${p.id} already exists`,
  ),
  'images.refused.imageSizeMustBe': entry<never>(
    (p) => `A kit must weigh something.`,
    (p) => `image size must be > 0 MiB`,
  ),
} satisfies Catalogue
