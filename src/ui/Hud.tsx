/**
 * The in-game HUD: compact overlays over the full-screen scene. A slim top bar, one side drawer at
 * a time (tools, street list, event log), the objectives as a small card, an inspector that docks
 * small and expands on demand, and a caption line for the newest event. F (focus) hides all of it
 * but the time bar and the captions. Only the panels take the pointer.
 */
import { useEffect } from 'react'
import { useGame } from '../state'
import { Caption } from './Caption'
import { DrawerTabs, Drawers } from './Drawers'
import { Inspector } from './Inspector'
import { Legend } from './Legend'
import { Objectives } from './Objectives'
import { OverviewMap } from './OverviewMap'
import { FindPanel } from './FindPanel'
import { OutcomeDialog } from './OutcomeDialog'
import { Brief, ConsoleSheet, Hints, KeysHelp, LeaveConfirm } from './Overlays'
import { markLevelOpened } from './navigation'
import { Notices, Rejection } from './Toasts'
import { FocusBar, TopBar } from './TopBar'
import { Workshop } from './machines/Workshop'
import { LabPanel } from './lab/LabPanel'
import { TimelineBar } from './classroom/TimelineBar'
import { useShortcuts } from './shortcuts'
import { useHud } from './uiStore'
import { setViewInsets } from '../scene/view'

/** The right edge of what covers the left side, etc.: the camera frames the street in the rest. */
function measureInsets(): void {
  const W = window.innerWidth
  let left = 0
  let right = 0
  let top = 0
  for (const el of document.querySelectorAll<HTMLElement>('.hud-left > *, .drawer > .panel')) {
    const r = el.getBoundingClientRect()
    if (r.width > 0 && r.height > 0 && !el.classList.contains('drawer')) left = Math.max(left, r.right)
  }
  for (const el of document.querySelectorAll<HTMLElement>('.hud-right > .panel, .lab-sheet')) {
    const r = el.getBoundingClientRect()
    if (r.width > 0 && r.height > 0) right = Math.max(right, W - r.left)
  }
  const bar = document.querySelector<HTMLElement>('.top-bar, .focus-bar')
  if (bar) top = bar.getBoundingClientRect().bottom
  setViewInsets({ left, right, top, bottom: 0 })
}

export function Hud() {
  useShortcuts()
  const level = useGame((s) => s.level)
  const panel = useHud((s) => s.panel)
  const focus = useHud((s) => s.focus)
  // While the outcome dialog is open, everything behind it is inert (it is modal).
  const over = useGame((s) => !!s.level && s.progress.outcome !== 'playing')
  // A new level opens with its brief; the sandbox opens straight onto the street. Each mode keeps
  // its own drawer.
  useEffect(() => {
    useHud.setState({ panel: level ? 'brief' : null, appId: null, mode: level ? 'level' : 'sandbox', focus: false })
    markLevelOpened()
  }, [level])
  useEffect(() => {
    measureInsets()
    const t = setInterval(measureInsets, 300)
    return () => {
      clearInterval(t)
      setViewInsets({ left: 0, right: 0, top: 0, bottom: 0 })
    }
  }, [])
  return (
    <div className={`hud${focus ? ' focus-mode' : ''}`}>
      <div className="hud-layer" inert={over}>
        {focus ? <FocusBar /> : <TopBar />}
        {!focus && (
          <>
            <div className="hud-left">
              <DrawerTabs />
              <Drawers />
              <Legend />
            </div>
            <div className="hud-right">
              <Objectives />
              <Inspector />
              <OverviewMap />
            </div>
          </>
        )}
        <div className="hud-bottom">
          <Rejection />
          <Notices />
          <Caption />
          <TimelineBar />
        </div>
        {panel === 'brief' && <Brief />}
        {panel === 'hints' && <Hints />}
        {panel === 'keys' && <KeysHelp />}
        {panel === 'console' && <ConsoleSheet />}
        {panel === 'workshop' && <Workshop />}
        {panel === 'lab' && <LabPanel />}
        {panel === 'leave' && <LeaveConfirm />}
        {panel === 'find' && <FindPanel />}
      </div>
      <OutcomeDialog />
    </div>
  )
}
