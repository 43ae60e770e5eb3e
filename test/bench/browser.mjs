// Browser benchmark: download size, first frame and draw calls of the BUILT game (run `npm run build` first).
//
//   npm run bench:browser                 a report
//   npm run bench:browser -- --json       one JSON line
//   npm run bench:browser -- --streets L+worker,L   only those big streets (keys as in the report)
//   DIST=/tmp/other-dist PORT=4411 npm run bench:browser
//
// It builds nothing: it serves dist/ with test/e2e/serve.mjs and drives Debian's Chromium
// (SwiftShader WebGL, so frame *times* are CPU-bound and not representative; draw calls are).
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  DIST,
  serveDist,
  launchBrowser,
  openPage,
  waitForHandle,
  waitForFirstFrame,
  clickFirst,
  SANDBOX,
  CAMPAIGN,
  addBenchHouses,
  scaleBenchApp,
  waitForRunning,
  settledRendererInfo,
  sleep,
} from '../e2e/lib.mjs'

const json = process.argv.includes('--json')
const streetsAt = process.argv.indexOf('--streets')
/** Only these big-street runs (S, S+worker, …, L+worker), and nothing else; null: the whole benchmark. */
const onlyStreets = streetsAt > 0 ? String(process.argv[streetsAt + 1] ?? '').split(',') : null
const PORT = Number(process.env.PORT ?? 4410)
const log = (...a) => {
  if (!json) console.log(...a)
}
const KiB = (n) => Math.round((n / 1024) * 10) / 10

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`no build at ${DIST}: run \`npm run build\` first (or set DIST)`)
  process.exit(2)
}

// ---- Download size ------------------------------------------------------------------------
function bundleSizes() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  // The initial chunk(s): the entry module and anything it modulepreloads.
  const initialNames = new Set([...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]))
  const files = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'))
  const chunks = files.map((f) => {
    const buf = readFileSync(join(DIST, 'assets', f))
    return { file: f, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial: initialNames.has(f) }
  })
  const sum = (xs, k) => xs.reduce((a, c) => a + c[k], 0)
  const initial = chunks.filter((c) => c.initial)
  const lazy = chunks.filter((c) => !c.initial)
  const css = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.css'))
    .reduce((a, f) => a + gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length, 0)
  return {
    totalGzipKiB: KiB(sum(chunks, 'gzip')),
    totalRawKiB: KiB(sum(chunks, 'bytes')),
    initialGzipKiB: KiB(sum(initial, 'gzip')),
    lazyGzipKiB: KiB(sum(lazy, 'gzip')),
    cssGzipKiB: KiB(css),
    chunks: chunks
      .sort((a, b) => b.gzip - a.gzip)
      .map((c) => ({ file: c.file, initial: c.initial, rawKiB: KiB(c.bytes), gzipKiB: KiB(c.gzip) })),
  }
}

/** The machine's load average (1, 5, 15 min): the timings mean little without it on a shared machine. */
const loadAverage = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : null)
const result = { date: new Date().toISOString(), dist: DIST, loadAtStart: loadAverage(), bundle: bundleSizes(), notes: [] }
log(
  `bundle: ${result.bundle.totalGzipKiB} KiB gzip JS in all (${result.bundle.totalRawKiB} KiB raw); initial ` +
    `${result.bundle.initialGzipKiB} KiB, lazy ${result.bundle.lazyGzipKiB} KiB; CSS ${result.bundle.cssGzipKiB} KiB`,
)
for (const c of result.bundle.chunks)
  log(`  ${c.initial ? 'initial' : 'lazy   '} ${c.file.padEnd(40)} ${String(c.gzipKiB).padStart(8)} KiB gzip  (${c.rawKiB} KiB raw)`)

const server = await serveDist(DIST, PORT)
const base = `http://127.0.0.1:${PORT}`
const browser = await launchBrowser()

async function withPage(path, fn) {
  const p = await openPage(browser, base, { path })
  try {
    return await fn(p.page, p)
  } finally {
    await p.context.close()
  }
}

// The menu's paint timings; waits (up to 5 s) for the entries to be delivered.
const paint = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const out = { firstPaintMs: null, firstContentfulPaintMs: null }
        const take = (entries) => {
          for (const e of entries) {
            if (e.name === 'first-paint') out.firstPaintMs = e.startTime
            if (e.name === 'first-contentful-paint') out.firstContentfulPaintMs = e.startTime
          }
          if (out.firstContentfulPaintMs !== null) resolve(out)
        }
        new PerformanceObserver((list) => take(list.getEntries())).observe({ type: 'paint', buffered: true })
        take(performance.getEntriesByType('paint'))
        setTimeout(() => resolve(out), 5000)
      }),
  )
/** Run one part of the benchmark; a failure is reported and the rest still runs. */
async function section(name, fn) {
  try {
    return await fn()
  } catch (e) {
    const error = String(e?.message ?? e).split('\n')[0]
    log(`${name}: FAILED — ${error}`)
    return { error }
  }
}
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10)

try {
  // ---- Menu paint, and the first frame of the sandbox ------------------------------------
  // Three fresh loads (the first is colder than the rest); the report gives each and the median.
  const RUNS = onlyStreets ? 0 : 3
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    runs.push(
      await section(`first frame (load ${i + 1})`, () =>
        withPage('/?test', async (page) => {
          await waitForHandle(page)
          await page
            .locator(CAMPAIGN.join(', '))
            .first()
            .waitFor({ state: 'visible', timeout: 15_000 })
            .catch(() => {})
          const menu = await paint(page)
          const out = { menuFirstPaintMs: r1(menu.firstPaintMs), menuFirstContentfulPaintMs: r1(menu.firstContentfulPaintMs) }
          out.clickSandboxAtMs = r1(await page.evaluate(() => performance.now()))
          await clickFirst(page, SANDBOX, { what: 'the Sandbox button' })
          try {
            out.firstFrameMs = r1(await waitForFirstFrame(page))
            out.clickToFrameMs = r1(out.firstFrameMs - out.clickSandboxAtMs)
          } catch (e) {
            out.firstFrameError = String(e?.message ?? e).split('\n')[0]
          }
          return out
        }),
      ),
    )
  }
  const median = (k) => {
    const xs = runs
      .map((r) => r[k])
      .filter((x) => typeof x === 'number')
      .sort((a, b) => a - b)
    return xs.length ? xs[Math.floor((xs.length - 1) / 2)] : null
  }
  const firstError = runs.find((r) => r.error || r.firstFrameError)
  result.firstFrame = {
    runs,
    menuFirstPaintMs: median('menuFirstPaintMs'),
    menuFirstContentfulPaintMs: median('menuFirstContentfulPaintMs'),
    firstFrameMs: median('firstFrameMs'),
    clickToFrameMs: median('clickToFrameMs'),
    ...(firstError ? { firstFrameError: firstError.error ?? firstError.firstFrameError } : {}),
  }
  const f = result.firstFrame
  const each = (k) => runs.map((r) => r[k] ?? '–').join(', ')
  // --streets alone skips the menu's loads: nothing to say of them then.
  if (RUNS > 0)
    log(
      `menu: first contentful paint ${f.menuFirstContentfulPaintMs} ms after navigation (median of ${RUNS} loads: ` +
        `${each('menuFirstContentfulPaintMs')})`,
    )
  if (f.firstFrameMs !== null)
    log(
      `sandbox: first drawn frame ${f.firstFrameMs} ms after navigation, ${f.clickToFrameMs} ms after clicking Sandbox (medians; ` +
        `loads: ${each('firstFrameMs')} / ${each('clickToFrameMs')})`,
    )
  if (f.firstFrameError) log(`sandbox: first frame FAILED in a load — ${f.firstFrameError} (does the scene call reportRendererInfo?)`)

  // ---- Draw calls with ~10 and ~1,000 rooms ------------------------------------------------
  const noFrames = result.firstFrame.firstFrameMs === null && !onlyStreets
  if (noFrames) {
    result.notes.push('the scene never reported a drawn frame (window.__houseOfPods.firstFrameMs() stayed null): draw calls not measured')
    log('draw calls: skipped (no frame was reported)')
  }
  if (!noFrames && !onlyStreets) {
    result.drawCalls = await section('draw calls', () =>
      withPage('/?test', async (page) => {
        await waitForHandle(page)
        await clickFirst(page, SANDBOX, { what: 'the Sandbox button' })
        await waitForFirstFrame(page)
        await addBenchHouses(page)
        const out = {}
        for (const rooms of [10, 1000]) {
          await scaleBenchApp(page, rooms)
          const running = await waitForRunning(page, rooms, 120_000)
          await sleep(500)
          const info = await settledRendererInfo(page, 5)
          out[`rooms${rooms}`] = {
            running,
            calls: info.calls,
            triangles: info.triangles,
            geometries: info.geometries,
            textures: info.textures,
          }
          log(
            `draw calls with ${running} running rooms: ${info.calls} (${info.triangles.toLocaleString('en-US')} triangles, ` +
              `${info.geometries} geometries)`,
          )
        }
        return out
      }),
    )
  }

  // ---- ?street=S|M|L -----------------------------------------------------------------------
  // Each size twice: the simulation on the page (&worker=0), and in the Web Worker (the default). After the first
  // frame the street plays for 10 s at 8x while the main thread's long tasks (> 50 ms) are counted.
  result.street = {}
  const variants = []
  for (const size of noFrames ? [] : ['S', 'M', 'L'])
    for (const worker of [false, true])
      if (!onlyStreets || onlyStreets.includes(worker ? `${size}+worker` : size)) variants.push({ size, worker })
  for (const { size, worker } of variants) {
    const key = worker ? `${size}+worker` : size
    try {
      result.street[key] = await withPage(`/?test&street=${size}${worker ? '' : '&worker=0'}`, async (page) => {
        await page.evaluate(() => {
          window.__longTasks = []
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) window.__longTasks.push(e.duration)
          }).observe({ type: 'longtask', buffered: true })
        })
        await waitForHandle(page, 60_000)
        const mode = await page.evaluate(() => window.__houseOfPods.getState().mode)
        if (mode !== 'sandbox') return { skipped: `?street=${size} did not open a sandbox (mode ${mode})` }
        const frameMs = await waitForFirstFrame(page, 120_000)
        // In the worker the street is drawn before its rooms are placed: when did they all reach the page?
        let roomsMs = null
        if (worker) {
          const t = Date.now()
          while (roomsMs === null && Date.now() - t < 120_000) {
            roomsMs = await page.evaluate(() => window.__houseOfPods.workerFigures?.()?.roomsAtMs ?? null)
            if (roomsMs === null) await sleep(250)
          }
        }
        const loadLong = await page.evaluate(() => window.__longTasks)
        // Frames at L are slow on a CPU rasteriser (SwiftShader): take the counters of whichever
        // frame is there, then time up to 3 more frames within 60 s.
        const first = await page.evaluate(() => window.__houseOfPods.rendererInfo())
        const t0 = Date.now()
        let info = first
        try {
          info = await settledRendererInfo(page, 3, 60_000)
        } catch {
          info = await page.evaluate(() => window.__houseOfPods.rendererInfo())
        }
        const framesTimed = info.frames - first.frames
        const frameMsSwiftShader = framesTimed > 0 ? Math.round((Date.now() - t0) / framesTimed) : null
        const counts = await page.evaluate(() => {
          const w = window.__houseOfPods.getState().world
          return { hosts: Object.keys(w.hosts).length, rooms: Object.keys(w.containers).length }
        })
        const heap = await page.evaluate(() => (performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1048576) : null))
        // Play 10 s at 8x and count the main thread's long tasks meanwhile.
        await page.evaluate(() => (window.__longTasks = []))
        await page.keyboard.press('Space')
        await page.keyboard.press('4')
        const p0 = Date.now()
        const w0 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
        await sleep(10_000)
        const playMs = Date.now() - p0
        const long = await page.evaluate(() => window.__longTasks)
        const w1 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
        const blocked = long.reduce((a, b) => a + b, 0)
        return {
          ...counts,
          firstFrameMs: r1(frameMs),
          roomsMs: r1(roomsMs),
          load: { longTasks: loadLong.length, longestTaskMs: Math.round(Math.max(0, ...loadLong)) },
          calls: info.calls,
          triangles: info.triangles,
          heapMiB: heap,
          frameMsSwiftShader,
          play: {
            ms: playMs,
            worldMs: w1 - w0,
            longTasks: long.length,
            longestTaskMs: Math.round(Math.max(0, ...long)),
            blockedShare: Math.round((blocked / playMs) * 1000) / 1000,
          },
        }
      })
    } catch (e) {
      result.street[key] = { error: String(e?.message ?? e).split('\n')[0] }
    }
    const s = result.street[key]
    if (s.skipped || s.error) log(`street ${key}: ${s.skipped ?? s.error}`)
    else
      log(
        `street ${key}: ${s.hosts} houses, ${s.rooms} rooms — ${s.calls} draw calls, ${s.triangles.toLocaleString('en-US')} ` +
          `triangles, first frame ${s.firstFrameMs} ms${s.roomsMs !== null ? ` (every room on the page at ${s.roomsMs} ms)` : ''}, ` +
          `loading's longest task ${s.load.longestTaskMs} ms, JS heap ${s.heapMiB} MiB, ${s.frameMsSwiftShader ?? '>60000'} ms a frame on ` +
          `SwiftShader; 10 s at 8x: main thread blocked ${Math.round(s.play.blockedShare * 100)} % (${s.play.longTasks} long tasks, ` +
          `longest ${s.play.longestTaskMs} ms), world advanced ${s.play.worldMs / 1000} s`,
      )
  }
} finally {
  await browser.close()
  server.close()
}

result.loadAtEnd = loadAverage()
log(`load average ${result.loadAtStart} at the start, ${result.loadAtEnd} at the end (${new Date().toISOString()})`)
if (json) console.log(JSON.stringify(result))
