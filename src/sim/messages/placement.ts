/** What where pods may go says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const placementMessages = {
  'placement.taintEviction': entry<'apps' | 'noun' | 'ref' | 'managed' | 'room' | 'taintText'>(
    (p) => `A room of ${p.apps} has no pass for the new sign on ${p.noun} ${p.ref} and is moved out${p.managed}.`,
    (p) => `Taint manager evicting pod ${p.room} from node ${p.ref}: untolerated taint ${p.taintText}.`,
  ),
  'placement.labeled': entry<'noun' | 'ref' | 'labelText'>(
    (p) => `${p.noun} ${p.ref}'s nameplate now reads ${p.labelText}.`,
    (p) => `node/${p.ref} labeled: ${p.labelText}.`,
  ),
  'placement.tolerations': entry<'app' | 'tolerations' | 'text'>(
    (p) => `${p.app}'s rooms carry ${p.tolerations}.`,
    (p) => `deployment/${p.app} tolerations: ${p.text}.`,
  ),
  'placement.nodeAffinity': entry<'app' | 'required' | 'wish' | 'required2' | 'wishTech'>(
    (p) => `${p.app}'s rooms must live ${p.required}${p.wish}.`,
    (p) => `deployment/${p.app} nodeAffinity: required [${p.required2}], preferred [${p.wishTech}].`,
  ),
  'placement.priorityClassCreated': entry<'name' | 'value'>(
    (p) => `A new rank, ${p.name} (${p.value}): higher ranks go first and may move lower ones out.`,
    (p) => `priorityclass.scheduling.k8s.io/${p.name} created (value ${p.value}).`,
  ),
  'placement.priorityClassSet': entry<'app' | 'name' | 'value' | 'name2'>(
    (p) => `${p.app}'s rooms now rank ${p.name} (${p.value}).`,
    (p) => `deployment/${p.app} priorityClassName ${p.name2} (priority ${p.value}).`,
  ),
  'placement.taints': entry<'house' | 'node' | 'count' | 'text'>(
    (p) =>
      p.count
        ? `${p.house ? 'House' : 'Apartment'} ${p.node} puts up a sign: only rooms with a pass (${p.text}).`
        : `${p.house ? 'House' : 'Apartment'} ${p.node} takes its signs down.`,
    (p) => `node/${p.node} taints: ${p.text}.`,
  ),
  'placement.antiAffinity': entry<'app' | 'set' | 'topologyKey' | 'required'>(
    (p) =>
      p.set
        ? `${p.app}'s rooms ${p.required ? 'must' : 'would rather'} not share a ${p.topologyKey} with each other.`
        : `${p.app}'s rooms may share again.`,
    (p) => {
      const kind = p.required ? 'requiredDuringSchedulingIgnoredDuringExecution' : 'preferredDuringSchedulingIgnoredDuringExecution'
      return p.set ? `deployment/${p.app} podAntiAffinity ${kind} on ${p.topologyKey}.` : `deployment/${p.app} podAntiAffinity removed.`
    },
  ),
  'placement.spread': entry<'app' | 'set' | 'maxSkew' | 'topologyKey' | 'whenUnsatisfiable'>(
    (p) => {
      const hard = p.whenUnsatisfiable === 'DoNotSchedule' ? ' (a room waits rather than break this)' : ' (a wish, not a rule)'
      return p.set
        ? `${p.app}'s rooms are spread over each ${p.topologyKey}, at most ${p.maxSkew} more in one than in another${hard}.`
        : `${p.app}'s rooms need not be spread.`
    },
    (p) =>
      p.set
        ? `deployment/${p.app} topologySpreadConstraints: maxSkew ${p.maxSkew}, topologyKey ${p.topologyKey}, whenUnsatisfiable ` +
          `${p.whenUnsatisfiable}.`
        : `deployment/${p.app} topologySpreadConstraints removed.`,
  ),
} satisfies Catalogue
