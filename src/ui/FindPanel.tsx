/**
 * Find (/ or Ctrl+K): type part of a name; houses, apartments, businesses and rooms that match are
 * listed (↑ ↓ move, Enter chooses, Esc closes). Choosing one selects it and flies the camera to it
 * (to its house on a big street, where the house is then drawn in detail; a jump with reduced motion).
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useGame, useUi } from '../state'
import type { Selection } from '../state'
import { kindLabel } from '../sim/labels'
import { CITY_MIN_HOUSES } from '../scene/cityZones'
import { currentLayout } from '../scene/overview'
import { requestFly } from '../scene/view'
import { findInWorld, houseOf } from './findModel'
import type { Found } from './findModel'
import { useHud } from './uiStore'
import { useWords } from './useVocab'

/** How far the camera stops from what was found: a few houses around it on a big street, the thing itself on a small one. */
const CITY_DISTANCE = 60
const STREET_DISTANCE = 28

export function goTo(f: Pick<Found, 'kind' | 'id'>): void {
  const world = useGame.getState().world
  useUi.getState().select({ kind: f.kind, id: f.id } as Selection)
  const layout = currentLayout()
  if (!layout) return
  const city = layout.houses.n >= CITY_MIN_HOUSES
  // On a small street a room or an apartment has its own place; on a big one, its house's.
  const own = !city && (f.kind === 'container' || f.kind === 'vm') ? (f.kind === 'vm' ? layout.vms : layout.rooms) : null
  const k = own ? own.ids.indexOf(f.id) : -1
  if (own && k >= 0) {
    requestFly({ x: own.x[k]!, y: own.y[k]!, z: own.z[k]!, distance: STREET_DISTANCE })
    return
  }
  const house = houseOf(world, f)
  const i = house ? layout.houses.ids.indexOf(house) : -1
  if (i < 0) return
  requestFly({ x: layout.houses.x[i]!, y: 0, z: layout.houses.z[i]!, distance: city ? CITY_DISTANCE : STREET_DISTANCE })
}

export function FindPanel() {
  const vocab = useUi((s) => s.vocab)
  const w = useWords()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const version = useGame((s) => s.version)
  const results = useMemo(() => {
    void version
    return findInWorld(useGame.getState().world, query, vocab)
  }, [query, vocab, version])

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    input.current?.focus()
    return () => prev?.focus?.()
  }, [])
  useEffect(() => setActive(0), [query])

  const close = () => useHud.getState().open(null)
  const choose = (f: Found | undefined) => {
    if (!f) return
    close()
    goTo(f)
  }
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1))
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1))
    else if (e.key === 'Enter') choose(results[active])
    else if (e.key === 'Escape') close()
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  const kindName = (k: Found['kind']) => (k === 'container' ? kindLabel('container', vocab) : kindLabel(k, vocab))
  return (
    <div
      className="panel sheet find"
      role="dialog"
      aria-label={w('Find a house, business or room', 'Find a node, app or pod')}
      data-testid="find"
    >
      <label className="find-label">
        {w('Find a house, apartment, business or room', 'Find a node, VM, app or pod')}
        <input
          ref={input}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKey}
          placeholder={w('a name, e.g. 12 or shop', 'a name, e.g. 12 or shop')}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="find-results"
          aria-activedescendant={results[active] ? `find-${active}` : undefined}
          aria-autocomplete="list"
          data-testid="find-input"
        />
      </label>
      <ul id="find-results" role="listbox" className="find-results" data-testid="find-results">
        {results.map((f, k) => (
          <li
            key={`${f.kind}:${f.id}`}
            id={`find-${k}`}
            role="option"
            aria-selected={k === active}
            className={k === active ? 'active' : ''}
            data-testid={`find-result-${f.kind}-${f.id}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(f)}
          >
            <span className="find-kind">{kindName(f.kind)}</span> <strong>{f.name}</strong> <span className="find-where">{f.where}</span>
          </li>
        ))}
      </ul>
      {query.trim() && results.length === 0 && <p className="muted">{w('Nothing by that name.', 'No match.')}</p>}
      <p className="muted">
        ↑ ↓ {w('choose', 'choose')} · Enter {w('flies there and selects it', 'flies there and selects it')} · Esc
      </p>
    </div>
  )
}
