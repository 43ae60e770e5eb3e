/** What the caretaker (kubelet) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const kubeletMessages = {
  'kubelet.restarted': entry<'app' | 'whereMetaphor' | 'restarts' | 'room' | 'whereTechnical'>(
    (p) => `The caretaker reopened a room of ${p.app} in ${p.whereMetaphor} (restart ${p.restarts}).`,
    (p) => `Container ${p.room} restarted on ${p.whereTechnical} (restartCount ${p.restarts}).`,
  ),
  'kubelet.restartImmediately': entry<'app' | 'room' | 'last'>(
    (p) => `The caretaker reopened the room of ${p.app} at once: a first collapse gets no wait (a second one would).`,
    (p) => `Restarting container ${p.room} immediately (first crash, no back-off yet)${p.last}.`,
  ),
  'kubelet.backOff': entry<'app' | 'wait' | 'backoffMs' | 'room' | 'delayScale'>(
    (p) => `The caretaker will reopen the room of ${p.app} in ${p.wait} s.`,
    (p) => `Back-off ${p.backoffMs}s restarting failed container ${p.room}${p.delayScale}.`,
  ),
  // The technical line is kubelet's own event message (reason Pulling): `Pulling image "web:1.1"`.
  'kubelet.pulling': entry<'app' | 'where' | 'crates' | 'cached' | 'image'>(
    (p) =>
      `A delivery van brings ${p.app}'s kit to ${p.where}: ${p.crates} crate${p.crates === 1 ? '' : 's'}` +
      `${p.cached ? `, ${p.cached} already in the storeroom` : ''}.`,
    (p) => `Pulling image "${p.image}"`,
  ),
} satisfies Catalogue
