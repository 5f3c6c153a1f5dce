import type { Design } from './design.ts';
import { randomStream } from './random-stream.ts';

/**
 * Replicate weights for the key drivers: a rescaling bootstrap within strata
 * (Rao & Wu 1988; Rao, Wu & Yue 1992) whose resampled units are random groups
 * of respondents.
 *
 * 1. Each stratum's respondents (all of them, answered or not, in file order)
 *    are dealt into G_h = min(n_h, groups) random groups of equal size (sizes
 *    differ by at most one): a Fisher–Yates shuffle of 0 … n_h − 1, and the
 *    k-th respondent goes to group perm[k] mod G_h. Strata are shuffled in
 *    order 0, 1, ….
 * 2. Replicate b (1 … B) draws, stratum by stratum, G_h − 1 groups with
 *    replacement (m = G_h − 1, the choice that needs no rescaling of values);
 *    group g drawn m_bhg times gives its respondents the replicate weight
 *    w · G_h / (G_h − 1) · m_bhg. A stratum of one respondent keeps its weight
 *    (it adds no variance, as survey.lonely.psu = "certainty").
 * 3. Every draw comes from one xoshiro128** stream (randomStream) seeded with
 *    DRIVER_SEED: first the shuffles, then the replicates' draws.
 *
 * Why random groups: the respondents of a stratum of a with-replacement design
 * are independent draws, so a random partition into equal groups gives
 * independent group totals, and the with-replacement variance of any total is
 * estimated without bias by G/(G − 1) Σ (T_g − T̄)² (Wolter 2007, Introduction
 * to Variance Estimation, ch. 2) — which is what the bootstrap over groups
 * with m = G − 1 reproduces on average. For a smooth statistic (the LMG shares
 * are smooth functions of weighted moments) the same holds by linearisation.
 * With groups of respondents instead of respondents, a replicate is a sum of
 * Σ G_h precomputed group moments, so its cost does not grow with n; a stratum
 * of at most `groups` respondents is resampled respondent by respondent, the
 * classic rescaling bootstrap with m_h = n_h − 1.
 */
export interface ReplicateScheme {
  /** Number of replicates B. */
  replicates: number;
  /** Number of random groups in all strata, C = Σ G_h. */
  cells: number;
  /** Random group (0 … C − 1) of each respondent: the stratum's groups are cellStart[h] … cellStart[h] + G_h − 1. */
  cellOf: Uint32Array;
  /** Stratum of each random group. */
  cellStratum: Uint32Array;
  /** First random group of each stratum, and after the last one C. */
  cellStart: Uint32Array;
  /** Weight factors G_h / (G_h − 1) · m_bhg, replicate by replicate: factors[b · C + c]. */
  factors: Float64Array;
}

/** Replicates of the key drivers: enough for a standard error within about 3 % (1/√(2(B − 1))) and a replicate share within ±1.8 points near 80 %. */
export const DRIVER_REPLICATES = 500;

/** Random groups per stratum: 99 degrees of freedom per stratum for the variance, and a replicate costs 100 group moments per stratum. */
export const DRIVER_RANDOM_GROUPS = 100;

/** The four state words of the stream: the ASCII bytes of "luotain drivers!". */
export const DRIVER_SEED: readonly [number, number, number, number] = [0x6c756f74, 0x61696e20, 0x64726976, 0x65727321];

/** The replicate scheme of a design (see ReplicateScheme). */
export function replicateScheme(design: Design, options: { replicates?: number; groups?: number; seed?: readonly [number, number, number, number] } = {}): ReplicateScheme {
  const B = options.replicates ?? DRIVER_REPLICATES;
  const groups = options.groups ?? DRIVER_RANDOM_GROUPS;
  const stream = randomStream(options.seed ?? DRIVER_SEED);
  const { strata, strataCount } = design;
  const n = strata.length;
  const size = stratumSizes(strata, strataCount);
  const cellStart = new Uint32Array(strataCount + 1);
  for (let h = 0; h < strataCount; h++) cellStart[h + 1] = cellStart[h] + Math.min(size[h], groups);
  const C = cellStart[strataCount];
  const cellStratum = new Uint32Array(C);
  for (let h = 0; h < strataCount; h++) cellStratum.fill(h, cellStart[h], cellStart[h + 1]);

  // A permutation of each stratum's positions, stratum by stratum.
  const permStart = new Uint32Array(strataCount + 1);
  for (let h = 0; h < strataCount; h++) permStart[h + 1] = permStart[h] + size[h];
  const perm = new Uint32Array(n);
  for (let h = 0; h < strataCount; h++) {
    const a = perm.subarray(permStart[h], permStart[h + 1]);
    for (let k = 0; k < a.length; k++) a[k] = k;
    stream.shuffle(a);
  }
  const cellOf = randomGroups(strata, cellStart, perm, permStart);

  const factors = new Float64Array(B * C);
  for (let b = 0; b < B; b++) {
    const row = factors.subarray(b * C, (b + 1) * C);
    for (let h = 0; h < strataCount; h++) {
      const start = cellStart[h];
      const G = cellStart[h + 1] - start;
      if (G === 1) {
        row[start] = 1;
        continue;
      }
      stream.tally(row, start, G, G - 1);
      const scale = G / (G - 1);
      for (let g = 0; g < G; g++) row[start + g] *= scale;
    }
  }
  return { replicates: B, cells: C, cellOf, cellStratum, cellStart, factors };
}

// The passes over the respondents are functions of their own: compiled on the stack inside one long function, each
// pass threw away and recompiled the code of all of it.

/** Respondents per stratum. */
function stratumSizes(strata: ArrayLike<number>, strataCount: number): Uint32Array {
  const size = new Uint32Array(strataCount);
  for (let i = 0; i < strata.length; i++) size[strata[i]]++;
  return size;
}

/** Each respondent's random group: the next position of its stratum's permutation, modulo the stratum's groups. */
function randomGroups(strata: ArrayLike<number>, cellStart: Uint32Array, perm: Uint32Array, permStart: Uint32Array): Uint32Array {
  const cellOf = new Uint32Array(strata.length);
  const seen = new Uint32Array(cellStart.length - 1);
  for (let i = 0; i < strata.length; i++) {
    const h = strata[i];
    const G = cellStart[h + 1] - cellStart[h];
    cellOf[i] = cellStart[h] + (perm[permStart[h] + seen[h]++] % G);
  }
  return cellOf;
}

/** The weights of replicate b (0 … B − 1) for every respondent: w_i · factors[b · C + cellOf[i]]. */
export function replicateWeights(scheme: ReplicateScheme, weights: ArrayLike<number>, b: number): Float64Array {
  const out = new Float64Array(scheme.cellOf.length);
  const row = b * scheme.cells;
  for (let i = 0; i < out.length; i++) out[i] = weights[i] * scheme.factors[row + scheme.cellOf[i]];
  return out;
}
