/**
 * ByteCodes against a plain lookup of the decoded text: every code of a random
 * set (ASCII and not, codes that share their first and last bytes and their
 * length, so that they meet in one slot of the table), and random other
 * fields, in UTF-8 and Windows-1252. Fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteCodes, type FileEncoding } from '../../src/load/byte-row-reader.ts';

const piece = fc.constantFrom('a', 'b', 'ab', 'ä', '1', '10', 'x y', 'ö', 'B', ' ');

describe('ByteCodes', () => {
  for (const encoding of ['utf-8', 'windows-1252'] as FileEncoding[]) {
    it(`matches a field's bytes as the index matches its text (${encoding})`, () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(
            fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')),
            { maxLength: 40 },
          ),
          fc.array(
            fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
            { maxLength: 20 },
          ),
          (codes, others) => {
            const index = new Map(codes.map((c, k) => [c, k]));
            const codesOf = new ByteCodes(index, encoding);
            for (const field of [...codes, ...others]) {
              // A field of the file: before and after it other bytes, which the match must not read.
              const bytes = Buffer.from(`;${field};`, encoding === 'utf-8' ? 'utf8' : 'latin1');
              const usable = field !== '' && field === field.trim() && (encoding === 'utf-8' || [...field].every((ch) => ch.charCodeAt(0) < 128));
              const expected = usable ? (index.get(field) ?? -1) : -1;
              expect(codesOf.match(bytes, 1, bytes.length - 1)).toBe(expected);
            }
          },
        ),
        { seed: 16, numRuns: 400 },
      );
    });
  }
});
