/** What the ReplicaSet controller says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const replicasetMessages = {
  'replicaset.podCreated': entry<'diff' | 'diff2' | 'app' | 'replicas' | 'current'>(
    (p) => `The building manager orders ${p.diff} new room${p.diff2} for ${p.app} (clipboard ${p.replicas}, has ${p.current}).`,
    (p) => `ReplicaSet ${p.app}: created ${p.diff} pod${p.diff2} (desired ${p.replicas}, current ${p.current}).`,
  ),
  'replicaset.podDeleted': entry<'diff' | 'diff2' | 'app' | 'replicas'>(
    (p) => `The building manager closes ${p.diff} room${p.diff2} of ${p.app} (clipboard ${p.replicas}).`,
    (p) => `ReplicaSet ${p.app}: deleted ${p.diff} pod${p.diff2} (desired ${p.replicas}).`,
  ),
  'replicaset.rollingUpdate': entry<
    'app' | 'create' | 'create2' | 'image' | 'removed' | 'removed2' | 'old' | 'maxSurge' | 'maxUnavailable'
  >(
    (p) =>
      `Refit of ${p.app}: ${p.create} new room${p.create2 === 1 ? '' : 's'} with ${p.image}, ${p.removed} old ` +
      `one${p.removed2 === 1 ? '' : 's'} closed (${p.old} old left).`,
    (p) =>
      `Rolling update ${p.app}: scaled up new ReplicaSet by ${p.create}, down old by ${p.removed} (maxSurge ${p.maxSurge}, ` +
      `maxUnavailable ${p.maxUnavailable}).`,
  ),
  'replicaset.rolledOut': entry<'app' | 'image' | 'revision'>(
    (p) => `Every room of ${p.app} now has ${p.image}.`,
    (p) => `deployment "${p.app}" successfully rolled out (revision ${p.revision}).`,
  ),
} satisfies Catalogue
