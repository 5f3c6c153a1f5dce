/**
 * WOFF 1.0 to the font file it wraps (TrueType or OpenType, "sfnt"): the site's Inter
 * comes only as WOFF and WOFF2, and the renderer of the figure files (resvg) reads
 * TrueType and OpenType. WOFF keeps each table of the original font, zlib-compressed
 * when that is smaller, so undoing it restores the font's tables byte for byte.
 * Format: https://www.w3.org/TR/WOFF/ (header 44 bytes, a 20-byte entry per table).
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

/** The sfnt font inside a WOFF 1.0 file; throws for anything else (WOFF2 included). */
export function sfntFromWoff(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || view.getUint32(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = view.getUint32(at + 4);
    const compressed = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    const stored = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? new Uint8Array(inflateSync(stored)) : stored;
    if (data.byteLength !== length) throw new Error('a WOFF table does not inflate to its stated length');
    return { tag: view.getUint32(at), checksum: view.getUint32(at + 16), data };
  });
  // The table directory, then each table at a four-byte boundary, in the WOFF's (tag) order.
  let size = 12 + 16 * count;
  const offsets = tables.map((t) => {
    const at = size;
    size += (t.data.byteLength + 3) & ~3;
    return at;
  });
  const out = new Uint8Array(size);
  const sfnt = new DataView(out.buffer);
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, count);
  sfnt.setUint16(6, power * 16);
  sfnt.setUint16(8, log);
  sfnt.setUint16(10, count * 16 - power * 16);
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    sfnt.setUint32(at, t.tag);
    sfnt.setUint32(at + 4, t.checksum);
    sfnt.setUint32(at + 8, offsets[i]!);
    sfnt.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offsets[i]!);
  });
  return out;
}
