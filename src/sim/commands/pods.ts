/** The pods themselves: probes, sidecars, namespaces and labels. */
import { formatMiB } from '../capacity'
import { keepRevisions } from '../constants'
import { containerList, noteRoomServing } from '../containerIndex'
import { logEvent } from '../events'
import { notFound, refuse, say } from '../messages'
import { resetProbeCalendar } from '../probeCalendar'
import type { Probe } from '../types'
import { fail } from '../result'
import type { Result } from '../result'
import type { HandlerTable } from './handler'
import type { PodCommand } from '../types'

/** Kubernetes object names (namespaces, container names): RFC 1123 DNS labels. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/
const LABEL_KEY = /^([a-z0-9.-]{1,253}\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/
const MAX_SIDECARS = 8

const isCount = (n: number, min: number): boolean => Number.isInteger(n) && n >= min

/** The API server's validation of a probe; null when it is valid. */
function probeProblem(p: Probe, liveness: boolean): Result | null {
  const kind = liveness ? 'livenessProbe' : 'readinessProbe'
  if (!isCount(p.initialDelaySeconds, 0)) return refuse(say('pods.refused.initialdelaysecondsMustBeAn', { kind }))
  if (!isCount(p.periodSeconds, 1)) return refuse(say('pods.refused.periodsecondsMustBeAn', { kind }))
  if (!isCount(p.failureThreshold, 1)) return refuse(say('pods.refused.failurethresholdMustBeAn', { kind }))
  if (!isCount(p.successThreshold, 1)) return refuse(say('pods.refused.successthresholdMustBeAn', { kind }))
  // kubernetes.io "Configure Liveness, Readiness and Startup Probes": must be 1 for liveness and startup probes.
  if (liveness && p.successThreshold !== 1) return refuse(say('pods.refused.livenessprobeSuccessthresholdInvalidValue'))
  return null
}

const describeProbe = (p: Probe): string =>
  `initialDelaySeconds ${p.initialDelaySeconds}, periodSeconds ${p.periodSeconds}, failureThreshold ${p.failureThreshold}, ` +
  `successThreshold ${p.successThreshold}`

export const podsHandlers = {
  setProbes(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (command.readiness === undefined && command.liveness === undefined) return refuse(say('pods.refused.setprobesNeedsReadinessOr'))
    for (const [p, liveness] of [
      [command.readiness, false],
      [command.liveness, true],
    ] as const) {
      const problem = p ? probeProblem(p, liveness) : null
      if (problem) return problem
    }
    const hadReadiness = app.readinessProbe !== null
    if (command.readiness !== undefined) app.readinessProbe = command.readiness ? { ...command.readiness } : null
    if (command.liveness !== undefined) app.livenessProbe = command.liveness ? { ...command.liveness } : null
    // Simplification: in Kubernetes a probe is part of the pod template, so changing it rolls the
    // pods. Here the open rooms take the new probes at once (counted afresh from the next check),
    // so the player sees the effect without waiting for a rollout.
    for (const c of containerList(world)) {
      if (c.appId !== app.id) continue
      c.probe = { readinessFailures: 0, readinessSuccesses: 0, livenessFailures: 0, nextAtMs: 0 }
      if (!app.readinessProbe && hadReadiness) c.ready = c.state === 'running'
      noteRoomServing(world, c)
    }
    resetProbeCalendar(world)
    const parts: string[] = []
    const said: string[] = []
    if (command.readiness !== undefined) {
      parts.push(command.readiness ? `readinessProbe (${describeProbe(command.readiness)})` : 'readinessProbe removed')
      said.push(
        command.readiness
          ? `a "ready for visitors?" check every ${command.readiness.periodSeconds} s (out of the doorman's rotation after ` +
              `${command.readiness.failureThreshold} failures)`
          : 'no more "ready for visitors?" check',
      )
    }
    if (command.liveness !== undefined) {
      parts.push(command.liveness ? `livenessProbe (${describeProbe(command.liveness)})` : 'livenessProbe removed')
      said.push(
        command.liveness
          ? `a "still alive?" check every ${command.liveness.periodSeconds} s (restarted after ${command.liveness.failureThreshold} ` +
              `failures)`
          : 'no more "still alive?" check',
      )
    }
    logEvent(world, 'info', say('pods.probesSet', { app: app.name, said: said.join(' and '), parts: parts.join('; ') }), [app.id])
    return { ok: true }
  },
  setSidecars(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (command.sidecars.length > MAX_SIDECARS) return refuse(say('pods.refused.atMostSidecars', { MAX_SIDECARS }))
    const os = world.images[app.imageId]?.os
    const names = new Set<string>([app.name])
    for (const s of command.sidecars) {
      if (!DNS_LABEL.test(s.name))
        return fail(
          `"${s.name}" is not a usable name: lower-case letters, digits and dashes.`,
          `spec.containers.name: Invalid value: "${s.name}": a lowercase RFC 1123 label must consist of lower case alphanumeric ` +
            `characters or '-'`,
        )
      if (names.has(s.name)) return refuse(say('pods.refused.specContainersNameDuplicate', { s: s.name }))
      names.add(s.name)
      const image = world.images[s.imageId]
      if (!image) return refuse(say('pods.refused.imageNotFound', { imageId: s.imageId }))
      if (image.os !== os)
        return refuse(
          say('pods.refused.sidecarImageTargetsThe', { app: app.name, s: s.name, image: image.ref, os: image.os, os2: os ?? '?' }),
        )
      if (!isCount(s.cpuRequestMilli, 0)) return refuse(say('pods.refused.sidecarCpuRequestMust', { s: s.name }))
      if (!(s.memRequestMiB > 0 && Number.isFinite(s.memRequestMiB)))
        return refuse(say('pods.refused.sidecarMemoryRequestMust', { s: s.name }))
    }
    app.sidecars = command.sidecars.map((s) => ({ ...s }))
    // The sidecars are part of the pod template: a new revision, which the rolling update
    // (systems/replicaset.ts) rolls out to managed rooms. Unmanaged rooms keep their shape.
    app.revision += 1
    app.revisions = keepRevisions([...app.revisions, { revision: app.revision, imageId: app.imageId, atMs: world.timeMs }])
    const list = command.sidecars
      .map((s) => `${s.name} (${world.images[s.imageId]!.ref}, ${s.cpuRequestMilli}m, ${formatMiB(s.memRequestMiB)})`)
      .join(', ')
    const sidecars = command.sidecars.map((s) => s.name)
    logEvent(world, 'info', say('pods.sidecars', { app: app.name, names: sidecars, list, managed: app.managed, revision: app.revision }), [
      app.id,
    ])
    return { ok: true }
  },
  addNamespace(world, command) {
    if (!DNS_LABEL.test(command.name))
      return fail(
        `"${command.name}" is not a usable name: lower-case letters, digits and dashes.`,
        `The Namespace "${command.name}" is invalid: metadata.name: a lowercase RFC 1123 label must consist of lower case alphanumeric ` +
          `characters or '-'`,
      )
    if (world.namespaces.includes(command.name)) return refuse(say('pods.refused.errorFromServerAlreadyexists', { name: command.name }))
    world.namespaces = [...world.namespaces, command.name]
    logEvent(world, 'info', say('pods.namespaceCreated', { name: command.name }))
    return { ok: true }
  },
  setNamespace(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    if (!world.namespaces.includes(command.namespace))
      return refuse(say('pods.refused.errorFromServerNotfound', { namespace: command.namespace }))
    if (app.namespace === command.namespace)
      return refuse(say('pods.refused.deploymentIsAlreadyIn', { app: app.name, namespace: command.namespace }))
    // A pod's namespace is immutable. A managed app moves the way one would move it by hand: the
    // Deployment is made in the new namespace and its pods are replaced there by a rolling update
    // (systems/replicaset.ts counts a pod in the old namespace as stale). Rooms nobody manages
    // cannot be moved, so the move is refused while the app has any.
    if (!app.managed && containerList(world).some((c) => c.appId === app.id)) {
      return fail(
        `${app.name}'s rooms cannot change wing while open: close them first, or let the building manager move them.`,
        `pods of ${app.name} exist: metadata.namespace is immutable on a pod; delete them first (or manage them with a Deployment, ` +
          `whose rollout recreates them)`,
      )
    }
    const from = app.namespace
    app.namespace = command.namespace
    // A template change: a new revision (the rolling update replaces the pods).
    app.revision += 1
    app.revisions = keepRevisions([...app.revisions, { revision: app.revision, imageId: app.imageId, atMs: world.timeMs }])
    logEvent(
      world,
      'info',
      say('pods.namespaceMoved', {
        app: app.name,
        from,
        namespace: command.namespace,
        managed: app.managed ? '; the manager reopens its rooms there a few at a time' : '',
        appManaged: app.managed ? '; pods recreated in the new namespace by a rolling update' : '',
      }),
      [app.id],
    )
    return { ok: true }
  },
  setAppLabels(world, command) {
    const app = world.apps[command.appId]
    if (!app) return notFound('app', command.appId)
    for (const [k, v] of Object.entries(command.labels)) {
      if (!LABEL_KEY.test(k)) return refuse(say('pods.refused.metadataLabelsInvalidValue', { k }))
      if (!LABEL_VALUE.test(v))
        return fail(
          `"${v}" is not a usable tag value.`,
          `metadata.labels: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', ` +
            `'_' or '.'`,
        )
    }
    // The Deployment's selector (app=<name> unless a manifest gave another) is immutable, and its pods must carry it.
    const selector = app.manifest?.selector ?? { app: app.name }
    const clash = Object.entries(selector).find(([k, v]) => command.labels[k] !== undefined && command.labels[k] !== v)
    if (clash) {
      const [k, v] = clash
      return refuse(say('pods.refused.selectorImmutable', { key: k, value: v, given: command.labels[k] ?? '' }))
    }
    // Simplification: the labels apply to the rooms at once (they are read from the app), where
    // Kubernetes would roll the pods for a template change.
    app.labels = { ...command.labels, ...selector }
    const text = Object.entries(app.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
    logEvent(world, 'info', say('pods.labeled', { app: app.name, text }), [app.id])
    return { ok: true }
  },
} satisfies HandlerTable<PodCommand>
