import { npsScore } from './coding.ts';

/**
 * Net Promoter scores per respondent: +100 for 9–10 (promoters), 0 for 7–8
 * (passives), −100 for 0–6 (detractors), NaN for missing. A value outside
 * 0–10 is treated as missing. The mean of these scores is the NPS
 * (% promoters − % detractors). The rule is npsScore's.
 */
export function npsScores(answers: ArrayLike<number>): Float64Array {
  const out = new Float64Array(answers.length);
  for (let i = 0; i < answers.length; i++) {
    const v = answers[i];
    out[i] = !(v >= 0 && v <= 10) ? NaN : npsScore(v);
  }
  return out;
}
