import type { Locale } from '../locale.ts';

export const enLocale: Locale = {
  tag: 'en',
  ogLocale: 'en_GB',
  decimal: '.',
  group: ',',
  percentSpace: '',
  date: '{d} {month} {yyyy}',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  quotes: ['\u201c', '\u201d'],
  and: 'and',
  plural: (count) => (count === 1 ? 'one' : 'other'),
};
