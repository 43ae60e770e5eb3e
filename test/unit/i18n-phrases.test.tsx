/**
 * What used to stay English with ?lang=es: the inspector's rows, the lab table's cells, the link banner's expected
 * values and fallbacks, and the English fragments the simulation writes inside a message or a room's reason (a
 * crash's cause, a probe's why). Each now reads in Spanish once the pack is loaded, with no English left where the
 * English words were; English reads exactly as before.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { CATALOGUE, nodeConditionText, renderMessage, step } from '../../src/sim'
import type { World } from '../../src/sim'
import { parseUrlSettings } from '../../src/state/url'
import { describe as inspect } from '../../src/ui/Inspector'
import { INSPECTOR_EN } from '../../src/ui/inspectorText'
import { INSPECTOR_ES } from '../../src/ui/i18n/inspector-es'
import { LAB_ES } from '../../src/ui/i18n/lab-es'
import { URL_ES } from '../../src/ui/i18n/url-es'
import { phrasesIn } from '../../src/ui/i18n/phrases'
import { register } from '../../src/ui/i18n/pack-es'
import { LAB_EN } from '../../src/ui/lab/labText'
import type { LabText } from '../../src/ui/lab/labText'
import { fragmentEs, ES } from '../../src/sim/messages/es'
import { oomKill } from '../../src/sim/oom'
import { tagsOf } from '../../src/scene/EventMarks'
import { layoutWorld } from '../../src/scene/layout'
import { TAGS_EN } from '../../src/scene/tagWords'
import type { TagWords } from '../../src/scene/tagWords'
import { TAGS_ES } from '../../src/ui/i18n/tags-es'
import { diagnose } from '../../src/ui/machines/diagnosis'
import { DIAGNOSIS_ES } from '../../src/ui/i18n/diagnosis-es'
import { containersOf, must, playedLevels, smallStreet, stepUntil } from './helpers'

register()

/** A street where most things go wrong: crashes, an OOM kill, a hung room its probes catch, a breach, a house fire. */
function troubledStreet(): { w: World; reasons: Set<string> } {
  const w = smallStreet(7, 3)
  must(w, { type: 'addVm', hostId: 'h2', os: 'linux', vcpus: 2, memMiB: 2048, name: 'A' })
  must(w, { type: 'setReplicas', appId: 'web', replicas: 6 })
  must(w, { type: 'setManaged', appId: 'web', managed: true })
  const probe = { initialDelaySeconds: 0, periodSeconds: 2, failureThreshold: 2, successThreshold: 1 }
  must(w, { type: 'setProbes', appId: 'web', readiness: probe, liveness: probe })
  stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === 6)
  const reasons = new Set<string>()
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += 500) {
      step(w, 500)
      for (const c of Object.values(w.containers)) if (c.reason) reasons.add(c.reason)
    }
  }
  const running = () => containersOf(w, 'web').filter((c) => c.state === 'running')
  must(w, { type: 'crashContainer', containerId: running()[0]!.id })
  run(3_000)
  must(w, { type: 'hangContainer', containerId: running()[0]!.id, hung: true })
  run(20_000)
  must(w, { type: 'setLimits', appId: 'web', cpuLimitMilli: null, memLimitMiB: 768 })
  run(20_000)
  must(w, { type: 'leakMemory', containerId: running()[0]!.id, mibPerS: 200 })
  run(10_000)
  must(w, { type: 'breachContainer', containerId: running()[0]!.id })
  must(w, { type: 'failHost', hostId: 'h1' })
  run(120_000)
  // More rooms than the street holds: the manager finds no place for some.
  must(w, { type: 'setReplicas', appId: 'web', replicas: 60 })
  run(5_000)
  // The apartment resized while lived in; a kernel's OOM killer picks a room (a VM's, then a house's).
  must(w, { type: 'resizeVm', vmId: Object.keys(w.vms)[0]!, vcpus: 2, memMiB: 3072 })
  for (const kernel of ['VM A', 'host 2']) {
    const victim = running()[0]!
    oomKill(w, victim, kernel)
    reasons.add(victim.reason)
  }
  run(2_000)
  return { w, reasons }
}

const { w: troubled, reasons } = troubledStreet()
// Played once, before the tests (a loaded machine takes seconds to play every level).
const campaign = playedLevels().flatMap((w) => w.events)

/** Three words in a row: a sentence the simulation wrote, not a name or a value. */
const SENTENCE = /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/
/** Words that only English has (Spanish has none of them; kubelet's state names are taken out before looking). */
const ENGLISH =
  /\b(the|of|and|its|with|for|not|yet|running|waiting|reserved|rooms?|house|each|from|until|after|yes|was|this|that|what|how|many|one|left|kept|shared|by)\b/
const KEPT = /ContainerCreating \(pulling image\)|Unknown \(node lost\)/g

describe('English fragments inside the simulation’s messages', () => {
  test('the troubled street logs crashes, an OOM kill, probe failures, a breach and a lost node', () => {
    const ids = new Set(troubled.events.map((e) => e.id))
    for (const id of ['containers.crashed', 'probes.livenessFailed', 'breach.breached', 'scheduler.failedScheduling'])
      expect(ids, id).toContain(id)
    expect([...reasons].filter((r) => r.startsWith('OOMKilled')).length).toBeGreaterThanOrEqual(3)
    expect(ids).toContain('vmOps.resized')
    expect(reasons).toContain('its node went down')
  })

  test('no English fragment the simulation wrote stays inside a Spanish sentence (kubectl’s own lines aside)', () => {
    const es = ES as unknown as Record<string, readonly [unknown, unknown]>
    const left: string[] = []
    for (const e of [...troubled.events, ...campaign]) {
      for (const vocab of ['metaphor', 'technical'] as const) {
        if (vocab === 'technical' && es[e.id]?.[1] === 'kubectl') continue
        const text = renderMessage(e, vocab, 'es')
        for (const v of Object.values(e.params ?? {}))
          if (typeof v === 'string' && SENTENCE.test(v) && text.includes(v)) left.push(`${e.id} (${vocab}): "${v}"`)
      }
    }
    expect([...new Set(left)]).toEqual([])
  })

  test('a crash’s cause reads in Spanish; its English sentence is byte for byte what the catalogue always wrote', () => {
    const crash = troubled.events.find((e) => e.id === 'containers.crashed' && e.params?.metaphorWhy === 'the app inside failed')!
    expect(renderMessage(crash, 'metaphor', 'es')).toContain('la app de dentro falló')
    expect(renderMessage(crash, 'technical', 'es')).toContain('el proceso terminó con código 1')
    const en = CATALOGUE['containers.crashed'] as { metaphor: (p: unknown) => string }
    expect(renderMessage(crash, 'metaphor', 'en')).toBe(en.metaphor(crash.params))
    expect(renderMessage(crash, 'metaphor', 'en')).toContain('the app inside failed')
  })

  test('a place after "a" or "de" contracts as Spanish does ("al apartamento", never "a el apartamento")', () => {
    const pull = (where: string) =>
      renderMessage({ id: 'kubelet.pulling', params: { app: 'shop', where, crates: 2, cached: 0 } }, 'metaphor', 'es')
    expect(pull('apartment a1')).toContain('el kit de shop al apartamento a1:')
    expect(pull('house 1')).toContain('el kit de shop a la casa 1:')
    expect(pull('apartment a1')).not.toMatch(/\ba el apartamento/)
  })

  test('every room’s reason reads in Spanish, but what kubelet and the scheduler print themselves', () => {
    const own = /^(\d+\/\d+ nodes are available|CrashLoopBackOff: back-off)/
    const english = [...reasons].filter((r) => !own.test(r) && fragmentEs(r) === r)
    expect(english).toEqual([])
    for (const r of reasons) if (!own.test(r)) expect(fragmentEs(r), r).not.toMatch(ENGLISH)
    const backoff = [...reasons].find((r) => r.startsWith('CrashLoopBackOff') && r.includes('last termination'))
    if (backoff) expect(fragmentEs(backoff)).toContain('última terminación')
  })
})

/** The inspector's rows for a selection, as text: "label: value" a line. */
function rows(w: World, sel: Parameters<typeof inspect>[1], lang: 'en' | 'es'): string[] {
  const d = inspect(w, sel, phrasesIn(lang, 'inspector', INSPECTOR_EN), lang)!
  return d.rows.map(
    ([k, v]) =>
      `${k}: ${renderToStaticMarkup(<>{v}</>)
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, '&')}`,
  )
}

describe('the inspector’s rows', () => {
  const w = smallStreet(3, 2)
  must(w, { type: 'addVm', hostId: 'h1', os: 'linux', vcpus: 2, memMiB: 2048, name: 'A' })
  const room = must(w, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h2' } })!
  step(w, 300)
  const sels = [
    { kind: 'host', id: 'h1' },
    { kind: 'vm', id: Object.keys(w.vms)[0]! },
    { kind: 'container', id: room },
    { kind: 'app', id: 'web' },
  ] as const

  test.each(sels)('a $kind reads in Spanish: every row name changes and no English sentence is left', (sel) => {
    const es = rows(w, sel, 'es')
    const en = rows(w, sel, 'en')
    expect(es.length).toBe(en.length)
    expect(es.length).toBeGreaterThan(3)
    const sameName = es.filter((r, i) => r.split(':')[0] === en[i]!.split(':')[0] && !['Kernel', 'vCPUs / RAM'].includes(r.split(':')[0]!))
    expect(sameName).toEqual([])
    expect(es.filter((r) => ENGLISH.test(r.replace(KEPT, '')))).toEqual([])
    expect(en.join('\n')).toMatch(ENGLISH)
  })

  test('the business’s charts: every title and line name reads in Spanish', () => {
    const said = (v: unknown) => (typeof v === 'function' ? (v as (a: string) => string)('shop') : String(v))
    for (const [k, en] of Object.entries(INSPECTOR_EN.charts)) {
      const es = said(INSPECTOR_ES.charts[k as keyof typeof INSPECTOR_EN.charts])
      expect(es, k).not.toBe(said(en))
      expect(es, k).not.toMatch(ENGLISH)
    }
  })

  test('a lost node’s condition and a room’s reason read in Spanish; English stays nodeConditionText’s own words', () => {
    const lost = smallStreet(3, 2)
    const r = must(lost, { type: 'runContainer', appId: 'web', target: { kind: 'host', hostId: 'h1' } })!
    stepUntil(lost, (x) => x.containers[r]!.state === 'running')
    must(lost, { type: 'failHost', hostId: 'h1' })
    stepUntil(lost, (x) => x.hosts.h1!.condition === 'Unknown')
    const en = rows(lost, { kind: 'host', id: 'h1' }, 'en').join('\n')
    const es = rows(lost, { kind: 'host', id: 'h1' }, 'es').join('\n')
    const cond = nodeConditionText(lost, lost.hosts.h1!)
    expect(en).toContain(cond.metaphor)
    expect(es).toContain('No contesta')
    expect(es).not.toContain('Not answering')
    const roomRows = rows(lost, { kind: 'container', id: r }, 'es').join('\n')
    expect(roomRows).toContain('Por qué: su nodo se cayó')
  })
})

describe('the lab table’s cells', () => {
  // One call of each sentence, typed: a key added in English without a sample here fails to compile.
  type Args<F> = F extends (...a: infer A) => unknown ? A : null
  const SAMPLE: { [K in keyof LabText]: Args<LabText[K]> } = {
    kernelsLabel: [5, 'VMs', 1, 5, 'pods'],
    noVmToCrash: null,
    noRoomToBreach: null,
    vmKernels: [30, 24],
    sharedKernel: [1],
    raceLabel: ['VMs', 3, 'pods', 5, 5, '2.5'],
    raceLegend: ['pods', 'VMs'],
    fmt: [12345],
    secs: [2500],
    close: null,
    howMany: null,
    intro: [5],
    run: [5, true],
    runningInLevel: null,
    runningOf: [3, 5],
    allAfter: ['2 s'],
    paused: null,
    choose: null,
    feature: null,
    vmsHead: null,
    roomsHead: null,
    chart: null,
    source: null,
    concept: ['High'],
    waiting: null,
    row: null,
    concepts: null,
    osVm: [5],
    osRoom: [1, 5],
    speedSub: null,
    allRunning: [5, '2 s'],
    runningSoFar: [3, 5],
    memCores: ['1,024', '1.50'],
    memSoFar: ['512'],
    memoryHeld: null,
    isolationSub: null,
    notTriedYet: ['x'],
    reached: ['x', 1, 5],
    breachOne: null,
    crash: ['x'],
    oneOf: ['x'],
    odds: [3, 100, 'x'],
    measuring: [100, 20],
    roomsReached: null,
    crashBar: ['x'],
    breachBar: ['x'],
    notTried: null,
    scaleSub: ['x'],
    perHouse: ['9', 'x', 'y'],
    perHouseTitle: ['x'],
    foot: [
      { vmMem: '1 GiB', vcpus: 1, osMiB: 200, overheadMiB: 180, appMiB: 64, shimMiB: 5, cores: 8, houseMem: '16 GiB', reservedMiB: 1024 },
    ],
  }
  const said = (t: LabText, k: keyof LabText): string => {
    const v = t[k] as unknown
    const args = SAMPLE[k] as unknown[] | null
    return JSON.stringify(typeof v === 'function' ? (v as (...a: unknown[]) => unknown)(...(args ?? [])) : v)
  }

  test('every sentence, name and word of the lab table reads differently in Spanish', () => {
    const keys = Object.keys(LAB_EN) as (keyof LabText)[]
    expect(keys.filter((k) => said(LAB_ES, k) === said(LAB_EN, k))).toEqual([])
    for (const k of ['row', 'concepts'] as const)
      for (const [name, en] of Object.entries(LAB_EN[k])) expect((LAB_ES[k] as Record<string, string>)[name], name).not.toBe(en)
  })

  test('no English sentence is left in the Spanish cells', () => {
    const keys = Object.keys(LAB_EN) as (keyof LabText)[]
    expect(keys.filter((k) => ENGLISH.test(said(LAB_ES, k).replace(/system-reserved/g, '')))).toEqual([])
  })
})

describe('the link banner’s expected values and fallbacks', () => {
  const bad = parseUrlSettings(
    '?mode=x&lesson=X!&step=0&level=zz&unlock=maybe&paused=maybe&theme=x&scale=7&lang=fr&seed=-1&levels=zz' +
      '&timer=x&score=x&speed=9&labels=x&street=Q&lab=99',
    { levelIds: ['01-one-house'] },
  ).problems
  const parts = bad.flatMap((p) => {
    const m = /^URL setting (\S+) is not understood \((.*)\): using (.*)\.$/.exec(p)
    return m ? [m[2]!, m[3]!] : [p]
  })

  test('every bad setting is named, each with what it expects and what is used', () => {
    expect(bad.length).toBe(17)
    expect(parts.length).toBe(34)
  })

  test('every phrase in words reads in Spanish; lists of values a link carries keep their values', () => {
    const words = parts.filter((p) => /[a-z]{3,} [a-z]/i.test(p) || /^[A-Za-z]+$/.test(p))
    expect(words.length).toBeGreaterThan(15)
    expect(words.filter((p) => URL_ES.phrase(p) === p)).toEqual([])
    expect(URL_ES.phrase('standard, projector')).toBe('standard o projector')
    expect(URL_ES.phrase('1×')).toBe('1×')
  })
})

describe('the inspector’s diagnosis of a room', () => {
  test('what the kernel does to each room of a troubled street reads in Spanish; English stays as it was', () => {
    const w = smallStreet(5, 2)
    must(w, { type: 'setReplicas', appId: 'web', replicas: 4 })
    must(w, { type: 'setManaged', appId: 'web', managed: true })
    must(w, { type: 'setRuntime', appId: 'web', runtime: 'gvisor' })
    stepUntil(w, (x) => containersOf(x, 'web').filter((c) => c.state === 'running').length === 4)
    must(w, { type: 'setLimits', appId: 'web', cpuLimitMilli: 600, memLimitMiB: 768 })
    const [a, b, c] = containersOf(w, 'web').filter((x) => x.state === 'running')
    must(w, { type: 'hogCpu', containerId: a!.id, on: true })
    must(w, { type: 'leakMemory', containerId: b!.id, mibPerS: 60 })
    must(w, { type: 'hangContainer', containerId: c!.id, hung: true })
    must(w, { type: 'breachContainer', containerId: c!.id })
    const keys = new Set<string>()
    const left: string[] = []
    const look = (world: World) => {
      for (const id of Object.keys(world.containers)) {
        const en = diagnose(world, id)
        const es = diagnose(world, id, DIAGNOSIS_ES)
        expect(es.map((f) => f.key)).toEqual(en.map((f) => f.key))
        for (const f of es) {
          keys.add(f.key)
          for (const t of [f.metaphor, f.technical]) if (ENGLISH.test(t.replace(/CVE-\S+/g, ''))) left.push(`${f.key}: ${t}`)
        }
      }
    }
    look(troubled)
    for (let i = 0; i < 30; i++) {
      step(w, 500)
      look(w)
    }
    expect([...keys].sort()).toEqual(expect.arrayContaining(['breached', 'hog', 'hung', 'leak', 'limits', 'oom', 'runtime', 'throttled']))
    expect(left).toEqual([])
  })
})

describe('the street’s event tags', () => {
  test('a troubled street’s tags (a fire, crashes, a breach, rooms waiting) read in Spanish, with no English word left', () => {
    for (const vocab of ['metaphor', 'technical'] as const) {
      const es = tagsOf(troubled, layoutWorld(troubled), vocab, TAGS_ES).map((t) => t.text)
      const en = tagsOf(troubled, layoutWorld(troubled), vocab).map((t) => t.text)
      expect(es.length).toBeGreaterThan(2)
      expect(es.length).toBe(en.length)
      if (vocab === 'metaphor') expect(en.join('\n')).toMatch(ENGLISH)
      expect(es.filter((t) => ENGLISH.test(t.replace(/stop-and-copy/g, '')))).toEqual([])
    }
  })

  test('every tag of the Spanish table says something else than the English, in both vocabularies', () => {
    const sample = (f: unknown) => (typeof f === 'function' ? (f as (...a: unknown[]) => unknown)(2, 1, 'pre-copy') : f)
    const same: string[] = []
    for (const k of Object.keys(TAGS_EN) as (keyof TagWords)[]) {
      const en = sample(TAGS_EN[k]) as readonly [string, string]
      const es = sample(TAGS_ES[k]) as readonly [string, string]
      if (en[0] === es[0]) same.push(`${k} (metaphor)`)
      if (en[1] === es[1] && !/^(✖ Error|⏸ stop-and-copy|CrashLoopBackOff)/.test(en[1])) same.push(`${k} (technical)`)
      for (const t of es) expect(t.replace(/stop-and-copy/g, ''), k).not.toMatch(ENGLISH)
    }
    expect(same).toEqual([])
  })
})

test('the Spanish tables arrive with the pack: before it, the English ones', () => {
  expect(phrasesIn('es', 'inspector', INSPECTOR_EN)).toBe(INSPECTOR_ES)
  expect(phrasesIn('en', 'inspector', INSPECTOR_EN)).toBe(INSPECTOR_EN)
  expect(phrasesIn('es', 'lab', LAB_EN)).toBe(LAB_ES)
})
