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
import { useT } from './i18n'
import type { UiKey } from './i18n'

type Name = Exclude<Drawer, null>

const TABS: { id: Name; icon: string; label: UiKey; key?: string }[] = [
  { id: 'tools', icon: '⚒', label: 'drawers.tools', key: 'T' },
  { id: 'street', icon: '⌂', label: 'drawers.street', key: 'S' },
  { id: 'log', icon: '☰', label: 'drawers.log', key: 'E' },
]

export function DrawerTabs() {
  const open = useDrawer()
  const t = useT()
  return (
    <nav className="drawer-tabs panel" aria-label={t('drawers.label')}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          type="button"
          data-testid={`tab-${tab.id}`}
          aria-pressed={open === tab.id}
          aria-controls={`drawer-${tab.id}`}
          aria-keyshortcuts={tab.key}
          title={`${t(tab.label)} (${tab.key})`}
          onClick={() => useHud.getState().toggleDrawer(tab.id)}
        >
          <span aria-hidden="true">{tab.icon} </span>
          {t(tab.label)}
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
