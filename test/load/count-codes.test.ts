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

  it('counts long runs of one code in full (no per-byte sum passes 255)', () => {
    for (const skip of [0, 1, 2, 3]) {
      const n = 4 * 1000 + 3;
      expect(countCantSayAndBlank(new Uint8Array(n + skip).subarray(skip), n)).toEqual({ cantSay: 0, blank: n });
      expect(countCantSayAndBlank(new Uint8Array(n + skip).fill(255).subarray(skip), n)).toEqual({ cantSay: n, blank: 0 });
    }
  });

  it('reads no further than the array, whatever the number of rows asked for', () => {
    const buffer = new Uint8Array(64);
    const codes = buffer.subarray(1, 9);
    expect(countCantSayAndBlank(codes, 40)).toEqual({ cantSay: 0, blank: 8 });
  });

  it('equals a plain count on long columns starting at any byte (the words and the rest around them)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2100, maxLength: 2400 }), fc.nat(3), fc.nat(40), (bytes, skip, cut) => {
        // Mostly blank and can't say, so that the per-byte sums run long before they are added up.
        const codes = bytes.map((b) => (b < 100 ? 0 : b < 200 ? 255 : b)).subarray(skip);
        const n = codes.length - cut;
        expect(countCantSayAndBlank(codes, n)).toEqual(plainCount(codes, n));
      }),
      { seed: 29, numRuns: 200 },
    );
  });
});
