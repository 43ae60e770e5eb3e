/** A message as the world stores it, and how a catalogue entry renders one. */

/** What a message may carry: plain, serialisable values (names, counts, sizes already formatted). */
export type ParamValue = string | number | boolean | null | readonly string[]

export type Params<K extends string> = Readonly<Record<K, ParamValue>>

export interface Message {
  id: string
  params: Readonly<Record<string, ParamValue>>
}

export interface Entry<K extends string> {
  metaphor: (p: Params<K>) => string
  technical: (p: Params<K>) => string
}

export type Catalogue = Record<string, Entry<string> | Entry<never>>

/** One catalogue entry: its sentence in the house words and in the technical words. */
export function entry<K extends string>(metaphor: (p: Params<K>) => string, technical: (p: Params<K>) => string): Entry<K> {
  return { metaphor, technical }
}

/** The languages the catalogue speaks: English (catalogue.ts) and Spanish (es.ts). English is the default. */
export { LANGS } from '../labels'
export type { Lang } from '../labels'
