/** The two names of everything: the metaphor a player sees, and the real thing under it. */
import type { Vocabulary } from './types'

export const KIND_LABELS = {
  host: { metaphor: 'house', technical: 'server (host)' },
  hypervisor: { metaphor: 'house frame', technical: 'type-1 hypervisor' },
  vm: { metaphor: 'apartment', technical: 'virtual machine' },
  container: { metaphor: 'room', technical: 'container' },
  app: { metaphor: 'tenant business', technical: 'application (Deployment)' },
  image: { metaphor: 'furniture kit', technical: 'container image' },
  manager: { metaphor: 'building manager', technical: 'Kubernetes control plane' },
  kubelet: { metaphor: 'caretaker', technical: 'kubelet' },
  service: { metaphor: 'doorman', technical: 'Service (load balancer)' },
  visitors: { metaphor: 'visitors', technical: 'requests' },
  street: { metaphor: 'street', technical: 'cluster' },
  kernel: { metaphor: 'plumbing and wiring', technical: 'kernel' },
} as const

export type KindKey = keyof typeof KIND_LABELS

export function kindLabel(kind: KindKey, vocab: Vocabulary): string {
  return KIND_LABELS[kind][vocab]
}

/** Both names at once, as the inspector shows them: "apartment (virtual machine)". */
export function bothNames(kind: KindKey): string {
  const l = KIND_LABELS[kind]
  return `${l.metaphor} (${l.technical})`
}

/** Container states as a player reads them, in both vocabularies. */
export const CONTAINER_STATE_LABELS = {
  pending: { metaphor: 'waiting for a spot', technical: 'Pending' },
  pulling: { metaphor: 'kit being delivered', technical: 'ContainerCreating (pulling image)' },
  creating: { metaphor: 'furnishing', technical: 'ContainerCreating' },
  running: { metaphor: 'open', technical: 'Running' },
  crashed: { metaphor: 'collapsed', technical: 'Error' },
  backoff: { metaphor: 'caretaker waiting to retry', technical: 'CrashLoopBackOff' },
  lost: { metaphor: 'gone with its building', technical: 'Unknown (node lost)' },
  terminated: { metaphor: 'closed', technical: 'Terminated' },
} as const

export const VM_STATE_LABELS = {
  provisioning: { metaphor: 'walls going up', technical: 'Provisioning' },
  booting: { metaphor: 'moving in (booting its own OS)', technical: 'Booting' },
  running: { metaphor: 'lived in', technical: 'Running' },
  stopped: { metaphor: 'locked up', technical: 'Stopped' },
  crashed: { metaphor: 'flooded', technical: 'Crashed (guest kernel panic)' },
} as const

export const HOST_POWER_LABELS = {
  on: { metaphor: 'standing', technical: 'Powered on' },
  failed: { metaphor: 'burnt down', technical: 'Failed' },
  off: { metaphor: 'empty lot', technical: 'Powered off' },
} as const
