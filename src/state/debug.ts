/**
 * The read-only test handle. Only when the page URL carries `?test` does the game expose
 * window.__houseOfPods, so browser tests (and anyone measuring) can read the world and draw calls.
 */
import { useGame, workerAnswered, workerFigures } from './game'
import { useUi } from './ui'

export interface RendererInfo {
  calls: number
  triangles: number
  geometries: number
  textures: number
  frames: number
}

/** Where a house, apartment or room's box lands on the screen (CSS pixels), as the camera sees it now. */
export interface ScreenBox {
  left: number
  right: number
  top: number
  bottom: number
  /** Some corner is behind the camera. */
  behind: boolean
}
type Projector = (kind: 'host' | 'vm' | 'container', id: string) => ScreenBox | null
let projector: Projector | null = null

/** The scene registers how to project a thing's box to the screen (read by browser tests). */
export function registerProjector(p: Projector | null): void {
  projector = p
}

let rendererInfo: RendererInfo | null = null
let firstFrameMs: number | null = null
export interface SceneProbe {
  /** Instances drawn per named mesh ("crates": 5, "delivery-vans": 1, "front-walls:cut": 2 …). */
  counts: () => Record<string, number>
  /** Where instance `i` of the named instanced mesh stands (world units), or null when it is not drawn. */
  instance: (name: string, i: number) => [number, number, number] | null
  /** Where a house (the peak of its back wall), an apartment or a room (its middle) shows in the window (CSS pixels), or null. */
  project: (kind: 'host' | 'vm' | 'container', id: string) => { x: number; y: number } | null
  /** What the camera looks at and from how far. */
  view: () => { target: [number, number, number]; distance: number } | null
  /**
   * The placed rooms the camera cannot see at all: each of their sample points (the top's middle, the top's front
   * edge, the front's middle) behind an apartment floor, the hypervisor's frame or a front wall that stands (not cut
   * away), or off screen. Other rooms in front of a room do not count (a row hides the one behind it from low down).
   */
  hiddenRooms: () => { rooms: number; hidden: string[] }
}
let sceneProbe: SceneProbe | null = null

/** The scene registers how to read what it draws, for browser tests. */
export function reportSceneProbe(probe: SceneProbe | null): void {
  sceneProbe = probe
}

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
    /**
     * Every command the page sent the simulation worker has been answered, its effect in the world (true on the
     * page): a test that changed the world through the HUD waits for this before it reads the effect.
     */
    workerAnswered: () => workerAnswered(),
    screenBox: (kind: 'host' | 'vm' | 'container', id: string) => projector?.(kind, id) ?? null,
    sceneCounts: () => (sceneProbe ? sceneProbe.counts() : null),
    sceneInstance: (name: string, i: number) => (sceneProbe ? sceneProbe.instance(name, i) : null),
    project: (kind: 'host' | 'vm' | 'container', id: string) => (sceneProbe ? sceneProbe.project(kind, id) : null),
    view: () => (sceneProbe ? sceneProbe.view() : null),
    hiddenRooms: () => (sceneProbe ? sceneProbe.hiddenRooms() : null),
  })
  Object.defineProperty(window, '__houseOfPods', { value: handle, writable: false, configurable: false })
}
