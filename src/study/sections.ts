/** Report sections that take editorial commentary besides the dimensions and groups (`<section>.md`). */
export const FIXED_SECTIONS = ['drivers', 'trends', 'benchmark', 'method', 'tables'] as const;

/**
 * Names a dimension id or group code may not take, because its commentary file
 * (`<id>.md`) is already another section's: the fixed sections, whose commentary
 * would show on two pages, and index.md, the summary. (Dimension and group pages
 * live under areas/ and groups/, so they cannot take another page's URL.)
 */
export const RESERVED_IDS: ReadonlyMap<string, string> = new Map([...FIXED_SECTIONS.map((id) => [id, `the ${id} section`] as const), ['index', 'the summary']]);
