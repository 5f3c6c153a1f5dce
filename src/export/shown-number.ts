import { localeOf, type Lang } from '../i18n/index.ts';

/** A table cell's text read back as the number it shows, with the spreadsheet number format that shows it the same way. */
export interface ShownNumber {
  value: number;
  /** An Excel number format: the same decimals, sign, percent and significance star as the text. */
  format: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The number a cell's text shows (as `formatNumber`, `formatSigned`, `formatPercent`
 * and `formatCount` write it in `lang`, with an optional significance star), or
 * undefined when the text is not one number ("n < 30", "3,40–3,50", "–", a label).
 * The value is the rounded number shown, never the unrounded estimate, so that a
 * spreadsheet and the page cannot disagree.
 */
export function shownNumber(text: string, lang: Lang): ShownNumber | undefined {
  const { decimal, group, percentSpace } = localeOf(lang);
  const pattern = new RegExp(`^([+\u2212\u00b1]?)(\\d{1,3}(?:${escapeRegExp(group)}\\d{3})+|\\d+)(?:${escapeRegExp(decimal)}(\\d+))?(${escapeRegExp(percentSpace)}%)?(\\*)?$`);
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [, sign = '', int = '', frac = '', percent, star] = m;
  const decimals = frac.length;
  const magnitude = Number(`${int.split(group).join('')}.${frac || '0'}`);
  const negative = sign === '\u2212';
  const shown = negative ? -magnitude : magnitude;
  // A percentage is stored as the share it shows (12 % as 0.12), to the digits shown.
  const value = percent ? Number((shown / 100).toFixed(decimals + 2)) : shown;
  const body = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${percent ? '%' : ''}`;
  const tail = star ? '"*"' : '';
  // "±3,1 %" is a margin of error; "±0,00" a change of zero: both keep their sign, as does every signed change.
  const format = sign === '\u00b1' && magnitude !== 0 ? `"±"${body}${tail}` : sign !== '' ? `"+"${body}${tail};"\u2212"${body}${tail};"±"${body}${tail}` : `${body}${tail}`;
  return { value: negative && value === 0 ? 0 : value, format };
}
