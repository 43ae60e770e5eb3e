/**
 * Charts of one app over the last ten minutes: rooms wanted and open, CPU use, visitors served
 * and turned away, waiting time, and the street's cost. Lines differ by dash as well as colour.
 */
import { useGame, useWorld } from '../../state'
import type { AppSample } from '../../sim'
import { usePhrases } from '../i18n/phrases'
import { INSPECTOR_EN } from '../inspectorText'

interface Series {
  label: string
  values: number[]
  className: string
  dash?: string
}

const W = 280
const H = 70

function Chart({ title, unit, series, times }: { title: string; unit: string; series: Series[]; times: number[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values))
  const t0 = times[0] ?? 0
  const t1 = Math.max(t0 + 1, times.at(-1) ?? 1)
  const x = (t: number) => ((t - t0) / (t1 - t0)) * W
  const y = (v: number) => H - (v / max) * (H - 4) - 2
  const now = series.map((s) => `${s.label} ${Math.round(s.values.at(-1) ?? 0)}${unit}`).join(', ')
  return (
    <figure className="chart" aria-label={`${title}: ${now}`}>
      <figcaption>
        <strong>{title}</strong> <span className="chart-now">{now}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} role="img" aria-hidden="true" preserveAspectRatio="none">
        <line x1="0" x2={W} y1={H - 1} y2={H - 1} className="chart-axis" />
        {series.map((s) => (
          <polyline
            key={s.label}
            className={s.className}
            fill="none"
            strokeWidth="2"
            strokeDasharray={s.dash}
            points={s.values.map((v, i) => `${x(times[i]!).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
          />
        ))}
        <text x={W - 2} y="10" textAnchor="end" className="chart-max">
          {Math.round(max)}
          {unit}
        </text>
      </svg>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.label}>
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" x2="22" y1="4" y2="4" className={s.className} strokeWidth="2" strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  )
}

const pick = (samples: AppSample[], key: keyof AppSample) => samples.map((s) => s[key])

export function Charts({ appId }: { appId: string }) {
  const world = useWorld()
  const app = world.apps[appId]
  const samples = world.metrics[appId] ?? []
  const x = usePhrases('inspector', INSPECTOR_EN).charts
  if (!app) return null
  if (samples.length < 2) return <p className="muted">{x.wait}</p>
  const times = pick(samples, 't')
  const cost = world.costSamples.slice(-samples.length)
  return (
    <section className="charts" aria-label={x.label(app.name)} data-testid="charts">
      <Chart
        title={x.rooms}
        unit=""
        times={times}
        series={[
          { label: x.wanted, values: pick(samples, 'desired'), className: 'line-a', dash: '5 3' },
          { label: x.open, values: pick(samples, 'ready'), className: 'line-b' },
        ]}
      />
      <Chart title={x.cpu} unit="%" times={times} series={[{ label: 'cpu', values: pick(samples, 'cpuPercent'), className: 'line-b' }]} />
      <Chart
        title={x.visitors}
        unit=""
        times={times}
        series={[
          { label: x.served, values: pick(samples, 'served'), className: 'line-b' },
          { label: x.turnedAway, values: pick(samples, 'dropped'), className: 'line-bad', dash: '2 2' },
        ]}
      />
      <Chart
        title={x.waiting}
        unit=" ms"
        times={times}
        series={[{ label: x.latency, values: pick(samples, 'latencyMs'), className: 'line-a' }]}
      />
      <Chart
        title={x.cost}
        unit=" $/h"
        times={cost.map((c) => c.t)}
        series={[{ label: x.costLine, values: cost.map((c) => c.perHour), className: 'line-a' }]}
      />
    </section>
  )
}
