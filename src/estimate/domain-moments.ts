import type { Design } from './design.ts';
import type { MeanEstimate } from './survey-mean.ts';
import { Z975 } from './coding.ts';

/**
 * A way of cutting the respondents into domains: per respondent its class
 * 0 … classes − 1, or anything else (−1) for none. Without `codes` every
 * respondent is in class 0 (the total).
 *
 * The total is `{ classes: 1 }`, the groups `{ codes: design.strata, classes:
 * groups }`, a background variable `{ codes: its Int16Array, classes: values }`.
 */
export interface Partition {
  codes?: ArrayLike<number>;
  classes: number;
}

/**
 * A variable with few distinct values per respondent, kept as codes: item
 * answers, NPS answers. Its sums are a histogram of Σw and Σw² per code, so
 * any function of the code (the mean, the share of any set of codes, with any
 * base) is estimated afterwards without another pass.
 *
 * Respondent i is in bin `bins[codes[i]]`; a bin of −1, or a code outside
 * `bins`, is not counted at all.
 */
export interface CodedVariable {
  kind: 'coded';
  codes: ArrayLike<number>;
  /** The bin of each code: 0 … binCount − 1, or −1 to leave it out. */
  bins: Int16Array;
  binCount: number;
}

/** A numeric variable per respondent (a dimension or index score); NaN is missing. */
export interface NumericVariable {
  kind: 'numeric';
  values: ArrayLike<number>;
  /**
   * Subtracted from every value before the sums are taken, which keeps Σwy
   * small; take one near the mean, e.g. the scale midpoint (default 0).
   * Estimates do not depend on it otherwise.
   */
  centre?: number;
}

export type MomentVariable = CodedVariable | NumericVariable;

/**
 * The domains of a design prepared for summing: the partitions numbered into
 * domains, the stratum sizes, and the respondents' types (their stratum and
 * class in every partition), found once and used by every DomainMoments.compute
 * given this object. Make one per edition with prepareDomains and pass it to
 * each compute; the design's columns must not change in between.
 */
export interface PreparedDomains {
  readonly design: Design;
  readonly partitions: readonly Partition[];
  /** The design's weights as a Float64Array. */
  readonly weights: Float64Array;
  /** Number of domains: the classes of every partition, in partition order. */
  readonly domainCount: number;
  /** Index of each partition's first domain. */
  readonly partitionStart: readonly number[];
  /** Respondents per stratum in the whole data (N_h). */
  readonly stratumSizes: Float64Array;
  /** The type batches made so far, by their partitions (see typeBatches). */
  readonly batches: Map<string, TypeBatch>;
}

/** Prepares the partitions of a design for DomainMoments.compute (see PreparedDomains). */
export function prepareDomains(design: Design, partitions: readonly Partition[]): PreparedDomains {
  const { strata, weights, strataCount: H } = design;
  const starts: number[] = [];
  let D = 0;
  for (const p of partitions) {
    starts.push(D);
    D += p.classes;
  }
  const stratumSizes = new Float64Array(H);
  for (let i = 0; i < strata.length; i++) stratumSizes[strata[i]]++;
  return {
    design,
    partitions,
    weights: weights instanceof Float64Array ? weights : Float64Array.from(weights),
    domainCount: D,
    partitionStart: starts,
    stratumSizes,
    batches: new Map(),
  };
}

/**
 * Every variable's sums for every domain and stratum, taken in one pass over
 * each variable's column; estimates then come from the sums alone.
 *
 * For domain D and stratum h, over the valid answers of D in h, with
 * W = Σw over all of D and ȳ = Σwy / W:
 *   Σz_h  = (Σwy_h − ȳ Σw_h) / W
 *   Σz²_h = (Σw²y²_h − 2ȳ Σw²y_h + ȳ² Σw²_h) / W²
 *   Var   = Σ_h N_h/(N_h − 1) · (Σz²_h − (Σz_h)² / N_h)
 * where N_h counts every respondent of stratum h. This is exactly surveyMean
 * (the linearisation variance of the domain mean in a stratified
 * with-replacement design, as R's svymean on a subset), for every domain at
 * once. A coded variable keeps Σw and Σw² per code, so Σz²_h is a sum of
 * non-negative terms Σ_c Σw²_c (y_c − ȳ)² / W² with no cancellation at all; a
 * numeric one keeps n, Σw, Σwy, Σw² and, instead of Σw²y and Σw²y², the
 * w²-weighted mean m_h and sum of squares S_h (West 1979, updated per
 * respondent), so that Σw²(y − ȳ)² = S_h + Σw²_h (m_h − ȳ)² is again a sum of
 * non-negative terms.
 *
 * Cost: one pass over the respondents per numeric variable and per four coded
 * ones, touching each respondent's type (its stratum and class in every
 * partition); the types and the stratum sizes are found once per
 * PreparedDomains. The domains' weights alone are summarised by
 * domainWeightShares. Memory: a few numbers per variable × domain ×
 * stratum (× code).
 */
export class DomainMoments {
  /** Number of domains: the classes of every partition, in partition order. */
  readonly domainCount: number;
  /** Index of each partition's first domain. */
  readonly partitionStart: readonly number[];
  /** Respondents per stratum in the whole data (N_h). */
  readonly stratumSizes: Float64Array;

  private readonly variables: readonly MomentVariable[];
  private readonly strata: number;
  /** Per variable: where its cells start in `sums` and how many numbers each cell has. */
  private readonly start: Int32Array;
  private readonly sums: Float64Array;

  private constructor(prepared: PreparedDomains, variables: readonly MomentVariable[]) {
    const { strata, strataCount: H } = prepared.design;
    const rows = strata.length;
    this.variables = variables;
    this.strata = H;
    const D = prepared.domainCount;
    this.partitionStart = prepared.partitionStart;
    this.domainCount = D;
    this.stratumSizes = prepared.stratumSizes;

    // Layout: coded variables 3 numbers (n, Σw, Σw²) per cell × bin; numeric 6 per cell.
    this.start = new Int32Array(variables.length + 1);
    let size = 0;
    let maxBins = 1;
    variables.forEach((v, k) => {
      this.start[k] = size;
      size += D * H * (v.kind === 'coded' ? 3 * v.binCount : 6);
      if (v.kind === 'coded') maxBins = Math.max(maxBins, v.binCount);
    });
    this.start[variables.length] = size;
    this.sums = new Float64Array(size);
    const w = prepared.weights;
    const sums = this.sums;

    // Respondents are summed by type first (their stratum and class in every
    // partition of a batch), one pass per variable, and the types are then
    // added into the cells of each partition: a pass per variable instead of
    // one per variable and partition.
    for (const batch of typeBatches(prepared, maxBins)) {
      const { type, types, cellOf } = batch;
      const T = types;
      const P = cellOf.length;
      // Coded variables four at a time: one pass reads the types and weights for all four.
      const coded = variables.flatMap((v, k) => (v.kind === 'coded' ? [k] : []));
      for (let from = 0; from < coded.length; from += 4) {
        const chunk = coded.slice(from, from + 4);
        const accs = sumCoded(
          rows,
          type,
          w,
          T,
          chunk.map((k) => variables[k] as CodedVariable),
        );
        chunk.forEach((k, slot) => {
          const v = variables[k] as CodedVariable;
          const base = this.start[k];
          const acc = accs[slot];
          const stride = 3 * v.binCount;
          for (let t = 0; t < T; t++) {
            for (let p = 0; p < P; p++) {
              const c = cellOf[p][t];
              if (c < 0) continue;
              const at = t * stride;
              const to = base + c * stride;
              for (let j = 0; j < stride; j += 3) {
                if (acc[at + j] === 0) continue;
                sums[to + j] += acc[at + j];
                sums[to + j + 1] += acc[at + j + 1];
                sums[to + j + 2] += acc[at + j + 2];
              }
            }
          }
        });
      }
      variables.forEach((v, k) => {
        const base = this.start[k];
        if (v.kind === 'coded') {
          // Summed above.
        } else {
          const { values } = v;
          const centre = v.centre ?? 0;
          const acc = new Float64Array(T * 6);
          for (let i = 0; i < rows; i++) {
            const y = values[i];
            if (y !== y) continue;
            const d = y - centre;
            const wi = w[i];
            const ww = wi * wi;
            const at = type[i] * 6;
            acc[at]++;
            acc[at + 1] += wi;
            acc[at + 2] += wi * d;
            // West's weighted update of the w²-weighted mean and sum of squares.
            acc[at + 3] += ww;
            const total = acc[at + 3];
            const delta = d - acc[at + 4];
            acc[at + 4] += (ww / total) * delta;
            acc[at + 5] += ww * delta * (d - acc[at + 4]);
          }
          for (let t = 0; t < T; t++) {
            const from = t * 6;
            if (acc[from] === 0) continue;
            for (let p = 0; p < P; p++) {
              const c = cellOf[p][t];
              if (c < 0) continue;
              const to = base + c * 6;
              sums[to] += acc[from];
              sums[to + 1] += acc[from + 1];
              sums[to + 2] += acc[from + 2];
              // Two w²-weighted means and sums of squares combined (Chan, Golub & LeVeque 1979).
              const before = sums[to + 3];
              const more = acc[from + 3];
              const total = before + more;
              if (!(total > 0)) continue;
              const delta = acc[from + 4] - sums[to + 4];
              sums[to + 4] += (more / total) * delta;
              sums[to + 5] += acc[from + 5] + ((before * more) / total) * delta * delta;
              sums[to + 3] = total;
            }
          }
        }
      });
    }
  }

  /** Takes every variable's sums for every domain of the prepared partitions. */
  static compute(domains: PreparedDomains, variables: readonly MomentVariable[]): DomainMoments {
    return new DomainMoments(domains, variables);
  }

  /** The domain index of class `c` of partition `p`. */
  domain(p: number, c: number): number {
    return this.partitionStart[p] + c;
  }

  /**
   * A coded variable's weighted mean of `score[bin]` over the respondents of
   * the domain whose bin has a score (NaN leaves the bin out of the base):
   * the mean answer, the share of a set of codes (1 in the set, 0 for the
   * rest of the base), and so on. Undefined when the domain has no valid answer.
   */
  codedMean(variable: number, domain: number, score: ArrayLike<number>): MeanEstimate | undefined {
    const v = this.variables[variable];
    if (v?.kind !== 'coded') throw new TypeError(`DomainMoments: variable ${variable} is not coded`);
    const H = this.strata;
    const B = v.binCount;
    const sums = this.sums;
    const at0 = this.start[variable] + domain * H * 3 * B;
    let n = 0;
    let sw = 0;
    let swy = 0;
    let sww = 0;
    // Strata with a counted answer in the domain, for the degrees of freedom.
    let strata = 0;
    // The one score every answer has, if so (NaN once two differ).
    let only: number | undefined;
    for (let h = 0; h < H; h++) {
      const before = n;
      for (let b = 0; b < B; b++) {
        const y = score[b];
        if (y !== y || y === undefined) continue;
        const at = at0 + (h * B + b) * 3;
        if (sums[at] === 0) continue;
        only = only === undefined || only === y ? y : NaN;
        n += sums[at];
        sw += sums[at + 1];
        swy += sums[at + 1] * y;
        sww += sums[at + 2];
      }
      if (n > before) strata++;
    }
    if (n === 0 || !(sw > 0)) return undefined;
    // Answers that are all the same: that value exactly, with no variance (not its rounding in Σwy / Σw).
    if (only === only && only !== undefined) return estimate(only, 0, sw, sww, n, strata);
    const mean = swy / sw;
    let variance = 0;
    for (let h = 0; h < H; h++) {
      const nh = this.stratumSizes[h];
      if (nh < 2) continue;
      let z = 0;
      let zz = 0;
      for (let b = 0; b < B; b++) {
        const y = score[b];
        if (y !== y || y === undefined) continue;
        const at = at0 + (h * B + b) * 3;
        const dev = y - mean;
        z += sums[at + 1] * dev;
        zz += sums[at + 2] * dev * dev;
      }
      variance += (nh / (nh - 1)) * (zz - (z * z) / nh);
    }
    return estimate(mean, variance, sw, sww, n, strata);
  }

  /** A numeric variable's weighted mean over the valid values of the domain; undefined when there is none. */
  mean(variable: number, domain: number): MeanEstimate | undefined {
    const v = this.variables[variable];
    if (v?.kind !== 'numeric') throw new TypeError(`DomainMoments: variable ${variable} is not numeric`);
    const H = this.strata;
    const sums = this.sums;
    const at0 = this.start[variable] + domain * H * 6;
    let n = 0;
    let sw = 0;
    let swd = 0;
    let sww = 0;
    let strata = 0;
    for (let h = 0; h < H; h++) {
      const at = at0 + h * 6;
      if (sums[at] > 0) strata++;
      n += sums[at];
      sw += sums[at + 1];
      swd += sums[at + 2];
      sww += sums[at + 3];
    }
    if (n === 0 || !(sw > 0)) return undefined;
    // Values that are all the same (no spread in any stratum and one w²-weighted mean): that value exactly, with no variance.
    let only: number | undefined;
    for (let h = 0; h < H && only !== -Infinity; h++) {
      const at = at0 + h * 6;
      if (sums[at] === 0) continue;
      only = sums[at + 5] === 0 && (only === undefined || only === sums[at + 4]) ? sums[at + 4] : -Infinity;
    }
    if (only !== undefined && only !== -Infinity) return estimate(only + (v.centre ?? 0), 0, sw, sww, n, strata);
    const centred = swd / sw;
    let variance = 0;
    for (let h = 0; h < H; h++) {
      const nh = this.stratumSizes[h];
      const at = at0 + h * 6;
      if (nh < 2 || sums[at] === 0) continue;
      // Times W and W²; the division by W² comes with the SE. Σw²(d − ȳ)² is
      // S + Σw²(m − ȳ)² with m and S the cell's w²-weighted mean and sum of
      // squares: two non-negative terms, so nothing cancels.
      const z = sums[at + 2] - centred * sums[at + 1];
      const shift = sums[at + 4] - centred;
      const zz = sums[at + 5] + sums[at + 3] * shift * shift;
      variance += (nh / (nh - 1)) * (zz - (z * z) / nh);
    }
    return estimate(centred + (v.centre ?? 0), variance, sw, sww, n, strata);
  }
}

/** A bin table that counts nobody: fills the unused places of a sumCoded pass. */
const NO_BINS = new Int16Array(65536).fill(-1);

/**
 * n, Σw and Σw² per (type, bin) of up to four coded variables, in one pass
 * over the respondents: per variable a Float64Array of T × 3 × binCount.
 */
function sumCoded(rows: number, type: Int32Array, w: Float64Array, T: number, vs: readonly CodedVariable[]): Float64Array[] {
  const accs = vs.map((v) => new Float64Array(T * 3 * v.binCount));
  const slot = (j: number) => vs[j] ?? { codes: vs[0].codes, bins: NO_BINS, binCount: 0 };
  const v0 = slot(0);
  const v1 = slot(1);
  const v2 = slot(2);
  const v3 = slot(3);
  const c0 = v0.codes;
  const c1 = v1.codes;
  const c2 = v2.codes;
  const c3 = v3.codes;
  const b0 = v0.bins;
  const b1 = v1.bins;
  const b2 = v2.bins;
  const b3 = v3.bins;
  const s0 = 3 * v0.binCount;
  const s1 = 3 * v1.binCount;
  const s2 = 3 * v2.binCount;
  const s3 = 3 * v3.binCount;
  const a0 = accs[0];
  const a1 = accs[1] ?? accs[0];
  const a2 = accs[2] ?? accs[0];
  const a3 = accs[3] ?? accs[0];
  for (let i = 0; i < rows; i++) {
    const t = type[i];
    const wi = w[i];
    const ww = wi * wi;
    let b = b0[c0[i]];
    if (b >= 0) {
      const at = t * s0 + 3 * b;
      a0[at]++;
      a0[at + 1] += wi;
      a0[at + 2] += ww;
    }
    b = b1[c1[i]];
    if (b >= 0) {
      const at = t * s1 + 3 * b;
      a1[at]++;
      a1[at + 1] += wi;
      a1[at + 2] += ww;
    }
    b = b2[c2[i]];
    if (b >= 0) {
      const at = t * s2 + 3 * b;
      a2[at]++;
      a2[at + 1] += wi;
      a2[at + 2] += ww;
    }
    b = b3[c3[i]];
    if (b >= 0) {
      const at = t * s3 + 3 * b;
      a3[at]++;
      a3[at + 1] += wi;
      a3[at + 2] += ww;
    }
  }
  return accs;
}

/** Respondents of one batch of partitions by type, and each type's cell in each partition of the batch (−1 for none). */
export interface TypeBatch {
  /** Per respondent: its type, 0 … types − 1. */
  type: Int32Array;
  types: number;
  /** Per partition of the batch, per type: the (domain, stratum) cell, or −1. */
  cellOf: Int32Array[];
}

/** Most (stratum × classes) combinations, times the most bins of a coded variable, in one batch. */
const BATCH_LIMIT = 1 << 21;

/**
 * Cuts the partitions into batches whose respondent types (the stratum and
 * the class, or none, in each partition of the batch) are few enough to sum
 * by, and numbers the types that occur. A partition whose codes are the
 * strata, or with no codes (the total), adds no types of its own. A batch
 * already made for the prepared domains is taken from them.
 */
function typeBatches(prepared: PreparedDomains, maxBins: number): TypeBatch[] {
  const { partitions, partitionStart: starts } = prepared;
  const { strata, strataCount: H } = prepared.design;
  const radix = partitions.map((p) => (p.codes === undefined || (p.codes === strata && p.classes === H) ? 1 : p.classes + 1));
  const batches: number[][] = [];
  let current: number[] = [];
  let product = H;
  partitions.forEach((_, k) => {
    if (current.length > 0 && product * radix[k] * maxBins > BATCH_LIMIT) {
      batches.push(current);
      current = [];
      product = H;
    }
    current.push(k);
    product *= radix[k];
  });
  if (current.length > 0) batches.push(current);

  const known = prepared.batches;
  return batches.map((members) => {
    const key = members.join(',');
    const hit = known.get(key);
    if (hit) return hit;
    const made = typeBatch(strata, H, partitions, starts, radix, members);
    known.set(key, made);
    return made;
  });
}

function typeBatch(strata: ArrayLike<number>, H: number, partitions: readonly Partition[], starts: readonly number[], radix: readonly number[], members: readonly number[]): TypeBatch {
  const rows = strata.length;
  {
    let combos = H;
    for (const k of members) combos *= radix[k];
    // Per respondent its combination; then the combinations that occur, numbered in order of first appearance.
    const number = new Int32Array(combos).fill(-1);
    // The combination's key, column by column: the stratum, then each partition's class (0 for none) in its place.
    const type = new Int32Array(rows);
    for (let i = 0; i < rows; i++) type[i] = strata[i];
    let scale = H;
    for (const k of members) {
      const r = radix[k];
      if (r === 1) continue;
      const p = partitions[k];
      addClassPlaces(type, p.codes!, p.classes, scale);
      scale *= r;
    }
    const firstRow: number[] = [];
    for (let i = 0; i < rows; i++) {
      const key = type[i];
      let t = number[key];
      if (t < 0) {
        t = number[key] = firstRow.length;
        firstRow.push(i);
      }
      type[i] = t;
    }
    const cellOf = members.map((k) => {
      const p = partitions[k];
      const cells = new Int32Array(firstRow.length);
      firstRow.forEach((i, t) => {
        const c = p.codes === undefined ? 0 : p.codes[i];
        cells[t] = c >= 0 && c < p.classes ? (starts[k] + c) * H + strata[i] : -1;
      });
      return cells;
    });
    return { type, types: firstRow.length, cellOf };
  }
}

/** key[i] += scale · (class + 1) of respondent i, or nothing when it has no class of the partition. */
function addClassPlaces(key: Int32Array, codes: ArrayLike<number>, classes: number, scale: number): void {
  for (let i = 0; i < key.length; i++) {
    const c = codes[i];
    if (c >= 0 && c < classes) key[i] += scale * (c + 1);
  }
}

/** `variance` is Σ_h … in units of W² (sums of w(y − ȳ), not yet divided by W); `strata` the strata with an answer in the domain. */
function estimate(mean: number, variance: number, sw: number, sww: number, n: number, strata: number): MeanEstimate {
  const se = Math.sqrt(Math.max(0, variance)) / sw;
  return { estimate: mean, se, ci: [mean - Z975 * se, mean + Z975 * se], n, effectiveN: (sw * sw) / sww, sumWeights: sw, df: n - strata };
}
