/**
 * A seeded stream of pseudo-random 32-bit integers: xoshiro128** 1.0 (Blackman
 * & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c), transcribed
 * with Math.imul and unsigned shifts. The same seed gives the same stream on
 * every machine, so whatever is drawn from it is part of the build's
 * deterministic output (nothing here reads Math.random or the clock).
 */
export interface RandomStream {
  /** The next integer in 0 … 2³² − 1. */
  next(): number;
  /** An integer in 0 … k − 1: ⌊next() · k / 2³²⌋ (k ≤ 2³²). */
  below(k: number): number;
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** xoshiro128** from its four 32-bit state words (not all zero). */
export function randomStream(seed: readonly [number, number, number, number]): RandomStream {
  let [s0, s1, s2, s3] = seed.map((x) => x >>> 0);
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('randomStream: the seed must not be all zero');
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
  return { next, below: (k) => Math.floor((next() * k) / 4294967296) };
}
