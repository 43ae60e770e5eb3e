// Browser tests for big streets: the simulation in a Web Worker (the default for ?street=) and the city view.
import {
  addBenchHouses,
  check,
  click,
  dispatch,
  expectCanvasNotBlank,
  pressKey,
  scaleBenchApp,
  settledRendererInfo,
  shot,
  startSandbox,
  waitForFirstFrame,
  waitForHandle,
  tid,
  waitUntil,
} from './lib.mjs'

export const tests = [
  {
    name: 'street-worker',
    title: '?street=S&worker: the street runs in a Web Worker; the page mirrors it, plays it and sends it commands',
    async run(t) {
      const page = await t.open('/?test&street=S&worker')
      await waitForHandle(page)
      await waitUntil(page, () => window.__houseOfPods.getState().remote === 'running', undefined, {
        timeout: 60_000,
        what: 'the street built in the worker',
      })
      await waitForFirstFrame(page)
      // The street is drawn first; its rooms follow once the worker has placed them.
      await waitUntil(page, () => !window.__houseOfPods.getState().settling, undefined, {
        timeout: 60_000,
        what: "the street's rooms from the worker",
      })
      const w = await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        return {
          mode: s.mode,
          hosts: Object.keys(s.world.hosts).length,
          running: Object.values(s.world.containers).filter((c) => c.state === 'running').length,
        }
      })
      check(w.mode === 'sandbox' && w.hosts === 10 && w.running === 100, `?street=S&worker gave ${JSON.stringify(w)}`)
      // Play: the worker steps, the mirror's clock moves.
      const t0 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
      await pressKey(page, 'Space')
      await waitUntil(page, (t) => window.__houseOfPods.getState().world.timeMs >= t + 2000, t0, {
        timeout: 30_000,
        what: 'the world clock to move while playing',
      })
      // A command goes to the worker; its rooms come back in the mirror.
      await dispatch(page, { type: 'setReplicas', appId: 'app0', replicas: 130 })
      await waitUntil(
        page,
        () => Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.state === 'running').length >= 130,
        undefined,
        { timeout: 60_000, what: '130 running rooms in the mirror' },
      )
      // A refusal comes back from the worker as the HUD's rejection.
      await page.evaluate(() => window.__houseOfPods.getState().dispatch({ type: 'failHost', hostId: 'no-such-house' }))
      await waitUntil(page, () => window.__houseOfPods.getState().lastRejection?.technical ?? null, undefined, {
        what: 'the worker refusing a command for a house that does not exist',
      })
      // ...and as the answer to the command itself.
      const answer = await page.evaluate(() => window.__houseOfPods.getState().dispatchAsync({ type: 'failHost', hostId: 'no-such-house' }))
      check(answer.ok === false && typeof answer.technical === 'string', `the worker answered ${JSON.stringify(answer)}`)
      // The chaos panel burns the selected house's whole zone (in the worker).
      const house = await page.evaluate(() => {
        const h = Object.values(window.__houseOfPods.getState().world.hosts).find((x) => x.zone === 'b')
        window.__houseOfPods.getUi().select({ kind: 'host', id: h.id })
        return h
      })
      await click(page, tid('action-failZone'))
      await waitUntil(
        page,
        () => {
          const hosts = Object.values(window.__houseOfPods.getState().world.hosts)
          return hosts.filter((h) => h.zone === 'b').every((h) => h.power === 'failed') && hosts.some((h) => h.power === 'on')
        },
        undefined,
        { timeout: 30_000, what: `every house of zone b burnt (from house ${house.name}), the others standing` },
      )
      await settledRendererInfo(page, 3)
      await expectCanvasNotBlank(page)
      await shot(page, 'street-worker.png')
    },
  },
  {
    name: 'sandbox-worker',
    title: '?worker=all: the sandbox runs in the simulation worker; commands are answered there and the page mirrors the street',
    async run(t) {
      const page = await t.open('/?test&worker=all')
      await startSandbox(page)
      await waitForFirstFrame(page)
      const s0 = await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        return { mode: s.mode, remote: s.remote, hosts: Object.keys(s.world.hosts).length }
      })
      check(s0.mode === 'sandbox' && s0.remote === 'running' && s0.hosts === 2, `the sandbox in the worker: ${JSON.stringify(s0)}`)
      // The building manager takes the shop over and keeps five of its rooms running.
      const answer = await page.evaluate(async () => {
        const game = window.__houseOfPods.getState()
        const managed = await game.dispatchAsync({ type: 'setManaged', appId: 'shop', managed: true })
        return managed.ok ? game.dispatchAsync({ type: 'setReplicas', appId: 'shop', replicas: 5 }) : managed
      })
      check(answer.ok === true, `setReplicas answered ${JSON.stringify(answer)}`)
      await pressKey(page, 'Space')
      await waitUntil(
        page,
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).filter((c) => c.appId === 'shop' && c.state === 'running')
            .length >= 5,
        undefined,
        { timeout: 60_000, what: 'five shop rooms running in the mirror' },
      )
      const refused = await page.evaluate(() =>
        window.__houseOfPods.getState().dispatchAsync({ type: 'failHost', hostId: 'no-such-house' }),
      )
      check(refused.ok === false, `a command for a house that does not exist was answered ${JSON.stringify(refused)}`)
      await waitUntil(page, () => window.__houseOfPods.getState().lastRejection?.technical ?? null, undefined, {
        what: 'the refusal shown as the HUD rejection',
      })
      await settledRendererInfo(page, 3)
      await expectCanvasNotBlank(page)
      await shot(page, 'sandbox-worker.png')
    },
  },
  {
    name: 'sandbox-grown-timeline',
    title:
      'a sandbox grown past 3,000 rooms (40 houses bought, an app scaled to 3,500) stops recording its timeline and the bar says why; ' +
      'the street plays on',
    timeoutMs: 150_000,
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitForFirstFrame(page)
      await pressKey(page, 'u')
      await waitUntil(page, () => !!document.querySelector('[data-testid="timeline-scrubber"]'), undefined, {
        what: 'the timeline recording the small sandbox',
      })
      await addBenchHouses(page, 40)
      await scaleBenchApp(page, 3500)
      const off = await waitUntil(page, () => document.querySelector('[data-testid="timeline-off"]')?.textContent, undefined, {
        timeout: 60_000,
        what: 'the timeline saying it stopped',
      })
      t.log(`timeline bar: ${off}`)
      check(/grew past 3,000 rooms/.test(off), `the timeline bar does not say why it stopped: ${off}`)
      const rooms = () => page.evaluate(() => Object.keys(window.__houseOfPods.getState().world.containers).length)
      check((await rooms()) > 3000, `the sandbox has ${await rooms()} rooms, not over 3,000`)
      const t0 = await page.evaluate(() => window.__houseOfPods.getState().world.timeMs)
      await waitUntil(page, (x) => window.__houseOfPods.getState().world.timeMs > x + 5000, t0, {
        timeout: 30_000,
        what: 'the street playing on',
      })
      await shot(page, 'sandbox-grown-timeline.png')
    },
  },
  {
    name: 'street-l-zone',
    title: '?street=L: a city of 5,000 blocks in few draw calls; burn zone a and its rooms come back in the other zones',
    async run(t) {
      const page = await t.open('/?test&street=L&worker')
      await waitForHandle(page)
      await waitUntil(page, () => window.__houseOfPods.getState().remote === 'running', undefined, {
        timeout: 150_000,
        what: 'the L street built in the worker',
        interval: 500,
      })
      await waitForFirstFrame(page, 60_000)
      await waitUntil(page, () => !window.__houseOfPods.getState().settling, undefined, {
        timeout: 150_000,
        what: "the L street's 150,000 rooms from the worker",
        interval: 500,
      })
      const info = await settledRendererInfo(page, 2, 60_000)
      check(info.calls <= 30, `the city takes ${info.calls} draw calls (at most 30)`)
      check(info.triangles < 1_500_000, `the city draws ${info.triangles} triangles (under 1.5 million)`)
      const census = () =>
        page.evaluate(() => {
          const w = window.__houseOfPods.getState().world
          let elsewhere = 0
          let lost = 0
          for (const id in w.containers) {
            const c = w.containers[id]
            if (c.state === 'lost') lost++
            else if (c.state === 'running' && c.placement?.kind === 'host' && w.hosts[c.placement.hostId]?.zone !== 'a') elsewhere++
          }
          return { elsewhere, lost }
        })
      const before = await census()
      // Classroom time (a hundredth), so the control plane notices and evicts within seconds.
      await dispatch(page, { type: 'setDelayScale', scale: 0.01 })
      await dispatch(page, { type: 'failZone', zone: 'a' })
      await waitUntil(page, () => Object.values(window.__houseOfPods.getState().world.hosts).some((h) => h.power === 'failed'), undefined, {
        timeout: 30_000,
        what: 'zone a burnt',
      })
      await pressKey(page, 'Space')
      await pressKey(page, '4')
      await waitUntil(
        page,
        (want) => {
          const w = window.__houseOfPods.getState().world
          let n = 0
          for (const id in w.containers) {
            const c = w.containers[id]
            if (c.state === 'running' && c.placement?.kind === 'host' && w.hosts[c.placement.hostId]?.zone !== 'a') n++
          }
          return n >= want ? n : false
        },
        before.elsewhere + 60,
        { timeout: 120_000, what: 'rooms of zone a running again in zones b and c', interval: 1000 },
      )
      const after = await census()
      check(after.lost > 0 || after.elsewhere > before.elsewhere, `after the fire: ${JSON.stringify({ before, after })}`)
      await shot(page, 'street-l-zone.png')
    },
  },
]
