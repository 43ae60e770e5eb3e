/** Dispatch from a manager control, with the level's palette check; a refusal shows in the HUD's rejection box. */
import { useGame } from '../../state'
import type { Command, CommandType, Result } from '../../sim'

/** Whether the level lets the player use this command (the sandbox allows all). */
export function allowed(type: CommandType): boolean {
  const level = useGame.getState().level
  return !level || level.palette.includes(type)
}

/**
 * The refusal is the game's lastRejection (set by dispatch on the page, and by the worker's answer for a street there), which
 * the HUD's rejection box says once, in the current language and vocabulary: no second toast here.
 */
export function send(command: Command): Result {
  const game = useGame.getState()
  if (game.remote) {
    void game.dispatchAsync(command)
    return { ok: true }
  }
  return game.dispatch(command)
}
