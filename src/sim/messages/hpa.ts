/** What the HorizontalPodAutoscaler says, in both vocabularies. */
import { entry } from './message'
import type { Catalogue } from './message'

export const hpaMessages = {
  'hpa.rescaled': entry<'up' | 'app' | 'current' | 'desired' | 'cpuPercent' | 'targetCpuPercent' | 'up2'>(
    (p) =>
      `The building manager ${p.up} rooms of ${p.app}: ${p.current} → ${p.desired} (rooms are ${p.cpuPercent}% busy, aiming for ${p.targetCpuPercent}%).`,
    (p) =>
      `horizontalpodautoscaler/${p.app}: New size: ${p.desired}; reason: cpu resource utilization (percentage of request) ${p.up2} target (${p.cpuPercent}% vs ${p.targetCpuPercent}%).`,
  ),
} satisfies Catalogue
