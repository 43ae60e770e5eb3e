/**
 * A node's labels as kube-scheduler sees them: the player's labels plus the well-known ones the
 * kubelet sets itself (kubernetes.io "Well-Known Labels, Annotations and Taints"). The well-known
 * ones are derived, never stored, and win over a player's label of the same key, as the kubelet
 * would put them back.
 */
import type { Host, Placement, Vm, World } from './types'

export const LABEL_HOSTNAME = 'kubernetes.io/hostname'
export const LABEL_ZONE = 'topology.kubernetes.io/zone'
export const LABEL_OS = 'kubernetes.io/os'

/** Keys the kubelet owns: a player may not set them. */
export const WELL_KNOWN_LABELS: readonly string[] = [LABEL_HOSTNAME, LABEL_ZONE, LABEL_OS]

export function hostLabels(host: Host): Record<string, string> {
  return { ...host.labels, [LABEL_HOSTNAME]: host.name, [LABEL_ZONE]: host.zone, [LABEL_OS]: 'linux' }
}

/** A VM's zone is its host's: the apartment stands where its house stands. */
export function vmLabels(world: World, vm: Vm): Record<string, string> {
  const zone = world.hosts[vm.hostId]?.zone ?? ''
  return { ...vm.labels, [LABEL_HOSTNAME]: vm.name, [LABEL_ZONE]: zone, [LABEL_OS]: vm.os }
}

/** Labels of the node at a placement; empty when it does not exist. */
export function nodeLabels(world: World, placement: Placement): Record<string, string> {
  if (placement.kind === 'host') {
    const h = world.hosts[placement.hostId]
    return h ? hostLabels(h) : {}
  }
  const vm = world.vms[placement.vmId]
  return vm ? vmLabels(world, vm) : {}
}
