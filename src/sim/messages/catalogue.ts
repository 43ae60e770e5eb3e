/**
 * The English catalogue: every area's messages joined into one record, keyed by message id. The
 * other languages (es.ts) are typed against it, so a translation has every id and no other parameter.
 */
import type { Params } from './message'
import { appsMessages } from './apps'
import { commonMessages } from './common'
import { clockMessages } from './clock'
import { legacyMessages } from './legacy'
import { breachMessages } from './breach'
import { autoscalerMessages } from './autoscaler'
import { cgroupsMessages } from './cgroups'
import { chaosMessages } from './chaos'
import { containersMessages } from './containers'
import { drainMessages } from './drain'
import { hostsMessages } from './hosts'
import { hpaMessages } from './hpa'
import { hypervisorMessages } from './hypervisor'
import { imagesMessages } from './images'
import { kubeletMessages } from './kubelet'
import { machineMessages } from './machine'
import { managerMessages } from './manager'
import { nodesMessages } from './nodes'
import { placementMessages } from './placement'
import { podsMessages } from './pods'
import { preemptionMessages } from './preemption'
import { probesMessages } from './probes'
import { replicasetMessages } from './replicaset'
import { schedulerMessages } from './scheduler'
import { stepMessages } from './step'
import { vmOpsMessages } from './vmOps'
import { vmsMessages } from './vms'

export const CATALOGUE = {
  ...commonMessages,
  ...clockMessages,
  ...legacyMessages,
  ...breachMessages,
  ...autoscalerMessages,
  ...appsMessages,
  ...cgroupsMessages,
  ...chaosMessages,
  ...containersMessages,
  ...drainMessages,
  ...hostsMessages,
  ...hpaMessages,
  ...hypervisorMessages,
  ...imagesMessages,
  ...kubeletMessages,
  ...machineMessages,
  ...managerMessages,
  ...nodesMessages,
  ...placementMessages,
  ...podsMessages,
  ...preemptionMessages,
  ...probesMessages,
  ...replicasetMessages,
  ...schedulerMessages,
  ...stepMessages,
  ...vmOpsMessages,
  ...vmsMessages,
}

export type MessageId = keyof typeof CATALOGUE
export type KeysOf<I extends MessageId> = Parameters<(typeof CATALOGUE)[I]['metaphor']>[0] extends Params<infer K> ? K : never
