/**
 * The 3D street behind the HUD. Checks for WebGL 2 before mounting the canvas: without it, a
 * clear message instead (the HUD's street list still works); it never throws.
 */
import { useState } from 'react'
import { Canvas } from '@react-three/fiber'
import { Scene } from './Scene'
import { useUi } from '../state/ui'
import { overlayRef } from './overlay'
import { useSettings } from '../state/settings'

interface GlSupport {
  webgl2: boolean
  /** A software rasteriser (SwiftShader, llvmpipe): skip antialiasing and high DPR. */
  software: boolean
}

function probeWebGL2(): GlSupport {
  try {
    const c = document.createElement('canvas')
    const gl = c.getContext('webgl2')
    if (!gl) return { webgl2: false, software: false }
    const dbg = gl.getExtension('WEBGL_debug_renderer_info')
    const name = dbg ? String(gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL)) : ''
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return { webgl2: true, software: /swiftshader|llvmpipe|softpipe|software/i.test(name) }
  } catch {
    return { webgl2: false, software: false }
  }
}

const fill: React.CSSProperties = { position: 'fixed', inset: 0 }

export default function GameCanvas() {
  const [gl] = useState(probeWebGL2)
  const lang = useSettings((s) => s.lang)
  if (!gl.webgl2) {
    return (
      <div
        data-testid="no-webgl"
        role="alert"
        style={{
          ...fill,
          display: 'grid',
          placeItems: 'center',
          background: '#cfe6f2',
          color: '#1f1b16',
          padding: 24,
          font: '18px/1.5 system-ui, sans-serif',
          textAlign: 'center',
        }}
      >
        <p style={{ maxWidth: 560 }}>
          {lang === 'es'
            ? 'Tu navegador no pudo arrancar los gráficos 3D (WebGL 2). El juego sigue funcionando: usa la lista de la calle del ' +
              'panel lateral para construir e inspeccionar.'
            : 'Your browser could not start 3D graphics (WebGL 2). The game still runs: use the street list in the side panel to ' +
              'build and inspect.'}
        </p>
      </div>
    )
  }
  return (
    <div data-testid="scene-canvas" style={fill} role="region" aria-label="The street in 3D">
      <Canvas
        shadows
        dpr={gl.software ? 1 : [1, 2]}
        camera={{ fov: 40, near: 0.5, far: 4000, position: [0, 40, 60] }}
        gl={{ antialias: !gl.software, powerPreference: 'high-performance' }}
        onPointerMissed={(e) => {
          if (e.type === 'click') useUi.getState().select(null)
        }}
        onPointerLeave={() => useUi.getState().setHover(null)}
      >
        <Scene />
      </Canvas>
      <div
        ref={(el) => {
          if (el) overlayRef.current = el
        }}
        style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden' }}
      />
    </div>
  )
}
