/** What the hypervisor says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const hypervisorMessages = {
  'hypervisor.booting': entry<'vm' | 'label'>(
    (p) => `Apartment ${p.vm}: walls up, now ${p.label} moves in.`,
    (p) => `VM ${p.vm}: booting ${p.label} kernel.`,
  ),
  'hypervisor.running': entry<'vm' | 'GUEST_OS' | 'tookS'>(
    (p) => `Apartment ${p.vm} is lived in: its own ${p.GUEST_OS} took ${p.tookS} s to boot.`,
    (p) => `VM ${p.vm} running (${p.GUEST_OS} boot ${p.tookS} s).`,
  ),
} satisfies Catalogue
