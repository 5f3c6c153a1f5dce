/**
 * Keys of the domains the model's figures are kept under (`IndicatorModel.stats`,
 * `Domain.key`, trends, drivers, suppression notes): 'total', 'group:<code>' for a
 * stakeholder group, '<background id>:<code>' for a background class. The format is
 * the model's (src/model/types.ts); this module is the one place the site builds or
 * reads it.
 */

/** A domain key: the total, or a breakdown and a code. */
export type DomainKey = 'total' | `${string}:${string}`;

/** The key of all respondents. */
export const TOTAL: DomainKey = 'total';

/** The breakdown of the stakeholder groups. */
export const GROUP = 'group';

/** The key of a stakeholder group. */
export function groupKey(code: string): DomainKey {
  return domainKey(GROUP, code);
}

/** The key of a class `code` of a breakdown (`group` or a background variable id). */
export function domainKey(breakdown: string, code: string): DomainKey {
  return `${breakdown}:${code}`;
}

/** A key's parts: the total, or its breakdown and code (the code may itself hold ':'). */
export function parseDomainKey(key: string): { breakdown: 'total' } | { breakdown: string; code: string } | undefined {
  if (key === TOTAL) return { breakdown: 'total' };
  const at = key.indexOf(':');
  if (at <= 0) return undefined;
  return { breakdown: key.slice(0, at), code: key.slice(at + 1) };
}

/** The total, then every stakeholder group: the domains the report shows side by side. */
export function reportDomainKeys(groups: readonly { code: string }[]): DomainKey[] {
  return [TOTAL, ...groups.map((g) => groupKey(g.code))];
}
