/**
 * The world's only source of randomness: mulberry32 over a uint32 state kept in the world,
 * so the same seed and the same commands give the same world, bit for bit.
 */
export interface RngState {
  s: number
}

export function seedRng(seed: number): RngState {
  return { s: seed >>> 0 }
}

/** mulberry32's step: each draw adds this to the state. */
const INCREMENT = 0x6d2b79f5

/** A float in [0, 1); advances the state. */
export function nextFloat(rng: RngState): number {
  rng.s = (rng.s + INCREMENT) >>> 0
  return floatOfState(rng.s)
}

/** The float nextFloat returns when it has advanced the state to `s`. */
export function floatOfState(s: number): number {
  let t = Math.imul(s ^ (s >>> 15), s | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * The state `draws` draws after `s` (the state only adds a constant per draw, so skipping ahead is one product; exact
 * below 2^22 draws). With floatOfState, the scheduler takes its tie draws without walking through each one.
 */
export const skipState = (s: number, draws: number): number => (s + draws * INCREMENT) >>> 0

/** An integer in [min, max], inclusive. */
export function nextInt(rng: RngState, min: number, max: number): number {
  return min + Math.floor(nextFloat(rng) * (max - min + 1))
}
