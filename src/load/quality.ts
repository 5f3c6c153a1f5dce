import type { Study } from '../study/schema.ts';
import { existsIn } from '../study/editions.ts';
import { BLANK, CANT_SAY, type EditionData } from './types.ts';

/** A summary of design weights. */
export interface WeightSummary {
  /** Number of respondents. */
  n: number;
  /** Smallest and largest weight; NaN when n is 0. */
  min: number;
  max: number;
  sum: number;
  /** Kish effective sample size (Σw)² / Σw²; 0 when n is 0. */
  effectiveN: number;
  /** Design effect of weighting, n / effective n; NaN when n is 0. */
  designEffect: number;
}

export interface GroupQuality {
  code: string;
  n: number;
  weights: WeightSummary;
}

export interface ItemQuality {
  id: string;
  /** Respondents with an answer on the scale. */
  validN: number;
  /** Respondents with a can't-say code. */
  cantSayN: number;
  /** Respondents who left the item blank. */
  missingN: number;
  /** Can't-say share among those who answered the item (valid + can't say); NaN when nobody did. */
  cantSayShare: number;
  /** Blank share among all respondents; NaN when n is 0. */
  missingShare: number;
}

/** Data-quality figures of one edition (unweighted counts). */
export interface EditionQuality {
  year: number;
  n: number;
  weights: WeightSummary;
  /** Per group of the study, in study order (also groups with no respondents). */
  groups: GroupQuality[];
  /** Per item asked in the edition, in study order. */
  items: ItemQuality[];
  /** The NPS question as an item (can't-say is always 0), when the study has one. */
  nps?: ItemQuality;
}

function summarise(weight: Float64Array, pick: (r: number) => boolean): WeightSummary {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sum2 = 0;
  for (let r = 0; r < weight.length; r++) {
    if (!pick(r)) continue;
    const w = weight[r];
    n++;
    if (w < min) min = w;
    if (w > max) max = w;
    sum += w;
    sum2 += w * w;
  }
  if (n === 0) return { n, min: NaN, max: NaN, sum: 0, effectiveN: 0, designEffect: NaN };
  const effectiveN = (sum * sum) / sum2;
  return { n, min, max, sum, effectiveN, designEffect: n / effectiveN };
}

/** Counts of one column whose `kind(r)` is 'valid', 'cantSay' or 'blank' per respondent. */
function itemQuality(id: string, n: number, kind: (r: number) => 0 | 1 | 2): ItemQuality {
  let validN = 0;
  let cantSayN = 0;
  for (let r = 0; r < n; r++) {
    const k = kind(r);
    if (k === 2) cantSayN++;
    else if (k === 1) validN++;
  }
  const missingN = n - validN - cantSayN;
  const answering = validN + cantSayN;
  return {
    id,
    validN,
    cantSayN,
    missingN,
    cantSayShare: answering > 0 ? cantSayN / answering : NaN,
    missingShare: n > 0 ? missingN / n : NaN,
  };
}

/** Rows by group, weights in total and per group, and per item valid n, can't-say and missing shares. */
export function dataQuality(data: EditionData, study: Study): EditionQuality {
  const all = () => true;
  return {
    year: data.year,
    n: data.n,
    weights: summarise(data.weight, all),
    groups: study.groups.map((g, k) => {
      const weights = summarise(data.weight, (r) => data.group[r] === k);
      return { code: g.code, n: weights.n, weights };
    }),
    items: study.items
      .filter((x) => existsIn(x, data.year))
      .map((x) => {
        const codes = data.items.get(x.id)?.codes;
        return itemQuality(x.id, data.n, (r) => (codes === undefined || codes[r] === BLANK ? 0 : codes[r] === CANT_SAY ? 2 : 1));
      }),
    ...(data.nps ? { nps: itemQuality('nps', data.n, (r) => (data.nps![r] >= 0 ? 1 : 0)) } : {}),
  };
}
