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
  it('is the same for a field of UTF-8 bytes, decoded on the way, as for its text: any text, beyond the basic plane too', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 6 }), fc.string({ maxLength: 3 }), (fields, before) => {
        // The fields in a longer buffer, with other bytes before them.
        const bytes = Buffer.from(`${before}${fields.join('|')}`, 'utf8');
        const h = new RowHash();
        h.begin();
        let at = Buffer.byteLength(before, 'utf8');
        for (const f of fields) {
          const length = Buffer.byteLength(f, 'utf8');
          h.fieldUtf8At(bytes, at, at + length);
          at += length + 1;
        }
        expect([h.low, h.high]).toEqual(hash(fields));
      }),
      { seed: SEED, numRuns: 500 },
    );
    // One of each length of UTF-8 sequence: a, ä, €, 😀 (a surrogate pair in UTF-16).
    const h = new RowHash();
    h.begin();
    const text = 'aä€😀';
    h.fieldUtf8At(Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text));
    expect([h.low, h.high]).toEqual(hash([text]));
  });
});
