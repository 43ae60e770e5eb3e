/** The HUD's languages: t(), the dictionaries, and the helpers that read the chosen language (t.ts). */
export * from './t'
