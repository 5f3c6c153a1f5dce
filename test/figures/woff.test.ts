import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sfntFromWoff } from '../../src/figures/woff.ts';

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff'));

/** The OpenType table checksum: the sum of the table's big-endian 32-bit words (https://learn.microsoft.com/typography/opentype/spec/otff#calculating-checksums). */
function tableChecksum(bytes: Uint8Array, tag: string): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  // head's checkSumAdjustment (bytes 8–11) counts as zero.
  if (tag === 'head') padded.fill(0, 8, 12);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('sfntFromWoff', () => {
  it("restores every table of Inter's WOFF byte for byte: each table's checksum matches the one the font recorded", () => {
    const font = sfntFromWoff(woff);
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    expect(view.getUint32(0)).toBe(0x00010000); // TrueType outlines
    const count = view.getUint16(4);
    expect(count).toBe(new DataView(woff.buffer, woff.byteOffset).getUint16(12));
    const tags: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(...font.subarray(at, at + 4));
      tags.push(tag);
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      expect(offset % 4, tag).toBe(0);
      expect(tableChecksum(font.subarray(offset, offset + length), tag), tag).toBe(view.getUint32(at + 4));
    }
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca', 'name']));
    // The binary search fields of the table directory, for 2^floor(log2 count) tables.
    const power = 2 ** Math.floor(Math.log2(count));
    expect([view.getUint16(6), view.getUint16(8), view.getUint16(10)]).toEqual([power * 16, Math.log2(power), count * 16 - power * 16]);
  });

  it('refuses a file that is not WOFF 1.0 (WOFF2 is compressed otherwise)', () => {
    const woff2 = readFileSync(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff2'));
    expect(() => sfntFromWoff(woff2)).toThrow('not a WOFF 1.0 font');
  });
});
