/**
 * How a pod's rules match a node: tolerations against taints, node selector requirements against
 * labels (kubernetes.io "Taints and Tolerations", "Assigning Pods to Nodes"). Used by the scheduler
 * and by the taint manager in commands/placement.ts.
 */
import type { NodeSelectorRequirement, Taint, Toleration } from './types'

/** v1 Toleration.ToleratesTaint: empty effect matches every effect, empty key with Exists matches every key. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  return t.operator === 'Exists' ? true : (t.value ?? '') === taint.value
}

export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true
  return false
}

/** One node selector requirement against a node's labels. */
export function matchesRequirement(labels: Record<string, string>, r: NodeSelectorRequirement): boolean {
  const v = labels[r.key]
  switch (r.operator) {
    case 'In':
      return v !== undefined && r.values.includes(v)
    case 'NotIn':
      return v === undefined || !r.values.includes(v)
    case 'Exists':
      return v !== undefined
    case 'DoesNotExist':
      return v === undefined
  }
}

export function matchesAll(labels: Record<string, string>, reqs: readonly NodeSelectorRequirement[]): boolean {
  for (const r of reqs) if (!matchesRequirement(labels, r)) return false
  return true
}
