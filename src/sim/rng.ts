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

/** A float in [0, 1); advances the state. */
export function nextFloat(rng: RngState): number {
  rng.s = (rng.s + 0x6d2b79f5) >>> 0
  let t = rng.s
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** An integer in [min, max], inclusive. */
export function nextInt(rng: RngState, min: number, max: number): number {
  return min + Math.floor(nextFloat(rng) * (max - min + 1))
}
