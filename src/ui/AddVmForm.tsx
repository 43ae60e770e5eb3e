/** Build an apartment (create a VM): pick its OS and size, see what its own OS and the frame cost first. */
import { useState } from 'react'
import { GUEST_OS, HYPERVISOR_OVERHEAD_SOURCE, formatMiB, hypervisorOverheadMiB } from '../sim'
import type { GuestOs } from '../sim'
import { useGame } from '../state'
import { send } from './actions'
import { useHud } from './uiStore'
import { useWords } from './useVocab'

const DEFAULT_GIB: Record<GuestOs, number> = { linux: 2, windows: 4 }

/** The apartment is usually built for the business picked in the palette: start with the OS its kit needs. */
function osOfChosenApp(): GuestOs {
  const { world } = useGame.getState()
  const appId = useHud.getState().appId ?? Object.keys(world.apps)[0]
  const app = appId ? world.apps[appId] : undefined
  return (app && world.images[app.imageId]?.os) || 'linux'
}

export function AddVmForm({ hostId }: { hostId: string }) {
  const w = useWords()
  const [first] = useState(osOfChosenApp)
  const [os, setOs] = useState<GuestOs>(first)
  const [vcpus, setVcpus] = useState(2)
  const [gib, setGib] = useState(DEFAULT_GIB[first])
  const host = useGame.getState().world.hosts[hostId]
  const memMiB = Math.round(gib * 1024)
  const guest = GUEST_OS[os]
  const overhead = hypervisorOverheadMiB(memMiB, vcpus)
  const confirm = () => {
    if (send({ type: 'addVm', hostId, os, vcpus, memMiB }).ok) useHud.getState().open(null)
  }
  return (
    <form
      className="addvm"
      aria-label={w('Build an apartment', 'Create a virtual machine')}
      data-testid="addvm-form"
      onSubmit={(e) => {
        e.preventDefault()
        confirm()
      }}
    >
      <h3>
        {w('New apartment in house', 'New VM on host')} {host?.name}
      </h3>
      <div className="row">
        <label>
          OS{' '}
          <select
            data-testid="addvm-os"
            value={os}
            onChange={(e) => {
              const v = e.target.value as GuestOs
              setOs(v)
              setGib(DEFAULT_GIB[v])
            }}
          >
            <option value="linux">Linux</option>
            <option value="windows">Windows Server</option>
          </select>
        </label>
        <label>
          {w('Workers', 'vCPUs')}{' '}
          <input
            data-testid="addvm-vcpus"
            type="number"
            min={1}
            max={64}
            step={1}
            value={vcpus}
            onChange={(e) => setVcpus(Math.max(1, Math.round(Number(e.target.value) || 1)))}
          />
        </label>
        <label>
          {w('Space', 'RAM')} (GiB){' '}
          <input
            data-testid="addvm-mem"
            type="number"
            min={0.5}
            max={512}
            step={0.5}
            value={gib}
            onChange={(e) => setGib(Math.max(0.5, Number(e.target.value) || 0.5))}
          />
        </label>
      </div>
      <ul className="costs" data-testid="addvm-costs">
        <li>
          {w(`Its own ${guest.label} takes`, `Guest OS (${guest.label}) footprint:`)} <strong>{formatMiB(guest.memMiB)}</strong>{' '}
          {w(`of its ${formatMiB(memMiB)}, leaving`, `of ${formatMiB(memMiB)}; allocatable`)}{' '}
          <strong>{formatMiB(Math.max(0, memMiB - guest.memMiB))}</strong> {w('for rooms', 'for containers')}.
        </li>
        <li>
          {w('Moving in (boot) takes', 'Boot time:')}{' '}
          <strong>
            {guest.boot.minMs / 1000}–{guest.boot.maxMs / 1000} s
          </strong>
          . <small className="source">{guest.boot.source}</small>
        </li>
        <li>
          {w('The house frame needs', 'Hypervisor overhead:')} <strong>{formatMiB(overhead)}</strong>{' '}
          {w('more from the house', 'more on the host')}: {w('the house gives', 'host total')}{' '}
          <strong>{formatMiB(memMiB + overhead)}</strong>. <small className="source">{HYPERVISOR_OVERHEAD_SOURCE}</small>
        </li>
      </ul>
      <div className="row">
        <button type="submit" className="primary" data-testid="addvm-confirm">
          {w('Build it', 'Create VM')}
        </button>
        <button type="button" onClick={() => useHud.getState().open(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
