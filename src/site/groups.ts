import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { t } from './i18n.ts';

/** Notes on what is withheld for a group, and why. */
export function groupNotes(model: ReportModel, edition: EditionModel, code: string, lang: Lang): string[] {
  const key = `group:${code}`;
  const notes = edition.suppressionNotes.filter((n) => n.domain === key);
  if (notes.length === 0) return [];
  const out: string[] = [];
  if (notes.some((n) => n.reason === 'base')) out.push(t(lang, 'suppressedNote', { base: model.study.minBase }));
  if (notes.some((n) => n.reason === 'weight')) out.push(t(lang, 'weightNote', { base: model.study.minBase }));
  if (notes.some((n) => n.reason === 'complementary')) out.push(t(lang, 'complementaryNote'));
  return out;
}
