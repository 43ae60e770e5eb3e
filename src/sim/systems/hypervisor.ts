/** The hypervisor in each house: moves apartments through provisioning and booting to running. */
import { GUEST_OS } from '../constants'
import { deleteContainer } from '../containers'
import { logEvent } from '../events'
import { say } from '../messages'
import { nextInt } from '../rng'
import type { World } from '../types'
import { containerList, noteContainerTouched } from '../containerIndex'

export function hypervisor(world: World): void {
  for (const vm of Object.values(world.vms)) {
    if (vm.state === 'provisioning' && world.timeMs >= vm.phaseEndsMs) {
      const os = GUEST_OS[vm.os]
      vm.state = 'booting'
      vm.stateSinceMs = world.timeMs
      vm.phaseEndsMs = world.timeMs + nextInt(world.rng, os.boot.minMs, os.boot.maxMs)
      logEvent(world, 'info', say('hypervisor.booting', { vm: vm.name, label: os.label }), [vm.id])
    } else if (vm.state === 'booting' && world.timeMs >= vm.phaseEndsMs) {
      const tookS = ((world.timeMs - vm.stateSinceMs) / 1000).toFixed(1)
      vm.state = 'running'
      vm.stateSinceMs = world.timeMs
      vm.downSinceMs = null
      vm.condition = 'Ready'
      // Heartbeats again: the node lifecycle controller lifts the unreachable taints (systems/nodes.ts).
      if (vm.taints.some((t) => t.key === 'node.kubernetes.io/unreachable'))
        vm.taints = vm.taints.filter((t) => t.key !== 'node.kubernetes.io/unreachable')
      // Plain `docker run` rooms do not come back after a reboot; the manager's rooms restart (kubelet).
      for (const c of containerList(world)) {
        if (c.placement?.kind === 'vm' && c.placement.vmId === vm.id && c.state === 'lost') {
          if (c.managed) {
            c.state = 'pending'
            noteContainerTouched(world, c)
            c.stateSinceMs = world.timeMs
            c.ready = false
          } else deleteContainer(world, c)
        }
      }
      logEvent(world, 'info', say('hypervisor.running', { vm: vm.name, GUEST_OS: GUEST_OS[vm.os].label, tookS }), [vm.id])
    }
  }
}
