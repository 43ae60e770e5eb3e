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
  'vms.refused.unknownGuestOs': entry<'os'>(
    (p) => `Unknown operating system.`,
    (p) => `unknown guest OS ${p.os}`,
  ),
  'vms.refused.vcpusMustBeAn': entry<never>(
    (p) => `An apartment needs a whole number of workers, at least 1.`,
    (p) => `vCPUs must be an integer ≥ 1`,
  ),
  'vms.refused.idAlreadyInUse': entry<'id'>(
    (p) => `Something called ${p.id} already exists.`,
    (p) => `id ${p.id} already in use`,
  ),
  'vms.refused.vmAlreadyStopped': entry<'vm'>(
    (p) => `Apartment ${p.vm} is already locked up.`,
    (p) => `VM ${p.vm} already stopped`,
  ),
  'vms.refused.vmIs': entry<'vm' | 'state'>(
    (p) => `Apartment ${p.vm} is already lived in.`,
    (p) => `VM ${p.vm} is ${p.state}`,
  ),
  'vms.refused.hostOfVmIs': entry<'vm'>(
    (p) => `Its house is not standing.`,
    (p) => `host of VM ${p.vm} is down`,
  ),
} satisfies Catalogue
