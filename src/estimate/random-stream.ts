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
  /** Fisher–Yates (Durstenfeld) in place: for k = n − 1 down to 1, swap a[k] with a[below(k + 1)]. */
  shuffle(a: Uint32Array): void;
  /** `draws` times: counts[start + below(k)] += 1. */
  tally(counts: Float64Array, start: number, k: number, draws: number): void;
}

/** xoshiro128** from its four 32-bit state words (not all zero). A class, so that the state lives in fields the JIT keeps in registers. */
class Xoshiro128 implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = seed.map((x) => x >>> 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new RangeError('randomStream: the seed must not be all zero');
  }

  next(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ this.s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = this.s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  below(k: number): number {
    return Math.floor((this.next() * k) / 4294967296);
  }

  // shuffle and tally draw exactly what below() would, with the state in locals for their long loops.
  shuffle(a: Uint32Array): void {
    let { s0, s1, s2, s3 } = this;
    for (let k = a.length - 1; k > 0; k--) {
      const x = Math.imul(s1, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const j = Math.floor((result * (k + 1)) / 4294967296);
      const v = a[k];
      a[k] = a[j];
      a[j] = v;
    }
    Object.assign(this, { s0, s1, s2, s3 });
  }

  tally(counts: Float64Array, start: number, k: number, draws: number): void {
    let { s0, s1, s2, s3 } = this;
    for (let d = 0; d < draws; d++) {
      const x = Math.imul(s1, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      counts[start + Math.floor((result * k) / 4294967296)]++;
    }
    Object.assign(this, { s0, s1, s2, s3 });
  }
}

/** xoshiro128** from its four 32-bit state words (not all zero). */
export function randomStream(seed: readonly [number, number, number, number]): RandomStream {
  return new Xoshiro128(seed);
}
