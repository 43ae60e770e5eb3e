import { useUi } from '../state'

/** Pick the words for the current vocabulary: w('house', 'server'). */
export function useWords(): (metaphor: string, technical: string) => string {
  const vocab = useUi((s) => s.vocab)
  return (metaphor, technical) => (vocab === 'metaphor' ? metaphor : technical)
}
