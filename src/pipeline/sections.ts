import type { Study } from '../study/schema.ts';
import { FIXED_SECTIONS } from '../study/sections.ts';

export { FIXED_SECTIONS };

/** Report sections that take editorial commentary: fixed pages, dimensions and groups. */
export function sectionIds(study: Study): Set<string> {
  return new Set([...FIXED_SECTIONS, ...study.dimensions.map((d) => d.id), ...study.groups.map((g) => g.code)]);
}
