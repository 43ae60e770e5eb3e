// The first 3D frame after clicking Sandbox, in headless Chromium, for one or more builds side by side
// (loads interleaved, so a busy machine weighs on each build alike), with the machine's load average.
//
//   node test/bench/first-frame.mjs [DIST ...] [--loads N]     default: dist/, 3 loads each
//
// The page is loaded and left idle for half a second first, so the figure is the click's own cost:
// the lazy scene and HUD chunks, the world, the first drawn frame (window.__houseOfPods.firstFrameMs()).
import { readFileSync } from 'node:fs'
import { launchBrowser, openPage, serveDist, waitForFirstFrame, clickFirst, SANDBOX } from '../e2e/lib.mjs'

const args = process.argv.slice(2)
const at = args.indexOf('--loads')
const loads = at >= 0 ? Number(args[at + 1]) : 3
const dists = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))
if (dists.length === 0) dists.push('dist')
const browser = await launchBrowser()
const runs = []
for (const [i, dist] of dists.entries()) runs.push({ dist, port: 4430 + i, server: await serveDist(dist, 4430 + i), ms: [] })
for (let round = 0; round < loads; round++)
  for (const r of runs) {
    const { page, context } = await openPage(browser, `http://127.0.0.1:${r.port}`, { path: '/?test' })
    await page.waitForTimeout(500)
    const clickedAt = await page.evaluate(() => performance.now())
    await clickFirst(page, SANDBOX, { what: 'the Sandbox button' })
    r.ms.push(Math.round((await waitForFirstFrame(page, 60_000)) - clickedAt))
    await context.close()
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
for (const r of runs)
  console.log(`${r.dist}: first 3D frame ${median(r.ms)} ms after the Sandbox click (median; loads ${r.ms.join(', ')} ms)`)
console.log(`load average ${load} (${new Date().toISOString()})`)
await browser.close()
for (const r of runs) r.server.close()
