import type { Design } from './design.ts';
import { Z975 } from './coding.ts';

export interface MeanEstimate {
  /** Weighted mean of the valid answers in the domain. */
  estimate: number;
  /** Design-based standard error (linearisation, strata with replacement). */
  se: number;
  /** 95 % normal interval: estimate ± qnorm(0.975) · se. */
  ci: [number, number];
  /** Unweighted count of valid answers in the domain. */
  n: number;
  /** Kish's effective sample size (Σw)² / Σw² over the valid answers. */
  effectiveN: number;
  /** Sum of the weights of the valid answers. */
  sumWeights: number;
  /**
   * Degrees of freedom of the domain's valid answers: their count less the
   * strata they are in (R's degf of the subset design, each respondent a PSU).
   */
  df: number;
}

/**
 * Survey mean: the weighted (Hájek) mean of `y` over a domain and its
 * linearisation standard error under a stratified with-replacement design.
 *
 * For domain D, ȳ = Σ wᵢyᵢ / Σ wᵢ over the valid answers in D. With
 * zᵢ = wᵢ(yᵢ − ȳ) / Σ wᵢ for a valid answer in D and zᵢ = 0 for every other
 * respondent, Var = Σ_h n_h/(n_h − 1) · Σ_{i∈h} (zᵢ − z̄_h)², where n_h counts
 * every respondent of stratum h. This is what R's
 * `svymean(~y, subset(design, D), na.rm = TRUE)` gives: subsets of a
 * `svydesign` keep the full stratum sizes, so respondents outside the domain or
 * without an answer are zeros, not dropped rows.
 *
 * A stratum with a single respondent contributes 0 to the variance, as R does
 * with `options(survey.lonely.psu = "certainty")`; R's default ("fail") stops
 * with an error instead.
 *
 * Answers that are all the same value give that value exactly and SE 0 (the
 * sums would give it only to rounding, and a 1e-16 SE to go with it).
 *
 * `y` NaN is missing; `domain[i] === 1` marks the domain (undefined = everyone).
 * Returns undefined when the domain has no valid answer.
 *
 * Lumley (2004), Analysis of complex survey samples, J. Stat. Softw. 9(8),
 * https://doi.org/10.18637/jss.v009.i08; Särndal, Swensson & Wretman (1992),
 * Model Assisted Survey Sampling, §10.3 (domain estimation).
 */
export function surveyMean(design: Design, y: ArrayLike<number>, domain?: Uint8Array): MeanEstimate | undefined {
  const { strata, weights, strataCount } = design;
  const rows = strata.length;
  const stratumSize = new Float64Array(strataCount);

  // Pass 1: stratum sizes over every respondent; weighted sums over valid answers in the domain.
  let n = 0;
  let sw = 0;
  let swy = 0;
  let sww = 0;
  // The one value every answer has, if so (NaN once two differ).
  let only = NaN;
  let same = true;
  const answered = new Uint8Array(strataCount);
  for (let i = 0; i < rows; i++) {
    stratumSize[strata[i]]++;
    if (domain !== undefined && domain[i] !== 1) continue;
    const v = y[i];
    if (v !== v) continue;
    answered[strata[i]] = 1;
    const w = weights[i];
    if (n === 0) only = v;
    else if (v !== only) same = false;
    n++;
    sw += w;
    swy += w * v;
    sww += w * w;
  }
  if (n === 0 || !(sw > 0)) return undefined;
  const df = n - answered.reduce((a, b) => a + b, 0);
  // Answers that are all the same: that value exactly, with no variance (not its rounding in Σwy / Σw).
  if (same) return { estimate: only, se: 0, ci: [only, only], n, effectiveN: (sw * sw) / sww, sumWeights: sw, df };
  const mean = swy / sw;

  // Pass 2: per stratum Welford mean and sum of squares of uᵢ = wᵢ(yᵢ − ȳ) over the valid answers.
  const count = new Float64Array(strataCount);
  const uMean = new Float64Array(strataCount);
  const uSs = new Float64Array(strataCount);
  for (let i = 0; i < rows; i++) {
    if (domain !== undefined && domain[i] !== 1) continue;
    const v = y[i];
    if (v !== v) continue;
    addToStratum(count, uMean, uSs, strata[i], weights[i] * (v - mean));
  }
  const se = Math.sqrt(stratifiedVariance(stratumSize, count, uMean, uSs, 0)) / sw;

  return {
    estimate: mean,
    se,
    ci: [mean - Z975 * se, mean + Z975 * se],
    n,
    effectiveN: (sw * sw) / sww,
    sumWeights: sw,
    df,
  };
}

/**
 * Adds u to the running (Welford) mean and sum of squared deviations at `at`:
 * of one stratum's uᵢ = wᵢ(yᵢ − ȳ) over the valid answers of a domain.
 */
export function addToStratum(count: Float64Array, uMean: Float64Array, uSs: Float64Array, at: number, u: number): void {
  const c = ++count[at];
  const d = u - uMean[at];
  uMean[at] += d / c;
  uSs[at] += d * (u - uMean[at]);
}

/**
 * The linearisation variance of a domain's weighted total of u (see surveyMean):
 * Σ_h n_h/(n_h − 1) · Σ_{i∈h} (zᵢ − z̄_h)², where each stratum h's answers (their
 * count, mean and sum of squares at `offset + h`, from addToStratum) are joined by
 * zeros for the rest of its n_h respondents (Chan et al.'s pairwise update). A
 * stratum of one respondent adds nothing.
 */
export function stratifiedVariance(stratumSize: Float64Array, count: Float64Array, uMean: Float64Array, uSs: Float64Array, offset: number): number {
  let variance = 0;
  for (let h = 0; h < stratumSize.length; h++) {
    const nh = stratumSize[h];
    const m = count[offset + h];
    if (nh < 2 || m === 0) continue;
    const mu = uMean[offset + h];
    variance += (nh / (nh - 1)) * (uSs[offset + h] + (mu * mu * m * (nh - m)) / nh);
  }
  return variance;
}
