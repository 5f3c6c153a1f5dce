import { localeOf, type Lang } from '../i18n/index.ts';
import { roundHalfAwayFromZero } from '../estimate/round.ts';

const MINUS = '\u2212';
const NBSP = '\u00a0';

/** A number as displayed in the report language: fi and sv 3,85, en 3.85; a true minus sign. */
export function formatNumber(x: number, decimals: number, lang: Lang): string {
  const r = roundHalfAwayFromZero(x, decimals);
  const body = Math.abs(r).toFixed(decimals);
  const [int, frac] = body.split('.');
  const locale = localeOf(lang);
  const grouped = Number(int) >= 10000 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, locale.group) : int;
  const text = frac === undefined ? grouped : `${grouped}${locale.decimal}${frac}`;
  return r < 0 ? MINUS + text : text;
}

/** A signed difference: +0,12 / −0,12 / ±0,00. */
export function formatSigned(x: number, decimals: number, lang: Lang): string {
  const r = roundHalfAwayFromZero(x, decimals);
  if (r === 0) return '\u00b1' + formatNumber(0, decimals, lang);
  return (r > 0 ? '+' : '') + formatNumber(r, decimals, lang);
}

/** A share 0–1 as a percentage: fi and sv "12 %", en "12%". */
export function formatPercent(share: number, lang: Lang, decimals = 0): string {
  return `${formatNumber(share * 100, decimals, lang)}${localeOf(lang).percentSpace}%`;
}

/** A count: fi and sv 3 112, en 3,112. */
export function formatCount(n: number, lang: Lang): string {
  const int = String(Math.round(n));
  if (n < 1000) return int;
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, localeOf(lang).group);
}

/** The significance level the report's tests use. */
const ALPHA = 0.05;

/**
 * A p-value as usually reported: "< 0.001", else three decimals — or as many more
 * as it takes (up to six) for a significant p not to round up to 0.050 (0.0496
 * shows as 0.0496, 0.04996 as 0.04996), so the number never contradicts
 * "statistically significant (p < 0.05)".
 */
export function formatP(p: number, lang: Lang): string {
  if (p < 0.001) return `<${NBSP}${formatNumber(0.001, 3, lang)}`;
  let decimals = 3;
  while (p < ALPHA && decimals < 6 && Number(p.toFixed(decimals)) >= ALPHA) decimals++;
  return formatNumber(p, decimals, lang);
}

/** "p = 0.014", or "p < 0.001" (never "p = < 0.001"), with no-break spaces. */
export function formatPStatement(p: number, lang: Lang): string {
  const value = formatP(p, lang);
  return value.startsWith('<') ? `p${NBSP}${value}` : `p${NBSP}=${NBSP}${value}`;
}
