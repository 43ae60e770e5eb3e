/**
 * The message catalogue: every line the simulation writes into its event log is an id with
 * parameters; the world stores those, never sentences, so a save or a replay reads the same in any
 * language, and a second language is a second catalogue. Each area's catalogue is its own module;
 * this one joins them and renders a message in either vocabulary.
 */
import type { Lang, Message, Params, ParamValue } from './message'
import type { Vocabulary } from '../model'
import type { Result } from '../result'
import type { MissingKind } from './common'
import { CATALOGUE } from './catalogue'
import type { KeysOf, MessageId } from './catalogue'

export { CATALOGUE }
export type { MessageId }

/** A message to record: its id and the values its sentences need (checked against the catalogue). */
export function say<I extends MessageId>(id: I, ...params: [KeysOf<I>] extends [never] ? [] : [Params<KeysOf<I>>]): Message {
  return { id, params: (params[0] ?? {}) as Record<string, ParamValue> }
}

/** A message in one vocabulary, in English or another language (Spanish: es.ts). An id a catalogue does not know
 * (a newer save) shows as the id; a language that lacks an id falls back to English. */
export function renderMessage(m: Message, vocab: Vocabulary, lang: Lang = 'en'): string {
  const other = lang === 'en' ? undefined : catalogues[lang]
  if (other) {
    const t = other[m.id]
    const f = t && (vocab === 'metaphor' ? t[0] : t[1])
    if (f && f !== 'kubectl') return f(m.params)
  }
  const e = (CATALOGUE as Record<string, { metaphor: (p: Params<string>) => string; technical: (p: Params<string>) => string }>)[m.id]
  return e ? e[vocab](m.params) : `${m.id} ${JSON.stringify(m.params)}`
}

type Sentences = readonly [(p: Params<string>) => string, ((p: Params<string>) => string) | 'kubectl']
/**
 * The other languages' catalogues, added when the page loads that language (its pack is a chunk of its
 * own, so English players do not download it): until then a message reads in English.
 */
const catalogues: Partial<Record<Lang, Record<string, Sentences>>> = {}
export function addCatalogue(lang: Exclude<Lang, 'en'>, catalogue: object): void {
  catalogues[lang] = catalogue as Record<string, Sentences>
}

export type { Lang, Message, ParamValue }
export { LANGS } from './message'

/**
 * A refusal from the catalogue: the player reads it in either vocabulary at once, and the result keeps the
 * message itself (id and values) for a replay, a hand-in or another language.
 */
export function refuse(m: Message): Result {
  return { ok: false, metaphor: renderMessage(m, 'metaphor'), technical: renderMessage(m, 'technical'), message: m }
}

/** "No such house." / "host h9 not found": the one refusal for a thing that is not there. */
export const notFound = (kind: MissingKind, id = ''): Result => refuse(say('common.notFound', { kind, id }))
