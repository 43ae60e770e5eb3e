/** The link banner's expected values and fallbacks in Spanish (the parser writes them in English: src/state/url.ts). */
import type { UrlText } from '../urlText'

const ES: Readonly<Record<string, string>> = {
  'yes or no': 'sí o no (yes, no)',
  'a lesson id such as 03-containers': 'el id de una lección, como 03-containers',
  'a step number from 1': 'un número de paso desde 1',
  'a level number as on its card (e.g. 5) or a level id such as 01-one-house':
    'el número de un nivel como en su tarjeta (p. ej. 5) o su id, como 01-one-house',
  all: 'all (todos)',
  'a whole number from 0 to 4294967295': 'un número entero de 0 a 4294967295',
  'level ids separated by commas': 'ids de niveles separados por comas',
  'metaphor or technical': 'metaphor o technical',
  'a number from 0 to 50': 'un número de 0 a 50',
  'the title menu': 'el menú principal',
  'the lesson list': 'la lista de lecciones',
  'step 1': 'el paso 1',
  'the menu': 'el menú',
  'levels unlock one by one': 'los niveles se desbloquean de uno en uno',
  'paused at start': 'en pausa al empezar',
  standard: 'el estándar',
  English: 'inglés',
  "each level's own seed": 'la semilla de cada nivel',
  'the others': 'los demás',
  'all levels': 'todos los niveles',
  shown: 'visible',
  'metaphor (houses and rooms)': 'metaphor (casas y habitaciones)',
  'no street': 'ninguna calle',
}

export const URL_ES: UrlText = {
  phrase: (english) => ES[english] ?? english.replace(/^(.+), (\w+)$/, '$1 o $2'),
}
