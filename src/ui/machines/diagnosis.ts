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
export function securityNotes(s: Container['security']): { on: string[]; off: string[] } {
  const names: [keyof typeof DEFAULT_SECURITY, string, number][] = [
    ['runAsNonRoot', 'runs as non-root', BREACH.runAsNonRoot],
    ['readOnlyRootFilesystem', 'read-only root filesystem', BREACH.readOnlyRootFilesystem],
    ['dropAllCapabilities', 'capabilities dropped', BREACH.dropAllCapabilities],
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
}

function roomOf(world: World, c: Container): Room {
  const where = c.placement ? placementName(world, c.placement) : null
  const kernelName = c.placement ? (c.placement.kind === 'vm' ? 'its apartment' : 'the house') : ''
  const kernelTech = c.placement
    ? c.placement.kind === 'vm'
      ? `the guest kernel of ${where!.technical}`
      : `the kernel of ${where!.technical}`
    : ''
  const hostId = hostIdOf(world, c)
  return { world, c, where, kernelName, kernelTech, hostId, host: hostId ? world.hosts[hostId] : undefined }
}

/** The kit lacks what the app needs: a room has only what its image carries, whatever the machine has. */
function missingPackage({ world, c }: Room): Finding[] {
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
      metaphor:
        `The kit ${ref} lacks ${pkg}, which the app needs. A room has only what its kit ` +
        `carries${machineHas ? `: that ${c.placement?.kind === 'vm' ? 'apartment' : 'house'} has ${machineHas} installed, ` : ''}` +
        `${machineHas ? 'and it does not help' : ''}. Build a kit that carries it (W).`,
      technical:
        `exec failed: image ${ref} does not contain ${pkg}. A container sees only its image's ` +
        `filesystem${machineHas ? ` (the node's own ${machineHas} is invisible to it)` : ''}; rebuild the image with it and roll it out.`,
      source: 'Docker docs "Image layers": a container\'s filesystem is its image\'s layers plus a writable layer',
    })
  }
  return found
}

const INNOCENT = ', and that was this one even though it did not hoard: a neighbour without a cap filled the shared space'

const CROWDS = ': with no cap it crowds out its neighbours (they keep only what they booked)'
const SHARES = '; no limit: neighbours fall back to their cpu.shares (requests)'

/** OOMKilled, by its own limit or by the kernel's OOM killer. */
function oomKilled({ world, c, kernelName, kernelTech }: Room): Finding[] {
  const found: Finding[] = []
  // OOMKilled, by its own limit or by the kernel's OOM killer.
  const oom = oomCause(world, c)
  if (oom?.kind === 'limit') {
    const m = /memory ([\d.]+ \w+) over limit ([\d.]+ \w+)/.exec(oom.text)
    const used = m ? m[1] : null
    const limit = c.memLimitMiB !== null ? `${r0(c.memLimitMiB)} MiB` : (m?.[2] ?? '?')
    const again = c.leakMiBPerS > 0 ? `, and as it leaks ${c.leakMiBPerS} MiB a second it will happen again` : ''
    const recur = c.leakMiBPerS > 0 ? ` Leak ${c.leakMiBPerS} MiB/s: it will recur.` : ''
    found.push({
      key: 'oom',
      severity: 'bad',
      metaphor:
        `Thrown out for taking too much space: it used ${used ?? 'more than'} its space cap of ${limit}. The caretaker stops ` +
        `it at once (exit code ${OOM_KILL.exitCode}); ` +
        `${c.managed ? `the manager reopens it after a wait${again}` : 'nobody reopens it: no manager looks after it'}.`,
      technical:
        `Last state: Terminated, reason ${OOM_KILL.reason}, exit code ${OOM_KILL.exitCode} (128 + SIGKILL 9). memory.max ` +
        `${limit}${used ? `, usage reached ${used}` : ''}: the cgroup's OOM killer killed it. ` +
        `${c.managed ? `restartPolicy Always: restarts after back-off.${recur}` : 'Not managed: stays down.'}`,
      source: OOM_KILL.source,
    })
  } else if (oom?.kind === 'kernel') {
    found.push({
      key: 'kernelOom',
      severity: 'bad',
      metaphor:
        `Thrown out because ${kernelName || 'its building'} ran out of space: the caretaker of the plumbing threw out the ` +
        `biggest room${c.leakMiBPerS > 0 ? ' (this one, which hoarded)' : INNOCENT}. ` +
        `Exit code ${OOM_KILL.exitCode}. A space cap on the hoarder would have stopped it alone.`,
      technical:
        `Last state: Terminated, ${OOM_KILL.reason}, exit code ${OOM_KILL.exitCode}: not its own limit, ` +
        `${kernelTech || 'its kernel'} ran out of memory and the kernel OOM killer chose the largest ` +
        `process${c.leakMiBPerS > 0 ? '' : ' (a noisy neighbour without a memory limit caused it)'}. Set memory limits so the leaker ` +
        `is killed alone.`,
      source: `${OOM_KILL.source}; kernel docs: the OOM killer picks the task with the highest oom_score (largest memory)`,
    })
  }
  return found
}

/** Held to its CPU limit by the CFS quota. */
function throttled({ c }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && c.throttled && c.cpuLimitMilli !== null) {
    found.push({
      key: 'throttled',
      severity: 'warn',
      metaphor:
        `Held to its worker cap: it uses ${r0(c.cpuUsageMilli)}m of its ${c.cpuLimitMilli}m ` +
        `(${(c.cpuLimitMilli / 1000).toFixed(2)} workers) and wants more. Every tenth of a second it works flat out until its share ` +
        `is used, then waits for the next tenth: it works slower, nobody throws it out. Speed now ${pct(c.speed)}.`,
      technical:
        `CPU throttled: usage ${r0(c.cpuUsageMilli)}m = limit ${c.cpuLimitMilli}m. CFS quota: the room gets its limit and no ` +
        `more (cpu.max ${c.cpuLimitMilli * 100} per 100000 µs period): in each 100 ms period it runs at full speed until it has ` +
        `used ${(c.cpuLimitMilli / 10).toFixed(0)} ms of CPU, then waits for the next period (a short burst finishes at full ` +
        `speed; a long one stalls). It is slowed, not killed. Serving at ${pct(c.speed)} (the game averages over each period).`,
      source: CPU_THROTTLE_SOURCE,
    })
  }
  return found
}

/** Its use against its limits, and when a leak reaches the cap. */
function limits({ c }: Room): Finding[] {
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
      metaphor:
        `Space used ${mem} MiB${lim !== null ? ` of its cap ${lim} MiB (${share})` : ' with no cap: it may take what the building has'}; ` +
        `workers ${cpu}m${c.cpuLimitMilli !== null ? ` of its cap ${c.cpuLimitMilli}m` : ', no cap'}.` +
        `${eta !== null ? ` At this leak it hits the cap in about ${Math.ceil(eta)} s.` : ''}`,
      technical:
        `Memory ${mem} MiB${lim !== null ? ` / limit ${lim} MiB (${share})` : ', no limit (bounded only by its kernel)'}; ` +
        `CPU ${cpu}m${c.cpuLimitMilli !== null ? ` / limit ${c.cpuLimitMilli}m` : ', no limit'}; ` +
        `requests ${c.cpuRequestMilli}m, ${c.memRequestMiB} MiB.` +
        `${eta !== null ? ` OOM kill in ~${Math.ceil(eta)} s at the current leak.` : ''}`,
      source: 'kubernetes.io "Resource Management for Pods and Containers": requests reserve, limits cap',
    })
  }
  return found
}

/** Chaos: a memory leak. */
function leak({ c }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && c.leakMiBPerS > 0) {
    found.push({
      key: 'leak',
      severity: 'warn',
      metaphor: `${CONDITION_LABELS.leaking.metaphor}: ${c.leakMiBPerS} MiB more every second (${r0(c.leakedMiB)} MiB since it opened).`,
      technical: `Chaos: ${CONDITION_LABELS.leaking.technical} at ${c.leakMiBPerS} MiB/s (${r0(c.leakedMiB)} MiB leaked since start).`,
      source: 'chaos injection (sandbox)',
    })
  }
  return found
}

/** Chaos: a CPU hog. */
function hog({ c, kernelName, kernelTech }: Room): Finding[] {
  const found: Finding[] = []
  if (c.state === 'running' && c.cpuHog) {
    found.push({
      key: 'hog',
      severity: 'warn',
      metaphor:
        `A runaway machine in this room wants every worker of ` +
        `${kernelName}${c.cpuLimitMilli !== null ? `, but its cap holds it to ${c.cpuLimitMilli}m` : CROWDS}.`,
      technical:
        `Chaos: CPU hog (busy loop) on ` +
        `${kernelTech}${c.cpuLimitMilli !== null ? `; held to ${c.cpuLimitMilli}m by its CFS quota` : SHARES}.`,
      source: CPU_SHARES.source,
    })
  }
  return found
}

function hung({ world, c }: Room): Finding[] {
  const found: Finding[] = []
  // Hung: the process is alive but answers nothing. Nothing in the kernel notices (it is not using
  // too much of anything); only a probe asks it a question it cannot answer.
  if (c.state === 'running' && c.hung) {
    const app = world.apps[c.appId]
    const live = app?.livenessProbe ?? null
    const ready = app?.readinessProbe ?? null
    const m = live
      ? `The manager's "still alive?" check gets no answer: after ${live.failureThreshold} missed checks ${live.periodSeconds} s apart ` +
        `it throws the room out and reopens it.`
      : ready
        ? `The "ready for visitors?" check takes it out of the doorman's rotation, but nobody restarts it: it stays stuck until you ` +
          `add a "still alive?" check.`
        : `Nobody notices: the doorman keeps sending visitors in and they get no answer. Only a "still alive?" check (liveness probe) ` +
          `can tell.`
    const t = live
      ? `Liveness probe fails (no answer within timeoutSeconds ${PROBE_DEFAULTS.timeoutSeconds} s): after failureThreshold ` +
        `${live.failureThreshold} × periodSeconds ${live.periodSeconds} s the kubelet kills it (SIGTERM ignored by a hung PID 1, then ` +
        `SIGKILL: exit ${LIVENESS_KILL.exitCode}) and restarts it.`
      : ready
        ? `Readiness probe fails: the pod is removed from the Service endpoints${c.ready ? ' after failureThreshold failures' : ''}, ` +
          `but no liveness probe: it is never restarted.`
        : `No probes: the pod stays Ready and in the Service endpoints; requests routed to it time out. Only a liveness probe can notice.`
    found.push({
      key: 'hung',
      severity: 'bad',
      metaphor:
        `Stuck: the lights are on but nobody answers the door. The process is alive but answers nothing, so no cap or kernel ` +
        `stops it. ${m}`,
      technical: `Hung: the process is alive but answers nothing (no crash, no exit code, normal CPU and memory). ${t}`,
      source: `${PROBE_DEFAULTS.source}; ${LIVENESS_KILL.source}`,
    })
  }
  return found
}

function slowed({ c, kernelName, kernelTech, host }: Room): Finding[] {
  const found: Finding[] = []
  // Swap: the house under it promised more memory than it has, and its apartments use it.
  if (c.state === 'running' && host?.swapping) {
    found.push({
      key: 'swap',
      severity: 'warn',
      metaphor:
        `House ${host.name} promised its apartments ${host.memOvercommit}× the space it has and they use it: it stores things ` +
        `in the cellar (swap), so everything in it, this room too, runs at ${pct(c.speed)} speed.`,
      technical:
        `Host ${host.name} is swapping (memory overcommit ${host.memOvercommit}:1, guests touch more than ${host.memMiB} MiB ` +
        `physical): this container runs at ${pct(c.speed)}.`,
      source: MEM_OVERCOMMIT.source,
    })
  } else if (c.state === 'running' && !c.throttled && c.speed < RUNTIMES[c.runtime].speed - 0.01) {
    // Slower than its runtime allows, not throttled, no swap: its kernel's CPU is oversubscribed.
    found.push({
      key: 'shares',
      severity: 'warn',
      metaphor:
        `Its workers are busy elsewhere: ${kernelName} has more work than workers, so each room gets a share by what it booked ` +
        `(${c.cpuRequestMilli}m). It serves at ${pct(c.speed)}.`,
      technical:
        `CPU contention on ${kernelTech}: the kernel splits CPU by cpu.shares (from requests, ${c.cpuRequestMilli}m here); ` +
        `granted ${r0(c.cpuUsageMilli)}m, serving at ${pct(c.speed)}. A noisy neighbour without a limit is the usual cause.`,
      source: CPU_SHARES.source,
    })
  }
  return found
}

/** A burglar inside: how far it got, and what stopped it. */
function breached({ world, c, kernelName, kernelTech, hostId }: Room): Finding[] {
  const found: Finding[] = []
  if (c.breached) {
    const others = Object.values(world.containers).filter((o) => o !== c && o.breached && sameKernel(o, c))
    const elsewhere = Object.values(world.containers).filter(
      (o) => o !== c && o.breached && !sameKernel(o, c) && hostIdOf(world, o) === hostId,
    )
    const odds = escapeOdds(c)
    const sec = securityNotes(c.security)
    const wall = c.runtime !== 'runc' ? `${RUNTIMES[c.runtime].label} sandbox` : null
    const how = c.reason.startsWith('breached: ') ? c.reason.slice(10) : 'compromised'
    const reached = others.length
      ? {
          m: `The burglar reached ${others.length} other room${others.length === 1 ? '' : 's'} sharing the plumbing of ${kernelName}.`,
          t: `Shared kernel owned: ${others.length} other container(s) on ${kernelTech} compromised.`,
        }
      : { m: `No other room on the same plumbing was reached.`, t: `No other container on ${kernelTech} compromised.` }
    // Was this the room broken into first, and did the attacker get no further than it?
    const ev = [...eventsAbout(world, c.id)].reverse().find((e) => e.id === 'breach.breached')
    const contained = !!ev && ev.params.room === c.name && !ev.params.kernelOwned
    const stop = contained
      ? { m: 'The burglar never got out of the room: the locks held.', t: 'No container escape: the shared kernel was not reached.' }
      : elsewhere.length
        ? {
            m: `${elsewhere.length} room(s) beyond the apartment walls were reached too: a rare hypervisor escape.`,
            t: `${elsewhere.length} container(s) beyond the VM boundary compromised: hypervisor escape (rare, CVE-2015-3456 class).`,
          }
        : c.placement?.kind === 'vm'
          ? {
              m: 'It stopped at the apartment walls: the apartment has its own kernel.',
              t: 'Contained by the VM boundary: the guest kernel is its own; crossing needs a hypervisor escape (~1 in 1,000 here).',
            }
          : {
              m: 'Apartments in this house have their own kernels, so they were safe.',
              t: 'VMs on this host have their own kernels: not reachable without a hypervisor escape.',
            }
    found.push({
      key: 'breached',
      severity: 'bad',
      metaphor:
        `Burglar inside (${how}). ${reached.m} ${stop.m} Its odds to break out were ` +
        `${pct(odds)}${c.security.privileged ? ' (a privileged room is as good as open)' : ''}` +
        `${wall ? `, the ${wall} held the door` : ''}. ` +
        `Locks fitted: ${sec.on.length ? sec.on.join(', ') : 'none'}${sec.off.length ? `; missing: ${sec.off.join(', ')}` : ''}.`,
      technical:
        `Compromised (${how}). ${reached.t} ${stop.t} Escape odds ` +
        `${pct(odds)}${c.security.privileged ? ' (privileged: near-certain)' : ''}${wall ? ` (${wall}: a second wall)` : ''}. Settings ` +
        `that lowered them: ${sec.on.length ? sec.on.join(', ') : 'none'}${sec.off.length ? `; not set: ${sec.off.join(', ')}` : ''}.`,
      source: BREACH.source,
    })
  }
  return found
}

/** The image is being pulled: what is missing on this node. */
function pulling({ world, c, where }: Room): Finding[] {
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
        metaphor:
          `The kit is on its way: ${miss.ids.length} of ${image.layers.length} parts are not in ${where!.metaphor}'s shed yet ` +
          `(${miss.sizeMiB} MiB), about ${left} s left at ${PULL_MIB_PER_S.value} MiB/s. The next room of this kit here starts without ` +
          `waiting.`,
        technical:
          `Pulling ${image.ref}: ${miss.ids.length} of ${image.layers.length} layers missing on this node (${miss.sizeMiB} ` +
          `MiB), ~${left} s left at ${PULL_MIB_PER_S.value} MiB/s. Cached layers are not pulled again.`,
        source: PULL_MIB_PER_S.source,
      })
    }
  }
  return found
}

/** What its walls are: the runtime and the kernel it shares. */
function runtime({ c, kernelName, kernelTech }: Room): Finding[] {
  const found: Finding[] = []
  if (c.placement) {
    const rt = RUNTIMES[c.runtime]
    const label = RUNTIME_LABELS[c.runtime]
    found.push({
      key: 'runtime',
      severity: 'info',
      metaphor:
        c.runtime === 'runc'
          ? `A plain room: it shares the plumbing and wiring (kernel) of ${kernelName} with every room there. Fast to open, no extra ` +
            `cost, but a burglar who breaks out reaches them all.`
          : `${label.metaphor}: ${rt.ownKernel ? 'its own small kernel' : 'a guard between it and the shared plumbing'}. Costs ` +
            `${rt.overheadMiB} MiB more${rt.overheadCpuMilli ? ` and ${rt.overheadCpuMilli}m CPU` : ''}, opens in ${rt.start.minMs}–` +
            `${rt.start.maxMs} ms and runs at ${pct(rt.speed)} speed${rt.estimate ? ' (our estimates)' : ''}; a burglar ` +
            `rarely gets past it.`,
      technical:
        c.runtime === 'runc'
          ? `runc: namespaces + cgroups on ${kernelTech}, shared with every container there. Native speed, no overhead; a container ` +
            `escape owns that kernel.`
          : `${label.technical}: ${rt.ownKernel ? 'own guest kernel' : 'user-space kernel intercepting syscalls'}; +${rt.overheadMiB} ` +
            `MiB${rt.overheadCpuMilli ? ` +${rt.overheadCpuMilli}m CPU (RuntimeClass overhead, added to the pod's requests)` : ''}, ` +
            `start ${rt.start.minMs}–${rt.start.maxMs} ms, ${pct(rt.speed)} speed${rt.estimate ? ' (estimates, not measured)' : ''}; ` +
            `escape needs a sandbox bug.`,
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

export function diagnose(world: World, containerId: string): Finding[] {
  const c = world.containers[containerId]
  if (!c) return []
  const room = roomOf(world, c)
  return FINDERS.flatMap((find) => find(room))
}
