/**
 * Student's t distribution with a whole number of degrees of freedom: the
 * upper tail and the quantile, for the t quantiles of R's survey package
 * (`confint(..., ddf = degf(design))`).
 */

/** Above this many degrees of freedom the quantile is the Cornish–Fisher expansion, whose error (of order ν⁻⁵) is then below 1e-14. */
const EXPANSION_DF = 1000;

/**
 * P(T > t) and the density at t ≥ 0 for ν whole degrees of freedom, from the
 * finite series of Abramowitz & Stegun 26.7.3–26.7.4 (exact up to rounding):
 * with θ = atan(t/√ν), A(t|ν) = P(|T| < t) is (2/π)(θ + sinθ cosθ (1 + ⅔cos²θ
 * + …)) for odd ν and sinθ (1 + ½cos²θ + ⅜cos⁴θ + …) for even ν.
 */
function upperTail(t: number, df: number): { tail: number; density: number } {
  const c2 = df / (df + t * t);
  const sin = t / Math.sqrt(df + t * t);
  // Γ((ν+1)/2) / Γ(ν/2) from its value at 1 or 2 by the recurrence r(k) = r(k − 2) · (k − 1)/(k − 2).
  let gammaRatio = df % 2 === 1 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let k = df % 2 === 1 ? 3 : 4; k <= df; k += 2) gammaRatio *= (k - 1) / (k - 2);
  let a: number;
  if (df % 2 === 1) {
    let term = 1;
    let sum = 1;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    const theta = Math.atan(t / Math.sqrt(df));
    a = df === 1 ? (2 * theta) / Math.PI : (2 / Math.PI) * (theta + sin * Math.sqrt(c2) * sum);
  } else {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = sin * sum;
  }
  const density = (gammaRatio / Math.sqrt(df * Math.PI)) * Math.exp(((df + 1) / 2) * Math.log(c2));
  return { tail: (1 - a) / 2, density };
}

/** The Cornish–Fisher expansion of the t quantile in powers of 1/ν around the normal quantile x (Abramowitz & Stegun 26.7.5). */
function expansion(x: number, df: number): number {
  const x2 = x * x;
  const g1 = (x * (x2 + 1)) / 4;
  const g2 = (x * ((5 * x2 + 16) * x2 + 3)) / 96;
  const g3 = (x * (((3 * x2 + 19) * x2 + 17) * x2 - 15)) / 384;
  const g4 = (x * ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945)) / 92160;
  return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * Upper quantile of Student's t: the t with P(T ≤ t) = p, for ½ ≤ p < 1 and
 * ν = `df` whole degrees of freedom (R: `qt(p, df)`). `normalQuantile` is
 * qnorm(p), the start of the search. NaN when df < 1.
 *
 * Newton's method on the exact upper tail (Abramowitz & Stegun 26.7.3–4),
 * kept inside a shrinking bracket; above 1000 degrees of freedom the
 * Cornish–Fisher expansion (26.7.5) is exact to double precision. Agrees with
 * R's qt to about 1e-13 relative (test/estimate/student-t.test.ts).
 *
 * Abramowitz & Stegun (1964), Handbook of Mathematical Functions, §26.7,
 * https://personal.math.ubc.ca/~cbm/aands/page_948.htm
 */
export function studentTQuantile(p: number, df: number, normalQuantile: number): number {
  if (!(df >= 1) || !Number.isInteger(df) || !(p >= 0.5 && p < 1)) return NaN;
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const start = expansion(normalQuantile, df);
  if (df > EXPANSION_DF) return start;
  const target = 1 - p;
  let low = 0;
  let high = Infinity;
  let t = start;
  for (let i = 0; i < 100; i++) {
    const { tail, density } = upperTail(t, df);
    if (tail > target) low = t;
    else high = t;
    let next = t + (tail - target) / density;
    // Outside the bracket Newton has overshot: halve the bracket instead.
    if (!(next > low && next < high)) next = high === Infinity ? 2 * t : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}
