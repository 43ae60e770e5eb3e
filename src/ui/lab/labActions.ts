/**
 * What the lab's buttons do, as commands through the game's dispatch (so a level's palette
 * applies). Each returns the game's reason when it refuses, or null.
 */
import { LAB_SETUP } from '../../sim'
import type { Command, LabSides, Result } from '../../sim'
import { useGame } from '../../state'

const say = (r: Result): string | null => (r.ok ? null : r.metaphor)
const send = (c: Command): string | null => say(useGame.getState().dispatch(c))

/** Run the lab inside a level: the level's own houses and apps, N apartments with a room each, N rooms. */
export function runInLevel(sides: LabSides, n: number): string | null {
  const { dispatch } = useGame.getState()
  for (let i = 0; i < n; i++) {
    const vm = dispatch({ type: 'addVm', hostId: sides.vmHostId, ...LAB_SETUP.vm } satisfies Command)
    if (!vm.ok) return say(vm)
    const why = send({ type: 'runContainer', appId: sides.vmAppId, target: { kind: 'vm', vmId: vm.id! } })
    if (why) return why
  }
  for (let i = 0; i < n; i++) {
    const why = send({ type: 'runContainer', appId: sides.roomAppId, target: { kind: 'host', hostId: sides.roomHostId } })
    if (why) return why
  }
  return null
}

/** One guest kernel panics: the apartment of the first running room on the VM side. */
export function crashOneVm(sides: LabSides): string | null {
  const room = Object.values(useGame.getState().world.containers).find(
    (c) => c.appId === sides.vmAppId && c.state === 'running' && c.placement?.kind === 'vm',
  )
  return room?.placement?.kind === 'vm' ? send({ type: 'crashVm', vmId: room.placement.vmId }) : 'No apartment with an open room to crash.'
}

/** The shared kernel is the house's own: it panics, and every room on it stops (the walls stand: no fire). */
export function crashSharedKernel(sides: LabSides): string | null {
  return send({ type: 'failHost', hostId: sides.roomHostId, kernelPanic: true })
}

/** An attacker gets into one open room of this app; the simulation decides how far they get. */
export function breachOne(appId: string): string | null {
  const room = Object.values(useGame.getState().world.containers).find((c) => c.appId === appId && c.state === 'running' && !c.breached)
  return room ? send({ type: 'breachContainer', containerId: room.id }) : 'No open room to break into.'
}
