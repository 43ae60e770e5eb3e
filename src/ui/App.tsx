import { Suspense, lazy, useEffect } from 'react'
import { attachTimeline, startClock, useGame, useProgress } from '../state'
import { AppBoundary, SceneBoundary } from './ErrorBoundary'
import { Menu } from './Menu'
import { LevelSelect } from './LevelSelect'
import { useHud } from './uiStore'
import { installHudPrefs } from './hudPrefs'
import { UrlBanner } from './UrlBanner'
import './styles.css'

// three.js and the scene are the heavy part of the download: the title menu does not need them.
const GameCanvas = lazy(() => import('../scene/GameCanvas'))
// The in-game HUD (palette, inspector, workshop, lab, manager panels) is not needed by the menu either.
const Hud = lazy(() => import('./Hud').then((m) => ({ default: m.Hud })))
// Classroom: the lesson list and the presenter's overlay (lessons are data the menu does not need).
const LessonList = lazy(() => import('./classroom/LessonList').then((m) => ({ default: m.LessonList })))
const HandinsPage = lazy(() => import('./classroom/HandinsPage').then((m) => ({ default: m.HandinsPage })))
const PointerHighlight = lazy(() => import('./classroom/PointerHighlight').then((m) => ({ default: m.PointerHighlight })))
const IncidentRemote = lazy(() => import('./classroom/IncidentRemote').then((m) => ({ default: m.IncidentRemote })))
const Classroom = lazy(() => import('./classroom/Classroom').then((m) => ({ default: m.Classroom })))

export function App() {
  useEffect(() => startClock(), [])
  useEffect(() => attachTimeline(), [])
  useEffect(() => useProgress.getState().load(), [])
  useEffect(() => installHudPrefs(), [])
  return (
    <AppBoundary>
      <Screens />
      <UrlBanner />
    </AppBoundary>
  )
}

const SETTLING_STYLE = {
  position: 'fixed',
  top: '4.5rem',
  left: '50%',
  transform: 'translateX(-50%)',
  margin: 0,
  padding: '0.3rem 0.8rem',
  borderRadius: '0.4rem',
  background: 'rgba(0, 0, 0, 0.6)',
  color: '#fff',
  pointerEvents: 'none',
} as const

function Screens() {
  const mode = useGame((s) => s.mode)
  const building = useGame((s) => s.remote === 'building')
  const settling = useGame((s) => s.settling)
  const screen = useHud((s) => s.screen)
  if (mode === 'menu') {
    if (screen === 'classroom' || screen === 'handins')
      return (
        <Suspense fallback={<p className="scene-loading">Loading the lessons…</p>}>
          {screen === 'classroom' ? <LessonList /> : <HandinsPage />}
        </Suspense>
      )
    return screen === 'levels' ? <LevelSelect /> : <Menu />
  }
  return (
    <>
      <SceneBoundary>
        {building ? (
          // A big street is being built in the simulation worker: nothing to draw yet.
          <p className="scene-loading" role="status">
            Building the street…
          </p>
        ) : (
          <Suspense fallback={<p className="scene-loading">Loading the neighbourhood…</p>}>
            <GameCanvas />
          </Suspense>
        )}
        {settling && (
          // The street is drawn; the worker is still placing its rooms (they arrive all at once).
          <p className="street-settling" role="status" data-testid="street-settling" style={SETTLING_STYLE}>
            The building manager is placing the rooms… The street opens paused: Space or ▶ Play runs it.
          </p>
        )}
      </SceneBoundary>
      <Suspense fallback={null}>
        {mode === 'lesson' ? <Classroom /> : <Hud />}
        <IncidentRemote />
        <PointerHighlight />
      </Suspense>
    </>
  )
}
