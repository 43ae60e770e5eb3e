/**
 * Images as Docker builds them: an immutable stack of layers, each made by one instruction on
 * top of its parent. A layer's id is content-addressed from its parent's id and the instruction,
 * so a rebuild reuses every layer up to the first changed instruction (Docker docs "Build cache"),
 * and images built FROM the same base share its layers (Docker docs "Image layers").
 */
import { hashWorld } from './hash'
import type { BuildInstruction, Image, Layer, LayerId, PackageSpec, Placement, World } from './types'

export type { BuildInstruction } from './model'

export function layerIdOf(parent: LayerId | null, instruction: string, sizeMiB: number): LayerId {
  return `layer:${hashWorld({ parent, instruction, sizeMiB })}`
}

export interface BuildPlan {
  layers: Layer[]
  reused: number
  built: number
  packages: PackageSpec[]
  sizeMiB: number
}

/**
 * What a build of these instructions makes. `FROM ref` of an image this street already has takes
 * that image's layers and packages as the base; `FROM` anything else is a base layer of its own.
 */
export function planBuild(world: World, instructions: BuildInstruction[]): BuildPlan {
  const layers: Layer[] = []
  const packages = new Set<PackageSpec>()
  let parent: LayerId | null = null
  let reused = 0
  let built = 0
  instructions.forEach((ins, i) => {
    const from = i === 0 ? /^FROM\s+(\S+)/i.exec(ins.text.trim()) : null
    const base = from ? Object.values(world.images).find((im) => im.ref === from[1]) : undefined
    if (base) {
      for (const id of base.layers) {
        const l = world.layers[id]
        if (l) layers.push(l)
      }
      for (const p of base.packages) packages.add(p)
      reused += base.layers.length
      parent = base.layers.at(-1) ?? null
    } else {
      const id = layerIdOf(parent, ins.text.trim(), ins.sizeMiB)
      const known = world.layers[id]
      if (known) reused++
      else built++
      layers.push(known ?? { id, parent, instruction: ins.text.trim(), sizeMiB: ins.sizeMiB })
      parent = id
    }
    for (const p of ins.provides ?? []) {
      const name = packageName(p)
      for (const q of [...packages]) if (packageName(q) === name) packages.delete(q)
      packages.add(p)
    }
  })
  return { layers, reused, built, packages: [...packages].sort(), sizeMiB: layers.reduce((s, l) => s + l.sizeMiB, 0) }
}

export function packageName(spec: PackageSpec): string {
  const at = spec.indexOf('@')
  return at < 0 ? spec : spec.slice(0, at)
}

export function packageVersion(spec: PackageSpec): string | null {
  const at = spec.indexOf('@')
  return at < 0 ? null : spec.slice(at + 1)
}

/** The layer cache of the place a room stands in (a house or an apartment keeps its own). */
export function layerCacheOf(world: World, placement: Placement | null): LayerId[] | null {
  if (!placement) return null
  if (placement.kind === 'host') return world.hosts[placement.hostId]?.cachedLayers ?? null
  return world.vms[placement.vmId]?.cachedLayers ?? null
}

/** The image's layers this place lacks, and how many MiB they weigh. */
export function missingLayers(world: World, image: Image, cache: LayerId[]): { ids: LayerId[]; sizeMiB: number } {
  const ids: LayerId[] = []
  let sizeMiB = 0
  for (const id of image.layers) {
    if (cache.includes(id)) continue
    ids.push(id)
    sizeMiB += world.layers[id]?.sizeMiB ?? 0
  }
  return { ids, sizeMiB }
}
