import type { Design } from './design.ts';
import { addToStratum, stratifiedVariance, surveyMean } from './survey-mean.ts';

/** A survey mean's design-based design effect, with the mean and its standard error. */
export interface DesignEffect {
  estimate: number;
  se: number;
  /** Valid answers in the domain. */
  n: number;
  /** SE² / (s²/n): the design's variance of the mean over that of a simple random sample of n drawn with replacement. */
  designEffect: number;
}

/**
 * Design-based design effect of a survey mean (see surveyMean): its
 * linearisation variance SE² over the variance s²/n the mean would have in a
 * simple random sample of the same n drawn with replacement, where
 * s² = n/(n − 1) · Σw(y − ȳ)² / Σw over the valid answers in the domain (R's
 * `svyvar`). Equal to R's `svymean(~y, design, na.rm = TRUE, deff = "replace")`.
 *
 * R's `deff = TRUE` divides by the variance without replacement instead,
 * s²/n · (1 − n/N) with N = Σw, which is deff · N/(N − n) here: it is
 * undefined when the weights sum to no more than n (weights scaled to the
 * sample size, or none), and it sets a with-replacement design variance against
 * a finite-population one. Kish's n / effective n is this quantity's
 * approximation for weights unrelated to the answers.
 *
 * Undefined with fewer than two valid answers, or when they do not vary.
 *
 * Lumley (2010), Complex Surveys, §2.4 (design effects); Kish (1965), Survey Sampling, §8.2.
 * https://r-survey.r-forge.r-project.org/survey/html/surveysummary.html
 */
export function designEffect(design: Design, y: ArrayLike<number>, domain?: Uint8Array): DesignEffect | undefined {
  const mean = surveyMean(design, y, domain);
  if (mean === undefined || mean.n < 2) return undefined;
  const { weights } = design;
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    if (domain !== undefined && domain[i] !== 1) continue;
    const v = y[i];
    if (v !== v) continue;
    const d = v - mean.estimate;
    ss += weights[i] * d * d;
  }
  const designEffect = overReplacement(mean.se, ss, mean.sumWeights, mean.n);
  return designEffect === undefined ? undefined : { estimate: mean.estimate, se: mean.se, n: mean.n, designEffect };
}

/**
 * SE² over s²/n, with s² = n/(n − 1) · Σw(y − ȳ)² / Σw (`ss` the sum of squares,
 * `sw` the sum of weights): undefined when s² is not positive.
 */
function overReplacement(se: number, ss: number, sw: number, n: number): number | undefined {
  const variance = ((ss / sw) * n) / (n - 1);
  return variance > 0 ? (se * se) / (variance / n) : undefined;
}

/**
 * designEffect of the total and of each stratum as a domain: element 0 is
 * designEffect(design, y), element 1 + h designEffect(design, y, the mask of
 * stratum h). Three passes over the respondents for all of them, where one
 * call per domain makes three each: every domain's sums take the same terms
 * in the same order as its own call, so the numbers are the same to the bit.
 */
export function stratumDesignEffects(design: Design, y: ArrayLike<number>): (DesignEffect | undefined)[] {
  const { strata, weights, strataCount: H } = design;
  const rows = strata.length;
  const D = 1 + H;
  const stratumSize = new Float64Array(H);
  const n = new Float64Array(D);
  const sw = new Float64Array(D);
  const swy = new Float64Array(D);
  const only = new Float64Array(D);
  const same = new Uint8Array(D).fill(1);
  const add = (d: number, w: number, v: number) => {
    if (n[d] === 0) only[d] = v;
    else if (v !== only[d]) same[d] = 0;
    n[d]++;
    sw[d] += w;
    swy[d] += w * v;
  };
  for (let i = 0; i < rows; i++) {
    const h = strata[i];
    stratumSize[h]++;
    const v = y[i];
    if (v !== v) continue;
    const w = weights[i];
    add(0, w, v);
    add(1 + h, w, v);
  }
  // Per domain its mean, or NaN where designEffect gives none (no answer, or answers that are all the same).
  const mean = new Float64Array(D);
  for (let d = 0; d < D; d++) mean[d] = n[d] === 0 || !(sw[d] > 0) || same[d] ? NaN : swy[d] / sw[d];

  // Per domain and stratum: the Welford mean and sum of squares of w(y − ȳ), as surveyMean; and Σw(y − ȳ)².
  const count = new Float64Array(D * H);
  const uMean = new Float64Array(D * H);
  const uSs = new Float64Array(D * H);
  const ss = new Float64Array(D);
  for (let i = 0; i < rows; i++) {
    const v = y[i];
    if (v !== v) continue;
    const h = strata[i];
    const w = weights[i];
    addToStratum(count, uMean, uSs, h, w * (v - mean[0]));
    addToStratum(count, uMean, uSs, (1 + h) * H + h, w * (v - mean[1 + h]));
  }
  for (let i = 0; i < rows; i++) {
    const v = y[i];
    if (v !== v) continue;
    const w = weights[i];
    const total = v - mean[0];
    ss[0] += w * total * total;
    const own = v - mean[1 + strata[i]];
    ss[1 + strata[i]] += w * own * own;
  }
  return Array.from({ length: D }, (_, d) => {
    if (n[d] < 2 || mean[d] !== mean[d]) return undefined;
    const se = Math.sqrt(stratifiedVariance(stratumSize, count, uMean, uSs, d * H)) / sw[d];
    const designEffect = overReplacement(se, ss[d], sw[d], n[d]);
    return designEffect === undefined ? undefined : { estimate: mean[d], se, n: n[d], designEffect };
  });
}
