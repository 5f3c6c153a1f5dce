import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/dictionary.ts';
import { dictionaryOf, entryOf, formatDate, LANGUAGES, listText, localeOf, placeholdersOf, quoteText, t, textInEvery, type TextKey } from '../../src/i18n/index.ts';

/** Every key of the reference dictionary (English), "namespace.key". */
const KEYS = Object.entries(en).flatMap(([space, entries]) => Object.keys(entries).map((key) => `${space}.${key}` as TextKey));

/** The placeholders of an entry, per plural form when it has forms. */
function shape(entry: string | { one: string; other: string }): Record<string, string[]> {
  const sorted = (text: string) => [...new Set(placeholdersOf(text))].sort();
  return typeof entry === 'string' ? { text: sorted(entry) } : { one: sorted(entry.one), other: sorted(entry.other) };
}

describe('dictionaries', () => {
  it('have the reference dictionary’s keys, no more and no fewer, in every language', () => {
    for (const lang of LANGUAGES) {
      const dictionary = dictionaryOf(lang) as unknown as Record<string, Record<string, unknown>>;
      const keys = Object.entries(dictionary).flatMap(([space, entries]) => Object.keys(entries).map((key) => `${space}.${key}`));
      expect(keys.sort(), lang).toEqual([...KEYS].sort());
    }
  });

  it('have the same placeholders and plural forms for every key in every language', () => {
    expect(KEYS.length).toBeGreaterThan(100);
    for (const lang of LANGUAGES) {
      for (const key of KEYS) {
        expect(shape(entryOf(dictionaryOf(lang), key)), `${lang} ${key}`).toEqual(shape(entryOf(en, key)));
      }
    }
  });

  it('have no empty text and no text left in another language’s words', () => {
    for (const lang of LANGUAGES) {
      for (const key of KEYS) {
        const entry = entryOf(dictionaryOf(lang), key);
        for (const text of typeof entry === 'string' ? [entry] : [entry.one, entry.other]) expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
    // Texts that are the same in every language are names or symbols, not untranslated sentences.
    const same = KEYS.filter((key) => new Set(LANGUAGES.map((lang) => JSON.stringify(entryOf(dictionaryOf(lang), key)))).size === 1);
    for (const key of same) expect(JSON.stringify(entryOf(en, key)), key).not.toMatch(/[a-z]{4,} [a-z]{4,} [a-z]{4,}/);
  });
});

describe('t', () => {
  it('fills placeholders and picks the plural form by count', () => {
    expect(t('en', 'chart.suppressedSome', { count: 1, base: 30 })).toBe('One figure is not shown because there are fewer than 30 respondents.');
    expect(t('en', 'chart.suppressedSome', { count: 3, base: 30 })).toBe('Some figures are not shown because there are fewer than 30 respondents.');
    expect(t('sv', 'chart.suppressedSome', { count: 1, base: 30 })).toBe('En siffra visas inte, eftersom det finns färre än 30 svarande.');
    expect(t('fi', 'ui.changeFrom', { year: 2024 })).toBe('Muutos vuodesta 2024');
  });

  it('refuses a text whose placeholder has no value, rather than printing "{year}"', () => {
    expect(() => t('en', 'ui.changeFrom')).toThrow(/ui.changeFrom needs a value for \{year\}/);
  });

  it('gives a text in every language as a label', () => {
    expect(textInEvery('ui.total')).toEqual({ fi: 'Kaikki', sv: 'Alla svarande', en: 'All respondents' });
  });
});

describe('locales', () => {
  it('write dates, lists and quotations as each language does, without Intl', () => {
    expect(formatDate('2025-03-13', 'fi')).toBe('13.3.2025');
    expect(formatDate('2025-03-13', 'sv')).toBe('13.3.2025');
    expect(formatDate('2025-03-13', 'en')).toBe('13 March 2025');
    expect(formatDate('13.3.2025', 'en')).toBe('13.3.2025');
    expect(listText(['A', 'B', 'C'], 'fi')).toBe('A, B ja C');
    expect(listText(['A', 'B', 'C'], 'sv')).toBe('A, B och C');
    expect(listText(['A', 'B'], 'en')).toBe('A and B');
    expect(quoteText('Hej', 'sv')).toBe('\u201dHej\u201d');
    expect(quoteText('Hi', 'en')).toBe('\u201cHi\u201d');
  });

  it('have twelve months and a BCP 47 tag', () => {
    for (const lang of LANGUAGES) {
      expect(localeOf(lang).months).toHaveLength(12);
      expect(localeOf(lang).tag).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
    }
  });
});
