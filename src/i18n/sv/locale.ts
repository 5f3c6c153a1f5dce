import type { Locale } from '../locale.ts';

/** Swedish as written in Finland: decimal comma, space between thousands, dates as 14.3.2024. */
export const svLocale: Locale = {
  tag: 'sv',
  ogLocale: 'sv_FI',
  decimal: ',',
  group: '\u00a0',
  percentSpace: '\u00a0',
  date: '{d}.{m}.{yyyy}',
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  quotes: ['\u201d', '\u201d'],
  and: 'och',
  plural: (count) => (count === 1 ? 'one' : 'other'),
};
