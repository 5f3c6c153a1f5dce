import { quadrantOf, type Quadrant } from './quadrant.ts';

/** A quadrant is named when at least this share of the replicates puts the predictor in the point estimate's quadrant. */
export const QUADRANT_STABILITY = 0.8;

/** Per random group of a replicate scheme and per column: Σw·x and Σw over the respondents with a value (x not NaN). */
export interface CellMeanSums {
  columns: number;
  cells: number;
  /** [cell · columns + j] */
  swx: Float64Array;
  sw: Float64Array;
}

/** Σw·x and Σw per random group (cellOf, 0 … cells − 1) of each column, over its non-missing values: one pass over the respondents. */
export function cellMeanSums(columns: readonly ArrayLike<number>[], weights: ArrayLike<number>, cellOf: ArrayLike<number>, cells: number): CellMeanSums {
  const p = columns.length;
  const swx = new Float64Array(cells * p);
  const sw = new Float64Array(cells * p);
  let rows = Math.min(weights.length, cellOf.length);
  for (const x of columns) rows = Math.min(rows, x.length);
  for (let i = 0; i < rows; i++) {
    const w = weights[i];
    if (!(w > 0 && w < Infinity)) continue;
    const at = cellOf[i] * p;
    for (let j = 0; j < p; j++) {
      const v = columns[j][i];
      if (v !== v) continue;
      swx[at + j] += w * v;
      sw[at + j] += w;
    }
  }
  return { columns: p, cells, swx, sw };
}

/**
 * The weighted means of every column in every replicate, for each domain (a
 * stratum, or 'total'): per domain a B × columns array whose row b is
 * Σ f_bc Σw·x / Σ f_bc Σw over the domain's random groups c, with f the
 * replicate's weight factors. Each replicate sums the groups once per stratum.
 */
export function replicateMeans(sums: CellMeanSums, factors: Float64Array, replicates: number, cellStratum: ArrayLike<number>, domains: readonly (number | 'total')[]): Float64Array[] {
  const { columns: p, cells } = sums;
  let strata = 0;
  for (let c = 0; c < cells; c++) strata = Math.max(strata, cellStratum[c] + 1);
  const out = domains.map(() => new Float64Array(replicates * p));
  const num = new Float64Array(strata * p);
  const den = new Float64Array(strata * p);
  for (let b = 0; b < replicates; b++) {
    sumReplicate(sums, factors, b * cells, cellStratum, num, den);
    domains.forEach((domain, k) => {
      for (let j = 0; j < p; j++) {
        let x = 0;
        let w = 0;
        if (domain === 'total') {
          for (let h = 0; h < strata; h++) {
            x += num[h * p + j];
            w += den[h * p + j];
          }
        } else {
          x = num[domain * p + j];
          w = den[domain * p + j];
        }
        out[k][b * p + j] = x / w;
      }
    });
  }
  return out;
}

/**
 * One replicate's Σ f·Σw·x and Σ f·Σw per stratum and column, its factors from factors[row]. A function of its
 * own: as inner loops of replicateMeans, compiled on the stack, every exit from them threw the compiled code away.
 */
function sumReplicate(sums: CellMeanSums, factors: Float64Array, row: number, cellStratum: ArrayLike<number>, num: Float64Array, den: Float64Array): void {
  const { columns: p, cells, swx, sw } = sums;
  num.fill(0);
  den.fill(0);
  for (let c = 0; c < cells; c++) {
    const f = factors[row + c];
    if (f === 0) continue;
    const at = cellStratum[c] * p;
    for (let j = 0; j < p; j++) {
      num[at + j] += f * swx[c * p + j];
      den[at + j] += f * sw[c * p + j];
    }
  }
}

/** What the replicates say about one predictor of a driver analysis. */
export interface PredictorUncertainty {
  /** Replicate standard error of the share: √(Σ (θ_b − θ̄)² / (B − 1)) over the replicates with an analysis. */
  se: number;
  /** 95 % percentile interval of the share: the 2.5 % and 97.5 % quantiles of the replicates (R's quantile type 7). */
  ci: [number, number];
  /** Share of all B replicates in each quadrant (a replicate without an analysis is in none). */
  quadrantShares: Record<Quadrant, number>;
  /** The share of replicates in the point estimate's quadrant is at least QUADRANT_STABILITY. */
  stable: boolean;
}

/**
 * Standard errors, percentile intervals and quadrant shares of a driver
 * analysis from its replicates. `shares` and `performance` are B × p (rows of
 * NaN shares: a replicate without an analysis); `kept` the predictors in the
 * analysis, `quadrants` their point quadrants (in kept order). In each
 * replicate the quadrants are split as in the point analysis: at the mean
 * share of the kept predictors and at the mean of their performances, both
 * from the replicate.
 */
export function driverUncertainty(shares: Float64Array, performance: Float64Array, replicates: number, p: number, kept: readonly number[], quadrants: readonly Quadrant[]): PredictorUncertainty[] {
  const counts = kept.map(() => ({ strength: 0, develop: 0, maintain: 0, lower: 0 }));
  const valid: number[] = [];
  for (let b = 0; b < replicates; b++) {
    const at = b * p;
    if (kept.some((j) => !Number.isFinite(shares[at + j]) || !Number.isFinite(performance[at + j]))) continue;
    valid.push(b);
    const importanceSplit = kept.reduce((a, j) => a + shares[at + j], 0) / kept.length;
    const performanceSplit = kept.reduce((a, j) => a + performance[at + j], 0) / kept.length;
    kept.forEach((j, a) => counts[a][quadrantOf(shares[at + j], performance[at + j], importanceSplit, performanceSplit)]++);
  }
  const values = new Float64Array(valid.length);
  return kept.map((j, a) => {
    let mean = 0;
    valid.forEach((b, v) => {
      values[v] = shares[b * p + j];
      mean += values[v];
    });
    mean /= values.length;
    let squares = 0;
    for (const v of values) squares += (v - mean) * (v - mean);
    const se = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : Number.NaN;
    values.sort();
    const c = counts[a];
    const quadrantShares = { strength: c.strength / replicates, develop: c.develop / replicates, maintain: c.maintain / replicates, lower: c.lower / replicates };
    return { se, ci: [quantile7(values, 0.025), quantile7(values, 0.975)], quadrantShares, stable: quadrantShares[quadrants[a]] >= QUADRANT_STABILITY };
  });
}

/** The p-quantile of sorted values by R's default rule (type 7): x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) with h = (n − 1)p, 0-based. */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
