// Developer tool: screenshot a built game. Usage:
//   node test/e2e/shot.mjs --dist dist --port 4301 --url '/?test' --out /tmp/a.png [--wait 3000] [--click 'text=Sandbox']... [--key Space]...
import { serveDist } from './serve.mjs'
import { launchBrowser } from './browser.mjs'

const args = process.argv.slice(2)
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : def
}
const dist = opt('dist', 'dist')
const port = Number(opt('port', '4301'))
const server = await serveDist(dist, port)
const browser = await launchBrowser()
const page = await browser.newPage({ viewport: { width: Number(opt('width', '1280')), height: Number(opt('height', '800')) } })
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}]`, m.text())
})
page.on('pageerror', (e) => console.log('[pageerror]', e.message))
await page.goto(`http://127.0.0.1:${port}${opt('url', '/?test')}`)
await page.waitForTimeout(1500)
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--click') {
    await page.click(args[i + 1], { timeout: 10000 })
    await page.waitForTimeout(500)
  }
  if (args[i] === '--key') {
    await page.keyboard.press(args[i + 1])
    await page.waitForTimeout(300)
  }
  if (args[i] === '--eval') {
    console.log(JSON.stringify(await page.evaluate(args[i + 1])))
  }
}
await page.waitForTimeout(Number(opt('wait', '2000')))
await page.screenshot({ path: opt('out', '/tmp/shot.png') })
console.log('saved', opt('out', '/tmp/shot.png'))
await browser.close()
server.close()
