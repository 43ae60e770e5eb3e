/** What the ReplicaSet controller says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue, ParamValue } from './message'

const plural = (n: ParamValue): string => (Number(n) > 1 ? 's' : '')

export const replicasetMessages = {
  'replicaset.podCreated': entry<'diff' | 'app' | 'replicas' | 'current'>(
    (p) => `The building manager orders ${p.diff} new room${plural(p.diff)} for ${p.app} (clipboard ${p.replicas}, has ${p.current}).`,
    (p) => `ReplicaSet ${p.app}: created ${p.diff} pod${plural(p.diff)} (desired ${p.replicas}, current ${p.current}).`,
  ),
  'replicaset.podDeleted': entry<'diff' | 'app' | 'replicas'>(
    (p) => `The building manager closes ${p.diff} room${plural(p.diff)} of ${p.app} (clipboard ${p.replicas}).`,
    (p) => `ReplicaSet ${p.app}: deleted ${p.diff} pod${plural(p.diff)} (desired ${p.replicas}).`,
  ),
  'replicaset.rollingUpdate': entry<'app' | 'create' | 'image' | 'removed' | 'old' | 'maxSurge' | 'maxUnavailable'>(
    (p) =>
      `Refit of ${p.app}: ${p.create} new room${p.create === 1 ? '' : 's'} with ${p.image}, ${p.removed} old ` +
      `one${p.removed === 1 ? '' : 's'} closed (${p.old} old left).`,
    (p) =>
      `Rolling update ${p.app}: scaled up new ReplicaSet by ${p.create}, down old by ${p.removed} (maxSurge ${p.maxSurge}, ` +
      `maxUnavailable ${p.maxUnavailable}).`,
  ),
  'replicaset.rolledOut': entry<'app' | 'image' | 'revision'>(
    (p) => `Every room of ${p.app} now has ${p.image}.`,
    (p) => `deployment "${p.app}" successfully rolled out (revision ${p.revision}).`,
  ),
} satisfies Catalogue
