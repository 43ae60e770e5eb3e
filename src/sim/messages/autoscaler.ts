/** What the cluster autoscaler (the estate agent) says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue, ParamValue } from './message'

const list = (v: ParamValue): readonly string[] => (Array.isArray(v) ? v : [])

export const autoscalerMessages = {
  'autoscaler.nodeJoined': entry<'host' | 'wait'>(
    (p) => `The house the estate agent bought, ${p.host}, is built and takes rooms.`,
    (p) => `Node ${p.host} joined the cluster and is Ready (provisioned in ${p.wait} s).`,
  ),
  'autoscaler.nodeRemoved': entry<'host'>(
    (p) => `The estate agent sold house ${p.host}: its rooms found space elsewhere.`,
    (p) => `Scale-down: node ${p.host} removed by cluster-autoscaler (empty after drain).`,
  ),
  'autoscaler.notTriggerScaleUpWouldNotFit': entry<'cores' | 'memMiB'>(
    (p) => `Some rooms wait for space that even a new house of the agent's kind would not have.`,
    (p) =>
      `NotTriggerScaleUp: pod didn't trigger scale-up (it wouldn't fit if a new node is added: template ${p.cores} cores, ${p.memMiB} ` +
      `MiB, linux).`,
  ),
  'autoscaler.notTriggerScaleUpMaxSize': entry<'maxHosts'>(
    (p) => `Rooms wait for space, but the estate agent may own at most ${p.maxHosts} houses on this street.`,
    (p) => `NotTriggerScaleUp: pod didn't trigger scale-up: max node group size reached (maxHosts ${p.maxHosts}).`,
  ),
  'autoscaler.notTriggerScaleUpBudget': entry<'budgetPerHour' | 'costPerHour'>(
    (p) => `Rooms wait for space, but another house would cost more than the ${p.budgetPerHour}/h budget.`,
    (p) =>
      `NotTriggerScaleUp: pod didn't trigger scale-up: a node at ${p.costPerHour}/h would take the cluster over its budget of ` +
      `${p.budgetPerHour}/h.`,
  ),
  'autoscaler.triggeredScaleUp': entry<'waiting' | 'names' | 'zones' | 'wait' | 'hosts' | 'maxHosts'>(
    (p) => {
      const names = list(p.names)
      return (
        `${p.waiting} room${p.waiting === 1 ? '' : 's'} wait for space: the estate agent buys ${names.length} ` +
        `house${names.length === 1 ? '' : 's'} (${names.join(', ')}), ready in about ${p.wait} s.`
      )
    },
    (p) => {
      const names = list(p.names)
      const zones = list(p.zones)
      const nodes = names.map((n, i) => `${n} (zone ${zones[i]})`).join(', ')
      return (
        `TriggeredScaleUp: pod triggered scale-up: [{template ${p.hosts}->${Number(p.hosts) + names.length} (max: ${p.maxHosts})}] ` +
        `for ${p.waiting} unschedulable pod(s); nodes ${nodes} provisioning.`
      )
    },
  ),
  'autoscaler.scaleDownBlocked': entry<'host' | 'blocking'>(
    (p) => `The estate agent would sell house ${p.host}, but moving its rooms now would break ${p.blocking}'s promise of open rooms.`,
    (p) => `Scale-down: node ${p.host} not removed: evicting its pods would violate the PodDisruptionBudget of ${p.blocking}.`,
  ),
  'autoscaler.scaleDownUnneeded': entry<'host' | 'pct' | 'now' | 'pods' | 'now2' | 'scaleDownUtilisation' | 'TO_BE_DELETED_TAINT'>(
    (p) =>
      `House ${p.host} has stood mostly idle (${p.pct}% booked) for ${p.now} min: the estate agent moves its ${p.pods} ` +
      `room${p.pods === 1 ? '' : 's'} out and sells it.`,
    (p) =>
      `ScaleDown: node ${p.host} unneeded for ${p.now2} s (utilization ${p.pct}% < ${p.scaleDownUtilisation}%); tainted ` +
      `${p.TO_BE_DELETED_TAINT}:NoSchedule, draining ${p.pods} pod(s).`,
  ),
} satisfies Catalogue
