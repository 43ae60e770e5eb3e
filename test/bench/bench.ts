/**
 * Simulation benchmark: step time, scheduling rate and heap at the three street sizes
 * (S 10 houses/100 rooms, M 500/15,000, L 5,000/150,000 — Kubernetes' published cluster limits).
 *
 *   npm run bench              a table
 *   npm run bench -- --json    one JSON line
 *   npm run bench -- --sizes S,M --steps 30
 *   npm run bench -- --growth 1000,10000 --no-outage     (defaults: 1k, 10k, 50k, 100k, 150k pods; the outage at L)
 *
 * Besides the three sizes it reports how cost grows with the pods (step time and scheduling rate at
 * 1k … 150k pods, one house per 30 pods as at L) and a zone outage at L: a street of 5,000 houses in
 * two zones, zone a (2,500 houses) burns at once; steps are timed while the control plane notices
 * and evicts (in classroom time, delay scale 0.1, so the evictions start within the minute timed).
 *
 * Deterministic in what it builds: buildScaleWorld with its fixed seed. Only the timings vary.
 * Run with `node --expose-gc` (the npm script does) so heap figures are taken after a full GC.
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { apply, buildScaleWorld, SCALE_SIZES, settle, step, STEP_MS } from '../../src/sim'
import type { ScaleSize, World } from '../../src/sim'

interface SizeResult {
  size: ScaleSize['name']
  hosts: number
  pods: number
  /** Steady-state step time after settle, ms. */
  stepMs: { median: number; min: number; max: number; p90: number; samples: number }
  /** Pods bound per second of wall time, scheduling every pending pod of a fresh street. */
  scheduling: { podsBound: number; steps: number; ms: number; cpuMs: number; podsPerSec: number }
  /** Step time while many pods fit nowhere (they stay pending, waiting in the unschedulable queue), ms. */
  stuck: { pending: number; stepMedianMs: number }
  /** Time to run `settle` (scheduling + start-up until every room runs), ms. */
  settleMs: number
  running: number
  heapUsedMiB: number
  rssMiB: number
}

const argv = process.argv.slice(2)
const json = argv.includes('--json')
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}
const sizes = (opt('sizes') ?? 'S,M,L').split(',').map((s) => s.trim().toUpperCase()) as ScaleSize['name'][]
const growthPods = (opt('growth') ?? '1000,10000,50000,100000,150000')
  .split(',')
  .map(Number)
  .filter((x) => x > 0)
const outage = !argv.includes('--no-outage')
const steadySteps = Number(opt('steps') ?? 30)
const gc = (globalThis as { gc?: () => void }).gc

const MiB = 1024 * 1024
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d

function pendingCount(world: World): number {
  let n = 0
  for (const id in world.containers) if (world.containers[id]!.placement === null) n++
  return n
}

function runningCount(world: World): number {
  let n = 0
  for (const id in world.containers) if (world.containers[id]!.state === 'running') n++
  return n
}

function countState(world: World, state: string): number {
  let n = 0
  for (const id in world.containers) if (world.containers[id]!.state === state) n++
  return n
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))
  return sorted[i]!
}

/** Scheduling rate: from a fresh street, time the steps until every pod is bound (stats.podsScheduled = pods). */
function measureScheduling(hosts: number, pods: number): SizeResult['scheduling'] {
  const world = buildScaleWorld(hosts, pods)
  const before = world.stats.podsScheduled
  let ms = 0
  let steps = 0
  const cpu0 = process.cpuUsage()
  // The replica-set controller creates pods and the scheduler binds them; step until all are bound.
  for (; steps < 600; steps++) {
    const t0 = performance.now()
    step(world, STEP_MS)
    ms += performance.now() - t0
    if (world.stats.podsScheduled - before >= pods) {
      steps++
      break
    }
  }
  const cpu = process.cpuUsage(cpu0)
  const podsBound = world.stats.podsScheduled - before
  return { podsBound, steps, ms: round(ms), cpuMs: round((cpu.user + cpu.system) / 1000), podsPerSec: Math.round(podsBound / (ms / 1000)) }
}

/**
 * Add an app whose pods no house can take (more CPU than any house has) and time the steps
 * after: they wait in the unschedulable queue, as in kube-scheduler, until a cluster event could let them fit.
 */
function measureStuck(world: World, replicas: number): SizeResult['stuck'] {
  apply(world, {
    type: 'addApp',
    id: 'stuck',
    name: 'stuck',
    imageId: 'web',
    cpuRequestMilli: 1_000_000,
    memRequestMiB: 128,
    rps: 0,
    capacityRps: 1,
    replicas,
    managed: true,
  })
  for (let i = 0; i < 3; i++) step(world, STEP_MS)
  const t: number[] = []
  for (let i = 0; i < 10; i++) {
    const s0 = performance.now()
    step(world, STEP_MS)
    t.push(performance.now() - s0)
  }
  t.sort((a, b) => a - b)
  return { pending: pendingCount(world), stepMedianMs: round(quantile(t, 0.5), 3) }
}

function benchSize(name: ScaleSize['name']): SizeResult {
  const { hosts, pods } = SCALE_SIZES[name]
  const scheduling = measureScheduling(hosts, pods)
  gc?.()

  const t0 = performance.now()
  const world = settle(buildScaleWorld(hosts, pods))
  const settleMs = performance.now() - t0
  // A few warm-up steps so the JIT has seen the steady-state paths.
  for (let i = 0; i < 5; i++) step(world, STEP_MS)
  gc?.()
  const mem = process.memoryUsage()

  const samples: number[] = []
  for (let i = 0; i < steadySteps; i++) {
    const s0 = performance.now()
    step(world, STEP_MS)
    samples.push(performance.now() - s0)
  }
  samples.sort((a, b) => a - b)
  const running = runningCount(world)
  const stuck = measureStuck(world, Math.max(10, Math.round(pods / 30)))
  const result: SizeResult = {
    size: name,
    hosts,
    pods,
    stepMs: {
      median: round(quantile(samples, 0.5), 3),
      min: round(samples[0] ?? NaN, 3),
      max: round(samples[samples.length - 1] ?? NaN, 3),
      p90: round(quantile(samples, 0.9), 3),
      samples: samples.length,
    },
    scheduling,
    stuck,
    settleMs: round(settleMs, 1),
    running,
    heapUsedMiB: round(mem.heapUsed / MiB, 1),
    rssMiB: round(mem.rss / MiB, 1),
  }
  if (pendingCount(world) > 0 && !json) console.warn(`  warning: ${pendingCount(world)} pods still pending at ${name}`)
  return result
}

interface GrowthRow {
  pods: number
  hosts: number
  stepMedianMs: number
  podsPerSec: number
  schedulingMs: number
  /** CPU time of the process over the same steps (on a shared machine, wall time includes waiting for a core). */
  schedulingCpuMs: number
}

/** Step time and scheduling rate at a given number of pods (one house per 30 pods, as at L). */
function growthRow(pods: number): GrowthRow {
  const hosts = Math.max(1, Math.round(pods / 30))
  const scheduling = measureScheduling(hosts, pods)
  gc?.()
  const world = settle(buildScaleWorld(hosts, pods))
  for (let i = 0; i < 5; i++) step(world, STEP_MS)
  const samples: number[] = []
  for (let i = 0; i < 20; i++) {
    const s0 = performance.now()
    step(world, STEP_MS)
    samples.push(performance.now() - s0)
  }
  samples.sort((a, b) => a - b)
  gc?.()
  return {
    pods,
    hosts,
    stepMedianMs: round(quantile(samples, 0.5), 3),
    podsPerSec: scheduling.podsPerSec,
    schedulingMs: scheduling.ms,
    schedulingCpuMs: scheduling.cpuMs,
  }
}

interface OutageResult {
  hosts: number
  failed: number
  /** The failZone command itself, ms. */
  commandMs: number
  steps: number
  stepMs: { median: number; p99: number; max: number }
  /** The step where the control plane notices all the houses at once (grace period), ms. */
  noticeStepMs: number
  evicted: number
  rescheduled: number
}

/** L street in two zones; zone a (2,500 houses) burns at once; a minute of classroom time is timed. */
function measureOutage(): OutageResult {
  const { hosts, pods } = SCALE_SIZES.L
  const world = settle(buildScaleWorld(hosts, pods, 1, 2))
  apply(world, { type: 'setDelayScale', scale: 0.1 })
  for (let i = 0; i < 5; i++) step(world, STEP_MS)
  const scheduledBefore = world.stats.podsScheduled
  const failed = Object.values(world.hosts).filter((h) => h.zone === 'a').length
  gc?.()
  const c0 = performance.now()
  apply(world, { type: 'failZone', zone: 'a' })
  const commandMs = performance.now() - c0
  const lostAtFire = countState(world, 'lost')
  const times: number[] = []
  let noticeStepMs = NaN
  for (let i = 0; i < 600; i++) {
    const wasReady = world.hosts[Object.keys(world.hosts)[0]!]!.condition === 'Ready'
    const s0 = performance.now()
    step(world, STEP_MS)
    const ms = performance.now() - s0
    times.push(ms)
    if (wasReady && world.hosts[Object.keys(world.hosts)[0]!]!.condition !== 'Ready') noticeStepMs = ms
  }
  const sorted = [...times].sort((a, b) => a - b)
  return {
    hosts,
    failed,
    commandMs: round(commandMs, 1),
    steps: times.length,
    stepMs: { median: round(quantile(sorted, 0.5), 3), p99: round(quantile(sorted, 0.99), 3), max: round(sorted.at(-1)!, 3) },
    noticeStepMs: round(noticeStepMs, 3),
    evicted: lostAtFire - countState(world, 'lost'),
    rescheduled: world.stats.podsScheduled - scheduledBefore,
  }
}

const results: SizeResult[] = []
for (const name of sizes) {
  if (!(name in SCALE_SIZES)) throw new Error(`unknown size ${name} (use S, M, L)`)
  results.push(benchSize(name))
}

const growth: GrowthRow[] = []
for (const pods of growthPods) {
  const l = results.find((r) => r.pods === pods)
  if (l && l.hosts === Math.round(pods / 30)) {
    growth.push({
      pods,
      hosts: l.hosts,
      stepMedianMs: l.stepMs.median,
      podsPerSec: l.scheduling.podsPerSec,
      schedulingMs: l.scheduling.ms,
      schedulingCpuMs: l.scheduling.cpuMs,
    })
  } else growth.push(growthRow(pods))
}
const outageResult = outage ? measureOutage() : null

const BAR_L_STEP_MS = 50
const lStep = results.find((r) => r.size === 'L')?.stepMs.median
const bar = lStep === undefined ? null : { lStepMedianMs: lStep, limitMs: BAR_L_STEP_MS, ok: lStep < BAR_L_STEP_MS }

if (json) {
  console.log(
    JSON.stringify({
      node: process.version,
      date: new Date().toISOString(),
      steadySteps,
      stepMsOfWorldTime: STEP_MS,
      results,
      growth,
      outage: outageResult,
      bar,
    }),
  )
} else {
  console.log(
    `House of Pods simulation benchmark — node ${process.version}, ${steadySteps} steady steps of ${STEP_MS} ms world time` +
      `${gc ? '' : ' (no --expose-gc: heap figures include garbage)'}; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
  )
  console.log('')
  const head = [
    'size',
    'hosts',
    'pods',
    'running',
    'step median',
    'min',
    'max',
    'p90',
    'sched pods/s',
    'sched steps',
    'stuck pods',
    'stuck step',
    'settle ms',
    'heap MiB',
    'rss MiB',
  ]
  const rows = results.map((r) => [
    r.size,
    String(r.hosts),
    String(r.pods),
    String(r.running),
    `${r.stepMs.median} ms`,
    `${r.stepMs.min}`,
    `${r.stepMs.max}`,
    `${r.stepMs.p90}`,
    r.scheduling.podsPerSec.toLocaleString('en-US'),
    String(r.scheduling.steps),
    String(r.stuck.pending),
    `${r.stuck.stepMedianMs} ms`,
    String(r.settleMs),
    String(r.heapUsedMiB),
    String(r.rssMiB),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ')
  console.log(fmt(head))
  for (const row of rows) console.log(fmt(row))
  if (growth.length) {
    console.log('\nHow cost grows (one house per 30 pods):')
    const gHead = ['pods', 'hosts', 'step median', 'sched pods/s', 'sched all ms', 'cpu ms']
    const gRows = growth.map((g) => [
      g.pods.toLocaleString('en-US'),
      g.hosts.toLocaleString('en-US'),
      `${g.stepMedianMs} ms`,
      g.podsPerSec.toLocaleString('en-US'),
      String(g.schedulingMs),
      String(g.schedulingCpuMs),
    ])
    const gw = gHead.map((h, i) => Math.max(h.length, ...gRows.map((row) => row[i]!.length)))
    const gfmt = (cells: string[]) => cells.map((c, i) => c.padStart(gw[i]!)).join('  ')
    console.log(gfmt(gHead))
    for (const row of gRows) console.log(gfmt(row))
  }
  if (outageResult) {
    const o = outageResult
    console.log(
      `\nZone outage at L: ${o.failed} of ${o.hosts} houses burn at once (failZone ${o.commandMs} ms); ${o.steps} steps timed: ` +
        `median ${o.stepMs.median} ms, p99 ${o.stepMs.p99} ms, max ${o.stepMs.max} ms; ` +
        `the step the control plane notices them: ${o.noticeStepMs} ms; ${o.evicted} pods evicted, ${o.rescheduled} placed again.`,
    )
  }
  if (bar) console.log(`\nbar: L step median ${bar.lStepMedianMs} ms < ${bar.limitMs} ms — ${bar.ok ? 'OK' : 'OVER'}`)
}
