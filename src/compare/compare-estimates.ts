import { twoSidedP } from './normal.ts';

export interface Comparison {
  /** a − b. */
  difference: number;
  /** SE of the difference. */
  se: number;
  z: number;
  /** Two-sided p-value from the standard normal. */
  p: number;
  /** p < 0.05. */
  significant: boolean;
}

/**
 * Difference of two independent estimates (a two-sample z-test): Δ = a − b,
 * z = Δ/√(SEa² + SEb²), two-sided p from the standard normal, significant when
 * p < 0.05. When b has no SE (a fixed target, b.se undefined), z = Δ/SEa.
 * Returns undefined if the combined SE is 0 or not finite, or Δ is not finite.
 *
 * https://en.wikipedia.org/wiki/Z-test
 */
export function compareEstimates(a: { estimate: number; se: number }, b: { estimate: number; se?: number }): Comparison | undefined {
  const difference = a.estimate - b.estimate;
  const se = b.se === undefined ? a.se : Math.sqrt(a.se * a.se + b.se * b.se);
  if (!(se > 0 && se < Infinity) || !Number.isFinite(difference)) return undefined;
  const z = difference / se;
  const p = twoSidedP(z);
  return { difference, se, z, p, significant: p < 0.05 };
}
