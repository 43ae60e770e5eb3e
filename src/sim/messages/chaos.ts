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
  'chaos.refused.containerIs': entry<'room' | 'state'>(
    (p) => `That room is not open, so it cannot get stuck.`,
    (p) => `container ${p.room} is ${p.state}`,
  ),
  'chaos.refused.containerIsAlreadyHung': entry<'room'>(
    (p) => `That room is already stuck.`,
    (p) => `container ${p.room} is already hung`,
  ),
  'chaos.refused.containerIsNotHung': entry<'room'>(
    (p) => `That room is not stuck.`,
    (p) => `container ${p.room} is not hung`,
  ),
  'chaos.refused.containerIs2': entry<'room' | 'state'>(
    (p) => `That room is not open, so it cannot collapse.`,
    (p) => `container ${p.room} is ${p.state}`,
  ),
  'chaos.refused.noRunningContainerOf': entry<'app'>(
    (p) => `No room of ${p.app} is open.`,
    (p) => `no running container of ${p.app}`,
  ),
  'chaos.refused.vmIs': entry<'vm' | 'state'>(
    (p) => `Apartment ${p.vm} is not lived in.`,
    (p) => `VM ${p.vm} is ${p.state}`,
  ),
  'chaos.refused.mibpersOutOfRange': entry<never>(
    (p) => `Pick a leak between 0 and 10,000 MiB a second.`,
    (p) => `mibPerS out of range`,
  ),
  'chaos.refused.countMustBeAn': entry<never>(
    (p) => `Pick at least one room.`,
    (p) => `count must be an integer ≥ 1`,
  ),
  'chaos.refused.noRunningRespondingContainer': entry<'app'>(
    (p) => `No room of ${p.app} is open.`,
    (p) => `no running, responding container of ${p.app}`,
  ),
} satisfies Catalogue
