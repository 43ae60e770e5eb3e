// The browser test runner: serves the built game, runs each test in a fresh browser context,
// fails a test on any console error or page error, saves screenshots under test-results/.
//
//   npm run build && npm run test:e2e
//   DIST=/tmp/e2e-dist E2E_PORT=4401 node test/e2e/run.mjs [name-filter ...]
//
// A failing test is run once more; a pass on the second try is reported as flaky (E2E_RETRIES=0: no second try).
// Ends with one line "e2e: N passed, M failed" (.ci/run reads it); exits 1 when any test fails.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, RESULTS, ensureResults, serveDist, launchBrowser, openPage, CheckFailed } from './lib.mjs'
import { tests as core } from './tests.mjs'
import { tests as machines } from './tests-machines.mjs'
import { tests as lab } from './tests-lab.mjs'
import { tests as manager } from './tests-manager.mjs'
import { tests as levels } from './tests-levels.mjs'
import { tests as classroom } from './tests-classroom.mjs'
import { tests as stage, watchTests } from './tests-stage.mjs'
import { tests as scale } from './tests-scale.mjs'
import { tests as city } from './tests-city.mjs'
import { tests as lang } from './tests-lang.mjs'

// Each file holds the tests of one part of the game, so work on one part does not touch the others.
const tests = [...core, ...machines, ...lab, ...manager, ...levels, ...classroom, ...stage, ...watchTests, ...scale, ...city, ...lang]

const PORT = Number(process.env.E2E_PORT ?? 4400)
const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 90_000)
const filters = process.argv.slice(2)

if (!existsSync(join(DIST, 'index.html'))) {
  console.log(`no build at ${DIST} (run \`npm run build\` first, or set DIST)`)
  console.log('e2e: 0 passed, 1 failed')
  process.exit(1)
}

ensureResults()
const server = await serveDist(DIST, PORT)
const base = `http://127.0.0.1:${PORT}`
let browser
try {
  browser = await launchBrowser()
} catch (e) {
  console.log(`could not launch Chromium: ${String(e?.message ?? e).split('\n')[0]}`)
  console.log('e2e: 0 passed, 1 failed')
  server.close()
  process.exit(1)
}

const selected = tests.filter((t) => filters.length === 0 || filters.some((f) => t.name.includes(f)))
const results = []
const started = Date.now()

/** Run one test once in fresh contexts: its error (a failed check, a timeout, a console error) or null, and its time. */
async function runOnce(test, attempt) {
  const pages = []
  const t0 = Date.now()
  // The test's view of the world: open() gives a fresh page whose errors are collected.
  const ctx = {
    base,
    async open(path = '/?test', opts = {}) {
      // E2E_QUERY=worker=0 runs the tests with that URL setting added (worker=0: the simulation on the page, not in its worker).
      if (process.env.E2E_QUERY) path += (path.includes('?') ? '&' : '?') + process.env.E2E_QUERY
      const p = await openPage(browser, base, { path, ...opts })
      pages.push(p)
      return p.page
    },
    log: (...a) => console.log('    ', ...a),
  }
  let error = null
  let timer
  // A test may ask for more time (the classroom's 1920×1080 walks: SwiftShader draws a frame in ~2 s there).
  const limitMs = Math.max(TEST_TIMEOUT_MS, test.timeoutMs ?? 0)
  try {
    await Promise.race([
      test.run(ctx),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CheckFailed(`test timed out after ${limitMs} ms`)), limitMs)
      }),
    ])
  } catch (e) {
    error = e instanceof CheckFailed ? e.message : String(e?.stack ?? e)
  } finally {
    clearTimeout(timer)
  }
  // Any console error or page error fails the test, unless the test expects that exact kind.
  const allowed = test.allowErrors ?? null
  const allErrors = pages.flatMap((p) => p.errors)
  const consoleErrors = allErrors.filter((line) => !(allowed && allowed.test(line)))
  if (allErrors.length > consoleErrors.length)
    console.log(
      `      (${allErrors.length - consoleErrors.length} expected console error(s): ` +
        `${allErrors.find((l) => allowed.test(l)).slice(0, 160)})`,
    )
  if (!error && consoleErrors.length) error = `console errors:\n      ${consoleErrors.slice(0, 5).join('\n      ')}`
  if (error) {
    const tag = `fail-${test.name}${attempt ? `-try${attempt + 1}` : ''}`
    for (const [i, p] of pages.entries()) {
      await p.page.screenshot({ path: join(RESULTS, `${tag}${i ? `-${i}` : ''}.png`) }).catch(() => {})
      writeFileSync(join(RESULTS, `${tag}${i ? `-${i}` : ''}.log`), p.logs.join('\n') + '\n')
    }
  }
  for (const p of pages) await p.context.close().catch(() => {})
  return { error, ms: Date.now() - t0 }
}

// A test that fails is run once more (E2E_RETRIES=0 turns that off): SwiftShader on a busy two-core machine now and
// then draws too slowly for a wait. A pass on the second try counts as a pass but is named "flaky" with its first
// error, here and in the summary, so it is seen and mended rather than hidden; failing twice is a failure.
const RETRIES = Number(process.env.E2E_RETRIES ?? 1)
for (const test of selected) {
  let { error, ms } = await runOnce(test, 0)
  let firstError = null
  for (let attempt = 1; error && attempt <= RETRIES; attempt++) {
    console.log(`FAIL ${test.name} (try ${attempt}; trying again) — ${error.split('\n').slice(0, 4).join('\n      ')}`)
    firstError ??= error
    ;({ error, ms } = await runOnce(test, attempt))
  }
  const flaky = !error && firstError ? firstError : null
  results.push({ name: test.name, ok: !error, ms, error, flaky })
  console.log(`${error ? 'FAIL' : flaky ? 'ok~ ' : 'ok  '} ${test.name} — ${test.title} (${(ms / 1000).toFixed(1)} s)`)
  if (error) console.log(`      ${error.split('\n').slice(0, 8).join('\n      ')}`)
}

await browser.close()
server.close()

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
writeFileSync(
  join(RESULTS, 'e2e.json'),
  JSON.stringify({ date: new Date().toISOString(), dist: DIST, seconds: (Date.now() - started) / 1000, results }, null, 2),
)
const flaky = results.filter((r) => r.flaky)
if (flaky.length) {
  console.log(`\nflaky: ${flaky.length} test(s) failed once and passed on the second try:`)
  for (const r of flaky) console.log(`  ${r.name}: ${r.flaky.split('\n')[0].slice(0, 200)}`)
}
console.log(`\ne2e: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
