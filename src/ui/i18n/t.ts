/**
 * The HUD's words in each language: a typed dictionary (en.ts is the source; es.ts must have every
 * key, TypeScript checks it) and `t(key, params)`. A value is one string, or a pair [house words,
 * technical words] picked by the labels toggle. `{name}` in a string is a parameter. The simulation's
 * messages have their own catalogues (src/sim/messages); lessons and levels their own overlays.
 */
import { useCallback } from 'react'
import { renderMessage } from '../../sim'
import type { Lang, Message, Result, SimEvent, Vocabulary } from '../../sim'
import { useSettings, useUi } from '../../state'
import { EN } from './en'
import { usePacks } from './packStore'

export type UiKey = keyof typeof EN
export type UiParams = Readonly<Record<string, string | number>>
export type Text = string | readonly [string, string]

/** English is built in; another language's dictionary arrives with its pack (packs.ts). */
export const DICTIONARIES: Partial<Record<Lang, Record<UiKey, Text>>> = { en: EN }

/** One HUD string in a language and a vocabulary, its `{parameters}` filled. */
export function translate(lang: Lang, vocab: Vocabulary, key: UiKey, params?: UiParams): string {
  const v = DICTIONARIES[lang]?.[key] ?? EN[key]
  const text = typeof v === 'string' ? v : vocab === 'metaphor' ? v[0] : v[1]
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text
}

export type T = (key: UiKey, params?: UiParams) => string

/**
 * The language the HUD shows now: the one chosen in the settings once its pack has arrived (packs.ts),
 * English until then (a moment, on the first load of another language).
 */
export const useLang = (): Lang => {
  const lang = useSettings((s) => s.lang)
  const ready = usePacks((s) => s.ready.includes(lang))
  return ready ? lang : 'en'
}

/** `t(key, params)` in the current language and labels vocabulary; re-renders when either changes. */
export function useT(): T {
  const lang = useLang()
  const vocab = useUi((s) => s.vocab)
  return useCallback((key: UiKey, params?: UiParams) => translate(lang, vocab, key, params), [lang, vocab])
}

/** t outside React (event handlers, toasts): the language and vocabulary now. */
export function tNow(key: UiKey, params?: UiParams): string {
  return translate(useSettings.getState().lang, useUi.getState().vocab, key, params)
}

/** A simulation message (an event, a refusal) in the current language. */
export function messageText(m: Message | SimEvent, vocab: Vocabulary, lang: Lang): string {
  return renderMessage(m, vocab, lang)
}

/** A command's refusal in a language: from its catalogue message when it carries one, else its English sentence. */
export function resultText(r: Extract<Result, { ok: false }>, vocab: Vocabulary, lang: Lang): string {
  return lang !== 'en' && r.message ? renderMessage(r.message, vocab, lang) : r[vocab]
}
