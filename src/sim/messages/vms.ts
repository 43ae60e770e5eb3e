/** What apartments (VMs) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const vmsMessages = {
  'vms.provisioning': entry<'name' | 'host' | 'label' | 'memMiB' | 'memMiB2' | 'vcpus'>(
    (p) => `Apartment ${p.name} is going up in house ${p.host}; its own ${p.label} will take ${p.memMiB} of its ${p.memMiB2}.`,
    (p) => `VM ${p.name} (${p.label}, ${p.vcpus} vCPU, ${p.memMiB2}) provisioning on ${p.host}; guest OS footprint ${p.memMiB}.`,
  ),
  'vms.deleted': entry<'vm'>(
    (p) => `Apartment ${p.vm} demolished.`,
    (p) => `VM ${p.vm} deleted.`,
  ),
  'vms.stopped': entry<'vm'>(
    (p) => `Apartment ${p.vm} locked up; its rooms close.`,
    (p) => `VM ${p.vm} stopped; its containers stop with its kernel.`,
  ),
  'vms.booting': entry<'vm' | 'label'>(
    (p) => `Apartment ${p.vm} is moving back in: ${p.label} boots again.`,
    (p) => `VM ${p.vm} booting ${p.label}.`,
  ),
} satisfies Catalogue
