/** What the building manager's own commands says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const managerMessages = {
  'manager.scaled': entry<'app' | 'replicas' | 'before'>(
    (p) => `The manager's clipboard now says ${p.app}: ${p.replicas} rooms (was ${p.before}).`,
    (p) => `deployment/${p.app} scaled from ${p.before} to ${p.replicas}.`,
  ),
  'manager.deploymentCreated': entry<'app' | 'replicas'>(
    (p) => `The building manager now looks after ${p.app}: ${p.replicas} rooms on the clipboard.`,
    (p) => `Deployment ${p.app} created (replicas: ${p.replicas}); existing containers adopted.`,
  ),
  'manager.deploymentDeleted': entry<'app'>(
    (p) => `The building manager no longer looks after ${p.app}.`,
    (p) => `Deployment ${p.app} deleted with --cascade=orphan.`,
  ),
  'manager.imageSetUnmanaged': entry<'app' | 'image'>(
    (p) => `New rooms of ${p.app} will get the ${p.image} kit; rooms already open keep theirs until you replace them.`,
    (p) => `${p.app}: image set to ${p.image} for new containers; running containers keep their image (no Deployment to roll them).`,
  ),
  'manager.imageUpdated': entry<'app' | 'image' | 'rev' | 'maxSurgePercent' | 'maxUnavailablePercent'>(
    (p) => `The building manager starts refitting ${p.app}'s rooms with ${p.image}, a few at a time.`,
    (p) =>
      `deployment/${p.app} image updated to ${p.image} (revision ${p.rev}); rolling update (maxSurge ${p.maxSurgePercent}%, ` +
      `maxUnavailable ${p.maxUnavailablePercent}%).`,
  ),
  'manager.rolledBack': entry<'app' | 'images' | 'revision' | 'rev'>(
    (p) => `The building manager puts ${p.app}'s old furniture back (${p.images}).`,
    (p) => `deployment.apps/${p.app} rolled back to revision ${p.revision} (now revision ${p.rev}).`,
  ),
  'manager.rolloutPaused': entry<'app' | 'paused'>(
    (p) => `The refit of ${p.app} is ${p.paused ? 'on hold' : 'going again'}.`,
    (p) => `deployment.apps/${p.app} ${p.paused ? 'paused' : 'resumed'}.`,
  ),
  'manager.hpaCreated': entry<'app' | 'targetCpuPercent' | 'minReplicas' | 'maxReplicas'>(
    (p) =>
      `The building manager will add or close rooms of ${p.app} to keep them about ${p.targetCpuPercent}% busy ` +
      `(${p.minReplicas}–${p.maxReplicas} rooms).`,
    (p) => `horizontalpodautoscaler/${p.app} created: cpu ${p.targetCpuPercent}%, min ${p.minReplicas}, max ${p.maxReplicas}.`,
  ),
  'manager.hpaDeleted': entry<'app'>(
    (p) => `No more automatic room counts for ${p.app}.`,
    (p) => `horizontalpodautoscaler/${p.app} deleted.`,
  ),
  'manager.drainStarted': entry<'host'>(
    (p) => `House ${p.host} is being emptied for works: the manager moves its rooms out, keeping each business's promised minimum open.`,
    (p) => `node/${p.host} cordoned; evicting pods (respecting PodDisruptionBudgets).`,
  ),
  'manager.clusterAutoscalerDisabled': entry<never>(
    (p) => `The estate agent is dismissed: nobody buys or sells houses by themselves any more.`,
    (p) => `cluster-autoscaler disabled.`,
  ),
  'manager.clusterAutoscalerConfigured': entry<'cores' | 'memMiB' | 'costPerHour' | 'minHosts' | 'maxHosts' | 'budgetPerHour' | 'zones'>(
    (p) =>
      `An estate agent now watches the street: it buys a house (${p.cores} workers, ${p.memMiB}, ${p.costPerHour}/h) when rooms wait ` +
      `for space, and sells the ones it bought that stand idle; ${p.minHosts}–${p.maxHosts} houses, at most ${p.budgetPerHour}/h.`,
    (p) =>
      `cluster-autoscaler configured: nodes ${p.minHosts}–${p.maxHosts}, template ${p.cores} cores / ${p.memMiB} at ${p.costPerHour}/h ` +
      `in zones ${p.zones}, budget ${p.budgetPerHour}/h.`,
  ),
  'manager.pdb': entry<'app' | 'minAvailable'>(
    (p) =>
      p.minAvailable === null
        ? `${p.app} no longer insists on open rooms during works.`
        : `${p.app} insists that ${p.minAvailable} rooms stay open during planned works.`,
    (p) =>
      p.minAvailable === null ? `poddisruptionbudget/${p.app} deleted.` : `poddisruptionbudget/${p.app} minAvailable ${p.minAvailable}.`,
  ),
  'manager.cordon': entry<'host' | 'cordoned'>(
    (p) => (p.cordoned ? `House ${p.host} takes no new rooms (a cone at the door).` : `House ${p.host} takes new rooms again.`),
    (p) => `node/${p.host} ${p.cordoned ? 'cordoned' : 'uncordoned'}.`,
  ),
  'manager.refused.invalidReplicas': entry<'MAX_REPLICAS' | 'replicas'>(
    (p) => `Replicas must be a whole number from 0 to ${p.MAX_REPLICAS}.`,
    (p) => `invalid replicas ${p.replicas}`,
  ),
  'manager.refused.deploymentAlreadyAt': entry<'app' | 'image'>(
    (p) => `${p.app} already uses ${p.image}.`,
    (p) => `deployment ${p.app} already at ${p.image}`,
  ),
  'manager.refused.newImageTargetsA': entry<never>(
    (p) => `The new kit needs different plumbing than the old one.`,
    (p) => `new image targets a different OS`,
  ),
  'manager.refused.deploymentNoPreviousRevision': entry<'app'>(
    (p) => `${p.app} has no earlier version to go back to.`,
    (p) => `deployment ${p.app}: no previous revision`,
  ),
  'manager.refused.hpaNeedsMinreplicasMaxreplicas': entry<never>(
    (p) => `Set a minimum of at least 1 room and a maximum no smaller than the minimum.`,
    (p) => `HPA needs 1 ≤ minReplicas ≤ maxReplicas`,
  ),
  'manager.refused.targetcpuutilizationpercentageMustBeIn': entry<never>(
    (p) => `The target busyness must be between 1% and 100%.`,
    (p) => `targetCPUUtilizationPercentage must be in (0, 100]`,
  ),
  'manager.refused.noHpaFor': entry<'appId'>(
    (p) => `That app has no autoscaler.`,
    (p) => `no HPA for ${p.appId}`,
  ),
  'manager.refused.minavailableMustBeAn': entry<never>(
    (p) => `The minimum must be a whole number.`,
    (p) => `minAvailable must be an integer ≥ 0`,
  ),
  'manager.refused.clusterAutoscalerIsNot': entry<never>(
    (p) => `There is no estate agent to dismiss.`,
    (p) => `cluster-autoscaler is not configured`,
  ),
  'manager.refused.minhostsMustBeAn': entry<never>(
    (p) => `The fewest houses must be a whole number.`,
    (p) => `minHosts must be an integer ≥ 0`,
  ),
  'manager.refused.maxhostsMustBeAn': entry<never>(
    (p) => `The most houses must be at least 1 and no fewer than the fewest.`,
    (p) => `maxHosts must be an integer ≥ max(1, minHosts)`,
  ),
  'manager.refused.budgetperhourMustBe': entry<never>(
    (p) => `The budget cannot be negative.`,
    (p) => `budgetPerHour must be ≥ 0`,
  ),
  'manager.refused.templateCoresMustBe': entry<never>(
    (p) => `A house needs at least one core.`,
    (p) => `template.cores must be an integer ≥ 1`,
  ),
  'manager.refused.templateMemmibMustExceed': entry<'value' | 'HOST_SYSTEM_RESERVED_MIBValue'>(
    (p) => `A house needs more than ${p.value} of memory (its own system takes that).`,
    (p) => `template.memMiB must exceed the system reserve (${p.HOST_SYSTEM_RESERVED_MIBValue} MiB)`,
  ),
  'manager.refused.templateCostperhourMustBe': entry<never>(
    (p) => `A house cannot cost less than nothing.`,
    (p) => `template.costPerHour must be ≥ 0`,
  ),
  'manager.refused.templateZonesMustList': entry<never>(
    (p) => `Name at least one district to build in.`,
    (p) => `template.zones must list at least one zone`,
  ),
} satisfies Catalogue
