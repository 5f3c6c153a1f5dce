import { t } from '../i18n/index.ts';
import type { Lang } from '../i18n/languages.ts';
import type { Range } from './scale-fit.ts';

/**
 * The standard five interpretation bands on a 1–5 scale, from the highest,
 * with the sample's colours (each with a text colour of enough contrast).
 */
const STANDARD = [
  { id: 'excellent', min: 4, key: 'draft.bandExcellent', colour: '#1d4e89', textColour: '#ffffff' },
  { id: 'good', min: 3.5, key: 'draft.bandGood', colour: '#8cbfe6', textColour: '#000000' },
  { id: 'moderate', min: 3, key: 'draft.bandModerate', colour: '#ddd5c4', textColour: '#000000' },
  { id: 'weak', min: 2.5, key: 'draft.bandWeak', colour: '#f4a261', textColour: '#000000' },
  { id: 'very-weak', key: 'draft.bandVeryWeak', colour: '#b8430f', textColour: '#ffffff' },
] as const;

/**
 * The standard bands on another scale: each threshold carried over in
 * proportion (4.00 on 1–5 is three quarters of the way up, so 7.50 on
 * 0–10) and rounded to two decimals, as a band is decided on the value as
 * displayed. Labels in each language from its dictionary.
 */
export function draftBands([min, max]: Range, languages: readonly Lang[]): Record<string, unknown>[] {
  const scaled = (x: number) => Math.round((min + ((x - 1) * (max - min)) / 4) * 100) / 100;
  return STANDARD.map((b) => ({
    id: b.id,
    ...('min' in b ? { min: scaled(b.min) } : {}),
    label: Object.fromEntries(languages.map((l) => [l, t(l, b.key)])),
    colour: b.colour,
    textColour: b.textColour,
  }));
}
