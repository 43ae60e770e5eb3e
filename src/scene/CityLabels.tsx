/**
 * The city's labels, only where they can be read: house names (with the businesses inside when
 * the house is near) for the houses drawn in detail, and each zone's name. Text is at least 14 px
 * tall; every frame the labels are placed nearest first (zones before houses), and one that would
 * overlap a label already placed, a panel of the HUD, or the window's edge is hidden, so labels
 * thin out with distance and never cover each other or the panels. Plain DOM in the scene's
 * overlay layer, positioned in useFrame (no React render per frame); the layout (panels, overlay, label sizes) is
 * read only when it changes, not every frame.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import * as THREE from 'three'
import { kindLabel } from '../sim/labels'
import type { Lang } from '../sim/labels'
import type { ZoneSummary } from './cityZones'
import { CITY_WORDS, zoneNote } from './cityZones'
import type { SceneLayout } from './layout'
import { overlayRef } from './overlay'

/** Businesses are named on a house's label only this near (world units); further, only its name. */
const APP_NAMES_RANGE = 80
/** The smallest text a label may have (CSS px), as issue 10 asks. */
export const LABEL_MIN_PX = 14

export interface CityLabel {
  key: string
  kind: 'zone' | 'house'
  x: number
  y: number
  z: number
  text: string
  /** Businesses inside, each with its colour (shown next to the name; the name is always there). */
  apps?: { name: string; colour: string }[]
  /** A short status after the name ("2,500 down"); words, so colour is never the only sign. */
  note?: string
  /** Whether the note is bad news (drawn in red as well as said). */
  bad?: boolean
}

interface Rect {
  l: number
  t: number
  r: number
  b: number
}

const overlaps = (a: Rect, b: Rect, m: number) => a.l < b.r + m && b.l < a.r + m && a.t < b.b + m && b.t < a.b + m

const PANELS = '.hud .panel, .hud-bottom > *, [data-avoid-labels]'

/** The HUD's panels, read only when the layout changed (see watchLayout). */
function panelRects(): { rects: Rect[]; els: Element[] } {
  const rects: Rect[] = []
  const els: Element[] = []
  for (const el of document.querySelectorAll<HTMLElement>(PANELS)) {
    els.push(el)
    const r = el.getBoundingClientRect()
    if (r.width > 0 && r.height > 0) rects.push({ l: r.left, t: r.top, r: r.right, b: r.bottom })
  }
  return { rects, els }
}

/**
 * Calls `changed` when what the labels avoid may have moved: a panel or the scene's overlay resized (ResizeObserver),
 * a panel or drawer opened or closed (a class, hidden or open attribute, or a panel added or removed), a panel's
 * slide ended, the window resized; `scaled` = true when the interface scale (--ui-scale on <html>) changed, which
 * also changes the labels' own sizes. Returns the function that stops watching and `observe`, which starts
 * watching the panels just read.
 */
function watchLayout(changed: (scaled: boolean) => void): { observe: (els: Element[]) => void; stop: () => void } {
  const watched = new Set<Element>()
  const sized = new ResizeObserver(() => changed(false))
  const touchesPanel = (n: Node): boolean =>
    n instanceof Element && (n.matches(PANELS) || n.querySelector(PANELS) !== null || [...watched].some((el) => n.contains(el)))
  const hud = new MutationObserver((records) => {
    for (const m of records) {
      if (m.type === 'attributes' || [...m.addedNodes].some(touchesPanel) || [...m.removedNodes].some(touchesPanel)) {
        changed(false)
        return
      }
    }
  })
  hud.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden', 'open'] })
  const html = new MutationObserver(() => changed(true))
  html.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] })
  const onResize = () => changed(true)
  const onSlide = () => changed(false)
  window.addEventListener('resize', onResize)
  document.addEventListener('transitionend', onSlide, true)
  if (overlayRef.current) sized.observe(overlayRef.current)
  return {
    observe(els) {
      for (const el of watched) if (!els.includes(el)) (sized.unobserve(el), watched.delete(el))
      for (const el of els) if (!watched.has(el)) (sized.observe(el), watched.add(el))
    },
    stop() {
      sized.disconnect()
      hud.disconnect()
      html.disconnect()
      window.removeEventListener('resize', onResize)
      document.removeEventListener('transitionend', onSlide, true)
    },
  }
}

/** Each zone's name plate, at the front of its district: its name in both vocabularies' words and what needs a look there. */
export function zoneLabels(
  zones: ZoneSummary[],
  layout: SceneLayout,
  vocab: 'metaphor' | 'technical',
  states: Record<string, string> | undefined,
  lang: Lang = 'en',
): CityLabel[] {
  const w = CITY_WORDS[lang]
  const v = vocab === 'metaphor' ? 0 : 1
  return zones.map((z) => {
    const state = states?.[z.name]
    const note = zoneNote(z, vocab, lang) + (vocab === 'technical' && state && state !== 'Normal' ? ` · ${state}` : '')
    return {
      key: `z:${z.name}`,
      kind: 'zone' as const,
      x: z.x + z.w / 2,
      y: 0,
      z: layout.bounds.maxZ + 2,
      text: `${w.zone[v]} ${z.name}`,
      note: `${z.houses.toLocaleString(w.locale)} ${w.houses[v]}: ${note}`,
      bad: z.down > 0,
    }
  })
}

/** The house labels for the houses drawn in detail: name, and the businesses inside when near. */
export function houseLabels(
  detail: SceneLayout | null,
  vocab: 'metaphor' | 'technical',
  appName: (id: string) => string,
  lang: Lang = 'en',
): CityLabel[] {
  if (!detail) return []
  const { houses, rooms } = detail
  const inside: Set<string>[] = []
  for (let i = 0; i < houses.n; i++) inside.push(new Set())
  for (let c = 0; c < rooms.n; c++) {
    const i = rooms.house[c]!
    if (i >= 0) inside[i]!.add(rooms.containers[c]!.appId)
  }
  const out: CityLabel[] = []
  for (let i = 0; i < houses.n; i++) {
    const h = houses.hosts[i]!
    const apps = [...inside[i]!].sort().map((id) => ({ name: appName(id), colour: detail.appColours.get(id) ?? '#999' }))
    const es = lang === 'es'
    const note =
      h.power !== 'on'
        ? vocab === 'metaphor'
          ? es
            ? 'caída'
            : 'down'
          : 'NotReady'
        : h.unschedulable
          ? es
            ? 'acordonada'
            : 'cordoned'
          : undefined
    out.push({
      key: `h:${houses.ids[i]}`,
      kind: 'house',
      x: houses.doorX[i]!,
      y: houses.h[i]! + 1.2,
      z: houses.z[i]!,
      text: `${kindLabel('host', vocab, lang)} ${h.name}`,
      apps,
      note,
    })
  }
  return out
}

function applyStyle(el: HTMLElement, style: Partial<CSSStyleDeclaration>): void {
  Object.assign(el.style, style)
}

/** A label's element, built with the DOM (the scene's React renderer draws three.js objects, not DOM). */
function buildLabel(l: CityLabel): HTMLDivElement {
  const el = document.createElement('div')
  el.className = `city-label city-label-${l.kind}`
  el.dataset.testid = 'city-label'
  el.dataset.kind = l.kind
  el.dataset.key = l.key
  applyStyle(el, l.kind === 'zone' ? zoneStyle : houseStyle)
  const name = document.createElement('span')
  name.style.fontWeight = '700'
  name.textContent = l.text
  el.append(name)
  if (l.note) {
    const note = document.createElement(l.kind === 'zone' ? 'div' : 'span')
    applyStyle(note, l.kind === 'zone' ? (l.bad ? zoneBadStyle : zoneNoteStyle) : noteStyle)
    note.textContent = l.note
    el.append(note)
  }
  if (l.apps && l.apps.length > 0) {
    const apps = document.createElement('span')
    apps.dataset.apps = ''
    for (const a of l.apps.slice(0, 4)) {
      const chip = document.createElement('span')
      applyStyle(chip, chipStyle)
      const dot = document.createElement('span')
      applyStyle(dot, dotStyle)
      dot.style.background = a.colour
      chip.append(dot, a.name)
      apps.append(chip)
    }
    if (l.apps.length > 4) {
      const more = document.createElement('span')
      applyStyle(more, chipStyle)
      more.textContent = `+${l.apps.length - 4}`
      apps.append(more)
    }
    el.append(apps)
  }
  return el
}

const signature = (l: CityLabel) => JSON.stringify([l.text, l.note, l.bad, l.apps])

/** A label's element and what the frame loop knows of it without reading the layout. */
interface LabelEntry {
  el: HTMLDivElement
  sig: string
  apps: HTMLElement | null
  /** Whether its businesses show now (the frame loop sets it; reading the style back would cost a layout). */
  showing: boolean
  /** Its size on screen (px), with and without its businesses, measured once (again after the interface scale changes). */
  size: { plain?: { w: number; h: number }; apps?: { w: number; h: number } }
}

export function CityLabels({ labels }: { labels: CityLabel[] }) {
  const camera = useThree((s) => s.camera)
  const size = useThree((s) => s.size)
  const els = useRef(new Map<string, LabelEntry>())
  const rootEl = useRef<HTMLDivElement | null>(null)
  // What the labels avoid and where the overlay is, read again only when watchLayout says the layout changed.
  const layout = useRef({ dirty: true, rects: [] as Rect[], ox: 0, oy: 0, zoom: 1 })
  const watcher = useRef<ReturnType<typeof watchLayout> | null>(null)
  const v = useMemo(() => new THREE.Vector3(), [])
  const camPos = useMemo(() => new THREE.Vector3(), [])

  // The layer: one div in the scene's overlay, removed with the city.
  useEffect(() => {
    const host = overlayRef.current
    if (!host) return
    const root = document.createElement('div')
    root.className = 'city-labels'
    root.dataset.testid = 'city-labels'
    root.setAttribute('aria-hidden', 'true')
    host.append(root)
    rootEl.current = root
    const map = els.current
    const w = watchLayout((scaled) => {
      layout.current.dirty = true
      if (scaled) for (const e of map.values()) e.size = {}
    })
    watcher.current = w
    return () => {
      w.stop()
      watcher.current = null
      root.remove()
      rootEl.current = null
      map.clear()
    }
  }, [])

  // The canvas resized: the overlay and the panels may have moved.
  useEffect(() => {
    layout.current.dirty = true
  }, [size])

  // Keep one element per label: new ones built, changed ones rebuilt, gone ones removed.
  useEffect(() => {
    const root = rootEl.current
    if (!root) return
    const map = els.current
    const keep = new Set<string>()
    for (const l of labels) {
      keep.add(l.key)
      const sig = signature(l)
      const have = map.get(l.key)
      if (have && have.sig === sig) continue
      const el = buildLabel(l)
      if (have) have.el.replaceWith(el)
      else root.append(el)
      map.set(l.key, { el, sig, apps: el.querySelector<HTMLElement>('[data-apps]'), showing: true, size: {} })
    }
    for (const [key, { el }] of map) {
      if (keep.has(key)) continue
      el.remove()
      map.delete(key)
    }
  }, [labels])

  useFrame(() => {
    const at = layout.current
    if (at.dirty) {
      // Layout reads, only after a change: the panels, the overlay's corner, the interface scale.
      at.dirty = false
      const panels = panelRects()
      watcher.current?.observe(panels.els)
      at.rects = panels.rects
      at.zoom = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--ui-scale')) || 1
      const root = overlayRef.current?.getBoundingClientRect()
      at.ox = root?.left ?? 0
      at.oy = root?.top ?? 0
    }
    const { ox, oy, zoom } = at
    camera.getWorldPosition(camPos)
    // Zones first, then houses nearest first.
    const order = labels
      .map((l) => ({ l, d: camPos.distanceToSquared(v.set(l.x, l.y, l.z)), e: els.current.get(l.key) }))
      .sort((a, b) => (a.l.kind === b.l.kind ? a.d - b.d : a.l.kind === 'zone' ? -1 : 1))
    // Writes first (businesses shown or not), then the reads this frame needs, then the placing (writes only):
    // the browser lays the page out at most once here, not once per label.
    for (const { l, d, e } of order) {
      if (!e?.apps) continue
      const show = l.kind === 'house' && Math.sqrt(d) < APP_NAMES_RANGE
      if (show !== e.showing) {
        e.apps.style.display = show ? '' : 'none'
        e.showing = show
      }
    }
    for (const { e } of order) {
      if (!e || (e.showing && e.apps ? e.size.apps : e.size.plain)) continue
      const r = e.el.getBoundingClientRect()
      e.size[e.showing && e.apps ? 'apps' : 'plain'] = { w: r.width, h: r.height }
    }
    const placed: Rect[] = [...at.rects]
    // The selected and hovered things' tags (drei Html beside this layer) move with the camera: read each frame.
    for (const tag of overlayRef.current?.querySelectorAll<HTMLElement>(':scope > div:not(.city-labels) > div') ?? []) {
      const t = tag.getBoundingClientRect()
      if (t.width > 0 && t.height > 0) placed.push({ l: t.left, t: t.top, r: t.right, b: t.bottom })
    }
    for (const { l, e } of order) {
      if (!e) continue
      const el = e.el
      const rect = (e.showing && e.apps ? e.size.apps : e.size.plain) ?? { w: 0, h: 0 }
      v.set(l.x, l.y, l.z).project(camera)
      const sx = ((v.x + 1) / 2) * size.width + ox
      const sy = ((1 - v.y) / 2) * size.height + oy
      // Where it belongs, else just below or above that (a zone's plate may sit beside its neighbour's).
      let r: Rect = { l: 0, t: 0, r: 0, b: 0 }
      let free = false
      for (const dy of l.kind === 'zone' ? [0, rect.h + 4, -(rect.h + 4)] : [0]) {
        r = { l: sx - rect.w / 2, t: sy - rect.h + dy, r: sx + rect.w / 2, b: sy + dy }
        const onScreen = v.z < 1 && r.l >= ox && r.t >= oy && r.r <= ox + size.width && r.b <= oy + size.height
        free = onScreen && !placed.some((p) => overlaps(p, r, 3))
        if (free) break
      }
      if (free) placed.push(r)
      el.style.visibility = free ? 'visible' : 'hidden'
      el.dataset.shown = free ? '1' : '0'
      el.style.transform = `translate(${(r.l - ox) / zoom}px, ${(r.t - oy) / zoom}px)`
    }
  })
  return null
}

const base: Partial<CSSStyleDeclaration> = {
  position: 'absolute',
  left: '0',
  top: '0',
  visibility: 'hidden',
  whiteSpace: 'nowrap',
  pointerEvents: 'none',
  borderRadius: '4px',
}
const houseStyle: Partial<CSSStyleDeclaration> = {
  ...base,
  background: '#fffdf5',
  color: '#2b2118',
  border: '2px solid #8a5a3b',
  padding: '1px 6px',
  font: `600 ${LABEL_MIN_PX}px/1.3 system-ui, sans-serif`,
}
const zoneStyle: Partial<CSSStyleDeclaration> = {
  ...base,
  background: '#1f1b16e6',
  color: '#fff',
  border: '2px solid #fff',
  padding: '3px 10px',
  font: '700 18px/1.3 system-ui, sans-serif',
  textAlign: 'center',
}
const noteStyle: Partial<CSSStyleDeclaration> = { marginLeft: '6px', fontWeight: '700', color: '#b3202e' }
const zoneNoteStyle: Partial<CSSStyleDeclaration> = { font: '600 14px/1.3 system-ui, sans-serif', color: '#d9f2d0' }
const zoneBadStyle: Partial<CSSStyleDeclaration> = { ...zoneNoteStyle, color: '#ffc2c7' }
const chipStyle: Partial<CSSStyleDeclaration> = {
  marginLeft: '6px',
  display: 'inline-flex',
  alignItems: 'center',
  gap: '3px',
  fontWeight: '500',
}
const dotStyle: Partial<CSSStyleDeclaration> = {
  width: '10px',
  height: '10px',
  borderRadius: '2px',
  border: '1px solid #0007',
  display: 'inline-block',
}
