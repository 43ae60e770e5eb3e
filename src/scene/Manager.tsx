/**
 * The building manager (Kubernetes control plane): a figure by the first street, holding a
 * clipboard of desired against ready rooms for each app it looks after.
 */
import { Html } from '@react-three/drei'
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { overlayRef } from './overlay'
import { useGame } from '../state/game'
import type { GameState } from '../state/game'
import type { World } from '../sim/types'
import { useWorld } from '../state/useWorld'
import { useUi } from '../state/ui'
import { useSettings } from '../state/settings'
import { kindLabel } from '../sim/labels'
import type { Lang } from '../sim/labels'
import { useStreetWords } from './tagWords'
import type { TagWords } from './tagWords'
import { assets } from './assets'
import type { SceneLayout } from './layout'
import { HIGHLIGHT_SELECT, appColour, appColours } from './palette'

/**
 * The manager stands on the street only where it can be hired or already works: the sandbox (not the
 * lab's street), a level whose palette has it, or a lesson or level where some app is managed.
 */
export const managerHireable = (s: GameState): boolean => (s.mode === 'sandbox' && !s.lab) || !!s.level?.palette.includes('setManaged')
export const managerWorking = (world: World): boolean => Object.values(world.apps).some((a) => a.managed)

const SHOWN = 5

// Rendered by the Manager (not inside Html's own root) so it re-renders with the world.
function clipboard(vocab: 'metaphor' | 'technical', lang: Lang, words: TagWords) {
  const v = vocab === 'metaphor' ? 0 : 1
  const all = useGame.getState().world.apps
  const colours = appColours(Object.keys(all))
  const apps = Object.values(all).filter((a) => a.managed)
  const shown = apps.slice(0, SHOWN)
  return (
    <div className="hop-clipboard" style={clip} onClick={() => useUi.getState().select({ kind: 'manager' })}>
      <div style={{ fontWeight: 700, marginBottom: 4 }}>{kindLabel('manager', vocab, lang)}</div>
      {shown.length === 0 && <div style={{ opacity: 0.7 }}>{words.clipboardEmpty[v]}</div>}
      {shown.map((a) => {
        // The clipboard is the manager's view (Deployment readyReplicas): a dead house's rooms count as ready until
        // the grace period has passed. What visitors meet is shown beside it, so the two never pretend to agree.
        const failing = a.rps > 0 && a.lastServedRps < a.rps * 0.999
        const ok = a.readyReplicas >= a.replicas && !failing
        return (
          <div key={a.id} style={{ display: 'flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
            <span
              style={{
                width: 10,
                height: 10,
                borderRadius: 2,
                background: colours.get(a.id) ?? appColour(a.id),
                border: '1px solid #0006',
              }}
            />
            <span style={{ flex: 1 }}>{a.name}</span>
            <span>
              {words.clipboardRow(a.readyReplicas, a.replicas)[v]} {ok ? '✓' : '⚠'}
              {failing && a.readyReplicas >= a.replicas && ` ${words.clipboardTurnedAway[v]}`}
            </span>
          </div>
        )
      })}
      {apps.length > SHOWN && <div style={{ opacity: 0.7 }}>{words.clipboardMore(apps.length - SHOWN)[v]}</div>}
    </div>
  )
}

const clip: React.CSSProperties = {
  background: '#fffdf5',
  color: '#2b2118',
  border: '3px solid #8a5a3b',
  borderRadius: 6,
  padding: '6px 8px',
  font: '11px/1.3 system-ui, sans-serif',
  minWidth: 150,
  boxShadow: '0 3px 8px #0003',
  cursor: 'pointer',
  pointerEvents: 'auto',
  userSelect: 'none',
}

let merged: { geometry: THREE.BufferGeometry; material: THREE.Material } | null = null

/** The office and the figure merged into one geometry, each part coloured by its vertices (made once for the page). */
function managerParts() {
  if (merged) return merged
  const { geo } = assets()
  const part = (g: THREE.BufferGeometry, colour: string, at: [number, number, number], scale?: [number, number, number], rotX = 0) => {
    // Non-indexed, as the rounded box is: mergeGeometries needs them all alike.
    const c = g.index ? g.toNonIndexed() : g.clone()
    if (scale) c.scale(...scale)
    if (rotX) c.rotateX(rotX)
    c.translate(...at)
    const col = new THREE.Color(colour)
    const n = c.getAttribute('position').count
    const cs = new Float32Array(n * 3)
    for (let i = 0; i < n; i++) cs.set([col.r, col.g, col.b], i * 3)
    c.setAttribute('color', new THREE.BufferAttribute(cs, 3))
    return c
  }
  const geometry = mergeGeometries([
    part(geo.rounded, '#f6d98b', [0, 0, -2.2], [4, 2.6, 2.4]),
    part(geo.box, '#c8553d', [0, 2.6, -2.2], [4.6, 0.35, 2.9]),
    part(new THREE.CapsuleGeometry(0.38, 0.7, 4, 12), '#2f4e8c', [0, 0.75, 0]),
    part(new THREE.SphereGeometry(0.34, 16, 12), '#f2c6a0', [0, 1.75, 0]),
    part(new THREE.CylinderGeometry(0.36, 0.36, 0.16, 16), '#2f4e8c', [0, 2.02, 0.02]),
    part(new THREE.BoxGeometry(0.55, 0.7, 0.06), '#8a5a3b', [0.32, 1.05, 0.42], undefined, -0.4),
  ])!
  merged = { geometry, material: new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.8 }) }
  return merged
}
const managerGeometry = () => managerParts().geometry
const managerMaterial = () => managerParts().material

export function Manager({ layout }: { layout: SceneLayout }) {
  const { x, z } = layout.manager
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const lang = useSettings((s) => s.lang)
  const words = useStreetWords()
  const selected = useUi((s) => s.selection?.kind === 'manager')
  const hireable = useGame(managerHireable)
  if (!hireable && !managerWorking(world)) return null
  const pick = (e: { stopPropagation: () => void }) => {
    e.stopPropagation()
    useUi.getState().select({ kind: 'manager' })
  }
  return (
    <group position={[x, 0, z]} onClick={pick}>
      {/* the office kiosk and the manager (body, head, cap, clipboard): one mesh, so two draw calls with its shadow */}
      <mesh geometry={managerGeometry()} material={managerMaterial()} castShadow receiveShadow />
      {selected && (
        <mesh position={[0, 0.05, 0]} rotation={[-Math.PI / 2, 0, 0]} raycast={() => null}>
          <ringGeometry args={[0.7, 0.95, 32]} />
          <meshBasicMaterial color={HIGHLIGHT_SELECT} />
        </mesh>
      )}
      <Html portal={overlayRef} position={[0, 5.2, -1]} center zIndexRange={[20, 0]}>
        {clipboard(vocab, lang, words)}
      </Html>
    </group>
  )
}
