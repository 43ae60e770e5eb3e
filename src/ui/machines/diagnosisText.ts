/**
 * The room diagnosis's sentences in English (diagnosis.ts works out the facts; each finding's two sentences are built
 * here from them). The Spanish table (src/ui/i18n/diagnosis-es.ts) has the same shape and arrives with the pack.
 */
import { LIVENESS_KILL, OOM_KILL, PROBE_DEFAULTS, PULL_MIB_PER_S } from '../../sim'

type Pair = { metaphor: string; technical: string }
const pct = (n: number) => `${Math.round(n * 100)}%`
const INNOCENT = ', and that was this one even though it did not hoard: a neighbour without a cap filled the shared space'
const CROWDS = ': with no cap it crowds out its neighbours (they keep only what they booked)'
const SHARES = '; no limit: neighbours fall back to their cpu.shares (requests)'

export interface BreachFacts {
  how: string
  others: number
  elsewhere: number
  stop: 'contained' | 'escaped' | 'vmWall' | 'vmsSafe'
  odds: number
  privileged: boolean
  wall: string | null
  on: string[]
  off: string[]
  kernelName: string
  kernelTech: string
}

export interface RuntimeFacts {
  /** The runtime's name (runc, gvisor, kata, firecracker): another language names it from its own table. */
  name: string
  runc: boolean
  metaphorLabel: string
  technicalLabel: string
  ownKernel: boolean
  overheadMiB: number
  overheadCpuMilli: number
  minMs: number
  maxMs: number
  speed: number
  estimate: boolean
  kernelName: string
  kernelTech: string
}

export const DIAGNOSIS_EN = {
  heading: ['What the plumbing does to this room', 'What the kernel does to this container'] as readonly [string, string],
  label: ['What the plumbing does to this room', 'Kernel diagnosis'] as readonly [string, string],
  severity: { bad: 'Problem', warn: 'Watch', info: 'Note' },
  otherTerms: ['In technical terms', 'In house terms'] as readonly [string, string],
  source: (s: string) => `Source: ${s}`,
  /** Where the room stands, in both vocabularies ("house 1" / "host 1"): the simulation's English names. */
  place: (_inVm: boolean, p: Pair): Pair => p,
  /** How the room sits: "its apartment" / "the house", "the guest kernel of VM a1" / "the kernel of host 1". */
  kernelName: (inVm: boolean): string => (inVm ? 'its apartment' : 'the house'),
  kernelTech: (inVm: boolean, where: string): string => (inVm ? `the guest kernel of ${where}` : `the kernel of ${where}`),
  security: {
    runAsNonRoot: 'runs as non-root',
    readOnlyRootFilesystem: 'read-only root filesystem',
    dropAllCapabilities: 'capabilities dropped',
  },
  package: (ref: string, pkg: string, machineHas: string | undefined, inVm: boolean): Pair => ({
    metaphor:
      `The kit ${ref} lacks ${pkg}, which the app needs. A room has only what its kit ` +
      `carries${machineHas ? `: that ${inVm ? 'apartment' : 'house'} has ${machineHas} installed, ` : ''}` +
      `${machineHas ? 'and it does not help' : ''}. Build a kit that carries it (W).`,
    technical:
      `exec failed: image ${ref} does not contain ${pkg}. A container sees only its image's ` +
      `filesystem${machineHas ? ` (the node's own ${machineHas} is invisible to it)` : ''}; rebuild the image with it and roll it out.`,
  }),
  oom: (used: string | null, limit: string, leak: number, managed: boolean): Pair => {
    const again = leak > 0 ? `, and as it leaks ${leak} MiB a second it will happen again` : ''
    const recur = leak > 0 ? ` Leak ${leak} MiB/s: it will recur.` : ''
    return {
      metaphor:
        `Thrown out for taking too much space: it used ${used ?? 'more than'} its space cap of ${limit}. The caretaker stops ` +
        `it at once (exit code ${OOM_KILL.exitCode}); ` +
        `${managed ? `the manager reopens it after a wait${again}` : 'nobody reopens it: no manager looks after it'}.`,
      technical:
        `Last state: Terminated, reason ${OOM_KILL.reason}, exit code ${OOM_KILL.exitCode} (128 + SIGKILL 9). memory.max ` +
        `${limit}${used ? `, usage reached ${used}` : ''}: the cgroup's OOM killer killed it. ` +
        `${managed ? `restartPolicy Always: restarts after back-off.${recur}` : 'Not managed: stays down.'}`,
    }
  },
  kernelOom: (kernelName: string, kernelTech: string, leaking: boolean): Pair => ({
    metaphor:
      `Thrown out because ${kernelName || 'its building'} ran out of space: the caretaker of the plumbing threw out the ` +
      `biggest room${leaking ? ' (this one, which hoarded)' : INNOCENT}. ` +
      `Exit code ${OOM_KILL.exitCode}. A space cap on the hoarder would have stopped it alone.`,
    technical:
      `Last state: Terminated, ${OOM_KILL.reason}, exit code ${OOM_KILL.exitCode}: not its own limit, ` +
      `${kernelTech || 'its kernel'} ran out of memory and the kernel OOM killer chose the largest ` +
      `process${leaking ? '' : ' (a noisy neighbour without a memory limit caused it)'}. Set memory limits so the leaker ` +
      `is killed alone.`,
  }),
  kernelOomSource: 'kernel docs: the OOM killer picks the task with the highest oom_score (largest memory)',
  throttled: (usage: number, limit: number, speed: number): Pair => ({
    metaphor:
      `Held to its worker cap: it uses ${usage}m of its ${limit}m ` +
      `(${(limit / 1000).toFixed(2)} workers) and wants more. Every tenth of a second it works flat out until its share ` +
      `is used, then waits for the next tenth: it works slower, nobody throws it out. Speed now ${pct(speed)}.`,
    technical:
      `CPU throttled: usage ${usage}m = limit ${limit}m. CFS quota: the room gets its limit and no ` +
      `more (cpu.max ${limit * 100} per 100000 µs period): in each 100 ms period it runs at full speed until it has ` +
      `used ${(limit / 10).toFixed(0)} ms of CPU, then waits for the next period (a short burst finishes at full ` +
      `speed; a long one stalls). It is slowed, not killed. Serving at ${pct(speed)} (the game averages over each period).`,
  }),
  limits: (f: {
    mem: number
    lim: number | null
    share: string
    cpu: number
    cpuLim: number | null
    eta: number | null
    cpuReq: number
    memReq: number
  }): Pair => ({
    metaphor:
      `Space used ${f.mem} MiB` +
      `${f.lim !== null ? ` of its cap ${f.lim} MiB (${f.share})` : ' with no cap: it may take what the building has'}; ` +
      `workers ${f.cpu}m${f.cpuLim !== null ? ` of its cap ${f.cpuLim}m` : ', no cap'}.` +
      `${f.eta !== null ? ` At this leak it hits the cap in about ${Math.ceil(f.eta)} s.` : ''}`,
    technical:
      `Memory ${f.mem} MiB${f.lim !== null ? ` / limit ${f.lim} MiB (${f.share})` : ', no limit (bounded only by its kernel)'}; ` +
      `CPU ${f.cpu}m${f.cpuLim !== null ? ` / limit ${f.cpuLim}m` : ', no limit'}; ` +
      `requests ${f.cpuReq}m, ${f.memReq} MiB.` +
      `${f.eta !== null ? ` OOM kill in ~${Math.ceil(f.eta)} s at the current leak.` : ''}`,
  }),
  leak: (label: Pair, rate: number, leaked: number): Pair => ({
    metaphor: `${label.metaphor}: ${rate} MiB more every second (${leaked} MiB since it opened).`,
    technical: `Chaos: ${label.technical} at ${rate} MiB/s (${leaked} MiB leaked since start).`,
  }),
  hog: (kernelName: string, kernelTech: string, limit: number | null): Pair => ({
    metaphor:
      `A runaway machine in this room wants every worker of ` +
      `${kernelName}${limit !== null ? `, but its cap holds it to ${limit}m` : CROWDS}.`,
    technical: `Chaos: CPU hog (busy loop) on ${kernelTech}${limit !== null ? `; held to ${limit}m by its CFS quota` : SHARES}.`,
  }),
  hung: (live: { failureThreshold: number; periodSeconds: number } | null, ready: boolean, isReady: boolean): Pair => {
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
        ? `Readiness probe fails: the pod is removed from the Service endpoints${isReady ? ' after failureThreshold failures' : ''}, ` +
          `but no liveness probe: it is never restarted.`
        : `No probes: the pod stays Ready and in the Service endpoints; requests routed to it time out. Only a liveness probe can notice.`
    return {
      metaphor:
        `Stuck: the lights are on but nobody answers the door. The process is alive but answers nothing, so no cap or kernel ` +
        `stops it. ${m}`,
      technical: `Hung: the process is alive but answers nothing (no crash, no exit code, normal CPU and memory). ${t}`,
    }
  },
  swap: (host: string, ratio: number, memMiB: number, speed: number): Pair => ({
    metaphor:
      `House ${host} promised its apartments ${ratio}× the space it has and they use it: it stores things ` +
      `in the cellar (swap), so everything in it, this room too, runs at ${pct(speed)} speed.`,
    technical:
      `Host ${host} is swapping (memory overcommit ${ratio}:1, guests touch more than ${memMiB} MiB ` +
      `physical): this container runs at ${pct(speed)}.`,
  }),
  shares: (kernelName: string, kernelTech: string, request: number, usage: number, speed: number): Pair => ({
    metaphor:
      `Its workers are busy elsewhere: ${kernelName} has more work than workers, so each room gets a share by what it booked ` +
      `(${request}m). It serves at ${pct(speed)}.`,
    technical:
      `CPU contention on ${kernelTech}: the kernel splits CPU by cpu.shares (from requests, ${request}m here); ` +
      `granted ${usage}m, serving at ${pct(speed)}. A noisy neighbour without a limit is the usual cause.`,
  }),
  compromised: 'compromised',
  breached: (f: BreachFacts): Pair => {
    const reached = f.others
      ? {
          m: `The burglar reached ${f.others} other room${f.others === 1 ? '' : 's'} sharing the plumbing of ${f.kernelName}.`,
          t: `Shared kernel owned: ${f.others} other container(s) on ${f.kernelTech} compromised.`,
        }
      : { m: `No other room on the same plumbing was reached.`, t: `No other container on ${f.kernelTech} compromised.` }
    const stop =
      f.stop === 'contained'
        ? { m: 'The burglar never got out of the room: the locks held.', t: 'No container escape: the shared kernel was not reached.' }
        : f.stop === 'escaped'
          ? {
              m: `${f.elsewhere} room(s) beyond the apartment walls were reached too: a rare hypervisor escape.`,
              t: `${f.elsewhere} container(s) beyond the VM boundary compromised: hypervisor escape (rare, CVE-2015-3456 class).`,
            }
          : f.stop === 'vmWall'
            ? {
                m: 'It stopped at the apartment walls: the apartment has its own kernel.',
                t: 'Contained by the VM boundary: the guest kernel is its own; crossing needs a hypervisor escape (~1 in 1,000 here).',
              }
            : {
                m: 'Apartments in this house have their own kernels, so they were safe.',
                t: 'VMs on this host have their own kernels: not reachable without a hypervisor escape.',
              }
    const wall = f.wall ? `${f.wall} sandbox` : null
    return {
      metaphor:
        `Burglar inside (${f.how}). ${reached.m} ${stop.m} Its odds to break out were ` +
        `${pct(f.odds)}${f.privileged ? ' (a privileged room is as good as open)' : ''}` +
        `${wall ? `, the ${wall} held the door` : ''}. ` +
        `Locks fitted: ${f.on.length ? f.on.join(', ') : 'none'}${f.off.length ? `; missing: ${f.off.join(', ')}` : ''}.`,
      technical:
        `Compromised (${f.how}). ${reached.t} ${stop.t} Escape odds ` +
        `${pct(f.odds)}${f.privileged ? ' (privileged: near-certain)' : ''}${wall ? ` (${wall}: a second wall)` : ''}. Settings ` +
        `that lowered them: ${f.on.length ? f.on.join(', ') : 'none'}${f.off.length ? `; not set: ${f.off.join(', ')}` : ''}.`,
    }
  },
  pull: (missing: number, total: number, where: string, sizeMiB: number, left: number, ref: string): Pair => ({
    metaphor:
      `The kit is on its way: ${missing} of ${total} parts are not in ${where}'s shed yet ` +
      `(${sizeMiB} MiB), about ${left} s left at ${PULL_MIB_PER_S.value} MiB/s. The next room of this kit here starts without ` +
      `waiting.`,
    technical:
      `Pulling ${ref}: ${missing} of ${total} layers missing on this node (${sizeMiB} ` +
      `MiB), ~${left} s left at ${PULL_MIB_PER_S.value} MiB/s. Cached layers are not pulled again.`,
  }),
  runtime: (f: RuntimeFacts): Pair => ({
    metaphor: f.runc
      ? `A plain room: it shares the plumbing and wiring (kernel) of ${f.kernelName} with every room there. Fast to open, no extra ` +
        `cost, but a burglar who breaks out reaches them all.`
      : `${f.metaphorLabel}: ${f.ownKernel ? 'its own small kernel' : 'a guard between it and the shared plumbing'}. Costs ` +
        `${f.overheadMiB} MiB more${f.overheadCpuMilli ? ` and ${f.overheadCpuMilli}m CPU` : ''}, opens in ${f.minMs}–` +
        `${f.maxMs} ms and runs at ${pct(f.speed)} speed${f.estimate ? ' (our estimates)' : ''}; a burglar ` +
        `rarely gets past it.`,
    technical: f.runc
      ? `runc: namespaces + cgroups on ${f.kernelTech}, shared with every container there. Native speed, no overhead; a container ` +
        `escape owns that kernel.`
      : `${f.technicalLabel}: ${f.ownKernel ? 'own guest kernel' : 'user-space kernel intercepting syscalls'}; +${f.overheadMiB} ` +
        `MiB${f.overheadCpuMilli ? ` +${f.overheadCpuMilli}m CPU (RuntimeClass overhead, added to the pod's requests)` : ''}, ` +
        `start ${f.minMs}–${f.maxMs} ms, ${pct(f.speed)} speed${f.estimate ? ' (estimates, not measured)' : ''}; ` +
        `escape needs a sandbox bug.`,
  }),
}

export type DiagnosisText = typeof DIAGNOSIS_EN
