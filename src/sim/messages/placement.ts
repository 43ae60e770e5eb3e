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
  'placement.refused.nodeSelectorRequirementNeeds': entry<never>(
    (p) => `Each wish needs a nameplate key.`,
    (p) => `node selector requirement needs a key`,
  ),
  'placement.refused.valuesMustBeNon': entry<'key' | 'operator' | 'rOperator'>(
    (p) => `"${p.key}" ${p.operator} needs at least one value.`,
    (p) => `values must be non-empty for operator ${p.rOperator}`,
  ),
  'placement.refused.valuesMustBeEmpty': entry<'key' | 'operator' | 'rOperator'>(
    (p) => `"${p.key}" ${p.operator} takes no values.`,
    (p) => `values must be empty for operator ${p.rOperator}`,
  ),
  'placement.refused.labelIsSetBy': entry<'reserved'>(
    (p) => `The building manager writes "${p.reserved}" on every nameplate itself.`,
    (p) => `label ${p.reserved} is set by the kubelet and cannot be changed`,
  ),
  'placement.refused.taintKeyMustNot': entry<never>(
    (p) => `A sign on the door needs a key.`,
    (p) => `taint key must not be empty`,
  ),
  'placement.refused.taintEffectMustBe': entry<'EFFECTS'>(
    (p) => `A sign says keep out, prefer not, or get out.`,
    (p) => `taint effect must be one of ${p.EFFECTS}`,
  ),
  'placement.refused.duplicateTaintKeyAnd': entry<never>(
    (p) => `Two signs with the same key and the same effect.`,
    (p) => `duplicate taint key and effect`,
  ),
  'placement.refused.tolerationValueMustBe': entry<never>(
    (p) => `A pass for any value of a sign cannot name a value.`,
    (p) => `toleration value must be empty when operator is Exists`,
  ),
  'placement.refused.tolerationWithAnEmpty': entry<never>(
    (p) => `A pass for every sign must say "any".`,
    (p) => `toleration with an empty key must use operator Exists`,
  ),
  'placement.refused.tolerationEffectMustBe': entry<'EFFECTS'>(
    (p) => `A pass is for keep out, prefer not, or get out.`,
    (p) => `toleration effect must be one of ${p.EFFECTS}`,
  ),
  'placement.refused.preferredTermWeightMust': entry<never>(
    (p) => `A wish weighs between 1 and 100.`,
    (p) => `preferred term weight must be in [1, 100]`,
  ),
  'placement.refused.preferredTermNeedsAt': entry<never>(
    (p) => `A wish must say what it wishes for.`,
    (p) => `preferred term needs at least one requirement`,
  ),
  'placement.refused.topologykeyMustNotBe': entry<never>(
    (p) => `Keep apart by what: house or district?`,
    (p) => `topologyKey must not be empty`,
  ),
  'placement.refused.maxskewMustBeAn': entry<never>(
    (p) => `The allowed difference must be a whole number of rooms, at least 1.`,
    (p) => `maxSkew must be an integer ≥ 1`,
  ),
  'placement.refused.topologykeyMustNotBe2': entry<never>(
    (p) => `Spread over what: houses or districts?`,
    (p) => `topologyKey must not be empty`,
  ),
  'placement.refused.whenunsatisfiableMustBeDonotschedule': entry<never>(
    (p) => `Say whether to wait or place anyway.`,
    (p) => `whenUnsatisfiable must be DoNotSchedule or ScheduleAnyway`,
  ),
  'placement.refused.invalidPriorityclassName': entry<'name'>(
    (p) => `A rank needs a lower-case name.`,
    (p) => `invalid PriorityClass name ${p.name}`,
  ),
  'placement.refused.priorityclassesSchedulingKS': entry<'name'>(
    (p) => `The rank ${p.name} already exists.`,
    (p) => `priorityclasses.scheduling.k8s.io "${p.name}" already exists`,
  ),
  'placement.refused.valueMustBeAn': entry<'MAX_USER_PRIORITY'>(
    (p) => `A rank is a whole number up to one billion.`,
    (p) => `value must be an integer ≤ ${p.MAX_USER_PRIORITY} (higher values are reserved for system classes)`,
  ),
  'placement.refused.noPriorityclassWithName': entry<'name'>(
    (p) => `There is no rank called ${p.name}.`,
    (p) => `no PriorityClass with name ${p.name} was found`,
  ),
} satisfies Catalogue
