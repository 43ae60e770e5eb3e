/**
 * The building manager (Kubernetes control plane): a figure by the first street, holding a
 * clipboard of desired against ready rooms for each app it looks after.
 */
import { Html } from '@react-three/drei'
import { overlayRef } from './overlay'
import { useGame } from '../state/game'
import type { GameState } from '../state/game'
import type { World } from '../sim/types'
import { useWorld } from '../state/useWorld'
import { useUi } from '../state/ui'
import { kindLabel } from '../sim/labels'
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
function clipboard(vocab: 'metaphor' | 'technical') {
  const all = useGame.getState().world.apps
  const colours = appColours(Object.keys(all))
  const apps = Object.values(all).filter((a) => a.managed)
  const shown = apps.slice(0, SHOWN)
  return (
    <div className="hop-clipboard" style={clip} onClick={() => useUi.getState().select({ kind: 'manager' })}>
      <div style={{ fontWeight: 700, marginBottom: 4 }}>{kindLabel('manager', vocab)}</div>
      {shown.length === 0 && <div style={{ opacity: 0.7 }}>{vocab === 'metaphor' ? 'nothing to look after yet' : 'no Deployments'}</div>}
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
              {vocab === 'metaphor' ? `${a.readyReplicas} of ${a.replicas} open` : `${a.readyReplicas}/${a.replicas} ready`}{' '}
              {ok ? '✓' : '⚠'}
              {failing && a.readyReplicas >= a.replicas && (vocab === 'metaphor' ? ' visitors turned away' : ' requests failing')}
            </span>
          </div>
        )
      })}
      {apps.length > SHOWN && <div style={{ opacity: 0.7 }}>+{apps.length - SHOWN} more</div>}
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

export function Manager({ layout }: { layout: SceneLayout }) {
  const { geo, mat } = assets()
  const { x, z } = layout.manager
  const world = useWorld()
  const vocab = useUi((s) => s.vocab)
  const selected = useUi((s) => s.selection?.kind === 'manager')
  const hireable = useGame(managerHireable)
  if (!hireable && !managerWorking(world)) return null
  const pick = (e: { stopPropagation: () => void }) => {
    e.stopPropagation()
    useUi.getState().select({ kind: 'manager' })
  }
  return (
    <group position={[x, 0, z]} onClick={pick}>
      {/* the office kiosk */}
      <mesh geometry={geo.rounded} material={mat.solid} position={[0, 0, -2.2]} scale={[4, 2.6, 2.4]} castShadow receiveShadow>
        <meshStandardMaterial attach="material" color="#f6d98b" roughness={0.8} />
      </mesh>
      <mesh geometry={geo.box} position={[0, 2.6, -2.2]} scale={[4.6, 0.35, 2.9]} castShadow>
        <meshStandardMaterial color="#c8553d" roughness={0.8} />
      </mesh>
      {selected && (
        <mesh position={[0, 0.05, 0]} rotation={[-Math.PI / 2, 0, 0]} raycast={() => null}>
          <ringGeometry args={[0.7, 0.95, 32]} />
          <meshBasicMaterial color={HIGHLIGHT_SELECT} />
        </mesh>
      )}
      {/* the manager: body, head, cap and clipboard */}
      <mesh position={[0, 0.75, 0]} castShadow>
        <capsuleGeometry args={[0.38, 0.7, 4, 12]} />
        <meshStandardMaterial color="#2f4e8c" roughness={0.7} />
      </mesh>
      <mesh position={[0, 1.75, 0]} castShadow>
        <sphereGeometry args={[0.34, 16, 12]} />
        <meshStandardMaterial color="#f2c6a0" roughness={0.8} />
      </mesh>
      <mesh position={[0, 2.02, 0.02]} castShadow>
        <cylinderGeometry args={[0.36, 0.36, 0.16, 16]} />
        <meshStandardMaterial color="#2f4e8c" roughness={0.7} />
      </mesh>
      <mesh position={[0.32, 1.05, 0.42]} rotation={[-0.4, 0, 0]} castShadow>
        <boxGeometry args={[0.55, 0.7, 0.06]} />
        <meshStandardMaterial color="#8a5a3b" roughness={0.8} />
      </mesh>
      <Html portal={overlayRef} position={[0, 5.2, -1]} center zIndexRange={[20, 0]}>
        {clipboard(vocab)}
      </Html>
    </group>
  )
}
