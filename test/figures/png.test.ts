// Our PNG encoder against the PNG specification (ISO/IEC 15948): the signature, IHDR for
// 8-bit RGBA, chunk CRCs computed independently (a table-driven CRC-32 written here), and
// scanlines that inflate to filter byte 0 followed by the input's RGBA row.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { encodePng } from '../../src/figures/index.ts';

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    out.push({ type, data, crcOk: png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  const width = 3;
  const height = 2;
  // Six opaque pixels: red, green, blue / white, black, grey.
  const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255]);
  const png = Buffer.from(encodePng(rgba, width, height));

  it('writes the signature, IHDR, IDAT and IEND with valid CRCs', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]]).toEqual([3, 2, 8, 6, 0, 0, 0]);
  });

  it('stores each row as filter 0 and the RGBA of the input', () => {
    const rows = inflateSync(chunks(png)[1]!.data);
    expect([...rows]).toEqual([0, ...rgba.subarray(0, 12), 0, ...rgba.subarray(12)]);
    expect(rows.length).toBe(2 * (1 + 3 * 4));
  });

  it('refuses a raster of the wrong size', () => {
    expect(() => encodePng(rgba, 4, 2)).toThrow('24 bytes for 4 × 2 pixels');
  });
});
