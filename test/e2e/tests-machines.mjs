// Browser tests for issue 3's machine UI (image workshop, machine actions, inspector diagnosis).
import {
  tid,
  check,
  waitFor,
  waitUntil,
  startSandbox,
  startLevel,
  pressKey,
  click as clickOnce,
  shot,
  dispatch,
  reveal,
  workerSettled,
} from './lib.mjs'

// The shared machine is busy (several builds and browsers at once): give a click more than lib's 5 s.
const click = (page, sel, opts = {}) => clickOnce(page, sel, { timeout: 15_000, ...opts })

const text = (page, id) => page.locator(tid(id)).first().innerText()
const cachedFlags = (page) =>
  page.locator('[data-testid^="ws-layer-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cached') === 'true'))
const imageOf = (page, ref) =>
  page.evaluate((r) => Object.values(window.__houseOfPods.getState().world.images).find((im) => im.ref === r) ?? null, ref)

async function setField(page, id, value) {
  const el = page.locator(tid(id)).first()
  await el.fill(String(value))
}

export const tests = [
  {
    name: 'machines-workshop',
    title:
      'the workshop builds an image from picked layers, shows its Dockerfile, and a rebuild of a changed app reuses the lower layers ' +
      '(CACHED); an existing tag is refused',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await waitFor(page, 'palette')
      // The W key opens the workshop; focus lands inside it.
      await pressKey(page, 'w')
      await waitFor(page, 'workshop')
      // Pick the layers with the keyboard-usable controls: Ubuntu, Python, flask + requests.
      await click(page, tid('ws-base-ubuntu'))
      await click(page, tid('ws-runtime-python'))
      await reveal(page, tid('ws-lib-requests'))
      await page.locator(tid('ws-lib-requests')).check()
      check(await page.locator(tid('ws-lib-flask')).isChecked(), 'flask is not picked by default')
      await setField(page, 'ws-app-source', 'v1.0')
      await setField(page, 'ws-ref', 'api:1.0')
      const dockerfile = await text(page, 'ws-dockerfile')
      for (const want of [
        'FROM ubuntu:24.04',
        'apt-get install',
        'python3',
        'pip install',
        'flask==',
        'requests==',
        'COPY ./src /app',
        'CMD ["python3", "app.py"]',
      ]) {
        check(dockerfile.includes(want), `the Dockerfile text lacks "${want}":\n${dockerfile}`)
      }
      check(
        dockerfile.indexOf('FROM') < dockerfile.indexOf('RUN') && dockerfile.indexOf('RUN') < dockerfile.indexOf('COPY'),
        `the Dockerfile is not FROM, RUN…, COPY in order:\n${dockerfile}`,
      )
      const first = await cachedFlags(page)
      check(
        first.length === 6 && first.every((c) => !c),
        `a first build of new layers should show no CACHED rows, got ${JSON.stringify(first)}`,
      )
      const total = await text(page, 'ws-total')
      check(/^\d+ MiB$/.test(total.trim()) && Number.parseInt(total) > 100, `the total size reads "${total}"`)
      await click(page, tid('ws-build'))
      await waitUntil(page, () => document.querySelector('[data-testid="ws-result"]')?.getAttribute('data-ok') === 'true', undefined, {
        what: 'a successful build result',
        timeout: 5000,
      })
      await waitFor(page, '[data-testid="ws-image-api:1.0"]')
      const v1 = await imageOf(page, 'api:1.0')
      check(v1 && v1.layers.length === 6, `api:1.0 has ${v1?.layers.length} layers, expected 6`)
      check(
        v1.packages.includes('python@3.12') && v1.packages.includes('flask@3.0'),
        `api:1.0 carries ${v1.packages.join(', ')}; expected python@3.12 (Ubuntu 24.04's) and flask@3.0`,
      )
      // The tag moved on by itself (images never change); change only the app source and rebuild.
      check((await page.locator(tid('ws-ref')).inputValue()) === 'api:1.1', 'after a build the tag should move on to api:1.1')
      await setField(page, 'ws-app-source', 'v1.1 (fixed the login bug)')
      const second = await cachedFlags(page)
      check(
        JSON.stringify(second) === JSON.stringify([true, true, true, true, false, false]),
        `with only the app changed, FROM and the three RUN layers should be CACHED and COPY, CMD new: got ${JSON.stringify(second)}`,
      )
      await click(page, tid('ws-build'))
      await waitFor(page, '[data-testid="ws-image-api:1.1"]')
      const log = await text(page, 'ws-build-log')
      check(
        /CACHED \[1\/6\] FROM ubuntu:24\.04/.test(log) && /CACHED \[4\/6\] RUN pip install/.test(log),
        `the build output does not show the lower layers CACHED:\n${log}`,
      )
      check(/\[5\/6\] COPY/.test(log) && !/CACHED \[5\/6\]/.test(log), `the changed COPY layer should be built, not CACHED:\n${log}`)
      const v2 = await imageOf(page, 'api:1.1')
      check(
        JSON.stringify(v2.layers.slice(0, 4)) === JSON.stringify(v1.layers.slice(0, 4)) && v2.layers[4] !== v1.layers[4],
        'api:1.1 should share its four lower layers with api:1.0 and have its own app layer',
      )
      // Images are immutable: the same tag with a different build is refused, with the reason.
      await setField(page, 'ws-ref', 'api:1.0')
      check((await text(page, 'ws-ref-help')).includes('api:1.0'), 'the tag field does not warn that api:1.0 exists')
      await setField(page, 'ws-app-source', 'v2')
      await click(page, tid('ws-build'))
      await waitUntil(page, () => document.querySelector('[data-testid="ws-result"]')?.getAttribute('data-ok') === 'false', undefined, {
        what: 'a refused build',
        timeout: 5000,
      })
      const refusal = await text(page, 'ws-result')
      check(/never change|immutable/i.test(refusal), `the refusal does not say why: "${refusal}"`)
      const still = await imageOf(page, 'api:1.0')
      check(JSON.stringify(still.layers) === JSON.stringify(v1.layers), 'api:1.0 changed after a refused build')
      await setField(page, 'ws-app-source', 'v1.1 (fixed the login bug)')
      await setField(page, 'ws-ref', 'api:1.2')
      await shot(page, 'workshop.png')
      // Escape closes it.
      await pressKey(page, 'Escape')
      await waitFor(page, 'workshop', { state: 'hidden', timeout: 3000 })
    },
  },
  {
    name: 'machines-oom',
    title: 'a leaking room under a low memory limit is OOMKilled; the inspector says so with exit code 137 in both vocabularies',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await click(page, tid('app-shop'))
      await click(page, tid('tree-host-h1'))
      await click(page, tid('action-runContainer'))
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(4)
        s.setPaused(false)
      })
      const roomId = await waitUntil(
        page,
        () =>
          Object.values(window.__houseOfPods.getState().world.containers).find((c) => c.appId === 'shop' && c.state === 'running')?.id ??
          null,
        undefined,
        { what: 'a running shop room', timeout: 20_000 },
      )
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await click(page, tid(`tree-container-${roomId}`))
      await waitFor(page, 'diagnosis')
      // Chaos: the room leaks; then a memory limit just above its request.
      await click(page, tid('chaos-leakMemory'))
      await reveal(page, `${tid('machine-actions')} > summary`)
      await page.locator(`${tid('machine-actions')} > summary`).click()
      await setField(page, 'limit-mem', 640)
      await click(page, tid('action-setLimits'))
      const app = await page.evaluate(() => window.__houseOfPods.getState().world.apps.shop)
      check(app.memLimitMiB === 640, `the shop's memory limit is ${app.memLimitMiB}, expected 640`)
      await waitFor(page, 'diagnosis-limits')
      const limits = await text(page, 'diagnosis-limits')
      check(/640 MiB/.test(limits), `the diagnosis does not show the 640 MiB cap: "${limits}"`)
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(false))
      await waitFor(page, 'diagnosis-oom', { timeout: 30_000 })
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      const metaphor = await text(page, 'diagnosis-oom')
      check(
        /exit code 137/.test(metaphor) && /640 MiB/.test(metaphor),
        `the OOM finding (metaphor) lacks exit code 137 or the cap: "${metaphor}"`,
      )
      const c = await page.evaluate((id) => window.__houseOfPods.getState().world.containers[id], roomId)
      check(c.exitCode === 137, `the room's exit code is ${c.exitCode}, expected 137`)
      await click(page, tid('vocab-toggle'))
      const technical = await text(page, 'diagnosis-oom')
      check(
        /OOMKilled/.test(technical) && /exit code 137/.test(technical) && /memory\.max 640 MiB/.test(technical),
        `the OOM finding (technical) reads: "${technical}"`,
      )
      const inspector = await text(page, 'inspector')
      check(/Source|Where these figures/.test(inspector), 'the inspector shows no sources')
      await page.locator(tid('diagnosis-oom')).scrollIntoViewIfNeeded()
      await shot(page, 'diagnosis.png')
    },
  },
  {
    name: 'machines-breach',
    title:
      'locks set from the palette, a burglar sent into a room in an apartment: the inspector says it stopped at the apartment walls ' +
      'and which locks cut the odds',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      const vmId = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 4096 })).id
      await click(page, tid('app-shop'))
      await reveal(page, `${tid('machine-actions')} > summary`)
      await page.locator(`${tid('machine-actions')} > summary`).click()
      await reveal(page, tid('security-runAsNonRoot'))
      await page.locator(tid('security-runAsNonRoot')).check()
      await reveal(page, tid('security-dropAllCapabilities'))
      await page.locator(tid('security-dropAllCapabilities')).check()
      await workerSettled(page)
      const sec = await page.evaluate(() => window.__houseOfPods.getState().world.apps.shop.security)
      check(
        sec.runAsNonRoot && sec.dropAllCapabilities && !sec.readOnlyRootFilesystem,
        `the shop's securityContext is ${JSON.stringify(sec)}`,
      )
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(8)
        s.setPaused(false)
      })
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].state === 'running', vmId, {
        what: 'the apartment to boot',
        timeout: 30_000,
      })
      await click(page, tid(`tree-vm-${vmId}`))
      await click(page, tid('action-runContainer'))
      const roomId = await waitUntil(
        page,
        (id) =>
          Object.values(window.__houseOfPods.getState().world.containers).find((c) => c.state === 'running' && c.placement?.vmId === id)
            ?.id ?? null,
        vmId,
        { what: 'a running room in the apartment', timeout: 20_000 },
      )
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await click(page, tid(`tree-container-${roomId}`))
      await waitUntil(page, () => document.querySelector('[data-testid="chaos-breachContainer"]')?.disabled === false, undefined, {
        what: 'the breach button to be enabled',
        timeout: 10_000,
      })
      await click(page, tid('chaos-breachContainer'), { timeout: 15_000 })
      await waitFor(page, 'diagnosis-breached')
      const m = await text(page, 'diagnosis-breached')
      // Where it stopped depends on the seeded dice: in the room (the locks held) or at the apartment walls.
      check(/apartment walls|never got out of the room/.test(m), `the breach finding does not say where it stopped: "${m}"`)
      check(
        /runs as non-root/.test(m) && /capabilities dropped/.test(m) && /missing: read-only root filesystem/.test(m),
        `the breach finding does not name the locks: "${m}"`,
      )
      check(/odds to break out were 10%/.test(m), `escape odds should be 0.6 × 0.4 × 0.4 ≈ 10%: "${m}"`)
      check(
        await page.locator(tid('chaos-breachContainer')).isDisabled(),
        'the breach button should be disabled for a room already breached',
      )
    },
  },
  {
    name: 'machines-saves',
    title: 'the sandbox street is kept in a save slot and brought back; a damaged slot says what is wrong and the others still load',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      await dispatch(page, { type: 'addHost', name: 'kept', cores: 8, memMiB: 16384, costPerHour: 1 })
      await reveal(page, `${tid('saves')} > summary`)
      await page.locator(`${tid('saves')} > summary`).click()
      await setField(page, 'save-label', 'three houses')
      await click(page, tid('save-slot-1'))
      check((await text(page, 'slot-1')).includes('three houses'), 'slot 1 does not show the saved street')
      // Damage slot 2 by hand, then start a fresh sandbox (two houses).
      await page.evaluate(() => localStorage.setItem('house-of-pods:save:2', '{"version":1,"savedAtMs":0,"label":"x","world":{"seed":'))
      await click(page, tid('btn-menu'))
      await startSandbox(page)
      check(
        (await page.evaluate(() => Object.keys(window.__houseOfPods.getState().world.hosts).length)) === 2,
        'a fresh sandbox should have two houses',
      )
      const summary = page.locator(`${tid('saves')} > summary`)
      if (!(await page.locator(tid('save-slot-1')).isVisible())) await summary.click()
      const damaged = await text(page, 'slot-2')
      check(/damaged/.test(damaged) && /not valid JSON/.test(damaged), `slot 2 does not say it is damaged and why: "${damaged}"`)
      await click(page, tid('load-slot-2'))
      check(
        /cannot be loaded: it is not valid JSON/.test(await text(page, 'saves-status')),
        'loading the damaged slot gives no clear message',
      )
      check(
        (await page.evaluate(() => localStorage.getItem('house-of-pods:save:2'))).startsWith('{"version":1'),
        'the damaged slot was changed',
      )
      await click(page, tid('load-slot-1'))
      await waitUntil(page, () => Object.keys(window.__houseOfPods.getState().world.hosts).length === 3, undefined, {
        what: 'the saved street with three houses',
        timeout: 5000,
      })
      check(/three houses/.test(await text(page, 'saves-status')), 'no message after loading slot 1')
    },
  },
  {
    name: 'machines-works-on-my-machine',
    title:
      'level "Works on my machine" through the machine UI: install straight on house 1 works, on house 2 it is refused with what is ' +
      'missing; a kit built in the workshop runs on both',
    async run(t) {
      const done = { stars: 3, completed: true }
      const page = await t.open('/?test', {
        storage: { 'house-of-pods:progress': JSON.stringify({ version: 1, levels: { '01-one-house': done, '02-apartments': done } }) },
      })
      await startLevel(page, '07-works-on-my-machine')
      await click(page, tid('app-shop'))
      await click(page, tid('tree-host-h1'))
      await click(page, tid('action-installApp'))
      await waitUntil(page, () => window.__houseOfPods.getState().world.hosts.h1.installedApps.includes('shop'), undefined, {
        what: 'the shop installed on house 1',
        timeout: 5000,
      })
      await click(page, tid('tree-host-h2'))
      await click(page, tid('action-installApp'))
      const why = await page.locator(tid('rejection')).first().innerText()
      check(/3\.12/.test(why) && /3\.11/.test(why), `installing on house 2 should say it needs Python 3.12 and has 3.11: "${why}"`)
      await pressKey(page, 'w')
      await waitFor(page, 'workshop')
      await click(page, tid('ws-base-ubuntu'))
      await click(page, tid('ws-runtime-python'))
      check(await page.locator(tid('ws-lib-flask')).isChecked(), 'flask should be picked')
      await reveal(page, tid('ws-ref'))
      await page.locator(tid('ws-ref')).fill('shop:1.0')
      await click(page, tid('ws-build'))
      await waitFor(page, '[data-testid="ws-image-shop:1.0"]')
      const img = await imageOf(page, 'shop:1.0')
      check(img.packages.includes('python@3.12') && img.packages.includes('flask@3.0'), `the kit carries ${img.packages.join(', ')}`)
      await pressKey(page, 'Escape')
      // The level teaches kits, not rollouts: the new kit is chosen without the building manager's words.
      await waitFor(page, 'kit-choice')
      const kit = await page.locator(tid('kit-choice')).innerText()
      check((await page.locator(tid('manager-actions')).count()) === 0, "level 3 shows the building manager's box before it is taught")
      check(!/roll/i.test(kit), `the kit choice speaks of rollouts: ${kit}`)
      await shot(page, 'works-on-my-machine-kit.png')
      await click(page, tid(`action-setImage-${img.id}`))
      for (const h of ['h1', 'h2']) {
        await click(page, tid(`tree-host-${h}`))
        await click(page, tid('action-runContainer'))
      }
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(4)
        s.setPaused(false)
      })
      await waitUntil(
        page,
        () => {
          const cs = Object.values(window.__houseOfPods.getState().world.containers).filter(
            (c) => c.appId === 'shop' && c.state === 'running',
          )
          return ['h1', 'h2'].every((h) => cs.some((c) => c.placement?.hostId === h))
        },
        undefined,
        { what: 'a running shop room on house 1 and on house 2', timeout: 30_000 },
      )
    },
  },
  {
    name: 'machines-vm-ops',
    title:
      'machine settings for a selected apartment and house: resize (with its reboot), live migration to another house, memory overcommit',
    async run(t) {
      const page = await t.open()
      await startSandbox(page)
      const vmId = (await dispatch(page, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 4096 })).id
      await page.evaluate(() => {
        const s = window.__houseOfPods.getState()
        s.setSpeed(8)
        s.setPaused(false)
      })
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].state === 'running', vmId, {
        what: 'the apartment to boot',
        timeout: 30_000,
      })
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await click(page, tid(`tree-vm-${vmId}`))
      await reveal(page, `${tid('machine-actions')} > summary`)
      await page.locator(`${tid('machine-actions')} > summary`).click()
      await reveal(page, tid('resize-vcpus'))
      await page.locator(tid('resize-vcpus')).fill('4')
      await reveal(page, tid('resize-mem'))
      await page.locator(tid('resize-mem')).fill('8')
      await click(page, tid('action-resizeVm'))
      const vm = await page.evaluate((id) => window.__houseOfPods.getState().world.vms[id], vmId)
      check(vm.vcpus === 4 && vm.memMiB === 8192, `after resize the apartment has ${vm.vcpus} vCPU and ${vm.memMiB} MiB`)
      check(vm.state !== 'running', `a resize reboots the apartment; its state is ${vm.state}`)
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(false))
      await waitUntil(page, (id) => window.__houseOfPods.getState().world.vms[id].state === 'running', vmId, {
        what: 'the apartment to come back',
        timeout: 30_000,
      })
      await page.evaluate(() => window.__houseOfPods.getState().setPaused(true))
      await reveal(page, tid('migrate-target'))
      await page.locator(tid('migrate-target')).selectOption('h2')
      await click(page, tid('action-migrateVm'))
      const mig = await page.evaluate((id) => window.__houseOfPods.getState().world.vms[id].migration, vmId)
      check(mig && mig.toHostId === 'h2', `no live migration to house 2 started: ${JSON.stringify(mig)}`)
      await click(page, tid('tree-host-h2'))
      await reveal(page, tid('action-setMemOvercommit'))
      await page.locator(tid('action-setMemOvercommit')).selectOption('1.5')
      // The select sends a command to the simulation worker: read the world once it has answered.
      await workerSettled(page)
      const ratio = await page.evaluate(() => window.__houseOfPods.getState().world.hosts.h2.memOvercommit)
      check(ratio === 1.5, `house 2's memory overcommit is ${ratio}, expected 1.5`)
    },
  },
]
