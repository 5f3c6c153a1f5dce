import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decode.ts';
import { csv, FILE, HEADER, okRows, parse, quoting, shown } from './helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
/** Windows-1252 bytes of a text made of ASCII and Latin-1 letters. */
const cp1252 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('decodeText', () => {
  it('reads UTF-8 as is', () => {
    expect(decodeText(utf8('a,ä\n'), FILE)).toEqual({ text: 'a,ä\n', issues: [] });
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeText(withBom('resp_id,ä\n'), FILE)).toEqual({ text: 'resp_id,ä\n', issues: [] });
  });

  it('refuses UTF-16', () => {
    for (const [bytes, which] of [
      [new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'UTF-16 LE'],
      [new Uint8Array([0xfe, 0xff, 0x00, 0x61]), 'UTF-16 BE'],
    ] as const) {
      const result = decodeText(bytes, FILE);
      expect(result.text).toBeUndefined();
      expect(shown(result.issues)).toEqual([
        `error: ${FILE}: the file is in ${which} (it starts with a UTF-16 byte order mark); Luotain reads UTF-8\n  → Save the file as "CSV UTF-8" (in Excel: File → Save As → CSV UTF-8), not as "Unicode text".`,
      ]);
    }
  });

  it('reads bytes that are not UTF-8 as Windows-1252, keeping ä and ö, with a warning', () => {
    const bytes = cp1252('Hyvä palvelu;Öljy €');
    expect(bytes[3]).toBe(0xe4);
    bytes[bytes.length - 1] = 0x80; // € in Windows-1252
    const result = decodeText(bytes, FILE);
    expect(result.text).toBe('Hyvä palvelu;Öljy €');
    expect(shown(result.issues)).toEqual([
      `warning: ${FILE}: the file is not valid UTF-8, so it was read as Windows-1252 (Latin-1)\n  → Check that letters such as ä and ö look right in the report; to be sure, save the file as "CSV UTF-8".`,
    ]);
  });

  it('a Windows-1252 responses file parses with its ä and ö intact', () => {
    const text = csv(...okRows(15)).replace(',,1,muu', ',Hyvä ja nöyrä,1,muu');
    const decoded = decodeText(cp1252(text), FILE);
    expect(decoded.issues.map((i) => i.severity)).toEqual(['warning']);
    const result = parse(decoded.text!, quoting);
    expect(result.data!.quoteCandidates![0]).toEqual([{ id: 'r1', text: 'Hyvä ja nöyrä' }]);
  });
});

describe('the Excel variant: BOM, semicolons, decimal-comma weights, CRLF', () => {
  it('gives the same edition data as the plain comma file', () => {
    const plain = [HEADER, 'r1,A,1.25,1,5,6,,0,"Hyvä, nopea",1,uusimaa', 'r2,B,0.75,2,,3,4,10,"Sanoi ""kyllä""",,muu', ...okRows(15, 3), ''].join('\n');
    const excel = [HEADER.replaceAll(',', ';'), 'r1;A;1,25;1;5;6;;0;Hyvä, nopea;1;uusimaa', 'r2;B;0,75;2;;3;4;10;"Sanoi ""kyllä""";;muu', ...okRows(15, 3).map((r) => r.replaceAll(',', ';')), ''].join(
      '\r\n',
    );
    const a = decodeText(utf8(plain), FILE);
    const b = decodeText(withBom(excel), FILE);
    expect(b.issues).toEqual([]);
    const pa = parse(a.text!);
    const pb = parse(b.text!);
    expect(pa.issues).toEqual([]);
    expect(pb.data).toEqual(pa.data);
    expect(pb.data!.n).toBe(17);
    expect([...pb.data!.weight.slice(0, 2)]).toEqual([1.25, 0.75]);
  });
});
