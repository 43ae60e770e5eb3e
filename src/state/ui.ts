/** What the player is looking at: selection, hover, the label vocabulary, camera focus, notices. */
import { create } from 'zustand'
import type { Vocabulary } from '../sim'

export type Selection =
  | { kind: 'host'; id: string }
  | { kind: 'vm'; id: string }
  | { kind: 'container'; id: string }
  | { kind: 'app'; id: string }
  | { kind: 'manager' }
  | null

export interface Notice {
  id: number
  level: 'info' | 'error'
  text: string
}

export interface UiState {
  selection: Selection
  hover: Selection
  vocab: Vocabulary
  /** World position the camera should glide to (double-click focus), and optionally from how far. */
  focus: [number, number, number] | [number, number, number, number] | null
  notices: Notice[]
  reducedMotion: boolean
  /** Follow events: the camera frames each notable event (on by default in levels, off in the sandbox). */
  follow: Record<FollowMode, boolean>
  setFollow: (mode: FollowMode, on: boolean) => void
  select: (s: Selection) => void
  setHover: (s: Selection) => void
  setVocab: (v: Vocabulary) => void
  toggleVocab: () => void
  setFocus: (p: [number, number, number] | [number, number, number, number] | null) => void
  notify: (level: Notice['level'], text: string) => void
  dismiss: (id: number) => void
}

/** The modes with their own follow-events setting. */
export type FollowMode = 'level' | 'sandbox'
export const DEFAULT_FOLLOW: Record<FollowMode, boolean> = { level: true, sandbox: false }

/** Whether the camera follows events in a game mode (never on the menu, in a lesson or in the lab). */
export function followsEvents(follow: Record<FollowMode, boolean>, mode: string): boolean {
  return mode === 'level' || mode === 'sandbox' ? follow[mode] : false
}

let noticeSeq = 0

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  )
}

export const useUi = create<UiState>()((set) => ({
  selection: null,
  hover: null,
  vocab: 'metaphor',
  focus: null,
  notices: [],
  reducedMotion: prefersReducedMotion(),
  follow: { ...DEFAULT_FOLLOW },
  setFollow: (mode, on) => set((s) => ({ follow: { ...s.follow, [mode]: on } })),
  select: (selection) => set({ selection }),
  setHover: (hover) => set({ hover }),
  setVocab: (vocab) => set({ vocab }),
  toggleVocab: () => set((s) => ({ vocab: s.vocab === 'metaphor' ? 'technical' : 'metaphor' })),
  setFocus: (focus) => set({ focus }),
  notify: (level, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeSeq, level, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}))

// Follow the system setting when it changes while the game is open (not only at load).
if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
  const mq = window.matchMedia('(prefers-reduced-motion: reduce)')
  mq.addEventListener?.('change', (e) => useUi.setState({ reducedMotion: e.matches }))
}
