/** Furniture kits (images): buy one whole, or build one from a blueprint (docker build). */
import { formatMiB } from '../capacity'
import { logEvent } from '../events'
import { say, refuse } from '../messages'
import { layerIdOf, planBuild } from '../images'
import type { World } from '../types'
import { newId } from '../world'
import type { Result } from '../result'
import type { HandlerTable } from './handler'
import type { ImageCommand } from '../types'

function buildImage(world: World, command: Extract<ImageCommand, { type: 'buildImage' }>): Result {
  const ins = command.instructions
  if (!Array.isArray(ins) || ins.length === 0) return refuse(say('images.refused.dockerfileHasNoInstructions'))
  if (!/^FROM\s+\S+/i.test(ins[0]!.text.trim())) return refuse(say('images.refused.dockerfileMustStartWith'))
  if (ins.some((i) => !(i.sizeMiB >= 0))) return refuse(say('images.refused.layerSizeMustBe'))
  if (!/^[\w.\-/]+:[\w.\-]+$/.test(command.ref)) return refuse(say('images.refused.invalidImageReference', { ref: command.ref }))
  const plan = planBuild(world, ins)
  const existing = Object.values(world.images).find((im) => im.ref === command.ref)
  if (existing) {
    const same = existing.layers.length === plan.layers.length && existing.layers.every((id, i) => id === plan.layers[i]!.id)
    if (same) return { ok: true, id: existing.id }
    // Images are immutable: a changed build needs a new tag (Docker docs "Image layers"; tags name versions).
    return refuse(say('images.refused.imageExistsWithDifferent', { ref: command.ref, bumpTag: bumpTag(command.ref) }))
  }
  const id = command.id ?? newId(world, 'img')
  if (world.images[id]) return refuse(say('images.refused.imageAlreadyExists', { id }))
  for (const l of plan.layers) world.layers[l.id] ??= l
  world.images[id] = {
    id,
    ref: command.ref,
    sizeMiB: plan.sizeMiB,
    os: command.os ?? 'linux',
    layers: plan.layers.map((l) => l.id),
    packages: plan.packages,
  }
  logEvent(
    world,
    'info',
    say('images.built', {
      ref: command.ref,
      reused: plan.reused,
      planReused: plan.reused,
      built: plan.built,
      sizeMiB: formatMiB(plan.sizeMiB),
      layers: plan.layers.length,
    }),
    [id],
  )
  return { ok: true, id }
}

function bumpTag(ref: string): string {
  const [name, tag = '1'] = ref.split(':')
  const n = Number(tag)
  return `${name}:${Number.isFinite(n) ? (n + 0.1).toFixed(1) : `${tag}-2`}`
}

export const imagesHandlers = {
  addImage(world, command) {
    const id = command.id ?? newId(world, 'img')
    if (world.images[id]) return refuse(say('images.refused.imageAlreadyExists2', { id }))
    if (!(command.sizeMiB > 0)) return refuse(say('images.refused.imageSizeMustBe'))
    // A kit bought whole is one layer; buildImage makes kits of many layers.
    const instruction = `ADD ${command.ref}`
    const layerId = layerIdOf(null, instruction, command.sizeMiB)
    world.layers[layerId] ??= { id: layerId, parent: null, instruction, sizeMiB: command.sizeMiB }
    world.images[id] = {
      id,
      ref: command.ref,
      sizeMiB: command.sizeMiB,
      os: command.os ?? 'linux',
      layers: [layerId],
      packages: [...(command.packages ?? [])],
    }
    return { ok: true, id }
  },
  buildImage(world, command) {
    return buildImage(world, command)
  },
} satisfies HandlerTable<ImageCommand>
