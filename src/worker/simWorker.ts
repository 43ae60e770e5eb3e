/// <reference lib="webworker" />
/**
 * The simulation in a Web Worker: src/worker/simHost.ts answers the page's messages; this file only
 * wires it to the worker's global scope. The page keeps a read-only mirror (src/state/simBridge.ts).
 */
import type { ToWorker } from '../sim/mirror'
import { simHost } from './simHost'

declare const self: DedicatedWorkerGlobalScope

const receive = simHost((m) => self.postMessage(m))
self.onmessage = (e: MessageEvent<ToWorker>) => receive(e.data)
