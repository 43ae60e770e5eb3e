/** What the HorizontalPodAutoscaler says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const hpaMessages = {
  'hpa.rescaled': entry<'up' | 'app' | 'current' | 'desired' | 'cpuPercent' | 'targetCpuPercent' | 'up2'>(
    (p) =>
      `The building manager ${p.up} rooms of ${p.app}: ${p.current} → ${p.desired} (rooms are ${p.cpuPercent}% busy, aiming for ` +
      `${p.targetCpuPercent}%).`,
    (p) =>
      `horizontalpodautoscaler/${p.app}: New size: ${p.desired}; reason: cpu resource utilization (percentage of request) ${p.up2} ` +
      `target (${p.cpuPercent}% vs ${p.targetCpuPercent}%).`,
  ),
  // horizontal.go's SuccessfulRescale, with the rule that decided (stabilisation, min/max, rate limit).
  'hpa.rescale': entry<'up' | 'app' | 'current' | 'desired' | 'busy' | 'targetCpuPercent' | 'why' | 'reason'>(
    (p) =>
      `The building manager ${p.up ? 'adds' : 'closes'} rooms of ${p.app}: ${p.current} → ${p.desired} ` +
      `(rooms are ${p.busy} busy, aiming for ${p.targetCpuPercent}%; it ${p.why}).`,
    (p) =>
      `horizontalpodautoscaler/${p.app}: SuccessfulRescale: New size: ${p.desired}; reason: ${p.reason} (${p.busy} vs ` +
      `${p.targetCpuPercent}%).`,
  ),
} satisfies Catalogue
