import { en, type Dictionary } from './en/dictionary.ts';
import { enLocale } from './en/locale.ts';
import { fi } from './fi/dictionary.ts';
import { fiLocale } from './fi/locale.ts';
import { sv } from './sv/dictionary.ts';
import { svLocale } from './sv/locale.ts';
import type { Locale } from './locale.ts';

/**
 * The languages Luotain writes, each a dictionary and a locale record.
 * Adding a language is one folder beside these and one line here.
 */
const PACKS = {
  fi: { dictionary: fi, locale: fiLocale },
  sv: { dictionary: sv, locale: svLocale },
  en: { dictionary: en, locale: enLocale },
} satisfies Record<string, { dictionary: Dictionary; locale: Locale }>;

export type Lang = keyof typeof PACKS;
export const LANGUAGES = Object.keys(PACKS) as [Lang, ...Lang[]];

export function isLang(x: string): x is Lang {
  return Object.hasOwn(PACKS, x);
}

export function dictionaryOf(lang: Lang): Dictionary {
  return PACKS[lang].dictionary;
}

export function localeOf(lang: Lang): Locale {
  return PACKS[lang].locale;
}
