/** What the pods themselves says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const podsMessages = {
  'pods.probesSet': entry<'app' | 'said' | 'parts'>(
    (p) => `${p.app}'s rooms get ${p.said}.`,
    (p) => `deployment.apps/${p.app}: ${p.parts}.`,
  ),
  'pods.namespaceCreated': entry<'name'>(
    (p) => `A new wing of the street, ${p.name}, is marked out: its businesses' names stay apart from the others'.`,
    (p) => `namespace/${p.name} created`,
  ),
  'pods.namespaceMoved': entry<'app' | 'from' | 'namespace' | 'managed' | 'appManaged'>(
    (p) => `${p.app} moves from wing ${p.from} to wing ${p.namespace}${p.managed}.`,
    (p) => `deployment.apps/${p.app} moved from namespace ${p.from} to ${p.namespace}${p.appManaged}.`,
  ),
  'pods.labeled': entry<'app' | 'text'>(
    (p) => `${p.app}'s rooms are tagged ${p.text}.`,
    (p) => `deployment.apps/${p.app} labeled ${p.text}.`,
  ),
  'pods.sidecars': entry<'app' | 'names' | 'list' | 'managed' | 'revision'>(
    (p) => {
      const names = Array.isArray(p.names) ? p.names : []
      const refit = p.managed ? ' The manager refits the rooms a few at a time.' : ''
      return names.length === 0
        ? `${p.app}'s new rooms come without side rooms.`
        : `${p.app}'s new rooms come as suites: ${names.join(', ')} beside the main room, behind one front door.${refit}`
    },
    (p) => {
      const what = Array.isArray(p.names) && p.names.length > 0 ? `now include ${p.list}` : 'reduced to the app container'
      return `deployment.apps/${p.app}: containers ${what} (revision ${p.revision}); pod requests are the sum of its containers'.`
    },
  ),
  'pods.refused.initialdelaysecondsMustBeAn': entry<'kind'>(
    (p) => `The first check-up must wait a whole number of seconds (0 or more).`,
    (p) => `${p.kind}.initialDelaySeconds: must be an integer ≥ 0`,
  ),
  'pods.refused.periodsecondsMustBeAn': entry<'kind'>(
    (p) => `Check-ups must be at least a second apart.`,
    (p) => `${p.kind}.periodSeconds: must be an integer ≥ 1`,
  ),
  'pods.refused.failurethresholdMustBeAn': entry<'kind'>(
    (p) => `At least one failed check-up must count.`,
    (p) => `${p.kind}.failureThreshold: must be an integer ≥ 1`,
  ),
  'pods.refused.successthresholdMustBeAn': entry<'kind'>(
    (p) => `At least one good check-up must count.`,
    (p) => `${p.kind}.successThreshold: must be an integer ≥ 1`,
  ),
  'pods.refused.livenessprobeSuccessthresholdInvalidValue': entry<never>(
    (p) => `A "still alive?" check-up passes on one good answer.`,
    (p) => `livenessProbe.successThreshold: Invalid value: must be 1`,
  ),
  'pods.refused.setprobesNeedsReadinessOr': entry<never>(
    (p) => `Say which check-up to change.`,
    (p) => `setProbes needs readiness or liveness`,
  ),
  'pods.refused.atMostSidecars': entry<'MAX_SIDECARS'>(
    (p) => `A room suite takes at most ${p.MAX_SIDECARS} side rooms here.`,
    (p) => `at most ${p.MAX_SIDECARS} sidecars`,
  ),
  'pods.refused.specContainersNameDuplicate': entry<'s'>(
    (p) => `Two rooms of the suite would be called ${p.s}.`,
    (p) => `spec.containers[].name: Duplicate value: "${p.s}"`,
  ),
  'pods.refused.imageNotFound': entry<'imageId'>(
    (p) => `That furniture kit does not exist.`,
    (p) => `image ${p.imageId} not found`,
  ),
  'pods.refused.sidecarImageTargetsThe': entry<'app' | 's' | 'image' | 'os' | 'os2'>(
    (p) => `The side room's kit needs different plumbing than ${p.app}'s: one suite shares one house's plumbing.`,
    (p) => `sidecar ${p.s}: image ${p.image} targets ${p.os}, the pod's other containers ${p.os2} (one pod, one node OS)`,
  ),
  'pods.refused.sidecarCpuRequestMust': entry<'s'>(
    (p) => `A side room books a whole number of milli-workers.`,
    (p) => `sidecar ${p.s}: cpu request must be an integer ≥ 0`,
  ),
  'pods.refused.sidecarMemoryRequestMust': entry<'s'>(
    (p) => `A side room books some space.`,
    (p) => `sidecar ${p.s}: memory request must be > 0`,
  ),
  'pods.refused.errorFromServerAlreadyexists': entry<'name'>(
    (p) => `There is already a wing called ${p.name}.`,
    (p) => `Error from server (AlreadyExists): namespaces "${p.name}" already exists`,
  ),
  'pods.refused.errorFromServerNotfound': entry<'namespace'>(
    (p) => `There is no wing called ${p.namespace}.`,
    (p) => `Error from server (NotFound): namespaces "${p.namespace}" not found`,
  ),
  'pods.refused.deploymentIsAlreadyIn': entry<'app' | 'namespace'>(
    (p) => `${p.app} is already in ${p.namespace}.`,
    (p) => `deployment ${p.app} is already in namespace ${p.namespace}`,
  ),
  'pods.refused.metadataLabelsInvalidValue': entry<'k'>(
    (p) => `"${p.k}" is not a usable tag name.`,
    (p) => `metadata.labels: Invalid value: "${p.k}": name part must consist of alphanumeric characters, '-', '_' or '.'`,
  ),
  'pods.refused.selectorImmutable': entry<'key' | 'value' | 'given'>(
    (p) => `The tag ${p.key}=${p.value} stays: it is how the doorman and the manager find the rooms.`,
    (p) => `spec.selector: Invalid value: ${p.key}=${p.given}: field is immutable (the Deployment selects on ${p.key}=${p.value})`,
  ),
} satisfies Catalogue
