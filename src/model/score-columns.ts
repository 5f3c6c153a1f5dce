import type { EditionData } from '../load/types.ts';
import type { Study } from '../study/schema.ts';
import { indicator, npsScores, respondentMeans } from '../estimate/index.ts';
import { answerValues, npsValues } from '../load/answers.ts';
import { CANT_SAY } from '../load/types.ts';

/** Per-respondent variables of one scale indicator, ready for estimation. */
export interface ScaleColumns {
  /** The score: the answer (item) or the mean of answered components. */
  score: Float64Array;
  /** Top-box membership: 1/0 for an item, the share of answered items for a dimension. */
  topBox?: Float64Array;
  /** Per scale point, as topBox. */
  points?: Float64Array[];
  /** 1 can't say, 0 valid answer, NaN not answered (items only). */
  cantSay?: Float64Array;
}

/** NPS variables per respondent. */
export interface NpsColumns {
  score: Float64Array;
  promoters: Float64Array;
  passives: Float64Array;
  detractors: Float64Array;
}

/**
 * Derives every indicator's per-respondent variables from the answers, following
 * the scoring rules: a dimension or index score needs at least half of its parts.
 */
export function scoreColumns(study: Study, data: EditionData): { scale: Map<string, ScaleColumns>; nps?: NpsColumns } {
  const { min, max, topBox } = study.scale;
  const topFrom = max - topBox + 1;
  const pointValues = Array.from({ length: max - min + 1 }, (_, k) => min + k);
  const scale = new Map<string, ScaleColumns>();
  for (const item of study.items) {
    const answers = data.items.get(item.id)!;
    const values = answerValues(answers, min);
    const cantSay = new Float64Array(data.n);
    for (let i = 0; i < data.n; i++) cantSay[i] = answers.codes[i] === CANT_SAY ? 1 : Number.isNaN(values[i]) ? Number.NaN : 0;
    scale.set(item.id, {
      score: values,
      topBox: indicator(values, (v) => v >= topFrom),
      points: pointValues.map((p) => indicator(values, (v) => v === p)),
      cantSay,
    });
  }
  for (const dim of study.dimensions) {
    const parts = dim.items.map((id) => scale.get(id)!);
    scale.set(dim.id, {
      score: respondentMeans(parts.map((p) => p.score)),
      // A respondent's share of answered items in the top box (or at a point): equals
      // the pooled answer distribution when everyone answers every item.
      topBox: respondentMeans(parts.map((p) => p.topBox!)),
      points: pointValues.map((_, k) => respondentMeans(parts.map((p) => p.points![k]))),
    });
  }
  for (const index of study.indices) {
    const parts = (index.dimensions ?? index.items ?? []).map((id) => scale.get(id)!.score);
    scale.set(index.id, { score: respondentMeans(parts) });
  }
  let nps: NpsColumns | undefined;
  if (study.nps && data.nps) {
    const answers = npsValues(data.nps);
    nps = {
      score: npsScores(answers),
      promoters: indicator(answers, (v) => v >= 9),
      passives: indicator(answers, (v) => v >= 7 && v <= 8),
      detractors: indicator(answers, (v) => v <= 6),
    };
  }
  return { scale, nps };
}
