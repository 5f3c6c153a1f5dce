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
 * The domains of one breakdown to withhold beside `withheld` so that subtracting
 * the shown domains from a published total recovers nothing about fewer than
 * DISCLOSURE_FLOOR respondents. What the subtraction leaves is the withheld
 * domains together with `unclassified` (respondents in no domain of the
 * breakdown, such as those without a background value). While that is from 1
 * to DISCLOSURE_FLOOR − 1 — or, with `single`, is exactly one withheld domain
 * and nothing else — the shown domain with the smallest n is withheld too (the
 * first of equals, in the order of `sizes`). Domains of size 0 have nothing to
 * protect.
 *
 * A size may be a list: the n of each published figure that shares the
 * domains' statuses (a mean's answers and a can't-say share's, which counts
 * can't say too); the rule then holds for each, and the smallest is by the first.
 */
export function complementaryDomains(
  sizes: ReadonlyMap<string, number | readonly number[]>,
  withheld: ReadonlySet<string>,
  options: { single?: boolean; unclassified?: number | readonly number[] } = {},
): string[] {
  const list = (v: number | readonly number[] | undefined): readonly number[] => (v === undefined ? [0] : typeof v === 'number' ? [v] : v);
  const size = (key: string) => list(sizes.get(key));
  const empty = (key: string) => size(key).every((n) => n === 0);
  const out: string[] = [];
  const hidden = new Set([...withheld].filter((k) => !empty(k)));
  const unclassified = list(options.unclassified);
  const width = Math.max(unclassified.length, ...[...sizes.keys()].map((k) => size(k).length));
  const left = Array.from({ length: width }, (_, j) => (unclassified[j] ?? 0) + [...hidden].reduce((a, k) => a + (size(k)[j] ?? 0), 0));
  const exposed = () => left.some((n) => n > 0 && n < DISCLOSURE_FLOOR) || (options.single === true && hidden.size === 1 && unclassified.every((n) => n === 0));
  while (exposed()) {
    let smallest: string | undefined;
    for (const key of sizes.keys()) {
      if (hidden.has(key) || empty(key)) continue;
      if (smallest === undefined || size(key)[0]! < size(smallest)[0]!) smallest = key;
    }
    if (smallest === undefined) break;
    hidden.add(smallest);
    size(smallest).forEach((n, j) => {
      left[j] = (left[j] ?? 0) + n;
    });
    out.push(smallest);
  }
  return out;
}

/**
 * Decides which domains of one breakdown (the groups, or the classes of one
 * background variable) may be shown, for one indicator.
 *
 * - Each domain by cellStatus (`dominated`: the keys of domains where one
 *   respondent carries more than MAX_WEIGHT_SHARE of the weight).
 * - If exactly one domain of the breakdown is withheld while the total is shown, a
 *   reader could recover it from the total and the other domains; the shown domain
 *   with the smallest n is then withheld as well ("complementary"). So it is, one
 *   by one, while the withheld domains together rest on fewer than DISCLOSURE_FLOOR
 *   answers — by the mean's n and by `others.answered` (the answers, can't say
 *   included, of the can't-say share), counting `others.unclassified`: the
 *   total's answers in no domain of the breakdown, by each (see complementaryDomains).
 */
export function suppressBreakdown(
  estimates: ReadonlyMap<string, MeanEstimate | undefined>,
  totalShown: boolean,
  minBase: number,
  dominated: ReadonlySet<string> = new Set(),
  others: { answered?: ReadonlyMap<string, number>; unclassified?: readonly number[] } = {},
): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>();
  for (const [key, e] of estimates) status.set(key, cellStatus(e, minBase, dominated.has(key)));
  if (!totalShown) return status;
  // A domain nobody answered in has nothing to protect (size 0).
  const sizes = new Map([...estimates].map(([key, e]) => [key, others.answered ? [e?.n ?? 0, others.answered.get(key) ?? 0] : [e?.n ?? 0]]));
  const withheld = new Set([...status].filter(([, s]) => s.kind !== 'shown').map(([key]) => key));
  for (const key of complementaryDomains(sizes, withheld, { single: true, ...(others.unclassified ? { unclassified: others.unclassified } : {}) }))
    status.set(key, { kind: 'suppressed', reason: 'complementary' });
  return status;
}
