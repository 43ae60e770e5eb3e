import { useUi } from '../state'
import { useLang } from './i18n/t'

/** The panels' word pairs in another language, keyed by the English pair; added with the language's pack. */
const WORDS: { es?: ReadonlyMap<string, readonly [string, string]> } = {}
export function addWords(lang: 'es', words: ReadonlyMap<string, readonly [string, string]>): void {
  WORDS[lang] = words
}

/** Pick the words for the current vocabulary, in the chosen language: w('house', 'server'). */
export function useWords(): (metaphor: string, technical: string) => string {
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  return (metaphor, technical) => {
    const es = lang === 'es' ? WORDS.es?.get(`${metaphor}\u0000${technical}`) : undefined
    const [m, t] = es ?? [metaphor, technical]
    return vocab === 'metaphor' ? m : t
  }
}
