/** Objectives are pure predicates over the world, each with a line of live progress. */
import { formatMiB, hourlyCost, measureLab, servedRatio } from '../sim'
import type { LabSides, World } from '../sim'
import type { Check, Level, Objective } from './schema'

export interface CheckResult {
  done: boolean
  /** Live progress a player reads, e.g. "2 / 3 apps open" or "97.2% served (need 99%)". */
  progress: string
}

function runningCount(world: World, appId: string): number {
  let n = 0
  for (const c of Object.values(world.containers)) if (c.appId === appId && c.state === 'running') n++
  return n
}

/** A ratio as a percentage with just the decimals it has (0.999 → "99.9", 0.9 → "90"). */
function percentText(ratio: number): { text: string; digits: number } {
  const pct = ratio * 100
  for (let digits = 0; digits <= 4; digits++) {
    const text = pct.toFixed(digits)
    if (Math.abs(Number(text) - pct) < 1e-9) return { text, digits }
  }
  return { text: pct.toFixed(4), digits: 4 }
}

export function evaluateCheck(check: Check, world: World): CheckResult {
  switch (check.kind) {
    case 'appsRunning': {
      const ok = check.appIds.filter((id) => runningCount(world, id) >= check.min).length
      // One app: count its rooms ("4 / 6 rooms open"); several: count the apps that have enough.
      if (check.appIds.length === 1) {
        const n = runningCount(world, check.appIds[0]!)
        return { done: ok === 1, progress: `${Math.min(n, check.min)} / ${check.min} rooms open` }
      }
      return { done: ok === check.appIds.length, progress: `${ok} / ${check.appIds.length} apps open` }
    }
    case 'servedRatio': {
      const app = world.apps[check.appId]
      if (!app) return { done: false, progress: `no app ${check.appId}` }
      const r = servedRatio(app)
      const need = percentText(check.min)
      if (app.served + app.dropped === 0) return { done: r >= check.min, progress: `no visitors yet (need ${need.text}%)` }
      // Shown to the precision that decides it: one decimal more than the threshold, rounded down, so
      // 99.94 % against 99.9 % never reads as a pass it is not, nor 99.96 % as "100 %".
      const digits = need.digits + 1
      const shown = Math.floor(r * 100 * 10 ** digits + 1e-9) / 10 ** digits
      return { done: r >= check.min, progress: `${shown.toFixed(digits)}% served (need ${need.text}%)` }
    }
    case 'vmsRunning': {
      const n = Object.values(world.vms).filter((v) => v.state === 'running' && (!check.os || v.os === check.os)).length
      return { done: n >= check.min, progress: `${n} / ${check.min} running` }
    }
    case 'vmMemAtMost': {
      const vms = Object.values(world.vms).filter((v) => v.os === check.os)
      const biggest = vms.reduce((m, v) => Math.max(m, v.memMiB), 0)
      const running = vms.some((v) => v.state === 'running')
      return {
        done: running && biggest <= check.maxMiB,
        progress: vms.length
          ? `${formatMiB(biggest)} (at most ${formatMiB(check.maxMiB)})${running ? '' : ', not running yet'}`
          : `none yet (at most ${formatMiB(check.maxMiB)})`,
      }
    }
    case 'managed': {
      const app = world.apps[check.appId]
      const ok = !!app && app.managed && app.replicas >= check.minReplicas
      return { done: ok, progress: app?.managed ? `managed, ${app.replicas} on the clipboard` : 'not managed' }
    }
    case 'autoscaled': {
      const hpa = world.apps[check.appId]?.hpa ?? null
      return {
        done: hpa !== null,
        progress: hpa ? `autoscaler: ${hpa.minReplicas}–${hpa.maxReplicas} rooms at ${hpa.targetCpuPercent}% CPU` : 'no autoscaler yet',
      }
    }
    case 'replicasAtMost': {
      const app = world.apps[check.appId]
      const n = app?.replicas ?? 0
      return { done: !!app && n <= check.max, progress: `${n} on the clipboard (at most ${check.max})` }
    }
    case 'rolledOut': {
      const pods = Object.values(world.containers).filter((c) => c.appId === check.appId)
      const fresh = pods.filter((c) => c.imageId === check.imageId && c.state === 'running').length
      const old = pods.filter((c) => c.imageId !== check.imageId).length
      return { done: old === 0 && fresh >= check.min, progress: `${fresh} new open, ${old} old left` }
    }
    case 'hostEmpty': {
      const n = world.hosts[check.hostId]?.alloc.pods ?? 0
      return { done: n === 0, progress: n === 0 ? 'empty' : `${n} rooms still inside` }
    }
    case 'costPerHourAtMost': {
      const c = hourlyCost(world)
      return { done: c <= check.max, progress: `$${c.toFixed(2)}/h of $${check.max.toFixed(2)}/h` }
    }
    case 'appInstalled': {
      const ok = !!world.hosts[check.hostId]?.installedApps.includes(check.appId)
      return { done: ok, progress: ok ? 'installed' : 'not installed' }
    }
    case 'appRunningOn': {
      const per = check.hostIds.map((h) => {
        let n = 0
        for (const c of Object.values(world.containers)) {
          if (c.appId !== check.appId || c.state !== 'running' || !c.placement) continue
          const host = c.placement.kind === 'host' ? c.placement.hostId : world.vms[c.placement.vmId]?.hostId
          if (host === h) n++
        }
        return n
      })
      const ok = per.filter((n) => n >= check.min).length
      return { done: ok === check.hostIds.length, progress: `${ok} / ${check.hostIds.length} houses` }
    }
    case 'labAllRunning': {
      const m = measureLab(world, check.lab)
      // Each room on the VM side stands in an apartment of its own: that is the comparison.
      const vmOk = m.vm.kernels >= check.min && m.vm.allRunningMs !== null
      const roomOk = m.container.rooms >= check.min && m.container.allRunningMs !== null
      return {
        done: vmOk && roomOk,
        progress:
          `VMs ${m.vm.running} / ${Math.max(check.min, m.vm.rooms)} running, rooms ` +
          `${m.container.running} / ${Math.max(check.min, m.container.rooms)} running`,
      }
    }
    case 'labTested': {
      const m = measureLab(world, check.lab)
      const reach = check.test === 'crash' ? [m.vm.crashReach, m.container.crashReach] : [m.vm.breachReach, m.container.breachReach]
      const said = (r: number | null) => (r === null ? 'not yet' : `${r} reached`)
      return { done: reach.every((r) => r !== null), progress: `VM side ${said(reach[0]!)}, room side ${said(reach[1]!)}` }
    }
    default: {
      const never: never = check
      return { done: false, progress: `unknown check ${JSON.stringify(never)}` }
    }
  }
}

export interface ObjectiveStatus {
  objective: Objective
  done: boolean
  progress: string
}

export type Outcome = 'playing' | 'won' | 'lost'

export interface LevelProgress {
  /** Ids of 'ever' objectives that have held at some moment. */
  latched: string[]
  outcome: Outcome
  stars: number
}

export function initialProgress(): LevelProgress {
  return { latched: [], outcome: 'playing', stars: 0 }
}

/** Status of every objective now; 'ever' objectives stay done once they were met. */
export function objectiveStatuses(level: Level, world: World, progress: LevelProgress): ObjectiveStatus[] {
  return level.objectives.map((objective) => {
    const r = evaluateCheck(objective.check, world)
    const latched = objective.when === 'ever' && progress.latched.includes(objective.id)
    return { objective, done: r.done || latched, progress: latched && !r.done ? 'done' : r.progress }
  })
}

/**
 * Advance the level's bookkeeping after a tick: latch 'ever' objectives, and when time is up,
 * decide the outcome and stars. Returns a new progress object only when something changed.
 */
export function updateProgress(level: Level, world: World, progress: LevelProgress): LevelProgress {
  if (progress.outcome !== 'playing') return progress
  let latched = progress.latched
  for (const o of level.objectives) {
    if (o.when === 'ever' && !latched.includes(o.id) && evaluateCheck(o.check, world).done) latched = [...latched, o.id]
  }
  const next = latched === progress.latched ? progress : { ...progress, latched }
  if (world.timeMs < level.durationMs) return next
  const statuses = objectiveStatuses(level, world, next)
  const won = statuses.every((s) => s.done)
  const stars = won ? 1 + level.stars.filter((s) => evaluateCheck(s.check, world).done).length : 0
  return { ...next, outcome: won ? 'won' : 'lost', stars }
}

/** The lab sides a level measures (from its first lab objective), or null for a level without a lab. */
export function labSidesOf(level: Level): LabSides | null {
  for (const o of [...level.objectives, ...level.stars]) if ('lab' in o.check) return o.check.lab
  return null
}
