/** The in-game HUD: panels over the full-screen scene. Only the panels take the pointer. */
import { useEffect } from 'react'
import { useGame } from '../state'
import { EventLog } from './EventLog'
import { Inspector } from './Inspector'
import { Objectives } from './Objectives'
import { OutcomeDialog } from './OutcomeDialog'
import { Brief, ConsoleSheet, Hints, KeysHelp } from './Overlays'
import { Palette } from './Palette'
import { StreetTree } from './StreetTree'
import { Notices, Rejection } from './Toasts'
import { TopBar } from './TopBar'
import { Workshop } from './machines/Workshop'
import { LabPanel } from './lab/LabPanel'
import { useShortcuts } from './shortcuts'
import { useHud } from './uiStore'

export function Hud() {
  useShortcuts()
  const level = useGame((s) => s.level)
  const panel = useHud((s) => s.panel)
  // While the outcome dialog is open, everything behind it is inert (it is modal).
  const over = useGame((s) => !!s.level && s.progress.outcome !== 'playing')
  // A new level opens with its brief; the sandbox opens straight onto the street.
  useEffect(() => {
    useHud.setState({ panel: level ? 'brief' : null, appId: null })
  }, [level])
  return (
    <div className="hud">
      <div className="hud-layer" inert={over}>
        <TopBar />
        <div className="hud-left">
          <Objectives />
          <StreetTree />
        </div>
        <div className="hud-right">
          <Inspector />
          <EventLog />
        </div>
        <div className="hud-bottom">
          <Rejection />
          <Notices />
          <Palette />
        </div>
        {panel === 'brief' && <Brief />}
        {panel === 'hints' && <Hints />}
        {panel === 'keys' && <KeysHelp />}
        {panel === 'console' && <ConsoleSheet />}
        {panel === 'workshop' && <Workshop />}
        {panel === 'lab' && <LabPanel />}
      </div>
      <OutcomeDialog />
    </div>
  )
}
