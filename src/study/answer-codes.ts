/**
 * How an answer on the study's scale is stored, one byte per respondent and item:
 * written by the loader, read by the estimates (src/estimate/coding.ts holds the
 * rules that turn codes into figures). Defined here, below both, so that neither
 * imports from the other's layer.
 */

/** Answer code of an item left blank (not answered). */
export const BLANK = 0;
/** Answer code of a can't-say answer (any of scale.cantSay). */
export const CANT_SAY = 255;
/** Most points a scale may have: answers are coded 1 … 254. */
export const MAX_SCALE_POINTS = 254;

/**
 * An answer's code: BLANK for none (undefined), CANT_SAY for can't say,
 * otherwise 1 + (answer − scaleMin), so on a 1–5 scale the code is the answer.
 * The loader's coding, for tests and fixtures that build answer columns.
 */
export function answerCode(answer: number | 'cantSay' | undefined, scaleMin: number): number {
  return answer === undefined ? BLANK : answer === 'cantSay' ? CANT_SAY : 1 + (answer - scaleMin);
}

/** Whether a code is an answer on the scale (neither blank nor can't say). */
export function isAnswerCode(code: number): boolean {
  return code !== BLANK && code !== CANT_SAY;
}

/** The answers that count as positive (the top box): the `topBox` highest points, as "8–10" (or "5" for one point). */
export function topBoxRange(scale: { max: number; topBox: number }): string {
  const from = scale.max - scale.topBox + 1;
  return from === scale.max ? String(from) : `${from}\u2013${scale.max}`;
}
