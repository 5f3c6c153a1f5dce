/**
 * What a page says of a corrected edition (one published again as a higher version):
 * the notice at the top of its summary and on the PDF cover, and the notes of its
 * version history in the page's language.
 */
import type { Lang } from '../study/schema.ts';
import type { EditionModel } from '../model/types.ts';
import type { PageContext } from './page-context.ts';
import { href } from './routes.ts';

/** A note as a page shows it: its text, and the language it is written in when that is not the page's. */
export interface NoteText {
  text: string;
  lang?: Lang;
}

/**
 * A version's note in the page's language `lang`; without a note in it (an older
 * record's one text), the note there is, marked with its language.
 */
export function noteIn(note: Partial<Record<Lang, string>> | undefined, lang: Lang): NoteText | undefined {
  if (!note) return undefined;
  const own = note[lang];
  if (own !== undefined) return { text: own };
  const other = (Object.keys(note) as Lang[]).find((l) => note[l] !== undefined);
  return other ? { text: note[other]!, lang: other } : undefined;
}

export interface CorrectionNotice {
  title: string;
  /** The version, its date and the version it replaces. */
  text: string;
  note?: NoteText;
  /** The version history (on the method page), under the base path. */
  historyHref: string;
  historyText: string;
}

/** Whether an edition is a correction: published again, as a higher version than its first. */
export function isCorrected(edition: Pick<EditionModel, 'status' | 'history'>): boolean {
  return edition.status === 'published' && edition.history.length > 0;
}

/** The notice of a corrected edition, in the page's language; undefined for an edition never corrected. */
export function correctionNotice(ctx: Pick<PageContext, 'edition' | 'lang' | 't' | 'locale' | 'url'>): CorrectionNotice | undefined {
  const { edition, lang, t } = ctx;
  const previous = edition.history.at(-1);
  if (!isCorrected(edition) || !previous || !edition.published) return undefined;
  const note = noteIn(edition.note, lang);
  return {
    title: t('ui.correctionTitle', { version: edition.version }),
    text: t('ui.correctionText', { version: edition.version, date: ctx.locale.date(edition.published), previous: previous.version }),
    ...(note ? { note } : {}),
    historyHref: `${ctx.url(href(lang, edition.year, 'method'))}#history-h`,
    historyText: t('ui.history'),
  };
}
