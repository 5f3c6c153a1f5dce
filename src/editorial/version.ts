/**
 * An edition's version as the analyst writes it: numbers joined by dots (0.1, 1.0,
 * 1.1). It becomes part of the PDFs' file names, so nothing else may pass.
 */
export function isVersion(v: string): boolean {
  return /^\d{1,6}(\.\d{1,6}){0,3}$/.test(v);
}
