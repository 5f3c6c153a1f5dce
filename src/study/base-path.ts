/**
 * The path the site is served under (`--base`, study.json `base`): "/" at the root of a
 * domain, "/reports/kaukovesi/" in a folder of one. Written with or without the slashes
 * at its ends; kept with both.
 */

/** What one folder name of a base path may hold: characters a URL carries as they are. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** What is wrong with a base path, in words; undefined when it is fine. */
export function basePathProblem(base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(base) || base.startsWith('//')) return 'must be a path such as "/reports/kaukovesi/", not an address with a scheme or host';
  if (/[?#]/.test(base)) return 'must be a path only: no "?" query or "#" fragment';
  if (base.includes('\\')) return 'must use "/" between folders, not "\\"';
  const segments = base.split('/').filter((s, i, all) => !((i === 0 || i === all.length - 1) && s === ''));
  if (segments.some((s) => s === '')) return 'has an empty folder name ("//")';
  if (segments.some((s) => s === '.' || s === '..')) return 'must not contain "." or ".." folders';
  const odd = segments.find((s) => !SEGMENT.test(s));
  if (odd !== undefined) return `has the folder name ${JSON.stringify(odd)}: use letters (A–Z, a–z), digits, "-", "_", "." and "~" only`;
  return undefined;
}

/** A valid base path with "/" at both ends: "reports/kaukovesi" → "/reports/kaukovesi/"; "" and "/" → "/". */
export function normaliseBasePath(base: string): string {
  const inner = base.replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}
