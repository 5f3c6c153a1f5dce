/**
 * The page names (URL slugs) of a study's groups and dimensions. A group's
 * page is /<lang>/<year>/groups/<slug>/ and a dimension's /<lang>/<year>/areas/<id>/;
 * the study validation uses the same rule to refuse two pages with one name.
 */

/** Characters a code may have to be its own page name. */
const URL_SAFE = /^[A-Za-z0-9_-]+$/;

/** Longest code used as a page name as it is (a longer one is named by its position). */
export const MAX_SLUG_LENGTH = 100;

/** A URL-safe slug for a code: the code itself when safe, else its position (`group-3`). */
export function slug(code: string, index: number, prefix: string): string {
  return URL_SAFE.test(code) && code.length <= MAX_SLUG_LENGTH ? code : `${prefix}${index + 1}`;
}

/** The page name of each group, in the order of the groups. */
export function groupSlugs(codes: readonly string[]): string[] {
  return codes.map((code, i) => slug(code, i, 'group-'));
}

/** The page name of one group. */
export function groupSlugOf(codes: readonly string[], code: string): string {
  return slug(code, codes.indexOf(code), 'group-');
}
