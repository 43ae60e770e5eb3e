/** Parse and validate level files; a broken file becomes an error that names the file and the field. */
import { apply, createWorld } from '../sim'
import type { World } from '../sim'
import { levelSchema } from './schema'
import type { Level } from './schema'

export type LevelLoad = { ok: true; file: string; level: Level } | { ok: false; file: string; error: string }

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '')
}

/** Parse one level file's text. Errors read like `levels/03.json: objectives[1].check.min: Too big: expected number to be <=1`. */
export function parseLevel(file: string, text: string): LevelLoad {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, file, error: `${file}: not valid JSON (${(e as Error).message})` }
  }
  const parsed = levelSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = pathText(issue.path) || '(top level)'
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''
    return { ok: false, file, error: `${file}: ${where}: ${issue.message}${more}` }
  }
  const level = parsed.data
  // A setup command that the simulation rejects is a broken level too: say which one.
  const world = createWorld(level.seed, level.delayScale)
  for (const [i, cmd] of level.setup.entries()) {
    const r = apply(world, cmd)
    if (!r.ok) return { ok: false, file, error: `${file}: setup[${i}] (${cmd.type}): ${r.technical}` }
  }
  return { ok: true, file, level }
}

/** A fresh world for a level: its seed, setup and scheduled events. */
export function startLevel(level: Level): World {
  const world = createWorld(level.seed, level.delayScale)
  for (const cmd of level.setup) apply(world, cmd)
  world.schedule = [...level.events].sort((a, b) => a.atMs - b.atMs).map((e) => ({ atMs: e.atMs, command: e.command }))
  return world
}

/** Sort loaded levels by their order field; broken files keep their place at the end. */
export function sortLevels(loads: LevelLoad[]): LevelLoad[] {
  return [...loads].sort((a, b) => {
    if (a.ok && b.ok) return a.level.order - b.level.order
    if (a.ok) return -1
    if (b.ok) return 1
    return a.file.localeCompare(b.file)
  })
}
