/** The OOM killer, in both of its forms: a room over its own memory limit, and a kernel out of memory. */
import { crashContainer } from './containers'
import { OOM_KILL } from './constants'
import { formatMiB } from './capacity'
import type { Container, World } from './types'
import { qosClass } from './qos'

/** Kill a room with SIGKILL (exit 137, OOMKilled). `kernel` names the kernel whose OOM killer chose it, or null for its own limit. */
export function oomKill(world: World, c: Container, kernel: string | null): void {
  const used = formatMiB(Math.round(c.memUsageMiB))
  if (kernel === null) {
    crashContainer(
      world,
      c,
      `it grew past its space cap of ${formatMiB(c.memLimitMiB ?? 0)} (using ${used}) and was thrown out`,
      `${OOM_KILL.reason}: memory ${used} over limit ${formatMiB(c.memLimitMiB ?? 0)}, exit code ${OOM_KILL.exitCode}`,
    )
  } else {
    const qos = c.managed ? qosClass(c) : null
    const leaker =
      (c.leakMiBPerS > 0
        ? 'it was the one hoarding'
        : 'it scored worst, even though it did not leak: a neighbour without a cap filled the shared space') +
      (qos
        ? ` (a ${qos} room: ${qos === 'Guaranteed' ? 'protected, yet the only one left' : 'less protected than a fully booked one'})`
        : '')
    crashContainer(
      world,
      c,
      `the ${kernel.startsWith('VM') ? 'apartment' : 'house'} ran out of space and the caretaker of the plumbing threw out the biggest ` +
        `room (${leaker})`,
      `${OOM_KILL.reason}: ${kernel} out of memory; the kernel OOM killer chose the highest badness (usage ${used}` +
        `${qos ? `, QoS ${qos}, oom_score_adj by class` : ', oom_score_adj 0'}), exit code ${OOM_KILL.exitCode}`,
    )
  }
  c.exitCode = OOM_KILL.exitCode
  c.memUsageMiB = 0
  c.cpuUsageMilli = 0
}
