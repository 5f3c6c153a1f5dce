import { cholesky, choleskyRow, solveLower, solveUpper } from './cholesky.ts';
import { kishEffectiveN } from './weight-summary.ts';
import type { CellMeanSums } from './driver-uncertainty.ts';

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
 * shift for all cells of a group, so cells add up to their group). Σw, Σw·d
 * and the upper triangle of Σw·d·dᵀ (row by row) lie together, `span`
 * numbers a cell, so that a replicate adds up cells as contiguous runs.
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
  sww: Float64Array;
  /** Per group (groupCount + 1) × q. */
  shift: Float64Array;
  /** 1 + q + q(q + 1)/2. */
  span: number;
  /** Per cell: Σw, Σw·d (q), Σw·d·dᵀ (upper triangle). */
  sums: Float64Array;
  /** With a scheme: Σw·x and Σw of each predictor's answers (all respondents, not only complete cases) per random group, as cellMeanSums. */
  means?: CellMeanSums;
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
  // With a scheme, the pass that finds the complete cases also sums each predictor's answers per random group (the replicates' performance).
  const means = scheme ? { columns: p, cells: scheme.cells, swx: new Float64Array(scheme.cells * p), sw: new Float64Array(scheme.cells * p) } : undefined;
  const { cases, n } = p === 0 ? { cases: new Uint32Array(0), n: 0 } : completeCases(predictors, outcome, weights, means && scheme ? { sums: means, cellOf: scheme.cellOf } : undefined);
  const q = p + 1;
  const G = groupCount + 1; // the last: cases of no group
  const bucket = (code: number) => (code >= 0 && code < groupCount ? code : groupCount);
  const cells = scheme ? scheme.cells : G;
  const cellGroup = new Uint32Array(cells);
  for (let c = 0; c < cells; c++) cellGroup[c] = scheme ? bucket(scheme.cellStratum[c]) : c;
  const columns: ArrayLike<number>[] = [...predictors, outcome];
  const span = 1 + q + (q * (q + 1)) / 2;
  const count = new Float64Array(cells);
  const sww = new Float64Array(cells);
  const started = new Uint8Array(G);
  const shift = new Float64Array(G * q);
  const sums = new Float64Array(cells * span);
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
    sww[cell] += w * w;
    const at = cell * span;
    sums[at] += w;
    for (let j = 0; j < q; j++) {
      const v = columns[j][i] - shift[base + j];
      d[j] = v;
      sums[at + 1 + j] += w * v;
    }
    let t = at + 1 + q;
    for (let j = 0; j < q; j++) {
      const wj = w * d[j];
      for (let k = j; k < q; k++) sums[t++] += wj * d[k];
    }
  }
  const moments: DriverMoments = { p, groupCount, n, cells, cellGroup, count, sww, shift, span, sums, ...(means ? { means } : {}) };
  if (p === 0) {
    const none: LmgFit = { available: false, reason: 'predictors', n: 0, effectiveN: 0, dropped: [] };
    return { total: none, groups: new Array<LmgFit>(groupCount).fill(none), moments };
  }
  const byGroup = groupSums(moments);
  const groupResults = Array.from({ length: groupCount }, (_, g) => groupFit(byGroup, g));
  return { total: totalFit(byGroup), groups: groupResults, moments };
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

/** The groups' sums from their cells'. */
function groupSums(m: DriverMoments): GroupSums {
  const { p, groupCount, cells, cellGroup, span } = m;
  const q = p + 1;
  const G = groupCount + 1;
  const count = new Float64Array(G);
  const sw = new Float64Array(G);
  const sww = new Float64Array(G);
  const sums = new Float64Array(G * span);
  for (let c = 0; c < cells; c++) {
    if (m.count[c] === 0) continue;
    const g = cellGroup[c];
    count[g] += m.count[c];
    sww[g] += m.sww[c];
    for (let t = 0; t < span; t++) sums[g * span + t] += m.sums[c * span + t];
  }
  const mean = new Float64Array(G * q);
  const centred = new Float64Array(G * q * q);
  for (let g = 0; g < G; g++) {
    if (count[g] === 0) continue;
    sw[g] = sums[g * span];
    centre(sums, g, span, q, m.shift, mean, centred);
  }
  return { p, G, count, sw, sww, mean, centred };
}

/** Group g's weighted means and centred cross-products M_g = Σw·d·dᵀ − (Σw·d)(Σw·d)ᵀ / W_g (upper triangle) from its packed sums. */
function centre(sums: Float64Array, g: number, span: number, q: number, shift: Float64Array, mean: Float64Array, centred: Float64Array): void {
  const at = g * span;
  const W = sums[at];
  for (let j = 0; j < q; j++) mean[g * q + j] = shift[g * q + j] + sums[at + 1 + j] / W;
  let t = at + 1 + q;
  for (let j = 0; j < q; j++) for (let k = j; k < q; k++) centred[g * q * q + j * q + k] = sums[t++] - (sums[at + 1 + j] * sums[at + 1 + k]) / W;
}

function groupFit(s: GroupSums, g: number): LmgFit {
  const q = s.p + 1;
  return lmgOfCovariance(s.p, s.centred.subarray(g * q * q, (g + 1) * q * q), { n: s.count[g], sw: s.sw[g], sww: s.sww[g], mean: s.mean.subarray(g * q, (g + 1) * q) });
}

/** The total: M = Σ_g M_g + Σ_g W_g (m_g − m)(m_g − m)ᵀ, into cov (q × q, upper triangle); returns Σw, Σw², n and the mean. */
function totalCovariance(s: GroupSums, cov: Float64Array): { n: number; W: number; WW: number; mean: Float64Array } {
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
  cov.fill(0);
  for (let g = 0; g < G; g++) {
    if (count[g] === 0) continue;
    const base = g * q;
    const at = g * q * q;
    for (let j = 0; j < q; j++) {
      const dj = sw[g] * (mean[base + j] - m[j]);
      for (let k = j; k < q; k++) cov[j * q + k] += centred[at + j * q + k] + dj * (mean[base + k] - m[k]);
    }
  }
  return { n, W, WW, mean: m };
}

function totalFit(s: GroupSums): LmgFit {
  const q = s.p + 1;
  const cov = new Float64Array(q * q);
  const { n, W, WW, mean } = totalCovariance(s, cov);
  return lmgOfCovariance(s.p, cov, { n, sw: W, sww: WW, mean });
}

/**
 * The LMG shares of R² in every replicate of a scheme, for the given domains
 * (a group 0 … groupCount − 1, or 'total'): per domain a B × p array (row b
 * the shares of replicate b, 0 for a predictor not in `kept[domain]`). A
 * replicate in which the kept predictors or the outcome are (nearly) constant
 * or collinear is a row of NaN. `moments` must come from lmgByGroup with the
 * same scheme. Each replicate costs one weighted sum of the cells' packed
 * moments per group and, per domain, the R² of every subset (subsetShares):
 * nothing depends on the number of respondents.
 */
export function lmgReplicates(moments: DriverMoments, factors: Float64Array, replicates: number, domains: readonly (number | 'total')[], kept: readonly (readonly number[])[]): Float64Array[] {
  const { p, cells, groupCount, cellGroup } = moments;
  const q = p + 1;
  const G = groupCount + 1;
  const { span, sums: packed } = moments;
  const used = Array.from({ length: cells }, (_, c) => c).filter((c) => moments.count[c] > 0);
  const sums = new Float64Array(G * span);
  const mean = new Float64Array(G * q);
  const centred = new Float64Array(G * q * q);
  const cov = new Float64Array(q * q);
  const m = new Float64Array(q);
  const work = subsetWork(p);
  const out = domains.map(() => new Float64Array(replicates * p));
  for (let b = 0; b < replicates; b++) {
    sumGroups(sums, factors, b * cells, used, packed, span, cellGroup);
    // Each group's weighted means and centred cross-products, from its shifted sums.
    for (let g = 0; g < G; g++) if (sums[g * span] > 0) centre(sums, g, span, q, moments.shift, mean, centred);
    domains.forEach((domain, d) => {
      if (domain === 'total') {
        // M = Σ_g M_g + Σ_g W_g (m_g − m)(m_g − m)ᵀ.
        let W = 0;
        m.fill(0);
        for (let g = 0; g < G; g++) {
          const w = sums[g * span];
          if (!(w > 0)) continue;
          W += w;
          for (let j = 0; j < q; j++) m[j] += w * mean[g * q + j];
        }
        for (let j = 0; j < q; j++) m[j] /= W;
        cov.fill(0);
        for (let g = 0; g < G; g++) {
          const w = sums[g * span];
          if (!(w > 0)) continue;
          for (let j = 0; j < q; j++) {
            const dj = w * (mean[g * q + j] - m[j]);
            for (let k = j; k < q; k++) cov[j * q + k] += centred[g * q * q + j * q + k] + dj * (mean[g * q + k] - m[k]);
          }
        }
      } else if (sums[domain * span] > 0) cov.set(centred.subarray(domain * q * q, (domain + 1) * q * q));
      else cov.fill(0);
      const shares = out[d].subarray(b * p, (b + 1) * p);
      if (!subsetShares(p, cov, kept[d], work, shares)) shares.fill(Number.NaN);
    });
  }
  return out;
}

/**
 * One replicate's Σ f · packed moments per group, its factors from factors[row]. A function of its own: as an inner
 * loop of lmgReplicates, compiled on the stack, every exit from it threw the compiled code away.
 */
function sumGroups(sums: Float64Array, factors: Float64Array, row: number, used: readonly number[], packed: Float64Array, span: number, cellGroup: ArrayLike<number>): void {
  sums.fill(0);
  for (const c of used) {
    const f = factors[row + c];
    if (f === 0) continue;
    const from = c * span;
    const to = cellGroup[c] * span;
    for (let t = 0; t < span; t++) sums[to + t] += f * packed[from + t];
  }
}

/** Scratch space of subsetShares for up to p predictors. */
interface SubsetWork {
  corr: Float64Array;
  r: Float64Array;
  sd: Float64Array;
  /** entry[(d + 1) · p + j]: L_j[d], candidate j's entry in column d of the factor on the current path. */
  entry: Float64Array;
  /** pivot[d · p + j], residual[d · p + j]: 1 − R² of candidate j on the d predictors chosen, and r_j less their part. */
  pivot: Float64Array;
  residual: Float64Array;
  r2: Float64Array;
  importance: Float64Array;
  /** Shapley weight of a subset of each size, per number of predictors k: weights[k][size]. */
  weights: Float64Array[];
  size: Uint8Array;
}

function subsetWork(p: number): SubsetWork {
  const size = new Uint8Array(1 << p);
  for (let s = 1; s < size.length; s++) size[s] = size[s >> 1] + (s & 1);
  const weights = Array.from({ length: p + 1 }, (_, k) => Float64Array.from({ length: Math.max(k, 1) }, (_, n) => (k === 0 ? 0 : 1 / (k * binomial(k - 1, n)))));
  return {
    corr: new Float64Array(p * p),
    r: new Float64Array(p),
    sd: new Float64Array(p),
    entry: new Float64Array((p + 1) * p),
    pivot: new Float64Array((p + 1) * p),
    residual: new Float64Array((p + 1) * p),
    r2: new Float64Array(1 << p),
    importance: new Float64Array(p),
    weights,
    size,
  };
}

/**
 * LMG shares of the `kept` predictors from the upper triangle of the centred
 * cross-products of (x₁ … x_p, y), into out (0 for the others): the figures
 * of lmgOfCovariance without its dropping and slopes. Subsets are visited
 * depth first, each adding a predictor j after the last one chosen. Every
 * remaining candidate carries its row of the Cholesky factor of the chosen
 * predictors' correlation matrix, its pivot (1 − R² on them) and its residual
 * correlation with the outcome, each extended by one entry per level (the
 * sweep of Beaton 1964), so a subset costs O(|S|) per candidate and
 * R²(S ∪ {j}) = R²(S) + residual_j² / pivot_j. False when the outcome or a
 * kept predictor has no variance, or a pivot is not above SINGULAR.
 */
function subsetShares(p: number, cov: Float64Array, kept: readonly number[], w: SubsetWork, out: Float64Array): boolean {
  const q = p + 1;
  const k = kept.length;
  const vy = cov[p * q + p];
  if (!(vy > 0) || k === 0) return false;
  const { corr, r, sd, entry, pivot, residual, r2, importance } = w;
  for (let a = 0; a < k; a++) {
    const v = cov[kept[a] * q + kept[a]];
    if (!(v > 0)) return false;
    sd[a] = Math.sqrt(v);
  }
  const sy = Math.sqrt(vy);
  for (let a = 0; a < k; a++) {
    const ja = kept[a];
    corr[a * k + a] = 1;
    for (let b = a + 1; b < k; b++) {
      const jb = kept[b];
      const c = (ja <= jb ? cov[ja * q + jb] : cov[jb * q + ja]) / (sd[a] * sd[b]);
      corr[a * k + b] = c;
      corr[b * k + a] = c;
    }
    r[a] = cov[ja * q + p] / (sd[a] * sy);
    pivot[a] = 1;
    residual[a] = r[a];
  }
  r2[0] = 0;
  let ok = true;
  const visit = (subset: number, depth: number, from: number, base: number): void => {
    const level = depth * k;
    for (let j = from; j < k; j++) {
      const pj = pivot[level + j];
      if (!(pj > SINGULAR)) {
        ok = false;
        return;
      }
      const dj = Math.sqrt(pj);
      const uj = residual[level + j] / dj;
      const next = subset | (1 << j);
      r2[next] = base + uj * uj;
      if (j + 1 < k) {
        // Choose j at this level: the later candidates' factor entries in its column, pivots and residuals.
        const column = (depth + 1) * k;
        for (let c = j + 1; c < k; c++) {
          let v = corr[c * k + j];
          for (let l = 0; l < depth; l++) v -= entry[(l + 1) * k + c] * entry[(l + 1) * k + j];
          v /= dj;
          entry[column + c] = v;
          pivot[column + c] = pivot[level + c] - v * v;
          residual[column + c] = residual[level + c] - v * uj;
        }
        visit(next, depth + 1, j + 1, r2[next]);
        if (!ok) return;
      }
    }
  };
  visit(0, 0, 0, 0);
  if (!ok) return false;
  const weight = w.weights[k];
  const { size } = w;
  importance.fill(0);
  const full = (1 << k) - 1;
  for (let s = 0; s < full; s++) {
    const ws = weight[size[s]];
    const base = r2[s];
    // Each predictor not in s, lowest bit first.
    for (let free = full ^ s; free !== 0; free &= free - 1) {
      const bit = free & -free;
      importance[31 - Math.clz32(bit)] += ws * (r2[s | bit] - base);
    }
  }
  out.fill(0);
  for (let a = 0; a < k; a++) out[kept[a]] = importance[a] / r2[full];
  return true;
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
export function completeCases(predictors: ArrayLike<number>[], outcome: ArrayLike<number>, weights: ArrayLike<number>, perCell?: { sums: CellMeanSums; cellOf: ArrayLike<number> }): CompleteCases {
  const p = predictors.length;
  let rows = Math.min(outcome.length, weights.length);
  for (const x of predictors) rows = Math.min(rows, x.length);
  const cases = new Uint32Array(rows);
  let n = 0;
  if (perCell) {
    // The same cases, and on the way every predictor's answers summed per random group.
    const { sums, cellOf } = perCell;
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      if (!(w > 0 && w < Infinity)) continue;
      const at = cellOf[i] * p;
      let complete = outcome[i] === outcome[i];
      for (let j = 0; j < p; j++) {
        const v = predictors[j][i];
        if (v !== v) {
          complete = false;
          continue;
        }
        sums.swx[at + j] += w * v;
        sums.sw[at + j] += w;
      }
      if (complete) cases[n++] = i;
    }
    return { cases, n };
  }
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
