import { Suspense, lazy, useEffect } from 'react'
import { startClock, useGame } from '../state'

// three.js and the scene are the heavy part of the download: the title menu does not need them.
const GameCanvas = lazy(() => import('../scene/GameCanvas'))

export function App() {
  const mode = useGame((s) => s.mode)
  useEffect(() => startClock(), [])
  if (mode === 'menu') {
    return (
      <main>
        <h1>House of Pods</h1>
        <button onClick={() => useGame.getState().startSandbox()}>Sandbox</button>
      </main>
    )
  }
  return (
    <Suspense fallback={<p>Loading the neighbourhood…</p>}>
      <GameCanvas />
    </Suspense>
  )
}
