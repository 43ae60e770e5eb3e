/** Classroom time: how much the Kubernetes delays are compressed. */
import { refuse, say } from '../messages'
import type { HandlerTable } from './handler'
import type { ClockCommand } from '../types'

export const clockHandlers = {
  setDelayScale(world, command) {
    if (!(command.scale > 0 && command.scale <= 1)) return refuse(say('clock.refused.delayscaleMustBeIn'))
    world.delayScale = command.scale
    return { ok: true }
  },
} satisfies HandlerTable<ClockCommand>
