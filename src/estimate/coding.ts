/**
 * How answers are coded, and the rules that turn codes into figures: the one
 * place that knows the byte codes of item answers, the bins and per-bin scores
 * the estimates are summed by, the NPS rule and the normal quantile of the
 * 95 % intervals. The codes themselves are defined with the scale
 * (src/study/answer-codes.ts), since the loader writes them too.
 */
import { CANT_SAY } from '../study/answer-codes.ts';
import type { CodedVariable } from './domain-moments.ts';

export { answerCode, BLANK, CANT_SAY, isAnswerCode, MAX_SCALE_POINTS } from '../study/answer-codes.ts';

/**
 * qnorm(0.975) as R computes it (Wichura's AS241, to the last bit): the normal
 * quantile of every 95 % interval, estimate ± Z975 · se.
 */
export const Z975 = 1.9599639845400536;

/**
 * qnorm(0.975) written as its 16-digit decimal, one unit in the last place above
 * Z975 (the correctly rounded quantile): the margin of error of a group's
 * respondent summary has always been computed with it. Kept apart so that those
 * figures stay as they were; use Z975 for anything new.
 */
export const Z975_DECIMAL = 1.959963984540054;

/** Smallest NPS answer (0–10) of a promoter, and of a passive; below that a detractor. */
export const NPS_PROMOTER = 9;
export const NPS_PASSIVE = 7;

/**
 * The Net Promoter score of one 0–10 answer: +100 for 9–10 (promoter), 0 for
 * 7–8 (passive), −100 for 0–6 (detractor). The mean of these is the NPS
 * (% promoters − % detractors).
 *
 * Reichheld (2003), The One Number You Need to Grow, Harvard Business Review,
 * https://hbr.org/2003/12/the-one-number-you-need-to-grow
 */
export function npsScore(answer: number): number {
  return answer >= NPS_PROMOTER ? 100 : answer >= NPS_PASSIVE ? 0 : -100;
}

/**
 * An item's answer codes (BLANK, CANT_SAY, 1 … points the answer) as a coded
 * variable: bin 0 blank, bins 1 … points the answers, bin points + 1 can't say.
 */
export function itemVariable(codes: Uint8Array, points: number): CodedVariable {
  const bins = new Int16Array(256).fill(-1);
  for (let b = 0; b <= points; b++) bins[b] = b;
  bins[CANT_SAY] = points + 1;
  return { kind: 'coded', codes, bins, binCount: points + 2 };
}

/**
 * NPS answers (0–10, −1 blank) as a coded variable: bin 0 blank, bin a + 1 the answer a. The answers are read as
 * bytes (−1 is then 255), as item codes are: one kind of array in the summing loop keeps its compiled code fit for all.
 */
export function npsVariable(answers: Int8Array): CodedVariable {
  const bins = new Int16Array(256).fill(-1);
  for (let a = 0; a <= 10; a++) bins[a] = a + 1;
  bins[255] = 0;
  return { kind: 'coded', codes: new Uint8Array(answers.buffer, answers.byteOffset, answers.length), bins, binCount: 12 };
}

/**
 * Scores per bin of itemVariable for the usual statistics of an item on the
 * scale min…max: its mean, its top-box share (the `topBox` highest points),
 * the share of each scale point, and the can't-say share (base: everyone
 * who answered, can't say included).
 */
export function itemScores(min: number, max: number, topBox: number): { mean: Float64Array; topBox: Float64Array; points: Float64Array[]; cantSay: Float64Array } {
  const points = max - min + 1;
  const bins = points + 2;
  const make = (f: (b: number) => number) => Float64Array.from({ length: bins }, (_, b) => f(b));
  const valid = (b: number) => b >= 1 && b <= points;
  return {
    mean: make((b) => (valid(b) ? min + b - 1 : NaN)),
    topBox: make((b) => (valid(b) ? (b > points - topBox ? 1 : 0) : NaN)),
    points: Array.from({ length: points }, (_, k) => make((b) => (valid(b) ? (b === k + 1 ? 1 : 0) : NaN))),
    cantSay: make((b) => (valid(b) ? 0 : b === points + 1 ? 1 : NaN)),
  };
}

/** Scores per bin of npsVariable: the NPS (+100 / 0 / −100) and the promoter, passive and detractor shares. */
export function npsBinScores(): { score: Float64Array; promoters: Float64Array; passives: Float64Array; detractors: Float64Array } {
  const make = (f: (a: number) => number) => Float64Array.from({ length: 12 }, (_, b) => (b === 0 ? NaN : f(b - 1)));
  return {
    score: make(npsScore),
    promoters: make((a) => (npsScore(a) === 100 ? 1 : 0)),
    passives: make((a) => (npsScore(a) === 0 ? 1 : 0)),
    detractors: make((a) => (npsScore(a) === -100 ? 1 : 0)),
  };
}
