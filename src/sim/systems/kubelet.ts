/**
 * The caretaker in each house and apartment (kubelet + container runtime): pulls missing images,
 * starts containers, and restarts the manager's crashed rooms: the first at once, later ones after the CrashLoopBackOff delay.
 */
import { placementName, placementUp } from '../capacity'
import { CRASH_BACKOFF, PULL_MIB_PER_S, RUNTIMES } from '../constants'
import { crashContainer, deleteContainer, setContainerState } from '../containers'
import { logEvent } from '../events'
import { say } from '../messages'
import { nextInt } from '../rng'
import type { Container, Image, LayerId, World } from '../types'
import { scaledDelay } from '../world'
import { containerList, idBefore, lostRoomsByNode, roomsInIdOrder, takeTouched } from '../containerIndex'
import { layerCacheOf, missingLayers, packageName, packageVersion } from '../images'

/** The first package the app requires that its image does not carry, or null. */
function missingPackage(world: World, c: Container): string | null {
  const app = world.apps[c.appId]
  if (!app || app.requires.length === 0) return null
  const have = world.images[c.imageId]?.packages ?? []
  for (const need of app.requires)
    if (!have.includes(need) && !(packageVersion(need) === null && have.some((p) => packageName(p) === need))) return need
  return null
}

/** The images a pod needs: its app's, then its sidecars' (every container of the pod is pulled before it starts). */
function podImages(world: World, c: Container): Image[] {
  const out: Image[] = []
  const main = world.images[c.imageId]
  if (main) out.push(main)
  if (c.sidecars.length > 0) {
    for (const s of world.apps[c.appId]?.sidecars ?? []) {
      const im = world.images[s.imageId]
      if (im && c.sidecars.includes(s.name) && !out.includes(im)) out.push(im)
    }
  }
  return out
}

/** Layers of these images missing from the cache, each counted once (images share base layers). */
function podMissingLayers(world: World, images: Image[], cache: LayerId[]): { ids: LayerId[]; sizeMiB: number } {
  if (images.length === 1) return missingLayers(world, images[0]!, cache)
  const ids: LayerId[] = []
  let sizeMiB = 0
  for (const image of images) {
    for (const m of missingLayers(world, image, cache).ids) {
      if (ids.includes(m)) continue
      ids.push(m)
      sizeMiB += world.layers[m]?.sizeMiB ?? 0
    }
  }
  return { ids, sizeMiB }
}

/** The last pull's words, reused while the figures repeat (a big street's 150,000 first pulls read alike). */
let lastPull = { layers: -1, total: -1, sizeMiB: -1, text: '' }

function pullingText(layers: number, total: number, sizeMiB: number): string {
  const p = lastPull
  if (p.layers !== layers || p.total !== total || p.sizeMiB !== sizeMiB)
    lastPull = { layers, total, sizeMiB, text: `pulling ${layers} of ${total} layers (${sizeMiB} MiB)` }
  return lastPull.text
}

function startCreating(world: World, c: Container): void {
  setContainerState(world, c, 'creating')
  // A fresh process: whatever the last one leaked is gone (the leak itself is in the code, so it comes back).
  c.leakedMiB = 0
  const start = RUNTIMES[c.runtime].start
  c.phaseEndsMs = world.timeMs + nextInt(world.rng, start.minMs, start.maxMs)
}

/**
 * Whether any room lost with its node stands on a node that is up again (the only lost rooms kubelet acts on), from the
 * per-node index of lost rooms: while a burnt zone's 75,000 rooms wait for eviction, kubelet need not ask for each
 * of them every step whether its node is back. Nodes whose lost rooms have all left are dropped from the index.
 */
function lostRoomsOnUpNodes(world: World): boolean {
  const index = lostRoomsByNode(world)
  // Both pruned every step (no short cut): the order does not matter, every node's entry is looked at.
  const onHouses = pruneUp(world, index.hosts)
  const onApartments = pruneUp(world, index.vms)
  return onHouses || onApartments
}

function pruneUp(world: World, index: Map<string, Container[]>): boolean {
  let any = false
  // forEach, not for...of over the entries: no [key, rooms] pair per down node and step (2,500 of them in a zone outage).
  index.forEach((rooms, key) => {
    const first = rooms[0]!
    if (!first.placement || !placementUp(world, first.placement)) return
    const still = rooms.filter((c) => c.state === 'lost' && world.containers[c.id] === c)
    if (still.length === 0) index.delete(key)
    else {
      if (still.length < rooms.length) index.set(key, still)
      any = true
    }
  })
  return any
}

/**
 * The rooms that needed kubelet at the end of its last pass, in the room list's order, per world: every other room was
 * quiet then, and one that is no longer has been touched since (containerIndex.ts noteContainerTouched). So a pass
 * visits these and the touched ones, in the list's order, instead of asking all 150,000 rooms of a big street.
 */
const needing = new WeakMap<World['containers'], Container[]>()

/**
 * A room kubelet has nothing to do for: running with no back-off to forget, lost on a node still down (while no lost room
 * stands on a node that is up again), or terminated; and not being deleted.
 */
function quiet(c: Container, restartLost: boolean): boolean {
  // Every comparison runs for every room, so V8's optimised loop has seen them all before a zone outage: a first lost
  // or restarted room among 150,000 running ones threw it back to the interpreter (a deopt: 20-40 ms for that step).
  const s = c.state
  const running = s === 'running'
  const lost = s === 'lost'
  const terminated = s === 'terminated'
  const idle = running ? c.backoffMs === 0 : lost ? !restartLost : terminated
  return idle && c.terminatingUntilMs === null
}

export function kubelet(world: World): void {
  const now = world.timeMs
  const restartLost = lostRoomsOnUpNodes(world)
  const list = containerList(world)
  const kept = needing.get(world.containers)
  const touched = takeTouched(world)
  // Only while few rooms need it (at most 64 or an eighth: not while a big street's 150,000 pods start, nor right after a zone
  // burns), no lost room is to be restarted (those are many and spread), and the list is in its rooms' id order.
  if (kept && touched && !restartLost && kept.length + touched.length <= Math.max(64, list.length >> 3) && roomsInIdOrder(world)) {
    needing.set(world.containers, tendFew(world, kept, touched, now))
    return
  }
  const next: Container[] = []
  const most = Math.max(64, list.length >> 3)
  // An index walk: V8 allocated an iterator result per room for this for...of (GBs over a 600-step zone outage at L).
  for (let at = 0; at < list.length; at++) {
    const c = list[at]!
    if (quiet(c, restartLost)) continue
    tend(world, c, now, restartLost)
    // Past the most the short way takes, the next pass walks all rooms anyway: no need to note 150,000 starting pods.
    if (next.length <= most) next.push(c)
  }
  if (next.length <= most) needing.set(world.containers, next)
  else needing.delete(world.containers)
}

/**
 * The rooms that needed kubelet and those touched since, each once, still in the world, in the order of the room list
 * (their ids' order), tended as the walk over all would tend them; returns those that still need it.
 */
function tendFew(world: World, kept: Container[], touched: Container[], now: number): Container[] {
  const rooms: Container[] = []
  const seen = new Set<Container>()
  for (const list of [kept, touched])
    for (const c of list) {
      if (seen.has(c) || world.containers[c.id] !== c) continue
      seen.add(c)
      rooms.push(c)
    }
  rooms.sort((a, b) => (a === b ? 0 : idBefore(a, b) ? -1 : 1))
  const next: Container[] = []
  for (const c of rooms) {
    if (quiet(c, false)) continue
    tend(world, c, now, false)
    next.push(c)
  }
  return next
}

/** What kubelet does for one room this step, by its state (kept out of the loop over all rooms, see kubelet). */
function tend(world: World, c: Container, now: number, restartLost: boolean): void {
  if (c.terminatingUntilMs !== null) {
    // A deleted pod (containers.ts terminatePod): gone at the end of its grace period (SIGKILL), or as soon as its
    // process has exited; a container that dies while terminating is not restarted.
    if (now >= c.terminatingUntilMs || (c.state !== 'running' && c.state !== 'lost')) deleteContainer(world, c)
    return
  }
  switch (c.state) {
    case 'running':
      if (c.backoffMs > 0 && now - c.stateSinceMs >= CRASH_BACKOFF.resetAfterMs) c.backoffMs = 0
      break
    case 'pending': {
      if (!c.placement) break
      if (!placementUp(world, c.placement)) {
        c.reason = 'waiting for its apartment to finish booting'
        break
      }
      const cache = layerCacheOf(world, c.placement)
      const images = podImages(world, c)
      const missing = cache ? podMissingLayers(world, images, cache) : null
      if (missing && missing.ids.length > 0) {
        // Only the layers this place lacks travel; a second start of the same image pulls nothing.
        const total = images.reduce((n, im) => n + im.layers.length, 0)
        setContainerState(world, c, 'pulling', pullingText(missing.ids.length, total, missing.sizeMiB))
        c.phaseEndsMs = now + Math.ceil((missing.sizeMiB / PULL_MIB_PER_S.value) * 1000)
        // Told in the log like a start: on small streets (a big street's first pulls would bury everything else).
        if (world.events.length < 2000)
          logEvent(
            world,
            'info',
            say('kubelet.pulling', {
              app: world.apps[c.appId]?.name ?? c.appId,
              where: placementName(world, c.placement).metaphor,
              crates: missing.ids.length,
              cached: total - missing.ids.length,
              image: images.map((im) => im.ref).join('", "'),
            }),
            [c.id, c.appId],
          )
      } else startCreating(world, c)
      break
    }
    case 'pulling':
      if (now >= c.phaseEndsMs) {
        const cache = layerCacheOf(world, c.placement)
        if (cache) for (const image of podImages(world, c)) for (const id of image.layers) if (!cache.includes(id)) cache.push(id)
        startCreating(world, c)
      }
      break
    case 'creating':
      if (now >= c.phaseEndsMs) {
        const lacking = missingPackage(world, c)
        if (lacking) {
          // The image is all the room has: what the app needs must be inside it ("works on my machine" in reverse).
          crashContainer(
            world,
            c,
            `the kit lacks ${lacking} that the app needs`,
            `exec failed: image ${world.images[c.imageId]?.ref ?? c.imageId} does not contain ${lacking} required by ` +
              `${world.apps[c.appId]?.name ?? c.appId}`,
          )
          break
        }
        setContainerState(world, c, 'running')
        world.stats.containersStarted += 1
        if (c.restarts > 0 || world.events.length < 2000) {
          const app = world.apps[c.appId]
          const where = c.placement ? placementName(world, c.placement) : { metaphor: '?', technical: '?' }
          if (c.restarts > 0) {
            logEvent(
              world,
              'info',
              say('kubelet.restarted', {
                app: app?.name ?? '?',
                whereMetaphor: where.metaphor,
                restarts: c.restarts,
                room: c.name,
                whereTechnical: where.technical,
              }),
              [c.id, c.appId],
            )
          }
        }
      }
      break
    case 'crashed':
      if (c.managed) {
        // restartPolicy: Always, as kubelet's doBackOff does it (FIDELITY.md "Restart back-off"): a crash with no
        // back-off entry restarts at once and records 10 s; a crash while an entry exists waits it out
        // (CrashLoopBackOff), and the restart after that doubles it, capped at 300 s. So the waits are
        // 0, 10, 20, 40, 80, 160, 300 s, and CrashLoopBackOff shows from the second crash.
        const app = world.apps[c.appId]
        const last = c.reason ? ` (last termination: ${c.reason})` : ''
        if (c.backoffMs === 0) {
          c.backoffMs = CRASH_BACKOFF.initialMs
          c.restarts += 1
          startCreating(world, c)
          logEvent(world, 'info', say('kubelet.restartImmediately', { app: app?.name ?? '?', room: c.name, last }), [c.id, c.appId])
          break
        }
        const wait = scaledDelay(world, c.backoffMs)
        setContainerState(world, c, 'backoff', `CrashLoopBackOff: back-off ${c.backoffMs / 1000}s restarting failed container${last}`)
        c.phaseEndsMs = now + wait
        logEvent(
          world,
          'warn',
          say('kubelet.backOff', {
            app: app?.name ?? '?',
            wait: (wait / 1000).toFixed(1),
            backoffMs: c.backoffMs / 1000,
            room: c.name,
            delayScale: world.delayScale !== 1 ? ` (classroom time ×${world.delayScale})` : '',
          }),
          [c.id, c.appId],
        )
      }
      break
    case 'backoff':
      if (now >= c.phaseEndsMs && c.placement && placementUp(world, c.placement)) {
        c.restarts += 1
        // kubelet's backOff.Next on the restart after a wait: the next crash waits twice as long, capped.
        c.backoffMs = Math.min(CRASH_BACKOFF.maxMs, c.backoffMs * 2)
        startCreating(world, c)
      }
      break
    case 'lost':
      // The node came back before the control plane evicted its pods (a repaired house, a
      // restarted apartment): its kubelet starts the pods still bound to it again, counting a
      // restart, as a real kubelet does after a node reboot. Plain `docker run` rooms stay down.
      if (restartLost && c.managed && c.placement && placementUp(world, c.placement)) {
        c.restarts += 1
        startCreating(world, c)
      }
      break
    case 'terminated':
      break
  }
}
