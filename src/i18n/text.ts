import type { Dictionary } from './en/dictionary.ts';
import { dictionaryOf, LANGUAGES, localeOf, type Lang } from './languages.ts';

/** A plural entry: the form is chosen by the `count` value. */
export interface Plural {
  one: string;
  other: string;
}

/** A dictionary key: "namespace.key". */
export type TextKey = { [N in keyof Dictionary]: `${N & string}.${keyof Dictionary[N] & string}` }[keyof Dictionary];

export type TextValues = Record<string, string | number>;

/** The entry `key` of a dictionary, as written there (string or plural forms). */
export function entryOf(dictionary: Dictionary, key: TextKey): string | Plural {
  const dot = key.indexOf('.');
  const space = dictionary[key.slice(0, dot) as keyof Dictionary] as Record<string, string | Plural>;
  return space[key.slice(dot + 1)];
}

/** The {placeholders} of a text. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * The text `key` in `lang` with its {placeholders} filled in. A plural entry takes its
 * form from `values.count`. A placeholder without a value is a programming error.
 */
export function t(lang: Lang, key: TextKey, values: TextValues = {}): string {
  const entry = entryOf(dictionaryOf(lang), key);
  const raw = typeof entry === 'string' ? entry : entry[localeOf(lang).plural(Number(values.count))];
  return raw.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`text ${key} needs a value for {${name}}`);
    return typeof v === 'number' ? formatInteger(v, lang) : v;
  });
}

/** A whole number as the language writes it inside a sentence (no grouping below 10 000). */
function formatInteger(n: number, lang: Lang): string {
  if (!Number.isInteger(n) || Math.abs(n) < 10000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, localeOf(lang).group);
}

/** The text `key` in every language, as a label: { fi: …, sv: …, en: … }. */
export function textInEvery(key: TextKey, values: TextValues = {}): Record<Lang, string> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, t(lang, key, values)])) as Record<Lang, string>;
}

/** Joins names as a list in the language: "A, B ja C", "A, B och C", "A, B and C". */
export function listText(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${localeOf(lang).and} ${names[names.length - 1]}`;
}

/** A quotation in the language's marks. */
export function quoteText(quoted: string, lang: Lang): string {
  const [open, close] = localeOf(lang).quotes;
  return `${open}${quoted}${close}`;
}

/** A YYYY-MM-DD date as written in the language ("14.3.2024", "14 March 2024"); anything else as it is. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  const locale = localeOf(lang);
  return locale.date.replace(/\{(\w+)\}/g, (_, part: string) => ({ d: String(day), m: String(month), month: locale.months[month - 1], yyyy: String(year) })[part] ?? part);
}
