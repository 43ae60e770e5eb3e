// The browser tests, from a player's point of view, written against the UI's data-testids.
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  tid,
  check,
  sleep,
  waitFor,
  waitUntil,
  clickFirst,
  CAMPAIGN,
  SANDBOX,
  openCampaign,
  startLevel,
  closeBrief,
  waitForHandle,
  waitForFirstFrame,
  dispatch,
  waitForRunning,
  settledRendererInfo,
  addBenchHouses,
  scaleBenchApp,
  shot,
  expectCanvasNotBlank,
  expectNotWhiteScreen,
  pressKey,
  click,
} from './lib.mjs'

const L1 = '01-one-house'
const BUNDLED = ['01-one-house', '02-apartments', '03-manager']
const PROGRESS_KEY = 'house-of-pods:progress'

const text = (page, id) => page.locator(tid(id)).first().innerText()
const roomsOf = (page, appId) =>
  page.evaluate((a) => Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === a).length, appId)

/** Pick an app in the palette, select house 1 in the street tree, give it a room (button or R key). */
async function giveRoom(page, appId, how = 'click') {
  await click(page, tid(`app-${appId}`))
  await click(page, tid('tree-host-h1'))
  if (how === 'key') {
    await pressKey(page, 'r')
  } else {
    await click(page, tid('action-runContainer'))
  }
}

async function giveRoomAndWait(page, appId, how) {
  const before = await roomsOf(page, appId)
  await giveRoom(page, appId, how)
  await waitUntil(
    page,
    ([a, n]) => Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === a).length > n,
    [appId, before],
    { timeout: 5000, what: `a room for ${appId} (${how === 'key' ? 'R key' : 'action-runContainer'})` },
  )
}

async function waitForOutcome(page, outcome, timeout = 45_000) {
  const dialog = await waitFor(page, 'outcome-dialog', { timeout })
  const got = await dialog.getAttribute('data-outcome')
  check(got === outcome, `outcome-dialog says data-outcome="${got}", expected "${outcome}"`)
  return dialog
}

/** Win level 1 quickly through the test handle (the UI path is test "level1-win"). */
async function winLevel1Fast(page) {
  await startLevel(page, L1)
  for (const app of ['shop', 'blog', 'chat'])
    await dispatch(page, { type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })
  await page.evaluate(() => {
    const s = window.__houseOfPods.getState()
    s.setSpeed(8)
    s.setPaused(false)
  })
  await waitForOutcome(page, 'won')
}

async function cardState(page, id) {
  return page
    .locator(tid(`level-card-${id}`))
    .first()
    .evaluate((el) => {
      const btn = el.matches('button') ? el : el.querySelector('button')
      const locked =
        el.getAttribute('data-locked') === 'true' ||
        el.getAttribute('aria-disabled') === 'true' ||
        !!(btn && btn.disabled) ||
        el.hasAttribute('disabled')
      const starsAttr = el.getAttribute('data-stars')
      const stars = starsAttr !== null ? Number(starsAttr) : (el.textContent.match(/★/g) ?? []).length
      return { locked, stars, text: el.textContent }
    })
}

export const tests = [
  {
    name: 'menu',
    title: 'the menu renders; Campaign lists the bundled levels',
    async run(t) {
      const page = await t.open()
      await page
        .locator(CAMPAIGN.join(', '))
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 })
        .catch(() => {
          throw new Error('the menu shows no Campaign button')
        })
      await expectNotWhiteScreen(page)
      await shot(page, 'menu.png')
      await openCampaign(page)
      const cards = await page.locator('[data-testid^="level-card-"]').count()
      check(cards >= 3, `Campaign shows ${cards} level cards, expected at least 3`)
      for (const id of BUNDLED) check((await page.locator(tid(`level-card-${id}`)).count()) === 1, `no level-card-${id}`)
      await shot(page, 'campaign.png')
    },
  },

  {
    name: 'level1-win',
    title: 'level 1 played through the UI to a win',
    async run(t) {
      const page = await t.open()
      await startLevel(page, L1)
      await waitForFirstFrame(page)
      await giveRoomAndWait(page, 'shop', 'click')
      await giveRoomAndWait(page, 'blog', 'click')
      await giveRoomAndWait(page, 'chat', 'key')
      await pressKey(page, 'Space')
      await waitUntil(page, () => !window.__houseOfPods.getState().paused, undefined, { timeout: 3000, what: 'Space to start the clock' })
      // A look at the running level at 1×: rooms up, visitors walking in from 0:05.
      await waitUntil(page, () => window.__houseOfPods.getState().world.timeMs > 6500, undefined, {
        timeout: 20_000,
        what: 'the clock to pass 0:06',
      })
      await expectCanvasNotBlank(page, 'level1-canvas.png')
      await shot(page, 'level1.png')
      const done = await page.locator(tid('objective-open')).first().getAttribute('data-done')
      check(done === 'true', `objective-open has data-done="${done}" with all three rooms open`)
      await click(page, tid('speed-8'))
      await waitUntil(page, () => window.__houseOfPods.getState().speed === 8, undefined, { timeout: 3000, what: 'speed-8 to set 8×' })
      await waitForOutcome(page, 'won')
      await shot(page, 'level1-win.png')
    },
  },

  {
    name: 'progress',
    title: 'a win persists: level 2 unlocks, level 1 shows stars, across a reload',
    async run(t) {
      const page = await t.open()
      await openCampaign(page)
      const before = await cardState(page, '02-apartments')
      check(before.locked, 'level 2 is unlocked before level 1 was won (a fresh browser should have no progress)')
      await page.reload()
      await waitForHandle(page)
      await winLevel1Fast(page)
      await clickFirst(page, [`${tid('outcome-dialog')} ${tid('btn-menu')}`, tid('btn-menu')], { what: 'btn-menu' })
      for (const round of ['after the win', 'after a reload']) {
        if (round === 'after a reload') await page.reload()
        await openCampaign(page)
        const l1 = await cardState(page, L1)
        const l2 = await cardState(page, '02-apartments')
        check(!l2.locked, `level 2 is still locked ${round}`)
        check(l1.stars >= 1, `level 1 shows ${l1.stars} stars ${round} (card text: "${l1.text.trim().slice(0, 80)}")`)
      }
      const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))
      check(
        saved?.levels?.[L1]?.completed === true,
        `localStorage ${PROGRESS_KEY} does not record level 1 as completed: ${JSON.stringify(saved)}`,
      )
      await shot(page, 'campaign-after-win.png')
    },
  },

  {
    name: 'broken-level',
    title: 'a broken level file shows an error naming the file and the field; bundled levels still play',
    async run(t) {
      const good = JSON.parse(readFileSync(join('levels', `${L1}.json`), 'utf8'))
      const broken = structuredClone(good)
      broken.id = '99-broken'
      broken.objectives[1].check.min = 5 // a served ratio above 1
      const dir = mkdtempSync(join(tmpdir(), 'hop-e2e-'))
      const file = join(dir, 'broken-level.json')
      writeFileSync(file, JSON.stringify(broken, null, 2))

      const page = await t.open()
      await openCampaign(page)
      await page.locator(tid('level-file-input')).first().setInputFiles(file)
      const err = await waitFor(page, 'level-error')
      const msg = await err.innerText()
      check(msg.includes('broken-level.json'), `level-error does not name the file: "${msg}"`)
      check(/objectives\W*1\W*check\W*min/.test(msg), `level-error does not name the field objectives[1].check.min: "${msg}"`)
      await shot(page, 'broken-level.png')
      for (const id of BUNDLED)
        check((await page.locator(tid(`level-card-${id}`)).count()) === 1, `level-card-${id} is gone after the broken file`)
      await click(page, tid(`level-card-${L1}`))
      await closeBrief(page)
      await waitFor(page, 'palette')
      check((await page.evaluate(() => window.__houseOfPods.getState().level?.id)) === L1, 'level 1 did not start after the broken file')
    },
  },

  {
    name: 'corrupt-save',
    title: 'corrupted saved progress: the game starts with a warning, no white screen',
    async run(t) {
      const page = await t.open('/?test', { storage: { [PROGRESS_KEY]: '{not json' } })
      const warning = await waitFor(page, 'progress-warning')
      const msg = await warning.innerText()
      check(msg.trim().length > 10, `progress-warning is empty`)
      await expectNotWhiteScreen(page)
      await shot(page, 'corrupt-save.png')
      await openCampaign(page)
      check((await page.locator(tid(`level-card-${L1}`)).count()) === 1, 'no level 1 card with a corrupted save')
    },
  },

  {
    name: 'rejection',
    title: 'a rejected action shows a readable reason',
    async run(t) {
      const page = await t.open()
      await startLevel(page, L1)
      for (const app of ['shop', 'blog', 'chat'])
        await dispatch(page, { type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })
      const before = await roomsOf(page, 'shop')
      await giveRoom(page, 'shop', 'click')
      const box = await waitFor(page, 'rejection')
      const msg = await box.innerText()
      check(/free/i.test(msg) && /needs/i.test(msg), `rejection text is not a readable reason: "${msg}"`)
      check((await roomsOf(page, 'shop')) === before, 'the rejected room was placed anyway')
      await shot(page, 'rejection.png')
    },
  },

  {
    name: 'no-webgl',
    title: 'without WebGL the game says so and the HUD still works',
    async run(t) {
      const noWebgl = () => {
        const orig = HTMLCanvasElement.prototype.getContext
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          if (/^(webgl2?|experimental-webgl)$/.test(String(type))) return null
          return orig.call(this, type, ...rest)
        }
      }
      const page = await t.open('/?test', { init: [noWebgl] })
      await clickFirst(page, SANDBOX, { what: 'the Sandbox button', timeout: 15_000 })
      await waitFor(page, 'no-webgl', { timeout: 15_000 })
      await expectNotWhiteScreen(page)
      const paused = await page.evaluate(() => window.__houseOfPods.getState().paused)
      await click(page, tid('time-play'))
      await waitUntil(page, (p) => window.__houseOfPods.getState().paused !== p, paused, {
        timeout: 3000,
        what: 'time-play to toggle the clock without WebGL',
      })
      await waitFor(page, 'street-tree')
      await shot(page, 'no-webgl.png')
    },
  },

  {
    name: 'draw-calls',
    title: 'draw calls do not grow with rooms (10 vs 1,000 running rooms)',
    async run(t) {
      const page = await t.open()
      await clickFirst(page, SANDBOX, { what: 'the Sandbox button', timeout: 15_000 })
      await waitForFirstFrame(page)
      await addBenchHouses(page)
      const calls = {}
      for (const rooms of [10, 1000]) {
        await scaleBenchApp(page, rooms)
        const running = await waitForRunning(page, rooms, 60_000)
        await sleep(500)
        const info = await settledRendererInfo(page, 5)
        calls[rooms] = info.calls
        t.log(`${running} running rooms: ${info.calls} draw calls, ${info.triangles} triangles`)
      }
      await expectCanvasNotBlank(page, 'sandbox-1000-canvas.png')
      await shot(page, 'sandbox-1000.png')
      check(Math.abs(calls[1000] - calls[10]) <= 10, `draw calls grew with rooms: ${calls[10]} at 10 rooms, ${calls[1000]} at 1,000`)
    },
  },

  {
    name: 'labels',
    title: 'the label toggle switches metaphor words to technical words',
    async run(t) {
      const page = await t.open()
      await startLevel(page, L1)
      await click(page, tid('tree-host-h1'))
      const inspector = await waitFor(page, 'inspector')
      const before = await inspector.innerText()
      check(/house/i.test(before), `inspector does not say "house" in metaphor mode: "${before.slice(0, 120)}"`)
      await click(page, tid('vocab-toggle'))
      await waitUntil(
        page,
        () => /server|host|node/i.test(document.querySelector('[data-testid="inspector"]')?.textContent ?? ''),
        undefined,
        { timeout: 3000, what: 'the inspector to say server/host' },
      )
      const hud = await page.locator('body').innerText()
      const after = await text(page, 'inspector')
      check(/server|host|node/i.test(after), `inspector after the toggle: "${after.slice(0, 120)}"`)
      check(/server|host|node/i.test(hud), 'the HUD has no technical words after the toggle')
      await shot(page, 'labels-technical.png')
      // The L key switches back.
      await pressKey(page, 'l')
      await waitUntil(page, (b) => (document.querySelector('[data-testid="inspector"]')?.textContent ?? '') !== b, after, {
        timeout: 3000,
        what: 'the L key to switch the labels back',
      }).catch(() => {
        throw new Error('the L key did not switch the labels back')
      })
    },
  },

  {
    name: 'street-s',
    title: '?street=S opens a sandbox street of 10 houses and 100 running rooms, drawn',
    async run(t) {
      const page = await t.open('/?test&street=S')
      await waitForHandle(page)
      await waitForFirstFrame(page)
      // In the worker the street is drawn first and its rooms follow once placed.
      await waitUntil(page, () => !window.__houseOfPods.getState().settling, undefined, { timeout: 30_000, what: "the street's rooms" })
      const w = await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        return {
          mode: s.mode,
          hosts: Object.keys(s.world.hosts).length,
          running: Object.values(s.world.containers).filter((c) => c.state === 'running').length,
        }
      })
      check(w.mode === 'sandbox' && w.hosts === 10 && w.running === 100, `?street=S gave ${JSON.stringify(w)}`)
      const info = await settledRendererInfo(page, 3)
      t.log(
        `street S: ${info.calls} draw calls, ${info.triangles} triangles; drawn: ${JSON.stringify(await page.evaluate(() => window.__houseOfPods.sceneCounts()))}`,
      )
      check(info.calls <= 30, `the S street takes ${info.calls} draw calls (at most 30)`)
      await expectCanvasNotBlank(page)
      await shot(page, 'street-s.png')
    },
  },

  {
    name: 'keys',
    title: 'keyboard shortcuts: Space, 1–4, M and + in the sandbox',
    async run(t) {
      const page = await t.open()
      await clickFirst(page, SANDBOX, { what: 'the Sandbox button', timeout: 15_000 })
      await waitForHandle(page)
      await waitFor(page, 'palette')
      const game = () =>
        page.evaluate(() => {
          const s = window.__houseOfPods.getState()
          return { paused: s.paused, speed: s.speed, managed: s.world.apps.shop?.managed, replicas: s.world.apps.shop?.replicas }
        })
      const before = await game()
      await pressKey(page, 'Space')
      await waitUntil(page, (p) => window.__houseOfPods.getState().paused !== p, before.paused, {
        timeout: 3000,
        what: 'Space to toggle the clock',
      })
      for (const [key, speed] of [
        ['4', 8],
        ['3', 4],
        ['2', 2],
        ['1', 1],
      ]) {
        await pressKey(page, key)
        await waitUntil(page, (v) => window.__houseOfPods.getState().speed === v, speed, {
          timeout: 3000,
          what: `key ${key} to set ${speed}×`,
        })
      }
      await click(page, tid('app-shop'))
      await pressKey(page, 'm')
      await waitUntil(page, (m) => window.__houseOfPods.getState().world.apps.shop.managed !== m, before.managed, {
        timeout: 3000,
        what: 'M to hire the building manager for shop',
      })
      const replicas = (await game()).replicas
      await pressKey(page, '+')
      await waitUntil(page, (r) => window.__houseOfPods.getState().world.apps.shop.replicas === r + 1, replicas, {
        timeout: 3000,
        what: '+ to add a room to the clipboard',
      })
    },
  },
]
