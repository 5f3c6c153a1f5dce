import type { Locale } from '../locale.ts';

export const fiLocale: Locale = {
  tag: 'fi',
  ogLocale: 'fi_FI',
  decimal: ',',
  group: '\u00a0',
  percentSpace: '\u00a0',
  date: '{d}.{m}.{yyyy}',
  months: ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'],
  quotes: ['\u201d', '\u201d'],
  and: 'ja',
  plural: (count) => (count === 1 ? 'one' : 'other'),
};
