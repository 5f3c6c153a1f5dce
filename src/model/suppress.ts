import type { MeanEstimate } from '../estimate/index.ts';
import { DISCLOSURE_FLOOR } from '../study/disclosure.ts';
import type { SuppressionReason } from './types.ts';

export { DISCLOSURE_FLOOR };

/**
 * One respondent carrying more than this share of a domain's weight makes
 * every figure of the domain rest on that one person: they are all withheld
 * ('weight'). A Kish effective n below the minimum base withholds a figure
 * too, and as n_eff ≤ 1 / s² for the largest share s, that already catches
 * any figure where one answer carries more than 1/√minBase of the weight
 * (18 % at minBase 30, at most 45 % since minBase ≥ DISCLOSURE_FLOOR = 5); this rule adds the
 * domain's figures that the dominant respondent did not answer.
 */
export const MAX_WEIGHT_SHARE = 0.5;

/** Relative slack on the effective-n rule: equal weights give (Σw)²/Σw² = n only to rounding. */
const ROUNDING = 1e-9;

/** Whether a Kish effective n is below the minimum base (beyond the rounding of equal weights). */
export function effectiveNBelow(effectiveN: number, minBase: number): boolean {
  return effectiveN < minBase * (1 - ROUNDING);
}

export type CellStatus = { kind: 'shown' } | { kind: 'absent' } | { kind: 'suppressed'; reason: SuppressionReason };

/**
 * Whether one domain's figures of an indicator may be shown, by the size of
 * their base alone: n < DISCLOSURE_FLOOR absent; n below the minimum base suppressed
 * ('base'); a Kish effective n of the answers below the minimum base, or a
 * domain where one respondent carries more than MAX_WEIGHT_SHARE of the
 * weight (`dominated`), suppressed ('weight').
 */
export function cellStatus(e: MeanEstimate | undefined, minBase: number, dominated = false): CellStatus {
  if (e === undefined || e.n < DISCLOSURE_FLOOR) return { kind: 'absent' };
  if (e.n < minBase) return { kind: 'suppressed', reason: 'base' };
  if (dominated || effectiveNBelow(e.effectiveN, minBase)) return { kind: 'suppressed', reason: 'weight' };
  return { kind: 'shown' };
}

/**
 * Decides which domains of one breakdown (the groups, or the classes of one
 * background variable) may be shown, for one indicator.
 *
 * - Each domain by cellStatus (`dominated`: the keys of domains where one
 *   respondent carries more than MAX_WEIGHT_SHARE of the weight).
 * - If exactly one domain of the breakdown is withheld while the total is shown, a
 *   reader could recover it from the total and the other domains; the shown domain
 *   with the smallest n is then withheld as well ("complementary").
 */
export function suppressBreakdown(estimates: ReadonlyMap<string, MeanEstimate | undefined>, totalShown: boolean, minBase: number, dominated: ReadonlySet<string> = new Set()): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>();
  for (const [key, e] of estimates) status.set(key, cellStatus(e, minBase, dominated.has(key)));
  // A domain nobody answered in has nothing to protect.
  const withheld = [...status].filter(([key, s]) => s.kind !== 'shown' && estimates.get(key) !== undefined).length;
  if (withheld === 1 && totalShown) {
    let smallest: string | undefined;
    for (const [key, s] of status) {
      if (s.kind !== 'shown') continue;
      const n = estimates.get(key)!.n;
      if (smallest === undefined || n < estimates.get(smallest)!.n) smallest = key;
    }
    if (smallest !== undefined) status.set(smallest, { kind: 'suppressed', reason: 'complementary' });
  }
  return status;
}
