/** Break things on purpose (the sandbox, or a level that allows it) and watch what the manager does. */
import { useGame, useUi } from '../state'
import type { World } from '../sim'
import { allowed, send } from './actions'
import { useWords } from './useVocab'
import { containerList } from '../sim/containerIndex'

const CHAOS = [
  'crashContainer',
  'crashVm',
  'stopVm',
  'startVm',
  'failHost',
  'failZone',
  'repairHost',
  'addHost',
  'setTraffic',
  'leakMemory',
  'hogCpu',
  'breachContainer',
  'hangContainer',
] as const

/** A leak fast enough to see within a minute of play: 50 MiB a second fills a 512 MiB room in ~10 s. */
const LEAK_MIB_PER_S = 50

/**
 * The room to hang: the selected one if it is open and not stuck yet, else a random open one of
 * the chosen app (else of any app). `rand` is injected (the UI passes Math.random: the pick is the
 * player's chaos, not the simulation's, so it needs no seed); null when no room is open.
 */
export function pickHangTarget(world: World, roomId: string | null, appId: string | null, rand: () => number): string | null {
  const ok = (id: string) => world.containers[id]?.state === 'running' && !world.containers[id]!.hung
  if (roomId && ok(roomId)) return roomId
  const open = Object.keys(world.containers).filter(ok).sort()
  const mine = appId ? open.filter((id) => world.containers[id]!.appId === appId) : []
  const pool = mine.length > 0 ? mine : open
  if (pool.length === 0) return null
  return pool[Math.min(pool.length - 1, Math.floor(rand() * pool.length))]!
}

/** Whether any room is open and not stuck (stops at the first: cheap on a 150,000-room street). */
function anyOpenRoom(world: World): boolean {
  // The room list, not `for…in` over the record: at 150,000 rooms enumerating the keys costs ~75 ms a render.
  return containerList(world).some((c) => c.state === 'running' && !c.hung)
}

/** Whether any chaos action is allowed here. */
export function hasChaos(): boolean {
  return CHAOS.some((t) => allowed(t))
}

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
  const room = roomId ? world.containers[roomId] : undefined
  const roomOpen = room?.state === 'running'
  const vmDown = !!vm && (vm.state === 'stopped' || vm.state === 'crashed')
  const hostDown = !!host && host.power !== 'on'
  return (
    <details className="chaos" open>
      <summary>
        <span aria-hidden="true">⚡ </span>
        {w('Chaos: break things on purpose', 'Chaos: fault injection')}
      </summary>
      <div className="actions">
        {allowed('crashContainer') && (
          <button
            type="button"
            data-testid="action-crashContainer"
            disabled={!roomId}
            onClick={() => roomId && send({ type: 'crashContainer', containerId: roomId })}
          >
            ✖ {w('Collapse room', 'Crash container')}
          </button>
        )}
        {allowed('leakMemory') && (
          <button
            type="button"
            data-testid="chaos-leakMemory"
            aria-pressed={!!room && room.leakMiBPerS > 0}
            disabled={!room}
            title={room ? '' : w('Select a room first', 'Select a container first')}
            onClick={() => room && send({ type: 'leakMemory', containerId: room.id, mibPerS: room.leakMiBPerS > 0 ? 0 : LEAK_MIB_PER_S })}
          >
            <span aria-hidden="true">⛁ </span>
            {room && room.leakMiBPerS > 0
              ? w('Stop the hoarding', 'Stop memory leak')
              : w(`Hoard space (${LEAK_MIB_PER_S} MiB/s)`, `Memory leak (${LEAK_MIB_PER_S} MiB/s)`)}
          </button>
        )}
        {allowed('hogCpu') && (
          <button
            type="button"
            data-testid="chaos-hogCpu"
            aria-pressed={!!room?.cpuHog}
            disabled={!room}
            title={room ? '' : w('Select a room first', 'Select a container first')}
            onClick={() => room && send({ type: 'hogCpu', containerId: room.id, on: !room.cpuHog })}
          >
            <span aria-hidden="true">♨ </span>
            {room?.cpuHog
              ? w('Switch off the runaway machine', 'Stop CPU hog')
              : w('Runaway machine (noisy neighbour)', 'CPU hog (noisy neighbour)')}
          </button>
        )}
        {allowed('breachContainer') && (
          <button
            type="button"
            data-testid="chaos-breachContainer"
            disabled={!roomOpen || !!room?.breached}
            title={roomOpen ? '' : w('Select an open room first', 'Select a running container first')}
            onClick={() => room && send({ type: 'breachContainer', containerId: room.id })}
          >
            <span aria-hidden="true">☠ </span>
            {w('Send in a burglar', 'Breach container')}
          </button>
        )}
        {allowed('hangContainer') && (
          <button
            type="button"
            data-testid="chaos-hangContainer"
            aria-pressed={!!room?.hung}
            disabled={!room?.hung && !anyOpenRoom(world)}
            title={w('Selected room, else a random open room', 'Selected container, else a random running one')}
            onClick={() => {
              if (room?.hung) {
                send({ type: 'hangContainer', containerId: room.id, hung: false })
                return
              }
              const id = pickHangTarget(world, roomId, appId, Math.random)
              // Show the player which room got stuck: its inspector says so.
              if (id && send({ type: 'hangContainer', containerId: id, hung: true }).ok && id !== roomId)
                useUi.getState().select({ kind: 'container', id })
            }}
          >
            <span aria-hidden="true">⊘ </span>
            {room?.hung
              ? w('Unstick the room', 'Unhang container')
              : w(
                  room && room.state === 'running' ? 'Hang this room' : 'Hang a room',
                  room && room.state === 'running' ? 'Hang this container' : 'Hang a container',
                )}
          </button>
        )}
        {allowed('crashVm') && (
          <button type="button" data-testid="action-crashVm" disabled={!vm} onClick={() => vm && send({ type: 'crashVm', vmId: vm.id })}>
            ☂ {w('Flood apartment', 'Crash VM')}
          </button>
        )}
        {vmDown
          ? allowed('startVm') && (
              <button type="button" data-testid="action-startVm" onClick={() => vm && send({ type: 'startVm', vmId: vm.id })}>
                ▶ {w('Reopen apartment', 'Start VM')}
              </button>
            )
          : allowed('stopVm') && (
              <button type="button" data-testid="action-stopVm" disabled={!vm} onClick={() => vm && send({ type: 'stopVm', vmId: vm.id })}>
                ■ {w('Lock up apartment', 'Stop VM')}
              </button>
            )}
        {hostDown
          ? allowed('repairHost') && (
              <button type="button" data-testid="action-repairHost" onClick={() => host && send({ type: 'repairHost', hostId: host.id })}>
                ⚒ {w('Rebuild house', 'Repair host')}
              </button>
            )
          : allowed('failHost') && (
              <button
                type="button"
                data-testid="action-failHost"
                disabled={!host}
                onClick={() => host && send({ type: 'failHost', hostId: host.id })}
              >
                ⚡ {w('Burn house', 'Fail host')}
              </button>
            )}
        {allowed('failZone') && host && !hostDown && (
          <button type="button" data-testid="action-failZone" onClick={() => send({ type: 'failZone', zone: host.zone })}>
            ⚡ {w(`Burn zone ${host.zone} (every house in it)`, `Fail zone ${host.zone} (all its hosts)`)}
          </button>
        )}
        {allowed('addHost') && (
          <button
            type="button"
            data-testid="action-addHost"
            onClick={() =>
              send({ type: 'addHost', zone: 'abc'[Object.keys(world.hosts).length % 3], cores: 16, memMiB: 65536, costPerHour: 1.2 })
            }
          >
            ⌂ {w('Build house', 'Add host')}
          </button>
        )}
        {allowed('setTraffic') && app && (
          <span className="stepper" role="group" aria-label={w(`Visitors to ${app.name}`, `Traffic to ${app.name}`)}>
            <button
              type="button"
              data-testid="action-traffic-down"
              aria-label={w('Halve the visitors', 'Halve the traffic')}
              onClick={() => send({ type: 'setTraffic', appId: app.id, rps: Math.floor(app.rps / 2) })}
            >
              ÷2
            </button>
            <span className="count">
              {app.name}: <strong>{app.rps}</strong> {w('visitors/s', 'req/s')}
            </span>
            <button
              type="button"
              data-testid="action-traffic-up"
              aria-label={w('Double the visitors', 'Double the traffic')}
              onClick={() => send({ type: 'setTraffic', appId: app.id, rps: Math.max(10, app.rps * 2) })}
            >
              ×2
            </button>
          </span>
        )}
      </div>
    </details>
  )
}
