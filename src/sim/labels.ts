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

/** Both names at once, as the inspector shows them: "apartment · virtual machine". */
export function bothNames(kind: KindKey): string {
  const l = KIND_LABELS[kind]
  // "house · server (host)": a dot, since some technical names carry brackets of their own.
  return `${l.metaphor} · ${l.technical}`
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

/** Container runtimes, as the inspector names them. */
export const RUNTIME_LABELS = {
  runc: { metaphor: 'plain room (shares the house plumbing)', technical: 'runc (shared kernel)' },
  gvisor: { metaphor: 'room with a guard at the pipes', technical: 'gVisor (user-space kernel)' },
  kata: { metaphor: 'room inside its own little apartment', technical: 'Kata Containers (light VM per pod)' },
  firecracker: { metaphor: 'room in a tiny prefab apartment', technical: 'Firecracker microVM' },
} as const

/** Conditions a room, apartment or house can be in beside its state, for badges and the inspector. */
export const CONDITION_LABELS = {
  throttled: { metaphor: 'held to its worker cap (slower, not thrown out)', technical: 'CPU throttled (CFS quota)' },
  oomKilled: { metaphor: 'thrown out for taking too much space', technical: 'OOMKilled (exit code 137)' },
  breached: { metaphor: 'burglar inside', technical: 'compromised' },
  leaking: { metaphor: 'hoarding space', technical: 'memory leak' },
  hog: { metaphor: 'runaway machine running', technical: 'CPU hog' },
  swapping: { metaphor: 'storing things in the cellar (slow)', technical: 'swapping (memory overcommitted)' },
  precopy: { metaphor: 'moving house while lived in', technical: 'live migration: pre-copy' },
  stopcopy: { metaphor: 'paused for the move', technical: 'live migration: stop-and-copy' },
  postcopy: { metaphor: 'moved in, boxes still arriving (slow)', technical: 'live migration: post-copy (pages on demand)' },
  installed: { metaphor: 'installed straight in the building', technical: 'installed on the machine (no container)' },
} as const

/** Image parts as the image workshop shows them. */
export const IMAGE_LABELS = {
  layer: { metaphor: 'prefab part', technical: 'image layer' },
  cached: { metaphor: 'already in the shed', technical: 'cached layer' },
  build: { metaphor: 'blueprint', technical: 'Dockerfile' },
  package: { metaphor: 'fitting', technical: 'package' },
} as const
