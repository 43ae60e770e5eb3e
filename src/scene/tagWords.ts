/**
 * The street's event tags in words (EventMarks.tsx): each a pair, [house words, technical words]. English is here;
 * the Spanish table (src/ui/i18n/tags-es.ts) has the same shape, arrives with the Spanish pack and is handed to the
 * scene through useTagWords (the scene reads no HUD module).
 */
import { create } from 'zustand'
import { useSettings } from '../state/settings'

type P = readonly [string, string]
const rooms = (n: number) => (n === 1 ? 'room' : 'rooms')

export const TAGS_EN = {
  cordoned: ['⊘ no new rooms (cordoned)', '⊘ cordoned'] as P,
  movingOut: (left: number): P => [
    `⇢ moving out: ${left} ${rooms(left)} to go`,
    `⇢ draining: ${left} ${left === 1 ? 'pod' : 'pods'} to evict`,
  ],
  emptied: ['⇢ emptied', '⇢ drained'] as P,
  breachRoom: ['⚠ burglar held in the room (the locks held)', '⚠ breach contained in the container'] as P,
  breachApartment: (n: number): P => [
    `⚠ burglar stopped by the apartment wall · ${n} ${rooms(n)}`,
    `⚠ breach stopped at the VM boundary · ${n} pods`,
  ],
  breachHouse: (n: number): P => [`⚠ burglar escaped the apartment into the house · ${n} rooms`, `⚠ hypervisor escape · ${n} pods`],
  breachShared: (n: number): P => [
    `⚠ burglar through the shared plumbing: no wall · ${n} ${rooms(n)}`,
    `⚠ shared kernel owned · ${n} pods`,
  ],
  kernelPanic: ['⚠ kernel panic: the shared plumbing failed', '⚠ host kernel panic'] as P,
  burnt: ['✖ burnt down', '✖ node failed'] as P,
  noPower: ['⏻ no power', '⏻ powered off'] as P,
  dark: (n: number): P => [n === 1 ? 'room dark' : 'rooms dark', n === 1 ? 'pod lost' : 'pods lost'],
  darkWithHouse: ['dark with the house', 'down with its host'] as P,
  lightsOn: ['lights coming on', 'booting'] as P,
  stopCopy: (ms: number, to: string): P => [`⏸ paused ${ms} ms, moving to house ${to}`, `⏸ stop-and-copy ${ms} ms → ${to}`],
  postCopy: (to: string): P => [`➜ moved to house ${to}, last boxes arriving`, `➜ post-copy on ${to}: fetching pages`],
  notConverging: (to: string): P => [`➜ moving to house ${to}: never finishes`, `➜ pre-copy → ${to}: not converging`],
  moving: (to: string, ms: number, mode: string): P => [
    `➜ moving to house ${to} while it runs, then a ${ms} ms pause`,
    `➜ live migration (${mode}) → ${to}, then ${ms} ms stop-and-copy`,
  ],
  migrating: (vm: string, to: string): P => [`➜ ${vm} moving to house ${to}`, `➜ migrating ${vm} → ${to}`],
  guestPanic: (os: string): P => [`⚠ ${os} kernel panic`, `⚠ ${os} guest kernel panic`],
  crashed: ['✖ crashed', '✖ Error'] as P,
  reopens: (s: number): P => [`✖ reopens in ${s} s`, `CrashLoopBackOff: restart in ${s} s`],
  kit: (get: number, have: number, total: number): P => [
    `⚒ kit on its way: ${get} ${get === 1 ? 'crate' : 'crates'}${have ? `, ${have} already in the storeroom` : ''}`,
    `⚒ pulling ${get} of ${total} layers${have ? ` (${have} cached)` : ''}`,
  ],
  building: ['⚒ being built', '⚒ creating'] as P,
  newVersion: ['★ new', '★ new'] as P,
  oldVersion: ['old', 'old'] as P,
  // The building manager's clipboard (Manager.tsx): what it looks after, desired against ready rooms.
  clipboardEmpty: ['nothing to look after yet', 'no Deployments'] as P,
  clipboardRow: (ready: number, want: number): P => [`${ready} of ${want} open`, `${ready}/${want} ready`],
  clipboardTurnedAway: ['visitors turned away', 'requests failing'] as P,
  clipboardMore: (n: number): P => [`+${n} more`, `+${n} more`],
}

export type TagWords = typeof TAGS_EN

/** The tags' words in another language, once its pack has arrived (the scene re-renders then). */
export const useTagWords = create<{ es: TagWords | null }>(() => ({ es: null }))

/** The street's words in the chosen language: Spanish once its pack has arrived, else English. */
export function useStreetWords(): TagWords {
  const lang = useSettings((s) => s.lang)
  const es = useTagWords((s) => s.es)
  return lang === 'es' && es ? es : TAGS_EN
}
