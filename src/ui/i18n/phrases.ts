/**
 * Sentences the panels build from parts (the inspector's rows, the lab's cells, the link banner's values), in
 * another language: each panel keeps its English table beside it and asks usePhrases for the one to use; the
 * Spanish tables arrive with the Spanish pack (pack-es.ts) and have the English ones' shape (TypeScript checks it).
 */
import type { InspectorText } from '../inspectorText'
import type { LabText } from '../lab/labText'
import type { UrlText } from '../urlText'
import type { DiagnosisText } from '../machines/diagnosisText'
import { useLang } from './t'

export interface PhraseTables {
  inspector: InspectorText
  lab: LabText
  url: UrlText
  diagnosis: DiagnosisText
}

const ES: Partial<PhraseTables> = {}

export function addPhrases(lang: 'es', tables: PhraseTables): void {
  if (lang === 'es') Object.assign(ES, tables)
}

/** A panel's table in a language: the Spanish one once the pack has arrived, else the English given. */
export function phrasesIn<K extends keyof PhraseTables>(lang: string, name: K, en: PhraseTables[K]): PhraseTables[K] {
  return (lang === 'es' ? ES[name] : undefined) ?? en
}

/** A panel's table in the language the HUD shows now. */
export function usePhrases<K extends keyof PhraseTables>(name: K, en: PhraseTables[K]): PhraseTables[K] {
  return phrasesIn(useLang(), name, en)
}
