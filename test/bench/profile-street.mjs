// Where the page's main thread spends its time while a big street plays: a CPU profile (CDP Profiler) of
// `?street=S|M|L` for 10 s at 8x after every room has reached the page, with the long tasks (> 50 ms).
// Build without minifying to read the function names: `npx vite build --minify false --outDir /tmp/dist-x`.
//
//   DIST=/tmp/dist-x node test/bench/profile-street.mjs [S|M|L] [--play MS] [--top N] [--out FILE.cpuprofile]
//   DIST=/tmp/dist-x node test/bench/profile-street.mjs --sandbox 40,10000   the sandbox, as a tinkerer grows it: 40 big
//                                       houses bought, one app scaled to 10,000 rooms (kubectl scale), then played
//
// Prints the long tasks, then the functions with the most self time and the most total time (a function
// counted once per sample however deep it recurses), and the load average.
import { readFileSync, writeFileSync } from 'node:fs'
import {
  DIST,
  serveDist,
  launchBrowser,
  waitForHandle,
  waitForFirstFrame,
  sleep,
  clickFirst,
  SANDBOX,
  addBenchHouses,
  scaleBenchApp,
} from '../e2e/lib.mjs'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : dflt
}
const size = args.find((a) => /^[SML]$/.test(a)) ?? 'L'
const playMs = Number(opt('--play', 10_000))
const top = Number(opt('--top', 30))
const out = opt('--out', null)
/** --sandbox HOUSES,ROOMS: the sandbox grown by hand instead of a built street. */
const sandbox = opt('--sandbox', null)?.split(',').map(Number) ?? null
const PORT = Number(process.env.PORT ?? 4420)
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

const server = await serveDist(DIST, PORT)
const browser = await launchBrowser()
try {
  // With --load the profile covers loading instead: from navigation until every room is on the page, and 2 s more.
  const loadPhase = args.includes('--load')
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
  await context.addInitScript(() => {
    window.__longTasks = []
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)])
    }).observe({ type: 'longtask', buffered: true })
  })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  if (loadPhase) await cdp.send('Profiler.start')
  await page.goto(`http://127.0.0.1:${PORT}/?test${sandbox ? '' : `&street=${size}`}`)
  await waitForHandle(page, 60_000)
  if (sandbox) await clickFirst(page, SANDBOX, { what: 'the Sandbox button' })
  const frameMs = await waitForFirstFrame(page, 120_000)
  if (sandbox) {
    await addBenchHouses(page, sandbox[0])
    await scaleBenchApp(page, sandbox[1])
    await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
    console.log(`sandbox: ${sandbox[0]} houses bought, app bench scaled to ${sandbox[1]} rooms`)
  }
  const t = Date.now()
  let roomsMs = null
  while (roomsMs === null && Date.now() - t < 120_000) {
    roomsMs = sandbox ? 0 : await page.evaluate(() => window.__houseOfPods.workerFigures?.()?.roomsAtMs ?? null)
    if (roomsMs === null) await sleep(250)
  }
  await sleep(2000)
  const loading = await page.evaluate(() => window.__longTasks)
  console.log(
    `first frame ${Math.round(frameMs)} ms, rooms at ${Math.round(roomsMs ?? -1)} ms; loading's long tasks: ${JSON.stringify(loading)}`,
  )
  // With --zoom: find the last room placed (Ctrl+K, as a player would), fly there and play zoomed in on its house.
  if (args.includes('--zoom')) {
    const room = await page.evaluate(() => {
      const w = window.__houseOfPods.getState().world
      const rooms = Object.values(w.containers).filter((c) => c.placement?.kind === 'host')
      const c = rooms[rooms.length - 1]
      return { id: c.id, name: c.name }
    })
    await page.keyboard.press('Control+k')
    await page.locator('[data-testid="find-input"]').fill(room.name)
    await page.locator(`[data-testid="find-result-container-${room.id}"]`).waitFor({ timeout: 30_000 })
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="city-label"][data-kind="house"][data-shown="1"]').first().waitFor({ timeout: 60_000 })
    await sleep(3000)
    console.log(`zoomed in on room ${room.name}`)
  }
  let p0 = 0
  let long = loading
  let profile
  if (loadPhase) ({ profile } = await cdp.send('Profiler.stop'))
  else {
    await page.evaluate(() => (window.__longTasks = []))
    await cdp.send('Profiler.start')
    p0 = await page.evaluate(() => performance.now())
    await page.keyboard.press('Space')
    await page.keyboard.press('4')
    const w0 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
    await sleep(playMs)
    ;({ profile } = await cdp.send('Profiler.stop'))
    const w1 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
    long = await page.evaluate(() => window.__longTasks)
    const blocked = long.reduce((a, [, d]) => a + d, 0)
    console.log(
      `play ${playMs} ms at 8x: world +${(w1 - w0) / 1000} s; ${long.length} long tasks, longest ${Math.max(0, ...long.map((l) => l[1]))} ms, ` +
        `blocked ${Math.round((blocked / playMs) * 100)} %`,
    )
    console.log('long tasks [start since play, ms]: ' + JSON.stringify(long.map(([s, d]) => [Math.round(s - p0), d])))
  }
  if (out) writeFileSync(out, JSON.stringify(profile))

  // Self and total time per function from the samples.
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (n) => {
    const f = n.callFrame
    const file = f.url ? f.url.split('/').pop() : ''
    return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`
  }
  const self = new Map()
  const total = new Map()
  const dts = profile.timeDeltas
  let all = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (dts[i + 1] ?? 0) / 1000
    let id = profile.samples[i]
    const leaf = nodes.get(id)
    if (leaf.callFrame.functionName === '(idle)' || leaf.callFrame.functionName === '(program)') continue
    all += dt
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt)
    const seen = new Set()
    while (id !== undefined) {
      const k = name(nodes.get(id))
      if (!seen.has(k)) {
        seen.add(k)
        total.set(k, (total.get(k) ?? 0) + dt)
      }
      id = parent.get(id)
    }
  }
  const show = (m, title) => {
    console.log(`\n${title}`)
    for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${String(Math.round(v)).padStart(7)} ms  ${k}`)
  }
  console.log(
    `\nJS busy (not idle, not (program)): ${Math.round(all)} ms of ${Math.round((profile.endTime - profile.startTime) / 1000)} ms profiled`,
  )
  // Inside each long task of 100 ms or more: the self time of its heaviest functions (profile time is aligned on the
  // page's clock at the profile's start, so to a few milliseconds), and the callers two levels up.
  const stackOf = (id, depth) => {
    const out = []
    for (let k = 0; k < depth && id !== undefined; k++, id = parent.get(id)) out.push(nodes.get(id).callFrame.functionName || '(anon)')
    return out.join(' < ')
  }
  let at = 0
  const stamps = profile.samples.map((_, i) => (at += profile.timeDeltas[i] ?? 0) / 1000)
  for (const [s0, d] of long.filter(([, d]) => d >= 100)) {
    const from = s0 - p0
    const inTask = new Map()
    for (let i = 0; i < profile.samples.length; i++) {
      if (stamps[i] < from || stamps[i] > from + d) continue
      const k = stackOf(profile.samples[i], 3)
      inTask.set(k, (inTask.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
    }
    const list = [...inTask.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)
    console.log(`\nlong task at ${Math.round(from)} ms, ${d} ms: ` + list.map(([k, v]) => `${Math.round(v)} ms ${k}`).join(' | '))
  }
  show(self, 'self time')
  show(total, 'total time')
  console.log(`\nerrors: ${errors.length ? errors.join(' | ') : 'none'}; load average ${load()} (${new Date().toISOString()})`)
  await context.close()
} finally {
  await browser.close()
  server.close()
}
