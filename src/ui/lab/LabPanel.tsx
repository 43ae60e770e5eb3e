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
const fmt = (n: number) => n.toLocaleString('en-GB')
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function Cell({ testid, value, children, concept }: { testid: string; value: number | null; children: ReactNode; concept: string }) {
  return (
    <td data-testid={testid} data-value={value ?? ''} data-state={value === null ? 'waiting' : 'measured'}>
      <span className="lab-value">
        <span aria-hidden="true">{value === null ? '… ' : '✓ '}</span>
        {children}
      </span>
      <small className="lab-concept">concept text: “{concept}”</small>
    </td>
  )
}

function RowHead({ name, title, sub }: { name: LabRowName; title: string; sub: string }) {
  return (
    <th scope="row">
      {title}
      <small className="lab-sub">{sub}</small>
      <details className="lab-source">
        <summary>Source</summary>
        {LAB_SOURCES[name]}
      </details>
    </th>
  )
}

/** What every row of the lab table reads: the measured sides and the actions on them. */
interface LabTable {
  w: ReturnType<typeof useWords>
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
  const reach = (r: number | null, of: number, what: string) => (r === null ? `${what}: not tried yet` : `${what}: ${r} of ${of}`)

  const view: LabTable = { w, vm, rm, started, size, words, series, endMs, allRan, reach, sides, breach, crashVm, crashRooms, breachFirst }
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
        <button type="button" data-testid="lab-close" onClick={() => useHud.getState().open(null)} aria-label="Close the lab (Esc)">
          ✕
        </button>
      </div>
      <p className="muted lab-intro">
        {w(
          `The same small app, ${size} times: once in ${size} apartments (each with its own OS) on one house, once as ${size} rooms on ` +
            `an identical house. Every figure below is measured from the running street.`,
          `The same small app, ${size} times: once as ${size} VMs (one container each, each with its own guest OS) on one host, once ` +
            `as ${size} containers on an identical host. Every figure below is measured from the running simulation.`,
        )}
      </p>
      <div className="lab-controls" role="group" aria-label="How many of each">
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
          ▶ {started && !level ? `Run again with ${n}` : `Run with ${n}`}
        </button>
        {!level && <small className="muted">{w('Run builds a fresh lab street.', 'Run starts a fresh lab cluster.')}</small>}
        {level && started && <small className="muted">The lab is running in this level.</small>}
      </div>
      <p className="lab-status" aria-live="polite" data-testid="lab-status">
        {started ? (
          <>
            {w('Apartments', 'VMs')}: {vm!.running} of {vm!.rooms} running
            {allRan(vm) ? ` — all after ${secs(vm!.allRunningMs!)}` : ''} · {w('Rooms', 'Containers')}: {rm!.running} of {rm!.rooms} running
            {allRan(rm) ? ` — all after ${secs(rm!.allRunningMs!)}` : ''}
            {paused && ' · paused (press Space)'}
          </>
        ) : (
          'Choose N and press Run.'
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
            <th scope="col">Feature</th>
            <th scope="col">{w('Apartments · virtual machines', 'Virtual machines · apartments')}</th>
            <th scope="col">{w('Rooms · containers', 'Containers · rooms')}</th>
            <th scope="col">Chart</th>
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
        {w(
          `Each apartment: ${formatMiB(S.vm.memMiB)}, ${S.vm.vcpus} worker, its own OS (${GUEST_OS.linux.memMiB} MiB) plus the house ` +
            `frame’s share (${overhead} MiB). Each room: the app’s ${S.app.memRequestMiB} MiB plus ${CONTAINER_SHIM_MIB.value} MiB. ` +
            `Houses: ${S.house.cores} workers, ${formatMiB(S.house.memMiB)}, ${HOST_SYSTEM_RESERVED_MIB.value} MiB kept for the ` +
            `house itself.`,
          `Each VM: ${formatMiB(S.vm.memMiB)}, ${S.vm.vcpus} vCPU, guest OS ${GUEST_OS.linux.memMiB} MiB plus KubeVirt overhead ` +
            `(${overhead} MiB). Each container: the app’s ${S.app.memRequestMiB} MiB request plus a ${CONTAINER_SHIM_MIB.value} MiB ` +
            `shim. Hosts: ${S.house.cores} cores, ${formatMiB(S.house.memMiB)}, ${HOST_SYSTEM_RESERVED_MIB.value} MiB system-reserved.`,
        )}
      </p>
    </div>
  )
}

function OsRow(v: LabTable) {
  const { w, vm, rm, started, words } = v
  return (
    <tr data-testid="lab-row-os">
      <RowHead name="OS" title="OS" sub={w('own plumbing or shared', 'guest kernels')} />
      <Cell testid="lab-cell-os-vm" value={started ? vm!.kernels : null} concept="Separate OS per VM">
        {started
          ? w(`${vm!.kernels} apartments, each with its own OS and plumbing`, `${vm!.kernels} guest kernels (Linux), one per VM`)
          : 'waiting'}
      </Cell>
      <Cell testid="lab-cell-os-container" value={started && rm!.kernels > 0 ? rm!.kernels : null} concept="Shared OS">
        {started && rm!.kernels > 0
          ? w(
              `${rm!.kernels} set of plumbing, the house's, shared by ${rm!.rooms} rooms`,
              `${rm!.kernels} kernel, the host's, shared by ${rm!.rooms} containers`,
            )
          : 'waiting'}
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
  const { w, vm, rm, started, size, words, series, endMs, allRan } = v
  return (
    <tr data-testid="lab-row-speed">
      <RowHead name="Speed" title="Speed" sub="start-up, until all run" />
      <Cell testid="lab-cell-speed-vm" value={vm?.allRunningMs ?? null} concept="Slow startup">
        {allRan(vm)
          ? `all ${vm!.rooms} running after ${secs(vm!.allRunningMs!)}`
          : started
            ? `${vm!.running} of ${vm!.rooms} running…`
            : 'waiting'}
        {allRan(vm) && (
          <small className="lab-sub">{w('build, move in the OS, deliver the kit, open', 'provision + boot + pull + start')}</small>
        )}
      </Cell>
      <Cell testid="lab-cell-speed-container" value={rm?.allRunningMs ?? null} concept="Fast startup">
        {allRan(rm)
          ? `all ${rm!.rooms} running after ${secs(rm!.allRunningMs!)}`
          : started
            ? `${rm!.running} of ${rm!.rooms} running…`
            : 'waiting'}
        {allRan(rm) && <small className="lab-sub">{w('deliver the kit once, open', 'pull once + start')}</small>}
      </Cell>
      <td>{started && <RaceChart series={series} n={size} endMs={endMs} vmLabel={words.vms} roomLabel={words.rooms} />}</td>
    </tr>
  )
}

function ResourcesRow(v: LabTable) {
  const { w, vm, rm, started, words, allRan } = v
  return (
    <tr data-testid="lab-row-resources">
      <RowHead name="Resource usage" title="Resource usage" sub={w('space and workers held', 'RAM and CPU reserved')} />
      <Cell testid="lab-cell-resources-vm" value={allRan(vm) ? vm!.memMiB : null} concept="High">
        {allRan(vm)
          ? `${fmt(vm!.memMiB)} MiB · ${(vm!.cpuMilli / 1000).toFixed(2)} cores`
          : started
            ? `${fmt(vm!.memMiB)} MiB so far…`
            : 'waiting'}
      </Cell>
      <Cell testid="lab-cell-resources-container" value={allRan(rm) ? rm!.memMiB : null} concept="Low">
        {allRan(rm)
          ? `${fmt(rm!.memMiB)} MiB · ${(rm!.cpuMilli / 1000).toFixed(2)} cores`
          : started
            ? `${fmt(rm!.memMiB)} MiB so far…`
            : 'waiting'}
      </Cell>
      <td>
        {started && (
          <BarsChart
            testid="lab-chart-memory"
            title="Memory held"
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
  const { w, started, allRan, reach, sides, breach, breachFirst } = v
  const m = side === 'vm' ? v.vm : v.rm
  const words =
    side === 'vm'
      ? {
          concept: 'Strong',
          crash: w('flood in one apartment', 'one guest kernel panics'),
          button: `one ${w('apartment', 'guest kernel')}`,
        }
      : {
          concept: 'Medium',
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
        'waiting'
      )}
      <BreachOdds side={side} n={v.size} />
      <span className="lab-buttons">
        <button
          type="button"
          data-testid={`lab-breach-${side}`}
          disabled={!allRan(m) || m!.breachReach !== null}
          onClick={() => appId && breach(appId)}
        >
          Breach one
        </button>
        <button
          type="button"
          data-testid={`lab-crash-${side}`}
          disabled={!allRan(m) || m!.crashReach !== null || m!.breachReach === null}
          onClick={side === 'vm' ? v.crashVm : v.crashRooms}
          title={breachFirst}
        >
          Crash {words.button}
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
  const odds = useLabOdds((s) => s[n])
  const done = !!odds && odds.runs >= ODDS_RUNS
  const k = odds ? (side === 'vm' ? odds.vmWall : odds.sharedKernel) : 0
  const where = side === 'vm' ? w('behind apartment walls', 'behind the VM wall') : w('on shared plumbing', 'on a shared kernel')
  return (
    <span className="lab-odds" data-testid={`lab-odds-${side}`} data-runs={odds?.runs ?? 0} data-reached={done ? k : ''}>
      {done
        ? w(
            `Reached another room in ${k} of ${ODDS_RUNS} runs ${where}.`,
            `Reached another container in ${k} of ${ODDS_RUNS} runs ${where}.`,
          )
        : `Measuring ${ODDS_RUNS} seeded runs… ${odds?.runs ?? 0} done`}
    </span>
  )
}

function IsolationRow(v: LabTable) {
  const { vm, rm, started, size, words } = v
  return (
    <tr data-testid="lab-row-isolation">
      <RowHead name="Isolation" title="Isolation" sub="what a breach, then a crash, reach" />
      <IsolationCell v={v} side="vm" />
      <IsolationCell v={v} side="container" />
      <td>
        {started && (
          <BarsChart
            testid="lab-chart-isolation"
            title="Rooms reached"
            max={size}
            bars={[
              {
                label: `${words.vms} crash`,
                value: vm!.crashReach,
                side: 'vm',
                text: vm!.crashReach === null ? 'not tried' : `${vm!.crashReach}/${vm!.rooms}`,
              },
              {
                label: `${words.rooms} crash`,
                value: rm!.crashReach,
                side: 'room',
                text: rm!.crashReach === null ? 'not tried' : `${rm!.crashReach}/${rm!.rooms}`,
              },
              {
                label: `${words.vms} breach`,
                value: vm!.breachReach,
                side: 'vm',
                text: vm!.breachReach === null ? 'not tried' : `${vm!.breachReach}/${vm!.rooms}`,
              },
              {
                label: `${words.rooms} breach`,
                value: rm!.breachReach,
                side: 'room',
                text: rm!.breachReach === null ? 'not tried' : `${rm!.breachReach}/${rm!.rooms}`,
              },
            ]}
          />
        )}
      </td>
    </tr>
  )
}

function ScalabilityRow(v: LabTable) {
  const { w, vm, rm, started, words } = v
  return (
    <tr data-testid="lab-row-scalability">
      <RowHead name="Scalability" title="Scalability" sub={`how many fit on one ${words.house}`} />
      <Cell testid="lab-cell-scalability-vm" value={started ? vm!.fit : null} concept="Limited">
        {started ? `${fmt(vm!.fit)} ${words.vms} per ${words.house}` : 'waiting'}
      </Cell>
      <Cell testid="lab-cell-scalability-container" value={started ? rm!.fit : null} concept="High">
        {started ? `${fmt(rm!.fit)} ${words.rooms} per ${words.house}` : 'waiting'}
        {started && (
          <small className="lab-sub">{w('the building manager would stop at 110 a house', 'Kubernetes caps a node at 110 pods')}</small>
        )}
      </Cell>
      <td>
        {started && (
          <BarsChart
            testid="lab-chart-density"
            title={`Per ${words.house}`}
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
