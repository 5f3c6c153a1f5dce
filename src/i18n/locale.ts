/**
 * How a language writes numbers, dates, quotations and lists. Data, not `Intl`:
 * the output must not depend on the ICU data of the machine that builds it.
 */
export interface Locale {
  /** The BCP 47 tag written into `<html lang>` and PDF metadata. */
  tag: string;
  /** The Open Graph locale (language_TERRITORY) of the share previews: the language as the report writes it in Finland, or British English. */
  ogLocale: string;
  decimal: string;
  /** Thousands separator; a no-break space where the language uses a space. */
  group: string;
  /** Between a number and "%": a no-break space in Finnish and Swedish, nothing in English. */
  percentSpace: string;
  /** A date with {d}, {m}, {month} (the month's name) and {yyyy}. */
  date: string;
  months: readonly string[];
  /** Opening and closing quotation marks. */
  quotes: readonly [string, string];
  /** The word joining the last two items of a list. */
  and: string;
  /** The plural form of a count. */
  plural(count: number): 'one' | 'other';
}
