/**
 * Deployment and ReplicaSet controllers: for each app the manager looks after, make actual
 * replicas match the clipboard. When the app's image changed, roll over to the new one a few
 * at a time: never more than replicas + maxSurge pods, never fewer than replicas − maxUnavailable
 * available (kubernetes.io "Deployments").
 */
import { newContainer, terminatePod } from '../containers'
import { podMemRequestMiB } from '../containers'
import { ROLLING_UPDATE } from '../constants'
import { replicaSetName } from '../podNames'
import { containerList, containersOfApp, takeAppsTouched } from '../containerIndex'
import { logEvent } from '../events'
import { say } from '../messages'
import type { App, Container, World } from '../types'

/** Which pods to remove first, as the ReplicaSet controller ranks them: unscheduled, then not ready, then newest. */
function deletionRank(c: Container): number {
  if (c.placement === null) return 0
  if (c.state !== 'running' || !c.ready) return 1
  return 2
}

/** Pods per app, in one pass. Pods of an app are mostly adjacent, so the last lookup is reused. */
export function countByApp(world: World, include: (c: Container) => boolean): Map<string, number> {
  const counts = new Map<string, number>()
  let lastApp = ''
  let run = 0
  const list = containerList(world)
  for (let at = 0; at < list.length; at++) {
    const c = list[at]!
    if (!include(c)) continue
    if (c.appId !== lastApp) {
      if (run > 0) counts.set(lastApp, (counts.get(lastApp) ?? 0) + run)
      lastApp = c.appId
      run = 0
    }
    run++
  }
  if (run > 0) counts.set(lastApp, (counts.get(lastApp) ?? 0) + run)
  return counts
}

/** Active as the ReplicaSet counts it (controller.FilterActivePods): not terminated, not being deleted (Terminating). */
const alive = (c: Container): boolean => c.state !== 'terminated' && c.terminatingUntilMs === null
/** Available as the Deployment counts it: running and ready (a readiness probe holds a new pod back). */
const available = (c: Container): boolean => c.state === 'running' && c.ready

/**
 * Whether a pod matches its app's current pod template: same image, same namespace, same sidecars.
 * Anything else belongs to an older ReplicaSet and is replaced by the rolling update.
 * Sidecars and namespace change only with a new revision (podCommands.ts), so an app still at
 * revision 1 needs only the image compared: the census then reads no more of each of 150,000 pods
 * than it did before pods had sidecars. Requests never change on a pod and every sidecar requests
 * some memory, so a different memory request means other sidecars.
 */
export function podIsCurrent(app: App, c: Container, podMem?: number): boolean {
  if (c.imageId !== app.imageId) return false
  if (app.revision === 1) return true
  if (c.namespace !== app.namespace || c.memRequestMiB !== (podMem ?? podMemRequestMiB(app))) return false
  const s = app.sidecars
  if (s.length === 0) return true
  if (c.sidecars.length !== s.length) return false
  for (let i = 0; i < s.length; i++) if (c.sidecars[i] !== s[i]!.name) return false
  return true
}

/**
 * ResolveFenceposts (FIDELITY.md "Deployment rolling update"): maxSurge rounds up, maxUnavailable rounds down; when both
 * resolve to 0, maxUnavailable becomes 1 (the game used to raise maxSurge instead).
 */
export function rolloutBounds(
  replicas: number,
  surgePercent: number = ROLLING_UPDATE.maxSurgePercent,
  unavailablePercent: number = ROLLING_UPDATE.maxUnavailablePercent,
): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = Math.ceil((replicas * surgePercent) / 100)
  const maxUnavailable = Math.floor((replicas * unavailablePercent) / 100)
  return { maxSurge, maxUnavailable: maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable }
}

export function replicaSets(world: World): void {
  const managedApps = Object.values(world.apps).filter((a) => a.managed)
  if (managedApps.length === 0) return
  const census = podCensus(world, managedApps)
  for (const app of managedApps) {
    const c = census.get(app.id)
    if (c && c.stale > 0) rollOut(world, app)
    else reconcile(world, app, c?.alive ?? 0)
  }
}

/** An app's census, and the pod template it was taken against (podIsCurrent reads these). */
interface AppCensus {
  alive: number
  stale: number
  imageId: string
  revision: number
  namespace: string
  sidecars: App['sidecars']
  podMem: number
}

/** The census kept between steps, per world: an app none of whose pods was touched since keeps its counts. */
const censuses = new WeakMap<World['containers'], Map<string, AppCensus>>()

/**
 * Alive pods per managed app, and how many of them still follow an older pod template (image, namespace, sidecars).
 * Counted again only for the apps whose pods were touched, made or removed since the last step (containerIndex.ts
 * takeAppsTouched) or whose template changed; the first time, in one pass over all rooms. At 150,000 pods the pass
 * took ~3 ms of every step, where a step with an eviction touches a few dozen apps.
 */
function podCensus(world: World, managedApps: readonly App[]): Map<string, { alive: number; stale: number }> {
  const touched = takeAppsTouched(world, 'census')
  let kept = censuses.get(world.containers)
  if (!kept || !touched) {
    kept = censusOfAll(world)
    censuses.set(world.containers, kept)
  }
  for (const app of managedApps) {
    const was = kept.get(app.id)
    const podMem = podMemRequestMiB(app)
    if (
      was &&
      !touched?.has(app.id) &&
      was.imageId === app.imageId &&
      was.revision === app.revision &&
      was.namespace === app.namespace &&
      was.sidecars === app.sidecars &&
      was.podMem === podMem
    )
      continue
    const entry = censusEntry(app, podMem)
    for (const c of containersOfApp(world, app.id)) {
      if (!alive(c)) continue
      entry.alive++
      if (!podIsCurrent(app, c, podMem)) entry.stale++
    }
    kept.set(app.id, entry)
  }
  return kept
}

function censusEntry(app: App, podMem: number): AppCensus {
  return {
    alive: 0,
    stale: 0,
    imageId: app.imageId,
    revision: app.revision,
    namespace: app.namespace,
    sidecars: app.sidecars,
    podMem,
  }
}

/** Every app's census, in one pass over all rooms. Pods of an app are mostly adjacent, so the last lookup is reused. */
function censusOfAll(world: World): Map<string, AppCensus> {
  const census = new Map<string, AppCensus>()
  let lastApp = ''
  let entry: AppCensus | undefined
  let app: App | undefined
  let podMem = 0
  const list = containerList(world)
  // An index walk: V8 allocated an iterator result per room for this for...of (GBs over a 600-step zone outage at L).
  for (let at = 0; at < list.length; at++) {
    const c = list[at]!
    if (!alive(c)) continue
    if (c.appId !== lastApp) {
      lastApp = c.appId
      app = world.apps[c.appId]
      podMem = app ? podMemRequestMiB(app) : 0
      entry = census.get(lastApp)
      if (!entry && app) census.set(lastApp, (entry = censusEntry(app, podMem)))
    }
    if (!app || !entry) continue
    entry.alive++
    if (!podIsCurrent(app, c, podMem)) entry.stale++
  }
  return census
}

function reconcile(world: World, app: App, current: number): void {
  const diff = app.replicas - current
  if (diff > 0) {
    for (let i = 0; i < diff; i++) newContainer(world, app.id, true)
    logEvent(world, 'info', say('replicaset.podCreated', { diff, app: app.name, replicas: app.replicas, current }), [app.id])
  } else if (diff < 0) {
    const pods = containerList(world).filter((c) => c.appId === app.id && alive(c))
    removePods(world, pods, -diff)
    logEvent(world, 'info', say('replicaset.podDeleted', { diff: -diff, app: app.name, replicas: app.replicas }), [app.id])
  }
}

function removePods(world: World, pods: Container[], n: number): void {
  const victims = [...pods].sort((a, b) => deletionRank(a) - deletionRank(b) || b.stateSinceMs - a.stateSinceMs).slice(0, n)
  for (const c of victims) terminatePod(world, c)
}

function rollOut(world: World, app: App): void {
  if (app.rolloutPaused) return
  const pods = containerList(world).filter((c) => c.appId === app.id && alive(c))
  const fresh = pods.filter((c) => podIsCurrent(app, c))
  const old = pods.filter((c) => !podIsCurrent(app, c))
  const { maxSurge, maxUnavailable } = rolloutBounds(app.replicas)
  // Scale the new ReplicaSet up, within the surge.
  const create = Math.max(0, Math.min(app.replicas - fresh.length, app.replicas + maxSurge - pods.length))
  for (let i = 0; i < create; i++) newContainer(world, app.id, true)
  // Scale the old one down, as far as availability allows (deployment controller's maxScaledDown):
  // unhealthy old pods go first; healthy ones only while replicas − maxUnavailable stay available.
  const minAvailable = app.replicas - maxUnavailable
  const newUnavailable = fresh.filter((c) => !available(c)).length + create
  const maxScaledDown = pods.length + create - minAvailable - newUnavailable
  const victims = [...old]
    .sort((a, b) => deletionRank(a) - deletionRank(b) || b.stateSinceMs - a.stateSinceMs)
    .slice(0, Math.max(0, maxScaledDown))
  for (const c of victims) terminatePod(world, c)
  const removed = victims.length
  if (create > 0 || removed > 0) {
    const image = world.images[app.imageId]?.ref ?? app.imageId
    logEvent(
      world,
      'info',
      say('replicaset.rollingUpdate', { app: app.name, create, image, removed, old: old.length - removed, maxSurge, maxUnavailable }),
      [app.id],
    )
    if (removed === old.length) {
      logEvent(world, 'info', say('replicaset.rolledOut', { app: app.name, image, revision: app.revision }), [app.id])
    }
  }
}

/** Where a Deployment's rollout stands, as its status counts it (DeploymentStatus) and the manager panel shows it. */
export interface RolloutStatus {
  /** spec.replicas */
  desired: number
  /** status.updatedReplicas: active pods of the current template. */
  updated: number
  /** status.replicas: every active pod, old and new (Terminating ones are not counted). */
  total: number
  /** status.availableReplicas among the updated ones: running and Ready. */
  updatedAvailable: number
  /** Pods being deleted, waiting out their grace period (shown by kubectl get pods as Terminating). */
  terminating: number
  paused: boolean
  done: boolean
}

export function rolloutStatus(world: World, app: App): RolloutStatus {
  let updated = 0
  let total = 0
  let updatedAvailable = 0
  let terminating = 0
  // The app's own rooms (kept in step with the room list): the HUD shows this every batch, at 150,000 rooms too.
  for (const c of containersOfApp(world, app.id)) {
    if (c.state === 'terminated') continue
    if (c.terminatingUntilMs !== null) {
      terminating++
      continue
    }
    total++
    if (!podIsCurrent(app, c)) continue
    updated++
    if (available(c)) updatedAvailable++
  }
  const done = updated >= app.replicas && total <= updated && updatedAvailable >= updated
  return { desired: app.replicas, updated, total, updatedAvailable, terminating, paused: app.rolloutPaused, done }
}

/**
 * `kubectl rollout status` (kubectl's DeploymentStatusViewer, polymorphichelpers/rollout_status.go): the first line that
 * applies of: new replicas not all updated, old replicas pending termination, updated replicas not all available; else
 * success. A paused rollout keeps waiting (kubectl prints the same line until it is resumed).
 */
export function rolloutStatusText(app: App, s: RolloutStatus): string {
  const wait = `Waiting for deployment "${app.name}" rollout to finish: `
  if (s.updated < s.desired) return `${wait}${s.updated} out of ${s.desired} new replicas have been updated...`
  if (s.total > s.updated) return `${wait}${s.total - s.updated} old replicas are pending termination...`
  if (s.updatedAvailable < s.updated) return `${wait}${s.updatedAvailable} of ${s.updated} updated replicas are available...`
  return `deployment "${app.name}" successfully rolled out`
}

/** One of a Deployment's ReplicaSets, as `kubectl get rs` lists it. */
export interface ReplicaSetView {
  name: string
  imageId: string
  revision: number
  /** spec.replicas: the ReplicaSet's share now (the current one's grows during a rollout, the old ones' shrink to 0). */
  desired: number
  /** Its active pods (not Terminating). */
  current: number
  ready: number
  createdAtMs: number
  isCurrent: boolean
}

/**
 * The ReplicaSets of a managed app: one per pod template in its revision history (revisionHistoryLimit old ones plus
 * the current), newest revision first. A template used again (a rollback) is the same ReplicaSet under its newest
 * revision number, as the deployment controller re-labels it (deployment.kubernetes.io/revision).
 */
export function appReplicaSets(world: World, app: App): ReplicaSetView[] {
  const byImage = new Map<string, { revision: number; atMs: number }>()
  for (const r of app.revisions) {
    const first = byImage.get(r.imageId)
    byImage.set(r.imageId, { revision: r.revision, atMs: first?.atMs ?? r.atMs ?? 0 })
  }
  if (!byImage.has(app.imageId)) byImage.set(app.imageId, { revision: app.revision, atMs: 0 })
  const out: ReplicaSetView[] = []
  for (const [imageId, r] of byImage) {
    const name = replicaSetName(world, app, imageId)
    let current = 0
    let ready = 0
    for (const c of containerList(world)) {
      if (c.appId !== app.id || c.terminatingUntilMs !== null || c.state === 'terminated' || !c.name.startsWith(name + '-')) continue
      current++
      if (available(c)) ready++
    }
    out.push({
      name,
      imageId,
      revision: r.revision,
      desired: current,
      current,
      ready,
      createdAtMs: r.atMs,
      isCurrent: imageId === app.imageId,
    })
  }
  return out.sort((a, b) => b.revision - a.revision)
}

/** `kubectl rollout history deployment/NAME`: each ReplicaSet's revision, oldest first; no change-cause annotation. */
export function rolloutHistory(world: World, app: App): string {
  const revs = appReplicaSets(world, app)
    .map((r) => r.revision)
    .sort((a, b) => a - b)
  return [`deployment.apps/${app.name}`, 'REVISION  CHANGE-CAUSE', ...revs.map((r) => `${String(r).padEnd(10)}<none>`)].join('\n')
}
