import { cholesky, choleskyRow, solveLower, solveUpper } from './cholesky.ts';
import { kishEffectiveN } from './weight-summary.ts';

export interface LmgResult {
  available: true;
  /** R² of the full weighted least squares model (without the dropped predictors). */
  r2: number;
  /** LMG share of R² per predictor, in R² units; sums to r2. 0 for a dropped predictor. */
  importance: number[];
  /** importance / r2 per predictor; sums to 1. 0 for a dropped predictor. */
  share: number[];
  /** Number of complete cases used. */
  n: number;
  /** Kish's effective n (Σw)² / Σw² of the complete cases. */
  effectiveN: number;
  /** Raw weighted least squares slopes of the full model, intercept excluded; NaN for a dropped predictor (not estimable). */
  coefficients: number[];
  /** Predictors left out of the analysis, in predictor order: constant, or a linear combination of predictors before them. */
  dropped: LmgDropped[];
}

/** A predictor left out of the analysis, and why. */
export interface LmgDropped {
  /** Its index among the predictors. */
  index: number;
  /** 'constant': no variance over the complete cases; 'collinear': an exact linear combination of `with`. */
  reason: 'constant' | 'collinear';
  /** For 'collinear': the (kept, earlier) predictors it is a linear combination of. */
  with?: number[];
}

/**
 * Why there is no analysis: 'cases' fewer complete cases than the kept
 * predictors + 2; 'outcome' the outcome has no variance over the complete
 * cases; 'predictors' every predictor was dropped (or there is none).
 */
export interface LmgUnavailable {
  available: false;
  reason: 'cases' | 'outcome' | 'predictors';
  n: number;
  effectiveN: number;
  dropped: LmgDropped[];
}

export type LmgFit = LmgResult | LmgUnavailable;

/** Largest number of predictors: the work grows as 2^p. */
const MAX_PREDICTORS = 20;

/**
 * A pivot of the Cholesky factor of the correlation matrix below this (1 − R²
 * of a predictor on the ones before it) counts as singular.
 */
const SINGULAR = 1e-10;

/**
 * A column whose weighted standard deviation is no more than this times
 * max(|mean|, 1) is constant: what is left is the rounding of its mean.
 */
const CONSTANT = 1e-10;

/**
 * A predictor whose standardised coefficient on the kept predictors is
 * above this in size is named as one it is a linear combination of.
 */
const PARTNER = 1e-6;

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
 * A predictor that is constant over the complete cases, or an exact linear
 * combination of predictors before it (1 − R² on them below 1e-10), is
 * dropped (named in `dropped`) and the analysis runs on the others, as
 * relaimpo would on the model without it; a constant predictor's LMG is 0
 * anyway. Returns undefined with no predictors left, fewer complete cases
 * than the kept predictors + 2, or a constant outcome (lmgFit says which).
 * Throws a RangeError for more than 20 predictors (a configuration error).
 *
 * Grömping (2006), Relative Importance for Linear Regression in R: The Package
 * relaimpo, J. Stat. Softw. 17(1), https://doi.org/10.18637/jss.v017.i01
 */
export function lmg(predictors: ArrayLike<number>[], outcome: ArrayLike<number>, weights: ArrayLike<number>, mask?: Uint8Array, complete?: CompleteCases): LmgResult | undefined {
  const fit = lmgFit(predictors, outcome, weights, mask, complete);
  return fit.available ? fit : undefined;
}

/**
 * lmg, or why there is no analysis. `complete`: the complete cases of these
 * columns, from completeCases, when the caller analyses several domains of
 * the same columns (found here otherwise).
 */
export function lmgFit(predictors: ArrayLike<number>[], outcome: ArrayLike<number>, weights: ArrayLike<number>, mask?: Uint8Array, complete?: CompleteCases): LmgFit {
  const p = predictors.length;
  if (p > MAX_PREDICTORS) throw new RangeError(`lmg: at most ${MAX_PREDICTORS} predictors`);
  if (p === 0) return { available: false, reason: 'predictors', n: 0, effectiveN: 0, dropped: [] };

  const all = complete ?? completeCases(predictors, outcome, weights);
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
  // Weighted means, then centred cross-products of (x₁ … x_p, y).
  const q = p + 1;
  const columns: ArrayLike<number>[] = [...predictors, outcome];
  const mean = new Float64Array(q);
  let sw = 0;
  let sww = 0;
  for (let c = 0; c < n; c++) {
    const i = cases[c];
    const w = weights[i];
    sw += w;
    sww += w * w;
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
  return lmgOfCovariance(p, cov, { n, sw, sww, mean });
}

/** The complete cases behind a matrix of cross-products: their count, Σw, Σw² and weighted means of (x₁ … x_p, y). */
interface CaseSums {
  n: number;
  sw: number;
  sww: number;
  mean: ArrayLike<number>;
}

/**
 * lmg from the upper triangle of the weighted centred cross-products of
 * (x₁ … x_p, y) over the complete cases: first the constant predictors, then
 * (in order) those that are linear combinations of the ones kept before them
 * are dropped; LMG then runs on the rest.
 */
function lmgOfCovariance(p: number, cov: Float64Array, cases: CaseSums): LmgFit {
  const q = p + 1;
  const { n, sw, sww, mean } = cases;
  const effectiveN = kishEffectiveN(sw, sww);
  const unavailable = (reason: LmgUnavailable['reason'], dropped: LmgDropped[] = []): LmgUnavailable => ({ available: false, reason, n, effectiveN, dropped });
  if (n < 2 || !(sw > 0)) return unavailable('cases');
  const at = (j: number, k: number) => (j <= k ? cov[j * q + k] : cov[k * q + j]);
  const sd = new Float64Array(q);
  const constant = (j: number) => {
    const v = cov[j * q + j];
    if (!(v > 0)) return true;
    sd[j] = Math.sqrt(v);
    return Math.sqrt(v / sw) <= CONSTANT * Math.max(Math.abs(mean[j]), 1);
  };
  if (constant(p)) return unavailable('outcome');
  const dropped: LmgDropped[] = [];
  const candidates: number[] = [];
  for (let j = 0; j < p; j++) {
    if (constant(j)) dropped.push({ index: j, reason: 'constant' });
    else candidates.push(j);
  }
  if (candidates.length === 0) return unavailable('predictors', dropped);
  if (n < candidates.length + 2) return unavailable('cases', dropped);

  // Cholesky of the predictors' correlation matrix, a predictor at a time: a
  // pivot (1 − R² on the kept ones) at or below SINGULAR drops it.
  const corr = (j: number, k: number) => (j === k ? 1 : at(j, k) / (sd[j] * sd[k]));
  const kept: number[] = [];
  const factor = new Float64Array(p * p);
  for (const j of candidates) {
    // Its row of the factor, below the kept ones: u = L⁻¹ r_j, pivot 1 − ‖u‖².
    const m = kept.length;
    const pivot = choleskyRow(factor, p, m, (k) => corr(kept[k], j), 1);
    if (!(pivot > SINGULAR)) {
      // Its standardised coefficients on the kept predictors: Lᵀ β = u (the row is written over by the next candidate).
      const beta = solveUpper(factor, p, m, factor.subarray(m * p, m * p + m), new Float64Array(m));
      dropped.push({ index: j, reason: 'collinear', with: kept.filter((_, k) => Math.abs(beta[k]) > PARTNER) });
      continue;
    }
    factor[m * p + m] = Math.sqrt(pivot);
    kept.push(j);
  }
  dropped.sort((a, b) => a.index - b.index);

  // LMG on the kept predictors: R for them, r for predictor–outcome.
  const k = kept.length;
  const R = new Float64Array(k * k);
  const r = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) R[a * k + b] = corr(kept[a], kept[b]);
    r[a] = at(kept[a], p) / (sd[kept[a]] * sd[p]);
  }
  const part = lmgOfCorrelations(k, R, r);
  if (part === undefined) return unavailable('predictors', dropped);
  const importance = new Array<number>(p).fill(0);
  const coefficients = new Array<number>(p).fill(NaN);
  kept.forEach((j, a) => {
    importance[j] = part.importance[a];
    coefficients[j] = (part.standardised[a] * sd[p]) / sd[j];
  });
  return {
    available: true,
    r2: part.r2,
    importance,
    share: importance.map((v) => v / part.r2),
    n,
    effectiveN,
    coefficients,
    dropped,
  };
}

/**
 * Exact LMG of p predictors with correlation matrix `corr` (positive
 * definite: checked while dropping) and predictor–outcome correlations `r`.
 */
function lmgOfCorrelations(p: number, corr: Float64Array, r: Float64Array): { r2: number; importance: number[]; standardised: number[] } | undefined {
  // R² of every subset; the full set first, which also settles singularity
  // (every principal submatrix of a positive definite matrix is one too).
  const subsets = 1 << p;
  const r2 = new Float64Array(subsets);
  const factor = new Float64Array(p * p);
  const solved = new Float64Array(p);
  const index = new Int32Array(p);
  const rs = new Float64Array(p);
  const full = subsets - 1;
  r2[full] = subsetR2(full, p, corr, r, factor, solved, index, rs);
  if (!Number.isFinite(r2[full])) return undefined;
  for (let s = 1; s < full; s++) r2[s] = subsetR2(s, p, corr, r, factor, solved, index, rs);

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
  // Full-model slopes: the standardised solution of R b = r.
  return { r2: r2[full], importance, standardised: fullCoefficients(p, corr, r) };
}

/** lmg of the total and of each group: see lmgByGroup. */
export interface LmgByGroup {
  total: LmgFit;
  /** Per group 0 … groupCount − 1. */
  groups: LmgFit[];
  /** The sums behind them, per random group of a replicate scheme when one was given (for lmgReplicates). */
  moments: DriverMoments;
}

/**
 * Σw, Σw², Σw·d and Σw·d·dᵀ (upper triangle) of the complete cases per cell: a
 * group, or a random group of a replicate scheme, with d = (x₁ … x_p, y) − s_g
 * shifted by the first complete case s_g of the cell's group g (the same
 * shift for all cells of a group, so cells add up to their group).
 */
export interface DriverMoments {
  p: number;
  groupCount: number;
  /** Complete cases. */
  n: number;
  cells: number;
  /** The group of each cell: 0 … groupCount − 1, or groupCount for cases of no group. */
  cellGroup: Uint32Array;
  count: Float64Array;
  sw: Float64Array;
  sww: Float64Array;
  /** Per group (groupCount + 1) × q. */
  shift: Float64Array;
  s1: Float64Array;
  s2: Float64Array;
}

/**
 * lmg of the whole data and of every group at once, each as lmg(predictors,
 * outcome, weights, mask) with mask the respondents of the group: one pass
 * over the complete cases sums, per group, Σw, Σw·d and Σw·d·dᵀ of the
 * values d = (x₁ … x_p, y) − s_g shifted by the group's first complete case
 * s_g; each group's centred cross-products follow from these, and the
 * total's are the groups' put together (Chan, Golub & LeVeque 1979), so no
 * case is read twice. A case whose group code is outside 0 … groupCount − 1
 * counts for the total only. With a replicate scheme over the same groups
 * (its strata), the sums are kept per random group, for lmgReplicates.
 */
export function lmgByGroup(
  predictors: ArrayLike<number>[],
  outcome: ArrayLike<number>,
  weights: ArrayLike<number>,
  groups: ArrayLike<number>,
  groupCount: number,
  scheme?: { cells: number; cellOf: ArrayLike<number>; cellStratum: ArrayLike<number> },
): LmgByGroup {
  const p = predictors.length;
  if (p > MAX_PREDICTORS) throw new RangeError(`lmg: at most ${MAX_PREDICTORS} predictors`);
  const { cases, n } = p === 0 ? { cases: new Uint32Array(0), n: 0 } : completeCases(predictors, outcome, weights);
  const q = p + 1;
  const G = groupCount + 1; // the last: cases of no group
  const bucket = (code: number) => (code >= 0 && code < groupCount ? code : groupCount);
  const cells = scheme ? scheme.cells : G;
  const cellGroup = new Uint32Array(cells);
  for (let c = 0; c < cells; c++) cellGroup[c] = scheme ? bucket(scheme.cellStratum[c]) : c;
  const columns: ArrayLike<number>[] = [...predictors, outcome];
  const count = new Float64Array(cells);
  const sw = new Float64Array(cells);
  const sww = new Float64Array(cells);
  const started = new Uint8Array(G);
  const shift = new Float64Array(G * q);
  const s1 = new Float64Array(cells * q);
  const s2 = new Float64Array(cells * q * q);
  const d = new Float64Array(q);
  for (let c = 0; c < n; c++) {
    const i = cases[c];
    const g = bucket(groups[i]);
    const cell = scheme ? scheme.cellOf[i] : g;
    const w = weights[i];
    const base = g * q;
    if (started[g] === 0) {
      started[g] = 1;
      for (let j = 0; j < q; j++) shift[base + j] = columns[j][i];
    }
    count[cell]++;
    sw[cell] += w;
    sww[cell] += w * w;
    const at1 = cell * q;
    for (let j = 0; j < q; j++) {
      const v = columns[j][i] - shift[base + j];
      d[j] = v;
      s1[at1 + j] += w * v;
    }
    const at = cell * q * q;
    for (let j = 0; j < q; j++) {
      const wj = w * d[j];
      const row = at + j * q;
      for (let k = j; k < q; k++) s2[row + k] += wj * d[k];
    }
  }
  const moments: DriverMoments = { p, groupCount, n, cells, cellGroup, count, sw, sww, shift, s1, s2 };
  if (p === 0) {
    const none: LmgFit = { available: false, reason: 'predictors', n: 0, effectiveN: 0, dropped: [] };
    return { total: none, groups: new Array<LmgFit>(groupCount).fill(none), moments };
  }
  const sums = groupSums(moments);
  const groupResults = Array.from({ length: groupCount }, (_, g) => groupFit(sums, g));
  return { total: totalFit(sums), groups: groupResults, moments };
}

/** Per group: complete cases, Σw, Σw², weighted means and centred cross-products M_g = Σw·d·dᵀ − (Σw·d)(Σw·d)ᵀ / W_g. */
interface GroupSums {
  p: number;
  G: number;
  count: Float64Array;
  sw: Float64Array;
  sww: Float64Array;
  mean: Float64Array;
  centred: Float64Array;
}

/** The groups' sums from their cells', each cell's weights multiplied by factor[cell] when given (a replicate). */
function groupSums(m: DriverMoments, factor?: ArrayLike<number>): GroupSums {
  const { p, groupCount, cells, cellGroup } = m;
  const q = p + 1;
  const G = groupCount + 1;
  const count = new Float64Array(G);
  const sw = new Float64Array(G);
  const sww = new Float64Array(G);
  const s1 = new Float64Array(G * q);
  const s2 = new Float64Array(G * q * q);
  for (let c = 0; c < cells; c++) {
    const f = factor ? factor[c] : 1;
    if (f === 0 || m.count[c] === 0) continue;
    const g = cellGroup[c];
    count[g] += m.count[c];
    sw[g] += f * m.sw[c];
    sww[g] += f * f * m.sww[c];
    for (let j = 0; j < q; j++) s1[g * q + j] += f * m.s1[c * q + j];
    const from = c * q * q;
    const to = g * q * q;
    for (let j = 0; j < q; j++) for (let k = j; k < q; k++) s2[to + j * q + k] += f * m.s2[from + j * q + k];
  }
  const mean = new Float64Array(G * q);
  const centred = new Float64Array(G * q * q);
  for (let g = 0; g < G; g++) {
    if (count[g] === 0) continue;
    const base = g * q;
    const at = g * q * q;
    for (let j = 0; j < q; j++) mean[base + j] = m.shift[base + j] + s1[base + j] / sw[g];
    for (let j = 0; j < q; j++) {
      for (let k = j; k < q; k++) centred[at + j * q + k] = s2[at + j * q + k] - (s1[base + j] * s1[base + k]) / sw[g];
    }
  }
  return { p, G, count, sw, sww, mean, centred };
}

function groupFit(s: GroupSums, g: number): LmgFit {
  const q = s.p + 1;
  return lmgOfCovariance(s.p, s.centred.subarray(g * q * q, (g + 1) * q * q), { n: s.count[g], sw: s.sw[g], sww: s.sww[g], mean: s.mean.subarray(g * q, (g + 1) * q) });
}

/** The total: M = Σ_g M_g + Σ_g W_g (m_g − m)(m_g − m)ᵀ. */
function totalFit(s: GroupSums): LmgFit {
  const { p, G, count, sw, sww, mean, centred } = s;
  const q = p + 1;
  let W = 0;
  let WW = 0;
  let n = 0;
  for (let g = 0; g < G; g++) {
    W += sw[g];
    WW += sww[g];
    n += count[g];
  }
  const m = new Float64Array(q);
  for (let g = 0; g < G; g++) for (let j = 0; j < q; j++) if (count[g] > 0) m[j] += sw[g] * mean[g * q + j];
  if (W > 0) for (let j = 0; j < q; j++) m[j] /= W;
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
  return lmgOfCovariance(p, cov, { n, sw: W, sww: WW, mean: m });
}

/**
 * The LMG shares of R² in every replicate of a scheme, for the given domains
 * (a group 0 … groupCount − 1, or 'total'): per domain a B × p array (row b
 * the shares of replicate b, 0 for a dropped predictor). A replicate whose
 * analysis is not available, or keeps other predictors than `kept[domain]`,
 * is a row of NaN. `moments` must come from lmgByGroup with the same scheme;
 * each replicate costs one sum over the scheme's cells and one LMG per domain.
 */
export function lmgReplicates(moments: DriverMoments, factors: Float64Array, replicates: number, domains: readonly (number | 'total')[], kept: readonly (readonly number[])[]): Float64Array[] {
  const { p, cells } = moments;
  const out = domains.map(() => new Float64Array(replicates * p));
  for (let b = 0; b < replicates; b++) {
    const sums = groupSums(moments, factors.subarray(b * cells, (b + 1) * cells));
    domains.forEach((domain, k) => {
      const fit = domain === 'total' ? totalFit(sums) : groupFit(sums, domain);
      const row = out[k].subarray(b * p, (b + 1) * p);
      const same = fit.available && fit.dropped.length === p - kept[k].length && kept[k].every((j) => !fit.dropped.some((x) => x.index === j));
      if (fit.available && same) row.set(fit.share);
      else row.fill(Number.NaN);
    });
  }
  return out;
}

/** The complete cases of a set of columns (see completeCases). */
export interface CompleteCases {
  /** Their rows, in order, in cases[0 … n − 1]. */
  cases: Uint32Array;
  n: number;
}

/**
 * The rows (in order) where the outcome and every predictor are non-NaN and
 * the weight is positive and finite: what lmgFit analyses. Found once, it can
 * be given to lmgFit for each domain of the same columns.
 */
export function completeCases(predictors: ArrayLike<number>[], outcome: ArrayLike<number>, weights: ArrayLike<number>): CompleteCases {
  const p = predictors.length;
  let rows = Math.min(outcome.length, weights.length);
  for (const x of predictors) rows = Math.min(rows, x.length);
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
  return { cases, n };
}

/** r_Sᵀ R_SS⁻¹ r_S = ‖L⁻¹ r_S‖² with R_SS = L Lᵀ; NaN when R_SS is not positive definite. */
function subsetR2(subset: number, p: number, corr: Float64Array, r: Float64Array, a: Float64Array, u: Float64Array, index: Int32Array, rs: Float64Array): number {
  let m = 0;
  for (let j = 0; j < p; j++) if (subset & (1 << j)) index[m++] = j;
  if (!cholesky(m, (j, k) => corr[index[j] * p + index[k]], a, SINGULAR)) return NaN;
  // r_S, then L u = r_S.
  for (let j = 0; j < m; j++) rs[j] = r[index[j]];
  solveLower(a, m, m, rs, u);
  let total = 0;
  for (let j = 0; j < m; j++) total += u[j] * u[j];
  return total;
}

/** Solves R b = r for the full predictor set (positive definite: its R² was found): R = L Lᵀ, L u = r, Lᵀ b = u. */
function fullCoefficients(p: number, corr: Float64Array, r: Float64Array): number[] {
  const l = new Float64Array(p * p);
  cholesky(p, (j, k) => corr[j * p + k], l, SINGULAR);
  const u = solveLower(l, p, p, r, new Float64Array(p));
  return Array.from(solveUpper(l, p, p, u, new Float64Array(p)));
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
