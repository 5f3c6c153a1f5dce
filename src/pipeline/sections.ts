import type { Study } from '../study/schema.ts';
import { FIXED_SECTIONS } from '../study/sections.ts';

export { FIXED_SECTIONS };

/**
 * Report sections that take editorial commentary: fixed pages, dimensions and groups.
 * Drivers only when the study defines them; trends and the benchmark depend on each
 * edition's data, so their files are accepted (and warned about when the edition lacks them).
 */
export function sectionIds(study: Study): Set<string> {
  const fixed = FIXED_SECTIONS.filter((id) => id !== 'drivers' || study.drivers !== undefined);
  return new Set([...fixed, ...study.dimensions.map((d) => d.id), ...study.groups.map((g) => g.code)]);
}
