import { BLANK, CANT_SAY, type ItemAnswers } from './types.ts';

/** An item's answers as scale values: NaN for blank and can't say. */
export function answerValues(answers: ItemAnswers, scaleMin: number): Float64Array {
  const { codes } = answers;
  const out = new Float64Array(codes.length);
  const offset = scaleMin - 1;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    out[i] = c === BLANK || c === CANT_SAY ? NaN : c + offset;
  }
  return out;
}

/** 1 where the answer is a can't-say code, 0 elsewhere (blank included). */
export function cantSayFlags(answers: ItemAnswers): Uint8Array {
  const { codes } = answers;
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] === CANT_SAY ? 1 : 0;
  return out;
}

/** NPS answers as numbers: 0–10, NaN when not answered. */
export function npsValues(nps: Int8Array): Float64Array {
  const out = new Float64Array(nps.length);
  for (let i = 0; i < nps.length; i++) out[i] = nps[i] < 0 ? NaN : nps[i];
  return out;
}
