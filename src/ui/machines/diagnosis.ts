/**
 * What the kernel is doing to a room and why, with its numbers, in both vocabularies. Pure: it reads
 * the world and returns findings; ContainerDiagnosis.tsx draws them. Each finding carries its source.
 */
import {
  BREACH,
  CONDITION_LABELS,
  LIVENESS_KILL,
  PROBE_DEFAULTS,
  CPU_SHARES,
  CPU_THROTTLE_SOURCE,
  DEFAULT_SECURITY,
  MEM_OVERCOMMIT,
  OOM_KILL,
  PULL_MIB_PER_S,
  RUNTIMES,
  RUNTIME_LABELS,
  escapeOdds,
  eventsAbout,
  missingLayers,
  placementName,
  eventText,
} from '../../sim'
import type { Container, World } from '../../sim'
import { DIAGNOSIS_EN } from './diagnosisText'
import type { DiagnosisText } from './diagnosisText'

export type Severity = 'bad' | 'warn' | 'info'

export interface Finding {
  key:
    'package' | 'oom' | 'kernelOom' | 'throttled' | 'limits' | 'swap' | 'shares' | 'breached' | 'runtime' | 'pull' | 'leak' | 'hog' | 'hung'
  severity: Severity
  metaphor: string
  technical: string
  source: string
}

const r0 = (n: number) => Math.round(n)
const pct = (n: number) => `${Math.round(n * 100)}%`

function hostIdOf(world: World, c: Container): string | null {
  if (!c.placement) return null
  return c.placement.kind === 'host' ? c.placement.hostId : (world.vms[c.placement.vmId]?.hostId ?? null)
}

const sameKernel = (a: Container, b: Container): boolean =>
  !!a.placement &&
  !!b.placement &&
  (a.placement.kind === 'host'
    ? b.placement.kind === 'host' && a.placement.hostId === b.placement.hostId
    : b.placement.kind === 'vm' && a.placement.vmId === b.placement.vmId)

/** Why the last termination was an OOM kill: its own limit, or the kernel's OOM killer. From the reason, else the log. */
function oomCause(world: World, c: Container): { kind: 'limit' | 'kernel'; text: string } | null {
  if (c.exitCode !== OOM_KILL.exitCode) return null
  const text = c.reason.includes(OOM_KILL.reason)
    ? c.reason
    : ([...eventsAbout(world, c.id)]
        .map((e) => eventText(e, 'technical'))
        .reverse()
        .find((t) => t.includes(OOM_KILL.reason)) ?? '')
  return { kind: /kernel OOM killer|out of memory/.test(text) ? 'kernel' : 'limit', text }
}

/** The security settings that cut a breach's odds, named. */
export function securityNotes(s: Container['security'], x: DiagnosisText = DIAGNOSIS_EN): { on: string[]; off: string[] } {
  const names: [keyof typeof DEFAULT_SECURITY, string, number][] = [
    ['runAsNonRoot', x.security.runAsNonRoot, BREACH.runAsNonRoot],
    ['readOnlyRootFilesystem', x.security.readOnlyRootFilesystem, BREACH.readOnlyRootFilesystem],
    ['dropAllCapabilities', x.security.dropAllCapabilities, BREACH.dropAllCapabilities],
  ]
  const on: string[] = []
  const off: string[] = []
  for (const [k, label, f] of names) (s[k] ? on : off).push(`${label} (×${f})`)
  return { on, off }
}

/** The room and what a finder needs to name its surroundings. */
interface Room {
  world: World
  c: Container
  where: ReturnType<typeof placementName> | null
  kernelName: string
  kernelTech: string
  hostId: string | null
  host: World['hosts'][string] | undefined
  x: DiagnosisText
}

function roomOf(world: World, c: Container, x: DiagnosisText): Room {
  const where = c.placement ? x.place(c.placement.kind === 'vm', placementName(world, c.placement)) : null
  const kernelName = c.placement ? x.kernelName(c.placement.kind === 'vm') : ''
  const kernelTech = c.placement ? x.kernelTech(c.placement.kind === 'vm', where!.technical) : ''
  const hostId = hostIdOf(world, c)
  return { world, c, where, kernelName, kernelTech, hostId, host: hostId ? world.hosts[hostId] : undefined, x }
}

/** The kit lacks what the app needs: a room has only what its image carries, whatever the machine has. */
function missingPackage({ world, c, x }: Room): Finding[] {
  const found: Finding[] = []
  // The kit lacks what the app needs: a room has only what its image carries, whatever the machine has.
  const lacking = /image (\S+) does not contain (\S+) required by/.exec(c.reason)
  if (lacking) {
    const [, ref, pkg] = lacking
    const m = c.placement ? (c.placement.kind === 'host' ? world.hosts[c.placement.hostId] : world.vms[c.placement.vmId]) : undefined
    const machineHas = m?.packages.find((p) => p.split('@')[0] === pkg!.split('@')[0])
    found.push({
      key: 'package',
      severity: 'bad',
      ...x.package(ref!, pkg!, machineHas, c.placement?.kind === 'vm'),
      source: 'Docker docs "Image layers": a container\'s filesystem is its image\'s layers plus a writable layer',
    })
  }
  return found
}

/** OOMKilled, by its own limit or by the kernel's OOM killer. */
function oomKilled({ world, c, kernelName, kernelTech, x }: Room): Finding[] {
  const found: Finding[] = []
  // OOMKilled, by its own limit or by the kernel's OOM killer.
  const oom = oomCause(world, c)
  if (oom?.kind === 'limit') {
    const m = /memory ([\d.]+ \w+) over limit ([\d.]+ \w+)/.exec(oom.text)
    const used = m ? m[1] : null
    const limit = c.memLimitMiB !== null ? `${r0(c.memLimitMiB)} MiB` : (m?.[2] ?? '?')
    found.push({
      key: 'oom',
      severity: 'bad',
      ...x.oom(used ?? null, limit!, c.leakMiBPerS, c.managed),
      source: OOM_KILL.source,
    })
  } else if (oom?.kind === 'kernel') {
    found.push({
      key: 'kernelOom',
      severity: 'bad',
      ...x.kernelOom(kernelName, kernelTech, c.leakMiBPerS > 0),
      source: `${OOM_KILL.source}; ${x.kernelOomSource}`,
    })
  }
  return found
}

/** Held to its CPU limit by the CFS quota. */
function throttled({ c, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && c.throttled && c.cpuLimitMilli !== null) {
    found.push({
      key: 'throttled',
      severity: 'warn',
      ...x.throttled(r0(c.cpuUsageMilli), c.cpuLimitMilli, c.speed),
      source: CPU_THROTTLE_SOURCE,
    })
  }
  return found
}

/** Its use against its limits, and when a leak reaches the cap. */
function limits({ c, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && (c.memLimitMiB !== null || c.cpuLimitMilli !== null || c.leakMiBPerS > 0)) {
    const mem = r0(c.memUsageMiB)
    const lim = c.memLimitMiB
    const eta = lim !== null && c.leakMiBPerS > 0 ? Math.max(0, (lim - c.memUsageMiB) / c.leakMiBPerS) : null
    const share = lim !== null ? pct(c.memUsageMiB / lim) : ''
    const cpu = r0(c.cpuUsageMilli)
    found.push({
      key: 'limits',
      severity: eta !== null ? 'warn' : 'info',
      ...x.limits({ mem, lim, share, cpu, cpuLim: c.cpuLimitMilli, eta, cpuReq: c.cpuRequestMilli, memReq: c.memRequestMiB }),
      source: 'kubernetes.io "Resource Management for Pods and Containers": requests reserve, limits cap',
    })
  }
  return found
}

/** Chaos: a memory leak. */
function leak({ c, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && c.leakMiBPerS > 0) {
    found.push({
      key: 'leak',
      severity: 'warn',
      ...x.leak(CONDITION_LABELS.leaking, c.leakMiBPerS, r0(c.leakedMiB)),
      source: 'chaos injection (sandbox)',
    })
  }
  return found
}

/** Chaos: a CPU hog. */
function hog({ c, kernelName, kernelTech, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && c.cpuHog) {
    found.push({
      key: 'hog',
      severity: 'warn',
      ...x.hog(kernelName, kernelTech, c.cpuLimitMilli),
      source: CPU_SHARES.source,
    })
  }
  return found
}

function hung({ world, c, x }: Room): Finding[] {
  const found: Finding[] = []
  // Hung: the process is alive but answers nothing. Nothing in the kernel notices (it is not using
  // too much of anything); only a probe asks it a question it cannot answer.
  if (c.state === 'running' && c.hung) {
    const app = world.apps[c.appId]
    found.push({
      key: 'hung',
      severity: 'bad',
      ...x.hung(app?.livenessProbe ?? null, !!app?.readinessProbe, c.ready),
      source: `${PROBE_DEFAULTS.source}; ${LIVENESS_KILL.source}`,
    })
  }
  return found
}

function slowed({ c, kernelName, kernelTech, host, x }: Room): Finding[] {
  const found: Finding[] = []
  // Swap: the house under it promised more memory than it has, and its apartments use it.
  if (c.state === 'running' && host?.swapping) {
    found.push({
      key: 'swap',
      severity: 'warn',
      ...x.swap(host.name, host.memOvercommit, host.memMiB, c.speed),
      source: MEM_OVERCOMMIT.source,
    })
  } else if (c.state === 'running' && !c.throttled && c.speed < RUNTIMES[c.runtime].speed - 0.01) {
    // Slower than its runtime allows, not throttled, no swap: its kernel's CPU is oversubscribed.
    found.push({
      key: 'shares',
      severity: 'warn',
      ...x.shares(kernelName, kernelTech, c.cpuRequestMilli, r0(c.cpuUsageMilli), c.speed),
      source: CPU_SHARES.source,
    })
  }
  return found
}

/** A burglar inside: how far it got, and what stopped it. */
function breached({ world, c, kernelName, kernelTech, hostId, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.breached) {
    const others = Object.values(world.containers).filter((o) => o !== c && o.breached && sameKernel(o, c))
    const elsewhere = Object.values(world.containers).filter(
      (o) => o !== c && o.breached && !sameKernel(o, c) && hostIdOf(world, o) === hostId,
    )
    const sec = securityNotes(c.security, x)
    // Was this the room broken into first, and did the attacker get no further than it?
    const ev = [...eventsAbout(world, c.id)].reverse().find((e) => e.id === 'breach.breached')
    const contained = !!ev && ev.params.room === c.name && !ev.params.kernelOwned
    found.push({
      key: 'breached',
      severity: 'bad',
      ...x.breached({
        how: c.reason.startsWith('breached: ') ? c.reason.slice(10) : x.compromised,
        others: others.length,
        elsewhere: elsewhere.length,
        stop: contained ? 'contained' : elsewhere.length ? 'escaped' : c.placement?.kind === 'vm' ? 'vmWall' : 'vmsSafe',
        odds: escapeOdds(c),
        privileged: c.security.privileged,
        wall: c.runtime !== 'runc' ? RUNTIMES[c.runtime].label : null,
        on: sec.on,
        off: sec.off,
        kernelName,
        kernelTech,
      }),
      source: BREACH.source,
    })
  }
  return found
}

/** The image is being pulled: what is missing on this node. */
function pulling({ world, c, where, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'pulling' && c.placement) {
    const image = world.images[c.imageId]
    const cache = c.placement.kind === 'host' ? world.hosts[c.placement.hostId]?.cachedLayers : world.vms[c.placement.vmId]?.cachedLayers
    if (image && cache) {
      const miss = missingLayers(world, image, cache)
      const left = Math.max(0, Math.ceil((c.phaseEndsMs - world.timeMs) / 1000))
      found.push({
        key: 'pull',
        severity: 'info',
        ...x.pull(miss.ids.length, image.layers.length, where!.metaphor, miss.sizeMiB, left, image.ref),
        source: PULL_MIB_PER_S.source,
      })
    }
  }
  return found
}

/** What its walls are: the runtime and the kernel it shares. */
function runtime({ c, kernelName, kernelTech, x }: Room): Finding[] {
  const found: Finding[] = []
  if (c.placement) {
    const rt = RUNTIMES[c.runtime]
    const label = RUNTIME_LABELS[c.runtime]
    found.push({
      key: 'runtime',
      severity: 'info',
      ...x.runtime({
        name: c.runtime,
        runc: c.runtime === 'runc',
        metaphorLabel: label.metaphor,
        technicalLabel: label.technical,
        ownKernel: !!rt.ownKernel,
        overheadMiB: rt.overheadMiB,
        overheadCpuMilli: rt.overheadCpuMilli,
        minMs: rt.start.minMs,
        maxMs: rt.start.maxMs,
        speed: rt.speed,
        estimate: !!rt.estimate,
        kernelName,
        kernelTech,
      }),
      source: rt.source,
    })
  }
  return found
}

/** The findings, in the order the inspector shows them: each finder looks at one thing. */
const FINDERS: ((room: Room) => Finding[])[] = [
  missingPackage,
  oomKilled,
  throttled,
  limits,
  leak,
  hog,
  hung,
  slowed,
  breached,
  pulling,
  runtime,
]

export function diagnose(world: World, containerId: string, x: DiagnosisText = DIAGNOSIS_EN): Finding[] {
  const c = world.containers[containerId]
  if (!c) return []
  const room = roomOf(world, c, x)
  return FINDERS.flatMap((find) => find(room))
}
