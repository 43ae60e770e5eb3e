/**
 * The overview map: the whole street from above, one dot per house by its state (a dark dot with a
 * red ✖ when down, amber with an outline when cordoned, orange with a dot when under pressure; the
 * counts are also said in words under the map), each zone framed and named, and the patch of ground
 * the camera sees outlined. A click, or the arrow keys and Enter, flies the camera there (a jump
 * with reduced motion). Open by default on big streets, folded to one button on small ones; O
 * opens it and puts the keyboard on it.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useGame, useUi, useWorld } from '../state'
import { CITY_MIN_HOUSES, houseLooks, MARKS, streetNote } from '../scene/cityZones'
import type { HouseLooks } from '../scene/cityZones'
import { cameraFootprint, currentLayout, fitMap, onLayout, toMap, toWorld } from '../scene/overview'
import type { MapFit } from '../scene/overview'
import type { SceneLayout } from '../scene/layout'
import { ZONE_WALLS } from '../scene/palette'
import { requestFly } from '../scene/view'
import { hostList } from '../sim/containerIndex'
import { useWords } from './useVocab'
import { useLang } from './i18n'

const W = 220
const H = 150
/** A map click flies the camera no further than this from the ground (near enough to see rooms on a big street). */
const FLY_DISTANCE = 110
const FILL = ['#7fb77e', '#b9c96a', '#e9b949', '#e08a4f', '#d1495b']

/** Ask the map to open and take the keyboard (the O key). */
const openListeners = new Set<() => void>()
export function focusOverviewMap(): void {
  for (const l of openListeners) l()
}

/** The street itself (zones and one dot per house), drawn into a canvas of its own when it looks different. */
function drawStreet(ctx: CanvasRenderingContext2D, layout: SceneLayout, fit: MapFit, looks: HouseLooks): void {
  const dpr = ctx.canvas.width / W
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, W, H)
  ctx.fillStyle = '#9cc97a'
  ctx.fillRect(0, 0, W, H)
  const { bounds } = layout
  // Zones: a frame in the zone's colour and its name.
  layout.zones.forEach((z, k) => {
    const [x0, y0] = toMap(fit, z.x, 0)
    const [x1, y1] = toMap(fit, z.x + z.w, bounds.maxZ)
    ctx.strokeStyle = ZONE_WALLS[k % ZONE_WALLS.length]!
    ctx.lineWidth = 2
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0)
    ctx.fillStyle = '#1f1b16'
    ctx.font = '700 11px system-ui, sans-serif'
    ctx.fillText(z.name, x0 + 3, y0 + 11)
  })
  const { houses } = layout
  for (let i = 0; i < houses.n; i++) {
    const mark = MARKS[looks.mark[i]!]
    const [cx, cy] = toMap(fit, houses.x[i]!, houses.z[i]!)
    const w = Math.max(1.5, houses.w[i]! * fit.scale * 0.8)
    const d = Math.max(1.5, houses.d[i]! * fit.scale * 0.8)
    ctx.fillStyle =
      mark === 'down'
        ? '#3a3a44'
        : mark === 'cordoned'
          ? '#e9b949'
          : mark === 'pressure'
            ? '#e0702f'
            : FILL[Math.min(FILL.length - 1, Math.floor(looks.share[i]! * FILL.length))]!
    ctx.fillRect(cx - w / 2, cy - d / 2, w, d)
    // Shapes as well as colours, where a dot is big enough to carry one.
    if (w >= 6 && mark) {
      ctx.lineWidth = 1.5
      ctx.strokeStyle = mark === 'down' ? '#ff4d5e' : '#1f1b16'
      ctx.beginPath()
      if (mark === 'down') {
        ctx.moveTo(cx - w / 3, cy - d / 3)
        ctx.lineTo(cx + w / 3, cy + d / 3)
        ctx.moveTo(cx + w / 3, cy - d / 3)
        ctx.lineTo(cx - w / 3, cy + d / 3)
      } else if (mark === 'cordoned') ctx.rect(cx - w / 2, cy - d / 2, w, d)
      else ctx.arc(cx, cy, Math.min(w, d) / 5, 0, Math.PI * 2)
      ctx.stroke()
    }
  }
}

/** The street (as drawn by drawStreet), then the ground the camera sees and the keyboard's mark over it. */
function draw(ctx: CanvasRenderingContext2D, street: HTMLCanvasElement, fit: MapFit, cursor: [number, number] | null): void {
  const dpr = ctx.canvas.width / W
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.drawImage(street, 0, 0)
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  // The ground the camera sees, and where it looks.
  const c = cameraFootprint.corners
  ctx.beginPath()
  for (let k = 0; k < 4; k++) {
    const [px, py] = toMap(fit, c[k * 2]!, c[k * 2 + 1]!)
    if (k === 0) ctx.moveTo(px, py)
    else ctx.lineTo(px, py)
  }
  ctx.closePath()
  ctx.fillStyle = '#ffffff33'
  ctx.fill()
  ctx.lineWidth = 3
  ctx.strokeStyle = '#1f1b16'
  ctx.stroke()
  ctx.lineWidth = 1.5
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  const [tx, ty] = toMap(fit, cameraFootprint.x, cameraFootprint.z)
  ctx.fillStyle = '#1f1b16'
  ctx.beginPath()
  ctx.arc(tx, ty, 3, 0, Math.PI * 2)
  ctx.fill()
  // The keyboard's mark: a ring with a cross.
  if (cursor) {
    const [px, py] = toMap(fit, cursor[0], cursor[1])
    ctx.lineWidth = 2.5
    ctx.strokeStyle = '#1f1b16'
    ctx.beginPath()
    ctx.arc(px, py, 7, 0, Math.PI * 2)
    ctx.moveTo(px - 11, py)
    ctx.lineTo(px + 11, py)
    ctx.moveTo(px, py - 11)
    ctx.lineTo(px, py + 11)
    ctx.stroke()
    ctx.lineWidth = 1
    ctx.strokeStyle = '#ffffff'
    ctx.stroke()
  }
}

function fly(x: number, z: number): void {
  requestFly({ x, y: 0, z, distance: Math.min(cameraFootprint.distance || FLY_DISTANCE, FLY_DISTANCE) })
}

export function OverviewMap() {
  const layout = useSyncExternalStore(onLayout, currentLayout)
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const lang = useLang()
  const w = useWords()
  const big = hostList(world).length >= CITY_MIN_HOUSES
  const [open, setOpen] = useState(big)
  const [cursor, setCursor] = useState<[number, number] | null>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const version = useGame((s) => s.version)
  const looks = layout ? houseLooks(world, layout, version) : null
  const seen = useRef({ seq: -1, looks: null as HouseLooks | null, cursor: null as [number, number] | null })
  const street = useRef<{ canvas: HTMLCanvasElement; looks: HouseLooks | null; layout: SceneLayout | null } | null>(null)

  useEffect(() => setOpen(big), [big])

  useEffect(() => {
    const l = () => {
      setOpen(true)
      requestAnimationFrame(() => canvas.current?.focus())
    }
    openListeners.add(l)
    return () => void openListeners.delete(l)
  }, [])

  // Redraw when the houses' looks, the plan, the camera or the keyboard's mark changed (checked five times a second);
  // the houses (5,000 dots on a big street) are drawn again only when they look different, the camera's patch over them.
  useEffect(() => {
    if (!open || !layout || !looks) return
    const tick = () => {
      const el = canvas.current
      const s = seen.current
      if (!el || (s.seq === cameraFootprint.seq && s.looks === looks && s.cursor === cursor)) return
      const ctx = el.getContext('2d')
      if (!ctx) return
      seen.current = { seq: cameraFootprint.seq, looks, cursor }
      // Where the camera looks, rounded, for the browser tests (and anyone inspecting the page).
      el.dataset.camera = [cameraFootprint.x, cameraFootprint.z, cameraFootprint.distance].map((v) => Math.round(v)).join(',')
      const fit = fitMap(layout.bounds, W, H)
      let st = street.current
      if (!st || st.canvas.width !== el.width || st.canvas.height !== el.height) {
        const c = document.createElement('canvas')
        c.width = el.width
        c.height = el.height
        street.current = st = { canvas: c, looks: null, layout: null }
      }
      if (st.looks !== looks || st.layout !== layout) {
        const sctx = st.canvas.getContext('2d')
        if (!sctx) return
        drawStreet(sctx, layout, fit, looks)
        st.looks = looks
        st.layout = layout
      }
      draw(ctx, st.canvas, fit, cursor)
    }
    tick()
    const t = setInterval(tick, 200)
    return () => clearInterval(t)
  }, [open, layout, looks, cursor])

  if (!layout || !looks) return null
  const fit = fitMap(layout.bounds, W, H)
  const summary = streetNote(layout.houses.n, looks.zones, vocab, lang)

  const onKey = (e: React.KeyboardEvent) => {
    const step = ((layout.bounds.maxX - layout.bounds.minX + layout.bounds.maxZ - layout.bounds.minZ) / 2 / 16) * (e.shiftKey ? 4 : 1)
    const at = cursor ?? [cameraFootprint.x, cameraFootprint.z]
    const move: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }
    const m = move[e.key]
    if (m) {
      const b = layout.bounds
      setCursor([Math.max(b.minX, Math.min(b.maxX, at[0] + m[0] * step)), Math.max(b.minZ, Math.min(b.maxZ, at[1] + m[1] * step))])
    } else if (e.key === 'Enter' || e.key === ' ') fly(at[0], at[1])
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <section
      className={`panel overview-map${open ? ' open' : ''}`}
      aria-label={w('Overview map of the street', 'Cluster map')}
      data-testid="overview-map"
    >
      <button
        type="button"
        className="small"
        data-testid="overview-map-toggle"
        aria-expanded={open}
        aria-controls="overview-map-body"
        aria-keyshortcuts="O"
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {w('Map', 'Map')}
      </button>
      <div id="overview-map-body" hidden={!open}>
        <canvas
          ref={canvas}
          width={W * Math.min(2, window.devicePixelRatio || 1)}
          height={H * Math.min(2, window.devicePixelRatio || 1)}
          style={{ width: W, height: H }}
          tabIndex={0}
          role="application"
          aria-roledescription={w('overview map', 'cluster map')}
          aria-label={`${w('Overview map', 'Cluster map')}: ${summary}. Arrow keys move the mark, Enter flies the camera there.`}
          data-testid="overview-map-canvas"
          onKeyDown={onKey}
          onFocus={() => setCursor([cameraFootprint.x, cameraFootprint.z])}
          onBlur={() => setCursor(null)}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect()
            const [x, z] = toWorld(fit, ((e.clientX - r.left) / r.width) * W, ((e.clientY - r.top) / r.height) * H)
            fly(x, z)
          }}
        />
        <p className="overview-summary" data-testid="overview-map-summary">
          {summary}
        </p>
      </div>
    </section>
  )
}
