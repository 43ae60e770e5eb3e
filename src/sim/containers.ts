/**
 * The life of one container record, shared by the commands and the systems: create, delete,
 * change state, crash, lose with its node; and the rule that a limit is never below its request.
 */
import { reserveContainer } from './capacity'
import type { Result } from './result'
import { MEM_BASELINE_OF_REQUEST, TERMINATION_GRACE } from './constants'
import {
  containerList,
  containersOfApp,
  noteContainerAdded,
  noteContainerLost,
  noteContainerRemoved,
  noteContainerTouched,
} from './containerIndex'
import { logEvent } from './events'
import { say, refuse } from './messages'
import { noteSpecialRoom } from './specialRooms'
import { planFirstProbe } from './probeCalendar'
import { podName } from './podNames'
import type { App, AppId, Container, Placement, VmId, World } from './types'
import { newId, scaledDelay } from './world'

/** Kubernetes refuses a limit below its request. Null means no limit. */
export function checkLimits(cpuReq: number, memReq: number, cpuLimit: number | null, memLimit: number | null): Result {
  if (cpuLimit !== null && !(cpuLimit >= cpuReq && cpuLimit > 0))
    return refuse(say('containers.refused.cpuLimitMMust', { cpuLimit, cpuReq }))
  if (memLimit !== null && !(memLimit >= memReq && memLimit > 0))
    return refuse(say('containers.refused.memoryLimitMibMust', { memLimit, memReq }))
  return { ok: true }
}

export function placementSubject(p: Placement): string {
  return p.kind === 'host' ? p.hostId : p.vmId
}

/**
 * A plain room's name (one the player opened by hand, as with docker run --name): its app's name and the lowest number
 * none of the app's rooms has, so an app's first room is shop-1 (the id's number counts every house, apartment and room
 * made, so a name from it started at shop-c2). A ReplicaSet's pods keep Kubernetes' names (podName).
 */
function plainRoomName(world: World, app: App): string {
  const taken = new Set<string>()
  for (const c of containersOfApp(world, app.id)) taken.add(c.name)
  let k = 1
  while (taken.has(`${app.name}-${k}`)) k++
  return `${app.name}-${k}`
}

export function newContainer(world: World, appId: AppId, managed: boolean): Container {
  const app = world.apps[appId]!
  const id = newId(world, 'c')
  const c: Container = {
    id,
    name: managed ? podName(world, app, id, true) : plainRoomName(world, app),
    appId,
    imageId: app.imageId,
    placement: null,
    state: 'pending',
    stateSinceMs: world.timeMs,
    createdAtMs: world.timeMs,
    phaseEndsMs: 0,
    // A pod's requests are the sum of its containers' (how kube-scheduler counts them): app + sidecars.
    cpuRequestMilli: podCpuRequestMilli(app),
    memRequestMiB: podMemRequestMiB(app),
    restarts: 0,
    backoffMs: 0,
    reason: '',
    managed,
    cpuLimitMilli: app.cpuLimitMilli,
    memLimitMiB: app.memLimitMiB,
    runtime: app.runtime,
    // The app's own record, shared: setSecurity replaces it (a pod keeps the one it was made with), nothing changes it in place.
    security: app.security,
    cpuUsageMilli: 0,
    memUsageMiB: 0,
    speed: 1,
    throttled: false,
    exitCode: null,
    leakMiBPerS: 0,
    leakedMiB: 0,
    cpuHog: false,
    breached: false,
    namespace: app.namespace,
    priority: app.priorityClassName ? (world.priorityClasses[app.priorityClassName] ?? 0) : 0,
    ready: false,
    probe: { readinessFailures: 0, readinessSuccesses: 0, livenessFailures: 0, nextAtMs: 0 },
    hung: false,
    sidecars: sidecarNames(app),
    nominatedNode: null,
    terminatingUntilMs: null,
  }
  world.containers[id] = c
  noteContainerAdded(world, c)
  noteSpecialRoom(world, c)
  return c
}

/** The names of an app's sidecars, one list per list of sidecars (setSidecars replaces it), shared by the pods made from it. */
const sidecarLists = new WeakMap<App['sidecars'], string[]>()

function sidecarNames(app: App): string[] {
  let names = sidecarLists.get(app.sidecars)
  if (!names) sidecarLists.set(app.sidecars, (names = app.sidecars.map((s) => s.name)))
  return names
}

/** The pod's CPU request: the app's container plus its sidecars. */
export function podCpuRequestMilli(app: App): number {
  let sum = app.cpuRequestMilli
  for (const s of app.sidecars) sum += s.cpuRequestMilli
  return sum
}

/** The pod's memory request: the app's container plus its sidecars. */
export function podMemRequestMiB(app: App): number {
  let sum = app.memRequestMiB
  for (const s of app.sidecars) sum += s.memRequestMiB
  return sum
}

export function deleteContainer(world: World, c: Container): void {
  reserveContainer(world, c, -1)
  delete world.containers[c.id]
  noteContainerRemoved(world, c)
}

/**
 * Delete a pod the way the API server and kubelet do (kubernetes.io "Pod Lifecycle", TERMINATION_GRACE): a running pod
 * is Terminating for its grace period (out of the Service's endpoints, still holding its place on the node), then gone
 * (systems/kubelet.ts); a pod with no running container (pending, pulling, crashed...) goes at once. Already
 * terminating: nothing changes (a second delete does not restart the clock).
 */
export function terminatePod(world: World, c: Container): void {
  if (c.terminatingUntilMs !== null) return
  if (c.state !== 'running' || !c.placement) {
    deleteContainer(world, c)
    return
  }
  c.terminatingUntilMs = world.timeMs + scaledDelay(world, TERMINATION_GRACE.ms)
  noteContainerTouched(world, c)
  // An EndpointSlice marks a terminating endpoint not ready: the doorman sends it no new visitors.
  c.ready = false
}

/** Terminating: deleted, waiting out its grace period. */
export const isTerminating = (c: Container): boolean => c.terminatingUntilMs !== null

export function setContainerState(world: World, c: Container, state: Container['state'], reason = ''): void {
  c.state = state
  noteContainerTouched(world, c)
  c.stateSinceMs = world.timeMs
  c.reason = reason
  // A room that is not running uses nothing; one that just opened starts at its resting memory.
  c.cpuUsageMilli = 0
  c.memUsageMiB = state === 'running' ? c.memRequestMiB * MEM_BASELINE_OF_REQUEST : 0
  c.throttled = false
  // Readiness: a room without a readiness probe is ready as soon as it runs; with one, it waits for
  // the probe (systems/probes.ts). Every new run starts the probes afresh.
  c.ready = state === 'running' && !world.apps[c.appId]?.readinessProbe
  if (c.probe.readinessFailures !== 0 || c.probe.readinessSuccesses !== 0 || c.probe.livenessFailures !== 0 || c.probe.nextAtMs !== 0) {
    c.probe = { readinessFailures: 0, readinessSuccesses: 0, livenessFailures: 0, nextAtMs: 0 }
  }
  // A restart clears a hang: the stuck process is gone.
  if (state !== 'running') c.hung = false
  else planFirstProbe(world, c)
}

/** A container's process died. The caretaker (kubelet) restarts managed ones after a back-off. */
export function crashContainer(world: World, c: Container, metaphorWhy: string, technicalWhy: string): void {
  world.stats.crashes += 1
  const app = world.apps[c.appId]
  setContainerState(world, c, 'crashed', technicalWhy)
  c.exitCode = 1
  c.phaseEndsMs = world.timeMs
  logEvent(world, 'error', say('containers.crashed', { app: app?.name ?? '?', metaphorWhy, room: c.name, technicalWhy }), [c.id, c.appId])
}

export function loseContainer(world: World, c: Container): void {
  const wasReady = c.state === 'running' && c.ready
  setContainerState(world, c, 'lost', 'its node went down')
  noteContainerLost(world, c)
  // FIDELITY.md "Node failure detection": nobody has told the control plane yet. The pod stays Ready in its
  // Service's endpoints until the node lifecycle controller marks its node Unknown (systems/nodes.ts), so the
  // visitors sent to it meanwhile fail (systems/traffic.ts).
  c.ready = wasReady
}

/** A VM goes down (stopped or crashed): every container on its kernel goes with it. Returns how many. */
export function vmDown(world: World, vmId: VmId, state: 'stopped' | 'crashed'): number {
  const vm = world.vms[vmId]!
  // A migration in flight is abandoned: the source copy was the live one.
  vm.migration = null
  vm.state = state
  vm.stateSinceMs = world.timeMs
  vm.downSinceMs = world.timeMs
  let n = 0
  for (const c of containerList(world)) {
    if (c.placement?.kind === 'vm' && c.placement.vmId === vmId && c.state !== 'lost') {
      loseContainer(world, c)
      n += 1
    }
  }
  return n
}
