/**
 * The classroom's presenter state: which lesson, which step, and whether the step waits for the
 * class's prediction, plays, or is done. Every step's world is rebuilt from the lesson (a copy of
 * the previous step's finished world, then the step's commands, then its ticks), so going back,
 * jumping and replaying are exact and never depend on how long anyone waited.
 */
import { create } from 'zustand'
import { beginStep, lessonStart, playStep, stepTicks } from '../../levels'
import type { Lesson } from '../../levels'
import { hashWorld } from '../../sim'
import type { World } from '../../sim'
import { useGame, useUi } from '../../state'
import { layoutWorld } from '../../scene/layout'

export type Phase = 'predict' | 'playing' | 'done'

/** A step's animation takes about this long on screen, whatever its world time (a minute of boot runs in seconds). */
export const PLAY_MS = 4000
const FRAME_MS = 100

export interface ClassroomState {
  lesson: Lesson | null
  /** 0..steps.length-1: a step; steps.length: the takeaway card. */
  pos: number
  phase: Phase
  /** The choice the class picked for this step's question (null: none yet). */
  picked: number | null
  blank: boolean
  focus: boolean
  /** hashWorld of the step's finished world, as the lesson builds it (what playing must reach). */
  expectedHash: string
  open: (lesson: Lesson) => void
  close: () => void
  /** Enter a step fresh: its question first, if it has one, else play it. */
  enter: (pos: number) => void
  /** Show a step already played (going back): its finished world, its answer shown. */
  show: (pos: number) => void
  next: () => void
  prev: () => void
  replay: () => void
  pick: (choice: number) => void
  toggleBlank: () => void
  toggleFocus: () => void
}

// Finished worlds by lesson and step, built once; the game always gets a copy (it mutates its world).
const cache = new Map<string, World>()
function after(lesson: Lesson, k: number): World {
  const key = `${lesson.id}:${k}`
  let w = cache.get(key)
  if (!w) {
    if (k < 0) w = lessonStart(lesson)
    else {
      w = structuredClone(after(lesson, k - 1))
      playStep(w, lesson.steps[k]!)
    }
    cache.set(key, w)
  }
  return w
}

let timer: ReturnType<typeof setInterval> | null = null
function stopPlaying(): void {
  if (timer !== null) clearInterval(timer)
  timer = null
}

function aimCamera(lesson: Lesson, pos: number): void {
  const s = lesson.steps[Math.min(pos, lesson.steps.length - 1)]
  if (!s || s.camera === 'street') return
  const hostId = s.camera.hostId
  // After the scene has framed the new world (an effect on the next render), glide to the house.
  setTimeout(() => {
    const layout = layoutWorld(useGame.getState().world)
    const i = layout.houses.ids.indexOf(hostId)
    if (i >= 0) useUi.getState().setFocus([layout.houses.x[i]!, layout.houses.y[i]! + layout.houses.h[i]! / 2, layout.houses.z[i]!])
  }, 60)
}

export const useClassroom = create<ClassroomState>()((set, get) => {
  function showFinished(lesson: Lesson, pos: number): void {
    stopPlaying()
    const k = Math.min(pos, lesson.steps.length - 1)
    const world = after(lesson, k)
    useGame.getState().showLessonWorld(structuredClone(world))
    set({ pos, phase: 'done', expectedHash: hashWorld(world) })
    aimCamera(lesson, pos)
  }

  function play(lesson: Lesson, pos: number): void {
    stopPlaying()
    const s = lesson.steps[pos]!
    const world = structuredClone(after(lesson, pos - 1))
    beginStep(world, s)
    useGame.getState().showLessonWorld(world)
    const expectedHash = hashWorld(after(lesson, pos))
    let left = stepTicks(s)
    aimCamera(lesson, pos)
    if (left === 0) return set({ pos, phase: 'done', expectedHash })
    if (useUi.getState().reducedMotion) {
      // No animation: the finished world at once (the same world the animation reaches).
      useGame.getState().showLessonWorld(structuredClone(after(lesson, pos)))
      return set({ pos, phase: 'done', expectedHash })
    }
    set({ pos, phase: 'playing', expectedHash })
    const perFrame = Math.max(1, Math.ceil(left / (PLAY_MS / FRAME_MS)))
    timer = setInterval(() => {
      const game = useGame.getState()
      // Someone left the lesson, or another step took over: stop.
      if (game.mode !== 'lesson' || game.world !== world) return stopPlaying()
      const n = Math.min(perFrame, left)
      for (let i = 0; i < n; i++) game.stepOnce()
      left -= n
      if (left <= 0) {
        stopPlaying()
        set({ phase: 'done' })
      }
    }, FRAME_MS)
  }

  return {
    lesson: null,
    pos: 0,
    phase: 'done',
    picked: null,
    blank: false,
    focus: false,
    expectedHash: '',
    open: (lesson) => {
      set({ lesson, blank: false, focus: false })
      get().enter(0)
    },
    close: () => {
      stopPlaying()
      set({ lesson: null, blank: false, focus: false })
      useGame.getState().toMenu()
    },
    enter: (pos) => {
      const { lesson } = get()
      if (!lesson) return
      const p = Math.max(0, Math.min(pos, lesson.steps.length))
      set({ picked: null, blank: false })
      if (p === lesson.steps.length) return showFinished(lesson, p)
      if (lesson.steps[p]!.question) {
        stopPlaying()
        useGame.getState().showLessonWorld(structuredClone(after(lesson, p - 1)))
        set({ pos: p, phase: 'predict', expectedHash: hashWorld(after(lesson, p - 1)) })
        aimCamera(lesson, p)
        return
      }
      play(lesson, p)
    },
    show: (pos) => {
      const { lesson } = get()
      if (!lesson) return
      set({ picked: null, blank: false })
      showFinished(lesson, Math.max(0, Math.min(pos, lesson.steps.length)))
    },
    next: () => {
      const { lesson, pos, phase } = get()
      if (!lesson) return
      // A question waiting for the class: next plays the answer.
      if (phase === 'predict') return play(lesson, pos)
      if (pos < lesson.steps.length) get().enter(pos + 1)
    },
    prev: () => {
      const { lesson, pos } = get()
      if (!lesson || pos === 0) return
      get().show(pos - 1)
    },
    replay: () => {
      const { lesson, pos } = get()
      if (!lesson) return
      if (pos >= lesson.steps.length) return get().show(pos)
      play(lesson, pos)
    },
    pick: (choice) => set({ picked: choice }),
    toggleBlank: () => set((s) => ({ blank: !s.blank })),
    toggleFocus: () => set((s) => ({ focus: !s.focus })),
  }
})
