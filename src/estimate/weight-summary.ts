import type { Partition } from './domain-moments.ts';

/**
 * Kish's effective sample size (Σw)² / Σw² of a set of weights; 0 when Σw² is
 * 0 (no weights).
 *
 * Kish (1965), Survey Sampling, §11.7; https://en.wikipedia.org/wiki/Design_effect#Effective_sample_size
 */
export function kishEffectiveN(sumWeights: number, sumSquaredWeights: number): number {
  return sumSquaredWeights > 0 ? (sumWeights * sumWeights) / sumSquaredWeights : 0;
}

/** The respondents of one domain, their weights, and the one with the largest weight. */
export interface DomainWeightShare {
  /** Respondents in the domain. */
  n: number;
  sumWeights: number;
  /** Kish's effective n (Σw)² / Σw² of the domain's respondents; 0 for an empty domain. */
  effectiveN: number;
  /** Row (0-based, in the data as loaded) of the respondent with the largest weight; −1 for an empty domain. */
  largestRow: number;
  /** That respondent's weight. */
  largestWeight: number;
  /** Their share of the domain's weight, largestWeight / Σw (0 for an empty domain). */
  largestShare: number;
}

/**
 * Per domain of the partitions (numbered as in DomainMoments: the classes of
 * every partition, in partition order), its respondents' weight summary (n, Σw
 * and Kish's effective n) and the respondent who carries the largest share of
 * its weight. One pass over the weights per partition, in row order. The first
 * of equal largest weights is named.
 */
export function domainWeightShares(weights: ArrayLike<number>, partitions: readonly Partition[]): DomainWeightShare[] {
  const out: DomainWeightShare[] = [];
  for (const p of partitions) {
    const { n, sw, sww, top, row } = partitionWeights(weights, p);
    for (let c = 0; c < p.classes; c++) {
      out.push({
        n: n[c],
        sumWeights: sw[c],
        effectiveN: kishEffectiveN(sw[c], sww[c]),
        largestRow: row[c],
        largestWeight: top[c],
        largestShare: sw[c] > 0 ? top[c] / sw[c] : 0,
      });
    }
  }
  return out;
}

/**
 * One partition's pass of domainWeightShares: per class n, Σw, Σw², the largest weight and its first row. A function
 * of its own, so that its loop is compiled once for every partition rather than with the whole summary around it.
 */
function partitionWeights(weights: ArrayLike<number>, p: Partition) {
  const n = new Float64Array(p.classes);
  const sw = new Float64Array(p.classes);
  const sww = new Float64Array(p.classes);
  const top = new Float64Array(p.classes);
  const row = new Int32Array(p.classes).fill(-1);
  for (let i = 0; i < weights.length; i++) {
    const c = p.codes === undefined ? 0 : p.codes[i];
    if (!(c >= 0 && c < p.classes)) continue;
    const w = weights[i];
    n[c]++;
    sw[c] += w;
    sww[c] += w * w;
    if (row[c] < 0 || w > top[c]) {
      top[c] = w;
      row[c] = i;
    }
  }
  return { n, sw, sww, top, row };
}
