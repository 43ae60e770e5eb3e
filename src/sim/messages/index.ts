/**
 * The message catalogue: every line the simulation writes into its event log is an id with
 * parameters; the world stores those, never sentences, so a save or a replay reads the same in any
 * language, and a second language is a second catalogue. Each area's catalogue is its own module;
 * this one joins them and renders a message in either vocabulary.
 */
import type { Message, Params, ParamValue } from './message'
import type { Vocabulary } from '../model'
import type { Result } from '../result'
import { appsMessages } from './apps'
import { commonMessages } from './common'
import type { MissingKind } from './common'
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
type KeysOf<I extends MessageId> = Parameters<(typeof CATALOGUE)[I]['metaphor']>[0] extends Params<infer K> ? K : never

/** A message to record: its id and the values its sentences need (checked against the catalogue). */
export function say<I extends MessageId>(id: I, ...params: [KeysOf<I>] extends [never] ? [] : [Params<KeysOf<I>>]): Message {
  return { id, params: (params[0] ?? {}) as Record<string, ParamValue> }
}

/** A message in one vocabulary. An id this catalogue does not know (a newer save) shows as the id. */
export function renderMessage(m: Message, vocab: Vocabulary): string {
  const e = (CATALOGUE as Record<string, { metaphor: (p: Params<string>) => string; technical: (p: Params<string>) => string }>)[m.id]
  return e ? e[vocab](m.params) : `${m.id} ${JSON.stringify(m.params)}`
}

export type { Message, ParamValue }

/**
 * A refusal from the catalogue: the player reads it in either vocabulary at once, and the result keeps the
 * message itself (id and values) for a replay, a hand-in or another language.
 */
export function refuse(m: Message): Result {
  return { ok: false, metaphor: renderMessage(m, 'metaphor'), technical: renderMessage(m, 'technical'), message: m }
}

/** "No such house." / "host h9 not found": the one refusal for a thing that is not there. */
export const notFound = (kind: MissingKind, id = ''): Result => refuse(say('common.notFound', { kind, id }))
