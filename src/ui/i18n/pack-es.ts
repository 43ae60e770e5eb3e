/**
 * Everything Spanish the game needs beyond English, in one chunk loaded only when Spanish is chosen
 * (packs.ts): the simulation's catalogue, the HUD dictionary, the panels' word pairs and sentences
 * (phrases.ts: the inspector, the lab, the link banner), the street's event tags and the levels' overlays (the lessons' overlays travel
 * with the lessons' own chunk).
 */
import { addCatalogue } from '../../sim'
import { addLevelTranslationFiles } from '../../levels/bundled'
import { ES } from '../../sim/messages/es'
import { ES_UI } from './es'
import { ES_WORDS } from './words-es'
import { DICTIONARIES } from './t'
import { addWords } from '../useVocab'
import { addPhrases } from './phrases'
import { INSPECTOR_ES } from './inspector-es'
import { LAB_ES } from './lab-es'
import { URL_ES } from './url-es'
import { TAGS_ES } from './tags-es'
import { DIAGNOSIS_ES } from './diagnosis-es'
import { useTagWords } from '../../scene/tagWords'

const levelFiles = import.meta.glob('../../../levels/es/*.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

export function register(): void {
  addCatalogue('es', ES)
  DICTIONARIES.es = ES_UI
  addWords('es', ES_WORDS)
  addLevelTranslationFiles(levelFiles)
  addPhrases('es', { inspector: INSPECTOR_ES, lab: LAB_ES, url: URL_ES, diagnosis: DIAGNOSIS_ES })
  useTagWords.setState({ es: TAGS_ES })
}
