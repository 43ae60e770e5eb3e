/**
 * Level files are data, checked at the door. The command schema here is also how the game
 * checks commands that arrive from outside (the console, share links, saved games).
 */
import { z } from 'zod'
import type { CommandType } from '../sim'

const id = z.string().min(1).max(64)
const os = z.enum(['linux', 'windows'])
const placement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), hostId: id }),
  z.object({ kind: z.literal('vm'), vmId: id }),
])
const positive = z.number().positive().finite()
const count = z.number().int().nonnegative()
/** Kubernetes names: lower-case DNS labels. */
const dnsName = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a lower-case DNS name (a-z, 0-9, -)')
const labelKey = z
  .string()
  .regex(
    /^([a-z0-9.-]{1,253}\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    'must be a label key like ' + 'zone or topology.kubernetes.io/zone',
  )
const labelValue = z.string().regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, 'must be a label value (letters, digits, - _ .)')
const labels = z.record(labelKey, labelValue)
const effect = z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])
const taint = z.object({ key: labelKey, value: labelValue, effect })
const toleration = z.object({
  key: labelKey,
  operator: z.enum(['Equal', 'Exists']),
  value: labelValue.optional(),
  effect: effect.optional(),
})
const selectorRequirement = z.object({
  key: labelKey,
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
  values: z.array(labelValue).max(32),
})
const probe = z.object({
  initialDelaySeconds: count.max(3600),
  periodSeconds: z.number().int().positive().max(3600),
  failureThreshold: z.number().int().positive().max(100),
  successThreshold: z.number().int().positive().max(100),
})

export const commandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('addHost'),
    name: z.string().max(40).optional(),
    zone: z.string().max(20).optional(),
    cores: z.number().int().positive().max(512),
    memMiB: z.number().int().positive().max(16_777_216),
    diskGiB: positive.optional(),
    costPerHour: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('removeHost'), hostId: id }),
  z.object({ type: z.literal('addImage'), id: id.optional(), ref: z.string().min(1).max(128), sizeMiB: positive, os: os.optional() }),
  z.object({
    type: z.literal('addApp'),
    id: id.optional(),
    name: z.string().min(1).max(40),
    imageId: id,
    cpuRequestMilli: count,
    memRequestMiB: positive,
    rps: z.number().nonnegative(),
    capacityRps: positive,
    replicas: count.optional(),
    managed: z.boolean().optional(),
    requires: z.array(z.string().min(1).max(64)).max(32).optional(),
  }),
  z.object({
    type: z.literal('addVm'),
    hostId: id,
    os,
    vcpus: z.number().int().positive().max(256),
    memMiB: z.number().int().positive(),
    name: z.string().max(40).optional(),
  }),
  z.object({ type: z.literal('deleteVm'), vmId: id }),
  z.object({ type: z.literal('stopVm'), vmId: id }),
  z.object({ type: z.literal('startVm'), vmId: id }),
  z.object({ type: z.literal('runContainer'), appId: id, target: placement }),
  z.object({ type: z.literal('removeContainer'), containerId: id }),
  z.object({ type: z.literal('setReplicas'), appId: id, replicas: count }),
  z.object({ type: z.literal('setManaged'), appId: id, managed: z.boolean() }),
  z.object({ type: z.literal('setTraffic'), appId: id, rps: z.number().nonnegative() }),
  z.object({ type: z.literal('removeApp'), appId: id }),
  z.object({
    type: z.literal('setManifest'),
    appId: id,
    manifest: z
      .object({
        selector: labels,
        containerName: z.string().min(1),
        containerPort: z.number().int(),
        service: z
          .object({ name: z.string().min(1), port: z.number().int(), targetPort: z.number().int(), type: z.string(), selector: labels })
          .nullable(),
      })
      .nullable(),
  }),
  z.object({ type: z.literal('crashContainer'), containerId: id }),
  z.object({ type: z.literal('crashRandomContainer'), appId: id }),
  z.object({ type: z.literal('crashVm'), vmId: id }),
  z.object({ type: z.literal('failHost'), hostId: id, kernelPanic: z.boolean().optional() }),
  z.object({ type: z.literal('failZone'), zone: z.string().min(1).max(64) }),
  z.object({ type: z.literal('repairHost'), hostId: id }),
  z.object({ type: z.literal('setDelayScale'), scale: z.number().positive().max(1) }),
  z.object({ type: z.literal('setImage'), appId: id, imageId: id }),
  z.object({ type: z.literal('rolloutUndo'), appId: id }),
  z.object({ type: z.literal('rolloutPause'), appId: id, paused: z.boolean() }),
  z.object({
    type: z.literal('setHpa'),
    appId: id,
    minReplicas: z.number().int().positive(),
    maxReplicas: z.number().int().positive(),
    targetCpuPercent: z.number().positive().max(100),
    behavior: z.boolean().optional(),
  }),
  z.object({ type: z.literal('removeHpa'), appId: id }),
  z.object({ type: z.literal('setPdb'), appId: id, minAvailable: count.nullable(), name: z.string().optional() }),
  z.object({ type: z.literal('cordon'), hostId: id, unschedulable: z.boolean() }),
  z.object({ type: z.literal('drain'), hostId: id }),
  // Machine commands (issue 3): the sim checks the details and says why it refuses.
  z.object({
    type: z.literal('buildImage'),
    id: id.optional(),
    ref: z.string().min(1).max(128),
    os: os.optional(),
    instructions: z
      .array(z.object({ text: z.string().min(1), sizeMiB: z.number().nonnegative(), provides: z.array(z.string()).optional() }))
      .min(1),
  }),
  z.object({ type: z.literal('installPackages'), target: placement, packages: z.array(z.string().min(1)).min(1) }),
  z.object({ type: z.literal('installApp'), appId: id, target: placement }),
  z.object({
    type: z.literal('setLimits'),
    appId: id,
    cpuLimitMilli: z.number().nonnegative().nullable(),
    memLimitMiB: z.number().positive().nullable(),
  }),
  z.object({ type: z.literal('setRuntime'), appId: id, runtime: z.enum(['runc', 'gvisor', 'kata', 'firecracker']) }),
  z.object({
    type: z.literal('setSecurity'),
    appId: id,
    security: z
      .object({ runAsNonRoot: z.boolean(), readOnlyRootFilesystem: z.boolean(), dropAllCapabilities: z.boolean(), privileged: z.boolean() })
      .partial(),
  }),
  z.object({ type: z.literal('setMemOvercommit'), hostId: id, ratio: z.number().min(1).max(2) }),
  z.object({ type: z.literal('leakMemory'), containerId: id, mibPerS: z.number().nonnegative() }),
  z.object({ type: z.literal('hogCpu'), containerId: id, on: z.boolean() }),
  z.object({ type: z.literal('breachContainer'), containerId: id }),
  z.object({ type: z.literal('resizeVm'), vmId: id, vcpus: z.number().int().positive().max(256), memMiB: z.number().int().positive() }),
  z.object({
    type: z.literal('migrateVm'),
    vmId: id,
    toHostId: id,
    mode: z.enum(['precopy', 'auto-converge', 'postcopy']).optional(),
  }),
  z.object({ type: z.literal('cancelMigration'), vmId: id }),
  // Where pods may go (issue 4).
  z.object({ type: z.literal('setNodeLabels'), target: placement, labels }),
  z.object({ type: z.literal('setTaints'), target: placement, taints: z.array(taint).max(16) }),
  z.object({ type: z.literal('setTolerations'), appId: id, tolerations: z.array(toleration).max(16) }),
  z.object({
    type: z.literal('setNodeAffinity'),
    appId: id,
    affinity: z.object({
      required: z.array(selectorRequirement).max(16),
      preferred: z
        .array(z.object({ weight: z.number().int().min(1).max(100), match: z.array(selectorRequirement).min(1).max(16) }))
        .max(16),
    }),
  }),
  z.object({
    type: z.literal('setPodAntiAffinity'),
    appId: id,
    antiAffinity: z.object({ topologyKey: labelKey, required: z.boolean() }).nullable(),
  }),
  z.object({
    type: z.literal('setTopologySpread'),
    appId: id,
    spread: z
      .object({
        maxSkew: z.number().int().positive(),
        topologyKey: labelKey,
        whenUnsatisfiable: z.enum(['DoNotSchedule', 'ScheduleAnyway']),
      })
      .nullable(),
  }),
  z.object({ type: z.literal('addPriorityClass'), name: dnsName, value: z.number().int().min(-2_147_483_648).max(1_000_000_000) }),
  z.object({ type: z.literal('setPriorityClass'), appId: id, name: z.union([dnsName, z.literal('')]) }),
  // Pods and the cluster around them (issue 4).
  z.object({ type: z.literal('setProbes'), appId: id, readiness: probe.nullable().optional(), liveness: probe.nullable().optional() }),
  z.object({ type: z.literal('hangContainer'), containerId: id, hung: z.boolean() }),
  z.object({ type: z.literal('hangRandomContainers'), appId: id, count: z.number().int().positive().max(1000) }),
  z.object({
    type: z.literal('setSidecars'),
    appId: id,
    sidecars: z.array(z.object({ name: dnsName, imageId: id, cpuRequestMilli: count, memRequestMiB: positive })).max(8),
  }),
  z.object({ type: z.literal('addNamespace'), name: dnsName }),
  z.object({ type: z.literal('setNamespace'), appId: id, namespace: dnsName }),
  z.object({ type: z.literal('setAppLabels'), appId: id, labels }),
  z.object({
    type: z.literal('setClusterAutoscaler'),
    config: z
      .object({
        minHosts: count,
        maxHosts: z.number().int().positive().max(1000),
        budgetPerHour: z.number().nonnegative(),
        template: z.object({
          cores: z.number().int().positive().max(512),
          memMiB: z.number().int().positive(),
          costPerHour: z.number().nonnegative(),
          zones: z.array(z.string().min(1).max(20)).min(1).max(8),
        }),
      })
      .nullable(),
  }),
])

export const COMMAND_TYPES: readonly string[] = commandSchema.options.map((o) => o.shape.type.value)

const text = z.object({ metaphor: z.string().min(1), technical: z.string().min(1) })

/** The two sides of a VM-vs-container lab: the house of apartments and its app, the house of rooms and its app. */
const labSides = z.object({ vmHostId: id, roomHostId: id, vmAppId: id, roomAppId: id })

export const checkSchema = z.discriminatedUnion('kind', [
  /** Each listed app has at least `min` running rooms at the same moment. */
  z.object({ kind: z.literal('appsRunning'), appIds: z.array(id).min(1), min: z.number().int().positive() }),
  /** The app has served at least this share of its visitors so far. */
  z.object({ kind: z.literal('servedRatio'), appId: id, min: z.number().min(0).max(1) }),
  /** At least `min` apartments (of this OS, if given) are running. */
  z.object({ kind: z.literal('vmsRunning'), os: os.optional(), min: z.number().int().positive() }),
  /** The building manager looks after the app, with at least `minReplicas` on its clipboard. */
  z.object({ kind: z.literal('managed'), appId: id, minReplicas: z.number().int().nonnegative().default(0) }),
  /** A HorizontalPodAutoscaler counts the app's rooms (the manager's own clipboard does not count). */
  z.object({ kind: z.literal('autoscaled'), appId: id }),
  /** The manager's clipboard says at most `max` rooms for the app. */
  z.object({ kind: z.literal('replicasAtMost'), appId: id, max: z.number().int().nonnegative() }),
  /** Every room of the app runs this image, and at least `min` of them are open. */
  z.object({ kind: z.literal('rolledOut'), appId: id, imageId: id, min: z.number().int().positive() }),
  /** The house holds no rooms (cordoned and emptied, e.g. for maintenance). */
  z.object({ kind: z.literal('hostEmpty'), hostId: id }),
  /** At least one apartment of this OS runs, and every one of them is at most `maxMiB` big (sized to what it holds). */
  z.object({ kind: z.literal('vmMemAtMost'), os, maxMiB: z.number().int().positive() }),
  /** The street's running cost per hour is at most `max`. */
  z.object({ kind: z.literal('costPerHourAtMost'), max: z.number().nonnegative() }),
  /** The app was installed straight onto this house (no container): its packages were all there. */
  z.object({ kind: z.literal('appInstalled'), appId: id, hostId: id }),
  /** Each listed house has at least `min` running rooms of the app (in the house or in its apartments). */
  z.object({ kind: z.literal('appRunningOn'), appId: id, hostIds: z.array(id).min(1), min: z.number().int().positive() }),
  /** The lab: at least `min` apartments each with its room, and at least `min` rooms on the other house, every one running. */
  z.object({ kind: z.literal('labAllRunning'), lab: labSides, min: z.number().int().positive() }),
  /** The lab: a kernel crash (or a breach) was tried on both sides, so its reach is measured. */
  z.object({ kind: z.literal('labTested'), lab: labSides, test: z.enum(['crash', 'breach']) }),
])

export const objectiveSchema = z.object({
  id,
  label: text,
  /** 'ever': must hold at some moment (latched); 'end': must hold when the level's time is up. */
  when: z.enum(['ever', 'end']),
  check: checkSchema,
})

const timed = z.object({ atMs: count, command: commandSchema })

export const levelSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number().int().nonnegative(),
  chapter: z.string().min(1),
  title: z.string().min(1),
  brief: z.string().min(1),
  seed: z.number().int().nonnegative(),
  /** Classroom time for Kubernetes delays (1 = real time); shown on screen when not 1. */
  delayScale: z.number().positive().max(1).default(1),
  durationMs: z.number().int().positive().max(3_600_000),
  /** Budget: the running cost per hour the player may reach. */
  budgetPerHour: z.number().nonnegative().optional(),
  /** Command types the player may use in this level. */
  palette: z.array(z.string()).refine((types) => types.every((t) => COMMAND_TYPES.includes(t)), {
    message: 'every palette entry must be a command type',
  }),
  setup: z.array(commandSchema),
  events: z.array(timed.extend({ note: text.optional() })).default([]),
  objectives: z.array(objectiveSchema).min(1),
  /** Extra stars, each an objective checked at the end of a won level. */
  stars: z.array(objectiveSchema).max(2).default([]),
  hints: z.array(z.string()).default([]),
  takeaway: z.object({ title: z.string(), text: z.string(), seedLine: z.string() }),
  /** The reference solution: commands a test replays to prove the level can be won. */
  solution: z.array(timed),
})

export type Level = z.infer<typeof levelSchema>
export type Objective = z.infer<typeof objectiveSchema>
export type Check = z.infer<typeof checkSchema>

/**
 * The command schema and the simulation's `Command` union must name the same command types: a
 * command the simulation handles but the schema refuses (or the reverse) does not compile.
 */
type SchemaCommandType = z.infer<typeof commandSchema>['type']
type SameTypes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : { missingFromSchema: Exclude<B, A> }) : { notInSim: Exclude<A, B> }
export const COMMAND_TYPES_AGREE: SameTypes<SchemaCommandType, CommandType> = true
