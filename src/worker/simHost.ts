/**
 * The simulation worker's side of the conversation with the page (src/state/simBridge.ts), as a plain
 * function of the messages it receives and a `post` to answer with: src/worker/simWorker.ts wires it to
 * the worker's global scope, and a unit test wires it straight to a bridge. It owns the world of a
 * big street, steps it as the page's clock asks, applies the player's commands and answers each with
 * its Result and what changed (src/sim/mirror.ts), so the page's main thread never waits on a step.
 */
import { apply, buildScaleWorld, SCALE_SIZES, settle, step, STEP_MS } from '../sim'
import type { World } from '../sim'
import { updateProgress } from '../levels'
import type { Level, LevelProgress } from '../levels'
import { ALL_ROOMS, newTracker, packRooms, takeDelta } from '../sim/mirror'
import type { FromWorker, ToWorker, WorldDelta } from '../sim/mirror'

/** Rooms per slice message: the page unpacks one in a short task (~10 ms for 2,500 on an idle machine here). */
const ROOMS_PER_MESSAGE = 2500

export function simHost(post: (m: FromWorker) => void): (m: ToWorker) => void {
  let world: World | null = null
  let run = -1
  let tracker = newTracker()
  let watched = new Set<string>()
  let carryMs = 0
  /** A small world: every delta exact (the page's mirror is this world). */
  let exact = false
  /** The level being played, and the player's progress, checked after every step as the page would. */
  let level: Level | null = null
  let progress: LevelProgress | null = null

  /** What changed since the last message; a big set of rooms goes ahead as JSON text, in several messages. */
  function changes(): WorldDelta {
    const delta = takeDelta(world!, tracker, exact ? ALL_ROOMS : watched)
    const put = delta.containers.put
    if (!exact && put.length > ROOMS_PER_MESSAGE) {
      for (let i = 0; i < put.length; i += ROOMS_PER_MESSAGE)
        post({ t: 'rooms', run, rooms: packRooms(put.slice(i, i + ROOMS_PER_MESSAGE)) })
      delta.containers.put = []
    }
    return delta
  }

  const playing = () => !progress || progress.outcome === 'playing'

  /** One step, and the level's objectives checked after it (as the page's clock does). */
  function oneStep(): void {
    step(world!, STEP_MS)
    if (level && progress) progress = updateProgress(level, world!, progress)
  }

  function stepFor(ms: number, breakAt: number | null): { steps: number; stepMs: number } {
    const t0 = performance.now()
    let steps = 0
    let budget = carryMs + ms
    while (budget >= STEP_MS && playing()) {
      // A planned incident is due at this tick: stop here, the rest carried to the next batch.
      if (breakAt !== null && world!.tick === breakAt && steps > 0) break
      oneStep()
      budget -= STEP_MS
      steps++
    }
    carryMs = playing() ? budget : 0
    return { steps, stepMs: performance.now() - t0 }
  }

  /** A batch's answer: what changed, and the level's progress when one is played. */
  function batch(steps: number, stepMs: number): FromWorker {
    const delta = changes()
    return progress ? { t: 'batch', run, delta, steps, stepMs, progress } : { t: 'batch', run, delta, steps, stepMs }
  }

  return (m) => {
    try {
      if (m.t === 'watch') {
        watched = new Set(m.ids)
        return
      }
      if (m.t === 'street') {
        // The built street (houses and apps, no rooms yet) goes to the page at once, so its first frame
        // does not wait for 150,000 pods to be placed; the rooms follow, packed, once the street settles.
        const t0 = performance.now()
        const { hosts, pods } = SCALE_SIZES[m.size]
        world = buildScaleWorld(hosts, pods)
        run = m.run
        tracker = newTracker()
        carryMs = 0
        exact = false
        level = null
        progress = null
        post({ t: 'snapshot', run, world, buildMs: performance.now() - t0 })
        // The page now has all of it: remember what it has, so the next delta is only what changed.
        takeDelta(world, tracker, watched)
        const t1 = performance.now()
        settle(world)
        post({ t: 'settled', run, delta: changes(), settleMs: performance.now() - t1 })
        return
      }
      if (m.t === 'world') {
        // A world the page built (a sandbox): the page has it already, so remember it as sent.
        world = m.world
        run = m.run
        tracker = newTracker()
        carryMs = 0
        exact = m.exact
        level = (m.judged?.level as Level | undefined) ?? null
        progress = (m.judged?.progress as LevelProgress | undefined) ?? null
        takeDelta(world, tracker, exact ? ALL_ROOMS : watched)
        return
      }
      if (m.run !== run) return
      if (!world) {
        if (m.t === 'command') post({ t: 'result', run, seq: m.seq, result: NOT_READY, delta: null })
        return
      }
      if (m.t === 'advance') {
        // As the page's own clock does: never catch up more than a second of real time.
        const { steps, stepMs } = stepFor(Math.min(m.realMs, 1000) * m.speed, m.breakAt)
        post(batch(steps, stepMs))
      } else if (m.t === 'stepOnce') {
        if (playing()) oneStep()
        post({ ...batch(1, 0), single: true } as FromWorker)
      } else if (m.t === 'command') {
        const result = apply(world, m.command)
        post({ t: 'result', run, seq: m.seq, result, delta: changes() })
      }
    } catch (err) {
      // A command that threw is still answered, so the page's promise for it settles.
      if (m.t === 'command')
        post({
          t: 'result',
          run,
          seq: m.seq,
          result: { ok: false, metaphor: 'Something went wrong.', technical: String(err) },
          delta: null,
        })
      post({ t: 'error', run: 'run' in m ? m.run : run, message: String(err) })
    }
  }
}

const NOT_READY = { ok: false as const, metaphor: 'The street is still being built.', technical: 'world not ready' }
