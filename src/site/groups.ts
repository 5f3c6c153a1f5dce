import type { PageContext } from './page-context.ts';
import { groupKey } from './domain-key.ts';

/** Notes on what is withheld for a group, and why. */
export function groupNotes(ctx: PageContext, code: string): string[] {
  const key = groupKey(code);
  const notes = ctx.edition.suppressionNotes.filter((n) => n.domain === key);
  if (notes.length === 0) return [];
  const out: string[] = [];
  if (notes.some((n) => n.reason === 'base')) out.push(ctx.t('ui.suppressedNote', { base: ctx.study.minBase }));
  if (notes.some((n) => n.reason === 'weight')) out.push(ctx.t('ui.weightNote', { base: ctx.study.minBase }));
  if (notes.some((n) => n.reason === 'complementary')) out.push(ctx.t('ui.complementaryNote'));
  return out;
}
