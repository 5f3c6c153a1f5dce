import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectionIds } from '../../src/pipeline/sections.ts';
import { parseStudy } from '../../src/study/index.ts';

function study(mutate: (s: any) => void = () => {}) {
  const json = JSON.parse(readFileSync('data/study.json', 'utf8'));
  mutate(json);
  const result = parseStudy(JSON.stringify(json));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.study;
}

describe('sectionIds', () => {
  it('takes commentary on the drivers only in a study that has them', () => {
    expect(sectionIds(study()).has('drivers')).toBe(true);
    const without = sectionIds(study((s) => delete s.drivers));
    expect(without.has('drivers')).toBe(false);
    expect([...without].slice(0, 4)).toEqual(['trends', 'benchmark', 'method', 'tables']);
    expect(without.has('governance')).toBe(true);
    expect(without.has('public')).toBe(true);
  });
});
