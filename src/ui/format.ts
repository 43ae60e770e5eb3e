/** Pure text helpers for the HUD: what a player reads, with no React. */
import { TERMINATION_GRACE, formatMiB } from '../sim'
import type { Container, Host, Lang, Vm, Vocabulary } from '../sim'
import { containerStateLabel, hostPowerLabel, vmStateLabel } from '../sim/labels'

/** "2 of 3 stars" with the ★/☆ marks beside it, for cards and the outcome dialog. */
export function starsText(stars: number, max = 3): { marks: string; text: string } {
  const n = Math.max(0, Math.min(max, Math.round(stars)))
  return { marks: '★'.repeat(n) + '☆'.repeat(max - n), text: `${n} of ${max} star${max === 1 ? '' : 's'}` }
}

/** Whole seconds left until a phase ends, never negative. */
export function secondsLeft(endsMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((endsMs - nowMs) / 1000))
}

/** "1:05" clock text for a time left; "0:00" once it is over. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export const money = (perHour: number): string => `$${perHour.toFixed(2)}`

/** A room's state as text, with the seconds left for timed phases: "kit being delivered, 3 s left". */
export function containerStateText(c: Container, nowMs: number, vocab: Vocabulary, lang: Lang = 'en'): string {
  const label = containerStateLabel(c.state, vocab, lang)
  const timed = c.state === 'pulling' || c.state === 'creating' || c.state === 'backoff'
  if (timed) return sLeft(label, secondsLeft(c.phaseEndsMs, nowMs), lang)
  if (lang === 'es') return containerStateTextEs(c, nowMs, vocab, label)
  if (c.terminatingUntilMs !== null) {
    const left = secondsLeft(c.terminatingUntilMs, nowMs)
    return vocab === 'metaphor'
      ? `closing: no new visitors, gone in ${left} s (its grace period; the game uses all of it)`
      : `Terminating: out of endpoints, SIGKILL in ${left} s ` +
          `(grace period ${TERMINATION_GRACE.ms / 1000} s; an app that exits on SIGTERM goes sooner)`
  }
  if (c.state === 'running' && c.hung) return `${label}, ${vocab === 'metaphor' ? 'stuck: nobody answers' : 'hung: not responding'}`
  if (c.state === 'running' && !c.ready) return `${label}, ${vocab === 'metaphor' ? 'not taking visitors' : 'not ready (out of endpoints)'}`
  return label
}

/** The state a room's icon shows: a running room that hangs or is not ready does not look healthy. */
export function roomStateKey(c: Container): string {
  if (c.terminatingUntilMs !== null) return 'unready'
  if (c.state === 'running' && c.hung) return 'hung'
  if (c.state === 'running' && !c.ready) return 'unready'
  return c.state
}

export function vmStateText(vm: Vm, nowMs: number, vocab: Vocabulary, lang: Lang = 'en'): string {
  const label = vmStateLabel(vm.state, vocab, lang)
  const timed = vm.state === 'provisioning' || vm.state === 'booting'
  return timed ? sLeft(label, secondsLeft(vm.phaseEndsMs, nowMs), lang) : label
}

export function hostStateText(h: Host, vocab: Vocabulary, lang: Lang = 'en'): string {
  const label = hostPowerLabel(h.power, vocab, lang)
  if (lang === 'es') return hostStateTextEs(h, vocab, label)
  const extra = h.draining
    ? vocab === 'metaphor'
      ? ', being emptied'
      : ', draining'
    : h.unschedulable
      ? vocab === 'metaphor'
        ? ', no new rooms'
        : ', cordoned'
      : ''
  return label + extra
}

/** "kit being delivered, 3 s left" / "llega el kit, quedan 3 s". */
const sLeft = (label: string, n: number, lang: Lang): string => (lang === 'es' ? `${label}, quedan ${n} s` : `${label}, ${n} s left`)

/** A room's state in Spanish, after the timed phases (containerStateText). */
function containerStateTextEs(c: Container, nowMs: number, vocab: Vocabulary, label: string): string {
  if (c.terminatingUntilMs !== null) {
    const left = secondsLeft(c.terminatingUntilMs, nowMs)
    return vocab === 'metaphor'
      ? `cerrando: sin visitantes nuevos, se va en ${left} s (su periodo de gracia; el juego lo usa entero)`
      : `Terminating: fuera de los endpoints, SIGKILL en ${left} s ` +
          `(periodo de gracia ${TERMINATION_GRACE.ms / 1000} s; una app que sale con SIGTERM se va antes)`
  }
  if (c.state === 'running' && c.hung) return `${label}, ${vocab === 'metaphor' ? 'colgada: nadie contesta' : 'hung: no responde'}`
  if (c.state === 'running' && !c.ready)
    return `${label}, ${vocab === 'metaphor' ? 'sin recibir visitantes' : 'not ready (fuera de los endpoints)'}`
  return label
}

/** A house's state in Spanish (hostStateText). */
function hostStateTextEs(h: Host, vocab: Vocabulary, label: string): string {
  const metaphor = vocab === 'metaphor'
  const extra = h.draining
    ? metaphor
      ? ', vaciándose'
      : ', draining'
    : h.unschedulable
      ? metaphor
        ? ', sin habitaciones nuevas'
        : ', cordoned'
      : ''
  return label + extra
}

/** A shape for each state so colour is never the only signal. */
export function stateIcon(state: string): string {
  switch (state) {
    case 'running':
    case 'on':
      return '●'
    case 'pending':
    case 'pulling':
    case 'creating':
    case 'provisioning':
    case 'booting':
      return '◐'
    case 'crashed':
    case 'failed':
    case 'lost':
      return '✖'
    case 'backoff':
      return '↻'
    case 'hung':
      return '⊘'
    case 'unready':
      return '◑'
    default:
      return '○'
  }
}

/** The tone (a CSS class) that goes with the icon: good, busy, bad or idle. */
export function stateTone(state: string): 'good' | 'busy' | 'bad' | 'idle' {
  const icon = stateIcon(state)
  if (icon === '●') return 'good'
  if (icon === '◐' || icon === '◑' || icon === '↻') return 'busy'
  return icon === '✖' || icon === '⊘' ? 'bad' : 'idle'
}

/** "3.5 GiB of 7.5 GiB" */
export const usedOf = (used: number, cap: number, lang: Lang = 'en'): string =>
  `${formatMiB(Math.max(0, used))} ${lang === 'es' ? 'de' : 'of'} ${formatMiB(cap)}`

/** Cores from millicores: "1.5". */
export const cores = (milli: number): string => (milli / 1000).toFixed(milli % 1000 === 0 ? 0 : 1)

/** "1 question", "3 questions": a count with its noun (regular English plurals only). */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`
}
