/**
 * Seeded random numbers for the sample-data generator.
 *
 * Only integer arithmetic and IEEE additions/multiplications are used, no
 * Math.random, no clock and no transcendental functions (Math.log, Math.cos
 * may differ in the last bit between engines), so a seed gives the same
 * numbers — and the same files — on every machine.
 */

/** splitmix32: spreads a 32-bit seed over the state of the main generator. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A small, fast generator (sfc32) with helpers for the distributions the sample needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    let mix = 0x2545f491;
    for (const s of seeds) mix = (Math.imul(mix ^ (s >>> 0), 0x01000193) + 0x7f4a7c15) >>> 0;
    const init = splitmix32(mix);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init() | 1;
    for (let i = 0; i < 16; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /**
   * Approximately standard normal: the Irwin–Hall sum of twelve uniforms
   * minus six (mean 0, variance 1, tails cut at ±6). Plenty for survey
   * answers and bit-exact everywhere.
   */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.uniform();
    return s - 6;
  }

  /** An index drawn with probability proportional to the weights. */
  pick(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** Shuffles in place (Fisher–Yates). */
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }
}
