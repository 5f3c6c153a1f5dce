import { RESERVED_IDS } from './sections.ts';
import { MAX_SLUG_LENGTH, slug } from './slug.ts';

type Issue = (path: (string | number)[], message: string, hint?: string) => void;

/** One name that reaches a URL or a file name. */
interface Named {
  kind: 'group' | 'dimension';
  index: number;
  name: string;
  /** The page, relative to /<lang>/<year>/. */
  page: string;
  /** Whether the page is named by position because the code is not URL-safe. */
  byPosition: boolean;
}

const where = (x: Named) => (x.kind === 'group' ? `groups[${x.index}] "${x.name}"` : `dimensions[${x.index}] "${x.name}"`);
const pathOf = (x: Named) => (x.kind === 'group' ? ['groups', x.index, 'code'] : ['dimensions', x.index, 'id']);
const the = (x: Named) => `the ${x.kind === 'group' ? 'group code' : 'dimension id'} "${x.name}"`;
const rename = (x: Named) => (x.kind === 'group' ? 'Give the group another code, in study.json and in the data' : 'Give the dimension another id (and rename its commentary files)');
const CASE_ONLY = 'on Windows and macOS, where file names are not case-sensitive,';

/**
 * The checks on names that become URLs and file names: two groups whose pages
 * would share a URL, a dimension or group whose commentary file would be another
 * section's (a fixed section, the summary, or a dimension and a group of one name),
 * and group codes that cannot be a file name. Ids of dimensions are URL-safe by
 * the schema; case-only differences count, as Windows and macOS ignore case.
 */
export function checkPageNames(groups: readonly { code?: unknown }[], dimensions: readonly { id?: unknown }[], issue: Issue): void {
  const named: Named[] = [];
  dimensions.forEach((d, index) => {
    if (typeof d?.id === 'string' && d.id !== '') named.push({ kind: 'dimension', index, name: d.id, page: `areas/${d.id}/`, byPosition: false });
  });
  groups.forEach((g, index) => {
    if (typeof g?.code !== 'string' || g.code === '') return;
    const code = g.code;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    const bad = /[/\\]/.exec(code)?.[0] ?? (/[\u0000-\u001f\u007f]/.test(code) ? 'a control character' : undefined);
    if (bad !== undefined) {
      issue(
        ['groups', index, 'code'],
        // biome-ignore lint/suspicious/noControlCharactersInRegex: shown as ? in the message
        `the group code "${code.replace(/[\u0000-\u001f\u007f]/g, '?')}" has ${bad.length === 1 ? `a "${bad}"` : bad}, which cannot be in a file name (the group's commentary is <code>.md)`,
        'Recode the group, in study.json and in the data, with letters, digits, spaces, "-" or "_".',
      );
      return;
    }
    // Too long a code is an error of the schema.
    if (code.length > MAX_SLUG_LENGTH) return;
    const page = slug(code, index, 'group-');
    named.push({ kind: 'group', index, name: code, page: `groups/${page}/`, byPosition: page !== code });
  });

  const pages = new Map<string, Named>();
  const files = new Map<string, Named>();
  for (const x of named) {
    const samePage = pages.get(x.page.toLowerCase());
    const sameFile = files.get(x.name.toLowerCase());
    // Exact duplicates are reported as such by the cross-reference checks.
    if ((samePage ?? sameFile)?.kind === x.kind && (samePage ?? sameFile)?.name === x.name) continue;
    if (samePage) {
      const caseOnly = samePage.page !== x.page;
      const why = samePage.byPosition || x.byPosition ? ' (a code with characters other than letters, digits, "-" and "_" gets a page named by its position)' : '';
      issue(
        pathOf(x),
        caseOnly
          ? `${the(x)} differs from ${where(samePage)} only in case: ${CASE_ONLY} their pages ${samePage.page} and ${x.page} are one folder, so one would be lost`
          : `${the(x)} would have the same page as ${where(samePage)}, ${x.page}${why}, so one of them would be lost`,
        `${rename(x)}; a code of letters, digits, "-" and "_" is its own page name.`,
      );
      continue;
    }
    pages.set(x.page.toLowerCase(), x);
    const reserved = [...RESERVED_IDS].find(([id]) => id === x.name.toLowerCase());
    if (reserved) {
      const [id, what] = reserved;
      issue(
        pathOf(x),
        id !== x.name
          ? `${the(x)} differs from the name of ${what} only in case: ${CASE_ONLY} its commentary file ${x.name}.md is ${id}.md, ${what}'s`
          : id === 'index'
            ? `${the(x)} is the name of the summary's file, index.md, so it could have no commentary of its own`
            : `${the(x)} is the name of ${what}, so the commentary in ${id}.md would show on both pages`,
        `${rename(x)}; ${[...RESERVED_IDS.keys()].map((r) => `"${r}"`).join(', ')} are the report's own sections.`,
      );
      continue;
    }
    if (sameFile) {
      issue(
        pathOf(x),
        sameFile.name !== x.name
          ? `${the(x)} differs from ${where(sameFile)} only in case: ${CASE_ONLY} their commentary files ${sameFile.name}.md and ${x.name}.md are one file`
          : `${the(x)} is also the id of ${where(sameFile)}, so the commentary in ${x.name}.md would show on both pages`,
        `${rename(x)}.`,
      );
      continue;
    }
    files.set(x.name.toLowerCase(), x);
  }
}
