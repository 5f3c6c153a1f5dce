import { describe, expect, it } from 'vitest';
import { complementaryDomains } from '../../src/model/suppress.ts';

// Hand-worked cases of the complementary rule; the property test in disclosure.test.ts tries it on random studies.
describe('complementaryDomains', () => {
  const sizes = new Map([
    ['a', 20],
    ['b', 3],
    ['c', 10],
    ['d', 10],
    ['e', 0],
  ]);

  it('withholds the smallest shown domain (the first of equals) while the withheld together are 1–4', () => {
    expect(complementaryDomains(sizes, new Set(['b']))).toEqual(['c']);
    expect(
      complementaryDomains(
        new Map([
          ['x', 1],
          ['y', 2],
          ['z', 1],
          ['w', 9],
        ]),
        new Set(['x', 'z']),
      ),
    ).toEqual(['y', 'w']);
  });

  it('with `single`, a lone withheld domain of 5 or more gets a partner too; two of them need none', () => {
    expect(complementaryDomains(sizes, new Set(['c']))).toEqual([]);
    expect(complementaryDomains(sizes, new Set(['c']), { single: true })).toEqual(['b']);
    expect(complementaryDomains(sizes, new Set(['c', 'd']), { single: true })).toEqual([]);
  });

  it('counts respondents in no domain, and a domain of 0 is nothing to protect', () => {
    expect(complementaryDomains(sizes, new Set(['e']))).toEqual([]);
    // 2 + 3 = 5: enough.
    expect(complementaryDomains(sizes, new Set(), { unclassified: 2 })).toEqual(['b']);
    // 1 + 3 = 4: one more.
    expect(complementaryDomains(sizes, new Set(), { unclassified: 1 })).toEqual(['b', 'c']);
    expect(complementaryDomains(sizes, new Set(['c']), { single: true, unclassified: 7 })).toEqual([]);
  });

  it('holds for each of several sizes: the answers of a can’t-say share as well as a mean’s', () => {
    const both = new Map<string, number[]>([
      ['a', [20, 22]],
      ['b', [6, 8]],
      ['c', [9, 9]],
    ]);
    expect(complementaryDomains(both, new Set(), { unclassified: [0, 2] })).toEqual(['b']);
  });
});
