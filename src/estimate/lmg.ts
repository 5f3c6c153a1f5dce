export interface LmgResult {
  /** R² of the full weighted least squares model. */
  r2: number;
  /** LMG share of R² per predictor, in R² units; sums to r2. */
  importance: number[];
  /** importance / r2 per predictor; sums to 1. */
  share: number[];
  /** Number of complete cases used. */
  n: number;
  /** Raw weighted least squares slopes of the full model, intercept excluded. */
  coefficients: number[];
}

/** Largest number of predictors: the work grows as 2^p. */
const MAX_PREDICTORS = 20;

/**
 * A pivot of the Cholesky factor of the correlation matrix below this (1 − R²
 * of a predictor on the ones before it) counts as singular.
 */
const SINGULAR = 1e-10;

/**
 * Relative importance by LMG (Lindeman, Merenda & Gold 1980; Grömping 2006
 * relaimpo): the Shapley decomposition of a weighted least squares R², averaged
 * over all orderings, exact. Uses only complete cases (all predictors and the
 * outcome non-NaN, a positive finite weight, and mask[i] === 1 if a mask is
 * given).
 *
 * With R²(S) the R² of the regression on the predictor subset S,
 * LMG_j = Σ_{S ⊆ others} |S|!(p − |S| − 1)!/p! · (R²(S ∪ {j}) − R²(S)).
 * The weighted correlation matrix is computed once; each R²(S) = r_Sᵀ R_SS⁻¹ r_S
 * by Cholesky factorisation.
 *
 * Returns undefined with no predictors, fewer complete cases than p + 2, a
 * constant outcome or predictor, or (near-)collinear predictors. Throws a
 * RangeError for more than 20 predictors (a configuration error).
 *
 * Grömping (2006), Relative Importance for Linear Regression in R: The Package
 * relaimpo, J. Stat. Softw. 17(1), https://doi.org/10.18637/jss.v017.i01
 */
export function lmg(
  predictors: ArrayLike<number>[],
  outcome: ArrayLike<number>,
  weights: ArrayLike<number>,
  mask?: Uint8Array,
): LmgResult | undefined {
  const p = predictors.length;
  if (p > MAX_PREDICTORS) throw new RangeError(`lmg: at most ${MAX_PREDICTORS} predictors`);
  if (p === 0) return undefined;

  // Complete cases (those of the whole data are kept for the next call on the same columns, e.g. another domain).
  const all = completeCases(predictors, outcome, weights);
  let cases = all.cases;
  let n = all.n;
  if (mask !== undefined) {
    const inDomain = new Uint32Array(n);
    let m = 0;
    for (let c = 0; c < n; c++) {
      const i = cases[c];
      if (mask[i] === 1) inDomain[m++] = i;
    }
    cases = inDomain;
    n = m;
  }
  if (n < p + 2) return undefined;

  // Weighted means, then centred cross-products of (x₁ … x_p, y).
  const q = p + 1;
  const columns: ArrayLike<number>[] = [...predictors, outcome];
  const mean = new Float64Array(q);
  let sw = 0;
  for (let c = 0; c < n; c++) {
    const i = cases[c];
    const w = weights[i];
    sw += w;
    for (let j = 0; j < q; j++) mean[j] += w * columns[j][i];
  }
  for (let j = 0; j < q; j++) mean[j] /= sw;
  const cov = new Float64Array(q * q);
  const centred = new Float64Array(q);
  for (let c = 0; c < n; c++) {
    const i = cases[c];
    const w = weights[i];
    for (let j = 0; j < q; j++) centred[j] = columns[j][i] - mean[j];
    for (let j = 0; j < q; j++) {
      const wj = w * centred[j];
      for (let k = j; k < q; k++) cov[j * q + k] += wj * centred[k];
    }
  }
  return lmgOfCovariance(p, cov, n);
}

/**
 * lmg from the upper triangle of the weighted centred cross-products of
 * (x₁ … x_p, y) over n complete cases (only their ratios matter).
 */
function lmgOfCovariance(p: number, cov: Float64Array, n: number): LmgResult | undefined {
  const q = p + 1;
  const sd = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    const v = cov[j * q + j];
    if (!(v > 0)) return undefined;
    sd[j] = Math.sqrt(v);
  }
  // Correlations: R for the predictors, r for predictor–outcome.
  const corr = new Float64Array(p * p);
  const r = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    corr[j * p + j] = 1;
    for (let k = j + 1; k < p; k++) corr[j * p + k] = corr[k * p + j] = cov[j * q + k] / (sd[j] * sd[k]);
    r[j] = cov[j * q + p] / (sd[j] * sd[p]);
  }

  // R² of every subset; the full set first, which also settles singularity
  // (every principal submatrix of a positive definite matrix is one too).
  const subsets = 1 << p;
  const r2 = new Float64Array(subsets);
  const factor = new Float64Array(p * p);
  const solved = new Float64Array(p);
  const index = new Int32Array(p);
  const full = subsets - 1;
  r2[full] = subsetR2(full, p, corr, r, factor, solved, index);
  if (!Number.isFinite(r2[full])) return undefined;
  for (let s = 1; s < full; s++) r2[s] = subsetR2(s, p, corr, r, factor, solved, index);

  // Shapley weights |S|!(p − |S| − 1)!/p! by subset size.
  const orderWeight = new Float64Array(p);
  for (let size = 0; size < p; size++) orderWeight[size] = 1 / (p * binomial(p - 1, size));
  const importance = new Array<number>(p).fill(0);
  for (let s = 0; s < subsets; s++) {
    const w = orderWeight[popcount(s)] ?? 0;
    for (let j = 0; j < p; j++) {
      const bit = 1 << j;
      if ((s & bit) === 0) importance[j] += w * (r2[s | bit] - r2[s]);
    }
  }

  // Full-model slopes: standardised solution of R b = r, rescaled.
  const coefficients = fullCoefficients(p, corr, r).map((b, j) => (b * sd[p]) / sd[j]);
  const total = r2[full];
  return {
    r2: total,
    importance,
    share: importance.map((v) => v / total),
    n,
    coefficients,
  };
}

/** lmg of the total and of each group: see lmgByGroup. */
export interface LmgByGroup {
  total: LmgResult | undefined;
  /** Per group 0 … groupCount − 1. */
  groups: (LmgResult | undefined)[];
}

/**
 * lmg of the whole data and of every group at once, each as lmg(predictors,
 * outcome, weights, mask) with mask the respondents of the group: one pass
 * over the complete cases sums, per group, Σw, Σw·d and Σw·d·dᵀ of the
 * values d = (x₁ … x_p, y) − s_g shifted by the group's first complete case
 * s_g; each group's centred cross-products follow from these, and the
 * total's are the groups' put together (Chan, Golub & LeVeque 1979), so no
 * case is read twice. A case whose group code is outside 0 … groupCount − 1
 * counts for the total only.
 */
export function lmgByGroup(
  predictors: ArrayLike<number>[],
  outcome: ArrayLike<number>,
  weights: ArrayLike<number>,
  groups: ArrayLike<number>,
  groupCount: number,
): LmgByGroup {
  const p = predictors.length;
  if (p > MAX_PREDICTORS) throw new RangeError(`lmg: at most ${MAX_PREDICTORS} predictors`);
  const none: LmgByGroup = { total: undefined, groups: new Array<LmgResult | undefined>(groupCount).fill(undefined) };
  if (p === 0) return none;
  const { cases, n } = completeCases(predictors, outcome, weights);
  const q = p + 1;
  const G = groupCount + 1; // the last: cases of no group
  const columns: ArrayLike<number>[] = [...predictors, outcome];
  const count = new Float64Array(G);
  const sw = new Float64Array(G);
  const shift = new Float64Array(G * q);
  const s1 = new Float64Array(G * q);
  const s2 = new Float64Array(G * q * q);
  const d = new Float64Array(q);
  for (let c = 0; c < n; c++) {
    const i = cases[c];
    const code = groups[i];
    const g = code >= 0 && code < groupCount ? code : groupCount;
    const w = weights[i];
    const base = g * q;
    if (count[g] === 0) for (let j = 0; j < q; j++) shift[base + j] = columns[j][i];
    count[g]++;
    sw[g] += w;
    for (let j = 0; j < q; j++) {
      const v = columns[j][i] - shift[base + j];
      d[j] = v;
      s1[base + j] += w * v;
    }
    const at = g * q * q;
    for (let j = 0; j < q; j++) {
      const wj = w * d[j];
      const row = at + j * q;
      for (let k = j; k < q; k++) s2[row + k] += wj * d[k];
    }
  }
  // Per group: its weighted mean and centred cross-products M_g = Σw·d·dᵀ − (Σw·d)(Σw·d)ᵀ / W_g.
  const mean = new Float64Array(G * q);
  const centred = new Float64Array(G * q * q);
  for (let g = 0; g < G; g++) {
    if (count[g] === 0) continue;
    const base = g * q;
    const at = g * q * q;
    for (let j = 0; j < q; j++) mean[base + j] = shift[base + j] + s1[base + j] / sw[g];
    for (let j = 0; j < q; j++) {
      for (let k = j; k < q; k++) centred[at + j * q + k] = s2[at + j * q + k] - (s1[base + j] * s1[base + k]) / sw[g];
    }
  }
  const groupResults = Array.from({ length: groupCount }, (_, g) => (count[g] < p + 2 ? undefined : lmgOfCovariance(p, centred.subarray(g * q * q, (g + 1) * q * q), count[g])));
  if (n < p + 2) return { total: undefined, groups: groupResults };
  // The total: M = Σ_g M_g + Σ_g W_g (m_g − m)(m_g − m)ᵀ.
  let W = 0;
  for (let g = 0; g < G; g++) W += sw[g];
  const m = new Float64Array(q);
  for (let g = 0; g < G; g++) for (let j = 0; j < q; j++) if (count[g] > 0) m[j] += sw[g] * mean[g * q + j];
  for (let j = 0; j < q; j++) m[j] /= W;
  const cov = new Float64Array(q * q);
  for (let g = 0; g < G; g++) {
    if (count[g] === 0) continue;
    const base = g * q;
    const at = g * q * q;
    for (let j = 0; j < q; j++) {
      const dj = sw[g] * (mean[base + j] - m[j]);
      for (let k = j; k < q; k++) cov[j * q + k] += centred[at + j * q + k] + dj * (mean[base + k] - m[k]);
    }
  }
  return { total: lmgOfCovariance(p, cov, n), groups: groupResults };
}

interface CompleteCases {
  predictors: ArrayLike<number>[];
  weights: ArrayLike<number>;
  rows: number;
  cases: Uint32Array;
  n: number;
}

/** The last complete cases found per outcome column, with the columns they were found for. */
const lastCases = new WeakMap<object, CompleteCases>();

/**
 * The rows (in order) where the outcome and every predictor are non-NaN and
 * the weight is positive and finite. The answer for the same columns (the
 * same objects, not modified in between, as in one model's driver analyses
 * of several domains) is found once.
 */
function completeCases(predictors: ArrayLike<number>[], outcome: ArrayLike<number>, weights: ArrayLike<number>): CompleteCases {
  const p = predictors.length;
  let rows = Math.min(outcome.length, weights.length);
  for (const x of predictors) rows = Math.min(rows, x.length);
  const known = typeof outcome === 'object' && outcome !== null ? lastCases.get(outcome) : undefined;
  if (known && known.weights === weights && known.rows === rows && known.predictors.length === p && known.predictors.every((x, j) => x === predictors[j])) return known;
  const cases = new Uint32Array(rows);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const w = weights[i];
    if (!(w > 0 && w < Infinity)) continue;
    const y = outcome[i];
    if (y !== y) continue;
    let complete = true;
    for (let j = 0; j < p; j++) {
      const v = predictors[j][i];
      if (v !== v) {
        complete = false;
        break;
      }
    }
    if (complete) cases[n++] = i;
  }
  const found: CompleteCases = { predictors: [...predictors], weights, rows, cases, n };
  if (typeof outcome === 'object' && outcome !== null) lastCases.set(outcome, found);
  return found;
}

/** r_Sᵀ R_SS⁻¹ r_S = ‖L⁻¹ r_S‖² with R_SS = L Lᵀ; NaN when R_SS is not positive definite. */
function subsetR2(
  subset: number,
  p: number,
  corr: Float64Array,
  r: Float64Array,
  a: Float64Array,
  u: Float64Array,
  index: Int32Array,
): number {
  let m = 0;
  for (let j = 0; j < p; j++) if (subset & (1 << j)) index[m++] = j;
  // Cholesky, lower triangle of a (m × m, row-major).
  for (let j = 0; j < m; j++) {
    const rj = index[j];
    for (let k = 0; k <= j; k++) {
      let s = corr[rj * p + index[k]];
      for (let l = 0; l < k; l++) s -= a[j * m + l] * a[k * m + l];
      if (k === j) {
        if (!(s > SINGULAR)) return NaN;
        a[j * m + j] = Math.sqrt(s);
      } else {
        a[j * m + k] = s / a[k * m + k];
      }
    }
  }
  // Forward substitution L u = r_S.
  let total = 0;
  for (let j = 0; j < m; j++) {
    let s = r[index[j]];
    for (let l = 0; l < j; l++) s -= a[j * m + l] * u[l];
    u[j] = s / a[j * m + j];
    total += u[j] * u[j];
  }
  return total;
}

/** Solves R b = r for the full predictor set (positive definite, checked before). */
function fullCoefficients(p: number, corr: Float64Array, r: Float64Array): number[] {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let s = corr[j * p + k];
      for (let m = 0; m < k; m++) s -= l[j * p + m] * l[k * p + m];
      l[j * p + k] = k === j ? Math.sqrt(s) : s / l[k * p + k];
    }
  }
  const u = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = r[j];
    for (let m = 0; m < j; m++) s -= l[j * p + m] * u[m];
    u[j] = s / l[j * p + j];
  }
  const b = new Array<number>(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = u[j];
    for (let m = j + 1; m < p; m++) s -= l[m * p + j] * b[m];
    b[j] = s / l[j * p + j];
  }
  return b;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
