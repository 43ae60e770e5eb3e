// Browser tests of the second language: ?lang=es opens the game in Spanish (the menu, a lesson step
// on the projector at 1920×1080, a level's brief, the simulation's messages), html lang="es", axe-core
// clean, nothing overflowing; the language chosen in the menu is remembered across a reload.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, click, dispatch, expectCanvasNotBlank, pressKey, shot, tid, waitFor, waitUntil } from './lib.mjs'
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
      '?lang=es: the menu, a lesson step on the projector at 1920×1080 (its Spanish caption and question), a level brief and the ' +
      'event log in Spanish; html lang="es"; axe-core clean; nothing overflows; the choice in the menu is remembered',
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
      await p2.close()

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
]
