/**
 * Text only where it is read: the selected and the hovered thing get an outline and a label in
 * the player's vocabulary; small streets also get house number signs.
 */
import { Html } from '@react-three/drei'
import { overlayRef } from './overlay'
import { useGame } from '../state/game'
import { useWorld } from '../state/useWorld'
import { useUi } from '../state/ui'
import type { Selection } from '../state/ui'
import { containerStateLabel, hostPowerLabel, kindLabel, vmStateLabel } from '../sim/labels'
import type { Lang } from '../sim/labels'
import { useSettings } from '../state/settings'
import type { Vocabulary, World } from '../sim/types'
import { assets } from './assets'
import { boxOf } from './Buildings'
import type { SceneLayout } from './layout'
import { HIGHLIGHT_HOVER, HIGHLIGHT_SELECT } from './palette'

const SIGNS_UP_TO = 12

function describe(world: World, sel: Selection, vocab: Vocabulary, lang: Lang): { title: string; state: string } | null {
  if (!sel || !('id' in sel)) return null
  if (sel.kind === 'host') {
    const h = world.hosts[sel.id]
    if (!h) return null
    return { title: `${kindLabel('host', vocab, lang)} ${h.name}`, state: hostPowerLabel(h.power, vocab, lang) }
  }
  if (sel.kind === 'vm') {
    const v = world.vms[sel.id]
    if (!v) return null
    return { title: `${kindLabel('vm', vocab, lang)} ${v.name} · ${v.os}`, state: vmStateLabel(v.state, vocab, lang) }
  }
  if (sel.kind === 'container') {
    const c = world.containers[sel.id]
    if (!c) return null
    return { title: `${kindLabel('container', vocab, lang)} ${c.name}`, state: containerStateLabel(c.state, vocab, lang) }
  }
  return null
}

export function Marker({ layout, sel, colour, strong }: { layout: SceneLayout; sel: Selection; colour: string; strong: boolean }) {
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const lang = useSettings((s) => s.lang)
  if (!sel || !('id' in sel) || sel.kind === 'app') return null
  const b = boxOf(layout, sel.kind, sel.id)
  const text = describe(world, sel, vocab, lang)
  if (!b || !text) return null
  const pad = sel.kind === 'container' ? 0.12 : 0.3
  return (
    <group position={[b.x, b.y + b.h / 2, b.z]}>
      <lineSegments geometry={assets().geo.outline} scale={[b.w + pad, b.h + pad, b.d + pad]} raycast={() => null} renderOrder={10}>
        <lineBasicMaterial color={colour} transparent opacity={strong ? 1 : 0.75} depthTest={false} />
      </lineSegments>
      <Html portal={overlayRef} position={[0, b.h / 2 + 0.6, 0]} center zIndexRange={[30, 0]} style={{ pointerEvents: 'none' }}>
        <div className="scene-marker" data-strong={strong ? '1' : '0'} style={{ ...tag, borderColor: colour, opacity: strong ? 1 : 0.85 }}>
          <div style={{ fontWeight: 700 }}>{text.title}</div>
          <div>{text.state}</div>
        </div>
      </Html>
    </group>
  )
}

const tag: React.CSSProperties = {
  background: '#1f1b16e6',
  color: '#fff',
  border: '2px solid',
  borderRadius: 6,
  padding: '3px 7px',
  font: '12px/1.3 system-ui, sans-serif',
  whiteSpace: 'nowrap',
}

function Signs({ layout }: { layout: SceneLayout }) {
  const vocab = useUi((s) => s.vocab)
  const lang = useSettings((s) => s.lang)
  const world = useWorld()
  const { houses, rooms } = layout
  if (houses.n > SIGNS_UP_TO) return null
  const apps = world.apps
  // Each house's sign names the businesses inside, each with its colour: colour is never the only signal.
  const inside: Set<string>[] = []
  for (let i = 0; i < houses.n; i++) inside.push(new Set())
  for (let c = 0; c < rooms.n; c++) {
    const i = rooms.house[c]!
    if (i >= 0) inside[i]!.add(rooms.containers[c]!.appId)
  }
  const out = []
  for (let i = 0; i < houses.n; i++) {
    const names = [...inside[i]!].sort()
    out.push(
      <Html
        portal={overlayRef}
        key={houses.ids[i]}
        position={[houses.doorX[i]! + 1.6, 0.9, houses.doorZ[i]! + 0.6]}
        center
        zIndexRange={[10, 0]}
        style={{ pointerEvents: 'none' }}
      >
        <div style={sign} data-testid={`house-sign-${houses.ids[i]}`}>
          {`${kindLabel('host', vocab, lang)} ${houses.hosts[i]!.name}`}
          {names.map((id) => (
            <span key={id} style={chip}>
              <span style={{ ...dot, background: layout.appColours.get(id) ?? '#999' }} />
              {apps[id]?.name ?? id}
            </span>
          ))}
        </div>
      </Html>,
    )
  }
  return <>{out}</>
}

const chip: React.CSSProperties = { marginLeft: 6, display: 'inline-flex', alignItems: 'center', gap: 3, fontWeight: 500 }
const dot: React.CSSProperties = { width: 9, height: 9, borderRadius: 2, border: '1px solid #0007', display: 'inline-block' }

const sign: React.CSSProperties = {
  background: '#fffdf5',
  color: '#2b2118',
  border: '2px solid #8a5a3b',
  borderRadius: 4,
  padding: '1px 6px',
  font: '600 11px/1.3 system-ui, sans-serif',
  whiteSpace: 'nowrap',
}

export function Labels({ layout }: { layout: SceneLayout }) {
  const selection = useUi((s) => s.selection)
  const hover = useUi((s) => s.hover)
  const same = hover && selection && hover.kind === selection.kind && 'id' in hover && 'id' in selection && hover.id === selection.id
  return (
    <>
      <Signs layout={layout} />
      <Marker layout={layout} sel={selection} colour={HIGHLIGHT_SELECT} strong />
      {!same && <Marker layout={layout} sel={hover} colour={HIGHLIGHT_HOVER} strong={false} />}
    </>
  )
}
