import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { initialProgress, parseLevel, startLevel, updateProgress } from '../../src/levels'
import type { Level, LevelProgress } from '../../src/levels'
import { apply, hashWorld, measureLab, step, STEP_MS, eventText } from '../../src/sim'
import type { Command, World } from '../../src/sim'
import { levelCards } from '../../src/ui/levelList'
import { sortLevels } from '../../src/levels'

const dir = join(__dirname, '../../levels')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()

function load(file: string): Level {
  const r = parseLevel(`levels/${file}`, readFileSync(join(dir, file), 'utf8'))
  if (!r.ok) throw new Error(r.error)
  return r.level
}

/** Play a level headless: apply the timed commands when due, step until the outcome. */
function play(level: Level, commands: { atMs: number; command: Command }[]): { world: World; progress: LevelProgress } {
  const world = startLevel(level)
  let progress = initialProgress()
  const queue = [...commands].sort((a, b) => a.atMs - b.atMs)
  while (progress.outcome === 'playing') {
    while (queue.length && queue[0]!.atMs <= world.timeMs) {
      const r = apply(world, queue.shift()!.command)
      if (!r.ok) throw new Error(`solution step rejected: ${r.technical}`)
    }
    step(world, STEP_MS)
    progress = updateProgress(level, world, progress)
  }
  return { world, progress }
}

describe.each(files)('level %s', (file) => {
  const level = load(file)

  test('its reference solution wins', () => {
    const { progress } = play(level, level.solution)
    expect(progress.outcome).toBe('won')
    expect(progress.stars).toBeGreaterThanOrEqual(1)
  })

  test('doing nothing loses', () => {
    expect(play(level, []).progress.outcome).toBe('lost')
  })

  test('its solution only uses actions from its palette', () => {
    for (const s of level.solution) expect(level.palette).toContain(s.command.type)
  })

  test('replaying the solution gives the same world', () => {
    expect(hashWorld(play(level, level.solution).world)).toBe(hashWorld(play(level, level.solution).world))
  })

  test('it has a takeaway card that quotes the concept text', () => {
    expect(level.takeaway.text.length).toBeGreaterThan(80)
    expect(level.takeaway.seedLine.length).toBeGreaterThan(5)
  })
})

describe('what the levels teach', () => {
  test('level 1: after the shop crashes, the blog and the chat keep serving every visitor', () => {
    const level = load('01-one-house.json')
    // The rooms opened at the start, nothing after the crash (the solution reopens the shop at 0:31 for the third star).
    const { world } = play(
      level,
      level.solution.filter((s) => s.atMs < 30_000),
    )
    expect(Object.values(world.containers).find((c) => c.appId === 'shop')!.state).toBe('crashed')
    expect(world.apps.blog!.dropped).toBe(0)
    expect(world.apps.chat!.dropped).toBe(0)
  })

  test('level 1: a fourth room does not fit the house, and the game says why', () => {
    const level = load('01-one-house.json')
    const world = startLevel(level)
    for (const s of level.solution) apply(world, s.command)
    const r = apply(world, { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.metaphor).toMatch(/House 1 has 1\.\d GiB of space free; this room needs 2 GiB/)
  })

  test('level 2: the Windows app is refused by the Linux house', () => {
    const level = load('02-apartments.json')
    const world = startLevel(level)
    const r = apply(world, { type: 'runContainer', appId: 'ledger', target: { kind: 'host', hostId: 'h1' } })
    expect(r.ok).toBe(false)
  })

  test('level 3: the manager with only three replicas is not enough; the spare fourth is', () => {
    const level = load('03-manager.json')
    const hireOnly = play(level, [{ atMs: 0, command: { type: 'setManaged', appId: 'shop', managed: true } }])
    expect(hireOnly.progress.outcome).toBe('lost')
    expect(hireOnly.world.apps.shop!.dropped).toBeGreaterThan(0)
    const withSpare = play(level, level.solution)
    expect(withSpare.world.apps.shop!.dropped).toBe(0)
  })
})

describe('what the manager levels teach', () => {
  test('level 4: a fixed big room count serves everyone but never scales back down, so it loses', () => {
    const level = load('04-rush-hour.json')
    const fixed = play(level, [{ atMs: 0, command: { type: 'setReplicas', appId: 'shop', replicas: 12 } }])
    expect(fixed.world.apps.shop!.dropped).toBe(0)
    expect(fixed.progress.outcome).toBe('lost')
    const auto = play(level, level.solution)
    expect(auto.world.apps.shop!.replicas).toBe(2)
  })

  test('level 5: rolling out with no spare room turns visitors away; scaling up first does not', () => {
    const level = load('05-new-furniture.json')
    const naive = play(level, [{ atMs: 20_000, command: { type: 'setImage', appId: 'shop', imageId: 'shop-2' } }])
    expect(naive.world.apps.shop!.dropped).toBeGreaterThan(0)
    expect(naive.progress.outcome).toBe('lost')
    expect(play(level, level.solution).world.apps.shop!.dropped).toBe(0)
  })

  test('level 6: a drain without a disruption budget empties the house at once and drops visitors', () => {
    const level = load('06-moving-day.json')
    const naive = play(level, [{ atMs: 20_000, command: { type: 'drain', hostId: 'h1' } }])
    expect(naive.world.apps.shop!.dropped).toBeGreaterThan(0)
    expect(naive.progress.outcome).toBe('lost')
    expect(play(level, level.solution).world.apps.shop!.dropped).toBe(0)
  })
})

describe('what the container and lab levels teach', () => {
  test("level 7: the shop installs on the developer's house 1 but not on house 2, and the refusal names what is missing", () => {
    const level = load('07-works-on-my-machine.json')
    const world = startLevel(level)
    expect(apply(world, { type: 'installApp', appId: 'shop', target: { kind: 'host', hostId: 'h1' } }).ok).toBe(true)
    const r = apply(world, { type: 'installApp', appId: 'shop', target: { kind: 'host', hostId: 'h2' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.metaphor).toMatch(/needs python 3\.12, this house has 3\.11/)
  })

  test('level 7: a room with the bare code kit fails for want of Python; the packed kit runs on both houses', () => {
    const level = load('07-works-on-my-machine.json')
    const bare = play(level, [
      { atMs: 0, command: { type: 'installApp', appId: 'shop', target: { kind: 'host', hostId: 'h1' } } },
      { atMs: 0, command: { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h1' } } },
      { atMs: 0, command: { type: 'runContainer', appId: 'shop', target: { kind: 'host', hostId: 'h2' } } },
    ])
    expect(bare.progress.outcome).toBe('lost')
    expect(Object.values(bare.world.containers).every((c) => c.state !== 'running')).toBe(true)
    expect(bare.world.events.some((e) => /the kit lacks python@3\.12/.test(eventText(e, 'metaphor')))).toBe(true)
    const { world } = play(level, level.solution)
    const hosts = Object.values(world.containers)
      .filter((c) => c.state === 'running')
      .map((c) => (c.placement?.kind === 'host' ? c.placement.hostId : ''))
    expect(new Set(hosts)).toEqual(new Set(['h1', 'h2']))
  })

  test("level 7: the colleague's scripted install on house 2 fails in the log with the reason", () => {
    const level = load('07-works-on-my-machine.json')
    const { world } = play(level, [])
    expect(world.events.some((e) => /it needs python 3\.12, this house has 3\.11/.test(eventText(e, 'metaphor')))).toBe(true)
  })

  test('level 8: running the lab without breaking anything is not enough; measured, the rooms start faster and lighter', () => {
    const level = load('08-vm-vs-container.json')
    const runOnly = play(
      level,
      level.solution.filter((s) => s.atMs === 0),
    )
    expect(runOnly.progress.outcome).toBe('lost')
    const { world, progress } = play(level, level.solution)
    expect(progress.outcome).toBe('won')
    const lab = level.objectives[0]!.check
    if (lab.kind !== 'labAllRunning') throw new Error('the first objective of level 8 is the lab')
    const m = measureLab(world, lab.lab)
    expect(m.vm.crashReach).toBe(1)
    expect(m.container.crashReach).toBe(5)
    expect(m.vm.breachReach).toBe(1)
  })

  test('level 8: a lab of 20 earns all three stars, one of 5 only the first', () => {
    const level = load('08-vm-vs-container.json')
    const base = play(level, level.solution)
    expect(base.progress.stars).toBe(1)
    // The same moves with 20 of each: ids follow the sim's counter (two houses first, then each VM and its room).
    const big: { atMs: number; command: Command }[] = []
    let next = 3
    const vmRooms: string[] = []
    const rooms: string[] = []
    let firstVm = ''
    for (let i = 0; i < 20; i++) {
      const vmId = `vm${next++}`
      firstVm ||= vmId
      big.push({ atMs: 0, command: { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 1, memMiB: 1024 } })
      big.push({ atMs: 0, command: { type: 'runContainer', appId: 'lab-vm-app', target: { kind: 'vm', vmId } } })
      vmRooms.push(`c${next++}`)
    }
    for (let i = 0; i < 20; i++) {
      big.push({ atMs: 0, command: { type: 'runContainer', appId: 'lab-room-app', target: { kind: 'host', hostId: 'h2' } } })
      rooms.push(`c${next++}`)
    }
    big.push({ atMs: 80_000, command: { type: 'breachContainer', containerId: vmRooms[0]! } })
    big.push({ atMs: 80_000, command: { type: 'breachContainer', containerId: rooms[0]! } })
    big.push({ atMs: 90_000, command: { type: 'crashVm', vmId: firstVm } })
    big.push({ atMs: 90_000, command: { type: 'failHost', hostId: 'h2' } })
    const r = play(level, big)
    expect(r.progress.outcome).toBe('won')
    expect(r.progress.stars).toBe(3)
  })

  test('with the new levels in the middle, each unlocks after the one before it, and a level already completed stays open', () => {
    const loads = sortLevels(files.map((f) => parseLevel(`levels/${f}`, readFileSync(join(dir, f), 'utf8'))))
    const done = { stars: 1, completed: true }
    const after02 = levelCards(loads, { '01-one-house': done, '02-apartments': done })
    const byId = (cards: ReturnType<typeof levelCards>, id: string) => cards.find((c) => c.load.ok && c.load.level.id === id)!
    expect(byId(after02, '07-works-on-my-machine').locked).toBe(false)
    expect(byId(after02, '08-vm-vs-container').locked).toBe(true)
    expect(byId(after02, '08-vm-vs-container').why).toBe('Finish “Works on my machine” to unlock.')
    // A player who finished the manager level before the campaign grew keeps it open.
    const older = levelCards(loads, { '01-one-house': done, '02-apartments': done, '03-manager': done })
    expect(byId(older, '03-manager').locked).toBe(false)
    expect(byId(older, '04-rush-hour').locked).toBe(false)
  })

  test('the campaign follows the concept text: one server, apartments, rooms, VM vs container, then the manager', () => {
    const order = files
      .map(load)
      .sort((a, b) => a.order - b.order)
      .map((l) => l.id)
    expect(order.slice(0, 5)).toEqual(['01-one-house', '02-apartments', '07-works-on-my-machine', '08-vm-vs-container', '03-manager'])
    expect(new Set(files.map((f) => load(f).order)).size).toBe(files.length)
  })
})

describe('a broken level file', () => {
  const good = readFileSync(join(dir, '03-manager.json'), 'utf8')

  test('names the file and the field that is wrong', () => {
    const broken = JSON.parse(good)
    broken.objectives[1].check.min = 5
    const r = parseLevel('levels/99-broken.json', JSON.stringify(broken))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^levels\/99-broken\.json: objectives\[1\]\.check\.min: .*1/)
  })

  test('that is not JSON says so', () => {
    const r = parseLevel('levels/x.json', '{ "id": ')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^levels\/x\.json: not valid JSON/)
  })

  test('whose setup the simulation refuses names the setup step', () => {
    const broken = JSON.parse(good)
    broken.setup[4].target.hostId = 'h42'
    const r = parseLevel('levels/y.json', JSON.stringify(broken))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toBe('levels/y.json: setup[4] (runContainer): target not found')
  })

  test('with an unknown action in its palette is refused', () => {
    const broken = JSON.parse(good)
    broken.palette.push('launchMissiles')
    const r = parseLevel('levels/z.json', JSON.stringify(broken))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/palette/)
  })
})
