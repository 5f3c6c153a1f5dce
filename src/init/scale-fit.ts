import { type ColumnProfile, integerCodes } from './column-profile.ts';

/** A scale's lowest and highest points. */
export type Range = readonly [number, number];

/** The scales rating columns are guessed to be on, in the order a tie is decided. */
export const RANGES: readonly Range[] = [
  [1, 5],
  [1, 7],
  [0, 10],
  [1, 10],
];

/** Can't-say labels in Finnish, Swedish and English ("En osaa sanoa", "Eos", "Kan inte säga", "Vet inte", "Don't know", "Can't say", "Not sure"). */
export const CANT_SAY_LABEL =
  /(^|[^\p{L}])(en osaa sanoa|ei osaa sanoa|eos|e\.o\.s\.?|kan inte s[äa]ga|kan ej s[äa]ga|vet inte|vet ej|don['’]?t know|do not know|can['’]?t say|cannot say|not sure)([^\p{L}]|$)/iu;

/** A can't-say code of a column: from its value label, or guessed from its values. */
export interface CantSayCode {
  code: number;
  /** The value label that says can't say, when there is one. */
  label?: string;
  /** Answers with the code in the column. */
  count: number;
}

/** How a column fits a scale: the range, its can't-say codes, and whether the value labels or the values told. */
export interface ScaleFit {
  range: Range;
  cantSay: CantSayCode[];
  source: 'labels' | 'values';
}

export const rangeText = (r: Range) => `${r[0]}–${r[1]}`;

/**
 * The codes outside a scale that may be its can't-say code: the next point
 * above it (6 on 1–5), 0 below a scale from 1, and 9, 99 and 999, as survey
 * exports write them.
 */
export function cantSayCandidates([min, max]: Range): number[] {
  const codes = [max + 1, 99, 999];
  if (max < 9) codes.push(9);
  if (min >= 1) codes.push(0);
  return codes;
}

/** Whether a value is user-missing in the column (such values were read as blank). */
function missingCode(c: ColumnProfile, code: number): boolean {
  const { values, range } = c.meta.missing;
  return values.includes(String(code)) || (range !== undefined && code >= range[0] && code <= range[1]);
}

/**
 * The fit of a column on a range by its values: every value on the scale or
 * a can't-say candidate, at least three points of the scale used. Undefined
 * when it does not fit.
 */
export function valueFit(c: ColumnProfile, range: Range): ScaleFit | undefined {
  const codes = integerCodes(c);
  if (!codes) return undefined;
  const candidates = cantSayCandidates(range);
  let points = 0;
  const cantSay: CantSayCode[] = [];
  for (const [code, count] of codes) {
    if (code >= range[0] && code <= range[1]) points++;
    else if (candidates.includes(code)) {
      const label = c.meta.valueLabels.get(String(code));
      cantSay.push({ code, count, ...(label ? { label } : {}) });
    } else return undefined;
  }
  if (points < 3) return undefined;
  return { range, cantSay: cantSay.sort((a, b) => a.code - b.code), source: 'values' };
}

/**
 * The range a column's values fit best, or undefined: of the ranges it
 * fits, the one whose top point is used, then whose bottom point is used,
 * then with the fewest codes outside it, then the narrowest (so 1–5 with
 * a 0 or 6 beside it is 1–5, not 0–10; 0–10 used whole is 0–10, not 1–10
 * with 0 as can't say).
 */
export function bestFit(c: ColumnProfile): ScaleFit | undefined {
  const codes = integerCodes(c);
  if (!codes) return undefined;
  const fits = RANGES.map((r) => valueFit(c, r)).filter((f): f is ScaleFit => f !== undefined);
  const score = (f: ScaleFit) => [codes.has(f.range[1]) ? 0 : 1, codes.has(f.range[0]) ? 0 : 1, f.cantSay.length, f.range[1] - f.range[0]];
  fits.sort((a, b) => {
    const x = score(a);
    const y = score(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
  const best = fits[0];
  // A scale whose top is never used is no more than a guess among several.
  return best && codes.has(best.range[1]) ? best : undefined;
}

/**
 * The fit of an SPSS variable by its value labels: the labelled codes
 * (user-missing ones aside) that are not labelled can't say make the scale
 * (whole numbers, 3 to 11 points, from the lowest to the highest); the ones
 * labelled can't say are its can't-say codes. Undefined without such labels,
 * or when a value is neither on the scale nor labelled can't say.
 */
export function labelFit(c: ColumnProfile): ScaleFit | undefined {
  const labels = [...c.meta.valueLabels].filter(([code]) => /^-?\d+$/.test(code) && !missingCode(c, Number(code)));
  if (labels.length < 2 || c.meta.numeric === false) return undefined;
  const points = labels.filter(([, text]) => !CANT_SAY_LABEL.test(text)).map(([code]) => Number(code));
  if (points.length < 2) return undefined;
  const range: Range = [Math.min(...points), Math.max(...points)];
  if (range[1] - range[0] < 2 || range[1] - range[0] > 10) return undefined;
  const codes = integerCodes(c) ?? new Map<number, number>();
  if (c.rows - c.blank > 0 && !integerCodes(c)) return undefined;
  const cantSay: CantSayCode[] = labels
    .filter(([code, text]) => CANT_SAY_LABEL.test(text) && (Number(code) < range[0] || Number(code) > range[1]))
    .map(([code, text]) => ({ code: Number(code), label: text, count: codes.get(Number(code)) ?? 0 }));
  for (const code of codes.keys()) if ((code < range[0] || code > range[1]) && !cantSay.some((x) => x.code === code)) return undefined;
  return { range, cantSay: cantSay.sort((a, b) => a.code - b.code), source: 'labels' };
}

/**
 * The fit of a column on the study's scale: its own fit when that is the
 * scale; else, unless its value labels make another scale, the fit of its
 * values on the scale.
 */
export function fitToScale(c: ColumnProfile, scale: Range, own: ScaleFit | undefined): ScaleFit | undefined {
  if (own && own.range[0] === scale[0] && own.range[1] === scale[1]) return own;
  if (own?.source === 'labels') return undefined;
  return valueFit(c, scale);
}
