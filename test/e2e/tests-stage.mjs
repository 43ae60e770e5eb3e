// Browser tests for issue 10 (the street is the stage): how much of the window the 3D scene gets,
// focus mode, small windows, accessibility (axe-core) and the events you watch in the street.
import {
  addBenchHouses,
  check,
  click,
  dispatch,
  openCampaign,
  pressKey,
  settledRendererInfo,
  shot,
  startLevel,
  startSandbox,
  tid,
  waitFor,
  waitForFirstFrame,
  waitForRunning,
  waitUntil,
} from './lib.mjs'

import { createRequire } from 'node:module'

const L1 = '01-one-house'
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's violations on the page as it is now: [{ id, impact, nodes: ['selector: summary'] }]. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ')}`),
    }))
  })
}

export async function expectNoSeriousAxe(t, page, where) {
  const all = await axeViolations(page)
  const bad = all.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  t.log(
    `${where}: ${all.length} axe rule(s) violated, ${bad.length} serious or critical${all.length ? ` (${all.map((v) => `${v.id}/${v.impact}`).join(', ')})` : ''}`,
  )
  check(bad.length === 0, `${where}: axe-core finds ${bad.map((v) => `${v.id} (${v.impact}) at ${v.nodes.join(' ; ')}`).join(' | ')}`)
}
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]

/**
 * The share of the window where the WebGL canvas is the top-most element, sampled on a 64 × 40
 * grid with document.elementFromPoint: the same measure as /work/shared/measure/stage.mjs.
 */
export async function sceneShare(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas')
    if (!canvas) return 0
    let hit = 0
    let n = 0
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 40; j++) {
        const x = ((i + 0.5) * innerWidth) / 64
        const y = ((j + 0.5) * innerHeight) / 40
        const el = document.elementFromPoint(x, y)
        n++
        if (
          el === canvas ||
          (el &&
            el.contains(canvas) &&
            el.tagName !== 'BODY' &&
            el.tagName !== 'HTML' &&
            getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)')
        )
          hit++
      }
    return hit / n
  })
}

/** Nothing needs a scroll bar: the page is no bigger than the window. */
async function expectNoScroll(page, what) {
  const s = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
    iw: innerWidth,
    ih: innerHeight,
  }))
  check(s.w <= s.iw && s.h <= s.ih, `${what}: the page scrolls (${s.w}×${s.h} in a ${s.iw}×${s.ih} window)`)
}

const pct = (x) => `${(x * 100).toFixed(1)} %`

/** Instances the scene draws per named mesh (see RendererProbe). */
const counts = (page) => page.evaluate(() => window.__houseOfPods.sceneCounts())
const play = (page, speed) =>
  page.evaluate((sp) => {
    const s = window.__houseOfPods.getState()
    s.setSpeed(sp)
    s.setPaused(false)
  }, speed)
const pauseClock = (page) => page.evaluate(() => window.__houseOfPods.getState().setPaused(true))

/** Double-click a house, apartment or room where it shows in the window (as a player would). */
async function doubleClickOn(page, kind, id) {
  const p = await page.evaluate(([k, i]) => window.__houseOfPods.project(k, i), [kind, id])
  check(p !== null, `${kind} ${id} is not on screen to double-click`)
  await page.mouse.dblclick(p.x, p.y)
  return p
}

export const tests = [
  {
    name: 'stage-dollhouse',
    title:
      'houses you can see into: apartments as stacked floors on the hypervisor frame, kernels as plumbing, a storeroom of crates; ' +
      'double-click focuses a house and its front wall fades',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const linux = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })).id
      const win = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'windows', vcpus: 2, memMiB: 6144 })).id
      await play(page, 8)
      await waitUntil(page, (ids) => ids.every((id) => window.__houseOfPods.getState().world.vms[id].state === 'running'), [linux, win], {
        what: 'both apartments to boot',
        timeout: 40_000,
      })
      for (let i = 0; i < 2; i++) await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'vm', vmId: linux } })
      await dispatch(page, { type: 'runContainer', appId: 'ledger', target: { kind: 'vm', vmId: win } })
      for (let i = 0; i < 2; i++) await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
      await waitForRunning(page, 5, 60_000)
      await pauseClock(page)
      await page.waitForTimeout(400)
      const c = await counts(page)
      const cache = await page.evaluate(() => window.__houseOfPods.getState().world.hosts.h1.cachedLayers.length)
      t.log(`drawn: ${JSON.stringify(c)}; house 1 caches ${cache} layers`)
      // Two floors on the hypervisor: a frame under each and four posts; a kernel pipe for each house and each floor.
      check(c.hypervisor >= 2 + 4, `the hypervisor's frame: ${c.hypervisor} pieces (want 2 frames + 4 posts)`)
      check(c['kernel-pipes'] >= 2 + 2 + 5, `kernel plumbing: ${c['kernel-pipes']} pipes (want 2 houses + 2 apartments + 5 branches)`)
      check(cache > 0 && c.crates >= cache, `the storeroom shows ${c.crates} crates for ${cache} cached layers`)
      await shot(page, 'stage-dollhouse-street.png')
      // Double-click the house: the camera comes close, and the house's front wall fades away.
      const before = await page.evaluate(() => window.__houseOfPods.view())
      await doubleClickOn(page, 'host', 'h1')
      await waitUntil(page, (d) => window.__houseOfPods.view().distance < d * 0.8, before.distance, {
        what: 'the camera to come close to house 1',
      })
      await page.waitForTimeout(1500)
      const after = await counts(page)
      check(after['front-walls:cut'] >= 1, `no front wall cut away while the camera looks at house 1 (${JSON.stringify(after)})`)
      await shot(page, 'stage-dollhouse-focus.png')
    },
  },
  {
    name: 'stage-floors-seen',
    title:
      "every room of a three-floor tower and of the ground floor shows: from the street's own framing and after a double-click " +
      'on the house, no room is hidden behind the floor above it or a front wall',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const vms = []
      for (const [os, memMiB] of [
        ['linux', 8192],
        ['windows', 6144],
        ['linux', 4096],
      ])
        vms.push((await dispatch(page, { type: 'addVm', hostId: 'h1', os, vcpus: 4, memMiB })).id)
      await play(page, 8)
      await waitUntil(page, (ids) => ids.every((id) => window.__houseOfPods.getState().world.vms[id].state === 'running'), vms, {
        what: 'the apartments to boot',
        timeout: 60_000,
      })
      for (const vmId of vms)
        for (let i = 0; i < 2; i++)
          await dispatch(page, { type: 'runContainer', appId: vmId === vms[1] ? 'ledger' : 'shop', target: { kind: 'vm', vmId } })
      for (let i = 0; i < 3; i++) await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
      await waitForRunning(page, 9, 60_000)
      await pauseClock(page)
      await page.evaluate(() => window.__houseOfPods.getUi().select(null))
      await pressKey(page, 'Home')
      await page.waitForTimeout(1500)
      const street = await page.evaluate(() => window.__houseOfPods.hiddenRooms())
      t.log(`the street's framing: ${street.hidden.length} of ${street.rooms} rooms hidden (${street.hidden.join(', ')})`)
      await shot(page, 'stage-floors-street.png')
      await doubleClickOn(page, 'host', 'h1')
      await page.waitForTimeout(2500)
      const focus = await page.evaluate(() => window.__houseOfPods.hiddenRooms())
      t.log(`house 1 double-clicked: ${focus.hidden.length} of ${focus.rooms} rooms hidden (${focus.hidden.join(', ')})`)
      await shot(page, 'stage-floors-focus.png')
      check(street.rooms === 9 && street.hidden.length === 0, `the street's framing hides ${street.hidden.length} of ${street.rooms} rooms`)
      check(focus.hidden.length === 0, `looking into house 1 hides ${focus.hidden.length} of ${focus.rooms} rooms`)
    },
  },
  {
    name: 'stage-share',
    title: "the scene keeps ≥ 70 % of the window with a level's default panels open, ≥ 95 % in focus mode (F), at 1280×800 and 1920×1080",
    async run(t) {
      for (const size of SIZES) {
        const page = await t.open()
        await page.setViewportSize(size)
        await startLevel(page, L1)
        await waitForFirstFrame(page)
        await page.waitForTimeout(800)
        const tag = `${size.width}x${size.height}`
        const share = await sceneShare(page)
        await shot(page, `stage-level1-${tag}.png`)
        t.log(`level 1 at ${tag}: scene ${pct(share)} of the window with the default panels`)
        check(share >= 0.7, `level 1 at ${tag}: the scene gets ${pct(share)} of the window with the default panels (want ≥ 70 %)`)
        await expectNoScroll(page, `level 1 at ${tag}`)
        await pressKey(page, 'f')
        await page.waitForTimeout(400)
        const focus = await sceneShare(page)
        await shot(page, `stage-level1-focus-${tag}.png`)
        t.log(`level 1 at ${tag} in focus mode: scene ${pct(focus)}`)
        check(focus >= 0.95, `level 1 at ${tag} in focus mode: the scene gets ${pct(focus)} of the window (want ≥ 95 %)`)
        // Focus mode keeps the time bar: the clock still plays and pauses.
        await waitFor(page, 'time-play')
        await pressKey(page, 'f')
        await waitFor(page, 'palette')
        await page.context().close()
      }
    },
  },
  {
    name: 'stage-sandbox',
    title: 'the sandbox keeps most of the window for the street; 1024×768 still works without a scroll bar',
    async run(t) {
      const page = await t.open()
      const clickedAt = await page.evaluate(() => performance.now())
      await startSandbox(page)
      const frameAt = await waitForFirstFrame(page)
      t.log(`first 3D frame ${Math.round(frameAt - clickedAt)} ms after the Sandbox click (${Math.round(frameAt)} ms after loading)`)
      await page.waitForTimeout(800)
      const share = await sceneShare(page)
      await shot(page, 'stage-sandbox-1280x800.png')
      t.log(`sandbox at 1280x800: scene ${pct(share)}`)
      check(share >= 0.65, `the sandbox's scene gets ${pct(share)} of the window (want ≥ 65 %)`)
      await expectNoScroll(page, 'sandbox at 1280x800')
      await page.setViewportSize({ width: 1024, height: 768 })
      await page.waitForTimeout(500)
      await expectNoScroll(page, 'sandbox at 1024x768')
      const small = await sceneShare(page)
      t.log(`sandbox at 1024x768: scene ${pct(small)}`)
      // Every drawer still opens, and a room can still be given, at 1024×768.
      await click(page, tid('tree-host-h1'))
      await click(page, tid('action-runContainer'))
      await click(page, tid('tab-log'))
      await waitFor(page, 'event-log')
      await shot(page, 'stage-sandbox-1024x768.png')
    },
  },
  {
    name: 'stage-outcome',
    title: 'a lost level says which objective failed, by how much, and one thing to try; nothing is on track before the clock runs',
    async run(t) {
      const page = await t.open()
      await startLevel(page, L1)
      // An untouched street has served nobody: no objective reads as on track yet.
      const early = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="objective-"]')].map((li) => li.className))
      check(
        early.every((c) => !/done|on-track/.test(c)),
        `objectives marked before the player acted: ${early.join(', ')}`,
      )
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(8)
        s.setPaused(false)
      })
      const dialog = await waitFor(page, 'outcome-dialog', { timeout: 40_000 })
      check((await dialog.getAttribute('data-outcome')) === 'lost', 'doing nothing in level 1 should lose')
      const why = await page.locator(tid('outcome-why')).innerText()
      t.log(why.replace(/\n+/g, ' | '))
      check(/Open all three businesses/i.test(why), `the loss does not name the failed objective: "${why}"`)
      check(/0 \/ 3 apps open/.test(why), `the loss does not say by how much: "${why}"`)
      check(/Try this/i.test(await page.locator(tid('outcome-try')).innerText()), 'the loss gives nothing to try')
      check((await page.locator('.takeaway').count()) === 0, "the loss shows the winner's takeaway")
      await shot(page, 'stage-outcome-lost.png')
    },
  },
  {
    name: 'stage-leave',
    title: 'leaving a level mid-way asks first; staying keeps the street and the keyboard focus; the cards are numbered in play order',
    async run(t) {
      const page = await t.open()
      await openCampaign(page)
      const numbers = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="level-number-"]')].map((e) => e.textContent.trim()),
      )
      check(
        numbers.every((n, i) => n === `Level ${i + 1}`),
        `level cards are not numbered 1, 2, 3… in play order: ${numbers.join(', ')}`,
      )
      await click(page, tid(`level-card-${L1}`))
      await click(page, tid('btn-start-level'))
      await pressKey(page, 'Space')
      await waitUntil(page, () => window.__houseOfPods.getState().world.timeMs > 500, undefined, { what: 'the clock to run' })
      await click(page, tid('btn-menu'))
      await waitFor(page, 'leave-confirm')
      await shot(page, 'stage-leave-confirm.png')
      await click(page, tid('btn-leave-stay'))
      await waitFor(page, 'leave-confirm', { state: 'detached', timeout: 3000 })
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
      check(focused === 'btn-menu', `after the dialog closed the focus is on ${focused ?? 'the page'}, not on the button that opened it`)
      check((await page.evaluate(() => window.__houseOfPods.getState().mode)) === 'level', 'staying left the level')
      await click(page, tid('btn-menu'))
      await click(page, tid('btn-leave-confirm'))
      await waitUntil(page, () => window.__houseOfPods.getState().mode === 'menu', undefined, { what: 'the menu after leaving' })
    },
  },
  {
    name: 'stage-axe',
    title: 'axe-core finds no serious or critical accessibility violations on the menu, a level in play and the sandbox',
    async run(t) {
      const page = await t.open()
      await waitFor(page, '[data-testid="mode-campaign"], [data-testid="btn-campaign"], button:has-text("Campaign")')
      await expectNoSeriousAxe(t, page, 'the menu')
      await openCampaign(page)
      await expectNoSeriousAxe(t, page, 'the campaign')
      await click(page, tid(`level-card-${L1}`))
      await click(page, tid('btn-start-level'))
      await waitFor(page, 'palette')
      await pressKey(page, 'Space')
      await waitUntil(page, () => window.__houseOfPods.getState().world.timeMs > 1500, undefined, { what: 'the clock to run' })
      await expectNoSeriousAxe(t, page, 'level 1 in play')
      // The level's page is done: closed, so its scene does not compete with the sandbox's first frame for the CPU.
      await page.context().close()
      const sandbox = await t.open()
      await startSandbox(sandbox)
      await waitForFirstFrame(sandbox)
      await expectNoSeriousAxe(t, sandbox, 'the sandbox')
      await click(sandbox, tid('tab-street'))
      await expectNoSeriousAxe(t, sandbox, "the sandbox's street list")
    },
  },
  {
    name: 'stage-events',
    title:
      'events you watch in the street: a room crash with its restart countdown, a house fire with its rooms dark, a scale-up, a rolling update in two versions',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const run = (speed) =>
        page.evaluate((sp) => {
          const s = window.__houseOfPods.getState()
          s.setSpeed(sp)
          s.setPaused(false)
        }, speed)
      const pause = () => page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      const tag = (text) =>
        waitUntil(page, (x) => [...document.querySelectorAll('.scene-tag')].some((e) => e.textContent.includes(x)), text, {
          timeout: 20_000,
          what: `a tag saying "${text}" in the street`,
        })
      // A scale-up: the building manager opens three rooms of the shop; they are seen being built
      // (a kit delivered, then fitted) before they open.
      await dispatch(page, { type: 'setManaged', appId: 'shop', managed: true })
      await run(1)
      await waitUntil(
        page,
        () => [...document.querySelectorAll('.scene-tag')].some((e) => /kit on its way|being built/.test(e.textContent)),
        undefined,
        {
          timeout: 20_000,
          what: 'rooms marked as being built in the street',
        },
      )
      await pause()
      await shot(page, 'event-scale-up.png')
      await run(4)
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.state === 'running').length >= 3,
        undefined,
        {
          what: 'three open rooms',
        },
      )
      // A room crashes: its light goes out under a red ✖ (the kubelet's first restart is immediate);
      // a second crash waits in CrashLoopBackOff with the countdown to its restart over the room.
      await pause()
      const crashed = (await dispatch(page, { type: 'crashRandomContainer', appId: 'shop' })).id
      await tag('crashed')
      await shot(page, 'event-room-crash.png')
      const open3 = () =>
        waitUntil(
          page,
          () => Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.state === 'running').length >= 3,
          undefined,
          {
            what: 'three open rooms again',
            timeout: 30_000,
          },
        )
      await run(4)
      await open3()
      await pause()
      await dispatch(page, { type: 'crashContainer', containerId: crashed })
      await run(1)
      await tag('reopens in')
      await pause()
      await shot(page, 'event-room-crash-countdown.png')
      // A rolling update: old and new rooms side by side, in two shades and with version badges.
      await dispatch(page, { type: 'addImage', id: 'web2', ref: 'web:1.1', sizeMiB: 180 })
      await dispatch(page, { type: 'setReplicas', appId: 'shop', replicas: 4 })
      await run(2)
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.state === 'running').length >= 4,
        undefined,
        {
          what: 'four open rooms',
          timeout: 30_000,
        },
      )
      await dispatch(page, { type: 'setImage', appId: 'shop', imageId: 'web2' })
      await tag('★ new 1.1')
      await tag('old 1.0')
      await pause()
      await shot(page, 'event-rolling-update.png')
      // A house burns: every room in it goes dark together.
      await dispatch(page, { type: 'failHost', hostId: 'h2' })
      await tag('burnt down')
      await shot(page, 'event-house-fire.png')
      const dark = await page.evaluate(() => {
        const w = window.__houseOfPods.getState().world
        return Object.values(w.containers).filter((c) => c.placement?.hostId === 'h2' && c.state === 'running').length
      })
      check(dark === 0, `${dark} rooms still open in the burnt house`)
    },
  },
  {
    name: 'stage-reduced-motion',
    title: 'under reduced motion a crash is a still highlight: the room stays marked and its countdown is shown',
    async run(t) {
      const page = await t.open()
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await startSandbox(page)
      await waitForFirstFrame(page)
      await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(4)
        s.setPaused(false)
      })
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.state === 'running'),
        undefined,
        {
          what: 'an open room',
        },
      )
      const roomId = await page.evaluate(() => Object.values(window.__houseOfPods.getState().world.containers)[0].id)
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await dispatch(page, { type: 'crashContainer', containerId: roomId })
      await waitUntil(
        page,
        () => [...document.querySelectorAll('.scene-tag')].some((e) => /crashed|reopens/.test(e.textContent)),
        undefined,
        {
          what: 'the crash marked in the street',
        },
      )
      await shot(page, 'event-room-crash-reduced-motion.png')
    },
  },
  {
    name: 'stage-keyboard',
    title:
      'arrow keys move the choice in the app radio group; S jumps into the street list; after Delete the focus stays on the street list',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      const roomId = (await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })).id
      await waitFor(page, 'app-shop')
      await page.focus(tid('app-shop'))
      await page.keyboard.press('ArrowRight')
      const radio = await page.evaluate(() => ({
        focused: document.activeElement?.getAttribute('data-testid'),
        checked: document.querySelector('[data-testid="app-ledger"]')?.getAttribute('aria-checked'),
      }))
      check(
        radio.focused === 'app-ledger' && radio.checked === 'true',
        `ArrowRight in the app group: focus ${radio.focused}, ledger checked ${radio.checked}`,
      )
      await pressKey(page, 's')
      await waitUntil(page, () => document.activeElement?.classList.contains('tree-row'), undefined, {
        what: 'S to put the keyboard on the street list',
      })
      await page.focus(tid(`tree-container-${roomId}`))
      await page.keyboard.press('Enter')
      await waitUntil(
        page,
        (id) =>
          window.__houseOfPods.getState().world.containers[id] &&
          document.activeElement?.getAttribute('data-testid') === `tree-container-${id}`,
        roomId,
        {
          what: 'the room selected from the list',
        },
      )
      await page.keyboard.press('Delete')
      await waitUntil(page, (id) => !window.__houseOfPods.getState().world.containers[id], roomId, { what: 'Delete to remove the room' })
      await page.waitForTimeout(300)
      const after = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)
      check(after === 'tree-host-h1', `after Delete the focus is on ${after}, not on the house the room stood in`)
    },
  },
  {
    name: 'stage-kernel-panic',
    title: 'apartments show their guest OS; a guest kernel panic is shown as a panic in that apartment, the rest of the house stands',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const vmId = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })).id
      await dispatch(page, { type: 'addVm', hostId: 'h2', os: 'windows', vcpus: 4, memMiB: 8192 })
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(8)
        s.setPaused(false)
      })
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].state === 'running', vmId, {
        what: 'the apartment to boot',
        timeout: 30_000,
      })
      for (let i = 0; i < 2; i++) await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'vm', vmId } })
      await waitUntil(page, () => [...document.querySelectorAll('.scene-tag')].some((e) => /Linux/.test(e.textContent)), undefined, {
        what: "the apartment's OS sign",
      })
      await waitUntil(page, () => [...document.querySelectorAll('.scene-tag')].some((e) => /Windows/.test(e.textContent)), undefined, {
        what: "the Windows apartment's OS sign",
      })
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await shot(page, 'event-apartments-os.png')
      await dispatch(page, { type: 'crashVm', vmId })
      await waitUntil(page, () => [...document.querySelectorAll('.scene-tag')].some((e) => /kernel panic/.test(e.textContent)), undefined, {
        what: 'the kernel panic named in the street',
      })
      const fire = await page.evaluate(() => [...document.querySelectorAll('.scene-tag')].some((e) => /burnt/.test(e.textContent)))
      check(!fire, 'a kernel panic is shown as a fire')
      await shot(page, 'event-kernel-panic.png')
    },
  },
]

/** The scene's tags as text (what a player reads in the street). */
const tagTexts = (page) => page.evaluate(() => [...document.querySelectorAll('.scene-tag')].map((e) => e.textContent))
const waitTag = (page, re, what, timeout = 20_000) =>
  waitUntil(page, (src) => [...document.querySelectorAll('.scene-tag')].some((e) => new RegExp(src).test(e.textContent)), re.source, {
    timeout,
    what,
  })
const roomState = (page, id) => page.evaluate((i) => window.__houseOfPods.getState().world.containers[i]?.state, id)

/** Double-click a house to bring the camera close (as a player would), and let the glide finish. */
async function focusHouse(page, id) {
  await pressKey(page, 'Home')
  await page.waitForTimeout(1200)
  await doubleClickOn(page, 'host', id)
  await page.waitForTimeout(1500)
}

/**
 * Every tag said in the street (event tags, the selected and hovered thing's label, house signs) as it shows now; none
 * may cover another: a tag that would is lifted above it.
 */
export async function tagsApart(page, where) {
  const tags = await page.evaluate(() =>
    [...document.querySelectorAll('.scene-tag, .scene-marker, [data-testid^="house-sign-"]')]
      .map((el) => ({ text: el.textContent, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ text, r }) => ({ text, l: r.left, t: r.top, r: r.right, b: r.bottom })),
  )
  const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5
  for (const [i, a] of tags.entries())
    for (const b of tags.slice(i + 1)) check(!hit(a, b), `${where}: "${a.text}" and "${b.text}" overlap (${JSON.stringify([a, b])})`)
  return tags
}

/**
 * Focus each control the selector finds, as Tab would, and say which ones a player still cannot reach: not shown
 * whole in the window and in every panel that clips it, or covered at its middle by something else.
 */
async function unreachable(page, selector) {
  return page.evaluate((sel) => {
    const out = []
    for (const el of document.querySelectorAll(sel)) {
      if (el.closest('[hidden], [inert]') || el.getClientRects().length === 0) continue
      // As Tab arrives at it (a control focused already, such as a dialog's first button, is focused anew).
      el.blur()
      el.focus()
      const r = el.getBoundingClientRect()
      let vis = { l: Math.max(0, r.left), t: Math.max(0, r.top), r: Math.min(innerWidth, r.right), b: Math.min(innerHeight, r.bottom) }
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible' && getComputedStyle(a).overflowX === 'visible') continue
        const c = a.getBoundingClientRect()
        vis = { l: Math.max(vis.l, c.left), t: Math.max(vis.t, c.top), r: Math.min(vis.r, c.right), b: Math.min(vis.b, c.bottom) }
      }
      const shown = Math.max(0, vis.r - vis.l) * Math.max(0, vis.b - vis.t)
      const whole = r.width * r.height
      const hit = document.elementFromPoint((vis.l + vis.r) / 2, (vis.t + vis.b) / 2)
      if (shown < 0.9 * whole || !hit || !(el === hit || el.contains(hit)))
        out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`)
    }
    return out
  }, selector)
}

/** Browser tests of the events you watch (issue 10 item 3): each saves a screenshot at the moment it happens. */
export const watchTests = [
  {
    name: 'stage-chaos-labels',
    title: "the sandbox's chaos buttons read as one line of text: each icon stands on the first line of its words, never alone above them",
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitFor(page, 'chaos-hogCpu', { state: 'attached' })
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll('.chaos .actions button')].map((b) => {
          const icon = b.querySelector('span[aria-hidden="true"]')
          const words = [...b.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())
          if (!icon || !words) return null
          const range = document.createRange()
          range.selectNodeContents(words)
          const first = range.getClientRects()[0]
          const at = icon.getBoundingClientRect()
          return {
            text: b.textContent.trim(),
            iconTop: Math.round(at.top),
            wordsTop: Math.round(first.top),
            lineH: Math.round(first.height),
          }
        }),
      )
      const shown = lines.filter(Boolean)
      t.log(shown.map((l) => `"${l.text}" icon ${l.iconTop} words ${l.wordsTop}`).join('; '))
      check(shown.length >= 3, `only ${shown.length} chaos buttons with an icon and words`)
      for (const l of shown) check(Math.abs(l.iconTop - l.wordsTop) < l.lineH / 2, `"${l.text}": its icon stands on a line of its own`)
    },
  },
  {
    name: 'stage-ui-scale-reachable',
    title:
      'interface scale 200 % at 1280×720: the brief scrolls to its start button, and with the objectives, the inspector and the ' +
      'map open every control of the right column is reached by Tab and shown whole (the column scrolls)',
    async run(t) {
      const page = await t.open('/?test&level=09-two-zones&scale=200')
      await page.setViewportSize({ width: 1280, height: 720 })
      await waitFor(page, 'brief')
      const brief = await unreachable(page, '[data-testid="brief"] button')
      check(brief.length === 0, `in the brief at 200 %, out of reach: ${brief.join(', ')}`)
      await click(page, tid('btn-start-level'))
      await waitForFirstFrame(page)
      await page.evaluate(() => window.__houseOfPods.getUi().select({ kind: 'host', id: 'h1' }))
      await waitFor(page, 'inspector-expand')
      await pressKey(page, 'o')
      await page.waitForTimeout(500)
      const controls = '.hud-right button, .hud-right summary, .hud-right [tabindex="0"], .hud-right a[href]'
      const missed = await unreachable(page, controls)
      const n = await page.locator(controls).count()
      t.log(`${n} controls in the right column; out of reach: ${missed.join(', ') || 'none'}`)
      await shot(page, 'stage-ui-scale-reachable.png')
      check(n >= 4, `the right column shows only ${n} controls (objectives, inspector and map should be open)`)
      check(missed.length === 0, `at 200 % on 1280×720, out of reach in the right column: ${missed.join(', ')}`)
    },
  },
  {
    name: 'stage-tags-apart',
    title:
      "the sandbox: a selected room's label (furnishing) and the street's tags (being built, kit on its way) never cover each " +
      'other, nor a house sign',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await dispatch(page, { type: 'addImage', id: 'big', ref: 'big:1', sizeMiB: 2000 })
      for (const id of ['shop', 'blog'])
        await dispatch(page, {
          type: 'addApp',
          id: `tag-${id}`,
          name: `${id}-2`,
          imageId: 'big',
          cpuRequestMilli: 250,
          memRequestMiB: 256,
          rps: 0,
          capacityRps: 10,
        })
      await focusHouse(page, 'h1')
      const rooms = []
      for (const app of ['tag-shop', 'tag-blog', 'tag-shop'])
        rooms.push((await dispatch(page, { type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })).id)
      await page.evaluate((id) => window.__houseOfPods.getUi().select({ kind: 'container', id }), rooms[0])
      // While the kit is on its way, then while the room is furnished (being built): pause at each and look.
      for (const [state, name] of [
        ['pulling', 'stage-tags-apart-pulling.png'],
        ['creating', 'stage-tags-apart-creating.png'],
      ]) {
        await play(page, 1)
        await waitUntil(page, ([id, s]) => window.__houseOfPods.getState().world.containers[id]?.state === s, [rooms[0], state], {
          what: `room ${rooms[0]} ${state}`,
          interval: 20,
          timeout: 60_000,
        })
        await pauseClock(page)
        const now = await roomState(page, rooms[0])
        // The tags are laid out each frame: give a loaded machine's slow frames a few seconds to draw the last one.
        let tags = null
        for (let i = 0; !tags; i++) {
          await page.waitForTimeout(500)
          tags = await tagsApart(page, `room ${now}`).catch((e) => {
            if (i >= 10) throw e
            return null
          })
        }
        t.log(`room ${now}: ${tags.map((x) => `"${x.text}"`).join(', ')}`)
        check(
          tags.some((x) => /being built|kit on its way/.test(x.text)),
          `no tag says the rooms are being built: ${JSON.stringify(tags)}`,
        )
        await shot(page, name)
      }
    },
  },
  {
    name: 'stage-watch-pull',
    title:
      'an image pull: a van brings a crate per missing layer; a second kit sharing two layers brings one crate (two already in the storeroom)',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const steps = (app, mib) => [
        { text: 'FROM debian:12-slim', sizeMiB: 75 },
        { text: 'RUN apt-get install -y python3', sizeMiB: 300 },
        { text: `COPY ${app} /app`, sizeMiB: mib },
      ]
      await dispatch(page, { type: 'buildImage', id: 'py1', ref: 'py:1', instructions: steps('shop-v1', 250) })
      await dispatch(page, { type: 'buildImage', id: 'py2', ref: 'py:2', instructions: steps('shop-v2', 400) })
      for (const [id, image] of [
        ['pyshop', 'py1'],
        ['pyshop2', 'py2'],
      ])
        await dispatch(page, {
          type: 'addApp',
          id,
          name: id,
          imageId: image,
          cpuRequestMilli: 250,
          memRequestMiB: 256,
          rps: 0,
          capacityRps: 10,
        })
      await focusHouse(page, 'h1')
      // What each live region on the page says, as it changes: what a screen reader is told, and by which region.
      await page.evaluate(() => {
        window.__liveSaid = []
        for (const region of document.querySelectorAll('[aria-live]'))
          new MutationObserver(() =>
            window.__liveSaid.push({ who: region.dataset.testid ?? region.className, text: region.textContent ?? '' }),
          ).observe(region, { childList: true, subtree: true, characterData: true })
      })
      const liveRegion = () => {
        const el = document.querySelector('[data-testid="caption"]')
        return el?.getAttribute('aria-live') === 'polite' && el.getAttribute('role') === 'status'
      }
      check(await page.evaluate(liveRegion), 'the caption line is not a polite live region')
      const first = (await dispatch(page, { type: 'runContainer', appId: 'pyshop', target: { kind: 'host', hostId: 'h1' } })).id
      await play(page, 1)
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.containers[id]?.state === 'pulling', first, { what: 'the pull' })
      await page.waitForTimeout(1500)
      await pauseClock(page)
      await page.waitForTimeout(400)
      let c = await counts(page)
      t.log(`first pull: ${c['delivery-vans'] / 2} van, ${c['van-crates']} crates on it, ${c.crates} in the storeroom`)
      check(c['delivery-vans'] === 2 && c['van-crates'] === 3, `a van with 3 crates should be on its way (${JSON.stringify(c)})`)
      await waitTag(page, /kit on its way: 3 crates/, 'the tag "kit on its way: 3 crates"')
      await shot(page, 'event-pull-van.png')
      // Screen readers hear the delivery too: the caption's live region says the van and its crates (once: nothing else repeats it).
      await waitUntil(
        page,
        () => window.__liveSaid.some((x) => x.who === 'caption' && /van brings pyshop's kit to house 1: 3 crates\./.test(x.text)),
        undefined,
        {
          what: 'the delivery told to screen readers',
        },
      )
      await play(page, 4)
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.containers[id]?.state === 'running', first, {
        what: 'the room to open',
      })
      const second = (await dispatch(page, { type: 'runContainer', appId: 'pyshop2', target: { kind: 'host', hostId: 'h1' } })).id
      await play(page, 1)
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.containers[id]?.state === 'pulling', second, {
        what: 'the second pull',
      })
      await page.waitForTimeout(1500)
      await pauseClock(page)
      await page.waitForTimeout(400)
      c = await counts(page)
      t.log(`second pull: ${c['van-crates']} crate on the van, ${c.crates} in the storeroom`)
      check(c['delivery-vans'] === 2 && c['van-crates'] === 1, `the second van should carry 1 crate, not ${c['van-crates']}`)
      check(c.crates >= 3, `the storeroom should already hold the first kit's 3 crates (${c.crates})`)
      await waitTag(page, /1 crate, 2 already in the storeroom/, 'the tag "1 crate, 2 already in the storeroom"')
      await shot(page, 'event-pull-cached.png')
      await waitUntil(
        page,
        () =>
          window.__liveSaid.some(
            (x) => x.who === 'caption' && /van brings pyshop2's kit to house 1: 1 crate, 2 already in the storeroom/.test(x.text),
          ),
        undefined,
        { what: 'the second delivery told to screen readers' },
      )
      const regions = await page.evaluate(() => [...new Set(window.__liveSaid.filter((x) => /crate/.test(x.text)).map((x) => x.who))])
      check(
        regions.length === 1,
        `the delivery is told by ${regions.length} live regions (${regions.join(', ')}): a screen reader hears it twice`,
      )
    },
  },
  {
    name: 'stage-watch-visitors',
    title: 'visitors walk past the doorman into ready rooms; a room that is not ready has its door shut; turned-away visitors are seen',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await dispatch(page, {
        type: 'setProbes',
        appId: 'shop',
        readiness: { initialDelaySeconds: 0, periodSeconds: 1, failureThreshold: 1, successThreshold: 1 },
      })
      const ids = []
      for (let i = 0; i < 2; i++)
        ids.push((await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })).id)
      await play(page, 4)
      await waitUntil(page, (xs) => xs.every((id) => window.__houseOfPods.getState().world.containers[id]?.ready), ids, {
        what: 'two ready rooms',
        timeout: 30_000,
      })
      await focusHouse(page, 'h1')
      await dispatch(page, { type: 'hangContainer', containerId: ids[0], hung: true })
      await waitUntil(page, (id) => !window.__houseOfPods.getState().world.containers[id].ready, ids[0], {
        what: 'the hung room to fail readiness',
      })
      await play(page, 1)
      await page.waitForTimeout(2500)
      await pauseClock(page)
      await page.waitForTimeout(300)
      const c = await counts(page)
      t.log(`doormen ${c.doormen}, shut doors ${c['closed-doors']}, drawn ${JSON.stringify(c)}`)
      check(c.doormen >= 1, 'no doorman at the door of the house with ready rooms')
      check(c['closed-doors'] === 1, `the not-ready room's door should be shut (${c['closed-doors']} shut doors)`)
      const app = await page.evaluate(() => window.__houseOfPods.getState().world.apps.shop)
      check(app.rps > app.lastServedRps, `nobody is turned away (${app.lastServedRps} of ${app.rps} served)`)
      await shot(page, 'event-visitors.png')
    },
  },
  {
    name: 'stage-watch-drain',
    title: 'a drain: the house says how many rooms are left to move out; they leave one by one, footprints from each old place to the new',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      // A disruption budget (3 of 4 always open) makes the drain move the rooms out one at a time.
      await dispatch(page, { type: 'setManaged', appId: 'shop', managed: true })
      await dispatch(page, { type: 'setReplicas', appId: 'shop', replicas: 4 })
      await dispatch(page, { type: 'setPdb', appId: 'shop', minAvailable: 3 })
      await play(page, 4)
      await waitForRunning(page, 4, 40_000)
      await pauseClock(page)
      const busiest = await page.evaluate(() => {
        const n = {}
        for (const c of Object.values(window.__houseOfPods.getState().world.containers))
          if (c.placement?.kind === 'host') n[c.placement.hostId] = (n[c.placement.hostId] ?? 0) + 1
        return Object.entries(n).sort((a, b) => b[1] - a[1])[0][0]
      })
      await focusHouse(page, busiest)
      // Drained with the clock stopped, then stepped a tenth of a second at a time (the . key) to watch each move.
      await dispatch(page, { type: 'drain', hostId: busiest })
      await waitTag(page, /moving out: \d rooms? to go/, 'the drain named over the house')
      for (let i = 0; i < 80 && !((await counts(page))['move-trails'] > 0); i++) {
        await pressKey(page, '.')
        await page.waitForTimeout(60)
      }
      await page.waitForTimeout(300)
      const c = await counts(page)
      const tags = await tagTexts(page)
      t.log(`drain of ${busiest}: ${c['move-trails']} footprints; tags ${JSON.stringify(tags)}`)
      check(c['move-trails'] > 0, 'no footprints from the room that moved out')
      check(
        tags.some((x) => /moving out: \d rooms? to go/.test(x)),
        `the house no longer says how many rooms are still to move (${tags.join(' | ')})`,
      )
      await shot(page, 'event-drain.png')
    },
  },
  {
    name: 'stage-watch-breach',
    title: 'a breach: the burglar walks room to room; in an apartment the wall stops it (drawn red), on a shared kernel nothing does',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await dispatch(page, { type: 'setSecurity', appId: 'shop', security: { privileged: true } })
      const vmId = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })).id
      await play(page, 8)
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].state === 'running', vmId, {
        what: 'the apartment',
        timeout: 40_000,
      })
      const inVm = []
      for (let i = 0; i < 3; i++)
        inVm.push((await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'vm', vmId } })).id)
      const bare = []
      for (let i = 0; i < 3; i++)
        bare.push((await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h2' } })).id)
      await waitForRunning(page, 6, 40_000)
      await pauseClock(page)
      await focusHouse(page, 'h1')
      await dispatch(page, { type: 'breachContainer', containerId: inVm[0] })
      await waitUntil(page, () => (window.__houseOfPods.sceneCounts().burglars ?? 0) > 0, undefined, { what: 'the burglar in the street' })
      // Paused, the burglar waits in the first room; Play sets it walking.
      const burglarAt = () => page.evaluate(() => window.__houseOfPods.sceneInstance('burglars', 0))
      const before = await burglarAt()
      await page.waitForTimeout(1200)
      const still = await burglarAt()
      check(before && JSON.stringify(before) === JSON.stringify(still), `the burglar walked while paused: ${before} → ${still}`)
      await play(page, 1)
      await waitUntil(page, (p) => JSON.stringify(window.__houseOfPods.sceneInstance('burglars', 0)) !== p, JSON.stringify(still), {
        what: 'the burglar walking once the clock plays',
      })
      await pauseClock(page)
      await page.waitForTimeout(1200)
      let c = await counts(page)
      const ev = await page.evaluate(() =>
        window.__houseOfPods
          .getState()
          .world.events.filter((e) => e.id === 'breach.breached')
          .at(-1),
      )
      t.log(`apartment breach: kernel owned ${ev.params.kernelOwned}, ${ev.params.reached} rooms; walls ${c['breach-walls']}`)
      check(c['breach-walls'] === 1, `the wall that stopped the burglar is not drawn (${c['breach-walls']})`)
      await waitTag(page, /burglar/, "the burglar's tag")
      await shot(page, 'event-breach-apartment.png')
      await focusHouse(page, 'h2')
      await dispatch(page, { type: 'breachContainer', containerId: bare[0] })
      await page.waitForTimeout(1200)
      c = await counts(page)
      const ev2 = await page.evaluate(() =>
        window.__houseOfPods
          .getState()
          .world.events.filter((e) => e.id === 'breach.breached')
          .at(-1),
      )
      t.log(`shared-kernel breach: kernel owned ${ev2.params.kernelOwned}, ${ev2.params.reached} rooms; burglars ${c.burglars}`)
      check(c.burglars === 2, `two burglars should be in the street (${c.burglars})`)
      if (ev2.params.kernelOwned) await waitTag(page, /no wall/, 'the shared kernel breach tag ("no wall")')
      await shot(page, 'event-breach-shared-kernel.png')
    },
  },
  {
    name: 'stage-watch-vm',
    title: "a VM boot lights the apartment's floor as it boots; a live migration slides it to the other house, its short pause shown",
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await focusHouse(page, 'h1')
      const vmId = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 4, memMiB: 8192 })).id
      await play(page, 1)
      await waitTag(page, /lights coming on [3-9]\d %/, 'the boot lighting the floor a third of the way or more', 60_000)
      await pauseClock(page)
      await page.waitForTimeout(300)
      t.log(`boot: ${JSON.stringify(await tagTexts(page))}`)
      await shot(page, 'event-vm-boot.png')
      await play(page, 8)
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].state === 'running', vmId, {
        what: 'the apartment to boot',
        timeout: 40_000,
      })
      await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'vm', vmId } })
      await waitForRunning(page, 1, 30_000)
      await pauseClock(page)
      await dispatch(page, { type: 'migrateVm', vmId, toHostId: 'h2' })
      await focusHouse(page, 'h1')
      await play(page, 8)
      await waitUntil(page, () => (window.__houseOfPods.sceneCounts().migrating ?? 0) > 0, undefined, {
        what: 'the apartment sliding over',
      })
      // Pre-copy takes over a minute of world time: let it get about half-way.
      await waitUntil(
        page,
        (id) => {
          const w = window.__houseOfPods.getState().world
          const m = w.vms[id].migration
          return !m || m.phase === 'stopcopy' || m.phaseEndsMs - w.timeMs < 40_000
        },
        vmId,
        { what: 'the pre-copy half-way', timeout: 30_000 },
      )
      await pauseClock(page)
      await page.waitForTimeout(300)
      await waitTag(page, /moving to house 2 while it runs, then a \d+ ms pause|paused \d+ ms/, 'the migration and its pause named')
      const c = await counts(page)
      check(c.migrating === 1, `the apartment is not seen sliding over (${c.migrating})`)
      t.log(`migration: ${JSON.stringify(await tagTexts(page))}`)
      await shot(page, 'event-vm-migration.png')
      // Where the copy lands (under reduced motion it stands at its goal): the floor the apartment has once it moved,
      // inside house 2 under its roof, not on top of it.
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await waitUntil(page, () => window.__houseOfPods.getUi().reducedMotion === true, undefined, { what: 'reduced motion to apply' })
      // Still means unchanged across two drawn frames (on a busy machine SwiftShader may draw one every second or two).
      let landing = null
      for (let tries = 0; tries < 20; tries++) {
        await settledRendererInfo(page, 2, 30_000)
        const p = await page.evaluate(() => window.__houseOfPods.sceneInstance('migrating', 0))
        const still = !!p && !!landing && Math.hypot(p[0] - landing[0], p[1] - landing[1], p[2] - landing[2]) < 1e-3
        landing = p
        if (still) break
      }
      await shot(page, 'event-vm-migration-landing.png')
      await page.emulateMedia({ reducedMotion: 'no-preference' })
      await play(page, 8)
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].hostId === 'h2', vmId, {
        what: 'the apartment to move to house 2',
        timeout: 60_000,
      })
      await pauseClock(page)
      await page.waitForTimeout(400)
      const floor = await page.evaluate(() => window.__houseOfPods.sceneInstance('vm-blocks', 0))
      t.log(`the copy landed at ${JSON.stringify(landing)}; the apartment stands at ${JSON.stringify(floor)} in house 2`)
      check(
        !!landing && !!floor && Math.hypot(landing[0] - floor[0], landing[1] - floor[1], landing[2] - floor[2]) < 0.05,
        `the migrating copy lands at ${JSON.stringify(landing)}, not where the apartment then stands (${JSON.stringify(floor)})`,
      )
    },
  },
]

watchTests.push({
  name: 'stage-watch-reduced-motion',
  title: 'under reduced motion the events are still highlights: the van stands parked at the door, the burglar in the last room reached',
  async run(t) {
    const page = await t.open()
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await startSandbox(page)
    await waitForFirstFrame(page)
    await focusHouse(page, 'h1')
    await dispatch(page, { type: 'setSecurity', appId: 'shop', security: { privileged: true } })
    const ids = []
    for (let i = 0; i < 3; i++)
      ids.push((await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })).id)
    await play(page, 1)
    await waitUntil(page, (id) => window.__houseOfPods.getState().world.containers[id]?.state === 'pulling', ids[0], { what: 'the pull' })
    await pauseClock(page)
    await page.waitForTimeout(300)
    const vans = (await counts(page))['delivery-vans']
    check(vans === 2, `the van is not at the door under reduced motion (${vans / 2} vans)`)
    await shot(page, 'event-pull-reduced-motion.png')
    await play(page, 4)
    await waitForRunning(page, 3, 30_000)
    await pauseClock(page)
    await dispatch(page, { type: 'breachContainer', containerId: ids[0] })
    await waitUntil(page, () => (window.__houseOfPods.sceneCounts().burglars ?? 0) === 1, undefined, {
      what: 'the burglar, standing still',
    })
    await waitTag(page, /burglar/, "the burglar's tag")
    await shot(page, 'event-breach-reduced-motion.png')
  },
})

/** Whether a point shows in the open part of the window: not under the side drawer, the inspector, the top bar or the caption. */
async function inOpenPart(page, p) {
  return page.evaluate((pt) => {
    if (!pt) return false
    const els = document.elementsFromPoint(pt.x, pt.y)
    return pt.x > 0 && pt.y > 0 && pt.x < innerWidth && pt.y < innerHeight && els[0]?.tagName === 'CANVAS'
  }, p)
}

watchTests.push({
  name: 'stage-follow',
  title: 'follow events: on in a level and off in the sandbox by default; G turns it on, and a house that burns off screen is then framed',
  async run(t) {
    const level = await t.open()
    await startLevel(level, L1)
    check((await level.locator(tid('btn-follow')).getAttribute('aria-pressed')) === 'true', 'follow events is off in a level')
    await level.context().close()
    const page = await t.open()
    await startSandbox(page)
    await waitForFirstFrame(page)
    check((await page.locator(tid('btn-follow')).getAttribute('aria-pressed')) === 'false', 'follow events is on in the sandbox')
    const room1 = (await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })).id
    const room2 = (await dispatch(page, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h2' } })).id
    await play(page, 4)
    await waitForRunning(page, 2, 30_000)
    await pauseClock(page)
    // Up close to the room in house 1: house 2 is out of sight (or behind a panel).
    await pressKey(page, 'Home')
    await page.waitForTimeout(1200)
    await doubleClickOn(page, 'container', room1)
    await page.waitForTimeout(1500)
    await page.evaluate(() => window.__houseOfPods.getUi().select(null))
    const hidden = await page.evaluate(() => window.__houseOfPods.project('host', 'h2'))
    check(!(await inOpenPart(page, hidden)), 'house 2 should be out of sight before it burns')
    // Off: a crash over there does not move the camera.
    const before = await page.evaluate(() => window.__houseOfPods.view().target)
    await dispatch(page, { type: 'crashContainer', containerId: room2 })
    await page.waitForTimeout(1200)
    const still = await page.evaluate(() => window.__houseOfPods.view().target)
    check(Math.hypot(still[0] - before[0], still[2] - before[2]) < 0.5, 'the camera moved with follow events off')
    // On (G): house 2 burns and the camera frames it.
    await page.locator('body').press('g')
    await waitUntil(page, () => document.querySelector('[data-testid="btn-follow"]')?.getAttribute('aria-pressed') === 'true', undefined, {
      what: 'G to turn follow events on',
    })
    await dispatch(page, { type: 'failHost', hostId: 'h2' })
    await waitUntil(
      page,
      () => {
        const p = window.__houseOfPods.project('host', 'h2')
        return !!p && document.elementsFromPoint(p.x, p.y)[0]?.tagName === 'CANVAS'
      },
      undefined,
      { what: 'the camera to frame the burning house', timeout: 10_000 },
    )
    await page.waitForTimeout(600)
    await shot(page, 'follow-events-framed.png')
  },
})

watchTests.push({
  name: 'stage-follow-zoom',
  title:
    'follow events comes near a far house: an event there shows its house at a readable size (it glides; under reduced motion it jumps)',
  async run(t) {
    const page = await t.open()
    await startSandbox(page)
    await waitForFirstFrame(page)
    await addBenchHouses(page)
    await page.locator('body').press('g')
    await waitUntil(page, () => document.querySelector('[data-testid="btn-follow"]')?.getAttribute('aria-pressed') === 'true', undefined, {
      what: 'G to turn follow events on',
    })
    const houseHeight = (id) =>
      page.evaluate((h) => {
        const b = window.__houseOfPods.screenBox('host', h)
        return b && !b.behind ? b.bottom - b.top : 0
      }, id)
    const framed = async (id) => {
      const p = await page.evaluate((h) => window.__houseOfPods.project('host', h), id)
      return (await inOpenPart(page, p)) && (await houseHeight(id)) >= 120
    }
    // The street's own framing: fourteen houses, each a few dozen pixels tall.
    const farHouses = await page.evaluate(() => {
      const hs = Object.values(window.__houseOfPods.getState().world.hosts)
      return hs.filter((h) => h.name.startsWith('bench-')).map((h) => h.id)
    })
    for (const [k, reduced] of [
      [0, false],
      [1, true],
    ]) {
      if (reduced) {
        await page.emulateMedia({ reducedMotion: 'reduce' })
        await waitUntil(page, () => window.__houseOfPods.getUi().reducedMotion === true, undefined, { what: 'reduced motion' })
      }
      await pauseClock(page)
      await page.evaluate(() => window.__houseOfPods.getUi().select(null))
      await pressKey(page, 'Home')
      await page.waitForTimeout(2000)
      const id = farHouses[farHouses.length - 1 - k * 5]
      const before = await houseHeight(id)
      t.log(`${reduced ? 'reduced motion: ' : ''}house ${id} shows ${before.toFixed(0)} px tall from the street's framing`)
      check(before < 120, `house ${id} is already ${before.toFixed(0)} px tall before its event`)
      await dispatch(page, { type: 'failHost', hostId: id })
      if (reduced) {
        // A jump: framed at once, and still there a moment later (no glide).
        await waitUntil(page, (h) => !!window.__houseOfPods.screenBox('host', h), id, { what: 'the house' })
        await page.waitForTimeout(300)
        const at = await page.evaluate(() => window.__houseOfPods.view())
        await page.waitForTimeout(700)
        const later = await page.evaluate(() => window.__houseOfPods.view())
        check(Math.abs(at.distance - later.distance) < 0.05, `under reduced motion the camera glides (${at.distance} → ${later.distance})`)
      }
      await waitUntil(
        page,
        (h) => {
          const b = window.__houseOfPods.screenBox('host', h)
          const p = window.__houseOfPods.project('host', h)
          return !!b && !!p && b.bottom - b.top >= 120 && document.elementsFromPoint(p.x, p.y)[0]?.tagName === 'CANVAS'
        },
        id,
        { what: `the camera to come near house ${id}`, timeout: reduced ? 2_000 : 10_000 },
      )
      check(await framed(id), `house ${id} is not framed in the open part at a readable size`)
      const after = await houseHeight(id)
      t.log(`after its fire: ${after.toFixed(0)} px tall`)
      await shot(page, reduced ? 'follow-events-zoom-reduced.png' : 'follow-events-zoom.png')
    }
  },
})

const pressed = (page, id) => page.locator(tid(id)).getAttribute('aria-pressed')

watchTests.push({
  name: 'stage-panels-remembered',
  title:
    'panels remember their state per mode across reloads (the sandbox its drawer and follow events, a level its own); a corrupt value falls back cleanly',
  async run(t) {
    const page = await t.open()
    await startSandbox(page)
    await click(page, tid('tab-street'))
    await page.locator('body').press('g')
    await waitUntil(page, () => document.querySelector('[data-testid="btn-follow"]')?.getAttribute('aria-pressed') === 'true', undefined, {
      what: 'follow events on',
    })
    const stored = await page.evaluate(() => localStorage.getItem('houseOfPods.hud'))
    t.log(`stored: ${stored}`)
    await page.reload({ waitUntil: 'load' })
    await startSandbox(page)
    await waitUntil(page, () => document.querySelector('[data-testid="tab-street"]')?.getAttribute('aria-pressed') === 'true', undefined, {
      what: "the sandbox's street drawer open again after the reload",
    })
    check((await pressed(page, 'btn-follow')) === 'true', 'follow events is not remembered for the sandbox')
    await shot(page, 'panels-remembered-sandbox.png')
    // A level keeps its own: the tools drawer and follow events on (its defaults).
    await click(page, tid('btn-menu'))
    await startLevel(page, L1)
    check((await pressed(page, 'tab-tools')) === 'true', "the level took the sandbox's drawer")
    check((await pressed(page, 'btn-follow')) === 'true', 'follow events is off in the level')
    // A corrupt value: the defaults, and no error.
    await page.evaluate(() => localStorage.setItem('houseOfPods.hud', '{"version":1,"modes":{"sandbox":{"drawer":"attic"'))
    await page.reload({ waitUntil: 'load' })
    await startSandbox(page)
    await waitFor(page, 'palette')
    check((await pressed(page, 'tab-tools')) === 'true', 'a corrupt value did not fall back to the tools drawer')
    check((await pressed(page, 'btn-follow')) === 'false', 'a corrupt value did not fall back to follow events off in the sandbox')
  },
})

watchTests.push({
  name: 'stage-watch-level1',
  title:
    "level 1 in play: the shop's crash at 0:30 is watched in the street (dark, a red ✖, named over the room) while the other two keep serving",
  async run(t) {
    const page = await t.open()
    await startLevel(page, L1)
    await waitForFirstFrame(page)
    for (const app of ['shop', 'blog', 'chat'])
      await dispatch(page, { type: 'runContainer', appId: app, target: { kind: 'host', hostId: 'h1' } })
    await play(page, 4)
    await waitUntil(
      page,
      () => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.state === 'crashed' || c.state === 'backoff'),
      undefined,
      { what: "the shop's crash", timeout: 30_000 },
    )
    await pauseClock(page)
    await waitTag(page, /crashed|reopens in/, 'the crash named in the street')
    const c = await counts(page)
    check(c.marks >= 1, `no red ✖ over the crashed room (${c.marks})`)
    const open = await page.evaluate(
      () => Object.values(window.__houseOfPods.getState().world.containers).filter((x) => x.state === 'running').length,
    )
    check(open === 2, `the other two rooms should keep serving (${open} open)`)
    await shot(page, 'event-level1-crash.png')
  },
})
