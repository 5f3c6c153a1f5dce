import { Z975 } from './coding.ts';
import { studentTQuantile } from './student-t.ts';

/**
 * How the 95 % interval of a share is made:
 * - 'logit': symmetric on the logit scale (R's svyciprop(method = "logit")),
 *   so it always lies within 0–1;
 * - 'wald': the estimate ± 1.96 SE, as for means, which can reach below 0 or
 *   above 1 near the ends. Editions published before the logit interval keep it.
 */
export type ShareInterval = 'logit' | 'wald';

/** The interval every new edition's shares get. */
export const CURRENT_SHARE_INTERVAL: ShareInterval = 'logit';

/**
 * The 95 % logit interval of a share p̂ (0–1) with standard error `se` and
 * `df` degrees of freedom: expit(logit p̂ ± t · se / (p̂(1 − p̂))), t the 97.5 %
 * quantile of Student's t with `df` degrees of freedom (not the normal one).
 *
 * This is R's `svyciprop(~I(y), design, method = "logit")` in survey 4.1.1:
 * it fits svyglm(y ~ 1, family = quasibinomial), whose intercept is
 * logit p̂ with the sandwich SE se / (p̂(1 − p̂)) (the delta method), takes the
 * Wald interval of the intercept with `confint(..., ddf = degf(design))` (a t
 * quantile) and back-transforms it. `df` is degf of the domain's base: its
 * respondents less the strata they are in (EstimateInterval.df).
 *
 * A share of 0 or 1, or one without variance, has the interval [p̂, p̂]: R's
 * fit does not converge there (it gives an interval around 1e-11). Without
 * degrees of freedom (df < 1) R gives no interval (NaN); the interval is then
 * the whole [0, 1].
 *
 * Lumley (2010), Complex Surveys, §2.4; Korn & Graubard (1998), Confidence
 * intervals for proportions with small expected number of positive counts
 * estimated from survey data, Survey Methodology 24(2).
 */
export function logitInterval(estimate: number, se: number, df: number): [number, number] {
  if (!(se > 0) || !(estimate > 0 && estimate < 1)) return [estimate, estimate];
  if (!(df >= 1)) return [0, 1];
  const t = studentTQuantile(0.975, df, Z975);
  const centre = Math.log(estimate / (1 - estimate));
  const half = (t * se) / (estimate * (1 - estimate));
  return [expit(centre - half), expit(centre + half)];
}

/** 1 / (1 + e^−x), the inverse of the logit. */
function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
