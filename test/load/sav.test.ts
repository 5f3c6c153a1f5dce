import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSavDictionary } from '../../src/load/sav-dictionary.ts';
import { SavResponsesParser } from '../../src/load/sav-responses.ts';
import type { Study } from '../../src/study/schema.ts';
import { BLANK, CANT_SAY } from '../../src/load/types.ts';
import { csvToSav } from '../support/convert.ts';
import { writeSav, type SavWriterVariable } from '../support/sav-writer.ts';
import { FIXTURES, csv, errorsOf, ok, okRows, quoting, study } from './helpers.ts';

const FILE = 'data/2024/responses.sav';

/** Parses .sav bytes given in pieces of the given sizes (repeating the list). */
function parseSav(bytes: Uint8Array, s: Study = study, sizes = [1 << 20]) {
  const parser = new SavResponsesParser(FILE, 2024, s);
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length];
    parser.push(bytes.subarray(at, at + size));
    at += size;
  }
  return parser.end();
}

const codes = (r: ReturnType<typeof parseSav>, item: string) => [...r.data!.items.get(item)!.codes];

describe('a .sav written by R (haven 2.5.1, test/fixtures/load/sav/make-sav.R)', () => {
  const compressed = readFileSync(`${FIXTURES}sav/haven.sav`);
  const uncompressed = readFileSync(`${FIXTURES}sav/haven-uncompressed.sav`);

  it('has its labels, user-missing values and long strings read as haven wrote them', () => {
    const dict = readSavDictionary(compressed);
    const v = new Map(dict.variables.map((x) => [x.name, x]));
    expect(dict.encoding.toLowerCase()).toBe('utf-8');
    expect(dict.cases).toBe(12);
    expect(v.get('int1')!.label).toBe('Luotettava');
    expect(v.get('int1')!.missing).toEqual({ values: [9] });
    expect(v.get('int3')!.missing).toEqual({ values: [], range: [97, 99] });
    expect(v.get('int3')!.labels.get(98)).toBe('Kan inte säga');
    expect(v.get('int3')!.labels.get(3)).toBe('Ei samaa eikä eri mieltä');
    expect(v.get('group')!.labels.get('C')).toBe('Henkilöstö');
    expect(v.get('nps_why')!.width).toBeGreaterThan(255);
  });

  it("loads: user-missing (discrete and a range) and system-missing are blank, never can't say; the long open answer is whole", () => {
    for (const bytes of [compressed, uncompressed]) {
      for (const sizes of [[1 << 20], [7], [1, 13, 64]]) {
        const r = parseSav(bytes, quoting, sizes);
        expect(errorsOf(r.issues)).toEqual([]);
        expect(r.rows).toEqual({ read: 12, used: 12, rejected: 0 });
        // int1: case 2 is 6 (can't say), case 3 is 9 (user-missing).
        expect(codes(r, 'int1').slice(0, 3)).toEqual([2, CANT_SAY, BLANK]);
        // int2: case 4 is system-missing.
        expect(codes(r, 'int2')[3]).toBe(BLANK);
        // int3: cases 5 and 6 are 98 and 97, in the user-missing range 97–99.
        expect(codes(r, 'int3').slice(4, 6)).toEqual([BLANK, BLANK]);
        // nps: case 7 is 99, user-missing.
        expect([...r.data!.nps!]).toEqual([10, 9, 8, 7, 6, 5, -1, 10, 9, 0, 3, 8]);
        expect([...r.data!.weight]).toEqual([1, 1.5, 0.75, 1, 1, 2, 1, 1, 1.25, 1, 1, 0.5]);
        expect([...r.data!.background.get('region')!]).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 0 : 1)));
        const quotes = r.data!.quoteCandidates!.flat();
        expect(quotes.map((q) => [q.id, q.text])).toContainEqual(['r01', 'Palvelu on ollut erinomaista ja nopeaa, kiitos. '.repeat(8).trim()]);
        expect(quotes.map((q) => q.text)).toContain('Åtgärder behövs, snabbt');
      }
    }
  });
});

describe('a .sav from the test writer', () => {
  const text = csv(...okRows(40));
  const reference = parseSav(csvToSav(text));

  it('reads the same however the bytes are cut, compressed or not, in either byte order', () => {
    expect(errorsOf(reference.issues)).toEqual([]);
    for (const options of [{ compressed: true }, { bigEndian: true }, { compressed: true, bigEndian: true }, { compressed: true, cases: -1 }]) {
      for (const sizes of [[1], [3, 5, 8], [4096]]) {
        const r = parseSav(csvToSav(text, options), study, sizes);
        expect(r.issues, JSON.stringify(options)).toEqual(reference.issues);
        expect(r.data, JSON.stringify(options)).toEqual(reference.data);
      }
    }
  });

  it("user-missing codes are blank even when study.json calls the same code can't say", () => {
    const r = parseSav(csvToSav(csv(...okRows(30), ok('r31').replace(',3,4,5,2,', ',6,6,5,2,')), {}, { int1: { missing: { values: [6] } }, int2: { missing: { range: [6, 9] } } }));
    expect(errorsOf(r.issues)).toEqual([]);
    expect(codes(r, 'int1')[30]).toBe(BLANK);
    expect(codes(r, 'int2')[30]).toBe(BLANK);
    expect(codes(r, 'int1')[0]).toBe(3);
  });

  it('numeric ids read as SPSS shows them, without ".0", and repeated ones are named by case', () => {
    const variables: SavWriterVariable[] = [
      { name: 'resp_id', width: 0 },
      { name: 'group', width: 1 },
      { name: 'weight', width: 0 },
      ...['int1', 'int2', 'int3', 'q4', 'nps'].map((name) => ({ name, width: 0 })),
      { name: 'nps_why', width: 20 },
      { name: 'age', width: 0 },
      { name: 'region', width: 7 },
    ];
    const cases = Array.from({ length: 3 }, (_, i) => [i === 2 ? 1001 : 1000 + i, 'A', 1, 3, 4, 5, 2, 8, '', 1, 'muu']);
    const r = parseSav(writeSav(variables, cases, { compressed: true }));
    expect(errorsOf(r.issues)).toEqual([
      'error: data/2024/responses.sav: case 3, variable "resp_id": value "1001" is the same respondent id as in case 2\n  → Each respondent id must be unique within an edition: remove the duplicate row or correct the id.',
    ]);
  });

  it('a variable missing, a file cut short, and a file that is not a .sav, each said plainly', () => {
    const bytes = csvToSav(text.replaceAll('int3', 'int9'), { compressed: true });
    expect(errorsOf(parseSav(bytes.subarray(0, bytes.length - 40)).issues)).toEqual([
      'error: data/2024/responses.sav: variable "int3": is missing from the header; study.json uses it for an item\n  → Add the column to the file, or correct the column name in study.json.',
      'error: data/2024/responses.sav: the file ends in the middle of its data: 38 complete cases of the 40 its header states\n  → The file was cut short (a copy or download that did not finish): save or copy it again.',
    ]);
    expect(errorsOf(parseSav(new TextEncoder().encode(text)).issues)).toEqual([
      'error: data/2024/responses.sav: the file is not an SPSS system file (it does not start with "$FL2")\n  → Save the responses from SPSS or PSPP as an uncompressed or compressed .sav (not .zsav), or export them as responses.csv.',
    ]);
  });
});
