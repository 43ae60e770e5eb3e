/**
 * The inspector's words in English: its row names and the sentences it builds from the selection's figures
 * (already formatted: "1.5", "2 GiB"). The Spanish table (src/ui/i18n/inspector-es.ts) has the same shape,
 * TypeScript checks it, and arrives with the Spanish pack; until then, or without it, these are used.
 */
import { bothNames } from '../sim'
import type { KindKey, NodeConditionFacts } from '../sim'

type Pair = { metaphor: string; technical: string }
export type QosName = 'Guaranteed' | 'Burstable' | 'BestEffort'

export const INSPECTOR_EN = {
  /** Both names at once: "apartment · virtual machine". */
  kind: (kind: KindKey): string => bothNames(kind),
  state: 'State',
  cordoned: ' · cordoned (no new rooms)',
  draining: ' · draining',
  secondsLeft: (s: number) => `, ${s} s left`,
  nodeCondition: 'Node condition',
  hostCpu: 'CPU (workers)',
  hostCpuValue: (used: string, cap: string) => `${used} of ${cap} cores reserved`,
  hostMem: 'Memory (space)',
  hostMemValue: (usedOf: string, kept: string) => `${usedOf} reserved (${kept} kept for the house itself)`,
  vcpus: 'vCPUs handed out',
  vcpusValue: (used: number, cap: number, ratio: number) => `${used} of ${cap} (${ratio}:1 overcommit)`,
  hostRooms: 'Rooms standing directly in it',
  zone: 'Street side (zone)',
  cost: 'Cost',
  perHour: '/h',
  kernel: 'Kernel',
  hostKernel: 'Linux (shared by rooms standing directly in the house)',
  guestOs: 'Guest OS (its own kernel)',
  guestOsValue: (os: string, mem: string, cpu: string) => `${os}: takes ${mem} and ${cpu} core itself`,
  bootTime: 'Boot time',
  vmSize: 'vCPUs / RAM',
  vmCpu: 'CPU for rooms',
  vmMem: 'Memory for rooms',
  reserved: (usedOf: string) => `${usedOf} reserved`,
  frame: 'Frame overhead in the house',
  frameValue: (mem: string) => `${mem} (KubeVirt's virt-launcher estimate, one graphics device; not bare QEMU's)`,
  inHouse: 'In house',
  roomsInside: 'Rooms inside',
  why: 'Why',
  app: 'Business (app)',
  image: 'Furniture kit (image)',
  imageValue: (ref: string, size: string, os: string) => `${ref} · ${size} · needs ${os}`,
  where: 'Where',
  notPlaced: 'not placed yet (pending)',
  place: (onHost: boolean, name: string): Pair =>
    onHost ? { metaphor: `house ${name}`, technical: `host ${name}` } : { metaphor: `apartment ${name}`, technical: `VM ${name}` },
  sharesKernel: 'Shares the kernel of',
  kernelOwner: (os: string, house: boolean) => `${os} (${house ? 'the house itself' : 'its apartment'})`,
  requests: 'Requests (what the scheduler counts)',
  requestsValue: (cpu: string, mem: string) => `${cpu} core · ${mem}`,
  runtimeOverhead: (runtime: string, cpu: string, mem: string) => ` + ${runtime} overhead ${cpu} core · ${mem}`,
  shim: (mib: number) => ` (the runtime shim's ~${mib} MiB is memory in use, not a request)`,
  qos: 'QoS class',
  qosWhy: (_qos: QosName, english: Pair): Pair => english,
  restarts: 'Restarts',
  endpoint: 'Sent visitors (Service endpoint)',
  endpointLost: 'yes, though its building is down: the manager has not noticed yet, so its visitors fail',
  endpointReady: 'yes (ready)',
  endpointNot: 'no (not ready)',
  managed: 'Looked after by the manager',
  managedYes: 'yes (a pod of a Deployment)',
  managedNo: 'no (a plain docker run)',
  manager: 'Manager',
  hired: (replicas: number) => `hired: ${replicas} rooms on the clipboard`,
  notHired: 'not hired',
  openRooms: 'Open rooms (ready)',
  visitors: 'Visitors',
  visitorsValue: (rps: number, each: number) => `${rps}/s, each room serves ${each}/s`,
  served: 'Served so far',
  waiting: 'Waiting time',
  /** The business's charts. */
  charts: {
    wait: 'Charts start once the clock runs.',
    label: (app: string) => `Charts for ${app}`,
    rooms: 'Rooms',
    wanted: 'wanted',
    open: 'open',
    cpu: 'CPU use (of requests)',
    visitors: 'Visitors per second',
    served: 'served',
    turnedAway: 'turned away',
    waiting: 'Waiting time',
    latency: 'latency',
    cost: 'Street cost',
    costLine: 'cost',
  },
  /** A container's reason as the simulation wrote it; another language translates what is not kubelet's own text. */
  reason: (reason: string) => reason,
  /** The node's condition; English is nodeConditionText's own (passed in), another language builds it from the facts. */
  condition: (_facts: NodeConditionFacts, english: Pair): Pair => english,
}

export type InspectorText = typeof INSPECTOR_EN
