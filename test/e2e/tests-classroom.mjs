// Browser tests of the classroom: every lesson played step by step to its end and back at 1920×1080
// in the projector theme (a screenshot per step), the presenter keys, blanking and focus.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync, inflateSync } from 'node:zlib'
import {
  tid,
  check,
  waitFor,
  waitUntil,
  click,
  shot,
  pressKey,
  expectCanvasNotBlank,
  startLevel,
  serveDist,
  DIST,
  sleep,
  openCampaign,
} from './lib.mjs'
import { expectNoSeriousAxe, tagsApart } from './tests-stage.mjs'
import { createRequire } from 'node:module'

/** axe-core's `region` rule (content outside every landmark) on the page as it is now: one 'selector' line per node. */
async function regionFindings(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['region'], resultTypes: ['violations'] })
    return r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ') + ' ' + (n.html ?? '').slice(0, 80)))
  })
}

export const LESSONS = [
  ['01-big-picture', 5],
  ['02-virtual-machines', 6],
  ['03-containers', 5],
  ['04-vm-vs-container', 5],
  ['05-docker', 4],
  ['06-kubernetes', 5],
  ['07-docker-vs-kubernetes', 4],
  ['08-system-design', 4],
  ['09-takeaways', 4],
]

const state = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="classroom"]')
    return el ? { step: Number(el.dataset.step), phase: el.dataset.phase, expected: el.dataset.expectedHash } : null
  })

/** Wait until the classroom shows `step` in `phase`, then compare the game's world with the lesson's own. */
async function settled(page, step, phase, what) {
  await waitUntil(
    page,
    ([s, p]) => {
      const el = document.querySelector('[data-testid="classroom"]')
      return !!el && Number(el.dataset.step) === s && el.dataset.phase === p
    },
    [step, phase],
    { timeout: 20_000, what: `${what}: step ${step + 1} ${phase}` },
  )
  const st = await state(page)
  const hash = await page.evaluate(() => window.__houseOfPods.getState().hash())
  check(hash === st.expected, `${what}: step ${step + 1} shows world ${hash}, the lesson builds ${st.expected}`)
  return hash
}

/** Open the classroom at 1920×1080 in the projector theme. */
export async function openClassroom(t, { reducedMotion = true } = {}) {
  const page = await t.open('/?test')
  await page.setViewportSize({ width: 1920, height: 1080 })
  if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' })
  await click(page, tid('mode-classroom'))
  await waitFor(page, 'lesson-list')
  await click(page, tid('cls-projector'))
  check((await page.evaluate(() => document.documentElement.dataset.theme)) === 'projector', 'the projector theme did not switch on')
  return page
}

async function playLesson(page, id, steps) {
  await click(page, tid(`lesson-${id}`))
  await waitFor(page, 'classroom', { timeout: 20_000 })
  const hashes = []
  for (let k = 0; k < steps; k++) {
    const hasQuestion = (await page.locator(tid('cls-question')).count()) > 0
    if (hasQuestion) {
      await settled(page, k, 'predict', id)
      // SwiftShader draws a 1920×1080 frame in about 2 s: give the click time to find the page idle.
      await click(page, tid('cls-choice-0'), { timeout: 30_000 })
      await shot(page, `classroom-${id}-${k + 1}-predict.png`)
      await pressKey(page, 'ArrowRight')
      hashes.push(await settled(page, k, 'done', id))
      // The answer is played, then shown: exactly one choice is what the simulation shows.
      const shown = await page.locator('[data-testid^="cls-choice-"][data-shown="true"]').count()
      check(shown === 1, `${id} step ${k + 1}: ${shown} choices marked as what the simulation shows (want 1)`)
    } else hashes.push(await settled(page, k, 'done', id))
    if (k === 0) {
      const px = await page
        .locator('.cls-caption')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      check(px >= 32, `the caption is ${px} px at 1920×1080 (want ≥ 32)`)
      await expectCanvasNotBlank(page, `classroom-${id}-canvas.png`)
    }
    await shot(page, `classroom-${id}-${k + 1}.png`)
    await pressKey(page, k % 2 ? 'PageDown' : 'ArrowRight')
  }
  // The end: the concept text's takeaway for this section.
  await waitFor(page, 'cls-takeaway')
  await shot(page, `classroom-${id}-takeaway.png`)
  // Back, step by step: each step's world is exactly the one it had going forward.
  for (let k = steps - 1; k >= 0; k--) {
    await pressKey(page, k % 2 ? 'PageUp' : 'ArrowLeft')
    const h = await settled(page, k, 'done', `${id} going back`)
    check(h === hashes[k], `${id}: step ${k + 1} going back shows ${h}, going forward it was ${hashes[k]}`)
  }
  await pressKey(page, 'Escape')
  await waitFor(page, 'lesson-list')
}

const walkTests = [
  ...LESSONS.map(([id, steps]) => ({
    name: `classroom-lesson-${id}`,
    title: `lesson ${id} played forward to its takeaway and back at 1920×1080, projector theme, a screenshot per step`,
    timeoutMs: 240_000,
    async run(t) {
      const page = await openClassroom(t)
      await playLesson(page, id, steps)
    },
  })),
  {
    name: 'classroom-presenter-keys',
    timeoutMs: 180_000,
    title: 'presenter keys: a step plays live to the lesson’s world; a number jumps, R replays, End, Home, B blanks, F focuses',
    async run(t) {
      const page = await openClassroom(t, { reducedMotion: false })
      await click(page, tid('lesson-06-kubernetes'))
      // Step 1 plays live (about 4 s on screen) and ends on exactly the lesson's world.
      await waitUntil(page, () => document.querySelector('[data-testid="classroom"]')?.dataset.phase === 'playing', undefined, {
        what: 'step 1 playing',
      })
      await settled(page, 0, 'done', 'live play')
      await pressKey(page, '3')
      await settled(page, 2, 'done', 'jump to 3')
      const t3 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
      await pressKey(page, 'r')
      await waitUntil(page, () => document.querySelector('[data-testid="classroom"]')?.dataset.phase === 'playing', undefined, {
        what: 'replay playing',
      })
      await settled(page, 2, 'done', 'replay')
      check((await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)) === t3, 'a replay ends at a different world time')
      await pressKey(page, 'End')
      await waitFor(page, 'cls-takeaway')
      await pressKey(page, 'Home')
      await settled(page, 0, 'done', 'Home')
      await pressKey(page, 'b')
      await waitFor(page, 'cls-blank')
      await shot(page, 'classroom-blank.png')
      await pressKey(page, 'b')
      await waitFor(page, 'cls-blank', { state: 'hidden' })
      await pressKey(page, 'f')
      await waitFor(page, 'cls-leave', { state: 'hidden' })
      await waitFor(page, 'cls-caption')
      await shot(page, 'classroom-focus.png')
      await pressKey(page, 'f')
      await waitFor(page, 'cls-leave')
      await pressKey(page, 'l')
      await waitUntil(page, () => window.__houseOfPods.getUi().vocab === 'technical', undefined, { what: 'technical words' })
    },
  },
]

/** Where the lesson's bottom panels (question card, caption) stand on screen, and a thing's box: do they meet? */
async function coveredBy(page, kind, id) {
  return page.evaluate(
    ([k, i]) => {
      const b = window.__houseOfPods.screenBox(k, i)
      const cards = [...document.querySelectorAll('.cls-question, .cls-caption-box')].map((el) => el.getBoundingClientRect())
      const hit = b && cards.some((c) => b.left < c.right && b.right > c.left && b.top < c.bottom && b.bottom > c.top)
      return {
        box: b && { left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top), bottom: Math.round(b.bottom) },
        hit,
      }
    },
    [kind, id],
  )
}

const lessonLayoutTests = [
  {
    name: 'classroom-lesson3-setup-line',
    title:
      'lesson 3 step 2 (predict-then-see): the setup line shows when the step opens, before Play; the question card and caption ' +
      'stand clear of the room and the apartment the answer plays on (1920×1080, projector)',
    timeoutMs: 120_000,
    async run(t) {
      const page = await t.open('/?test&lesson=03-containers&step=2&theme=projector')
      await page.setViewportSize({ width: 1920, height: 1080 })
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await settled(page, 1, 'predict', 'lesson 3')
      const setup = await page
        .locator('.cls-caption')
        .first()
        .innerText({ timeout: 5000 })
        .catch(() => '')
      check(/apartment \(VM\) for the blog and a room \(container\) for the shop/.test(setup), `before Play the caption reads "${setup}"`)
      await shot(page, 'classroom-lesson3-step2-predict.png')
      await click(page, tid('cls-choice-0'), { timeout: 30_000 })
      await pressKey(page, 'ArrowRight')
      await settled(page, 1, 'done', 'lesson 3')
      const ids = await page.evaluate(() => {
        const w = window.__houseOfPods.getState().world
        return { shop: Object.values(w.containers).find((c) => c.appId === 'shop')?.id, vm: Object.keys(w.vms)[0] }
      })
      // The camera frames the street above the panels (a frame or two after they change size).
      await sleep(1500)
      const room = await coveredBy(page, 'container', ids.shop)
      const vm = await coveredBy(page, 'vm', ids.vm)
      t.log(`shop's room ${JSON.stringify(room)}, apartment ${JSON.stringify(vm)}`)
      await shot(page, 'classroom-lesson3-step2-done.png')
      check(room.box && !room.hit, `the shop's room is under the question card or caption: ${JSON.stringify(room)}`)
      check(vm.box && !vm.hit, `the apartment is under the question card or caption: ${JSON.stringify(vm)}`)
    },
  },
  {
    name: 'classroom-lesson4-tower-framed',
    title:
      'lesson 4 at 1280×720 (the lesson bar wraps to two rows): going to step 4, both houses and the tower of apartments show whole ' +
      'between the bar and the question card, their signs apart',
    timeoutMs: 120_000,
    async run(t) {
      const page = await t.open('/?test&lesson=04-vm-vs-container&step=3')
      await page.setViewportSize({ width: 1280, height: 720 })
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await waitFor(page, 'classroom', { timeout: 20_000 })
      await waitUntil(
        page,
        () => {
          const el = document.querySelector('[data-testid="classroom"]')
          return Number(el?.dataset.step) === 2 && el?.dataset.phase === 'done'
        },
        undefined,
        { timeout: 20_000, what: 'lesson 4 step 3 shown' },
      )
      await pressKey(page, 'ArrowRight')
      await settled(page, 3, 'predict', 'lesson 4')
      // The camera backs off once the panels have been measured (every 250 ms) and the question card has grown.
      const clear = () =>
        page.evaluate(() => {
          const h = window.__houseOfPods
          const w = h.getState().world
          const bar = document.querySelector('.cls-bar').getBoundingClientRect()
          const tops = [...document.querySelectorAll('.cls-question, .cls-caption-box')].map((el) => el.getBoundingClientRect().top)
          const free = { top: bar.bottom, bottom: Math.min(innerHeight, ...tops), left: 0, right: innerWidth }
          const things = [...Object.keys(w.hosts).map((id) => ['host', id]), ...Object.keys(w.vms).map((id) => ['vm', id])].map(
            ([k, id]) => ({ id, b: h.screenBox(k, id) }),
          )
          const out = things.filter(
            ({ b }) => !b || b.behind || b.top < free.top || b.bottom > free.bottom || b.left < free.left || b.right > free.right,
          )
          return {
            bar: Math.round(bar.bottom),
            free,
            out: out.map(({ id, b }) => ({ id, top: b && Math.round(b.top), bottom: b && Math.round(b.bottom) })),
          }
        })
      let r = await clear()
      for (let i = 0; i < 20 && r.out.length > 0; i++) {
        await sleep(250)
        r = await clear()
      }
      t.log(`lesson bar ends at ${r.bar} px; free area ${JSON.stringify(r.free)}`)
      await shot(page, 'classroom-lesson4-tower-framed.png')
      check(r.bar > 80, `at 1280×720 the lesson bar should wrap to two rows (it ends at ${r.bar} px)`)
      check(r.out.length === 0, `cut by the lesson bar or the question card: ${JSON.stringify(r.out)}`)
      // Framed small, the two houses' signs and the tower's OS sign stand close: none covers another.
      await tagsApart(page, 'lesson 4 step 4 at 1280×720')
    },
  },
]

export const urlTests = [
  {
    name: 'classroom-url-settings',
    title:
      "a teacher's link: a lesson at a step in the projector theme; a level directly with a bad value named in a banner; the campaign " +
      'shaped',
    async run(t) {
      // lesson= and step= open the classroom there.
      const page = await t.open('/?test&lesson=03-containers&step=3&theme=projector&labels=technical')
      await waitFor(page, 'classroom', { timeout: 20_000 })
      await settled(page, 2, 'done', 'lesson from the URL')
      check((await page.evaluate(() => document.documentElement.dataset.theme)) === 'projector', 'theme=projector did not apply')
      const caption = await page.locator('.cls-caption').first().innerText()
      check(/container/i.test(caption), `labels=technical: the caption reads "${caption}"`)
      await page.close()
      // A bad value: a banner names it, the rest of the link still works (never a white screen).
      const p2 = await t.open('/?test&level=01-one-house&theme=neon&speed=3&scale=150')
      await waitFor(p2, 'url-banner')
      const banner = await p2.locator(tid('url-banner')).innerText()
      check(banner.includes('theme=neon') && banner.includes('speed=3'), `the banner says: ${banner}`)
      const lv = await p2.evaluate(() => window.__houseOfPods.getState().level?.id)
      check(lv === '01-one-house', `level=01-one-house opened ${lv}`)
      // scale=150: the HUD is drawn half as large again; the scene's canvas still fills the window.
      await waitFor(p2, '[class="hud-layer"]')
      // The scene loads lazily and its canvas takes the window's size at its first frame: wait for it, then measure.
      const wide = () => (document.querySelector('canvas')?.getBoundingClientRect().width ?? 0) >= 1270
      await waitUntil(p2, wide, undefined, { timeout: 30_000, what: 'the canvas to fill the window' }).catch(() => {})
      const sizes = await p2.evaluate(() => ({
        zoom: getComputedStyle(document.querySelector('.hud-layer')).zoom,
        canvas: document.querySelector('canvas')?.getBoundingClientRect().width ?? 0,
      }))
      check(sizes.zoom === '1.5' && sizes.canvas >= 1270, `scale=150: HUD zoom ${sizes.zoom}, canvas ${sizes.canvas} px wide`)
      await shot(p2, 'classroom-url-banner.png')
      await p2.close()
      // The campaign as the teacher shaped it: two levels, both open, no stars shown.
      const p3 = await t.open('/?test&mode=campaign&unlock=all&levels=01-one-house,09-two-zones&score=hide')
      await waitFor(p3, '[data-testid^="level-card-"]')
      const cards = await p3
        .locator('[data-testid^="level-card-"]')
        .evaluateAll((els) => els.map((e) => [e.dataset.testid, e.dataset.locked]))
      check(
        JSON.stringify(cards) ===
          JSON.stringify([
            ['level-card-01-one-house', 'false'],
            ['level-card-09-two-zones', 'false'],
          ]),
        `cards: ${JSON.stringify(cards)}`,
      )
      check(!(await p3.locator('.stars').first().isVisible()), 'score=hide: the stars still show')
      // A lesson that does not exist: the lesson list and a banner.
      const p4 = await t.open('/?test&lesson=99-nope')
      await waitFor(p4, 'lesson-list')
      await waitFor(p4, 'url-banner')
    },
  },
]

/** Win level 1 through the UI (palette, street list, Give a room, speed 8×), then make a hand-in code. */
/** Level 1's third star: after the shop's room collapses (0:30) nobody reopens it; clear it out and give the shop a new room. */
async function reopenShop(page) {
  await waitUntil(
    page,
    () => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.appId === 'shop' && c.state === 'crashed'),
    undefined,
    { what: "the shop's room to collapse", timeout: 60_000 },
  )
  const r = await page.evaluate(() => {
    const s = window.__houseOfPods.getState()
    s.setPaused(true)
    const crashed = Object.values(s.world.containers).find((c) => c.appId === 'shop' && c.state === 'crashed')
    const out = [
      s.dispatch({ type: 'removeContainer', containerId: crashed.id }),
      s.dispatch({ type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } }),
    ]
    s.setPaused(false)
    return out
  })
  check(
    r.every((x) => x.ok),
    `reopening the shop: ${JSON.stringify(r)}`,
  )
}

async function winLevel1AndHandIn(t, name) {
  const page = await t.open('/?test')
  await startLevel(page, '01-one-house')
  // Generous click timeouts: with the scene drawing on SwiftShader a click can wait seconds for the page to settle.
  for (const app of ['shop', 'blog', 'chat']) {
    await click(page, tid(`app-${app}`), { timeout: 20_000 })
    await click(page, tid('tree-host-h1'), { timeout: 20_000 })
    await click(page, tid('action-runContainer'), { timeout: 20_000 })
    await waitUntil(page, (a) => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.appId === a), app, {
      what: `a room for ${app}`,
    })
  }
  await click(page, tid('speed-8'))
  await pressKey(page, 'Space')
  await reopenShop(page)
  const dialog = await waitFor(page, 'outcome-dialog', { timeout: 60_000 })
  check((await dialog.getAttribute('data-outcome')) === 'won', 'level 1 was not won')
  await page.locator(tid('handin-name')).fill(name)
  await click(page, tid('handin-make'))
  const code = await (await waitFor(page, 'handin-code')).inputValue()
  check(/^HOP1\.[A-Za-z0-9_-]+$/.test(code), `the hand-in code looks wrong: ${code.slice(0, 40)}`)
  // At 1280×800 the whole dialog, hand-in code included, fits on the screen: nothing to scroll to.
  const fit = await dialog.evaluate((el) => ({
    scroll: el.scrollHeight,
    client: el.clientHeight,
    bottom: el.getBoundingClientRect().bottom,
  }))
  t.log(`outcome dialog with the code: ${JSON.stringify(fit)} at ${JSON.stringify(page.viewportSize())}`)
  check(fit.scroll <= fit.client + 1 && fit.bottom <= 800, `the outcome dialog does not fit 1280×800: ${JSON.stringify(fit)}`)
  await shot(page, 'handin-code.png')
  await page.close()
  return code
}

/** Decode a code in Node, let `edit` change it, encode it again (what a student editing a claim would do). */
function tamper(code, edit) {
  const json = JSON.parse(inflateSync(Buffer.from(code.slice(5), 'base64url')).toString('utf8'))
  edit(json)
  return 'HOP1.' + deflateSync(Buffer.from(JSON.stringify(json))).toString('base64url')
}

async function openHandins(t) {
  const page = await t.open('/?test&mode=classroom')
  await click(page, tid('cls-handins'))
  await waitFor(page, 'handins-page')
  return page
}

export const handinTests = [
  {
    name: 'classroom-handin-level-file',
    title:
      "a student plays a level opened from a file and hands it in; the teacher's page asks for that file, then verifies the code " +
      'against it',
    timeoutMs: 150_000,
    async run(t) {
      // The teacher's own level: level 1 under another id, handed to the class as a file.
      const text = readFileSync(join('levels', '01-one-house.json'), 'utf8').replace('"01-one-house"', '"my-class-level"')
      const file = join(mkdtempSync(join(tmpdir(), 'hop-e2e-')), 'my-class-level.json')
      writeFileSync(file, text)
      const page = await t.open('/?test')
      await openCampaign(page)
      await page.locator(tid('level-file-input')).first().setInputFiles(file)
      await waitFor(page, 'palette', { timeout: 20_000 })
      check((await page.evaluate(() => window.__houseOfPods.getState().level?.id)) === 'my-class-level', 'the level file did not open')
      for (const app of ['shop', 'blog', 'chat'])
        await page.evaluate(
          (appId) => window.__houseOfPods.getState().dispatch({ type: 'runContainer', appId, target: { kind: 'host', hostId: 'h1' } }),
          app,
        )
      await page.evaluate(() => {
        window.__houseOfPods.getState().setSpeed(8)
        window.__houseOfPods.getState().setPaused(false)
      })
      await reopenShop(page)
      const dialog = await waitFor(page, 'outcome-dialog', { timeout: 60_000 })
      check((await dialog.getAttribute('data-outcome')) === 'won', 'the level from the file was not won')
      await page.locator(tid('handin-name')).fill('Grace')
      await click(page, tid('handin-make'))
      const code = await (await waitFor(page, 'handin-code')).inputValue()
      await page.close()
      const teacher = await openHandins(t)
      await teacher.locator(tid('handins-paste')).fill(code)
      await click(teacher, tid('handins-check'))
      await waitUntil(teacher, () => document.querySelector('[data-testid="handin-row-0"]')?.dataset.status === 'invalid', undefined, {
        what: 'the code without its level file',
        timeout: 30_000,
      })
      const asks = await teacher.locator(tid('handin-row-0')).innerText()
      check(/open that level file here too/.test(asks), `without the file the row reads: ${asks}`)
      await teacher.locator(tid('handins-levels')).setInputFiles(file)
      await waitFor(teacher, 'handins-level-files')
      await waitUntil(teacher, () => document.querySelector('[data-testid="handin-row-0"]')?.dataset.status === 'verified', undefined, {
        what: 'the code checked again against the level file',
        timeout: 30_000,
      })
      const row = await teacher.locator(tid('handin-row-0')).innerText()
      check(row.includes('Grace') && row.includes('★★★'), `with the file the row reads: ${row}`)
      await shot(teacher, 'handin-level-file-verified.png')
    },
  },
  {
    name: 'classroom-handin-round-trip',
    title: "a student wins level 1 through the UI and makes a code; the teacher's page replays it: verified, three stars, every objective",
    timeoutMs: 150_000,
    async run(t) {
      const code = await winLevel1AndHandIn(t, 'Ada Lovelace')
      const page = await openHandins(t)
      await page.locator(tid('handins-paste')).fill(`Ada: ${code}\n`)
      await click(page, tid('handins-check'))
      await waitUntil(page, () => document.querySelector('[data-testid="handin-row-0"]')?.dataset.status !== 'pending', undefined, {
        what: 'the hand-in to be checked',
        timeout: 30_000,
      })
      const row = page.locator(tid('handin-row-0'))
      const status = await row.getAttribute('data-status')
      const textOf = await row.innerText()
      check(status === 'verified', `the hand-in shows ${status}: ${textOf}`)
      check(textOf.includes('Ada Lovelace') && textOf.includes('★★★'), `the row reads: ${textOf}`)
      await shot(page, 'handin-verified.png')
      // The CSV has the student's line.
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, tid('handins-csv'))])
      const csv = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
      check(/^Ada Lovelace,01-one-house,verified,won,3,/m.test(csv), `the CSV reads:\n${csv}`)
    },
  },
  {
    name: 'classroom-handin-tampered',
    title: 'a hand-in with an edited claim is not verified; malformed, unknown-level and disallowed-command codes each get a clear line',
    timeoutMs: 150_000,
    async run(t) {
      const page = await openHandins(t)
      // A student who did nothing, but claims a three-star win.
      const honest =
        'HOP1.' +
        deflateSync(
          Buffer.from(
            JSON.stringify({ v: 1, level: '01-one-house', seed: 101, name: 'Eve', log: [], claim: { outcome: 'lost', stars: 0, met: [] } }),
          ),
        ).toString('base64url')
      const forged = tamper(honest, (h) => (h.claim = { outcome: 'won', stars: 3, met: ['open', 'blog', 'chat'] }))
      const unknown = tamper(honest, (h) => (h.level = 'zz-nope'))
      const hostile = tamper(honest, (h) => (h.log = [[0, { type: 'failHost', hostId: 'h1' }]]))
      await page.locator(tid('handins-paste')).fill([forged, 'HOP1.garbage!!', unknown, hostile, honest].join('\n'))
      await click(page, tid('handins-check'))
      await waitUntil(
        page,
        () =>
          document.querySelectorAll('[data-status="pending"]').length === 0 &&
          document.querySelectorAll('[data-testid^="handin-row-"]').length === 5,
        undefined,
        { what: 'all five checked', timeout: 40_000 },
      )
      const rows = await page.locator('[data-testid^="handin-row-"]').evaluateAll((els) => els.map((e) => [e.dataset.status, e.innerText]))
      check(rows[0][0] === 'not-verified' && rows[0][1].includes('claims won, the replay lost'), `forged claim: ${rows[0]}`)
      check(rows[1][0] === 'invalid' && /damaged|not a hand-in/.test(rows[1][1]), `garbage: ${rows[1]}`)
      check(rows[2][0] === 'invalid' && rows[2][1].includes('unknown level'), `unknown level: ${rows[2]}`)
      check(rows[3][0] === 'invalid' && rows[3][1].includes('not allowed in this level'), `disallowed command: ${rows[3]}`)
      check(rows[4][0] === 'verified', `the honest loss: ${rows[4]}`)
      await waitFor(page, 'handins-missed')
      await shot(page, 'handin-tampered.png')
    },
  },
]

export const timelineTests = [
  {
    name: 'classroom-timeline',
    title: 'the timeline (U): one tick back with the , key is the world one tick earlier; Live returns to the same world',
    async run(t) {
      const page = await t.open('/?test&level=01-one-house&speed=8&paused=no')
      await waitUntil(page, () => window.__houseOfPods?.getState().world.tick > 120, undefined, {
        what: '12 s of world time',
        timeout: 30_000,
      })
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      const head = await page.evaluate(() => ({
        tick: window.__houseOfPods.getState().world.tick,
        hash: window.__houseOfPods.getState().hash(),
      }))
      await pressKey(page, 'u')
      await waitFor(page, 'timeline-bar')
      await pressKey(page, ',')
      await pressKey(page, ',')
      const back = await page.evaluate(() => window.__houseOfPods.getState().world.tick)
      check(back === head.tick - 2, `two ticks back from ${head.tick} shows tick ${back}`)
      await shot(page, 'timeline-back.png')
      await click(page, tid('timeline-live'))
      const live = await page.evaluate(() => ({
        tick: window.__houseOfPods.getState().world.tick,
        hash: window.__houseOfPods.getState().hash(),
      }))
      check(live.tick === head.tick && live.hash === head.hash, `Live gave ${JSON.stringify(live)}, the run was at ${JSON.stringify(head)}`)
    },
  },
  {
    name: 'classroom-timeline-live-resumes',
    title:
      'the timeline: Live after looking back returns to the present and the clock runs again if it ran before; ' +
      'the bar and the Map (with its caption) hide nothing of each other at 1920×1080 and 1280×720; the bar is in a landmark',
    timeoutMs: 120_000,
    async run(t) {
      const page = await t.open('/?test&level=01-one-house&speed=8&paused=no')
      await waitFor(page, 'brief', { timeout: 20_000 })
      await pressKey(page, 'Escape')
      await waitUntil(page, () => window.__houseOfPods?.getState().world.tick > 60, undefined, {
        what: '6 s of world time',
        timeout: 30_000,
      })
      await pressKey(page, ',')
      await waitFor(page, 'timeline-bar')
      const back = await page.evaluate(() => ({
        tick: window.__houseOfPods.getState().world.tick,
        paused: window.__houseOfPods.getState().paused,
      }))
      check(back.paused, `looking back leaves the clock running: ${JSON.stringify(back)}`)
      await click(page, tid('timeline-live'))
      await waitUntil(page, (b) => window.__houseOfPods.getState().world.tick > b + 20, back.tick, {
        what: 'the clock to run again after Live (it ran before looking back)',
        timeout: 20_000,
      })
      // Paused before looking back: Live stays paused.
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await pressKey(page, ',')
      await click(page, tid('timeline-live'))
      await sleep(600)
      check(await page.evaluate(() => window.__houseOfPods.getState().paused), 'Live started a clock that was paused before looking back')
      // Replaying: the bar is inside a landmark (axe's region rule finds nothing on it).
      await pressKey(page, '<')
      await waitFor(page, 'timeline-replaying')
      const region = await regionFindings(page)
      check(!region.some((n) => n.includes('timeline')), `axe region findings on the timeline: ${region.join(' ; ')}`)
      await page.close()
      // The Map open beside the bar, on the projector at a large interface scale: the bar stays a strip at the foot of the
      // window and covers no panel (the Map and its caption, the legend), nor does any panel cover it.
      const p = await t.open(`/?test&level=01-one-house&theme=projector&scale=150&paused=no`)
      await p.setViewportSize({ width: 1280, height: 720 })
      await waitFor(p, 'brief', { timeout: 30_000 })
      await pressKey(p, 'Escape')
      await waitUntil(p, () => window.__houseOfPods.getState().world.tick > 20, undefined, { what: '2 s of world time', timeout: 30_000 })
      await pressKey(p, ',')
      await pressKey(p, 'o')
      await waitFor(p, 'overview-map', { state: 'attached', timeout: 20_000 })
      for (const [scale, size] of [
        [150, { width: 1280, height: 720 }],
        [150, { width: 1920, height: 1080 }],
        [200, { width: 1920, height: 1080 }],
      ]) {
        // The interface scale as the teacher's setting puts it on the page (scale=200 in the URL, or the lesson list's menu).
        await p.evaluate((k) => document.documentElement.style.setProperty('--ui-scale', String(k / 100)), scale)
        await p.evaluate((k) => (document.documentElement.dataset.uiScale = String(k / 100)), scale)
        await p.setViewportSize(size)
        await sleep(700)
        const r = await p.evaluate(() => {
          const box = (el) => {
            const b = el.getBoundingClientRect()
            return { left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top), bottom: Math.round(b.bottom) }
          }
          const bar = box(document.querySelector('[data-testid="timeline-bar"]'))
          const panels = [...document.querySelectorAll('.hud-left > *, .hud-right > *')]
            .filter((el) => el.getBoundingClientRect().width > 0)
            .map((el) => ({ what: el.className.split(' ').join('.'), ...box(el) }))
          const over = panels.filter((b) => b.left < bar.right && b.right > bar.left && b.top < bar.bottom && b.bottom > bar.top)
          return { bar, map: box(document.querySelector('[data-testid="overview-map"]')), over, H: innerHeight }
        })
        t.log(`scale ${scale}, ${size.width}×${size.height}: ${JSON.stringify(r)}`)
        await shot(p, `timeline-map-${scale}-${size.width}.png`)
        check(
          r.over.length === 0 && r.bar.bottom <= r.H && r.map.bottom <= r.H && r.bar.bottom - r.bar.top <= 0.2 * r.H,
          `scale ${scale}, ${size.width}×${size.height}: the timeline bar and the panels: ${JSON.stringify(r)}`,
        )
      }
    },
  },
]

export const offlineTests = [
  {
    name: 'classroom-offline',
    title: 'offline: after one visit the server stops; a reload still opens the game and a lesson step plays (service worker precache)',
    timeoutMs: 150_000,
    async run(t) {
      // A server of our own, so the test can stop it.
      const port = Number(process.env.E2E_PORT ?? 4400) + 50
      const server = await serveDist(DIST, port)
      const first = await t.open('/?test&nosw')
      const page = await first.context().newPage()
      const errors = []
      page.on('pageerror', (e) => errors.push(e.message))
      try {
        await page.goto(`http://127.0.0.1:${port}/?test`)
        await waitUntil(
          page,
          () =>
            navigator.serviceWorker?.ready.then(
              () =>
                !!navigator.serviceWorker.controller ||
                new Promise((r) => {
                  navigator.serviceWorker.addEventListener('controllerchange', () => r(true))
                  setTimeout(() => r(!!navigator.serviceWorker.controller), 15_000)
                }),
            ),
          undefined,
          { what: 'the service worker to control the page', timeout: 30_000 },
        )
      } finally {
        server.closeAllConnections?.()
        await new Promise((r) => server.close(r))
      }
      await sleep(300)
      const gone = await fetch(`http://127.0.0.1:${port}/`).then(
        () => false,
        () => true,
      )
      check(gone, 'the server is still answering')
      await page.reload()
      await click(page, tid('mode-classroom'))
      await click(page, tid('lesson-01-big-picture'))
      await waitUntil(page, () => document.querySelector('[data-testid="classroom"]')?.dataset.step === '0', undefined, {
        what: 'lesson 1 step 1 offline',
      })
      await pressKey(page, 'ArrowRight')
      await waitUntil(
        page,
        () => {
          const el = document.querySelector('[data-testid="classroom"]')
          return (
            el?.dataset.step === '1' && el.dataset.phase === 'done' && window.__houseOfPods.getState().hash() === el.dataset.expectedHash
          )
        },
        undefined,
        { what: 'lesson 1 step 2 played offline', timeout: 30_000 },
      )
      await shot(page, 'classroom-offline.png')
      check(errors.length === 0, `page errors offline: ${errors.join('; ')}`)
      await page.close()
    },
  },
]

export const remoteTests = [
  {
    name: 'classroom-replay-and-plan',
    title:
      "an incident planned on the remote fires at its exact moment as the teacher's; < replays the last 30 s to the same world; the " +
      'timeline docks in the HUD; U , < I P are in the key list; P shows a ring at the mouse',
    timeoutMs: 150_000,
    async run(t) {
      // The level opens paused: plan a house fire 3 s of world time ahead, then play at 8×.
      const page = await t.open('/?test&level=01-one-house&speed=8')
      await waitFor(page, 'palette', { timeout: 20_000 })
      await page.keyboard.press('Escape')
      for (const app of ['shop', 'blog', 'chat'])
        await page.evaluate(
          (appId) => window.__houseOfPods.getState().dispatch({ type: 'runContainer', appId, target: { kind: 'host', hostId: 'h1' } }),
          app,
        )
      // Level 1 has no building manager to hire: no manager figure with an empty clipboard on the street.
      await waitUntil(page, () => window.__houseOfPods.firstFrameMs() !== null, undefined, { what: 'the first frame', timeout: 30_000 })
      check((await page.locator('.hop-clipboard').count()) === 0, 'level 1 shows a building manager it does not have')
      await pressKey(page, 'i')
      await waitFor(page, 'incident-remote')
      const nowTick = await page.evaluate(() => window.__houseOfPods.getState().world.tick)
      const atS = nowTick / 10 + 3
      await page.locator(tid('incident-at')).fill(String(atS))
      check(await page.locator(tid('incident-when-later')).isChecked(), 'typing a moment should choose "at"')
      await click(page, tid('incident-fire'))
      await waitFor(page, 'incident-pending')
      await expectNoSeriousAxe(t, page, 'the incident remote with a planned incident')
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(false))
      await waitUntil(page, () => window.__houseOfPods.getState().commandLog.some((c) => c.by === 'teacher'), undefined, {
        what: 'the planned fire',
        timeout: 30_000,
      })
      const fired = await page.evaluate(() => window.__houseOfPods.getState().commandLog.find((c) => c.by === 'teacher'))
      t.log(`planned for tick ${Math.round(atS * 10)}, fired at tick ${fired.tick}: ${JSON.stringify(fired.command)}`)
      check(fired.command.type === 'failHost' && fired.tick === Math.round(atS * 10), `fired: ${JSON.stringify(fired)}`)
      await waitFor(page, 'incident-fired')
      await shot(page, 'incident-planned-fired.png')
      await pressKey(page, 'i')
      // Replay the last 30 s: rebuilt from the timeline and played forward to the same world.
      await waitUntil(page, () => window.__houseOfPods.getState().world.tick > 350, undefined, {
        what: '35 s of world time',
        timeout: 30_000,
      })
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      const head = await page.evaluate(() => ({
        tick: window.__houseOfPods.getState().world.tick,
        hash: window.__houseOfPods.getState().hash(),
        log: window.__houseOfPods.getState().commandLog.length,
      }))
      await pressKey(page, '<')
      await waitFor(page, 'timeline-replaying')
      // "Replaying 0:06.4 → 0:36.4": 30 s back from where the run was, played forward.
      const said = await page.locator(tid('timeline-replaying')).innerText()
      const m = said.match(/(\d+):([\d.]+) → (\d+):([\d.]+)/)
      const sec = (a, b) => Math.round((Number(a) * 60 + Number(b)) * 10)
      check(
        m && sec(m[3], m[4]) === head.tick && sec(m[1], m[2]) === head.tick - 300,
        `the replay says "${said}"; the run was at ${head.tick}`,
      )
      const during = await page.evaluate(() => window.__houseOfPods.getState().world.tick)
      check(during < head.tick, `while replaying, the world is at tick ${during}, the run was at ${head.tick}`)
      await shot(page, 'timeline-replaying.png')
      await expectNoSeriousAxe(t, page, 'the timeline replaying')
      // The bar is docked in the HUD: under the captions, clear of the side panels, on screen.
      const dock = await page.evaluate(() => {
        const r = (el) => el.getBoundingClientRect()
        const bar = document.querySelector('[data-testid="timeline-bar"]')
        const sides = [...document.querySelectorAll('.hud-left > *, .hud-right > *, .top-bar')].map(r).filter((b) => b.width > 0)
        const b = r(bar)
        return {
          inBottom: !!bar.closest('.hud-bottom'),
          bar: { left: b.left, right: b.right, top: b.top, bottom: b.bottom },
          overlaps: sides.filter((s) => s.left < b.right && s.right > b.left && s.top < b.bottom && s.bottom > b.top).length,
          H: innerHeight,
        }
      })
      check(dock.inBottom && dock.overlaps === 0 && dock.bar.bottom <= dock.H, `the timeline bar is not docked: ${JSON.stringify(dock)}`)
      await waitFor(page, 'timeline-replaying', { state: 'detached', timeout: 30_000 })
      const end = await page.evaluate(() => ({
        tick: window.__houseOfPods.getState().world.tick,
        hash: window.__houseOfPods.getState().hash(),
        log: window.__houseOfPods.getState().commandLog.length,
      }))
      check(
        end.tick === head.tick && end.hash === head.hash && end.log === head.log,
        `after the replay ${JSON.stringify(end)}, before ${JSON.stringify(head)}`,
      )
      // The key list names the presenter's keys.
      await pressKey(page, '?')
      const lines = (await page.locator(tid('keys-help')).innerText()).split('\n').map((l) => l.trim())
      for (const k of ['U', ',', '<', 'I', 'P']) check(lines.includes(k), `key ${k} missing from the key list`)
      await pressKey(page, 'Escape')
      // The pointer highlight follows the mouse.
      await pressKey(page, 'p')
      await page.mouse.move(500, 320)
      await page.mouse.move(520, 340)
      const ring = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="pointer-highlight"]')
        const r = el?.firstElementChild?.getBoundingClientRect()
        return el && !el.hidden && r ? { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width } : null
      })
      check(ring && Math.abs(ring.x - 520) <= 2 && Math.abs(ring.y - 340) <= 2 && ring.w >= 80, `the ring: ${JSON.stringify(ring)}`)
      await shot(page, 'pointer-highlight.png')
      await pressKey(page, 'p')
      await waitFor(page, 'pointer-highlight', { state: 'detached' })
    },
  },
  {
    name: 'classroom-incident-remote',
    title: "the incident remote (I): in a lesson a room crashes and the clock runs; in a level a house burns, logged as the teacher's",
    async run(t) {
      const page = await t.open('/?test&lesson=01-big-picture&step=4')
      await waitFor(page, 'classroom', { timeout: 20_000 })
      await pressKey(page, 'i')
      await waitFor(page, 'incident-remote')
      await page.locator(tid('incident-app')).selectOption('chat')
      await click(page, tid('incident-crash'))
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.appId === 'chat' && c.state !== 'running'),
        undefined,
        { what: 'a chat room to crash' },
      )
      check(!(await page.evaluate(() => window.__houseOfPods.getState().paused)), 'the clock did not start after the incident in a lesson')
      // Captioned as the teacher's, over the lesson's own caption.
      await waitUntil(
        page,
        () => /^Teacher: .*chat/.test(document.querySelector('.classroom [data-testid="caption"]')?.innerText.split(/\d:\d\d /)[1] ?? ''),
        undefined,
        { what: "the lesson to caption the teacher's crash" },
      )
      await shot(page, 'incident-remote-lesson.png')
      await page.close()
      const p2 = await t.open('/?test&level=01-one-house')
      await waitFor(p2, 'palette', { timeout: 20_000 })
      await pressKey(p2, 'i')
      await waitFor(p2, 'incident-remote')
      await click(p2, tid('incident-fire'))
      const after = await p2.evaluate(() => {
        const s = window.__houseOfPods.getState()
        return { power: s.world.hosts.h1.power, last: s.commandLog.at(-1) }
      })
      check(
        after.power === 'failed' && after.last?.by === 'teacher' && after.last.command.type === 'failHost',
        `after the fire: ${JSON.stringify(after)}`,
      )
      // The caption line says it as the teacher's, in both vocabularies.
      const said = () => p2.locator(tid('caption')).innerText()
      await waitUntil(
        p2,
        () => /Teacher: Fire! House 1 burnt down/.test(document.querySelector('[data-testid="caption"]')?.innerText ?? ''),
        undefined,
        { what: `the caption to say the teacher burnt house 1` },
      ).catch(async () => check(false, `the caption says "${await said()}"`))
      await shot(p2, 'incident-remote-level.png')
      await pressKey(p2, 'l')
      await waitUntil(
        p2,
        () => /Teacher: Host 1 failed/.test(document.querySelector('[data-testid="caption"]')?.innerText ?? ''),
        undefined,
        { what: 'the technical caption' },
      ).catch(async () => check(false, `the technical caption says "${await said()}"`))
      // Its ✕ closes it (as I does).
      await click(p2, tid('incident-remote-close'))
      await p2.waitForSelector(tid('incident-remote'), { state: 'detached', timeout: 5_000 })
    },
  },
]

export const tests = [...walkTests, ...lessonLayoutTests, ...urlTests, ...handinTests, ...timelineTests, ...offlineTests, ...remoteTests]
