/** What the machines themselves says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const machineMessages = {
  'machine.appInstalled': entry<'app' | 'whereMetaphor' | 'whereTechnical' | 'requires'>(
    (p) => `${p.app} installed straight into ${p.whereMetaphor}: everything it needs is there.`,
    (p) => `${p.app} installed on ${p.whereTechnical} (no container); dependencies satisfied: ${p.requires}.`,
  ),
  'machine.packagesInstalled': entry<'packages' | 'whereMetaphor' | 'whereTechnical'>(
    (p) => `Installed ${p.packages} in ${p.whereMetaphor}.`,
    (p) => `${p.whereTechnical}: installed ${p.packages}.`,
  ),
  'machine.limitsSet': entry<'app' | 'lim'>(
    (p) => `${p.app}'s rooms now have caps: ${p.lim}.`,
    (p) => `${p.app}: limits set (${p.lim}); applied in place.`,
  ),
  'machine.runtimeSet': entry<'app' | 'rtMetaphor' | 'label'>(
    (p) => `New rooms of ${p.app} will be a ${p.rtMetaphor}; rooms already open keep theirs until replaced.`,
    (p) => `${p.app}: runtimeClass ${p.label} for new pods (existing pods keep theirs).`,
  ),
  'machine.securitySet': entry<'app' | 'restricted' | 's' | 'restricted2'>(
    (p) => `New rooms of ${p.app} get ${p.restricted}: ${p.s}.`,
    (p) => `${p.app} securityContext for new pods: ${p.s}${p.restricted2}.`,
  ),
  'machine.memOvercommitSet': entry<'host' | 'ratio'>(
    (p) =>
      `House ${p.host} may now promise its apartments ${p.ratio}× the memory it has. If they all use it, it swaps to disk and ` +
      `everything slows.`,
    (p) => `Host ${p.host}: memory overcommit ${p.ratio}:1 (swap when guests touch more than physical RAM).`,
  ),
  'machine.missingPackage': entry<'app' | 'needText' | 'kind' | 'haveText' | 'where' | 'need' | 'tech' | 'hasTechnical'>(
    (p) => `${p.app} won't work here: it needs ${p.needText}, this ${p.kind} has ${p.haveText}. (It worked on the developer's machine.)`,
    (p) => `${p.app} failed to start on ${p.where}: needs ${p.need}, ${p.tech} has ${p.hasTechnical}`,
  ),
  'machine.refused.packagesMustBeNon': entry<never>(
    (p) => `Name the packages to install.`,
    (p) => `packages must be non-empty strings`,
  ),
  'machine.refused.unknownRuntime': entry<'runtime'>(
    (p) => `Unknown kind of room walls.`,
    (p) => `unknown runtime ${p.runtime}`,
  ),
  'machine.refused.memoryOvercommitRatioMust': entry<'maxRatio'>(
    (p) => `Promise between 1× and ${p.maxRatio}× the house's memory.`,
    (p) => `memory overcommit ratio must be in [1, ${p.maxRatio}]`,
  ),
  'machine.refused.hostAlreadyAllocated': entry<'host' | 'memMiB'>(
    (p) => `House ${p.host} has already promised more than that.`,
    (p) => `host ${p.host}: ${p.memMiB} already allocated`,
  ),
} satisfies Catalogue
