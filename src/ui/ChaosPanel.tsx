/** Sandbox only: break things on purpose and watch what the building manager does about it. */
import { useGame } from '../state'
import { send } from './actions'
import { useWords } from './useVocab'

interface Props {
  hostId: string | null
  vmId: string | null
  roomId: string | null
  appId: string | null
}

export function ChaosPanel({ hostId, vmId, roomId, appId }: Props) {
  const w = useWords()
  const world = useGame.getState().world
  const host = hostId ? world.hosts[hostId] : undefined
  const vm = vmId ? world.vms[vmId] : undefined
  const app = appId ? world.apps[appId] : undefined
  const vmDown = vm && (vm.state === 'stopped' || vm.state === 'crashed')
  return (
    <details className="chaos" open>
      <summary>
        <span aria-hidden="true">⚡ </span>
        {w('Chaos: break things on purpose', 'Chaos: fault injection')}
      </summary>
      <div className="actions">
        <button type="button" data-testid="action-crashContainer" disabled={!roomId} onClick={() => roomId && send({ type: 'crashContainer', containerId: roomId })}>
          ✖ {w('Collapse room', 'Crash container')}
        </button>
        <button type="button" data-testid="action-crashVm" disabled={!vm} onClick={() => vm && send({ type: 'crashVm', vmId: vm.id })}>
          ☂ {w('Flood apartment', 'Crash VM')}
        </button>
        <button type="button" data-testid={vmDown ? 'action-startVm' : 'action-stopVm'} disabled={!vm} onClick={() => vm && send(vmDown ? { type: 'startVm', vmId: vm.id } : { type: 'stopVm', vmId: vm.id })}>
          {vmDown ? `▶ ${w('Reopen apartment', 'Start VM')}` : `■ ${w('Lock up apartment', 'Stop VM')}`}
        </button>
        {host?.power === 'on' || !host ? (
          <button type="button" data-testid="action-failHost" disabled={!host} onClick={() => host && send({ type: 'failHost', hostId: host.id })}>
            ⚡ {w('Burn house', 'Fail host')}
          </button>
        ) : (
          <button type="button" data-testid="action-repairHost" onClick={() => send({ type: 'repairHost', hostId: host.id })}>
            ⚒ {w('Rebuild house', 'Repair host')}
          </button>
        )}
        <button type="button" data-testid="action-addHost" onClick={() => send({ type: 'addHost', zone: 'abc'[Object.keys(world.hosts).length % 3], cores: 16, memMiB: 65536, costPerHour: 1.2 })}>
          ⌂ {w('Build house', 'Add host')}
        </button>
        {app && (
          <span className="stepper" role="group" aria-label={w(`Visitors to ${app.name}`, `Traffic to ${app.name}`)}>
            <button type="button" data-testid="action-traffic-down" aria-label={w('Fewer visitors', 'Less traffic')} onClick={() => send({ type: 'setTraffic', appId: app.id, rps: Math.max(0, Math.round(app.rps / 2)) })}>
              ÷2
            </button>
            <span className="count">
              {app.name}: <strong>{app.rps}</strong> {w('visitors/s', 'req/s')}
            </span>
            <button type="button" data-testid="action-traffic-up" aria-label={w('More visitors', 'More traffic')} onClick={() => send({ type: 'setTraffic', appId: app.id, rps: Math.max(10, app.rps * 2) })}>
              ×2
            </button>
          </span>
        )}
      </div>
    </details>
  )
}
