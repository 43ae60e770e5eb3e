/** Sandbox save slots: keep a street in the browser and bring it back later (src/state/saves.ts). */
import { useMemo, useState } from 'react'
import { formatTime } from '../../sim'
import { useGame } from '../../state'
import { SAVE_SLOTS, browserStorage, listSlots, loadSlot, writeSlot } from '../../state/saves'
import type { SlotId } from '../../state/saves'
import { useWords } from '../useVocab'

export function SaveSlots() {
  const w = useWords()
  const mode = useGame((s) => s.mode)
  const [label, setLabel] = useState('My street')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  // Reading a slot checks it fully (a test step on a copy), so slots are read when the panel opens
  // and after each save or load, not on every re-render of the palette (ten a second while playing).
  const [open, setOpen] = useState(false)
  const [tick, setTick] = useState(0)
  const store = browserStorage()
  const slots = useMemo(() => (open ? listSlots(store) : []), [open, tick, store])
  if (mode !== 'sandbox') return null

  const save = (slot: SlotId) => {
    const r = writeSlot(store, slot, useGame.getState().world, label.trim() || `Slot ${slot}`, Date.now())
    setStatus(
      r.ok
        ? { ok: true, text: w(`Street kept in slot ${slot}.`, `Saved to slot ${slot}.`) }
        : { ok: false, text: `Slot ${slot} was not saved: ${r.problem}.` },
    )
    setTick((t) => t + 1)
  }
  const load = (slot: SlotId) => {
    const r = loadSlot(store, slot)
    if (!r.ok) {
      setStatus({ ok: false, text: `Slot ${slot} cannot be loaded: ${r.problem}. The slot is left as it is; the other slots are fine.` })
      return
    }
    // A new run on the page (a street that ran in the simulation worker stops; its mirror is not kept).
    useGame.getState().loadWorld(r.world)
    setStatus({ ok: true, text: w(`Street "${r.info.label}" is back (paused).`, `Loaded "${r.info.label}" (paused).`) })
    setTick((t) => t + 1)
  }

  return (
    <details className="saves" data-testid="saves" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span aria-hidden="true">▣ </span>
        {w('Keep this street', 'Save slots')}
      </summary>
      <label className="ws-field">
        {w('Name', 'Label')}{' '}
        <input type="text" data-testid="save-label" maxLength={60} value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <ul className="save-slots">
        {slots.map((s) => (
          <li key={s.slot} data-testid={`slot-${s.slot}`} data-state={s.state}>
            <strong>
              {w('Slot', 'Slot')} {s.slot}:
            </strong>{' '}
            {s.state === 'empty' && <span className="muted">{w('empty', 'empty')}</span>}
            {s.state === 'saved' && (
              <span>
                “{s.info.label}” · {w('street time', 'world time')} {formatTime(s.info.worldTimeMs)} · {s.info.houses}{' '}
                {w('houses', 'hosts')}, {s.info.rooms} {w('rooms', 'containers')} ·{' '}
                <span className="muted">{new Date(s.info.savedAtMs).toLocaleString()}</span>
              </span>
            )}
            {s.state === 'damaged' && (
              <span className="ws-warn">
                ⚠ {w('damaged', 'damaged')}: {s.problem}
              </span>
            )}{' '}
            <button type="button" data-testid={`save-slot-${s.slot}`} onClick={() => save(s.slot)}>
              {s.state === 'saved' ? w('Keep here instead', 'Overwrite') : w('Keep here', 'Save')}
            </button>
            <button type="button" data-testid={`load-slot-${s.slot}`} disabled={s.state === 'empty'} onClick={() => load(s.slot)}>
              {w('Bring back', 'Load')}
            </button>
          </li>
        ))}
      </ul>
      {status && (
        <p role="status" className={status.ok ? 'muted' : 'ws-warn'} data-testid="saves-status">
          {status.text}
        </p>
      )}
    </details>
  )
}
