/**
 * The 3D street behind the HUD. Checks for WebGL 2 before mounting the canvas: without it, a
 * clear message instead (the HUD's street list still works); it never throws.
 */
import { useState } from 'react'
import { Canvas } from '@react-three/fiber'
import { Scene } from './Scene'
import { useUi } from '../state/ui'

function hasWebGL2(): boolean {
  try {
    const c = document.createElement('canvas')
    const gl = c.getContext('webgl2')
    if (!gl) return false
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return true
  } catch {
    return false
  }
}

const fill: React.CSSProperties = { position: 'fixed', inset: 0 }

export default function GameCanvas() {
  const [webgl] = useState(hasWebGL2)
  if (!webgl) {
    return (
      <div data-testid="no-webgl" role="alert" style={{ ...fill, display: 'grid', placeItems: 'center', background: '#cfe6f2', color: '#1f1b16', padding: 24, font: '18px/1.5 system-ui, sans-serif', textAlign: 'center' }}>
        <p style={{ maxWidth: 560 }}>Your browser could not start 3D graphics (WebGL 2). The game still runs: use the street list in the side panel to build and inspect.</p>
      </div>
    )
  }
  return (
    <div data-testid="scene-canvas" style={fill}>
      <Canvas
        shadows
        dpr={[1, 2]}
        camera={{ fov: 40, near: 0.5, far: 4000, position: [0, 40, 60] }}
        gl={{ antialias: true, powerPreference: 'high-performance' }}
        onPointerMissed={(e) => {
          if (e.type === 'click') useUi.getState().select(null)
        }}
        onPointerLeave={() => useUi.getState().setHover(null)}
      >
        <Scene />
      </Canvas>
    </div>
  )
}
