/** The levels shipped in levels/*.json, read as text so one broken file cannot break the others. */
import { parseLevel, sortLevels } from './load'
import type { LevelLoad } from './load'

const files = import.meta.glob('../../levels/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export function bundledLevels(): LevelLoad[] {
  return sortLevels(Object.entries(files).map(([path, text]) => parseLevel(`levels/${path.split('/').pop()}`, text)))
}
