/** The shape of a command family: one small handler per command type, checked by the compiler. */
import type { Result } from '../result'
import type { World } from '../types'

/** A table with exactly one handler for each command of the union C: a missing or extra one does not compile. */
export type HandlerTable<C extends { type: string }> = { [T in C['type']]: (world: World, command: Extract<C, { type: T }>) => Result }
