/**
 * countCantSayAndBlank, which counts by the codes' bit patterns, against a
 * plain count: every byte value, and random columns read to a random length.
 * Fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCantSayAndBlank } from '../../src/load/data-warnings.ts';
import { BLANK, CANT_SAY } from '../../src/load/types.ts';

function plainCount(codes: Uint8Array, n: number): { cantSay: number; blank: number } {
  let cantSay = 0;
  let blank = 0;
  for (let r = 0; r < n; r++) {
    if (codes[r] === CANT_SAY) cantSay++;
    else if (codes[r] === BLANK) blank++;
  }
  return { cantSay, blank };
}

describe('countCantSayAndBlank', () => {
  it('counts every byte value as the plain comparison does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, c) => c);
    expect(countCantSayAndBlank(all, 256)).toEqual({ cantSay: 1, blank: 1 });
    for (let c = 0; c < 256; c++) expect(countCantSayAndBlank(Uint8Array.of(c), 1)).toEqual(plainCount(Uint8Array.of(c), 1));
  });

  it('equals a plain count on random columns, only the first n rows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (codes, cut) => {
        const n = codes.length === 0 ? 0 : cut % (codes.length + 1);
        expect(countCantSayAndBlank(codes, n)).toEqual(plainCount(codes, n));
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});
