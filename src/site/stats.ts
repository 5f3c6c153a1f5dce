/**
 * An indicator's figures as the site reads them: per domain, and by kind (scale
 * figures, NPS parts), so that callers need no assertion that a figure is there.
 */
import type { Cell, IndicatorModel, IndicatorStats } from '../model/types.ts';

/** The figures of an indicator in each of the given domains that has them, in that order. */
export function statsIn(x: Pick<IndicatorModel, 'stats'>, keys: readonly string[]): { key: string; stats: IndicatorStats }[] {
  return keys.flatMap((key) => {
    const stats = x.stats[key];
    return stats ? [{ key, stats }] : [];
  });
}

/** The promoter, passive and detractor shares of an NPS. */
export interface NpsParts {
  promoters: Cell;
  passives: Cell;
  detractors: Cell;
}

/** The NPS parts of a domain's figures; undefined for figures of a scale indicator. */
export function npsParts(s: IndicatorStats): NpsParts | undefined {
  const { promoters, passives, detractors } = s;
  return promoters && passives && detractors ? { promoters, passives, detractors } : undefined;
}
