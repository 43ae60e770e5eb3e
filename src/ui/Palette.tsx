/**
 * The actions this level allows (the sandbox allows all), acting on the chosen app and the
 * selection. Buttons for actions outside the palette are not shown.
 */
import { useGame, useUi, useWorld } from '../state'
import { allowed, chosenAppId, hostOf, removeContainer, runContainer, scale, send, targetOf, toggleManaged, vmOf } from './actions'
import { AddVmForm } from './AddVmForm'
import { ChaosPanel, hasChaos } from './ChaosPanel'
import { KitChoice } from './machines/KitChoice'
import { ManagerActions } from './manager/ManagerActions'
import { MachineActions } from './machines/MachineActions'
import { SaveSlots } from './machines/SaveSlots'
import { useHud } from './uiStore'
import { radioArrows } from './focus'
import { useWords } from './useVocab'
import { placementName } from '../sim'

function AppChooser({ current }: { current: string | null }) {
  const world = useWorld()
  const w = useWords()
  const apps = Object.values(world.apps)
  if (apps.length === 0) return null
  return (
    <div className="app-chooser" role="radiogroup" aria-label={w('Which business', 'Which app')} onKeyDown={radioArrows}>
      <span className="label">{w('Business:', 'App:')}</span>
      {apps.map((a) => (
        <button
          key={a.id}
          type="button"
          role="radio"
          aria-checked={a.id === current}
          tabIndex={a.id === current || (!current && a === apps[0]) ? 0 : -1}
          className={`chip${a.id === current ? ' chosen' : ''}`}
          data-testid={`app-${a.id}`}
          onClick={() => useHud.getState().chooseApp(a.id)}
        >
          {a.id === current ? '◉ ' : '○ '}
          {a.name}
          {a.managed && (
            <span className="tag" title={w('looked after by the building manager', 'managed by a Deployment')}>
              {' '}
              ⚙
            </span>
          )}
        </button>
      ))}
      {current && (
        <button
          type="button"
          className="chip"
          data-testid="inspect-app"
          onClick={() => useUi.getState().select({ kind: 'app', id: current })}
        >
          {w('Inspect & charts', 'Describe & charts')}
        </button>
      )}
    </div>
  )
}

export function Palette() {
  const world = useWorld()
  const selection = useUi((s) => s.selection)
  useHud((s) => s.appId)
  useHud((s) => s.panel)
  const w = useWords()
  const appId = chosenAppId(world)
  const app = appId ? world.apps[appId] : undefined
  const target = targetOf(world, selection)
  const where = target ? placementName(world, target) : null
  const vmId = vmOf(world, selection)
  const selectedVm = selection?.kind === 'vm' ? world.vms[selection.id] : undefined
  const selectedRoom = selection?.kind === 'container' ? world.containers[selection.id] : undefined
  const hostId = hostOf(world, selection)

  return (
    <section className="panel palette" aria-label={w('Building tools', 'Actions')} data-testid="palette">
      <AppChooser current={appId} />
      <div className="actions">
        {allowed('runContainer') && (
          <button
            type="button"
            className="primary"
            data-testid="action-runContainer"
            aria-keyshortcuts="R"
            onClick={runContainer}
            title={
              where
                ? `${w('Give', 'Run')} ${app?.name ?? ''} ${w('a room in', 'a container on')} ${where[useUi.getState().vocab]}`
                : w('Select a house or apartment first', 'Select a host or VM first')
            }
          >
            ✚ {w('Give a room', 'Run container')}
            <small>
              {app
                ? `${app.name} → ${where ? where[useUi.getState().vocab] : w('select a house or apartment', 'select a host or VM')}`
                : ''}
            </small>
          </button>
        )}
        {allowed('removeContainer') && (
          <button
            type="button"
            data-testid="action-removeContainer"
            aria-keyshortcuts="Delete"
            disabled={!selectedRoom}
            onClick={removeContainer}
          >
            ✕ {w('Remove room', 'Remove container')}
          </button>
        )}
        {allowed('addVm') && (
          <button
            type="button"
            data-testid="action-addVm"
            aria-expanded={useHud.getState().panel === 'addVm'}
            disabled={!hostId}
            title={hostId ? '' : w('Select a house first', 'Select a host first')}
            onClick={() => useHud.getState().toggle('addVm')}
          >
            ▦ {w('Build apartment', 'Create VM')}…
          </button>
        )}
        {allowed('deleteVm') && (
          <button
            type="button"
            data-testid="action-deleteVm"
            disabled={!selectedVm}
            onClick={() => selectedVm && send({ type: 'deleteVm', vmId: selectedVm.id }).ok && useUi.getState().select(null)}
          >
            ✖ {w('Demolish apartment', 'Delete VM')}
          </button>
        )}
        {allowed('buildImage') && (
          <button
            type="button"
            data-testid="btn-workshop"
            aria-pressed={useHud.getState().panel === 'workshop'}
            aria-keyshortcuts="W"
            onClick={() => useHud.getState().toggle('workshop')}
          >
            ⚒ {w('Kit workshop', 'Build image')}
          </button>
        )}
        {allowed('setManaged') && app && (
          <button type="button" data-testid="action-setManaged" aria-pressed={app.managed} aria-keyshortcuts="M" onClick={toggleManaged}>
            ⚙ {app.managed ? w('Dismiss manager', 'Delete Deployment') : w('Hire manager', 'Create Deployment')}
            <small>
              {w('for', 'for')} {app.name}
            </small>
          </button>
        )}
        {allowed('setReplicas') && app && (
          <span
            className="stepper"
            role="group"
            aria-label={w(`Rooms on the manager's clipboard for ${app.name}`, `Replicas of ${app.name}`)}
          >
            <button
              type="button"
              data-testid="action-scale-down"
              aria-keyshortcuts="-"
              aria-label={w('One room fewer', 'Scale down by one')}
              onClick={() => scale(-1)}
            >
              −
            </button>
            <span className="count" data-testid="replicas">
              {w('clipboard', 'replicas')}: <strong>{app.replicas}</strong>
              {!app.managed && <small> ({w('no manager yet', 'no Deployment')})</small>}
            </span>
            <button
              type="button"
              data-testid="action-scale-up"
              aria-keyshortcuts="+"
              aria-label={w('One room more', 'Scale up by one')}
              onClick={() => scale(1)}
            >
              +
            </button>
          </span>
        )}
      </div>
      {useHud.getState().panel === 'addVm' && hostId && allowed('addVm') && <AddVmForm hostId={hostId} />}
      <MachineActions appId={appId} hostId={hostId} vmId={vmId} target={target} />
      {hasChaos() && <ChaosPanel hostId={hostId} vmId={vmId} roomId={selectedRoom?.id ?? null} appId={appId} />}
      <KitChoice appId={appId} />
      <ManagerActions appId={appId} />
      <SaveSlots />
    </section>
  )
}
