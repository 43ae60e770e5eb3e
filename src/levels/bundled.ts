/** The levels shipped in levels/*.json, read as text so one broken file cannot break the others. */
import { parseLevel, sortLevels } from './load'
import type { LevelLoad } from './load'
import { parseLevelTranslation } from './translations'
import type { LevelTranslation, TranslationLoad } from './translations'

const files = import.meta.glob('../../levels/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export function bundledLevels(): LevelLoad[] {
  return sortLevels(Object.entries(files).map(([path, text]) => parseLevel(`levels/${path.split('/').pop()}`, text)))
}

/** The Spanish overlays' text, added with the Spanish pack (src/ui/i18n/pack-es.ts) so English players do not download it. */
let esLevelFiles: Record<string, string> = {}
export function addLevelTranslationFiles(files: Record<string, string>): void {
  esLevelFiles = files
}

/** The Spanish overlays of the bundled levels (levels/es/*.json), parsed; a broken one is a load with its error. */
export function bundledLevelTranslations(): TranslationLoad<LevelTranslation>[] {
  return Object.entries(esLevelFiles).map(([path, text]) => parseLevelTranslation(`levels/es/${path.split('/').pop()}`, text, 'es'))
}
