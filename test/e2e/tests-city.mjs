// Browser tests for the city view of big streets (?street=M|L): zooming in, labels, zones, the overview map, find.
import { expectNoSeriousAxe } from './tests-stage.mjs'
import {
  check,
  dispatch,
  pressKey,
  settledRendererInfo,
  shot,
  startSandbox,
  tid,
  waitForFirstFrame,
  waitForHandle,
  waitUntil,
} from './lib.mjs'

/** Open a big street (its simulation in the worker) and wait for its first frame. */
export async function openCity(t, size, extra = '') {
  const page = await t.open(`/?test&street=${size}&paused=yes${extra}`)
  await waitForHandle(page)
  await waitUntil(page, () => window.__houseOfPods.getState().remote === 'running', undefined, {
    timeout: size === 'L' ? 150_000 : 60_000,
    what: `the ${size} street built in the worker`,
    interval: 500,
  })
  await waitForFirstFrame(page, 60_000)
  return page
}

/** The zones' plates are laid out a few frames after the first one: wait until all three are shown. */
export function waitForZonePlates(page) {
  return waitUntil(
    page,
    () => document.querySelectorAll('[data-testid="city-label"][data-kind="zone"][data-shown="1"]').length >= 3,
    undefined,
    {
      timeout: 60_000,
      what: 'the three zone plates shown',
    },
  )
}

/** The labels the city shows now, with their boxes and font sizes. */
export function shownLabels(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="city-label"][data-shown="1"]')].map((el) => {
      const r = el.getBoundingClientRect()
      return {
        kind: el.dataset.kind,
        text: el.textContent,
        font: parseFloat(getComputedStyle(el).fontSize),
        l: r.left,
        t: r.top,
        r: r.right,
        b: r.bottom,
      }
    }),
  )
}

/** Every shown label is ≥ 14 px tall, inside the window, over no other label and no panel. */
export async function checkLabelsReadable(page, where) {
  const labels = await shownLabels(page)
  const panels = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.hud .panel, .hud-bottom > *, [data-testid="scene-canvas"] > div:last-child > div:not(.city-labels) > div',
      ),
    ]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width })),
  )
  const size = page.viewportSize()
  const hit = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b
  for (const [i, a] of labels.entries()) {
    check(a.font >= 14 && a.b - a.t >= 14, `${where}: label "${a.text}" is ${a.font} px text, ${Math.round(a.b - a.t)} px tall (want ≥ 14)`)
    check(a.l >= 0 && a.t >= 0 && a.r <= size.width && a.b <= size.height, `${where}: label "${a.text}" leaves the window`)
    for (const b of labels.slice(i + 1)) check(!hit(a, b), `${where}: labels "${a.text}" and "${b.text}" overlap`)
    for (const p of panels) check(!hit(a, p), `${where}: label "${a.text}" covers a panel at ${JSON.stringify(p)}`)
  }
  return labels
}

/** Wait until the houses drawn in detail stop changing (the camera has settled; SwiftShader draws a frame a second). */
export async function settledDetail(page) {
  const near = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="city-label"][data-kind="house"]')]
        .map((e) => e.dataset.key)
        .sort()
        .join(','),
    )
  let last = ''
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(1500)
    const now = await near()
    if (now && now === last) return now
    last = now
  }
  check(false, `the houses drawn in detail never settled: ${last}`)
}

/**
 * Zoom in as a player does: double-click a block in the middle of the open part of the window. A double-click that
 * lands on a block selects its house and starts the glide; one that lands between blocks does nothing, and the next
 * spot is tried. Once a house is chosen, the glide, the search for near houses and their layout take a few frames,
 * and SwiftShader on a busy two-core machine may draw one every few seconds, so that wait is long.
 */
async function zoomIntoCity(page) {
  const size = page.viewportSize()
  const left = await page.evaluate(() =>
    Math.max(0, ...[...document.querySelectorAll('.hud-left > *')].map((e) => e.getBoundingClientRect().right)),
  )
  const cx = left + (size.width - left) * 0.45
  const chosenHouse = () => {
    const sel = window.__houseOfPods.getUi().selection
    return sel && sel.kind === 'host' ? sel.id : null
  }
  for (const [dx, dy] of [
    [0, 0],
    [30, 20],
    [-40, 30],
    [60, -30],
    [-80, -20],
    [10, 60],
  ]) {
    await page.mouse.dblclick(cx + dx, size.height * 0.5 + dy)
    const house = await waitUntil(page, chosenHouse, undefined, { timeout: 5000, what: 'a house chosen by the double-click' }).catch(
      () => null,
    )
    if (!house) continue
    await waitUntil(page, () => document.querySelectorAll('[data-testid="city-label"][data-kind="house"]').length > 0, undefined, {
      timeout: 60_000,
      what: `houses drawn in detail around ${house}, the house the double-click chose`,
      interval: 250,
    })
    return
  }
  check(false, 'double-clicking six spots of the city never landed on a block')
}

export const tests = [
  {
    name: 'city-zoom',
    title: '?street=M: zooming in draws the nearest houses with their rooms and names them in readable, non-overlapping labels',
    timeoutMs: 150_000,
    async run(t) {
      const page = await openCity(t, 'M')
      const far = await settledRendererInfo(page, 2, 60_000)
      t.log(`M overview: ${far.calls} draw calls, ${far.triangles} triangles`)
      const farLabels = await shownLabels(page)
      check(
        farLabels.every((l) => l.kind !== 'house'),
        `house labels at the overview distance: ${farLabels.map((l) => l.text).join(', ')}`,
      )
      await zoomIntoCity(page)
      // The glide ends, the detail is laid out and drawn.
      await settledDetail(page)
      const near = await settledRendererInfo(page, 3, 60_000)
      t.log(`M zoomed in: ${near.calls} draw calls, ${near.triangles} triangles`)
      check(near.calls <= 30, `zoomed in, the city takes ${near.calls} draw calls (at most 30)`)
      check(near.triangles < 1_500_000, `zoomed in, the city draws ${near.triangles} triangles (under 1.5 million)`)
      check(near.triangles > far.triangles, `zoomed in, rooms add triangles: ${near.triangles} against ${far.triangles} from afar`)
      // The houses drawn in detail are drawn as on a small street: front walls (cut away where the camera looks), the
      // doorman at each house whose rooms take visitors.
      const drawn = await page.evaluate(() => window.__houseOfPods.sceneCounts())
      t.log(`drawn in detail: ${JSON.stringify(drawn)}`)
      check(
        drawn['front-walls'] >= 1 && drawn['front-walls:cut'] >= 1,
        `zoomed in, no front wall (or none cut away): ${JSON.stringify(drawn)}`,
      )
      check(drawn.doormen >= 1, `zoomed in, no doorman at the near houses: ${JSON.stringify(drawn)}`)
      const labels = await checkLabelsReadable(page, 'M zoomed in')
      const houses = labels.filter((l) => l.kind === 'house')
      t.log(`${houses.length} house labels shown: ${houses.map((l) => l.text).join(' | ')}`)
      check(houses.length >= 1, 'no house label is shown when zoomed in')
      check(
        houses.some((l) => /app\d|shop|web/i.test(l.text) || l.text.split(/\s+/).length > 2),
        'no near house names the business inside',
      )
      await shot(page, 'city-zoom-m.png')
    },
  },
  {
    name: 'city-zones',
    title: '?street=M: each zone is a plate with its name from the overview; burn zone a and its plate says how many houses are down',
    timeoutMs: 150_000,
    async run(t) {
      const page = await openCity(t, 'M')
      await settledRendererInfo(page, 2, 60_000)
      await waitForZonePlates(page)
      const zoneNames = async () => (await checkLabelsReadable(page, 'M overview')).filter((l) => l.kind === 'zone').map((l) => l.text)
      const before = await zoneNames()
      t.log(`zone plates: ${before.join(' | ')}`)
      check(before.length === 3, `the overview names ${before.length} zones (want a, b and c): ${before.join(' | ')}`)
      check(
        ['a', 'b', 'c'].every((z) => before.some((x) => x.includes(`side ${z}`))),
        `zone names missing: ${before.join(' | ')}`,
      )
      await dispatch(page, { type: 'failZone', zone: 'a' })
      await waitUntil(page, () => [...document.querySelectorAll('[data-kind="zone"]')].some((e) => /down/.test(e.textContent)), undefined, {
        timeout: 30_000,
        what: "zone a's plate saying its houses are down",
      })
      await settledRendererInfo(page, 3, 60_000)
      const after = await zoneNames()
      t.log(`after burning zone a: ${after.join(' | ')}`)
      const a = after.find((x) => x.includes('side a'))
      check(a && /▲ 167 down/.test(a), `zone a's plate does not count its 167 houses down: ${a}`)
      check(after.filter((x) => /down/.test(x)).length === 1, `only zone a should be down: ${after.join(' | ')}`)
      const info = await settledRendererInfo(page, 2, 60_000)
      t.log(`M overview, zone a down: ${info.calls} draw calls, ${info.triangles} triangles`)
      check(info.calls <= 30, `the city takes ${info.calls} draw calls (at most 30)`)
      await shot(page, 'city-zones-m.png')
      // The legend explains the city's marks in words.
      await page.locator(tid('legend-toggle')).click()
      const legend = await page.locator(tid('legend')).innerText()
      check(
        /red cone/.test(legend) && /amber cross/.test(legend) && /diamond/.test(legend),
        `the legend does not explain the city's marks: ${legend}`,
      )
      check(/street side|zone/.test(legend), `the legend does not explain the zone plates: ${legend}`)
      await shot(page, 'city-zones-legend-m.png')
    },
  },
  {
    name: 'city-map',
    title: '?street=M: the overview map shows the street and the camera; a click and the arrow keys + Enter fly the camera there',
    timeoutMs: 150_000,
    async run(t) {
      const page = await openCity(t, 'M')
      await settledRendererInfo(page, 2, 60_000)
      const camera = () => page.locator(tid('overview-map-canvas')).getAttribute('data-camera')
      await waitUntil(page, () => !!document.querySelector('[data-testid="overview-map-canvas"]')?.dataset.camera, undefined, {
        what: 'the overview map drawn, open by default on a big street',
      })
      await expectNoSeriousAxe(t, page, 'the M street with its overview map open')
      const summary = await page.locator(tid('overview-map-summary')).innerText()
      check(/500 houses/.test(summary), `the map's summary does not count the houses: "${summary}"`)
      const start = (await camera()).split(',').map(Number)
      t.log(`camera before: ${start}`)
      // Click the map's top-left corner zone: the camera flies there, near enough to draw houses in detail.
      const box = await page.locator(tid('overview-map-canvas')).boundingBox()
      await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.3)
      await waitUntil(
        page,
        () => document.querySelectorAll('[data-testid="city-label"][data-kind="house"][data-shown="1"]').length > 0,
        undefined,
        {
          timeout: 20_000,
          what: 'houses drawn in detail where the map was clicked',
        },
      )
      await page.waitForTimeout(2500)
      const clicked = (await camera()).split(',').map(Number)
      t.log(`camera after the click: ${clicked}`)
      check(clicked[0] < start[0] - 50 && clicked[2] <= 111, `the camera did not fly to the clicked spot: ${start} → ${clicked}`)
      await checkLabelsReadable(page, 'after the map click')
      await shot(page, 'city-map-m.png')
      // The keyboard: O puts it on the map, arrows move the mark, Enter flies there.
      await page.locator(tid('overview-map-canvas')).blur()
      await pressKey(page, 'o')
      await waitUntil(page, () => document.activeElement?.dataset.testid === 'overview-map-canvas', undefined, {
        what: 'O focusing the map',
      })
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Enter')
      await waitUntil(
        page,
        (x) => Number(document.querySelector('[data-testid="overview-map-canvas"]').dataset.camera.split(',')[0]) > x + 60,
        clicked[0],
        {
          timeout: 20_000,
          what: 'the camera flying right after ArrowRight ×4 and Enter',
        },
      )
      const paused = await page.evaluate(() => window.__houseOfPods.getState().paused)
      check(paused, 'Enter or the arrows on the map reached the game keys (the clock started)')
      // Once the camera settles there, the houses around it are drawn in detail.
      await settledDetail(page)
      await shot(page, 'city-map-keys-m.png')
    },
  },
  {
    name: 'city-map-small',
    title: 'the sandbox: the overview map is folded to one button and opens on a click',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const toggle = page.locator(tid('overview-map-toggle'))
      check((await toggle.getAttribute('aria-expanded')) === 'false', 'the map is open on a small street')
      await toggle.click()
      await waitUntil(page, () => !!document.querySelector('[data-testid="overview-map-canvas"]')?.dataset.camera, undefined, {
        what: 'the map drawn once opened',
      })
      await shot(page, 'city-map-sandbox.png')
    },
  },
  {
    name: 'city-find',
    title: '?street=L: Ctrl+K finds a room by name; Enter selects it and flies there; its house is drawn in detail, light enough',
    timeoutMs: 240_000,
    async run(t) {
      const page = await openCity(t, 'L')
      const far = await settledRendererInfo(page, 2, 60_000)
      t.log(`L overview: ${far.calls} draw calls, ${far.triangles} triangles`)
      check(far.calls <= 30 && far.triangles < 1_500_000, `L overview: ${far.calls} calls, ${far.triangles} triangles`)
      // A room far from where the camera looks: the last one placed.
      const room = await waitUntil(
        page,
        () => {
          const w = window.__houseOfPods.getState().world
          const rooms = Object.values(w.containers).filter((c) => c.placement?.kind === 'host')
          if (rooms.length < 100_000) return false
          const c = rooms[rooms.length - 1]
          return { id: c.id, name: c.name, host: c.placement.hostId, hostName: w.hosts[c.placement.hostId].name }
        },
        undefined,
        { timeout: 120_000, what: "the L street's rooms on the page", interval: 1000 },
      )
      t.log(`finding room ${room.name} in house ${room.hostName}`)
      await pressKey(page, 'Control+k')
      await page.locator(tid('find-input')).fill(room.name)
      await waitUntil(page, (id) => !!document.querySelector(`[data-testid="find-result-container-${id}"]`), room.id, {
        what: 'the room in the results',
      })
      await page.keyboard.press('Enter')
      const sel = await page.evaluate(() => window.__houseOfPods.getUi().selection)
      check(sel?.kind === 'container' && sel.id === room.id, `Enter selected ${JSON.stringify(sel)}, not room ${room.id}`)
      await waitUntil(
        page,
        () => document.querySelectorAll('[data-testid="city-label"][data-kind="house"][data-shown="1"]').length > 0,
        undefined,
        { timeout: 30_000, what: 'houses drawn in detail around the room found' },
      )
      await settledDetail(page)
      const near = await settledRendererInfo(page, 3, 60_000)
      t.log(`L zoomed in on the room: ${near.calls} draw calls, ${near.triangles} triangles`)
      check(near.calls <= 30, `L zoomed in: ${near.calls} draw calls (at most 30)`)
      check(near.triangles < 1_500_000, `L zoomed in: ${near.triangles} triangles (under 1.5 million)`)
      check(near.triangles > far.triangles, `zoomed in at L, rooms add triangles: ${near.triangles} against ${far.triangles}`)
      await checkLabelsReadable(page, 'L zoomed in')
      // The found room is outlined with its tag: its name is on screen.
      await waitUntil(page, (name) => document.body.innerText.includes(name), room.name, { what: "the found room's tag" })
      await shot(page, 'city-find-l.png')
    },
  },
  {
    name: 'find-sandbox',
    title: 'the sandbox: / opens find; a business found by part of its name is selected with Enter; the ? list names the keys',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await pressKey(page, '/')
      await page.locator(tid('find-input')).fill('sho')
      await waitUntil(page, () => !!document.querySelector('[data-testid="find-result-app-shop"]'), undefined, { what: 'shop listed' })
      await shot(page, 'find-sandbox.png')
      await expectNoSeriousAxe(t, page, 'find open in the sandbox')
      await page.keyboard.press('Enter')
      const sel = await page.evaluate(() => window.__houseOfPods.getUi().selection)
      check(sel?.kind === 'app' && sel.id === 'shop', `Enter selected ${JSON.stringify(sel)}, not the shop`)
      check((await page.locator(tid('find')).count()) === 0, 'find stayed open after Enter')
      await pressKey(page, '?')
      const help = await page.locator(tid('keys-help')).innerText()
      check(/Ctrl\+K/.test(help) && /overview map/i.test(help), `the keys list does not name find and the map: ${help}`)
    },
  },
  {
    name: 'city-map-reduced-motion',
    title: 'with prefers-reduced-motion a click on the overview map moves the camera in one jump, not a glide',
    async run(t) {
      const page = await t.open()
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await page.reload()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await pressKey(page, 'o')
      const canvas = page.locator(tid('overview-map-canvas'))
      await waitUntil(page, () => !!document.querySelector('[data-testid="overview-map-canvas"]')?.dataset.camera, undefined, {
        what: 'the map drawn',
      })
      const before = await canvas.getAttribute('data-camera')
      const box = await canvas.boundingBox()
      await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.5)
      const first = await waitUntil(
        page,
        (b) => {
          const now = document.querySelector('[data-testid="overview-map-canvas"]').dataset.camera
          return now !== b && now
        },
        before,
        { what: 'the camera moved by the map click' },
      )
      // A glide would keep moving for seconds; a jump is already where it goes.
      await page.waitForTimeout(2000)
      const later = await canvas.getAttribute('data-camera')
      t.log(`camera ${before} → ${first} → ${later}`)
      check(later === first, `the camera kept moving after the click (${first} → ${later}): a glide despite reduced motion`)
    },
  },
]
