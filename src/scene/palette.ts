/**
 * The street's colours. Warm and toy-like, and chosen so each state also differs in lightness
 * (it reads in grey scale and on a washed-out projector); shape marks carry the rest.
 */
export const SKY = '#cfe6f2'
export const GRASS = '#9cc97a'
export const PARK = '#84bb6a'
export const ASPHALT = '#5d6170'
export const KERB = '#e8e1d3'
export const LANE = '#f4e9c8'

/** House walls by zone (street side): terracotta, teal, mustard, plum, then around again. */
export const ZONE_WALLS = ['#e07a5f', '#3d8b8a', '#e9b949', '#9d6a9f', '#6f8fc9', '#c46d4c']
export const SLAB = '#f3e6cf'
export const SLAB_FAILED = '#2d2622'
export const WALL_FAILED = '#1f1a18'
export const SLAB_OFF = '#b9b2a6'
/** A house whose shared kernel panicked: standing, dimmed, not burnt. */
export const WALL_PANIC = '#5b5f7a'
export const WALL_OFF = '#8d877d'
export const DOOR = '#6b4226'

/** Apartments by guest OS. */
export const VM_OS: Record<string, string> = { linux: '#8fc1a9', windows: '#7fa7e3' }
export const VM_PROVISIONING = '#e9e2d0'
export const VM_STOPPED = '#9c9a94'
export const VM_CRASHED = '#2f4a66'
/** The hypervisor: the steel frame between apartment floors. */
export const HYPERVISOR = '#56606e'
/** Kernels as plumbing: the house's own (copper), each guest's in a deep shade of its OS colour. */
export const KERNEL_HOST = '#c0703a'
export const KERNEL_OS: Record<string, string> = { linux: '#2f6e52', windows: '#2d5697' }
/** The storeroom's floor and walls, and the crates in it (cached image layers), in three cardboard tones. */
export const STORE = '#a88a64'
export const CRATES = ['#c8a165', '#b68b4c', '#d9b77e']

/** Rooms: one toy colour per app, far apart in hue and varied in lightness (neighbours differ most). */
export const APP_COLOURS = ['#f28f3b', '#4f9dde', '#76b041', '#c86fc9', '#ffc914', '#2ec4b6', '#ff8fab', '#8d6e63']
export const ROOM_CRASHED = '#3b302c'
export const ROOM_BACKOFF = '#5a4a42'
export const ROOM_PENDING = '#ffffff'
export const ROOM_LOST = '#8a8a8a'
/** A room whose house or apartment went down: standing, every light out. */
export const ROOM_DARK = '#5e5652'
export const MARK = '#e63946'
/** Cordon tape: a house taking no new rooms; orange while it is being emptied (drained). */
export const CORDON = '#ffd23f'
export const CORDON_DRAIN = '#ff8c42'
export const WINDOW_LIT = '#fff2a8'
/** The window of a room a burglar got into. */
export const WINDOW_BREACHED = '#ff3b3b'

export const VISITOR = '#fdfdfd'
/** The doorman (a Service) at the door of a house that lets visitors in. */
export const DOORMAN = '#24395e'
/** The burglar of a breach. */
export const BURGLAR = '#161616'
/** An image pull's delivery van (white body, red cab). */
export const VAN = '#f4f1ea'
export const VAN_CAB = '#d1495b'
/** Footprints from a room's old place to its new one (when its app has no colour). */
export const TRAIL = '#7a6a58'
/** A running room that is not ready: its door is shut (no visitors sent in). */
export const DOOR_SHUT = '#4a2e1c'
export const VISITOR_DROPPED = '#e63946'
export const HIGHLIGHT_SELECT = '#ffd23f'
export const HIGHLIGHT_HOVER = '#ffffff'

/**
 * Each app its own colour: the street's apps in id order take the colours in turn, so two apps
 * never share one until there are more apps than colours (then the app's name sign tells them apart).
 */
export function appColours(appIds: Iterable<string>): Map<string, string> {
  const ids = [...appIds].sort()
  return new Map(ids.map((id, i) => [id, APP_COLOURS[i % APP_COLOURS.length]!]))
}

/** A colour for an app the street does not list (hash of its id). */
export function appColour(appId: string): string {
  let h = 2166136261
  for (let i = 0; i < appId.length; i++) h = Math.imul(h ^ appId.charCodeAt(i), 16777619)
  return APP_COLOURS[(h >>> 0) % APP_COLOURS.length]!
}

/** The old version's shade of an app colour during a rolling update: halfway to white. */
export function oldVersion(colour: string): string {
  const n = parseInt(colour.slice(1), 16)
  const mix = (v: number) => Math.round(v + (255 - v) * 0.55)
  const r = mix((n >> 16) & 255)
  const g = mix((n >> 8) & 255)
  const b = mix(n & 255)
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`
}
