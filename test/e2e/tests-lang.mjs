// Browser tests of the second language: ?lang=es opens the game in Spanish (the menu, a lesson step
// on the projector at 1920×1080, a level's brief, the simulation's messages), html lang="es", axe-core
// clean, nothing overflowing; the language chosen in the menu is remembered across a reload.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  check,
  click,
  dispatch,
  expectCanvasNotBlank,
  pressKey,
  settledRendererInfo,
  shot,
  startSandbox,
  tid,
  waitFor,
  waitForFirstFrame,
  waitUntil,
} from './lib.mjs'
import { openCity, waitForZonePlates } from './tests-city.mjs'
import { expectNoSeriousAxe } from './tests-stage.mjs'

const ROOT = join(import.meta.dirname, '../..')
const overlay = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

/** Elements inside `selector` whose text is cut off or runs outside the window (none expected). */
function overflowing(page, selector) {
  return page.evaluate((sel) => {
    const out = []
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const cut = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible'
      if (cut || r.right > innerWidth + 1 || r.left < -1 || r.bottom > innerHeight + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.bottom)}`)
    }
    return out
  }, selector)
}

export const tests = [
  {
    name: 'lang-spanish',
    title:
      '?lang=es: the menu, a lesson step on the projector at 1920×1080 (its Spanish caption and question), a level brief, the ' +
      'event log, the inspector\'s rows and the link banner in Spanish; html lang="es"; axe-core clean; nothing overflows; the ' +
      'choice in the menu is remembered',
    timeoutMs: 180_000,
    async run(t) {
      const lesson = overlay('levels/lessons/es/03-containers.json')
      const level = overlay('levels/es/01-one-house.json')
      // The menu.
      const page = await t.open('/?test&lang=es')
      await page.setViewportSize({ width: 1920, height: 1080 })
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await waitFor(page, 'mode-campaign')
      check((await page.evaluate(() => document.documentElement.lang)) === 'es', 'html lang is not "es"')
      const menu = await page.locator('.menu').innerText()
      check(menu.includes('Campaña') && menu.includes('Aula') && menu.includes('Modo libre'), `the menu reads: ${menu.slice(0, 200)}`)
      check(!/Campaign|Sandbox/.test(menu), `English left on the Spanish menu: ${menu.slice(0, 200)}`)
      await shot(page, 'lang-es-menu.png')
      await expectNoSeriousAxe(t, page, 'the Spanish menu')
      // The classroom: a lesson step in the projector theme, its caption as the overlay writes it.
      await click(page, tid('mode-classroom'))
      await waitFor(page, 'lesson-list')
      const list = await page.locator(tid('lesson-list')).innerText()
      check(list.includes(lesson.title) && list.includes('Recoger entregas'), `the lesson list reads: ${list.slice(0, 300)}`)
      await click(page, tid('cls-projector'))
      await click(page, tid('lesson-03-containers'))
      await waitFor(page, 'classroom', { timeout: 20_000 })
      await waitUntil(page, () => document.querySelector('[data-testid="classroom"]')?.dataset.phase === 'done', undefined, {
        timeout: 20_000,
        what: 'step 1 played',
      })
      const caption = await page.locator('.cls-caption').first().innerText()
      check(caption === lesson.steps[0].caption.metaphor, `step 1's caption reads "${caption}"`)
      const px = await page
        .locator('.cls-caption')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      check(px >= 32, `the Spanish caption is ${px} px at 1920×1080 (want ≥ 32)`)
      const term = await page.locator('.cls-term').first().innerText()
      check(term.includes(lesson.steps[0].term), `the term line reads "${term}"`)
      const bar = await page.locator('.cls-bar').innerText()
      check(bar.includes('← Lecciones') && bar.includes('Palabras: casas y habitaciones'), `the presenter bar reads: ${bar}`)
      await expectCanvasNotBlank(page, 'lang-es-lesson-canvas.png')
      check((await overflowing(page, '.cls-bar button, .cls-caption-box, .cls-nav button')).length === 0, 'the lesson overflows')
      await shot(page, 'lang-es-lesson-step1.png')
      // Step 2 asks the class: the question and its choices in Spanish; the keys are the same.
      await pressKey(page, 'ArrowRight')
      await waitFor(page, 'cls-question', { timeout: 20_000 })
      const q = await page.locator(tid('cls-question')).innerText()
      check(q.includes(lesson.steps[1].question.prompt.metaphor), `the question reads: ${q}`)
      check(q.includes(lesson.steps[1].question.choices[0].metaphor) && q.includes('Pregunta a la clase'), `the choices read: ${q}`)
      check((await overflowing(page, '.cls-question, .cls-choice')).length === 0, 'the question overflows')
      await shot(page, 'lang-es-lesson-question.png')
      await expectNoSeriousAxe(t, page, 'a Spanish lesson step')
      // L switches the words: the technical caption after the answer is played.
      await pressKey(page, 'ArrowRight')
      await waitUntil(page, () => document.querySelector('[data-testid="classroom"]')?.dataset.phase === 'done', undefined, {
        timeout: 20_000,
        what: 'step 2 played',
      })
      await pressKey(page, 'l')
      const technical = await page.locator('.cls-caption').first().innerText()
      check(technical === lesson.steps[1].caption.technical, `the technical caption reads "${technical}"`)
      await page.close()

      // A level opened by link: its brief, objectives and top bar in Spanish.
      const p2 = await t.open('/?test&lang=es&level=01-one-house')
      await p2.setViewportSize({ width: 1920, height: 1080 })
      const brief = await (await waitFor(p2, 'brief')).innerText()
      check(brief.includes(level.brief) && brief.includes(level.title), `the brief reads: ${brief.slice(0, 300)}`)
      check(brief.includes('¡Vamos!'), `the brief's button: ${brief.slice(-80)}`)
      await shot(p2, 'lang-es-level-brief.png')
      await click(p2, tid('btn-start-level'))
      const objectives = await p2.locator('.objectives').innerText()
      check(objectives.includes(level.objectives.open.metaphor), `the objectives read: ${objectives}`)
      const top = await p2.locator('.top-bar').innerText()
      check(top.includes('Una casa, muchas apps') && top.includes('quedan') && top.includes('Encargo'), `the top bar reads: ${top}`)
      // The simulation's own messages: a room given through the store is logged in Spanish.
      await dispatch(p2, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
      await pressKey(p2, 'e')
      const log = await (await waitFor(p2, 'event-log')).innerText()
      check(log.includes('Se prepara una habitación para shop'), `the event log reads: ${log.slice(0, 300)}`)
      check((await overflowing(p2, '.top-bar, .top-bar button, .objectives')).length === 0, 'the Spanish top bar overflows')
      await shot(p2, 'lang-es-level.png')
      await expectNoSeriousAxe(t, p2, 'a Spanish level in play')
      // The inspector's rows, sentences built from parts: a house's, then a room's, in Spanish with no English row left.
      await p2.evaluate(() => window.__houseOfPods.getUi().select({ kind: 'host', id: 'h1' }))
      await waitUntil(p2, () => /Estado/.test(document.querySelector('[data-testid="inspector"]')?.textContent ?? ''), undefined, {
        what: 'the inspector showing house h1',
      })
      const house = await p2.locator(tid('inspector')).innerText()
      check(
        house.includes('Condición del nodo') && house.includes('núcleos reservados') && house.includes('Lado de la calle (zona)'),
        `the house's rows read: ${house.slice(0, 400)}`,
      )
      check(
        !/\b(State|Node condition|reserved|kept for the house|Street side|Rooms standing)\b/.test(house),
        `English in the rows: ${house}`,
      )
      await shot(p2, 'lang-es-inspector-house.png')
      const room = await p2.evaluate(() => Object.keys(window.__houseOfPods.getState().world.containers)[0])
      await p2.evaluate((id) => window.__houseOfPods.getUi().select({ kind: 'container', id }), room)
      await waitUntil(p2, () => /Dónde/.test(document.querySelector('[data-testid="inspector"]')?.textContent ?? ''), undefined, {
        what: 'the inspector showing the room',
      })
      const roomRows = await p2.locator(tid('inspector')).innerText()
      check(
        roomRows.includes('Clase QoS') && roomRows.includes('La cuida el administrador'),
        `the room's rows read: ${roomRows.slice(0, 400)}`,
      )
      check(
        roomRows.includes('Qué le hacen las cañerías a esta habitación') && roomRows.includes('Una habitación normal'),
        `the room's diagnosis reads: ${roomRows.slice(-600)}`,
      )
      check(!/plumbing does|A plain room|In technical terms/.test(roomRows), `English in the diagnosis: ${roomRows.slice(-600)}`)
      check(
        !/\b(Where|Looked after|Restarts|Sent visitors|not a request|Shares the kernel)\b/.test(roomRows),
        `English in the rows: ${roomRows}`,
      )
      await shot(p2, 'lang-es-inspector-room.png')
      await p2.close()

      // The link banner: a bad setting named with what it expects and what is used, in Spanish.
      const p4 = await t.open('/?test&lang=es&labels=houseish&seed=x')
      const banner = await (await waitFor(p4, 'url-banner')).innerText()
      check(
        banner.includes('metaphor o technical') && banner.includes('casas y habitaciones') && banner.includes('la semilla de cada nivel'),
        `the banner reads: ${banner}`,
      )
      check(!/is not understood|houses and rooms|whole number|own seed/.test(banner), `English in the banner: ${banner}`)
      await shot(p4, 'lang-es-url-banner.png')
      await p4.close()

      // The building manager's clipboard on the sandbox street: its title and rows in Spanish.
      const p5 = await t.open('/?test&lang=es')
      await startSandbox(p5)
      await waitForFirstFrame(p5)
      const clipboard = await waitUntil(p5, () => document.querySelector('.hop-clipboard')?.innerText, undefined, {
        timeout: 30_000,
        what: "the manager's clipboard",
      })
      t.log(`clipboard: ${clipboard.replace(/\n/g, ' | ')}`)
      check(/administrador/i.test(clipboard) && /abiertas|nada que cuidar/.test(clipboard), `the clipboard reads: ${clipboard}`)
      check(!/\b(open|nothing to look after|building manager|more)\b/.test(clipboard), `English on the clipboard: ${clipboard}`)
      await p5.close()

      // The menu's choice is remembered: Spanish chosen, the page reloaded without lang=, still Spanish.
      const p3 = await t.open('/?test')
      await waitFor(p3, 'lang-select')
      check((await p3.locator(tid('mode-campaign')).innerText()).includes('Campaign'), 'English is not the default')
      await p3.locator(tid('lang-select')).selectOption('es')
      await waitUntil(p3, () => document.documentElement.lang === 'es', undefined, { what: 'html lang="es" after the choice' })
      await p3.reload()
      await waitFor(p3, 'mode-campaign')
      check((await p3.locator(tid('mode-campaign')).innerText()).includes('Campaña'), 'the chosen language was not remembered')
      // A link's lang= wins over the remembered choice.
      await p3.goto(`${t.base}/?test&lang=en`)
      await waitFor(p3, 'mode-campaign')
      check((await p3.locator(tid('mode-campaign')).innerText()).includes('Campaign'), 'lang=en did not apply over the remembered es')
    },
  },
  {
    name: 'lang-spanish-lab-city',
    title:
      '?lang=es: the VM-vs-container lab table (row names, waiting and measured cells, the concept text) and the city view of a big ' +
      "street (zone plates, a zone's houses down) read in Spanish, with no English left in them",
    timeoutMs: 200_000,
    async run(t) {
      const page = await t.open('/?test&lang=es')
      await page.setViewportSize({ width: 1920, height: 1080 })
      await click(page, tid('mode-lab'))
      await waitFor(page, 'lab-panel', { timeout: 15_000 })
      const before = await page.locator(tid('lab-table')).innerText()
      check(
        ['Característica', 'Velocidad', 'Aislamiento', 'esperando', 'texto del concepto', 'Arranque rápido'].every((x) =>
          before.includes(x),
        ),
        `the waiting lab table reads: ${before.slice(0, 500)}`,
      )
      check(!/\b(Feature|Speed|Isolation|waiting|concept text|Fast startup|Chart)\b/.test(before), `English in the lab table: ${before}`)
      check((await page.locator(tid('lab-run')).innerText()).includes('Ejecutar con 5'), 'the Run button is not in Spanish')
      await click(page, tid('lab-run'))
      // Run builds a fresh lab street: its time controls come with it (a loaded machine takes a while).
      await waitFor(page, 'speed-8', { timeout: 30_000 })
      // The street's event tags (the apartments' signs while they boot) in Spanish too: read while they boot, at 1×.
      const tags = await waitUntil(
        page,
        () => {
          const all = [...document.querySelectorAll('[data-testid^="scene-tag-"]')].map((e) => e.textContent)
          return all.some((x) => /se encienden las luces|el kit va de camino|en obras/.test(x)) ? all : null
        },
        undefined,
        { timeout: 30_000, what: 'a boot tag of the lab street in Spanish', interval: 100 },
      )
      t.log(`tags while booting: ${tags.join(' | ')}`)
      check(!tags.some((x) => /lights coming on|kit on its way|being built|crates|storeroom/.test(x)), `English tags: ${tags.join(' | ')}`)
      await click(page, tid('speed-8'))
      await waitUntil(
        page,
        () => document.querySelector('[data-testid="lab-cell-speed-container"]')?.getAttribute('data-state') === 'measured',
        undefined,
        { timeout: 30_000, what: "the rooms' start-up measured", interval: 200 },
      )
      const cells = await page.locator(tid('lab-table')).innerText()
      check(
        cells.includes('en marcha tras') && /compartido por \d+ habitaciones/.test(cells),
        `the measured lab table reads: ${cells.slice(0, 600)}`,
      )
      check(
        !/\b(running after|so far|shared by|set of plumbing|per house|not tried|Measuring)\b/.test(cells),
        `English in the cells: ${cells}`,
      )
      const status = await page.locator(tid('lab-status')).innerText()
      check(/en marcha/.test(status) && !/running/.test(status), `the lab's status line reads: ${status}`)
      await shot(page, 'lang-es-lab.png')
      await page.close()

      // The city view: the zones' plates and a zone's houses down, in Spanish.
      const city = await openCity(t, 'M', '&lang=es')
      await settledRendererInfo(city, 2, 60_000)
      await waitForZonePlates(city)
      const plates = async () =>
        city.evaluate(() =>
          [...document.querySelectorAll('[data-testid="city-label"][data-kind="zone"][data-shown="1"]')].map((e) => e.textContent),
        )
      const names = await plates()
      check(names.length === 3 && ['a', 'b', 'c'].every((z) => names.some((x) => x.includes(`lado de la calle ${z}`))), `plates: ${names}`)
      check(
        names.every((x) => /casas: todas en pie/.test(x) && !/street|houses|standing/.test(x)),
        `English on the plates: ${names}`,
      )
      await dispatch(city, { type: 'failZone', zone: 'a' })
      await waitUntil(
        city,
        () => [...document.querySelectorAll('[data-kind="zone"]')].some((e) => /caídas/.test(e.textContent)),
        undefined,
        {
          timeout: 30_000,
          what: "zone a's plate saying its houses are down",
        },
      )
      await settledRendererInfo(city, 3, 60_000)
      const after = await plates()
      check(after.some((x) => /▲ 167 caídas/.test(x)) && !after.some((x) => /\bdown\b/.test(x)), `after burning zone a: ${after}`)
      const map = await city.locator(tid('overview-map-summary')).innerText()
      check(/500 casas: ▲ 167 caídas/.test(map) && !/\b(houses|down)\b/.test(map), `the overview map reads: ${map}`)
      await shot(city, 'lang-es-city.png')
    },
  },
]
