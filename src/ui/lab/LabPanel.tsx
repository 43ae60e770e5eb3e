/**
 * The VM-vs-container lab: the concept text's comparison table, measured live by the simulation.
 * N apartments (one room each) boot on one house while N rooms open on an identical house; each
 * cell fills in as its measurement completes, each row has a chart and its sources.
 */
import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { CONTAINER_SHIM_MIB, formatMiB, GUEST_OS, HOST_SYSTEM_RESERVED_MIB, hypervisorOverheadMiB, LAB_SETUP, LAB_SOURCES } from '../../sim'
import type { LabRowName, LabSideMeasure } from '../../sim'
import { useGame } from '../../state'
import { requestHome, setViewInsets, viewInsets } from '../../scene/view'
import { useHud } from '../uiStore'
import { useWords } from '../useVocab'
import { BarsChart, KernelsChart, RaceChart } from './LabCharts'
import { breachOne, crashOneVm, crashSharedKernel, runInLevel } from './labActions'
import { askOdds, ODDS_RUNS, useLabOdds } from './labOdds'
import { useLab } from './labStore'
import type { LabView } from './labStore'
import { usePhrases } from '../i18n/phrases'
import { LAB_EN } from './labText'
import type { LabText } from './labText'

const SIZES = [5, 10, 20] as const

/**
 * The table and both lab houses together: while the lab is open the side drawer folds away, and
 * the camera frames the street in the part of the window the lab leaves open (the HUD measures the
 * panels every 300 ms; the lab tells the camera at once). The drawer comes back when the lab closes.
 */
function showBothHouses(panel: HTMLElement | null): () => void {
  const hud = useHud.getState()
  const mode = hud.mode
  const drawer = hud.drawers[mode]
  if (drawer) hud.openDrawer(null)
  const frame = () => {
    const r = panel?.getBoundingClientRect()
    if (r && r.width > 0) setViewInsets({ ...viewInsets, right: Math.max(0, window.innerWidth - r.left) })
    requestHome()
  }
  // After the drawer has folded (one frame), so nothing on the left is counted.
  const raf = requestAnimationFrame(frame)
  return () => {
    cancelAnimationFrame(raf)
    const now = useHud.getState()
    if (drawer && now.mode === mode && now.drawers[mode] === null) now.openDrawer(drawer)
  }
}
const S = LAB_SETUP
const overhead = hypervisorOverheadMiB(S.vm.memMiB, S.vm.vcpus)

function Cell({ testid, value, children, concept }: { testid: string; value: number | null; children: ReactNode; concept: string }) {
  const x = usePhrases('lab', LAB_EN)
  return (
    <td data-testid={testid} data-value={value ?? ''} data-state={value === null ? 'waiting' : 'measured'}>
      <span className="lab-value">
        <span aria-hidden="true">{value === null ? '… ' : '✓ '}</span>
        {children}
      </span>
      <small className="lab-concept">{x.concept(concept)}</small>
    </td>
  )
}

function RowHead({ name, sub }: { name: LabRowName; sub: string }) {
  const x = usePhrases('lab', LAB_EN)
  return (
    <th scope="row">
      {x.row[name]}
      <small className="lab-sub">{sub}</small>
      <details className="lab-source">
        <summary>{x.source}</summary>
        {LAB_SOURCES[name]}
      </details>
    </th>
  )
}

/** What every row of the lab table reads: the measured sides and the actions on them. */
interface LabTable {
  w: ReturnType<typeof useWords>
  /** A pair of this panel's own words, [house words, technical words], in the current vocabulary. */
  v: (pair: readonly [string, string]) => string
  x: LabText
  vm: LabSideMeasure | undefined
  rm: LabSideMeasure | undefined
  started: boolean
  size: number
  words: { vms: string; rooms: string; house: string }
  series: LabView['series']
  endMs: number
  allRan: (s?: LabSideMeasure) => boolean
  reach: (r: number | null, of: number, what: string) => string
  sides: LabView['sides']
  breach: (appId: string) => void
  crashVm: () => void
  crashRooms: () => void
  breachFirst: string
}

export function LabPanel() {
  const w = useWords()
  const x = usePhrases('lab', LAB_EN)
  const v = (pair: readonly [string, string]) => w(pair[0], pair[1])
  const { fmt, secs } = x
  const level = useGame((s) => s.level)
  const labN = useGame((s) => s.lab?.n ?? null)
  const paused = useGame((s) => s.paused)
  const { sides, measure, series, t0 } = useLab()
  // From the title menu the lab opens empty (n = 0): N starts at 5 until the player picks.
  const [n, setN] = useState<number>(labN || 5)
  const [note, setNote] = useState<string | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => prev?.focus?.()
  }, [])
  useEffect(() => showBothHouses(ref.current), [])

  const vm = measure?.vm
  const rm = measure?.container
  const started = !!vm && !!rm && vm.rooms + rm.rooms > 0
  const size = started ? Math.max(vm!.rooms, rm!.rooms) : n
  const words = { vms: w('apartments', 'VMs'), rooms: w('rooms', 'containers'), house: w('house', 'server') }
  // The odds over many seeded labs of this size are worked out in the background (a worker).
  useEffect(() => askOdds(size), [size])

  const run = () => {
    setNote(null)
    if (!level) {
      useGame.getState().startLab(n)
      return
    }
    if (!sides) return
    void runInLevel(sides, n).then((why) => {
      setNote(why)
      if (!why) useGame.getState().setPaused(false)
    })
  }

  const act = (why: Promise<string | null>) => void why.then(setNote)
  const crashVm = () => sides && act(crashOneVm(sides))
  const crashRooms = () => sides && act(crashSharedKernel(sides))
  const breach = (appId: string) => act(breachOne(appId))
  const allRan = (s?: LabSideMeasure) => !!s && s.allRunningMs !== null
  // A crashed kernel leaves no open room to break into, so the breach goes first.
  const breachFirst = w(
    'Break in first: after a crash no room is open to break into.',
    'Breach first: after a kernel crash no container runs to breach.',
  )

  const endMs = Math.max(5_000, vm?.allRunningMs ?? (t0 !== null && measure ? measure.timeMs - t0 : 0), rm?.allRunningMs ?? 0)
  const reach = (r: number | null, of: number, what: string) => (r === null ? x.notTriedYet(what) : x.reached(what, r, of))

  const view: LabTable = {
    w,
    v,
    x,
    vm,
    rm,
    started,
    size,
    words,
    series,
    endMs,
    allRan,
    reach,
    sides,
    breach,
    crashVm,
    crashRooms,
    breachFirst,
  }
  return (
    <div
      className="panel sheet lab-sheet"
      role="dialog"
      aria-label={w('Lab: apartments vs rooms', 'Lab: VMs vs containers')}
      data-testid="lab-panel"
      ref={ref}
    >
      <div className="panel-head">
        <h2>{w('The lab: apartments vs rooms', 'The lab: virtual machines vs containers')}</h2>
        <button type="button" data-testid="lab-close" onClick={() => useHud.getState().open(null)} aria-label={x.close}>
          ✕
        </button>
      </div>
      <p className="muted lab-intro">{v(x.intro(size))}</p>
      <div className="lab-controls" role="group" aria-label={x.howMany}>
        <span id="lab-n-label">N =</span>
        {SIZES.map((k) => (
          <button
            key={k}
            type="button"
            data-testid={`lab-n-${k}`}
            aria-pressed={n === k}
            aria-describedby="lab-n-label"
            onClick={() => setN(k)}
          >
            {k}
          </button>
        ))}
        <button type="button" className="primary" data-testid="lab-run" data-autofocus onClick={run} disabled={!!level && started}>
          ▶ {x.run(n, started && !level)}
        </button>
        {!level && <small className="muted">{w('Run builds a fresh lab street.', 'Run starts a fresh lab cluster.')}</small>}
        {level && started && <small className="muted">{x.runningInLevel}</small>}
      </div>
      <p className="lab-status" aria-live="polite" data-testid="lab-status">
        {started ? (
          <>
            {w('Apartments', 'VMs')}: {x.runningOf(vm!.running, vm!.rooms)}
            {allRan(vm) ? x.allAfter(secs(vm!.allRunningMs!)) : ''} · {w('Rooms', 'Containers')}: {x.runningOf(rm!.running, rm!.rooms)}
            {allRan(rm) ? x.allAfter(secs(rm!.allRunningMs!)) : ''}
            {paused && x.paused}
          </>
        ) : (
          x.choose
        )}
      </p>
      {note && (
        <p className="lab-note" role="alert" data-testid="lab-note">
          <span aria-hidden="true">⚠ </span>
          {note}
        </p>
      )}
      <table className="lab-table" data-testid="lab-table">
        <colgroup>
          <col className="lab-col-feature" />
          <col className="lab-col-side" />
          <col className="lab-col-side" />
          <col className="lab-col-chart" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{x.feature}</th>
            <th scope="col">{v(x.vmsHead)}</th>
            <th scope="col">{v(x.roomsHead)}</th>
            <th scope="col">{x.chart}</th>
          </tr>
        </thead>
        <tbody>
          <OsRow {...view} />
          <SpeedRow {...view} />
          <ResourcesRow {...view} />
          <IsolationRow {...view} />
          <ScalabilityRow {...view} />
        </tbody>
      </table>
      <p className="muted lab-foot">
        {v(
          x.foot({
            vmMem: formatMiB(S.vm.memMiB),
            vcpus: S.vm.vcpus,
            osMiB: GUEST_OS.linux.memMiB,
            overheadMiB: overhead,
            appMiB: S.app.memRequestMiB,
            shimMiB: CONTAINER_SHIM_MIB.value,
            cores: S.house.cores,
            houseMem: formatMiB(S.house.memMiB),
            reservedMiB: HOST_SYSTEM_RESERVED_MIB.value,
          }),
        )}
      </p>
    </div>
  )
}

function OsRow(v: LabTable) {
  const { w, v: pick, x, vm, rm, started, words } = v
  return (
    <tr data-testid="lab-row-os">
      <RowHead name="OS" sub={w('own plumbing or shared', 'guest kernels')} />
      <Cell testid="lab-cell-os-vm" value={started ? vm!.kernels : null} concept={x.concepts.osVm}>
        {started ? pick(x.osVm(vm!.kernels)) : x.waiting}
      </Cell>
      <Cell testid="lab-cell-os-container" value={started && rm!.kernels > 0 ? rm!.kernels : null} concept={x.concepts.osRoom}>
        {started && rm!.kernels > 0 ? pick(x.osRoom(rm!.kernels, rm!.rooms)) : x.waiting}
      </Cell>
      <td>
        {started && (
          <KernelsChart vmKernels={vm!.kernels} roomKernels={rm!.kernels} rooms={rm!.rooms} vmLabel={words.vms} roomLabel={words.rooms} />
        )}
      </td>
    </tr>
  )
}

function SpeedRow(v: LabTable) {
  const { w, x, vm, rm, started, size, words, series, endMs, allRan } = v
  return (
    <tr data-testid="lab-row-speed">
      <RowHead name="Speed" sub={x.speedSub} />
      <Cell testid="lab-cell-speed-vm" value={vm?.allRunningMs ?? null} concept={x.concepts.speedVm}>
        {allRan(vm) ? x.allRunning(vm!.rooms, x.secs(vm!.allRunningMs!)) : started ? x.runningSoFar(vm!.running, vm!.rooms) : x.waiting}
        {allRan(vm) && (
          <small className="lab-sub">{w('build, move in the OS, deliver the kit, open', 'provision + boot + pull + start')}</small>
        )}
      </Cell>
      <Cell testid="lab-cell-speed-container" value={rm?.allRunningMs ?? null} concept={x.concepts.speedRoom}>
        {allRan(rm) ? x.allRunning(rm!.rooms, x.secs(rm!.allRunningMs!)) : started ? x.runningSoFar(rm!.running, rm!.rooms) : x.waiting}
        {allRan(rm) && <small className="lab-sub">{w('deliver the kit once, open', 'pull once + start')}</small>}
      </Cell>
      <td>{started && <RaceChart series={series} n={size} endMs={endMs} vmLabel={words.vms} roomLabel={words.rooms} />}</td>
    </tr>
  )
}

function ResourcesRow(v: LabTable) {
  const { w, x, vm, rm, started, words, allRan } = v
  const { fmt } = x
  return (
    <tr data-testid="lab-row-resources">
      <RowHead name="Resource usage" sub={w('space and workers held', 'RAM and CPU reserved')} />
      <Cell testid="lab-cell-resources-vm" value={allRan(vm) ? vm!.memMiB : null} concept={x.concepts.resVm}>
        {allRan(vm) ? x.memCores(fmt(vm!.memMiB), (vm!.cpuMilli / 1000).toFixed(2)) : started ? x.memSoFar(fmt(vm!.memMiB)) : x.waiting}
      </Cell>
      <Cell testid="lab-cell-resources-container" value={allRan(rm) ? rm!.memMiB : null} concept={x.concepts.resRoom}>
        {allRan(rm) ? x.memCores(fmt(rm!.memMiB), (rm!.cpuMilli / 1000).toFixed(2)) : started ? x.memSoFar(fmt(rm!.memMiB)) : x.waiting}
      </Cell>
      <td>
        {started && (
          <BarsChart
            testid="lab-chart-memory"
            title={x.memoryHeld}
            max={Math.max(vm!.memMiB, rm!.memMiB)}
            bars={[
              { label: words.vms, value: vm!.memMiB, side: 'vm', text: formatMiB(vm!.memMiB) },
              { label: words.rooms, value: rm!.memMiB, side: 'room', text: formatMiB(rm!.memMiB) },
            ]}
          />
        )}
      </td>
    </tr>
  )
}

/** One side's isolation cell: how far a breach and a crash reached, and the buttons that try them (breach first). */
function IsolationCell({ v, side }: { v: LabTable; side: 'vm' | 'container' }) {
  const { w, x, started, allRan, reach, sides, breach, breachFirst } = v
  const m = side === 'vm' ? v.vm : v.rm
  const words =
    side === 'vm'
      ? {
          concept: x.concepts.isoVm,
          crash: w('flood in one apartment', 'one guest kernel panics'),
          button: x.oneOf(w('apartment', 'guest kernel')),
        }
      : {
          concept: x.concepts.isoRoom,
          crash: w("the house's plumbing fails", 'the shared kernel panics'),
          button: w('the shared plumbing', 'the shared kernel'),
        }
  const appId = sides ? (side === 'vm' ? sides.vmAppId : sides.roomAppId) : null
  return (
    <Cell testid={`lab-cell-isolation-${side}`} value={m?.crashReach ?? m?.breachReach ?? null} concept={words.concept}>
      {started ? (
        <>
          <span data-testid={`lab-reach-crash-${side}`}>{reach(m!.crashReach, m!.rooms, words.crash)}</span>
          <br />
          <span data-testid={`lab-reach-breach-${side}`}>
            {reach(m!.breachReach, m!.rooms, w('this run, burglar in one room', 'this run, one container breached'))}
          </span>
        </>
      ) : (
        x.waiting
      )}
      <BreachOdds side={side} n={v.size} />
      <span className="lab-buttons">
        <button
          type="button"
          data-testid={`lab-breach-${side}`}
          disabled={!allRan(m) || m!.breachReach !== null}
          onClick={() => appId && breach(appId)}
        >
          {x.breachOne}
        </button>
        <button
          type="button"
          data-testid={`lab-crash-${side}`}
          disabled={!allRan(m) || m!.crashReach !== null || m!.breachReach === null}
          onClick={side === 'vm' ? v.crashVm : v.crashRooms}
          title={breachFirst}
        >
          {x.crash(words.button)}
        </button>
      </span>
    </Cell>
  )
}

/**
 * Beside the one run played live: how often a breach got past the first room over 100 seeded labs of
 * the same size, so one lucky or unlucky draw cannot contradict the lesson.
 */
function BreachOdds({ side, n }: { side: 'vm' | 'container'; n: number }) {
  const w = useWords()
  const x = usePhrases('lab', LAB_EN)
  const odds = useLabOdds((s) => s[n])
  const done = !!odds && odds.runs >= ODDS_RUNS
  const k = odds ? (side === 'vm' ? odds.vmWall : odds.sharedKernel) : 0
  const where = side === 'vm' ? w('behind apartment walls', 'behind the VM wall') : w('on shared plumbing', 'on a shared kernel')
  return (
    <span className="lab-odds" data-testid={`lab-odds-${side}`} data-runs={odds?.runs ?? 0} data-reached={done ? k : ''}>
      {done ? (([m, t]) => w(m, t))(x.odds(k, ODDS_RUNS, where)) : x.measuring(ODDS_RUNS, odds?.runs ?? 0)}
    </span>
  )
}

function IsolationRow(v: LabTable) {
  const { x, vm, rm, started, size, words } = v
  return (
    <tr data-testid="lab-row-isolation">
      <RowHead name="Isolation" sub={x.isolationSub} />
      <IsolationCell v={v} side="vm" />
      <IsolationCell v={v} side="container" />
      <td>
        {started && (
          <BarsChart
            testid="lab-chart-isolation"
            title={x.roomsReached}
            max={size}
            bars={[
              {
                label: x.crashBar(words.vms),
                value: vm!.crashReach,
                side: 'vm',
                text: vm!.crashReach === null ? x.notTried : `${vm!.crashReach}/${vm!.rooms}`,
              },
              {
                label: x.crashBar(words.rooms),
                value: rm!.crashReach,
                side: 'room',
                text: rm!.crashReach === null ? x.notTried : `${rm!.crashReach}/${rm!.rooms}`,
              },
              {
                label: x.breachBar(words.vms),
                value: vm!.breachReach,
                side: 'vm',
                text: vm!.breachReach === null ? x.notTried : `${vm!.breachReach}/${vm!.rooms}`,
              },
              {
                label: x.breachBar(words.rooms),
                value: rm!.breachReach,
                side: 'room',
                text: rm!.breachReach === null ? x.notTried : `${rm!.breachReach}/${rm!.rooms}`,
              },
            ]}
          />
        )}
      </td>
    </tr>
  )
}

function ScalabilityRow(v: LabTable) {
  const { w, x, vm, rm, started, words } = v
  const { fmt } = x
  return (
    <tr data-testid="lab-row-scalability">
      <RowHead name="Scalability" sub={x.scaleSub(words.house)} />
      <Cell testid="lab-cell-scalability-vm" value={started ? vm!.fit : null} concept={x.concepts.scaleVm}>
        {started ? x.perHouse(fmt(vm!.fit), words.vms, words.house) : x.waiting}
      </Cell>
      <Cell testid="lab-cell-scalability-container" value={started ? rm!.fit : null} concept={x.concepts.scaleRoom}>
        {started ? x.perHouse(fmt(rm!.fit), words.rooms, words.house) : x.waiting}
        {started && (
          <small className="lab-sub">{w('the building manager would stop at 110 a house', 'Kubernetes caps a node at 110 pods')}</small>
        )}
      </Cell>
      <td>
        {started && (
          <BarsChart
            testid="lab-chart-density"
            title={x.perHouseTitle(words.house)}
            max={Math.max(vm!.fit, rm!.fit)}
            bars={[
              { label: words.vms, value: vm!.fit, side: 'vm', text: fmt(vm!.fit) },
              { label: words.rooms, value: rm!.fit, side: 'room', text: fmt(rm!.fit) },
            ]}
          />
        )}
      </td>
    </tr>
  )
}
