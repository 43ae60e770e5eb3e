/** Dispatch from a manager control, with the level's palette check and the refusal shown as a toast. */
import { useGame, useUi } from '../../state'
import type { Command, CommandType, Result } from '../../sim'

/** Whether the level lets the player use this command (the sandbox allows all). */
export function allowed(type: CommandType): boolean {
  const level = useGame.getState().level
  return !level || level.palette.includes(type)
}

export function send(command: Command): Result {
  const r = useGame.getState().dispatch(command)
  const vocab = useUi.getState().vocab
  if (!r.ok) useUi.getState().notify('error', r[vocab])
  return r
}
