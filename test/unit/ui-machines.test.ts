import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { OOM_KILL, apply, createWorld, step, eventText } from '../../src/sim'
import type { World } from '../../src/sim'
import {
  BASE_IMAGES,
  DEFAULT_RECIPE,
  buildInstructions,
  contentDigest,
  dockerfileText,
  mbToMiB,
  nextTag,
  previewBuild,
  recipeSteps,
  validRef,
} from '../../src/ui/machines/recipe'
import type { Recipe } from '../../src/ui/machines/recipe'
import { diagnose } from '../../src/ui/machines/diagnosis'
import { parseLimit } from '../../src/ui/machines/MachineActions'
import { KEY_HELP, keyAction } from '../../src/ui/keys'
import { must, smallStreet, stepUntil } from './helpers'

const py: Recipe = { base: 'ubuntu', runtime: 'python', libraries: ['flask', 'requests'], appSource: 'v1.0', appMiB: 3, ref: 'api:1.0' }

function build(w: World, r: Recipe) {
  return apply(w, { type: 'buildImage', ref: r.ref, instructions: buildInstructions(r) })
}

describe('the Dockerfile a recipe makes', () => {
  test('FROM the base, one RUN per runtime and library, WORKDIR and COPY for the app, CMD last', () => {
    const lines = dockerfileText(py).trim().split('\n')
    expect(lines[0]).toBe('FROM ubuntu:24.04')
    expect(lines[1]).toMatch(/^RUN apt-get update && apt-get install .*python3/)
    expect(lines[2]).toMatch(/^RUN pip install .*flask==/)
    expect(lines[3]).toMatch(/^RUN pip install .*requests==/)
    expect(lines.slice(4)).toEqual(['WORKDIR /app', 'COPY ./src /app', 'CMD ["python3", "app.py"]'])
  })

  test('alpine installs with apk; a static program has no runtime, no libraries and no CMD', () => {
    expect(dockerfileText({ ...py, base: 'alpine' })).toMatch(/RUN apk add --no-cache python3/)
    const bare = dockerfileText({ ...py, runtime: 'none' })
    expect(bare.trim().split('\n')).toEqual(['FROM ubuntu:24.04', 'WORKDIR /app', 'COPY ./src /app'])
  })

  test('libraries of another runtime are ignored (pip packages need Python)', () => {
    expect(dockerfileText({ ...py, runtime: 'node', libraries: ['flask', 'express'] })).not.toMatch(/flask/)
    expect(dockerfileText({ ...py, runtime: 'node', libraries: ['flask', 'express'] })).toMatch(/npm install .*express@/)
  })

  test("sizes are Docker's MB turned into whole MiB; the base sizes are the published ones", () => {
    expect(mbToMiB(74.8)).toBe(71)
    expect(mbToMiB(BASE_IMAGES.alpine.mb)).toBe(7)
    expect(BASE_IMAGES.debian.ref).toBe('debian:12-slim')
    for (const s of recipeSteps(py)) expect(Number.isInteger(s.sizeMiB)).toBe(true)
    expect(recipeSteps(py).at(-1)!.sizeMiB).toBe(0)
  })

  test('the runtime version is the one the base distribution ships: "python" differs by base', () => {
    const pkg = (r: Recipe) => previewBuild(createWorld(1), r).packages
    expect(pkg({ ...py, base: 'debian' })).toContain('python@3.11')
    expect(pkg({ ...py, base: 'ubuntu' })).toContain('python@3.12')
    expect(pkg(py)).toEqual(['flask@3.0', 'python@3.12', 'requests@2.32'])
  })

  test("the COPY layer is keyed by the files' checksum: a changed source is a changed instruction", () => {
    expect(contentDigest('v1.0')).toBe(contentDigest('v1.0'))
    expect(contentDigest('v1.0')).not.toBe(contentDigest('v1.1'))
    const copy = (r: Recipe) => recipeSteps(r).find((s) => s.kind === 'app')!
    expect(copy(py).line).toBe(copy({ ...py, appSource: 'v2' }).line)
    expect(copy(py).instruction).not.toBe(copy({ ...py, appSource: 'v2' }).instruction)
  })

  test('tags: name:tag only, and the next tag counts up', () => {
    expect(validRef('web:1.1')).toBe(true)
    expect(validRef('web')).toBe(false)
    expect(validRef('web:1 .1')).toBe(false)
    expect(nextTag('web:1.1')).toBe('web:1.2')
    expect(nextTag('web:1.9')).toBe('web:1.10')
    expect(nextTag('web:latest')).toBe('web:latest-2')
    expect(validRef(nextTag(DEFAULT_RECIPE.ref))).toBe(true)
  })
})

describe('the build preview matches what the simulation builds', () => {
  test('before a build nothing is cached; the built image has exactly the previewed layers', () => {
    const w = createWorld(1)
    const before = previewBuild(w, py)
    expect(before.rows.every((r) => !r.cached)).toBe(true)
    const r = build(w, py)
    expect(r.ok).toBe(true)
    const image = Object.values(w.images).find((im) => im.ref === 'api:1.0')!
    expect(image.layers).toEqual(before.rows.map((x) => x.layerId))
    expect(image.sizeMiB).toBe(before.totalMiB)
    expect(image.packages).toEqual(before.packages)
  })

  test('a rebuild with only the app changed shows the lower layers CACHED and reuses them', () => {
    const w = createWorld(1)
    build(w, py)
    const v2 = { ...py, appSource: 'v1.1', ref: 'api:1.1' }
    const p = previewBuild(w, v2)
    expect(p.rows.map((x) => x.cached)).toEqual([true, true, true, true, false, false])
    expect(p.cachedMiB).toBe(p.rows.slice(0, 4).reduce((a, x) => a + x.sizeMiB, 0))
    expect(build(w, v2).ok).toBe(true)
    const [a, b] = ['api:1.0', 'api:1.1'].map((ref) => Object.values(w.images).find((im) => im.ref === ref)!)
    expect(b!.layers.slice(0, 4)).toEqual(a!.layers.slice(0, 4))
    expect(b!.layers[4]).not.toBe(a!.layers[4])
  })

  test('changing a lower layer invalidates every layer above it (the cache stops at the first change)', () => {
    const w = createWorld(1)
    build(w, py)
    const p = previewBuild(w, { ...py, libraries: ['requests'] })
    expect(p.rows.map((x) => x.cached)).toEqual([true, true, false, false, false])
  })

  test('images are immutable: the same tag with a different build is refused with the reason; the same build is a no-op', () => {
    const w = createWorld(1)
    build(w, py)
    const same = build(w, py)
    expect(same.ok).toBe(true)
    const changed = build(w, { ...py, appSource: 'v9' })
    expect(changed.ok).toBe(false)
    if (!changed.ok) expect(changed.technical).toMatch(/immutable/)
  })
})

describe('build cache, for any two recipes (property)', () => {
  const recipe = fc.record({
    base: fc.constantFrom('debian', 'ubuntu', 'alpine'),
    runtime: fc.constantFrom('none', 'python', 'node', 'java'),
    libraries: fc.subarray(['flask', 'requests', 'numpy', 'express', 'pg']),
    appSource: fc.constantFrom('v1', 'v2', 'v3'),
    appMiB: fc.integer({ min: 0, max: 50 }),
  }) as fc.Arbitrary<Omit<Recipe, 'ref'>>

  test('the preview equals the build, and a second build reuses exactly the layers up to the first changed step', () => {
    fc.assert(
      fc.property(recipe, recipe, (a, b) => {
        const w = createWorld(1)
        const ra = { ...a, ref: 'x:1' }
        const rb = { ...b, ref: 'x:2' }
        expect(build(w, ra).ok).toBe(true)
        const p = previewBuild(w, rb)
        const sa = recipeSteps(ra)
        const sb = recipeSteps(rb)
        let same = 0
        while (
          same < sa.length &&
          same < sb.length &&
          sa[same]!.instruction === sb[same]!.instruction &&
          sa[same]!.sizeMiB === sb[same]!.sizeMiB
        )
          same++
        expect(p.rows.map((r) => r.cached)).toEqual(sb.map((_, i) => i < same))
        const r = build(w, rb)
        expect(r.ok).toBe(true)
        const image = Object.values(w.images).find((im) => im.ref === 'x:2')!
        expect(image.layers).toEqual(p.rows.map((x) => x.layerId))
      }),
      { numRuns: 200 },
    )
  })
})

describe('room diagnosis', () => {
  function openRoom(
    w: World,
    appId: string,
    target: { kind: 'host'; hostId: string } | { kind: 'vm'; vmId: string } = { kind: 'host', hostId: 'h1' },
  ) {
    const id = must(w, { type: 'runContainer', appId, target })!
    stepUntil(w, (x) => x.containers[id]!.state === 'running')
    return id
  }

  test('a leaking room under a memory limit: first the cap and the time left, then OOMKilled with exit code 137 and the numbers', () => {
    const w = smallStreet()
    const c = openRoom(w, 'web')
    must(w, { type: 'leakMemory', containerId: c, mibPerS: 50 })
    must(w, { type: 'setLimits', appId: 'web', cpuLimitMilli: null, memLimitMiB: 640 })
    step(w, 100)
    const limits = diagnose(w, c).find((f) => f.key === 'limits')!
    expect(limits.technical).toMatch(/limit 640 MiB/)
    expect(limits.technical).toMatch(/OOM kill in ~\d+ s/)
    stepUntil(w, (x) => x.containers[c]!.state !== 'running')
    const oom = diagnose(w, c).find((f) => f.key === 'oom')!
    expect(oom.severity).toBe('bad')
    expect(oom.technical).toMatch(/OOMKilled, exit code 137/)
    expect(oom.technical).toMatch(/memory\.max 640 MiB, usage reached 6\d\d MiB/)
    expect(oom.metaphor).toMatch(/exit code 137/)
    expect(oom.source).toBe(OOM_KILL.source)
  })

  test('a room killed by the kernel OOM killer is told apart from its own limit: a neighbour without a cap did it', () => {
    const w = smallStreet()
    // The victim rests at 9 GiB; the leaker fills the rest of the 16 GiB house before it outgrows the victim.
    must(w, { type: 'addApp', id: 'big', name: 'big', imageId: 'web', cpuRequestMilli: 100, memRequestMiB: 12288, rps: 0, capacityRps: 10 })
    const victim = openRoom(w, 'big')
    const leaker = openRoom(w, 'web')
    must(w, { type: 'leakMemory', containerId: leaker, mibPerS: 2000 })
    stepUntil(w, (x) => x.containers[victim]!.state !== 'running', 60_000)
    const f = diagnose(w, victim).find((x) => x.key === 'kernelOom')!
    expect(f.technical).toMatch(/kernel OOM killer/)
    expect(f.technical).toMatch(/noisy neighbour/)
    expect(diagnose(w, victim).some((x) => x.key === 'oom')).toBe(false)
  })

  test('a throttled room: use equals its CPU limit, CFS quota named', () => {
    const w = smallStreet()
    const c = openRoom(w, 'web')
    must(w, { type: 'setLimits', appId: 'web', cpuLimitMilli: 600, memLimitMiB: null })
    must(w, { type: 'hogCpu', containerId: c, on: true })
    step(w, 500)
    const f = diagnose(w, c).find((x) => x.key === 'throttled')!
    expect(f.technical).toMatch(/usage 600m = limit 600m/)
    expect(f.technical).toMatch(/CFS quota: the room gets its limit and no more/)
  })

  test('a breach in an apartment says it stopped at the VM boundary and names the settings that lowered the odds', () => {
    const w = smallStreet()
    const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 4096 })!
    stepUntil(w, (x) => x.vms[vm]!.state === 'running')
    must(w, { type: 'setSecurity', appId: 'web', security: { runAsNonRoot: true } })
    const c = openRoom(w, 'web', { kind: 'vm', vmId: vm })
    must(w, { type: 'breachContainer', containerId: c })
    const f = diagnose(w, c).find((x) => x.key === 'breached')!
    const escaped = !/no escape/.test(
      eventText(
        w.events.find((e) => eventText(e, 'technical').startsWith('Breach of'))!,
        'technical',
      ),
    )
    expect(f.technical).toMatch(escaped ? /VM boundary/ : /No container escape/)
    expect(f.technical).toMatch(/runs as non-root \(×0\.4\)/)
    expect(f.technical).toMatch(/Escape odds 24%/)
  })

  test(
    'a privileged room breached in an apartment: the attacker owns its kernel, reaches the neighbour there, and stops at the VM ' +
      'boundary',
    () => {
      const w = smallStreet()
      const vm = must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 4096 })!
      stepUntil(w, (x) => x.vms[vm]!.state === 'running')
      must(w, { type: 'setSecurity', appId: 'web', security: { privileged: true } })
      const a = openRoom(w, 'web', { kind: 'vm', vmId: vm })
      const b = openRoom(w, 'web', { kind: 'vm', vmId: vm })
      const outside = openRoom(w, 'web')
      must(w, { type: 'breachContainer', containerId: a })
      // Seed 1: the 98% escape happens and the 90% lateral move too (the dice are the world's, so this is fixed).
      expect(w.containers[b]!.breached).toBe(true)
      expect(w.containers[outside]!.breached).toBe(false)
      const f = diagnose(w, a).find((x) => x.key === 'breached')!
      expect(f.technical).toMatch(/1 other container\(s\) on the guest kernel of .* compromised/)
      expect(f.technical).toMatch(/Contained by the VM boundary/)
      expect(f.technical).toMatch(/Escape odds 98% \(privileged: near-certain\)/)
    },
  )

  test("a room whose kit lacks a package the app needs says so, and that the machine's own copy does not help", () => {
    const w = smallStreet()
    must(w, { type: 'installPackages', target: { kind: 'host', hostId: 'h1' }, packages: ['python@3.12'] })
    must(w, {
      type: 'addApp',
      id: 'py',
      name: 'py',
      imageId: 'web',
      cpuRequestMilli: 100,
      memRequestMiB: 128,
      rps: 0,
      capacityRps: 10,
      requires: ['python@3.12'],
    })
    const id = must(w, { type: 'runContainer', appId: 'py', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[id]!.state === 'crashed')
    const f = diagnose(w, id).find((x) => x.key === 'package')!
    expect(f.technical).toMatch(/image web:1\.0 does not contain python@3\.12/)
    expect(f.technical).toMatch(/the node's own python@3\.12 is invisible to it/)
  })

  test('an image pull in progress: layers missing on this node, MiB and seconds; runtime always explained', () => {
    const w = smallStreet()
    const id = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(w, (x) => x.containers[id]!.state === 'pulling')
    const f = diagnose(w, id).find((x) => x.key === 'pull')!
    expect(f.technical).toMatch(/1 of 1 layers missing on this node \(200 MiB\), ~2 s left at 100 MiB\/s/)
    expect(diagnose(w, id).find((x) => x.key === 'runtime')!.technical).toMatch(/^runc: namespaces \+ cgroups/)
  })

  test('a room on a swapping house is told why it is slow', () => {
    const w = createWorld(1)
    must(w, { type: 'addHost', name: '1', cores: 8, memMiB: 8192, costPerHour: 1, memOvercommit: 2 })
    must(w, { type: 'addImage', id: 'web', ref: 'web:1.0', sizeMiB: 200 })
    must(w, { type: 'addApp', id: 'web', name: 'web', imageId: 'web', cpuRequestMilli: 100, memRequestMiB: 512, rps: 0, capacityRps: 10 })
    const vms = [0, 1].map(() => must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 6144 })!)
    stepUntil(w, (x) => vms.every((v) => x.vms[v]!.state === 'running'))
    const rooms = vms.map((v) => openRoom(w, 'web', { kind: 'vm', vmId: v }))
    for (const r of rooms) must(w, { type: 'leakMemory', containerId: r, mibPerS: 500 })
    stepUntil(w, (x) => x.hosts.h1!.swapping, 30_000)
    const running = rooms.find((r) => w.containers[r]!.state === 'running')!
    const f = diagnose(w, running).find((x) => x.key === 'swap')!
    expect(f.technical).toMatch(/swapping \(memory overcommit 2:1/)
  })
})

describe('controls', () => {
  test('a limit field: empty is no limit, a positive number is rounded, anything else is refused', () => {
    expect(parseLimit('')).toBeNull()
    expect(parseLimit(' 640 ')).toBe(640)
    expect(parseLimit('0')).toBe('bad')
    expect(parseLimit('abc')).toBe('bad')
  })

  test('W opens the workshop and the keys list says so', () => {
    expect(keyAction({ key: 'w' })).toBe('workshop')
    expect(keyAction({ key: 'W' })).toBe('workshop')
    expect(keyAction({ key: 'w', ctrlKey: true })).toBeNull()
    expect(KEY_HELP.some((k) => k.action === 'workshop' && k.keys === 'W')).toBe(true)
  })
})
