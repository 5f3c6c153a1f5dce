/**
 * Every dictionary has every key of the English one (the reference), with the
 * same kind of entry (a text, or plural forms one/other) and the same
 * {placeholders} in each form; and nothing more.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/dictionary.ts';
import { dictionaryOf, LANGUAGES, placeholdersOf } from '../../src/i18n/index.ts';

type Entry = string | Record<string, string>;

/** Each entry's shape: per form (or '' for a plain text) its sorted set of placeholders. */
function shapeOf(dictionary: Record<string, Record<string, Entry>>): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [space, entries] of Object.entries(dictionary)) {
    for (const [key, entry] of Object.entries(entries)) {
      const forms = typeof entry === 'string' ? { '': entry } : entry;
      out[`${space}.${key}`] = Object.fromEntries(Object.entries(forms).map(([form, text]) => [form, [...new Set(placeholdersOf(text))].sort()]));
    }
  }
  return out;
}

describe('dictionaries', () => {
  const reference = shapeOf(en);

  it('the reference has plural entries of exactly the forms one and other, and placeholders in its texts', () => {
    const plural = Object.entries(reference).filter(([, forms]) => !('' in forms));
    expect(plural.length).toBeGreaterThan(0);
    for (const [key, forms] of plural) expect(Object.keys(forms).sort(), key).toEqual(['one', 'other']);
    expect(reference['ui.suppressed']).toEqual({ '': ['base'] });
    expect(reference['method.strata']).toEqual({ one: ['groups'], other: ['count', 'groups'] });
  });

  for (const lang of LANGUAGES) {
    it(`${lang} has every key, plural form and placeholder of the reference, and no other`, () => {
      expect(shapeOf(dictionaryOf(lang) as unknown as Record<string, Record<string, Entry>>)).toEqual(reference);
    });
  }

  it('tells a dictionary with a missing key, a lost placeholder or a plural written as a text apart from the reference', () => {
    const changed = (change: (d: Record<string, Record<string, Entry>>) => void) => {
      const copy = structuredClone(en) as unknown as Record<string, Record<string, Entry>>;
      change(copy);
      return shapeOf(copy);
    };
    expect(changed((d) => delete d.method!.floor)).not.toEqual(reference);
    expect(changed((d) => (d.method!.minBase = 'Fewer than some respondents.'))).not.toEqual(reference);
    expect(changed((d) => (d.method!.strata = 'One text for every count: {count} {groups}'))).not.toEqual(reference);
  });
});
