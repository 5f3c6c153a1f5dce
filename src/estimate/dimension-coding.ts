/**
 * A dimension's per-respondent statistics straight from its items' answer
 * codes: the score (the mean of the answered items, if at least half, rounded
 * up, were answered) and the respondent's share of answered items in the top
 * box and at each scale point. They are coded in one of three tiers, the
 * smallest that fits, and every tier gives the same numbers:
 *
 * - 'joint': one coded variable for all the statistics, a respondent's code
 *   being their count vector (how many items they answered at each point);
 * - 'pairs': a coded variable per statistic, the code of the pair (a, x) of
 *   the items answered and the sum or count behind the ratio x / a;
 * - 'numeric': a column of numbers per statistic.
 */
import { BLANK, CANT_SAY } from './coding.ts';
import type { MomentVariable } from './domain-moments.ts';

/** One statistic of a dimension as a moment variable; `score` (per bin) when it is coded, for DomainMoments.codedMean. */
export interface DimensionStatistic {
  variable: MomentVariable;
  score?: Float64Array;
}

/** A dimension's per-respondent variables. */
export interface DimensionVariables {
  /** Mean of the answered items, if at least half (rounded up) were answered; NaN otherwise. */
  score: Float64Array;
  /**
   * The statistics: the score, the share of the answered items in the top
   * box, then the share of the answered items at each scale point from
   * scale.min up (all missing where the score is).
   */
  statistics: DimensionStatistic[];
}

/** The scale of the answers: min … max, and how many top points count as positive. */
export interface DimensionScale {
  min: number;
  max: number;
  topBox: number;
}

export type DimensionTier = 'joint' | 'pairs' | 'numeric';

/**
 * Code columns of n respondents to use again: a dimension's statistics are
 * summed before the next dimension's are made, so their columns can be the
 * same memory (every element is written anew).
 */
export class CodeColumns {
  private readonly n: number;
  private readonly u8: Uint8Array[] = [];
  private readonly u16: Uint16Array[] = [];
  private next8 = 0;
  private next16 = 0;

  constructor(n: number) {
    this.n = n;
  }

  /** Hands out every column again. */
  reset(): void {
    this.next8 = this.next16 = 0;
  }

  bytes(): Uint8Array {
    if (this.next8 === this.u8.length) this.u8.push(new Uint8Array(this.n));
    return this.u8[this.next8++];
  }

  words(): Uint16Array {
    if (this.next16 === this.u16.length) this.u16.push(new Uint16Array(this.n));
    return this.u16[this.next16++];
  }
}

/** Most bins of a pair-coded dimension statistic; beyond, the statistics are numeric columns. */
const MAX_PAIR_BINS = 4096;

/** Most count vectors of a dimension coded jointly (bins), and most keys of the table that numbers them. */
const MAX_JOINT_BINS = 4096;
const MAX_JOINT_KEYS = 1 << 20;

/**
 * The keys (R^points, R = items + 1) and the count vectors C(items + points,
 * points) of the joint coding, or undefined as soon as either is too many.
 */
function jointSize(points: number, items: number): { keys: number; vectors: number } | undefined {
  const R = items + 1;
  let keys = 1;
  let vectors = 1;
  for (let c = 1; c <= points; c++) {
    keys *= R;
    vectors = (vectors * (items + c)) / c; // C(m + points, points), the count vectors with Σ ≤ m
    if (keys > MAX_JOINT_KEYS || vectors > MAX_JOINT_BINS) return undefined;
  }
  return { keys, vectors };
}

/** The tier dimensionVariables codes a dimension of `items` items on a scale of `points` points in. */
export function dimensionTier(points: number, items: number): DimensionTier {
  if (jointSize(points, items) !== undefined) return 'joint';
  return (items + 1) * (items * points + 1) <= MAX_PAIR_BINS ? 'pairs' : 'numeric';
}

/**
 * A dimension's variables from its items' answer codes (n respondents), in the
 * tier dimensionTier chooses (or the one given, which must fit: see
 * dimensionTier). `scratch` lends the columns of the 'pairs' tier.
 */
export function dimensionVariables(
  scale: DimensionScale,
  codes: readonly Uint8Array[],
  n: number,
  scratch?: CodeColumns,
  tier: DimensionTier = dimensionTier(scale.max - scale.min + 1, codes.length),
): DimensionVariables {
  return tier === 'joint' ? jointDimension(scale, codes, n) : separateDimension(scale, codes, n, tier === 'pairs', scratch);
}

/** Items a respondent must answer for a score: half of m, rounded up (at least one). */
function neededOf(m: number): number {
  return Math.max(1, Math.ceil(m / 2 - 1e-9));
}

/**
 * The 'pairs' and 'numeric' tiers, in one pass: the score and the respondent's
 * share of answered items in the top box and at each point.
 *
 * Each statistic of a respondent is a ratio x / a of two small whole numbers
 * (a the items answered, x the sum of their codes or a count of them); with
 * `coded` it is kept as the code of the pair (a, x), one byte or two per
 * respondent, with the ratio per code: the estimates are then those of the
 * per-respondent values, without a column of numbers per statistic.
 */
function separateDimension(scale: DimensionScale, codes: readonly Uint8Array[], n: number, coded: boolean, scratch?: CodeColumns): DimensionVariables {
  const { min, max, topBox } = scale;
  const points = max - min + 1;
  const topFromCode = points - topBox + 1;
  const m = codes.length;
  const needed = neededOf(m);
  const score = new Float64Array(n);
  // Pair (a, x) → code a · span + x, for x in 0 … span − 1.
  const sumSpan = m * points + 1;
  const countSpan = m + 1;
  const pool = scratch ?? new CodeColumns(n);
  pool.reset();
  const column = (bins: number) => (!coded ? undefined : bins <= 256 ? pool.bytes() : pool.words());
  const scoreCodes = column((m + 1) * sumSpan);
  const topCodes = column((m + 1) * countSpan);
  const pointCodes = Array.from({ length: points }, () => column((m + 1) * countSpan));
  const top = coded ? undefined : new Float64Array(n);
  const shares = coded ? undefined : Array.from({ length: points }, () => new Float64Array(n));
  // Per answer code 1 … points (at most MAX_SCALE_POINTS): how many of the respondent's items have it.
  const counts = new Int32Array(256);
  const pointColumns = coded ? (pointCodes as (Uint8Array | Uint16Array)[]) : [];
  // 0 for blank and can't say, 1 for an answer: answers are counted without a branch per answer.
  const isAnswer = new Int32Array(256);
  for (let c = 0; c < 256; c++) isAnswer[c] = c === BLANK || c === CANT_SAY ? 0 : 1;
  for (let i = 0; i < n; i++) {
    for (let c = 1; c <= points; c++) counts[c] = 0;
    let answered = 0;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const c = codes[j][i];
      const valid = isAnswer[c];
      answered += valid;
      sum += c * valid;
      // Blank and can't say are counted too, in counts[BLANK] and counts[CANT_SAY], which are never read.
      counts[c]++;
    }
    let inTop = 0;
    for (let c = topFromCode; c <= points; c++) inTop += counts[c];
    if (coded) {
      // a below `needed` is missing: its bins score NaN.
      const a = answered * countSpan;
      scoreCodes![i] = answered * sumSpan + sum;
      topCodes![i] = a + inTop;
      for (let c = 1; c <= points; c++) pointColumns[c - 1][i] = a + counts[c];
    }
    if (answered < needed) {
      score[i] = NaN;
      if (!coded) {
        top![i] = NaN;
        for (const s of shares!) s[i] = NaN;
      }
      continue;
    }
    // The same number as the mean of the answers: (Σ codes + a · (min − 1)) / a, exact integers over a.
    score[i] = (sum + answered * (min - 1)) / answered;
    if (!coded) {
      for (let c = 1; c <= points; c++) shares![c - 1]![i] = counts[c]! / answered;
      top![i] = inTop / answered;
    }
  }
  const mid = (min + max) / 2;
  if (!coded) {
    return {
      score,
      statistics: [
        { variable: { kind: 'numeric', values: score, centre: mid } },
        { variable: { kind: 'numeric', values: top!, centre: 0.5 } },
        ...shares!.map((values) => ({ variable: { kind: 'numeric' as const, values, centre: 0.5 } })),
      ],
    };
  }
  const pairs = (codes: Uint8Array | Uint16Array, span: number, ratio: (a: number, x: number) => number): DimensionStatistic => {
    const binCount = (m + 1) * span;
    const bins = new Int16Array(binCount);
    const values = new Float64Array(binCount);
    for (let a = 0; a <= m; a++) {
      for (let x = 0; x < span; x++) {
        bins[a * span + x] = a * span + x;
        values[a * span + x] = a < needed ? NaN : ratio(a, x);
      }
    }
    return { variable: { kind: 'coded', codes, bins, binCount }, score: values };
  };
  return {
    score,
    statistics: [pairs(scoreCodes!, sumSpan, (a, x) => (x + a * (min - 1)) / a), pairs(topCodes!, countSpan, (a, x) => x / a), ...pointCodes.map((c) => pairs(c!, countSpan, (a, x) => x / a))],
  };
}

/** Respondents whose keys are summed at a time in jointDimension: a block of keys that stays in the nearest cache. */
const KEY_BLOCK = 4096;

// The loops over a block are functions of their own: as inner loops, compiled on the stack, every exit from them
// threw the compiled code away.

/** block[i − start] += values[col[i]] for i in start … end − 1. */
function addPlaces(block: Int32Array, col: Uint8Array, values: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) block[i - start] += values[col[i]];
}

/** addPlaces of two columns at once: one read and write of the block for both (whole numbers, so the order is free). */
function addPlacesOfTwo(block: Int32Array, a: Uint8Array, b: Uint8Array, values: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) block[i - start] += values[a[i]] + values[b[i]];
}

/**
 * The answer values of columns a and b added to the block's sums (a's, then b's), and their answers to its counts
 * (b may be a column of blanks).
 */
function addAnswers(sums: Float64Array, answered: Int32Array, a: Uint8Array, b: Uint8Array, value: Float64Array, isAnswer: Int32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const ca = a[i];
    const cb = b[i];
    // Added one after the other, as respondentMeans adds them: the same sums also where they are not exact (a scale
    // starting near 2^53).
    sums[i - start] = sums[i - start] + value[ca] + value[cb];
    answered[i - start] += isAnswer[ca] + isAnswer[cb];
  }
}

/** The block's keys as the respondents' bins and scores. */
function codeBlock(block: Int32Array, dense: Int16Array, scoreOf: Float64Array, column: Uint8Array | Uint16Array, score: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const b = dense[block[i - start]];
    column[i] = b;
    score[i] = scoreOf[b];
  }
}

/**
 * The 'joint' tier: a dimension's variables as one coded variable, a
 * respondent's code being their count vector (how many of the dimension's
 * items they answered at each scale point), and each statistic a function of
 * it (per bin). One column of codes and one pass then serve every statistic
 * of the dimension.
 *
 * A respondent's key is Σ_j R^(c_j − 1) over their answers c_j (R = m + 1),
 * the count vector in base R, numbered densely by a table; blank and can't
 * say add nothing. The statistics are the same numbers as in the pair coding:
 * (Σ codes + a · (min − 1)) / a and x / a, from the same whole numbers.
 */
function jointDimension(scale: DimensionScale, codes: readonly Uint8Array[], n: number): DimensionVariables {
  const { min, max, topBox } = scale;
  const points = max - min + 1;
  const topFromCode = points - topBox + 1;
  const m = codes.length;
  const needed = neededOf(m);
  const R = m + 1;
  const size = jointSize(points, m);
  if (size === undefined) throw new RangeError(`jointDimension: too many count vectors for ${m} items on ${points} points`);
  const { keys } = size;
  const binCount = Math.round(size.vectors);
  // Per answer code its place in the key; blank and can't say (and nothing else: codes are 0, 1 … points or 255) none.
  const pow = new Int32Array(256);
  for (let c = 1; c <= points; c++) pow[c] = R ** (c - 1);
  pow[BLANK] = 0;
  pow[CANT_SAY] = 0;
  // Every count vector with Σ ≤ m, numbered as the walk meets it, and its statistics.
  const dense = new Int16Array(keys).fill(-1);
  const counts = new Int32Array(points + 1);
  const scoreOf = new Float64Array(binCount);
  const topOf = new Float64Array(binCount);
  const pointOf = Array.from({ length: points }, () => new Float64Array(binCount));
  let bins = 0;
  const walk = (c: number, left: number, key: number) => {
    if (c > points) {
      const b = bins++;
      dense[key] = b;
      let a = 0;
      let sum = 0;
      let inTop = 0;
      for (let p = 1; p <= points; p++) {
        a += counts[p];
        sum += p * counts[p];
        if (p >= topFromCode) inTop += counts[p];
      }
      const missing = a < needed;
      scoreOf[b] = missing ? NaN : (sum + a * (min - 1)) / a;
      topOf[b] = missing ? NaN : inTop / a;
      for (let p = 1; p <= points; p++) pointOf[p - 1][b] = missing ? NaN : counts[p] / a;
      return;
    }
    for (let k = 0; k <= left; k++) {
      counts[c] = k;
      walk(c + 1, left - k, key + k * pow[c]);
    }
    counts[c] = 0;
  };
  walk(1, m, 0);
  if (bins !== binCount) throw new Error(`jointDimension: ${bins} count vectors, expected ${binCount}`);

  const column = binCount <= 256 ? new Uint8Array(n) : new Uint16Array(n);
  const score = new Float64Array(n);
  // Block by block, two items at a time: a loop over two items' columns per block reads them in order, where a loop
  // over the items per respondent jumps between the columns; two at a time halve the reads and writes of the block.
  const block = new Int32Array(Math.min(n, KEY_BLOCK));
  for (let start = 0; start < n; start += KEY_BLOCK) {
    const end = Math.min(n, start + KEY_BLOCK);
    block.fill(0);
    let j = 0;
    for (; j + 1 < m; j += 2) addPlacesOfTwo(block, codes[j], codes[j + 1], pow, start, end);
    if (j < m) addPlaces(block, codes[j], pow, start, end);
    codeBlock(block, dense, scoreOf, column, score, start, end);
  }
  const identity = new Int16Array(binCount);
  for (let b = 0; b < binCount; b++) identity[b] = b;
  const variable: MomentVariable = { kind: 'coded', codes: column, bins: identity, binCount };
  return {
    score,
    statistics: [{ variable, score: scoreOf }, { variable, score: topOf }, ...pointOf.map((values) => ({ variable, score: values }))],
  };
}

/** out[i] = sums / answered of the block's respondents, NaN below `needed` answers. */
function blockMeans(sums: Float64Array, answered: Int32Array, needed: number, out: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const a = answered[i - start];
    out[i] = a >= needed ? sums[i - start] / a : NaN;
  }
}

/**
 * respondentMeans of items' answer values, straight from their codes (no
 * column of values per item): the same sums in the same order, so the
 * same numbers. An index built from items is scored so.
 */
export function itemCodeMeans(codes: readonly Uint8Array[], min: number, n: number): Float64Array {
  const out = new Float64Array(n);
  if (codes.length === 0) return new Float64Array(0);
  const needed = Math.max(1, Math.ceil(codes.length * 0.5 - 1e-9));
  // Per code: its answer value and 1, or 0 and 0 for blank and can't say. Block by block, two items at a time, each added in turn.
  // Sums in doubles: whole numbers are exact there, and a scale may start anywhere (an Int32 sum would wrap).
  const value = new Float64Array(256);
  const isAnswer = new Int32Array(256);
  for (let c = 1; c < CANT_SAY; c++) {
    value[c] = c + min - 1;
    isAnswer[c] = 1;
  }
  // The partner of an odd item out: a column of blanks, which add nothing.
  const blanks = codes.length % 2 === 1 ? new Uint8Array(n) : undefined;
  const sums = new Float64Array(Math.min(n, KEY_BLOCK));
  const answered = new Int32Array(sums.length);
  for (let start = 0; start < n; start += KEY_BLOCK) {
    const end = Math.min(n, start + KEY_BLOCK);
    sums.fill(0);
    answered.fill(0);
    for (let j = 0; j < codes.length; j += 2) addAnswers(sums, answered, codes[j], codes[j + 1] ?? blanks!, value, isAnswer, start, end);
    blockMeans(sums, answered, needed, out, start, end);
  }
  return out;
}
