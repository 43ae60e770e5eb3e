/**
 * The link banner's words for what a URL setting expects and what is used instead. The parser (src/state/url.ts)
 * writes them in English; another language's table (src/ui/i18n/url-es.ts) says them in its words, and leaves
 * values a link would carry (mode names, numbers, level ids) as they are.
 */
export const URL_EN = {
  phrase: (english: string): string => english,
}

export type UrlText = typeof URL_EN
