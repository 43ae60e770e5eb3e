/** Dispatch from a manager control, with the level's palette check and the refusal shown as a toast. */
import { useGame, useUi } from '../../state'
import type { Command, CommandType, Result } from '../../sim'

/** Whether the level lets the player use this command (the sandbox allows all). */
export function allowed(type: CommandType): boolean {
  const level = useGame.getState().level
  return !level || level.palette.includes(type)
}

const showRefusal = (r: Result): void => {
  if (!r.ok) useUi.getState().notify('error', r[useUi.getState().vocab])
}

/** On a street in the simulation worker the answer here is provisional; the worker's refusal is shown when it comes. */
export function send(command: Command): Result {
  const game = useGame.getState()
  if (game.remote) {
    void game.dispatchAsync(command).then(showRefusal)
    return { ok: true }
  }
  const r = game.dispatch(command)
  showRefusal(r)
  return r
}
