/**
 * The lab table's words in English: row names, the cells' sentences built from the measured figures, the status
 * line, buttons and charts. A pair is [house words, technical words]. The Spanish table (src/ui/i18n/lab-es.ts) has
 * the same shape (TypeScript checks it) and arrives with the Spanish pack.
 */
import type { LabRowName } from '../../sim'

type P = readonly [string, string]

const fmt = (n: number) => n.toLocaleString('en-GB')

export const LAB_EN = {
  fmt,
  secs: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
  close: 'Close the lab (Esc)',
  howMany: 'How many of each',
  intro: (n: number): P => [
    `The same small app, ${n} times: once in ${n} apartments (each with its own OS) on one house, once as ${n} rooms on ` +
      `an identical house. Every figure below is measured from the running street.`,
    `The same small app, ${n} times: once as ${n} VMs (one container each, each with its own guest OS) on one host, once ` +
      `as ${n} containers on an identical host. Every figure below is measured from the running simulation.`,
  ],
  run: (n: number, again: boolean) => (again ? `Run again with ${n}` : `Run with ${n}`),
  runningInLevel: 'The lab is running in this level.',
  runningOf: (running: number, of: number) => `${running} of ${of} running`,
  allAfter: (time: string) => ` — all after ${time}`,
  paused: ' · paused (press Space)',
  choose: 'Choose N and press Run.',
  feature: 'Feature',
  vmsHead: ['Apartments · virtual machines', 'Virtual machines · apartments'] as P,
  roomsHead: ['Rooms · containers', 'Containers · rooms'] as P,
  chart: 'Chart',
  source: 'Source',
  concept: (c: string) => `concept text: “${c}”`,
  waiting: 'waiting',
  row: { OS: 'OS', Speed: 'Speed', 'Resource usage': 'Resource usage', Isolation: 'Isolation', Scalability: 'Scalability' } as Record<
    LabRowName,
    string
  >,
  /** The concept text's own words for each cell (its comparison table). */
  concepts: {
    osVm: 'Separate OS per VM',
    osRoom: 'Shared OS',
    speedVm: 'Slow startup',
    speedRoom: 'Fast startup',
    resVm: 'High',
    resRoom: 'Low',
    isoVm: 'Strong',
    isoRoom: 'Medium',
    scaleVm: 'Limited',
    scaleRoom: 'High',
  },
  osVm: (k: number): P => [`${k} apartments, each with its own OS and plumbing`, `${k} guest kernels (Linux), one per VM`],
  osRoom: (k: number, rooms: number): P => [
    `${k} set of plumbing, the house's, shared by ${rooms} rooms`,
    `${k} kernel, the host's, shared by ${rooms} containers`,
  ],
  speedSub: 'start-up, until all run',
  allRunning: (n: number, time: string) => `all ${n} running after ${time}`,
  runningSoFar: (running: number, of: number) => `${running} of ${of} running…`,
  memCores: (mib: string, cores: string) => `${mib} MiB · ${cores} cores`,
  memSoFar: (mib: string) => `${mib} MiB so far…`,
  memoryHeld: 'Memory held',
  isolationSub: 'what a breach, then a crash, reach',
  notTriedYet: (what: string) => `${what}: not tried yet`,
  reached: (what: string, r: number, of: number) => `${what}: ${r} of ${of}`,
  breachOne: 'Breach one',
  crash: (what: string) => `Crash ${what}`,
  oneOf: (what: string) => `one ${what}`,
  odds: (k: number, runs: number, where: string): P => [
    `Reached another room in ${k} of ${runs} runs ${where}.`,
    `Reached another container in ${k} of ${runs} runs ${where}.`,
  ],
  measuring: (runs: number, done: number) => `Measuring ${runs} seeded runs… ${done} done`,
  roomsReached: 'Rooms reached',
  crashBar: (side: string) => `${side} crash`,
  breachBar: (side: string) => `${side} breach`,
  notTried: 'not tried',
  scaleSub: (house: string) => `how many fit on one ${house}`,
  perHouse: (n: string, what: string, house: string) => `${n} ${what} per ${house}`,
  perHouseTitle: (house: string) => `Per ${house}`,
  /** The notes after an action that found nothing to act on (a refusal reads as the simulation's message). */
  noVmToCrash: 'No apartment with an open room to crash.',
  noRoomToBreach: 'No open room to break into.',
  /** The charts: what each draws, in words beside the marks and for a screen reader. */
  kernelsLabel: (vmKernels: number, vmLabel: string, roomKernels: number, rooms: number, roomLabel: string) =>
    `${vmKernels} kernel${vmKernels === 1 ? '' : 's'} for ${vmLabel}, ${roomKernels} kernel shared by ${rooms} ${roomLabel}`,
  vmKernels: (n: number, drawn: number | null) => `${n} kernels${drawn !== null ? ` (${drawn} drawn)` : ''}`,
  sharedKernel: (n: number) => `${n} kernel, shared`,
  raceLabel: (vmLabel: string, vms: number, roomLabel: string, rooms: number, n: number, secs: string) =>
    `Running over time: ${vmLabel} ${vms} of ${n}, ${roomLabel} ${rooms} of ${n}, over ${secs} s`,
  raceLegend: (roomLabel: string, vmLabel: string) => `● ${roomLabel} (solid) · ■ ${vmLabel} (dashed)`,
  foot: (f: {
    vmMem: string
    vcpus: number
    osMiB: number
    overheadMiB: number
    appMiB: number
    shimMiB: number
    cores: number
    houseMem: string
    reservedMiB: number
  }): P => [
    `Each apartment: ${f.vmMem}, ${f.vcpus} worker, its own OS (${f.osMiB} MiB) plus the house frame’s share (${f.overheadMiB} MiB). ` +
      `Each room: the app’s ${f.appMiB} MiB plus ${f.shimMiB} MiB. Houses: ${f.cores} workers, ${f.houseMem}, ${f.reservedMiB} MiB ` +
      `kept for the house itself.`,
    `Each VM: ${f.vmMem}, ${f.vcpus} vCPU, guest OS ${f.osMiB} MiB plus KubeVirt overhead (${f.overheadMiB} MiB). Each container: ` +
      `the app’s ${f.appMiB} MiB request plus a ${f.shimMiB} MiB shim. Hosts: ${f.cores} cores, ${f.houseMem}, ${f.reservedMiB} MiB ` +
      `system-reserved.`,
  ],
}

export type LabText = typeof LAB_EN
