/**
 * Pod names as a Deployment's ReplicaSet gives them: `<deployment>-<pod-template-hash>-<5 random characters>`, e.g.
 * `web-7d4b9c8f6d-x2k9p` (kubernetes.io "Deployments": "the pod-template-hash label ... is added by the Deployment
 * controller to every ReplicaSet"; the ReplicaSet's pods get generateName `<rs name>-`).
 *
 * - pod-template-hash: kube-controller-manager's controller.ComputeHash, an FNV-32a hash of the pod template, written
 *   as its decimal digits through apimachinery's rand.SafeEncodeString (each digit mapped into the alphabet below).
 *   The game hashes what its revisions record of the template: namespace, Deployment name and image (the real hash
 *   covers the whole template, so the letters differ from a real cluster's; the shape and the rule are the same:
 *   same template, same hash, so a rollback returns to the old ReplicaSet's name).
 * - the suffix: apiserver's generateName appends rand.String(5) over the same alphabet. The game draws it from the
 *   world's seed and the pod's id (a hash, not the world's random stream, so naming a pod never changes what
 *   the scheduler's dice say).
 */
import type { App, ImageId, World } from './types'

/** k8s.io/apimachinery/pkg/util/rand: letters and digits that never spell words (no vowels, no 0/1/3). */
const ALPHANUMS = 'bcdfghjkmnpqrstvwxz2456789'

/** FNV-1a, 32 bits (hash/fnv New32a), over the low byte of each character (the game's names are ASCII). */
function fnv32a(s: string): number {
  return fnvMore(0x811c9dc5, s)
}

/** FNV-1a carried on from h over more characters: fnvMore(fnv32a(a), b) === fnv32a(a + b). */
function fnvMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i) & 0xff
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** rand.SafeEncodeString: each character to alphanums[code % 26]. */
function safeEncode(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length]
  return out
}

/** The pod-template-hash of the app's template with this image. */
export function templateHash(world: World, app: App, imageId: ImageId): string {
  const ref = world.images[imageId]?.ref ?? imageId
  return safeEncode(String(fnv32a(`${app.namespace}/${app.name}|${ref}`)))
}

/** The last name worked out per app (and its pods' prefix): a ReplicaSet creates its pods one after another, 1,000 at a time at L. */
const lastName = new WeakMap<App, { name: string; namespace: string; ref: string; value: string; prefix: string }>()

function lastOf(world: World, app: App, imageId: ImageId): { value: string; prefix: string } {
  const ref = world.images[imageId]?.ref ?? imageId
  const last = lastName.get(app)
  if (last && last.name === app.name && last.namespace === app.namespace && last.ref === ref) return last
  const value = `${app.name}-${templateHash(world, app, imageId)}`
  const made = { name: app.name, namespace: app.namespace, ref, value, prefix: `${value}-` }
  lastName.set(app, made)
  return made
}

/** The ReplicaSet's name for the app's template with this image. */
export function replicaSetName(world: World, app: App, imageId: ImageId = app.imageId): string {
  return lastOf(world, app, imageId).value
}

const ALPHANUM_CODES = Array.from(ALPHANUMS, (ch) => ch.charCodeAt(0))

/** FNV-1a of `${seed}:`, kept for the last seed: every pod's suffix hash starts with it. */
let seedHash = { seed: NaN, h: 0 }

/** The 5-character suffix of a pod's name: seeded by the world, different for every pod id. */
export function podSuffix(world: World, id: string): string {
  if (seedHash.seed !== world.seed) seedHash = { seed: world.seed, h: fnv32a(`${world.seed}:`) }
  // fnv32a(`${world.seed}:${id}`), without building that string for each of 150,000 pods.
  let h = fnvMore(seedHash.h, id)
  const n = ALPHANUM_CODES.length
  const c0 = ALPHANUM_CODES[h % n]!
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  const c1 = ALPHANUM_CODES[h % n]!
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  const c2 = ALPHANUM_CODES[h % n]!
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  const c3 = ALPHANUM_CODES[h % n]!
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  const c4 = ALPHANUM_CODES[h % n]!
  // One string of five characters (adding them one by one built four throw-away strings per pod).
  return String.fromCharCode(c0, c1, c2, c3, c4)
}

/** A new pod's name: a ReplicaSet's pods are named after it (its name and a dash kept per app); a plain room after its app and id. */
export function podName(world: World, app: App, id: string, byReplicaSet: boolean): string {
  return byReplicaSet ? lastOf(world, app, app.imageId).prefix + podSuffix(world, id) : `${app.name}-${id}`
}
