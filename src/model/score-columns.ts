import type { EditionData } from '../load/types.ts';
import { BLANK, CANT_SAY } from '../load/types.ts';
import type { Study } from '../study/schema.ts';
import { respondentMeans } from '../estimate/index.ts';
import { answerValues } from '../load/answers.ts';

/** A dimension's per-respondent variables. */
export interface DimensionColumns {
  /** Mean of the answered items, if at least half (rounded up) were answered; NaN otherwise. */
  score: Float64Array;
  /** Share of the answered items in the top box (NaN where the score is missing). */
  topBox: Float64Array;
  /** Share of the answered items at each scale point, from scale.min up. */
  points: Float64Array[];
}

/**
 * A dimension's variables straight from its items' answer codes, in one pass:
 * the score and the respondent's share of answered items in the top box and at
 * each point. The shares equal the pooled answer distribution when everyone
 * answers every item.
 */
export function dimensionColumns(study: Study, data: EditionData, itemIds: readonly string[]): DimensionColumns {
  const { min, max, topBox } = study.scale;
  const points = max - min + 1;
  const topFromCode = points - topBox + 1;
  const codes = itemIds.map((id) => data.items.get(id)!.codes);
  const needed = Math.max(1, Math.ceil(codes.length / 2 - 1e-9));
  const score = new Float64Array(data.n);
  const top = new Float64Array(data.n);
  const shares = Array.from({ length: points }, () => new Float64Array(data.n));
  const counts = new Uint16Array(points + 1);
  for (let i = 0; i < data.n; i++) {
    counts.fill(0);
    let answered = 0;
    let sum = 0;
    for (const column of codes) {
      const c = column[i]!;
      if (c === BLANK || c === CANT_SAY) continue;
      answered++;
      sum += c + min - 1;
      counts[c]!++;
    }
    if (answered < needed) {
      score[i] = top[i] = NaN;
      for (const s of shares) s[i] = NaN;
      continue;
    }
    score[i] = sum / answered;
    let inTop = 0;
    for (let c = 1; c <= points; c++) {
      shares[c - 1]![i] = counts[c]! / answered;
      if (c >= topFromCode) inTop += counts[c]!;
    }
    top[i] = inTop / answered;
  }
  return { score, topBox: top, points: shares };
}

/**
 * The per-respondent score of every dimension and index (what indices and the
 * driver analysis are built from). Items are not converted: they are estimated
 * from their codes.
 */
export function scoreColumns(study: Study, data: EditionData, dimensions: ReadonlyMap<string, Float64Array>): Map<string, Float64Array> {
  const scores = new Map(dimensions);
  const itemScore = (id: string) => answerValues(data.items.get(id)!, study.scale.min);
  for (const index of study.indices) {
    const parts = index.dimensions ? index.dimensions.map((id) => scores.get(id)!) : (index.items ?? []).map(itemScore);
    scores.set(index.id, respondentMeans(parts));
  }
  return scores;
}
