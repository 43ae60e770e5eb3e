/**
 * What the lab's buttons do, as commands through the game's dispatch (so a level's palette
 * applies). Each answers, once the simulation (in its worker) has applied it, with the game's reason
 * when it refuses, or null.
 */
import { LAB_SETUP } from '../../sim'
import type { Command, LabSides, Result } from '../../sim'
import { useGame, useSettings } from '../../state'
import { resultText } from '../i18n/t'
import { phrasesIn } from '../i18n/phrases'
import { LAB_EN } from './labText'

/** A refusal in house words, in the language the player reads now (the catalogue's message; English until the pack arrives). */
const say = (r: Result): string | null => (r.ok ? null : resultText(r, 'metaphor', useSettings.getState().lang))
const words = () => phrasesIn(useSettings.getState().lang, 'lab', LAB_EN)
const send = async (c: Command): Promise<string | null> => say(await useGame.getState().dispatchAsync(c))

/** Run the lab inside a level: the level's own houses and apps, N apartments with a room each, N rooms. */
export async function runInLevel(sides: LabSides, n: number): Promise<string | null> {
  const { dispatchAsync } = useGame.getState()
  for (let i = 0; i < n; i++) {
    // The apartment's id is in the world's answer: its room goes in once it is built.
    const vm = await dispatchAsync({ type: 'addVm', hostId: sides.vmHostId, ...LAB_SETUP.vm } satisfies Command)
    if (!vm.ok) return say(vm)
    const why = await send({ type: 'runContainer', appId: sides.vmAppId, target: { kind: 'vm', vmId: vm.id! } })
    if (why) return why
  }
  for (let i = 0; i < n; i++) {
    const why = await send({ type: 'runContainer', appId: sides.roomAppId, target: { kind: 'host', hostId: sides.roomHostId } })
    if (why) return why
  }
  return null
}

/** One guest kernel panics: the apartment of the first running room on the VM side. */
export async function crashOneVm(sides: LabSides): Promise<string | null> {
  const room = Object.values(useGame.getState().world.containers).find(
    (c) => c.appId === sides.vmAppId && c.state === 'running' && c.placement?.kind === 'vm',
  )
  return room?.placement?.kind === 'vm' ? send({ type: 'crashVm', vmId: room.placement.vmId }) : words().noVmToCrash
}

/** The shared kernel is the house's own: it panics, and every room on it stops (the walls stand: no fire). */
export async function crashSharedKernel(sides: LabSides): Promise<string | null> {
  return send({ type: 'failHost', hostId: sides.roomHostId, kernelPanic: true })
}

/** An attacker gets into one open room of this app; the simulation decides how far they get. */
export async function breachOne(appId: string): Promise<string | null> {
  const room = Object.values(useGame.getState().world.containers).find((c) => c.appId === appId && c.state === 'running' && !c.breached)
  return room ? send({ type: 'breachContainer', containerId: room.id }) : words().noRoomToBreach
}
