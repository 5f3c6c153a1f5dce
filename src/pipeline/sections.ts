import type { Study } from '../study/schema.ts';

/** Report sections that take editorial commentary: fixed pages, dimensions and groups. */
export const FIXED_SECTIONS = ['drivers', 'trends', 'benchmark', 'method', 'tables'] as const;

export function sectionIds(study: Study): Set<string> {
  return new Set([...FIXED_SECTIONS, ...study.dimensions.map((d) => d.id), ...study.groups.map((g) => g.code)]);
}
