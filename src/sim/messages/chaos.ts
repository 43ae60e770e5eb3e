/** What chaos says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const chaosMessages = {
  'chaos.hung': entry<'app' | 'room'>(
    (p) => `A room of ${p.app} got stuck: the lights are on but nobody answers the door.`,
    (p) => `Container ${p.room} hung (process alive, not responding); only a probe can notice.`,
  ),
  'chaos.unhung': entry<'app' | 'room'>(
    (p) => `A room of ${p.app} came unstuck and answers again.`,
    (p) => `Container ${p.room} responding again.`,
  ),
  'chaos.guestKernelPanic': entry<'vm' | 'lost'>(
    (p) => `Flood in apartment ${p.vm}! ${p.lost} rooms inside it are gone; the apartments next door stay dry.`,
    (p) => `VM ${p.vm}: guest kernel panic. ${p.lost} containers on its kernel lost; other VMs unaffected.`,
  ),
  'chaos.memoryLeak': entry<'apps' | 'mibPerS' | 'room'>(
    (p) => `Something in a room of ${p.apps} keeps hoarding space (${p.mibPerS} MiB a second).`,
    (p) => `Chaos: memory leak in ${p.room}, ${p.mibPerS} MiB/s.`,
  ),
  'chaos.cpuHog': entry<'app' | 'room' | 'on'>(
    (p) =>
      p.on
        ? `A room of ${p.app} starts a runaway machine that wants every worker in the building.`
        : `The runaway machine in a room of ${p.app} is switched off.`,
    (p) => (p.on ? `Chaos: CPU hog in ${p.room} (busy loop on every core it can get).` : `CPU hog in ${p.room} stopped.`),
  ),
} satisfies Catalogue
