/**
 * Spanish is a chunk of its own: an English player never downloads it, and until it arrives a Spanish
 * player reads English, never a blank or a key; once loaded, messages, the HUD and the levels read in Spanish.
 */
import { expect, test } from 'vitest'
import { renderMessage, say } from '../../src/sim'
import { translate } from '../../src/ui/i18n/t'
import { loadLanguage } from '../../src/ui/i18n/packs'
import { usePacks } from '../../src/ui/i18n/packStore'
import { levelIn } from '../../src/ui/i18n/content'
import { bundledLevels } from '../../src/levels/bundled'

test('before the Spanish pack arrives a message, a HUD word and a level read in English; after, in Spanish', async () => {
  const m = say('hosts.repaired', { host: 'h1' })
  const level = bundledLevels().find((l) => l.ok)!
  if (!level.ok) throw new Error('no level')
  const englishMessage = renderMessage(m, 'metaphor', 'en')
  const englishTitle = level.level.title
  expect(renderMessage(m, 'metaphor', 'es')).toBe(englishMessage)
  expect(translate('es', 'metaphor', 'drawers.street')).toBe(translate('en', 'metaphor', 'drawers.street'))
  expect(levelIn(level.level, 'es').title).toBe(englishTitle)
  expect(usePacks.getState().ready).toEqual(['en'])

  await loadLanguage('es')
  expect(usePacks.getState().ready).toContain('es')
  expect(renderMessage(m, 'metaphor', 'es')).not.toBe(englishMessage)
  expect(translate('es', 'metaphor', 'drawers.street')).not.toBe(translate('en', 'metaphor', 'drawers.street'))
  expect(levelIn(level.level, 'es').title).not.toBe(englishTitle)
})
