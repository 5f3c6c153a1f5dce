/** Where a driver falls on the importance–performance map. */
export type Quadrant = 'strength' | 'develop' | 'maintain' | 'lower';

/**
 * The quadrant of a driver, split at the mean importance and the mean
 * performance (a value at a split counts as high): important and performing
 * well a strength, important and performing less well a development area,
 * less important and performing well to maintain, the rest lower priority.
 *
 * Martilla & James (1977), Importance-Performance Analysis, Journal of
 * Marketing 41(1), https://doi.org/10.1177/002224297704100112
 */
export function quadrantOf(importance: number, performance: number, importanceSplit: number, performanceSplit: number): Quadrant {
  const important = importance >= importanceSplit;
  const good = performance >= performanceSplit;
  return important ? (good ? 'strength' : 'develop') : good ? 'maintain' : 'lower';
}
