import type { Design } from './design.ts';
import { surveyMean } from './survey-mean.ts';

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
  const variance = ((ss / mean.sumWeights) * mean.n) / (mean.n - 1);
  if (!(variance > 0)) return undefined;
  return { estimate: mean.estimate, se: mean.se, n: mean.n, designEffect: (mean.se * mean.se) / (variance / mean.n) };
}
