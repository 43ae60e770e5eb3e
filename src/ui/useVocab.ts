import { useSettings, useUi } from '../state'
import { ES_WORDS } from './i18n/words-es'

/** Pick the words for the current vocabulary, in the chosen language: w('house', 'server'). */
export function useWords(): (metaphor: string, technical: string) => string {
  const vocab = useUi((s) => s.vocab)
  const lang = useSettings((s) => s.lang)
  return (metaphor, technical) => {
    const es = lang === 'es' ? ES_WORDS.get(`${metaphor}\u0000${technical}`) : undefined
    const [m, t] = es ?? [metaphor, technical]
    return vocab === 'metaphor' ? m : t
  }
}
