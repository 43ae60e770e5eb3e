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

/** The languages the game speaks: English (the default) and Spanish. */
export const LANGS = ['en', 'es'] as const
export type Lang = (typeof LANGS)[number]

type Pair = readonly [string, string]

/** The names of things in Spanish: [house words, technical words]. */
export const KIND_LABELS_ES: Record<KindKey, Pair> = {
  host: ['casa', 'servidor (host)'],
  hypervisor: ['estructura de la casa', 'hipervisor de tipo 1'],
  vm: ['apartamento', 'máquina virtual'],
  container: ['habitación', 'contenedor'],
  app: ['negocio inquilino', 'aplicación (Deployment)'],
  image: ['kit de muebles', 'imagen de contenedor'],
  manager: ['administrador del edificio', 'plano de control de Kubernetes'],
  kubelet: ['conserje', 'kubelet'],
  service: ['portero', 'Service (balanceador de carga)'],
  visitors: ['visitantes', 'peticiones'],
  street: ['calle', 'clúster'],
  kernel: ['cañerías y cableado', 'kernel'],
}

export function kindLabel(kind: KindKey, vocab: Vocabulary, lang: Lang = 'en'): string {
  if (lang === 'es') return KIND_LABELS_ES[kind][vocab === 'metaphor' ? 0 : 1]
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

/** States in Spanish: the house words translated; the technical ones stay as Kubernetes reports them (Pending, Running). */
export const CONTAINER_STATE_LABELS_ES: Record<keyof typeof CONTAINER_STATE_LABELS, Pair> = {
  pending: ['esperando sitio', 'Pending'],
  pulling: ['llega el kit', 'ContainerCreating (pulling image)'],
  creating: ['amueblándose', 'ContainerCreating'],
  running: ['abierta', 'Running'],
  crashed: ['derrumbada', 'Error'],
  backoff: ['el conserje espera para reintentar', 'CrashLoopBackOff'],
  lost: ['perdida con su edificio', 'Unknown (nodo perdido)'],
  terminated: ['cerrada', 'Terminated'],
}
export const VM_STATE_LABELS_ES: Record<keyof typeof VM_STATE_LABELS, Pair> = {
  provisioning: ['levantando paredes', 'Provisioning'],
  booting: ['instalándose (arranca su propio SO)', 'Booting'],
  running: ['habitado', 'Running'],
  stopped: ['cerrado con llave', 'Stopped'],
  crashed: ['inundado', 'Crashed (kernel panic del invitado)'],
}
export const HOST_POWER_LABELS_ES: Record<keyof typeof HOST_POWER_LABELS, Pair> = {
  on: ['en pie', 'Encendido'],
  failed: ['quemada', 'Failed'],
  off: ['solar vacío', 'Apagado'],
}

type Table<K extends string> = Record<K, { metaphor: string; technical: string }>

/** A label from one of the tables above in a language: label(CONTAINER_STATE_LABELS, CONTAINER_STATE_LABELS_ES, 'running', vocab, lang). */
export function labelIn<K extends string>(en: Table<K>, es: Record<K, Pair>, key: K, vocab: Vocabulary, lang: Lang): string {
  return lang === 'es' ? es[key][vocab === 'metaphor' ? 0 : 1] : en[key][vocab]
}
export const containerStateLabel = (state: keyof typeof CONTAINER_STATE_LABELS, vocab: Vocabulary, lang: Lang = 'en'): string =>
  labelIn(CONTAINER_STATE_LABELS, CONTAINER_STATE_LABELS_ES, state, vocab, lang)
export const vmStateLabel = (state: keyof typeof VM_STATE_LABELS, vocab: Vocabulary, lang: Lang = 'en'): string =>
  labelIn(VM_STATE_LABELS, VM_STATE_LABELS_ES, state, vocab, lang)
export const hostPowerLabel = (power: keyof typeof HOST_POWER_LABELS, vocab: Vocabulary, lang: Lang = 'en'): string =>
  labelIn(HOST_POWER_LABELS, HOST_POWER_LABELS_ES, power, vocab, lang)
