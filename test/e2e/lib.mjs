// Shared helpers for the browser tests and the browser benchmark.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { serveDist } from './serve.mjs'
import { launchBrowser } from './browser.mjs'
import { decodePng, imageStats } from './png.mjs'

export const DIST = resolve(process.env.DIST ?? 'dist')
export const RESULTS = resolve(process.env.RESULTS ?? 'test-results')
export const VIEWPORT = { width: 1280, height: 800 }

export { serveDist, launchBrowser }

export function ensureResults() {
  mkdirSync(RESULTS, { recursive: true })
  return RESULTS
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Thrown by expect-style checks: a failed assertion with a readable message. */
export class CheckFailed extends Error {}

export function check(cond, message) {
  if (!cond) throw new CheckFailed(message)
}

/**
 * A fresh page (in its own browser context, so localStorage starts empty) that records console
 * errors and page errors. `init` scripts run before any page script.
 */
export async function openPage(browser, baseUrl, { path = '/?test', init = [], storage = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  const errors = []
  const logs = []
  if (storage) {
    await context.addInitScript((entries) => {
      // Only on the first load of this context: a later reload must see what the game saved.
      if (sessionStorage.getItem('__seeded')) return
      sessionStorage.setItem('__seeded', '1')
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v)
    }, storage)
  }
  for (const script of init) await context.addInitScript(script)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('console', (m) => {
    const line = `[console.${m.type()}] ${m.text()}`
    logs.push(line)
    if (m.type() === 'error') errors.push(line)
  })
  page.on('pageerror', (e) => {
    errors.push(`[pageerror] ${e.message}`)
    logs.push(`[pageerror] ${e.message}`)
  })
  page.on('crash', () => errors.push('[crash] the page crashed'))
  await page.goto(baseUrl + path, { waitUntil: 'load' })
  return { context, page, errors, logs }
}

export const tid = (id) => `[data-testid="${id}"]`

/**
 * Make a control reachable as a player would: the HUD keeps one side drawer open at a time and folds
 * some sections away, so open the drawer (its tab, named by data-reveal) and the <details> that hold
 * it. Returns whether the control is visible afterwards; does nothing when it is not in the page.
 */
export async function reveal(page, sel) {
  const loc = page.locator(sel).first()
  if ((await loc.count()) === 0) return false
  if (await loc.isVisible().catch(() => false)) return true
  // The page may be busy compiling the scene for a second or two: asking which drawer holds it waits as long as a click would.
  const tab = await loc
    .evaluate((el) => el.closest('[data-reveal][hidden]')?.getAttribute('data-reveal') ?? null, undefined, { timeout: 10_000 })
    .catch(() => null)
  if (tab) {
    // The page may be busy compiling the scene: give the tab the time a click gets.
    await page
      .locator(tid(tab))
      .first()
      .click({ timeout: 10_000 })
      .catch(() => {})
    await page
      .locator(`[data-reveal="${tab}"]:not([hidden])`)
      .first()
      .waitFor({ state: 'attached', timeout: 5000 })
      .catch(() => {})
  }
  // A <summary> is the handle of its own <details>: only the ones around that are opened.
  const isSummary = await loc.evaluate((el) => el.tagName === 'SUMMARY').catch(() => false)
  const closed = loc.locator(isSummary ? 'xpath=../ancestor::details[not(@open)]' : 'xpath=ancestor::details[not(@open)]')
  for (let i = 0; i < 4 && (await closed.count()) > 0; i++) {
    await closed
      .first()
      .locator(':scope > summary')
      .click({ timeout: 10_000 })
      .catch(() => {})
  }
  return loc.isVisible().catch(() => false)
}

const selectorOf = (selector) => (selector.startsWith('[') || selector.includes('=') || selector.includes(' ') ? selector : tid(selector))

/** Wait for a data-testid (or any selector) to be visible (opening its drawer); a clear message on timeout. */
export async function waitFor(page, selector, { timeout = 10_000, state = 'visible' } = {}) {
  const sel = selectorOf(selector)
  const deadline = Date.now() + timeout
  for (;;) {
    if (state === 'visible') await reveal(page, sel).catch(() => false)
    try {
      const left = deadline - Date.now()
      return await page.waitForSelector(sel, { timeout: state === 'visible' ? Math.max(1, Math.min(500, left)) : Math.max(1, left), state })
    } catch {
      if (Date.now() >= deadline) throw new CheckFailed(`timed out after ${timeout} ms waiting for ${sel} to be ${state}`)
    }
  }
}

/**
 * Click an element as a player would; when it cannot be clicked, say why (hidden, or which element
 * covers its centre) instead of a bare timeout.
 */
export async function click(page, selector, { timeout = 10_000 } = {}) {
  const sel = selectorOf(selector)
  try {
    // The in-game HUD loads lazily: a control may not be in the page yet, so wait for it before opening its drawer.
    await page
      .locator(sel)
      .first()
      .waitFor({ state: 'attached', timeout })
      .catch(() => {})
    await reveal(page, sel)
    await page.locator(sel).first().click({ timeout })
    await answeredAfterAction(page)
  } catch (e) {
    const why = await page
      .locator(sel)
      .first()
      .evaluate(
        (el) => {
          const r = el.getBoundingClientRect()
          if (r.width === 0 || r.height === 0) return 'it has no size (hidden?)'
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
          if (!top || el === top || el.contains(top)) return 'it is visible and uncovered'
          const name = (n) =>
            `<${n.tagName.toLowerCase()}${n.getAttribute('data-testid') ? ` data-testid="${n.getAttribute('data-testid')}"` : ''}${n.className && typeof n.className === 'string' ? ` class="${n.className}"` : ''}>`
          const box = top.closest('[data-testid]')
          return `it is covered by ${name(top)}${box && box !== top ? ` inside ${name(box)}` : ''}`
        },
        undefined,
        { timeout: 1000 },
      )
      .catch(() => 'it is not in the page')
    throw new CheckFailed(`could not click ${sel}: ${why} (${String(e?.message ?? e).split('\n')[0]})`)
  }
}

/** Click the first of several candidate selectors that exists (the UI is built concurrently). */
export async function clickFirst(page, selectors, { timeout = 10_000, what = selectors[0] } = {}) {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    for (const s of selectors) {
      const loc = page.locator(s).first()
      if ((await loc.count()) > 0 && (await reveal(page, s).catch(() => false))) {
        await loc.click()
        return s
      }
    }
    await sleep(100)
  }
  throw new CheckFailed(`nothing to click for ${what} (tried ${selectors.join(' | ')})`)
}

/**
 * Press a game key with nothing focused (a focused button would take Space or Enter itself), once the page's key
 * handlers listen (<html data-keys>: the HUD loads lazily, a key pressed before it arrives does nothing).
 */
export async function pressKey(page, key) {
  await waitUntil(page, () => !!document.documentElement.dataset.keys, undefined, { timeout: 60_000, what: 'the game keys listening' })
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur())
  await page.keyboard.press(key)
  await answeredAfterAction(page)
}

/** Poll a function in the page until it returns a truthy value. */
export async function waitUntil(page, fn, arg, { timeout = 15_000, what = 'condition', interval = 100 } = {}) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: interval })
    return await handle.jsonValue()
  } catch (e) {
    if (e instanceof Error && /Timeout/i.test(e.message)) throw new CheckFailed(`timed out after ${timeout} ms waiting for ${what}`)
    throw e
  }
}

// ---- Menu and level navigation -------------------------------------------------------------

export const CAMPAIGN = [
  '[data-testid="mode-campaign"]',
  '[data-testid="btn-campaign"]',
  '[data-testid="menu-campaign"]',
  'button:has-text("Campaign")',
]
export const SANDBOX = [
  '[data-testid="mode-sandbox"]',
  '[data-testid="btn-sandbox"]',
  '[data-testid="menu-sandbox"]',
  'button:has-text("Sandbox")',
]
const BRIEF_CLOSE = [
  '[data-testid="btn-start-level"]',
  '[data-testid="btn-brief-close"]',
  '[data-testid="brief-close"]',
  '[data-testid="btn-start"]',
  '[data-testid="brief"] button',
  '[role="dialog"] button:has-text("Start")',
  '[role="dialog"] button:has-text("Begin")',
  '[role="dialog"] button:has-text("Play")',
  '[role="dialog"] button:has-text("OK")',
  '[role="dialog"] button:has-text("Close")',
]

export async function openCampaign(page) {
  await clickFirst(page, CAMPAIGN, { what: 'the Campaign button' })
  await waitFor(page, '[data-testid^="level-card-"]')
}

/** Open a level from the campaign list and dismiss its brief. */
export async function startLevel(page, levelId) {
  await openCampaign(page)
  await click(page, tid(`level-card-${levelId}`))
  await closeBrief(page)
  await waitFor(page, 'palette', { timeout: 15_000 })
}

export async function closeBrief(page) {
  // The brief is a dialog with a start/close button; Escape is the fallback.
  try {
    await clickFirst(page, BRIEF_CLOSE, { timeout: 3000, what: 'the brief close button' })
  } catch {
    await page.keyboard.press('Escape')
  }
}

export async function startSandbox(page) {
  await clickFirst(page, SANDBOX, { what: 'the Sandbox button' })
  await waitForHandle(page)
}

// ---- The test handle -------------------------------------------------------------------------

export async function waitForHandle(page, timeout = 10_000) {
  await waitUntil(page, () => !!window.__houseOfPods, undefined, { timeout, what: 'window.__houseOfPods (is ?test in the URL?)' })
}

export async function waitForFirstFrame(page, timeout = 30_000) {
  return waitUntil(page, () => window.__houseOfPods?.firstFrameMs() ?? null, undefined, { timeout, what: 'the first drawn frame' })
}

/**
 * Dispatch a command through the store and wait for the world's own answer (dispatchAsync: at once on
 * the page, when the simulation worker has applied it there); throws with the game's reason if it is rejected.
 */
export async function dispatch(page, command) {
  const r = await page.evaluate((c) => window.__houseOfPods.getState().dispatchAsync(c), command)
  if (!r.ok) throw new CheckFailed(`command ${command.type} rejected: ${r.technical ?? r.metaphor}`)
  return r
}

/**
 * Wait until the simulation worker has answered every command the page sent it: a control clicked in the HUD
 * sends its command there, and its effect is in the world once answered. At once when the world runs on the
 * page (`?worker=0`).
 */
export async function workerSettled(page, timeout = 10_000) {
  await waitUntil(page, () => window.__houseOfPods?.workerAnswered?.() ?? true, undefined, {
    timeout,
    what: 'the simulation worker to answer the commands sent',
  })
}

/**
 * After a click or a key: what it sent the simulation worker has been answered, as a player sees it a moment
 * later. Nothing to wait for on the page, or when the click left the page (a reload, a download).
 */
async function answeredAfterAction(page) {
  await page
    .waitForFunction(() => window.__houseOfPods?.workerAnswered?.() ?? true, undefined, { timeout: 10_000, polling: 50 })
    .catch(() => {})
}

export async function runningRooms(page) {
  return page.evaluate(() => {
    const cs = window.__houseOfPods.getState().world.containers
    let n = 0
    for (const id in cs) if (cs[id].state === 'running') n++
    return n
  })
}

export async function waitForRunning(page, n, timeout = 60_000) {
  return waitUntil(
    page,
    (want) => {
      const cs = window.__houseOfPods.getState().world.containers
      let k = 0
      for (const id in cs) if (cs[id].state === 'running') k++
      return k >= want ? k : false
    },
    n,
    { timeout, what: `${n} running rooms`, interval: 250 },
  )
}

/** Wait for the renderer to have drawn `frames` more frames, then read its counters. */
export async function settledRendererInfo(page, frames = 5, timeout = 20_000) {
  const start = (await page.evaluate(() => window.__houseOfPods.rendererInfo()?.frames ?? 0)) ?? 0
  await waitUntil(page, (f) => (window.__houseOfPods.rendererInfo()?.frames ?? 0) >= f, start + frames, {
    timeout,
    what: `${frames} more drawn frames`,
  })
  return page.evaluate(() => window.__houseOfPods.rendererInfo())
}

/**
 * Put `rooms` running rooms on the sandbox street: first enough houses (so the houses drawn do not
 * change between room counts), then one managed app scaled to `rooms`.
 */
export const ROOM_HOSTS = 12 // 110 pods a node: 12 extra houses hold 1,320 rooms
export async function addBenchHouses(page, hosts = ROOM_HOSTS) {
  for (let i = 0; i < hosts; i++) {
    await dispatch(page, { type: 'addHost', name: `bench-${i + 1}`, zone: 'abc'[i % 3], cores: 64, memMiB: 262144, costPerHour: 2 })
  }
}

export async function scaleBenchApp(page, rooms) {
  const exists = await page.evaluate(() => !!window.__houseOfPods.getState().world.apps.bench)
  if (!exists) {
    await dispatch(page, {
      type: 'addApp',
      id: 'bench',
      name: 'bench',
      imageId: 'web',
      cpuRequestMilli: 50,
      memRequestMiB: 64,
      rps: 0,
      capacityRps: 100,
      replicas: rooms,
      managed: true,
    })
  } else {
    await dispatch(page, { type: 'setReplicas', appId: 'bench', replicas: rooms })
  }
  await page.evaluate(() => {
    const s = window.__houseOfPods.getState()
    s.setSpeed(8)
    s.setPaused(false)
  })
}

// ---- Screenshots and the canvas -------------------------------------------------------------

/** A screenshot waits for a frame: SwiftShader drawing 1920×1080 or an L street on a busy machine can take many seconds. */
const SHOT_TIMEOUT_MS = 60_000

export async function shot(page, name) {
  ensureResults()
  const path = join(RESULTS, name)
  await page.screenshot({ path, timeout: SHOT_TIMEOUT_MS })
  return path
}

/** Screenshot the scene canvas and measure it: a blank canvas has a handful of colours and no variance. */
export async function canvasStats(page, name) {
  ensureResults()
  const canvas = page.locator('[data-testid="scene-canvas"] canvas, canvas[data-testid="scene-canvas"], canvas').first()
  await canvas.waitFor({ state: 'visible', timeout: 15_000 })
  const opts = name ? { path: join(RESULTS, name) } : {}
  const buf = await canvas.screenshot({ ...opts, timeout: SHOT_TIMEOUT_MS })
  return imageStats(decodePng(buf))
}

export async function expectCanvasNotBlank(page, name) {
  const s = await canvasStats(page, name)
  check(
    s.distinctColours >= 50 && s.lumaStd >= 4,
    `the scene canvas looks blank: ${s.distinctColours} distinct colours, luminance std ${s.lumaStd.toFixed(1)} (want ≥ 50 and ≥ 4)`,
  )
  return s
}

/** The page is not a white screen: the root has visible text. */
export async function expectNotWhiteScreen(page) {
  const text = await page.evaluate(() => document.getElementById('root')?.innerText ?? '')
  check(text.trim().length > 20, `white screen: #root has ${text.trim().length} characters of text`)
}
