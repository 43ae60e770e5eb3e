/**
 * The side drawer: tools (the palette), the street list and the event log, one open at a time.
 * Closed drawers stay mounted but hidden, so their state (scroll, open sections) survives; each
 * names the tab that opens it (data-reveal), which the browser tests use to reach a control.
 */
import type { ReactNode } from 'react'
import { EventLog } from './EventLog'
import { Palette } from './Palette'
import { StreetTree } from './StreetTree'
import { useDrawer, useHud } from './uiStore'
import type { Drawer } from './uiStore'
import { useWords } from './useVocab'

type Name = Exclude<Drawer, null>

const TABS: { id: Name; icon: string; metaphor: string; technical: string; key?: string }[] = [
  { id: 'tools', icon: '⚒', metaphor: 'Tools', technical: 'Actions', key: 'T' },
  { id: 'street', icon: '⌂', metaphor: 'Street', technical: 'Cluster', key: 'S' },
  { id: 'log', icon: '☰', metaphor: 'What happened', technical: 'Events', key: 'E' },
]

export function DrawerTabs() {
  const open = useDrawer()
  const w = useWords()
  return (
    <nav className="drawer-tabs panel" aria-label="Side drawers">
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          data-testid={`tab-${t.id}`}
          aria-pressed={open === t.id}
          aria-controls={`drawer-${t.id}`}
          aria-keyshortcuts={t.key}
          title={`${w(t.metaphor, t.technical)} (${t.key})`}
          onClick={() => useHud.getState().toggleDrawer(t.id)}
        >
          <span aria-hidden="true">{t.icon} </span>
          {w(t.metaphor, t.technical)}
        </button>
      ))}
    </nav>
  )
}

function Slot({ id, children }: { id: Name; children: ReactNode }) {
  const open = useDrawer()
  return (
    <div className="drawer" id={`drawer-${id}`} data-drawer={id} data-reveal={`tab-${id}`} hidden={open !== id}>
      {children}
    </div>
  )
}

export function Drawers() {
  return (
    <>
      <Slot id="tools">
        <Palette />
      </Slot>
      <Slot id="street">
        <StreetTree />
      </Slot>
      <Slot id="log">
        <EventLog />
      </Slot>
    </>
  )
}
