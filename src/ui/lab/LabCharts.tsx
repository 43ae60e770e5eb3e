/**
 * The lab's small charts, plain SVG. The VM side is drawn hatched with square markers, the room
 * side solid with round ones, and every mark carries a text label: colour is never the only signal.
 */
import type { RacePoint } from './labStore'
import { usePhrases } from '../i18n/phrases'
import { LAB_EN } from './labText'

const W = 220
const VM = 'var(--lab-vm, #3a7ca5)'
const ROOM = 'var(--lab-room, #c8553d)'

function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={VM} strokeWidth="4" />
      </pattern>
    </defs>
  )
}

/** Guest kernels: one box per apartment's kernel on the left, the house's one kernel on the right. */
export function KernelsChart({
  vmKernels,
  roomKernels,
  rooms,
  vmLabel,
  roomLabel,
}: {
  vmKernels: number
  roomKernels: number
  rooms: number
  vmLabel: string
  roomLabel: string
}) {
  const x = usePhrases('lab', LAB_EN)
  const shown = Math.min(vmKernels, 24)
  const label = x.kernelsLabel(vmKernels, vmLabel, roomKernels, rooms, roomLabel)
  return (
    <svg className="lab-chart" viewBox={`0 0 ${W} 64`} role="img" aria-label={label} data-testid="lab-chart-os">
      <Hatch id="lab-hatch-os" />
      {Array.from({ length: shown }, (_, i) => (
        <rect key={i} x={4 + (i % 8) * 12} y={6 + Math.floor(i / 8) * 14} width="10" height="10" fill="url(#lab-hatch-os)" stroke={VM} />
      ))}
      <text x="4" y="60" className="lab-chart-text">
        {x.vmKernels(vmKernels, vmKernels > shown ? shown : null)}
      </text>
      {roomKernels > 0 && <rect x="124" y="30" width="90" height="12" fill={ROOM} stroke="#000" strokeOpacity="0.3" rx="3" />}
      {Array.from({ length: Math.min(rooms, 24) }, (_, i) => (
        <circle key={i} cx={128 + (i % 12) * 7.5} cy={10 + Math.floor(i / 12) * 8} r="3" fill={ROOM} />
      ))}
      <text x="124" y="60" className="lab-chart-text">
        {x.sharedKernel(roomKernels)}
      </text>
    </svg>
  )
}

/** The start-up race: rooms running over time, one step line per side. */
export function RaceChart({
  series,
  n,
  endMs,
  vmLabel,
  roomLabel,
}: {
  series: RacePoint[]
  n: number
  endMs: number
  vmLabel: string
  roomLabel: string
}) {
  const tx = usePhrases('lab', LAB_EN)
  const H = 76
  const base = H - 24
  const x = (t: number) => 28 + (Math.min(t, endMs) / Math.max(endMs, 1)) * (W - 36)
  const y = (k: number) => base - (k / Math.max(n, 1)) * (base - 6)
  const path = (pick: (p: RacePoint) => number) => {
    let d = `M ${x(0)} ${y(0)}`
    let prev = 0
    for (const p of series) {
      d += ` L ${x(p.t)} ${y(prev)} L ${x(p.t)} ${y(pick(p))}`
      prev = pick(p)
    }
    return `${d} L ${x(endMs)} ${y(prev)}`
  }
  const lastVm = series.length ? series[series.length - 1]!.vm : 0
  const lastC = series.length ? series[series.length - 1]!.c : 0
  const label = tx.raceLabel(vmLabel, lastVm, roomLabel, lastC, n, (endMs / 1000).toFixed(1))
  return (
    <svg className="lab-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="lab-chart-speed">
      <line x1="28" y1={base} x2={W - 8} y2={base} stroke="currentColor" strokeOpacity="0.4" />
      <text x="2" y={y(n) + 4} className="lab-chart-text">
        {n}
      </text>
      <text x="2" y={base + 3} className="lab-chart-text">
        0
      </text>
      <text x="28" y={base + 11} className="lab-chart-text">
        0 s
      </text>
      <text x={W - 8} y={base + 11} textAnchor="end" className="lab-chart-text">
        {(endMs / 1000).toFixed(0)} s
      </text>
      <path d={path((p) => p.c)} fill="none" stroke={ROOM} strokeWidth="2.5" />
      <path d={path((p) => p.vm)} fill="none" stroke={VM} strokeWidth="2.5" strokeDasharray="5 3" />
      <circle cx={x(endMs)} cy={y(lastC)} r="3.5" fill={ROOM} />
      <rect x={x(endMs) - 3.5} y={y(lastVm) - 3.5} width="7" height="7" fill={VM} />
      <text x="28" y={H - 2} className="lab-chart-text">
        {tx.raceLegend(roomLabel, vmLabel)}
      </text>
    </svg>
  )
}

export interface Bar {
  label: string
  value: number | null
  side: 'vm' | 'room'
  /** Text after the bar, e.g. "13,042 MiB" or "not tried yet". */
  text: string
}

/** Horizontal bars, the VM side hatched; each bar says its value in words. */
export function BarsChart({ bars, max, testid, title }: { bars: Bar[]; max: number; testid: string; title: string }) {
  const rowH = 15
  const H = bars.length * rowH + 4
  const id = `lab-hatch-${testid}`
  return (
    <svg
      className="lab-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}`}
      data-testid={testid}
    >
      <Hatch id={id} />
      {bars.map((b, i) => {
        const len = b.value === null ? 0 : Math.max(2, (b.value / Math.max(max, 1)) * 90)
        const yy = 2 + i * rowH
        return (
          <g key={b.label}>
            <text x="0" y={yy + 10} className="lab-chart-text">
              {b.label}
            </text>
            <rect
              x="84"
              y={yy + 1}
              width={len}
              height="10"
              fill={b.side === 'vm' ? `url(#${id})` : ROOM}
              stroke={b.side === 'vm' ? VM : 'none'}
            />
            <text x={88 + len} y={yy + 10} className="lab-chart-text">
              {b.text}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
