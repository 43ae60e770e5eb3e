/**
 * The machine commands for what is selected, each shown only where it makes sense and where the
 * level's palette allows it: limits, runtime and security for the chosen app; packages and direct
 * installs on a house or apartment; resize and migrate for an apartment; memory overcommit for a house.
 */
import { useOptimistic, useState, useTransition } from 'react'
import { MEM_OVERCOMMIT, RUNTIMES, RUNTIME_LABELS, formatMiB } from '../../sim'
import type { MigrationMode, Placement, Runtime, SecurityContext, Vm } from '../../sim'
import { useGame, useUi, useWorld } from '../../state'
import { allowed, send } from '../actions'
import { useWords } from '../useVocab'

interface Props {
  appId: string | null
  hostId: string | null
  vmId: string | null
  target: Placement | null
}

/** A whole number from a field, or null when the field is empty ("no limit"). */
export function parseLimit(text: string): number | null | 'bad' {
  const t = text.trim()
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 'bad'
}

function Limits({ appId }: { appId: string }) {
  const w = useWords()
  const app = useGame.getState().world.apps[appId]!
  const [cpu, setCpu] = useState(app.cpuLimitMilli === null ? '' : String(app.cpuLimitMilli))
  const [mem, setMem] = useState(app.memLimitMiB === null ? '' : String(app.memLimitMiB))
  const apply = () => {
    const c = parseLimit(cpu)
    const m = parseLimit(mem)
    if (c === 'bad' || m === 'bad') {
      useGame.setState({
        lastRejection: {
          ok: false,
          metaphor: 'Caps are whole numbers above zero, or empty for no cap.',
          technical: 'limits must be positive numbers, or empty for none',
        },
      })
      return
    }
    send({ type: 'setLimits', appId, cpuLimitMilli: c, memLimitMiB: m })
  }
  return (
    <form
      className="ma-group"
      aria-label={w(`Caps for ${app.name}'s rooms`, `Limits for ${app.name}`)}
      onSubmit={(e) => {
        e.preventDefault()
        apply()
      }}
    >
      <span className="ma-title">{w('Caps', 'Limits')}</span>
      <label>
        {w('Workers', 'CPU')} (m){' '}
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          placeholder={w('no cap', 'none')}
          data-testid="limit-cpu"
          value={cpu}
          onChange={(e) => setCpu(e.target.value)}
        />
      </label>
      <label>
        {w('Space', 'Memory')} (MiB){' '}
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          placeholder={w('no cap', 'none')}
          data-testid="limit-mem"
          value={mem}
          onChange={(e) => setMem(e.target.value)}
        />
      </label>
      <button
        type="submit"
        data-testid="action-setLimits"
        title={w(
          `Booked: ${app.cpuRequestMilli}m, ${app.memRequestMiB} MiB; a cap may not be below what is booked`,
          `Requests: ${app.cpuRequestMilli}m, ${app.memRequestMiB} MiB; a limit must be ≥ its request`,
        )}
      >
        {w('Set caps', 'Set limits')}
      </button>
      <small className="muted">
        {w(`booked ${app.cpuRequestMilli}m · ${app.memRequestMiB} MiB`, `requests ${app.cpuRequestMilli}m · ${app.memRequestMiB} MiB`)}
      </small>
    </form>
  )
}

const SECURITY: [keyof SecurityContext, string, string][] = [
  ['runAsNonRoot', 'Not the owner (non-root)', 'runAsNonRoot'],
  ['readOnlyRootFilesystem', 'Walls you cannot write on', 'readOnlyRootFilesystem'],
  ['dropAllCapabilities', 'No master keys', 'drop ALL capabilities'],
  ['privileged', 'Door to the plumbing open (privileged)', 'privileged'],
]

/**
 * One lock's checkbox: it shows the player's click at once, while the simulation (in its worker) applies it;
 * then the world's own value (a refusal puts the old one back, and says why).
 */
function LockBox({ appId, lock, on }: { appId: string; lock: keyof SecurityContext; on: boolean }) {
  const [shown, show] = useOptimistic(on)
  const [, start] = useTransition()
  return (
    <input
      type="checkbox"
      data-testid={`security-${lock}`}
      checked={shown}
      onChange={(e) => {
        const want = e.target.checked
        start(async () => {
          show(want)
          await useGame.getState().dispatchAsync({ type: 'setSecurity', appId, security: { [lock]: want } })
        })
      }}
    />
  )
}

function RuntimeAndSecurity({ appId }: { appId: string }) {
  const w = useWords()
  const vocab = useUi((s) => s.vocab)
  const app = useGame.getState().world.apps[appId]!
  return (
    <>
      {allowed('setRuntime') && (
        <label className="ma-group">
          <span className="ma-title">{w('Room walls', 'Runtime')}</span>
          <select
            data-testid="action-setRuntime"
            value={app.runtime}
            onChange={(e) => send({ type: 'setRuntime', appId, runtime: e.target.value as Runtime })}
          >
            {(Object.keys(RUNTIMES) as Runtime[]).map((r) => (
              <option key={r} value={r}>
                {RUNTIME_LABELS[r][vocab]} · +{RUNTIMES[r].overheadMiB} MiB
                {RUNTIMES[r].overheadCpuMilli ? ` +${RUNTIMES[r].overheadCpuMilli}m CPU` : ''} · {RUNTIMES[r].start.minMs}–
                {RUNTIMES[r].start.maxMs} ms{RUNTIMES[r].estimate ? ' (estimates)' : ''}
              </option>
            ))}
          </select>
          <small className="muted">{w('new rooms get it', 'applies to new pods')}</small>
        </label>
      )}
      {allowed('setSecurity') && (
        <fieldset className="ma-group" data-testid="action-setSecurity">
          <legend className="ma-title">{w('Locks', 'securityContext')}</legend>
          {SECURITY.map(([k, m, t]) => (
            <label key={k}>
              <LockBox appId={appId} lock={k} on={app.security[k]} /> {w(m, t)}
            </label>
          ))}
        </fieldset>
      )}
    </>
  )
}

function Install({ appId, target }: { appId: string | null; target: Placement }) {
  const w = useWords()
  const [pkgs, setPkgs] = useState('python@3.12')
  const world = useGame.getState().world
  const m = target.kind === 'host' ? world.hosts[target.hostId] : world.vms[target.vmId]
  const app = appId ? world.apps[appId] : undefined
  if (!m) return null
  const install = () => {
    const list = pkgs.split(/[\s,]+/).filter(Boolean)
    if (list.length === 0) return
    send({ type: 'installPackages', target, packages: list })
  }
  return (
    <div className="ma-group">
      <span className="ma-title">{w('Straight into the building', 'On the machine (no container)')}</span>
      {allowed('installPackages') && (
        <form
          className="ma-inline"
          onSubmit={(e) => {
            e.preventDefault()
            install()
          }}
        >
          <label>
            {w('Fittings', 'Packages')}{' '}
            <input
              type="text"
              data-testid="install-packages"
              value={pkgs}
              onChange={(e) => setPkgs(e.target.value)}
              aria-describedby="ma-pkgs-now"
            />
          </label>
          <button type="submit" data-testid="action-installPackages">
            {w('Fit', 'apt install')}
          </button>
        </form>
      )}
      <small className="muted" id="ma-pkgs-now">
        {w('has', 'installed')}: {m.packages.length ? m.packages.join(', ') : w('nothing', 'none')}
      </small>
      {allowed('installApp') && app && (
        <button
          type="button"
          data-testid="action-installApp"
          onClick={() => send({ type: 'installApp', appId: app.id, target })}
          title={w(`${app.name} needs: ${app.requires.join(', ') || 'nothing'}`, `requires: ${app.requires.join(', ') || 'none'}`)}
        >
          ⤓ {w(`Install ${app.name} here, no room`, `Install ${app.name} on the machine`)}
        </button>
      )}
    </div>
  )
}

function VmOps({ vmId }: { vmId: string }) {
  const w = useWords()
  const world = useGame.getState().world
  const vm = world.vms[vmId]!
  const [vcpus, setVcpus] = useState(vm.vcpus)
  const [gib, setGib] = useState(vm.memMiB / 1024)
  const others = Object.values(world.hosts).filter((h) => h.id !== vm.hostId && h.power === 'on')
  const [mode, setMode] = useState<MigrationMode>('precopy')
  const [to, setTo] = useState(others[0]?.id ?? '')
  const toId = others.some((h) => h.id === to) ? to : (others[0]?.id ?? '')
  return (
    <>
      {allowed('resizeVm') && (
        <form
          className="ma-group"
          aria-label={w('Resize the apartment', 'Resize the VM')}
          onSubmit={(e) => {
            e.preventDefault()
            send({ type: 'resizeVm', vmId, vcpus, memMiB: Math.round(gib * 1024) })
          }}
        >
          <span className="ma-title">{w('Resize', 'Resize')}</span>
          <label>
            {w('Workers', 'vCPUs')}{' '}
            <input
              type="number"
              min={1}
              max={64}
              data-testid="resize-vcpus"
              value={vcpus}
              onChange={(e) => setVcpus(Math.max(1, Math.round(Number(e.target.value) || 1)))}
            />
          </label>
          <label>
            {w('Space', 'RAM')} (GiB){' '}
            <input
              type="number"
              min={0.5}
              max={512}
              step={0.5}
              data-testid="resize-mem"
              value={gib}
              onChange={(e) => setGib(Math.max(0.5, Number(e.target.value) || 0.5))}
            />
          </label>
          <button type="submit" data-testid="action-resizeVm" title={w('It restarts to take the new size', 'Needs a reboot')}>
            {w('Resize (restarts it)', 'Resize (reboot)')}
          </button>
        </form>
      )}
      {allowed('migrateVm') && others.length > 0 && (
        <form
          className="ma-group"
          aria-label={w('Move the apartment', 'Live-migrate the VM')}
          onSubmit={(e) => {
            e.preventDefault()
            if (toId) send({ type: 'migrateVm', vmId, toHostId: toId, mode })
          }}
        >
          <span className="ma-title">{w('Move to', 'Migrate to')}</span>
          <label>
            <span className="visually-hidden">{w('Target house', 'Target host')}</span>
            <select data-testid="migrate-target" value={toId} onChange={(e) => setTo(e.target.value)}>
              {others.map((h) => (
                <option key={h.id} value={h.id}>
                  {w('house', 'host')} {h.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{w('How to move', 'Migration mode')}</span>
            <select data-testid="migrate-mode" value={mode} onChange={(e) => setMode(e.target.value as MigrationMode)}>
              <option value="precopy">{w('copy while lived in', 'pre-copy (QEMU default)')}</option>
              <option value="auto-converge">{w('…and slow the tenants down if needed', 'pre-copy + auto-converge')}</option>
              <option value="postcopy">{w('move first, fetch the rest', 'post-copy')}</option>
            </select>
          </label>
          <button type="submit" data-testid="action-migrateVm" disabled={!!vm.migration || vm.state !== 'running'}>
            {w('Move while lived in', 'Live migrate')}
          </button>
          {vm.migration?.phase === 'precopy' && allowed('cancelMigration') && (
            <button type="button" data-testid="action-cancelMigration" onClick={() => send({ type: 'cancelMigration', vmId })}>
              {w('Call off the move', 'Cancel migration')}
            </button>
          )}
          {vm.migration && (
            <p className="muted" data-testid="migration-status">
              {migrationText(vm.migration, w)}
            </p>
          )}
        </form>
      )}
    </>
  )
}

const RATIOS = [1, 1.25, 1.5, 2].filter((r) => r <= MEM_OVERCOMMIT.maxRatio)

function Overcommit({ hostId }: { hostId: string }) {
  const w = useWords()
  const host = useGame.getState().world.hosts[hostId]!
  return (
    <label className="ma-group">
      <span className="ma-title">{w('Promise space', 'Memory overcommit')}</span>
      <select
        data-testid="action-setMemOvercommit"
        value={host.memOvercommit}
        onChange={(e) => send({ type: 'setMemOvercommit', hostId, ratio: Number(e.target.value) })}
      >
        {RATIOS.map((r) => (
          <option key={r} value={r}>
            {r}× ({formatMiB(Math.round(host.memMiB * r))})
          </option>
        ))}
      </select>
      <small className="muted">{w('more than it has: the cellar (swap) if all is used', 'above 1: swap when guests touch it all')}</small>
    </label>
  )
}

export function MachineActions({ appId, hostId, vmId, target }: Props) {
  const world = useWorld()
  const w = useWords()
  const sel = useUi((s) => s.selection)
  // A level offers only a few of these, so they start unfolded there; the sandbox's many start folded.
  const inLevel = useGame((s) => !!s.level)
  const app = appId ? world.apps[appId] : undefined
  const onMachine = target && (sel?.kind === 'host' || sel?.kind === 'vm')
  const showApp = !!app && (allowed('setLimits') || allowed('setRuntime') || allowed('setSecurity'))
  const showInstall = !!onMachine && (allowed('installPackages') || allowed('installApp'))
  const showVm = sel?.kind === 'vm' && !!vmId && (allowed('resizeVm') || allowed('migrateVm'))
  const showHost = sel?.kind === 'host' && !!hostId && allowed('setMemOvercommit')
  if (!showApp && !showInstall && !showVm && !showHost) return null
  return (
    <details className="machine-actions" data-testid="machine-actions" open={inLevel || undefined}>
      <summary>
        <span aria-hidden="true">⚙ </span>
        {w('Machine settings', 'Machine settings')}
        {app && (
          <small className="muted">
            {' '}
            · {app.name}
            {sel && sel.kind !== 'app' && sel.kind !== 'manager' ? ` · ${w('selected', 'selection')}` : ''}
          </small>
        )}
      </summary>
      <div className="ma-body">
        {showApp && allowed('setLimits') && <Limits key={`${app!.id}:${app!.cpuLimitMilli}:${app!.memLimitMiB}`} appId={app!.id} />}
        {showApp && <RuntimeAndSecurity appId={app!.id} />}
        {showInstall && <Install appId={appId} target={target!} />}
        {showVm && <VmOps key={vmId} vmId={vmId!} />}
        {showHost && <Overcommit hostId={hostId!} />}
      </div>
    </details>
  )
}

/** Where a live migration stands, in both vocabularies (QEMU's pre-copy has no round cap: say when it cannot finish). */
function migrationText(m: NonNullable<Vm['migration']>, w: (metaphor: string, technical: string) => string): string {
  if (m.phase === 'stopcopy') return w(`Paused ${m.downtimeMs} ms for the switch.`, `Stop-and-copy: ${m.downtimeMs} ms downtime.`)
  if (m.phase === 'postcopy')
    return w(
      'Moved in; the last boxes are fetched as needed, so it runs slowly until they arrive (our estimate: half speed).',
      'Post-copy: running on the target, faulting missing pages over the link (speed: an estimate, 50 %).',
    )
  if (!m.converges)
    return w(
      'It is changed faster than the van can carry: this move never finishes. Call it off and move with "slow the tenants down" ' +
        'or "move first, fetch the rest".',
      'Not converging: dirty rate ≥ link bandwidth, and QEMU has no round cap (the 30-round / 3× RAM stop is Xen’s). Cancel, ' +
        'then use auto-converge or post-copy.',
    )
  if (m.throttlePercent > 0)
    return w(
      `Copying; the tenants are slowed to ${100 - m.throttlePercent} % so the move can finish.`,
      `Pre-copy, ${m.rounds} passes; auto-converge throttles the vCPUs ${m.throttlePercent} %.`,
    )
  return w(`Copying while lived in (${m.rounds} passes), then a short pause.`, `Pre-copy, ${m.rounds} passes, then stop-and-copy.`)
}
