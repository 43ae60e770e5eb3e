/**
 * Figures for pods and the cluster around them (probes, the cluster autoscaler), each with its
 * source. Delays here are real time; the systems compress them by world.delayScale.
 */

/**
 * kubernetes.io "Configure Liveness, Readiness and Startup Probes": periodSeconds 10,
 * failureThreshold 3, successThreshold 1, initialDelaySeconds 0, timeoutSeconds 1 by default.
 */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  failureThreshold: 3,
  successThreshold: 1,
  timeoutSeconds: 1,
  source: 'kubernetes.io "Configure Liveness, Readiness and Startup Probes" (probe fields and their defaults)',
} as const

/**
 * A probe fails when the room answers too slowly. The kubelet gives a probe timeoutSeconds
 * (1 s by default) to answer; a health endpoint that answers in ~100 ms at full speed takes over
 * 1 s once the room runs below 10% of the CPU its work needs (throttled hard at its CPU limit, or
 * on a house swapping so hard its rooms crawl: swapping bottoms out at 5%, MEM_OVERCOMMIT.minSpeed).
 * The 100 ms health check is our assumption; the 1 s timeout is Kubernetes' default.
 */
export const PROBE_SPEED_FLOOR = {
  value: 0.1,
  source: 'timeoutSeconds 1 s (kubernetes.io "Configure Liveness, Readiness and Startup Probes") over an assumed 100 ms health check',
} as const

/**
 * What a liveness kill looks like. The kubelet logs "Liveness probe failed:" (Warning Unhealthy),
 * then "Container X failed liveness probe, will be restarted" (Normal Killing); it sends SIGTERM
 * and, after terminationGracePeriodSeconds, SIGKILL. A hung process running as PID 1 ignores
 * SIGTERM (PID 1 has no default signal handlers), so it dies of SIGKILL: exit code 128 + 9 = 137.
 */
export const LIVENESS_KILL = {
  exitCode: 137,
  source: 'kubelet events Unhealthy/Killing (pkg/kubelet/prober, kuberuntime_container.go); exit 137 = SIGKILL',
} as const

/**
 * kubernetes/autoscaler cluster-autoscaler FAQ ("What are the parameters to CA?", "How fast is
 * HPA when combined with CA?"): scan-interval 10 s; scale-down-utilization-threshold 0.5, where
 * utilisation is the larger of Σ cpu requests / allocatable and Σ memory requests / allocatable;
 * scale-down-unneeded-time 10 min; scale-down-delay-after-add 10 min; "on GCE it usually takes 3
 * to 4 minutes from CA request to when pods can be scheduled on newly created nodes".
 */
export const CLUSTER_AUTOSCALER = {
  scanIntervalMs: 10_000,
  scaleDownUtilisation: 0.5,
  scaleDownUnneededMs: 600_000,
  scaleDownDelayAfterAddMs: 600_000,
  /** A bought house stands ready this long after the order (3–4 min on GCE; we take the middle). */
  provisionMs: 210_000,
  source: 'kubernetes/autoscaler cluster-autoscaler/FAQ.md (parameters table; "How fast is HPA when combined with CA?")',
} as const
