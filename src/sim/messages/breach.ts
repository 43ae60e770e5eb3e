/** What a breach (a burglar) does, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const breachMessages = {
  'breach.breached': entry<
    'app' | 'where' | 'whereTechnical' | 'room' | 'runtime' | 'kernelOwned' | 'reached' | 'escaped' | 'inVm' | 'sandboxed' | 'odds'
  >(
    (p) => {
      const reach = p.kernelOwned
        ? `They got into the shared plumbing and wiring and reached ${p.reached} room${p.reached === 1 ? '' : 's'}.`
        : 'They could not get out of the room.'
      const stop = p.escaped
        ? 'A rare hypervisor escape (like VENOM, CVE-2015-3456: about 1 in 1,000 here) let it out of the apartment into the whole house.'
        : !p.kernelOwned
          ? p.sandboxed
            ? `It stayed in the room: the ${p.runtime} sandbox held.`
            : `It stayed in the room: the locks (${p.odds}% odds to break out) held.`
          : p.inVm
            ? 'It stopped at the apartment walls: the apartment next door has its own kernel.'
            : 'It stayed in the house: apartments have their own kernels.'
      return `Burglar in a room of ${p.app} in ${p.where}! ${reach} ${stop}`
    },
    (p) => {
      const how = p.kernelOwned ? `container escape to the shared kernel; ${p.reached} container(s) compromised` : 'no escape'
      const wall = p.escaped
        ? 'Hypervisor escape (rare, CVE-2015-3456 class): all containers on the host reached.'
        : p.inVm && p.kernelOwned
          ? 'Contained by the VM boundary (own guest kernel).'
          : ''
      return `Breach of ${p.room} (${p.runtime}) on ${p.whereTechnical}: ${how}. ${wall}`.trim()
    },
  ),
  'breach.refused.containerIs': entry<'src' | 'state'>(
    (p) => `Nobody can break into a room that is not open.`,
    (p) => `container ${p.src} is ${p.state}`,
  ),
  'breach.refused.containerAlreadyCompromised': entry<'src'>(
    (p) => `That room is already broken into.`,
    (p) => `container ${p.src} already compromised`,
  ),
} satisfies Catalogue
