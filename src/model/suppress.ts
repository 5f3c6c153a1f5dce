import type { MeanEstimate } from '../estimate/index.ts';
import type { SuppressionReason } from './types.ts';

/** Below this many answers nothing about a cell is published, not even that it exists. */
export const DISCLOSURE_FLOOR = 5;

export type CellStatus = { kind: 'shown' } | { kind: 'absent' } | { kind: 'suppressed'; reason: SuppressionReason };

/**
 * Decides which domains of one breakdown (the groups, or the classes of one
 * background variable) may be shown, for one indicator.
 *
 * - n < 5: absent; n below the minimum base: suppressed.
 * - If exactly one domain of the breakdown is withheld while the total is shown, a
 *   reader could recover it from the total and the other domains; the shown domain
 *   with the smallest n is then withheld as well ("complementary").
 */
export function suppressBreakdown(
  estimates: ReadonlyMap<string, MeanEstimate | undefined>,
  totalShown: boolean,
  minBase: number,
): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>();
  for (const [key, e] of estimates) {
    if (e === undefined || e.n < DISCLOSURE_FLOOR) status.set(key, { kind: 'absent' });
    else if (e.n < minBase) status.set(key, { kind: 'suppressed', reason: 'base' });
    else status.set(key, { kind: 'shown' });
  }
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
