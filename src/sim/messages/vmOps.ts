/** What VM operations (resize, live migration) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const vmOpsMessages = {
  'vmOps.resized': entry<'vm' | 'before' | 'vcpus' | 'memMiB' | 'wasUp' | 'wasUp2'>(
    (p) => `Apartment ${p.vm} is rebuilt bigger or smaller (${p.before} → ${p.vcpus} workers, ${p.memMiB})${p.wasUp}.`,
    (p) => `VM ${p.vm} resized ${p.before} → ${p.vcpus} vCPU, ${p.memMiB}${p.wasUp2}.`,
  ),
  'vmOps.migrationStarted': entry<
    'vm' | 'to' | 'precopyMs' | 'downtimeMs' | 'memMiB' | 'linkMiBPerS' | 'dirty' | 'rounds' | 'maxDowntimeMs' | 'mode'
  >(
    (p) =>
      `Apartment ${p.vm} starts moving to house ${p.to} while people live in it (${p.mode}): its contents are copied over ` +
      `(${p.precopyMs} s), then a ${p.downtimeMs} ms pause to switch.`,
    (p) =>
      `Live migration of VM ${p.vm} to ${p.to} (${p.mode}): ${p.memMiB} at ${p.linkMiBPerS} MiB/s, dirty rate ${p.dirty} MiB/s, ` +
      `${p.rounds} passes (${p.precopyMs} s); expected downtime ${p.downtimeMs} ms (limit ${p.maxDowntimeMs} ms).`,
  ),
  'vmOps.migrationNotConverging': entry<'vm' | 'dirty' | 'linkMiBPerS'>(
    (p) =>
      `Apartment ${p.vm} is changed faster (${p.dirty} MiB/s) than the van can carry (${p.linkMiBPerS} MiB/s): the move never ` +
      `finishes. Cancel it and move again with "slow the tenants down" (auto-converge) or "move first, fetch the rest" (post-copy).`,
    (p) =>
      `VM ${p.vm} dirties ${p.dirty} MiB/s, at least the link's ${p.linkMiBPerS} MiB/s: pre-copy does not converge, and QEMU has no ` +
      `round cap, so it runs until cancelled. Use auto-converge (vCPU throttling) or post-copy.`,
  ),
  'vmOps.migrationCancelled': entry<'vm' | 'to'>(
    (p) => `The move of apartment ${p.vm} to house ${p.to} is called off; it stays where it is.`,
    (p) => `migrate_cancel: VM ${p.vm} stays on its host; the copy on ${p.to} is dropped.`,
  ),
  'vmOps.postcopyDone': entry<'vm' | 'postcopyMs'>(
    (p) => `Apartment ${p.vm}'s last belongings have arrived (${p.postcopyMs} ms after the switch); it runs at full speed again.`,
    (p) => `Post-copy of VM ${p.vm} complete: the remaining pages arrived ${p.postcopyMs} ms after the switch.`,
  ),
  'vmOps.refused.notMigrating': entry<'vm'>(
    (p) => `Apartment ${p.vm} is not being moved (or is already switching).`,
    (p) => `VM ${p.vm} has no migration in pre-copy to cancel`,
  ),
  'vmOps.migrationAborted': entry<'vm' | 'to' | 'fit'>(
    (p) => `Apartment ${p.vm} stays put: house ${p.to} can no longer take it.`,
    (p) => `Live migration of VM ${p.vm} aborted: ${p.fit}; VM keeps running on its source.`,
  ),
  'vmOps.migrationAbortedAtSwitch': entry<'vm' | 'to' | 'last'>(
    (p) => `Apartment ${p.vm} stays put: house ${p.to} filled up at the last moment.`,
    (p) => `Live migration of VM ${p.vm} aborted at switch-over: ${p.last}.`,
  ),
  'vmOps.migrated': entry<'vm' | 'to' | 'downtimeMs' | 'from'>(
    (p) => `Apartment ${p.vm} now stands in house ${p.to}; its rooms paused for ${p.downtimeMs} ms and carried on.`,
    (p) => `VM ${p.vm} migrated ${p.from} → ${p.to}: stop-and-copy downtime ${p.downtimeMs} ms.`,
  ),
  'vmOps.refused.vcpusMustBeAn': entry<never>(
    (p) => `An apartment needs a whole number of workers, at least 1.`,
    (p) => `vCPUs must be an integer ≥ 1`,
  ),
  'vmOps.refused.memoryMustBe': entry<never>(
    (p) => `An apartment needs some memory.`,
    (p) => `memory must be > 0`,
  ),
  'vmOps.refused.vmIsMigrating': entry<'vm'>(
    (p) => `Apartment ${p.vm} is moving house; resize it after.`,
    (p) => `VM ${p.vm} is migrating`,
  ),
  'vmOps.refused.hostNotFound': entry<never>(
    (p) => `Its house is gone.`,
    (p) => `host not found`,
  ),
  'vmOps.refused.vmIs': entry<'vm' | 'state'>(
    (p) => `Only a lived-in apartment moves live; ${p.vm} is not running.`,
    (p) => `VM ${p.vm} is ${p.state}`,
  ),
  'vmOps.refused.vmAlreadyMigrating': entry<'vm'>(
    (p) => `Apartment ${p.vm} is already moving.`,
    (p) => `VM ${p.vm} already migrating`,
  ),
  'vmOps.refused.vmAlreadyOn': entry<'vm' | 'to'>(
    (p) => `Apartment ${p.vm} is already in house ${p.to}.`,
    (p) => `VM ${p.vm} already on ${p.to}`,
  ),
} satisfies Catalogue
