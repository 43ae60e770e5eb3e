/**
 * A page's bridge wired straight to the worker's message handler (simHost), each message a structured clone
 * delivered asynchronously as postMessage does, for the tests of the bridge and what the page keeps from it.
 */
import { expect } from 'vitest'
import type { World } from '../../src/sim'
import type { FromWorker, ToWorker } from '../../src/sim/mirror'
import { SimBridge } from '../../src/state/simBridge'
import type { WorkerLike } from '../../src/state/simBridge'
import { simHost } from '../../src/worker/simHost'

export function wired(onChanged: (w: World, kind: string) => void = () => {}): SimBridge {
  const make = (): WorkerLike => {
    const page: WorkerLike = {
      onmessage: null,
      postMessage: (m: ToWorker) => setTimeout(() => receive(structuredClone(m)), 0),
      terminate: () => {},
    }
    const receive = simHost((m: FromWorker) =>
      setTimeout(() => page.onmessage?.({ data: structuredClone(m) } as MessageEvent<FromWorker>), 0),
    )
    return page
  }
  return new SimBridge({ changed: onChanged }, make)
}

/** Wait (up to ~10 s of 5 ms turns) for the bridge to get there, and fail the test if it never does. */
export const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 2000 && !what(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(what()).toBe(true)
}
