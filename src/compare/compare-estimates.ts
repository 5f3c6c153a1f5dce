import { twoSidedP } from './normal.ts';

export interface Comparison {
  /** a − b; exactly 0 when the two differ by no more than rounding (see NOISE). */
  difference: number;
  /** SE of the difference; exactly 0 when it is no more than rounding. */
  se: number;
  /** Δ / SE; 0 when no test was made. */
  z: number;
  /** Two-sided p-value from the standard normal; 1 when no test was made. */
  p: number;
  /** p < 0.05. */
  significant: boolean;
  /**
   * Set when the SE of the difference is zero (both estimates rest on answers
   * that are all the same): there is nothing to test against, so no test is
   * made; z is given as 0, p as 1, and the difference is not significant.
   */
  noTest?: true;
}

/**
 * Relative size of floating-point noise: a difference or an SE no larger than
 * NOISE · max(|a|, |b|, 1) is rounding in the sums of the estimates (a few
 * hundred ulps of the operands), not a quantity, and is taken as exactly 0.
 * Real differences and SEs of survey estimates are many orders larger.
 */
export const NOISE = 1e-12;

/**
 * Difference of two independent estimates (a two-sample z-test): Δ = a − b,
 * z = Δ/√(SEa² + SEb²), two-sided p from the standard normal, significant when
 * p < 0.05. When b has no SE (a fixed target, b.se undefined), z = Δ/SEa.
 *
 * A Δ or SE within floating-point noise of the operands (|Δ| ≤ 1e-12 ·
 * max(|a|, |b|, 1)) is exactly 0: NPS 100 in two editions is a change of 0,
 * never "significant" because a 1e-14 difference sits over a 2e-16 SE. A zero
 * SE gives no test (z 0, p 1, not significant, `noTest`) rather than an
 * infinite z. Returns undefined when Δ or the SE is not finite.
 *
 * https://en.wikipedia.org/wiki/Z-test
 */
export function compareEstimates(a: { estimate: number; se: number }, b: { estimate: number; se?: number }): Comparison | undefined {
  const raw = a.estimate - b.estimate;
  const rawSe = b.se === undefined ? a.se : Math.sqrt(a.se * a.se + b.se * b.se);
  if (!Number.isFinite(raw) || !(rawSe >= 0 && rawSe < Infinity)) return undefined;
  const noise = NOISE * Math.max(Math.abs(a.estimate), Math.abs(b.estimate), 1);
  const difference = Math.abs(raw) <= noise ? 0 : raw;
  const se = rawSe <= noise ? 0 : rawSe;
  if (se === 0) return { difference, se, z: 0, p: 1, significant: false, noTest: true };
  const z = difference / se;
  const p = twoSidedP(z);
  return { difference, se, z, p, significant: p < 0.05 };
}
