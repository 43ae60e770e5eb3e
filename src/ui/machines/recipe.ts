/**
 * The image workshop's recipe: the layers a player picks, turned into Dockerfile text and into the
 * build instructions the simulation's `buildImage` takes. Pure (no React), so it is unit-tested.
 *
 * Sizes are what `docker images` reports (uncompressed, linux/amd64) converted from MB to whole MiB;
 * whole MiB keep the sums exact. Pull time in the simulation uses these sizes and its pull bandwidth.
 */
import { layerIdOf } from '../../sim'
import type { BuildInstruction, LayerId, PackageSpec, World } from '../../sim'

/** Docker reports sizes in MB (10^6 bytes); the game counts MiB (2^20 bytes). */
export const mbToMiB = (mb: number): number => Math.max(0, Math.round((mb * 1e6) / 2 ** 20))

export type BaseId = 'debian' | 'ubuntu' | 'alpine'
export type RuntimeId = 'none' | 'python' | 'node' | 'java'

/**
 * Base OS images (Docker Hub official images, linux/amd64, `docker images` SIZE, mid-2024):
 * debian:12-slim 74.8 MB, ubuntu:24.04 78.1 MB, alpine:3.20 7.8 MB (compressed on the registry
 * they are about 28, 29 and 3.6 MB). Source: hub.docker.com/_/debian, /_/ubuntu, /_/alpine tag pages.
 */
export const BASE_IMAGES: Record<BaseId, { ref: string; mb: number; distro: string; pm: 'apt' | 'apk'; source: string }> = {
  debian: {
    ref: 'debian:12-slim',
    mb: 74.8,
    distro: 'Debian 12 (bookworm)',
    pm: 'apt',
    source: 'hub.docker.com/_/debian tag 12-slim: 74.8 MB (docker images, linux/amd64)',
  },
  ubuntu: {
    ref: 'ubuntu:24.04',
    mb: 78.1,
    distro: 'Ubuntu 24.04 (noble)',
    pm: 'apt',
    source: 'hub.docker.com/_/ubuntu tag 24.04: 78.1 MB (docker images, linux/amd64)',
  },
  alpine: {
    ref: 'alpine:3.20',
    mb: 7.8,
    distro: 'Alpine 3.20 (musl libc)',
    pm: 'apk',
    source: 'hub.docker.com/_/alpine tag 3.20: 7.8 MB (docker images, linux/amd64)',
  },
}

interface RuntimeLayer {
  /** The package and version this distribution ships (its package index decides, not the player). */
  pkg: PackageSpec
  mb: number
  install: string
}

/**
 * Runtimes as each base's own package manager installs them. The version is the one that release
 * ships (packages.debian.org bookworm: python3 3.11, nodejs 18.19, openjdk-17; packages.ubuntu.com
 * noble: python3 3.12, nodejs 18.19, openjdk-21; pkgs.alpinelinux.org v3.20: python3 3.12, nodejs 20,
 * openjdk21). That is the point of the lesson: "python" on one machine is not "python" on another.
 * Sizes are installed sizes with dependencies from those package pages, rounded: teaching estimates
 * (the package pages list installed size per package; a real build adds apt lists unless removed).
 */
export const RUNTIME_LAYERS: Record<Exclude<RuntimeId, 'none'>, Record<BaseId, RuntimeLayer> & { label: string; cmd: string }> = {
  python: {
    label: 'Python',
    cmd: '["python3", "app.py"]',
    debian: { pkg: 'python@3.11', mb: 52, install: 'apt-get update && apt-get install -y --no-install-recommends python3 python3-pip' },
    ubuntu: { pkg: 'python@3.12', mb: 58, install: 'apt-get update && apt-get install -y --no-install-recommends python3 python3-pip' },
    alpine: { pkg: 'python@3.12', mb: 62, install: 'apk add --no-cache python3 py3-pip' },
  },
  node: {
    label: 'Node.js',
    cmd: '["node", "server.js"]',
    debian: { pkg: 'node@18', mb: 190, install: 'apt-get update && apt-get install -y --no-install-recommends nodejs npm' },
    ubuntu: { pkg: 'node@18', mb: 195, install: 'apt-get update && apt-get install -y --no-install-recommends nodejs npm' },
    alpine: { pkg: 'node@20', mb: 72, install: 'apk add --no-cache nodejs npm' },
  },
  java: {
    label: 'Java (JRE)',
    cmd: '["java", "-jar", "/app/app.jar"]',
    debian: { pkg: 'java@17', mb: 205, install: 'apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless' },
    ubuntu: { pkg: 'java@21', mb: 215, install: 'apt-get update && apt-get install -y --no-install-recommends openjdk-21-jre-headless' },
    alpine: { pkg: 'java@21', mb: 195, install: 'apk add --no-cache openjdk21-jre-headless' },
  },
}
export const RUNTIME_SOURCE =
  'packages.debian.org (bookworm), packages.ubuntu.com (noble), pkgs.alpinelinux.org (v3.20): versions shipped and installed sizes, rounded'

export interface Library {
  id: string
  runtime: Exclude<RuntimeId, 'none'>
  /** What a Dockerfile writes after RUN. */
  install: string
  pkg: PackageSpec
  mb: number
}

/**
 * Libraries, installed size with their dependencies (PyPI manylinux x86_64 wheels and npm
 * unpacked sizes, rounded). Debian 12, Ubuntu 24.04 and Alpine 3.20 mark their Python as
 * externally managed (PEP 668), so pip outside a virtualenv needs --break-system-packages.
 */
export const LIBRARIES: Library[] = [
  { id: 'flask', runtime: 'python', install: 'pip install --no-cache-dir --break-system-packages flask==3.0.3', pkg: 'flask@3.0', mb: 6 },
  {
    id: 'requests',
    runtime: 'python',
    install: 'pip install --no-cache-dir --break-system-packages requests==2.32.3',
    pkg: 'requests@2.32',
    mb: 4,
  },
  { id: 'numpy', runtime: 'python', install: 'pip install --no-cache-dir --break-system-packages numpy==2.0.1', pkg: 'numpy@2.0', mb: 62 },
  { id: 'express', runtime: 'node', install: 'npm install --omit=dev express@4.19.2', pkg: 'express@4', mb: 2 },
  { id: 'pg', runtime: 'node', install: 'npm install --omit=dev pg@8.12.0', pkg: 'pg@8', mb: 1 },
]
export const LIBRARY_SOURCE =
  'pypi.org and npmjs.com package files (unpacked, with dependencies), rounded; PEP 668 for --break-system-packages'

export interface Recipe {
  base: BaseId
  runtime: RuntimeId
  libraries: string[]
  /** What the app's source tree is (a version or a note); its checksum is COPY's cache key. */
  appSource: string
  appMiB: number
  /** name:tag */
  ref: string
}

export const DEFAULT_RECIPE: Recipe = {
  base: 'debian',
  runtime: 'python',
  libraries: ['flask'],
  appSource: 'v1.0',
  appMiB: 2,
  ref: 'web:1.1',
}

/** One Dockerfile line and the layer it makes. */
export interface RecipeStep {
  /** As the Dockerfile shows it. */
  line: string
  /** The instruction the build records (docker history: COPY shows its files' checksum). */
  instruction: string
  sizeMiB: number
  provides: PackageSpec[]
  kind: 'base' | 'runtime' | 'library' | 'app' | 'cmd'
}

/** A short, stable checksum of the app's files (FNV-1a over the source text), as COPY's cache key. */
export function contentDigest(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function librariesFor(runtime: RuntimeId): Library[] {
  return LIBRARIES.filter((l) => l.runtime === runtime)
}

export function recipeSteps(r: Recipe): RecipeStep[] {
  const base = BASE_IMAGES[r.base]
  const steps: RecipeStep[] = [
    { line: `FROM ${base.ref}`, instruction: `FROM ${base.ref}`, sizeMiB: mbToMiB(base.mb), provides: [], kind: 'base' },
  ]
  if (r.runtime !== 'none') {
    const rt = RUNTIME_LAYERS[r.runtime][r.base]
    steps.push({
      line: `RUN ${rt.install}`,
      instruction: `RUN ${rt.install}`,
      sizeMiB: mbToMiB(rt.mb),
      provides: [rt.pkg],
      kind: 'runtime',
    })
    // One RUN per library, in the catalogue's order, so the same picks always give the same layers.
    for (const lib of librariesFor(r.runtime)) {
      if (!r.libraries.includes(lib.id)) continue
      steps.push({
        line: `RUN ${lib.install}`,
        instruction: `RUN ${lib.install}`,
        sizeMiB: mbToMiB(lib.mb),
        provides: [lib.pkg],
        kind: 'library',
      })
    }
  }
  const appMiB = Math.max(0, Math.round(r.appMiB))
  // `docker history` records a COPY as "COPY dir:<checksum> in /app": changed files, new layer.
  steps.push({
    line: 'COPY ./src /app',
    instruction: `COPY dir:${contentDigest(r.appSource)} in /app`,
    sizeMiB: appMiB,
    provides: [],
    kind: 'app',
  })
  if (r.runtime !== 'none')
    steps.push({
      line: `CMD ${RUNTIME_LAYERS[r.runtime].cmd}`,
      instruction: `CMD ${RUNTIME_LAYERS[r.runtime].cmd}`,
      sizeMiB: 0,
      provides: [],
      kind: 'cmd',
    })
  return steps
}

/** The Dockerfile a player would write for this recipe. */
export function dockerfileText(r: Recipe): string {
  const lines: string[] = []
  for (const s of recipeSteps(r)) {
    if (s.kind === 'app') lines.push('WORKDIR /app')
    lines.push(s.line)
  }
  return lines.join('\n') + '\n'
}

export function buildInstructions(r: Recipe): BuildInstruction[] {
  return recipeSteps(r).map((s) =>
    s.provides.length ? { text: s.instruction, sizeMiB: s.sizeMiB, provides: s.provides } : { text: s.instruction, sizeMiB: s.sizeMiB },
  )
}

export interface PreviewRow extends RecipeStep {
  layerId: LayerId
  /** The build cache already has this exact layer (same parent, same instruction): docker build prints CACHED. */
  cached: boolean
}

/**
 * What `docker build` would do now: each step's layer id (content-addressed from its parent and its
 * instruction, as the simulation makes it) and whether the cache holds it. A changed step changes
 * its id and so every id above it: the cache stops helping from the first change up.
 */
export function previewBuild(
  world: Pick<World, 'layers' | 'images'>,
  r: Recipe,
): { rows: PreviewRow[]; totalMiB: number; cachedMiB: number; packages: PackageSpec[] } {
  let parent: LayerId | null = null
  const rows: PreviewRow[] = []
  const packages = new Map<string, PackageSpec>()
  for (const s of recipeSteps(r)) {
    // FROM an image this street has built takes its layers as they are (as planBuild does).
    const from = s.kind === 'base' ? Object.values(world.images).find((im) => `FROM ${im.ref}` === s.instruction) : undefined
    if (from) {
      const top = from.layers.at(-1) ?? null
      rows.push({ ...s, sizeMiB: from.sizeMiB, layerId: top ?? '', cached: true })
      for (const p of from.packages) packages.set(p.split('@')[0]!, p)
      parent = top
      continue
    }
    const id = layerIdOf(parent, s.instruction, s.sizeMiB)
    rows.push({ ...s, layerId: id, cached: !!world.layers[id] })
    for (const p of s.provides) packages.set(p.split('@')[0]!, p)
    parent = id
  }
  return {
    rows,
    totalMiB: rows.reduce((a, x) => a + x.sizeMiB, 0),
    cachedMiB: rows.reduce((a, x) => a + (x.cached ? x.sizeMiB : 0), 0),
    packages: [...packages.values()].sort(),
  }
}

/** Whether a reference is name:tag as Docker writes it (the simulation checks the same). */
export function validRef(ref: string): boolean {
  return /^[\w.\-/]+:[\w.\-]+$/.test(ref)
}

/** The next tag after this one: web:1.1 → web:1.2, web:latest → web:latest-2. */
export function nextTag(ref: string): string {
  const i = ref.lastIndexOf(':')
  if (i < 0) return `${ref}:1.0`
  const name = ref.slice(0, i)
  const tag = ref.slice(i + 1)
  const m = /^(.*?)(\d+)$/.exec(tag)
  return m ? `${name}:${m[1]}${Number(m[2]) + 1}` : `${name}:${tag}-2`
}
