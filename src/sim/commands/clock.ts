/** Classroom time: how much the Kubernetes delays are compressed. */
import { fail } from '../result'
import type { HandlerTable } from './handler'
import type { ClockCommand } from '../types'

export const clockHandlers = {
  setDelayScale(world, command) {
    if (!(command.scale > 0 && command.scale <= 1))
      return fail('Classroom time must be between 0 and 1 × real time.', 'delayScale must be in (0, 1]')
    world.delayScale = command.scale
    return { ok: true }
  },
} satisfies HandlerTable<ClockCommand>
