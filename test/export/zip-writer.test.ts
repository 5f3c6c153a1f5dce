import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../src/export/zip-writer.ts';

const when = new Date('2025-03-13T00:00:00Z');
const text = (s: string) => new TextEncoder().encode(s);

describe('writeZip', () => {
  it('writes a package another reader opens, with every entry, its bytes (CRC-32 checked) and its date', async () => {
    const entries = [
      { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: text('<row>'.repeat(5000)) },
      { name: 'empty.bin', data: new Uint8Array(0) },
      { name: 'kansio/äänestys.xml', data: text('<å/>') },
    ];
    const zip = await JSZip.loadAsync(writeZip(entries, when), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const e of entries) {
      const file = zip.file(e.name)!;
      expect(await file.async('uint8array')).toEqual(e.data);
      // JSZip reads the DOS date as local time; its UTC reading is ours only in a UTC zone, so compare the fields.
      const d = file.date;
      expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2025, 2, 13, 0, 0]);
    }
  });

  it('flags only names that are not ASCII as UTF-8, and compresses', () => {
    const bytes = writeZip(
      [
        { name: 'a.xml', data: text('x'.repeat(10_000)) },
        { name: 'ä.xml', data: text('y') },
      ],
      when,
    );
    const view = Buffer.from(bytes);
    expect(view.readUInt16LE(6)).toBe(0); // the first local header's flags
    const second = view.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4);
    expect(view.readUInt16LE(second + 6)).toBe(0x0800);
    expect(bytes.byteLength).toBeLessThan(500);
  });

  it('gives the same bytes for the same entries and date', () => {
    const entries = [{ name: 'a.xml', data: text('<a>1</a>') }];
    expect(Buffer.from(writeZip(entries, when)).equals(Buffer.from(writeZip(entries, when)))).toBe(true);
    expect(Buffer.from(writeZip(entries, when)).equals(Buffer.from(writeZip(entries, new Date('2025-03-14T00:00:00Z'))))).toBe(false);
  });
});
