// Browser tests for the building manager (kubectl console, why-here, scheduling rules).
import {
  tid,
  check,
  waitFor,
  waitUntil,
  startSandbox,
  waitForFirstFrame,
  shot,
  expectCanvasNotBlank,
  pressKey,
  click,
  reveal,
  dispatch,
} from './lib.mjs'

/** Open the console with K, type a command as a player would, and return the console's output once it answers. */
async function kubectl(page, line) {
  const input = page.locator(tid('kubectl-input')).first()
  // K opens the console once the in-game HUD (a lazy chunk) listens for keys: press again if the first came too early.
  for (let i = 0; i < 3 && !(await input.isVisible().catch(() => false)); i++) {
    await pressKey(page, 'k')
    await waitFor(page, 'kubectl-console', { timeout: 5000 }).catch(() => {})
  }
  await waitFor(page, 'kubectl-console')
  // The console loads its YAML/kubectl code lazily; the placeholder says "loading…" until then.
  await waitUntil(
    page,
    () => document.querySelector('[data-testid="kubectl-input"]')?.getAttribute('placeholder') !== 'loading…',
    undefined,
    { what: 'the console to load' },
  )
  const before = await page.locator(tid('kubectl-output')).first().innerText()
  await input.click()
  await input.fill(line)
  await input.press('Enter')
  await waitUntil(page, (b) => document.querySelector('[data-testid="kubectl-output"]')?.textContent.length > b, before.length, {
    what: `output for "${line}"`,
  })
  const after = await page.locator(tid('kubectl-output')).first().innerText()
  return after.slice(after.lastIndexOf(`$ ${line}`) + line.length + 2).trim()
}

async function closeConsole(page) {
  await page.locator(tid('kubectl-input')).first().press('Escape')
  await waitFor(page, 'kubectl-console', { state: 'hidden' })
}

const roomsOf = (page, appId) =>
  page.evaluate((a) => {
    const cs = Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === a)
    return {
      all: cs.length,
      running: cs.filter((c) => c.state === 'running').map((c) => c.id),
      pending: cs.filter((c) => c.state === 'pending').map((c) => c.id),
    }
  }, appId)

export const tests = [
  {
    name: 'manager-console-wide-and-inspector-scroll',
    title:
      'kubectl get pods -o wide keeps one pod a line and scrolls sideways (keyboard too); the docked inspector shades the edge ' +
      'where more rows wait',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await kubectl(page, 'kubectl scale deployment shop --replicas=3')
      await closeConsole(page)
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(false))
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.state === 'running'),
        undefined,
        {
          what: 'a running room',
          timeout: 30_000,
        },
      )
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      const out = await kubectl(page, 'kubectl get pods -o wide')
      check(/NOMINATED NODE/.test(out), `kubectl get pods -o wide answered: ${out.slice(0, 200)}`)
      const pre = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="kubectl-output"]')
        const lh = parseFloat(getComputedStyle(el).lineHeight) || 16
        const header = [...el.childNodes].length
        return {
          whiteSpace: getComputedStyle(el).whiteSpace,
          scrolls: el.scrollWidth > el.clientWidth,
          tabIndex: el.tabIndex,
          lines: el.textContent.split('\n').length,
          drawnLines: Math.round((el.scrollHeight - parseFloat(getComputedStyle(el).paddingTop) * 2) / lh),
          header,
        }
      })
      t.log(`console: ${JSON.stringify(pre)}`)
      await shot(page, 'kubectl-wide.png')
      check(
        pre.whiteSpace === 'pre' && pre.scrolls && pre.tabIndex === 0,
        `the console wraps the wide table or cannot be scrolled with the keys: ${JSON.stringify(pre)}`,
      )
      await closeConsole(page)
      // A room selected: the docked inspector holds more rows than it shows, and says so with a shade at its foot.
      const id = await page.evaluate(() => Object.values(window.__houseOfPods.getState().world.containers)[0].id)
      await click(page, tid(`tree-container-${id}`))
      await waitFor(page, 'inspector')
      const insp = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="inspector"]')
        const st = getComputedStyle(el)
        return {
          more: el.scrollHeight > el.clientHeight + 4,
          scrolls: ['auto', 'scroll'].includes(st.overflowY),
          shade: (st.backgroundImage.match(/gradient/g) ?? []).length,
          attachment: st.backgroundAttachment,
        }
      })
      t.log(`inspector: ${JSON.stringify(insp)}`)
      await shot(page, 'inspector-scroll-cue.png')
      check(insp.more && insp.scrolls, `the inspector has no more rows than it shows here: ${JSON.stringify(insp)}`)
      check(insp.shade >= 2 && /local/.test(insp.attachment), `the docked inspector gives no cue that it scrolls: ${JSON.stringify(insp)}`)
    },
  },
  {
    name: 'manager-refusal-once',
    title: 'a refused building-manager action is said once (the rejection box), in Spanish too, not also as a toast',
    async run(t) {
      const page = await t.open('/?test&lang=es')
      await startSandbox(page)
      await waitForFirstFrame(page)
      await click(page, tid('app-shop'))
      await reveal(page, tid('action-setHpa'))
      const fields = page.locator('fieldset:has([data-testid="action-setHpa"]) input[type="number"]')
      await fields.nth(0).fill('5')
      await fields.nth(1).fill('2')
      await click(page, tid('action-setHpa'))
      await waitFor(page, '[data-testid="rejection"].shown')
      await page.waitForTimeout(500)
      const said = await page.evaluate(() =>
        [...document.querySelectorAll('.hud-bottom .toast')]
          .filter((el) => el.getBoundingClientRect().height > 0 && el.textContent.trim())
          .map((el) => el.textContent.trim()),
      )
      t.log(`on screen: ${JSON.stringify(said)}`)
      await shot(page, 'manager-refusal-once.png')
      check(said.length === 1, `the refusal shows ${said.length} times: ${JSON.stringify(said)}`)
    },
  },
  {
    name: 'manager-console-scale',
    title: 'scale an app from the console and see the rooms appear (world, street tree, scene)',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      const out = await kubectl(page, 'kubectl scale deployment shop --replicas=6')
      check(out === 'deployment.apps/shop scaled', `the console answered "${out}", expected "deployment.apps/shop scaled"`)
      const pods = await kubectl(page, 'kubectl get deploy')
      check(/^shop\s+\d+\/6\s/m.test(pods), `kubectl get deploy does not show shop wanting 6:\n${pods}`)
      await shot(page, 'manager-console-scale-typed.png')
      await closeConsole(page)
      // Time is paused while the player builds: Space starts the clock.
      await pressKey(page, ' ')
      await waitUntil(
        page,
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === 'shop' && c.state === 'running')
            .length === 6,
        undefined,
        { timeout: 30_000, what: '6 running rooms of shop' },
      )
      const rooms = await roomsOf(page, 'shop')
      check(rooms.all === 6, `shop has ${rooms.all} rooms in the world, expected 6`)
      for (const id of rooms.running) await waitFor(page, `tree-container-${id}`, { timeout: 5000 })
      const inTree = await page
        .locator('[data-testid^="tree-container-"]')
        .evaluateAll(
          (els, ids) => els.filter((e) => ids.includes(e.getAttribute('data-testid').slice('tree-container-'.length))).length,
          rooms.running,
        )
      check(inTree === 6, `the street tree lists ${inTree} of shop's 6 running rooms`)
      await expectCanvasNotBlank(page, 'manager-console-scale-scene.png')
      await shot(page, 'manager-console-scale.png')
    },
  },
  {
    name: 'manager-taint-whyhere',
    title: "taint both houses from the console; a pending room's why-here names the taint; a toleration lets it in",
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      for (const n of ['1', '2']) {
        const out = await kubectl(page, `kubectl taint nodes ${n} dedicated=gpu:NoSchedule`)
        check(out === `node/${n} tainted`, `taint node ${n}: the console answered "${out}"`)
      }
      const described = await kubectl(page, 'kubectl describe node 1')
      check(/^Taints:\s+dedicated=gpu:NoSchedule$/m.test(described), `describe node 1 does not list the taint:\n${described}`)
      await kubectl(page, 'kubectl scale deployment shop --replicas=4')
      await closeConsole(page)
      await pressKey(page, ' ')
      await waitUntil(
        page,
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).some(
            (c) => c.appId === 'shop' && c.state === 'pending' && c.reason.startsWith('0/'),
          ),
        undefined,
        { timeout: 15_000, what: "a pending shop room with the scheduler's message" },
      )
      await pressKey(page, ' ')
      const { pending } = await roomsOf(page, 'shop')
      // The tree row is re-rendered as the world changes; a plain click (no stability wait) is what a player does.
      await reveal(page, tid(`tree-container-${pending[0]}`))
      await page
        .locator(tid(`tree-container-${pending[0]}`))
        .first()
        .click({ force: true })
      await waitUntil(
        page,
        (id) => window.__houseOfPods.getState().selection?.id === id || !!document.querySelector('[data-testid="why-here"]'),
        pending[0],
        { what: 'the pending room selected' },
      )
      await waitFor(page, 'why-here')
      await page.locator(tid('why-here')).first().scrollIntoViewIfNeeded()
      const message = await page.locator(tid('why-here-message')).first().innerText()
      check(
        /0\/2 nodes are available: 2 node\(s\) had untolerated taint \{dedicated: gpu\}/.test(message),
        `why-here message: "${message}"`,
      )
      for (const n of ['1', '2']) {
        const row = page.locator(tid(`why-row-${n}`)).first()
        const text = await row.innerText()
        check(
          (await row.getAttribute('data-feasible')) === 'false' && /untolerated taint \{dedicated: gpu\}/.test(text),
          `why-here row for node ${n} does not name the taint: "${text}"`,
        )
      }
      await shot(page, 'manager-whyhere-taint.png')
      // The fix, with the mouse: the shop puts up with the sign.
      await click(page, tid('app-shop'))
      await click(page, '[data-testid="pod-rules"] > summary')
      await reveal(page, tid('mgr-setTolerations-key'))
      await page.locator(tid('mgr-setTolerations-key')).first().fill('dedicated')
      await reveal(page, tid('mgr-setTolerations-value'))
      await page.locator(tid('mgr-setTolerations-value')).first().fill('gpu')
      await click(page, tid('mgr-setTolerations'))
      const tol = await page.evaluate(() => window.__houseOfPods.getState().world.apps.shop.tolerations)
      check(
        tol.length === 1 && tol[0].key === 'dedicated' && tol[0].value === 'gpu',
        `shop's tolerations after the click: ${JSON.stringify(tol)}`,
      )
      await pressKey(page, ' ')
      await waitUntil(
        page,
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === 'shop' && c.state === 'running')
            .length === 4,
        undefined,
        { timeout: 30_000, what: '4 running shop rooms after the toleration' },
      )
      await shot(page, 'manager-whyhere-tolerated.png')
    },
  },
  {
    name: 'manager-rollout-pause',
    title:
      'a rolling update at the speed of real pods: new rooms open only after pull, start and readiness probe; the pause button holds it ' +
      'and the panel says where it stands in kubectl rollout status words',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await dispatch(page, { type: 'addImage', id: 'web2', ref: 'web:1.1', sizeMiB: 180 })
      await dispatch(page, { type: 'setManaged', appId: 'shop', managed: true })
      await dispatch(page, { type: 'setReplicas', appId: 'shop', replicas: 4 })
      const probe = { initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3, successThreshold: 1 }
      await dispatch(page, { type: 'setProbes', appId: 'shop', readiness: probe })
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(4)
        s.setPaused(false)
      })
      await waitUntil(
        page,
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).filter(
            (c) => c.appId === 'shop' && c.state === 'running' && c.ready,
          ).length === 4,
        undefined,
        { timeout: 60_000, what: '4 ready shop rooms' },
      )
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await click(page, tid('app-shop'))
      await click(page, tid('action-setImage-web2'))
      // Real time: the first new rooms open only after their probe (5 s), so the pause lands before the second batch.
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(1)
        s.setPaused(false)
      })
      await waitUntil(
        page,
        () => /new replicas have been updated/.test(document.querySelector('[data-testid="rollout-status"]')?.textContent ?? ''),
        undefined,
        {
          what: 'the rollout status line while the refit runs',
          timeout: 10_000,
        },
      )
      await click(page, tid('action-rolloutPause'))
      await waitUntil(page, () => window.__houseOfPods.getState().world.apps.shop.rolloutPaused, undefined, { what: 'the rollout paused' })
      const held = await page.locator(tid('rollout-status')).first().innerText()
      check(/paused/.test(held), `the panel does not say the refit is paused: "${held}"`)
      const freshAt = await page.evaluate(
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === 'shop' && c.imageId === 'web2').length,
      )
      await page.waitForTimeout(3000)
      const freshLater = await page.evaluate(
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === 'shop' && c.imageId === 'web2').length,
      )
      check(freshLater === freshAt && freshAt < 4, `a paused rollout ordered more new rooms: ${freshAt} then ${freshLater}`)
      await shot(page, 'manager-rollout-paused.png')
      await click(page, tid('action-rolloutPause'))
      await page.evaluate(() => window.__houseOfPods.getState().setSpeed(4))
      const t0 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
      // 2.5 s of game time after the resume the last rooms are still on their way (they were ready within a second before).
      const early = await waitUntil(
        page,
        (from) => {
          const w = window.__houseOfPods.getState().world
          if (w.timeMs < from + 2500) return null
          const pods = Object.values(w.containers).filter((c) => c.appId === 'shop' && c.terminatingUntilMs === null)
          return { at: w.timeMs - from, done: pods.length === 4 && pods.every((c) => c.imageId === 'web2' && c.ready) }
        },
        t0,
        { what: '2.5 s of game time after the resume', timeout: 20_000 },
      )
      check(!early.done, `the rollout was done ${early.at} ms of game time after the resume`)
      await waitUntil(
        page,
        () => /successfully rolled out/.test(document.querySelector('[data-testid="rollout-status"]')?.textContent ?? ''),
        undefined,
        {
          what: 'the rollout finished',
          timeout: 60_000,
        },
      )
      await shot(page, 'manager-rollout-done.png')
    },
  },
  {
    name: 'manager-node-details',
    title: "a house's labels and taints in the inspector: derived labels shown, a label and a taint added and removed with the keyboard",
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await click(page, tid('tree-host-h1'))
      await waitFor(page, 'node-details')
      const labels = await page.locator(tid('node-labels')).first().innerText()
      for (const l of ['kubernetes.io/hostname=1', 'kubernetes.io/os=linux', 'topology.kubernetes.io/zone=a'])
        check(labels.includes(l), `node labels lack ${l}: ${labels}`)
      await reveal(page, tid('label-key'))
      await page.locator(tid('label-key')).first().fill('disktype')
      await reveal(page, tid('label-value'))
      await page.locator(tid('label-value')).first().fill('ssd')
      await reveal(page, tid('label-value'))
      await page.locator(tid('label-value')).first().press('Enter')
      await waitUntil(page, () => window.__houseOfPods.getState().world.hosts.h1.labels.disktype === 'ssd', undefined, {
        what: 'label disktype=ssd on house 1',
      })
      await reveal(page, tid('taint-key'))
      await page.locator(tid('taint-key')).first().fill('maintenance')
      await reveal(page, tid('taint-effect'))
      await page.locator(tid('taint-effect')).first().selectOption('NoExecute')
      await page.locator(tid('taint-add')).first().focus()
      await page.keyboard.press('Enter')
      await waitUntil(
        page,
        () => window.__houseOfPods.getState().world.hosts.h1.taints.some((x) => x.key === 'maintenance' && x.effect === 'NoExecute'),
        undefined,
        { what: 'taint maintenance:NoExecute on house 1' },
      )
      const taints = await page.locator(tid('node-taints')).first().innerText()
      check(taints.includes('maintenance:NoExecute'), `the inspector lists the taints as "${taints}"`)
      await page.locator(tid('node-details')).first().scrollIntoViewIfNeeded()
      await shot(page, 'manager-node-details.png')
      await page.locator(tid('taint-remove-0')).first().focus()
      await page.keyboard.press('Enter')
      await waitUntil(page, () => window.__houseOfPods.getState().world.hosts.h1.taints.length === 0, undefined, {
        what: 'the taint removed',
      })
      await click(page, tid('label-remove-disktype'))
      await waitUntil(page, () => !('disktype' in window.__houseOfPods.getState().world.hosts.h1.labels), undefined, {
        what: 'the label removed',
      })
    },
  },
]
