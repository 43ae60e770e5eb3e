/**
 * The read-only test handle. Only when the page URL carries `?test` does the game expose
 * window.__houseOfPods, so browser tests (and anyone measuring) can read the world and draw calls.
 */
import { useGame, workerFigures } from './game'
import { useUi } from './ui'

export interface RendererInfo {
  calls: number
  triangles: number
  geometries: number
  textures: number
  frames: number
}

let rendererInfo: RendererInfo | null = null
let firstFrameMs: number | null = null

/** The scene calls this once per frame with the renderer's counters. Cheap: it copies five numbers. */
export function reportRendererInfo(info: RendererInfo): void {
  rendererInfo = info
  if (firstFrameMs === null) firstFrameMs = performance.now()
}

export function testModeEnabled(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('test')
}

export function installTestHandle(): void {
  if (!testModeEnabled()) return
  const handle = Object.freeze({
    getState: () => useGame.getState(),
    getUi: () => useUi.getState(),
    rendererInfo: () => (rendererInfo ? { ...rendererInfo } : null),
    firstFrameMs: () => firstFrameMs,
    /** The simulation worker's own timings (build, settle, when its rooms reached the page), or null. */
    workerFigures: () => workerFigures(),
  })
  Object.defineProperty(window, '__houseOfPods', { value: handle, writable: false, configurable: false })
}
