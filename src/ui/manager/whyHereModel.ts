/**
 * The inspector's "why here", as data: the scheduler's verdicts (explainPlacement) sorted best
 * first, cut to the top few, the rest counted by reason. Pure, so it is tested without a DOM and
 * stays cheap at thousands of nodes (one pass and a partial sort).
 */
import { SCORE_WEIGHTS } from '../../sim'
import type { NodeVerdict, ScorePlugin } from '../../sim'

/** kube-scheduler's default score weights, as the sim's scheduler uses them (FIDELITY.md). */
export const PLUGIN_WEIGHTS: Record<ScorePlugin, number> = SCORE_WEIGHTS.value

/** What each plugin rewards, in both vocabularies (short: they sit in a narrow table cell). */
export const PLUGIN_LABELS: Record<ScorePlugin, { metaphor: string; technical: string; explain: string }> = {
  TaintToleration: {
    metaphor: 'no "rather not" signs',
    technical: 'TaintToleration',
    explain: 'fewer PreferNoSchedule taints the pod does not tolerate',
  },
  NodeAffinity: {
    metaphor: 'preferred street side',
    technical: 'NodeAffinity',
    explain: 'weights of the preferred node-affinity terms the node matches',
  },
  PodTopologySpread: {
    metaphor: 'rooms spread evenly',
    technical: 'PodTopologySpread',
    explain: 'lower skew of the app’s pods across zones and hosts',
  },
  InterPodAffinity: {
    metaphor: 'away from sister rooms',
    technical: 'InterPodAffinity',
    explain: 'preferred pod anti-affinity terms satisfied',
  },
  NodeResourcesFit: {
    metaphor: 'most space left',
    technical: 'NodeResourcesFit',
    explain: 'LeastAllocated: free CPU and memory after placing the pod',
  },
  NodeResourcesBalancedAllocation: {
    metaphor: 'workers and space even',
    technical: 'BalancedAllocation',
    explain: 'NodeResourcesBalancedAllocation: CPU and memory used in similar shares',
  },
  ImageLocality: {
    metaphor: 'kit already in the shed',
    technical: 'ImageLocality',
    explain: 'the image’s layers already cached on the node',
  },
}

export interface PluginPart {
  plugin: ScorePlugin
  /** 0–100 as the plugin scored it. */
  raw: number
  weight: number
  /** raw × weight. */
  weighted: number
}

export interface WhyRow {
  /** 1 = the scheduler's first choice among the feasible nodes; null for nodes that fail a filter. */
  rank: number | null
  verdict: NodeVerdict
  parts: PluginPart[]
  /** Share of the best total (0–1), for the bar. */
  share: number
}

export interface WhySummary {
  rows: WhyRow[]
  /** Nodes not shown, grouped: a failing filter's words, or "passed every filter, lower score". */
  rest: { reason: string; count: number }[]
  total: number
  feasible: number
}

export const LOWER_SCORE = 'passed every filter, lower score'

function parts(v: NodeVerdict): PluginPart[] {
  const out: PluginPart[] = []
  for (const plugin of Object.keys(PLUGIN_WEIGHTS) as ScorePlugin[]) {
    const raw = v.scores[plugin]
    if (raw === undefined) continue
    const weight = PLUGIN_WEIGHTS[plugin]
    out.push({ plugin, raw, weight, weighted: raw * weight })
  }
  return out.sort((a, b) => b.weighted - a.weighted)
}

const byName = new Intl.Collator('en', { numeric: true })

/** Feasible nodes best first (score, then name), then the failing ones by name. */
export function compareVerdicts(a: NodeVerdict, b: NodeVerdict): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1
  if (a.feasible && b.total !== a.total) return b.total - a.total
  return byName.compare(a.name, b.name)
}

/**
 * Sort and cut: the best `top` nodes (the current node is always among them, replacing the last),
 * the rest counted by reason. Ranks are over all feasible nodes, so "#1" means the best anywhere.
 */
export function summarize(verdicts: NodeVerdict[], top = 10): WhySummary {
  const sorted = [...verdicts].sort(compareVerdicts)
  const feasible = sorted.filter((v) => v.feasible).length
  const best = sorted[0]?.feasible ? Math.max(sorted[0].total, 1e-9) : 1
  const row = (v: NodeVerdict, i: number): WhyRow => ({
    rank: v.feasible ? i + 1 : null,
    verdict: v,
    parts: parts(v),
    share: v.feasible ? Math.max(0, v.total / best) : 0,
  })
  const shown = sorted.slice(0, top).map(row)
  const currentAt = sorted.findIndex((v) => v.current)
  if (currentAt >= top && shown.length > 0) shown[shown.length - 1] = row(sorted[currentAt]!, currentAt)
  const shownSet = new Set(shown.map((r) => r.verdict))
  const counts = new Map<string, number>()
  for (const v of sorted) {
    if (shownSet.has(v)) continue
    const reason = v.feasible ? LOWER_SCORE : (v.failure ?? 'failed a filter')
    counts.set(reason, (counts.get(reason) ?? 0) + 1)
  }
  const rest = [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
  return { rows: shown, rest, total: verdicts.length, feasible }
}

/** "…and 990 more: 985 Insufficient cpu, 5 passed every filter, lower score." */
export function restLine(s: WhySummary): string | null {
  const n = s.rest.reduce((a, r) => a + r.count, 0)
  if (n === 0) return null
  return `…and ${n.toLocaleString('en')} more: ${s.rest.map((r) => `${r.count.toLocaleString('en')} ${r.reason}`).join(', ')}.`
}
