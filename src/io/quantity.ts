/** Kubernetes resource quantities: "500m" CPU, "512Mi" memory, and back. */

export function parseCpuMilli(q: string | number | undefined): number | null {
  if (q === undefined) return null
  if (typeof q === 'number') return Math.round(q * 1000)
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q.trim())
  if (!m) return null
  const n = Number(m[1])
  return m[2] === 'm' ? Math.round(n) : Math.round(n * 1000)
}

const MEM_UNITS: Record<string, number> = {
  '': 1 / (1024 * 1024),
  k: 1000 / (1024 * 1024),
  M: 1e6 / (1024 * 1024),
  G: 1e9 / (1024 * 1024),
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
}

export function parseMemMiB(q: string | number | undefined): number | null {
  if (q === undefined) return null
  if (typeof q === 'number') return Math.ceil(q / (1024 * 1024))
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G)?$/.exec(q.trim())
  if (!m) return null
  return Math.ceil(Number(m[1]) * MEM_UNITS[m[2] ?? '']!)
}

export const formatCpu = (milli: number): string => (milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`)
export const formatMem = (mib: number): string => (mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`)
