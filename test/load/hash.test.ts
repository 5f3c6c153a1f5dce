import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, RowHash } from '../../src/load/hash.ts';
import { quoteRank } from '../../src/load/quote-sample.ts';

const SEED = 20_261_128;

describe('hashText', () => {
  // Pinned: the published quotes are chosen by this hash, so a change would change them.
  it('keeps its values, also for a range of a longer text', () => {
    expect(hashText('', 0, 0)).toBe(0xab3e7c0b);
    expect(hashText('r1', 0, 2)).toBe(0x6dcde39e);
    expect(hashText('xr1y', 1, 3)).toBe(0x6dcde39e);
  });

  it("is the quotes' rank of an id, so a quote's choice and the id table agree on one hash", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (id) => {
        expect(quoteRank(id)).toBe(hashText(id, 0, id.length));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('RowHash', () => {
  const hash = (fields: string[]) => {
    const h = new RowHash();
    h.begin();
    for (const f of fields) h.field(f);
    return [h.low, h.high];
  };

  it('tells fields apart where they meet', () => {
    expect(hash(['ab', 'c'])).not.toEqual(hash(['a', 'bc']));
    expect(hash(['a', ''])).not.toEqual(hash(['a']));
  });

  it('is the same for a field read in place', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }), (fields) => {
        const text = fields.join('|');
        const h = new RowHash();
        h.begin();
        let at = 0;
        for (const f of fields) {
          h.fieldAt(text, at, at + f.length);
          at += f.length + 1;
        }
        expect([h.low, h.high]).toEqual(hash(fields));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
