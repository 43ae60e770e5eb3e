// Browser tests that play the later campaign levels through the UI, as a player would: the pod-rule
// controls, the replicas stepper, the priority class and cluster autoscaler forms, the speed buttons.
import {
  tid,
  check,
  waitFor,
  waitUntil,
  openCampaign,
  closeBrief,
  click,
  pressKey,
  shot,
  startSandbox,
  dispatch,
  reveal,
  workerSettled,
} from './lib.mjs'

const PROGRESS_KEY = 'house-of-pods:progress'
const EARLIER = [
  '01-one-house',
  '02-apartments',
  '07-works-on-my-machine',
  '08-vm-vs-container',
  '03-manager',
  '04-rush-hour',
  '05-new-furniture',
  '06-moving-day',
  '09-two-zones',
]

/** A browser whose save has every level before `levelId` completed, so its card is unlocked. */
async function openUnlocked(t, levelId) {
  const done = { stars: 1, completed: true }
  const levels = {}
  for (const id of EARLIER) {
    if (id === levelId) break
    levels[id] = done
  }
  const page = await t.open('/?test', { storage: { [PROGRESS_KEY]: JSON.stringify({ version: 1, levels }) } })
  await openCampaign(page)
  await click(page, tid(`level-card-${levelId}`))
  await closeBrief(page)
  await waitFor(page, 'palette', { timeout: 15_000 })
  check((await page.evaluate(() => window.__houseOfPods.getState().level?.id)) === levelId, `level ${levelId} did not start`)
  return page
}

/** Open the chosen app's pod rules (a <details>) if folded. */
async function openPodRules(page) {
  const open = await page
    .locator(tid('pod-rules'))
    .first()
    .evaluate((el) => el.open)
  if (!open) await click(page, '[data-testid="pod-rules"] > summary')
}

async function expectWon(page, dialog, name) {
  const outcome = await dialog.getAttribute('data-outcome')
  if (outcome !== 'won') {
    const detail = await page.evaluate(() => {
      const s = window.__houseOfPods.getState()
      return JSON.stringify({ progress: s.progress, events: s.world.events.slice(-8).map((e) => e.technical) })
    })
    await shot(page, `${name}-lost.png`)
    check(false, `the level ended "${outcome}", not won: ${detail}`)
  }
  await shot(page, `${name}-won.png`)
}

export const tests = [
  {
    name: 'level09-two-zones',
    title: "level 9 through the UI: a toleration for the report, spread across zones and 10 shop rooms survive zone a's outage",
    async run(t) {
      const page = await openUnlocked(t, '09-two-zones')
      // The report puts up with b2's sign: key dedicated, value report, NoSchedule.
      await click(page, tid('app-report'))
      await openPodRules(page)
      await reveal(page, tid('mgr-setTolerations-key'))
      await page.locator(tid('mgr-setTolerations-key')).first().fill('dedicated')
      await reveal(page, tid('mgr-setTolerations-value'))
      await page.locator(tid('mgr-setTolerations-value')).first().fill('report')
      await reveal(page, tid('mgr-setTolerations-effect'))
      await page.locator(tid('mgr-setTolerations-effect')).first().selectOption('NoSchedule')
      await click(page, tid('mgr-setTolerations'))
      const tol = await page.evaluate(() => window.__houseOfPods.getState().world.apps.report.tolerations)
      check(
        tol.length === 1 && tol[0].key === 'dedicated' && tol[0].value === 'report' && tol[0].effect === 'NoSchedule',
        `report's tolerations after the click: ${JSON.stringify(tol)}`,
      )
      // The shop spreads over the zones (maxSkew 1, DoNotSchedule) and gets 10 rooms.
      await click(page, tid('app-shop'))
      await openPodRules(page)
      await reveal(page, tid('mgr-setTopologySpread'))
      await page.locator(tid('mgr-setTopologySpread')).first().selectOption('DoNotSchedule')
      // The select sends a command to the simulation worker: read the world once it has answered.
      await workerSettled(page)
      const spread = await page.evaluate(() => window.__houseOfPods.getState().world.apps.shop.topologySpread)
      check(
        spread?.whenUnsatisfiable === 'DoNotSchedule' && spread.topologyKey === 'topology.kubernetes.io/zone' && spread.maxSkew === 1,
        `shop's spread after the select: ${JSON.stringify(spread)}`,
      )
      for (let i = 0; i < 4; i++) await click(page, tid('action-scale-up'))
      const replicas = await page.locator(tid('replicas')).first().innerText()
      check(/10/.test(replicas), `the replicas counter reads "${replicas}" after four clicks on +`)
      // Before the outage: both report rooms on b2, the shop 5 and 5 across the zones.
      await click(page, tid('speed-8'))
      await pressKey(page, 'Space')
      await waitUntil(page, () => window.__houseOfPods.getState().world.timeMs > 45_000, undefined, {
        timeout: 30_000,
        what: 'the clock to pass 0:45',
      })
      const before = await page.evaluate(() => {
        const w = window.__houseOfPods.getState().world
        const zones = { a: 0, b: 0 }
        let reportOnB2 = 0
        for (const c of Object.values(w.containers)) {
          if (c.state !== 'running' || c.placement?.kind !== 'host') continue
          const h = w.hosts[c.placement.hostId]
          if (c.appId === 'shop') zones[h.zone]++
          if (c.appId === 'report' && h.name === 'b2') reportOnB2++
        }
        return { zones, reportOnB2 }
      })
      check(
        before.zones.a === 5 && before.zones.b === 5,
        `shop rooms by zone before the outage: ${JSON.stringify(before.zones)} (want 5 and 5)`,
      )
      check(before.reportOnB2 === 2, `${before.reportOnB2} report rooms running on b2 before the outage (want 2)`)
      await shot(page, 'level09-before-outage.png')
      const dialog = await waitFor(page, 'outcome-dialog', { timeout: 60_000 })
      await expectWon(page, dialog, 'level09')
    },
  },
  {
    name: 'level10-black-friday',
    title: 'level 10 through the UI: a priority class for the checkout, the cluster autoscaler within $5/h; the report gets its rooms back',
    async run(t) {
      const page = await openUnlocked(t, '10-black-friday')
      await click(page, tid('app-checkout'))
      await openPodRules(page)
      await reveal(page, tid('mgr-addPriorityClass-name'))
      await page.locator(tid('mgr-addPriorityClass-name')).first().fill('shop-critical')
      await reveal(page, tid('mgr-addPriorityClass-value'))
      await page.locator(tid('mgr-addPriorityClass-value')).first().fill('1000')
      await click(page, tid('mgr-addPriorityClass'))
      await waitUntil(page, () => window.__houseOfPods.getState().world.priorityClasses['shop-critical'] === 1000, undefined, {
        timeout: 3000,
        what: 'priority class shop-critical = 1000',
      })
      await reveal(page, tid('mgr-setPriorityClass'))
      await page.locator(tid('mgr-setPriorityClass')).first().selectOption('shop-critical')
      await waitUntil(page, () => window.__houseOfPods.getState().world.apps.checkout.priorityClassName === 'shop-critical', undefined, {
        timeout: 3000,
        what: 'the checkout in class shop-critical',
      })
      // The autoscaler form, with the keyboard: its defaults come from the level ($5/h, 4-core houses in a and b).
      const form = page.locator(tid('autoscaler-form')).first()
      await form.scrollIntoViewIfNeeded()
      const status0 = await page.locator(tid('mgr-autoscaler-status')).first().innerText()
      check(/No estate agent/.test(status0), `the status before hiring: "${status0}"`)
      const values = await page.evaluate(() =>
        ['min', 'max', 'budget', 'cores', 'mem', 'cost'].map((k) => document.querySelector(`[data-testid="mgr-autoscaler-${k}"]`)?.value),
      )
      check(
        JSON.stringify(values) === JSON.stringify(['2', '5', '5', '4', '8', '1']),
        `autoscaler defaults (min, max, budget, cores, GiB, $/h): ${JSON.stringify(values)}`,
      )
      await page.locator(tid('mgr-setClusterAutoscaler')).first().focus()
      await page.keyboard.press('Enter')
      await workerSettled(page)
      const ca = await page.evaluate(() => window.__houseOfPods.getState().world.autoscaler)
      check(
        ca &&
          ca.maxHosts === 5 &&
          ca.budgetPerHour === 5 &&
          ca.template.cores === 4 &&
          ca.template.memMiB === 8192 &&
          ca.template.zones.join() === 'a,b',
        `the autoscaler after Enter: ${JSON.stringify(ca)}`,
      )
      await page.locator(tid('mgr-autoscaler-status')).first().scrollIntoViewIfNeeded()
      await shot(page, 'level10-autoscaler-form.png')
      // The surge: preemption makes space now, the autoscaler orders houses; the status line says so.
      await click(page, tid('speed-8'))
      await pressKey(page, 'Space')
      await waitUntil(
        page,
        () =>
          Number(document.querySelector('[data-testid="mgr-autoscaler-status"]')?.getAttribute('data-on-order') ?? 0) > 0 ||
          Number(document.querySelector('[data-testid="mgr-autoscaler-status"]')?.getAttribute('data-bought') ?? 0) > 0,
        undefined,
        { timeout: 40_000, what: 'the autoscaler to order a house' },
      )
      const ordering = await page.locator(tid('mgr-autoscaler-status')).first().innerText()
      check(/on order \(auto-\S+ in \d+ s|Bought [1-9]/.test(ordering), `the status line while buying: "${ordering}"`)
      await page.locator(tid('mgr-autoscaler-status')).first().scrollIntoViewIfNeeded()
      await shot(page, 'level10-on-order.png')
      const dialog = await waitFor(page, 'outcome-dialog', { timeout: 60_000 })
      await expectWon(page, dialog, 'level10')
      const bought = await page.evaluate(() => window.__houseOfPods.getState().world.autoscaler?.boughtHostIds.length ?? 0)
      check(bought >= 1, `the autoscaler bought ${bought} houses`)
    },
  },
  {
    name: 'levels-chaos-hang',
    title: 'sandbox chaos: hang a room; its inspector says it is stuck and only a liveness probe notices',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await dispatch(page, {
        type: 'addApp',
        id: 'hangme',
        name: 'hangme',
        imageId: 'web',
        cpuRequestMilli: 100,
        memRequestMiB: 128,
        rps: 0,
        capacityRps: 100,
        replicas: 2,
        managed: true,
      })
      await click(page, tid('speed-8'))
      await pressKey(page, 'Space')
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).some((c) => c.state === 'running'),
        undefined,
        { timeout: 30_000, what: 'a running room' },
      )
      await click(page, tid('chaos-hangContainer'))
      const hung = await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).find((c) => c.hung)?.id ?? null,
        undefined,
        { timeout: 3000, what: 'a hung room' },
      )
      await waitFor(page, 'diagnosis-hung')
      const text = await page.locator(tid('diagnosis-hung')).first().innerText()
      check(/alive but answers nothing/.test(text) && /still alive\?/.test(text), `the hung finding reads "${text}"`)
      check(
        (await page.evaluate(() => window.__houseOfPods.getUi().selection?.id)) === hung,
        'the hung room is not the one selected (the inspector should show it)',
      )
      await page.locator(tid('diagnosis-hung')).first().scrollIntoViewIfNeeded()
      await shot(page, 'chaos-hang.png')
    },
  },
  {
    name: 'levels-autoscaler-sandbox',
    title: 'sandbox: the autoscaler form shows with no app chosen, in technical words after L, and switches on and off from the keyboard',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitFor(page, 'autoscaler-form')
      await pressKey(page, 'l')
      await waitUntil(page, () => window.__houseOfPods.getUi().vocab === 'technical', undefined, {
        timeout: 3000,
        what: 'L to switch to technical labels',
      })
      const legend = await page
        .locator(`${tid('autoscaler-form')} legend`)
        .first()
        .innerText()
      check(legend === 'Cluster autoscaler', `the form's legend in technical words: "${legend}"`)
      check(
        /Cluster autoscaler off/.test(await page.locator(tid('mgr-autoscaler-status')).first().innerText()),
        'the status does not say the autoscaler is off',
      )
      // A bad value is named and blocks the button.
      await reveal(page, tid('mgr-autoscaler-max'))
      await page.locator(tid('mgr-autoscaler-max')).first().fill('0')
      await waitFor(page, 'mgr-autoscaler-problem')
      check(await page.locator(tid('mgr-setClusterAutoscaler')).first().isDisabled(), 'the apply button is enabled with maxHosts 0')
      await reveal(page, tid('mgr-autoscaler-max'))
      await page.locator(tid('mgr-autoscaler-max')).first().fill('6')
      await page.locator(tid('mgr-autoscaler-on')).first().focus()
      await page.keyboard.press('Enter')
      await waitUntil(page, () => window.__houseOfPods.getState().world.autoscaler?.maxHosts === 6, undefined, {
        timeout: 3000,
        what: 'Enter on the on/off toggle to enable the autoscaler with maxHosts 6',
      })
      check(
        (await page.locator(tid('mgr-autoscaler-on')).first().getAttribute('aria-pressed')) === 'true',
        'the on/off toggle is not pressed once enabled',
      )
      const on = await page.locator(tid('mgr-autoscaler-status')).first().innerText()
      check(/0 nodes added; none provisioning/.test(on), `the status once enabled: "${on}"`)
      await page.locator(tid('autoscaler-form')).first().scrollIntoViewIfNeeded()
      await shot(page, 'autoscaler-sandbox-technical.png')
      await page.locator(tid('mgr-autoscaler-on')).first().focus()
      await page.keyboard.press('Enter')
      await waitUntil(page, () => window.__houseOfPods.getState().world.autoscaler === null, undefined, {
        timeout: 3000,
        what: 'Enter again to disable it',
      })
    },
  },
]
