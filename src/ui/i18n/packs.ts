/**
 * Language packs: a language other than English is a chunk of its own, loaded when it is chosen (in the
 * settings or by a link's lang=), so the first download stays small. Until it arrives the HUD reads in
 * English; then everything re-renders in the chosen language (useLang waits for the pack).
 */
import { useSettings } from '../../state'
import type { Lang } from '../../sim'
import { usePacks } from './packStore'

const loading = new Map<Lang, Promise<void>>()

export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') return Promise.resolve()
  let p = loading.get(lang)
  if (!p) {
    p = import('./pack-es').then((m) => {
      m.register()
      usePacks.setState((s) => ({ ready: [...s.ready, lang] }))
    })
    loading.set(lang, p)
  }
  return p
}

/** Load the chosen language now and whenever the choice changes. */
export function followLanguage(): void {
  void loadLanguage(useSettings.getState().lang)
  useSettings.subscribe((s, before) => {
    if (s.lang !== before.lang) void loadLanguage(s.lang)
  })
}
