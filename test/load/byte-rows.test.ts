/**
 * The byte path of the loader proven against the text path: a whole
 * responses file, generated with the things that make a row uncommon (quoted
 * fields, escaped quotes, a quoted answer over two lines, CRLF and lone CR
 * line ends, blank lines, non-ASCII ids and codes, invalid answers, repeated
 * ids, a last line without a newline, a semicolon file, a column the study
 * does not use with quoted and escaped text in it), given as bytes in
 * random pieces (ResponsesParser.pushBytes), gives exactly what parsing the
 * decoded text gives (parseResponses): the same data, issues, line numbers,
 * quotes and row counts. Both in UTF-8 and in Windows-1252. Fixed seeds.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ByteRowReader } from '../../src/load/byte-row-reader.ts';
import { NotUtf8Error } from '../../src/load/decode.ts';
import { parseResponses, ResponsesParser, type ParseResponsesResult } from '../../src/load/parse-responses.ts';
import type { FileEncoding } from '../../src/load/byte-row-reader.ts';
import type { Study } from '../../src/study/schema.ts';
import { eachPiece, FILE, HEADER, quoting, study } from './helpers.ts';

const SEED = 20_261_129;

/** The fixture study with its group and a background value renamed to non-ASCII codes, so that codes are matched by their bytes. */
const nonAscii: Study = {
  ...quoting,
  groups: quoting.groups.map((g, i) => (i === 1 ? { ...g, code: 'Bä' } : g)),
  background: quoting.background.map((b) => (b.id === 'region' ? { ...b, values: b.values.map((v, i) => (i === 0 ? { ...v, code: 'pääkaupunki' } : v)) } : b)),
};

const STUDIES: [string, Study][] = [
  ['the fixture study', study],
  ['quotes published', quoting],
  ['non-ASCII group and background codes', nonAscii],
  ['no id column (repeated rows found by hash)', { ...study, columns: { group: 'group', weight: 'weight' } }],
  ["a 0–10 scale with can't-say 98, 99", { ...study, scale: { ...study.scale, min: 0, max: 10, cantSay: [98, 99] } }],
];

/** Mostly a common value, one time in `rare` anything. */
const mostlyOf = <T>(common: T[], any: T[], rare = 40) => fc.oneof({ weight: rare, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...any) });

/** A field as written in the file: mostly plain, now and then quoted (with its quotes doubled). */
const written = (value: fc.Arbitrary<string>) => fc.tuple(value, fc.nat(60)).map(([v, q]) => (q === 0 ? `"${v.replaceAll('"', '""')}"` : v));

/** A row: valid values of the study mostly, one time in `rare` an uncommon or wrong one; `id` undefined for the row's own. */
const rowArb = (s: Study, rare: number) => {
  const mostly = <T>(common: T[], any: T[]) => mostlyOf(common, any, rare);
  const codes = (id: string) => s.background.find((b) => b.id === id)!.values.map((v) => v.code);
  const answers = ['', ...Array.from({ length: s.scale.max - s.scale.min + 1 }, (_, k) => String(s.scale.min + k)), ...s.scale.cantSay.map(String)];
  return fc.record({
    id: mostly<string | undefined>([undefined], [' r4', 'ä1', 'r5 ', '', 'x y', 'r\u00a0', 'r1', 'r2']).chain((id) => (id === undefined ? fc.constant(undefined) : written(fc.constant(id)))),
    group: written(
      mostly(
        s.groups.map((g) => g.code),
        [' B', '', 'D', 'AB', 'bä'],
      ),
    ),
    weight: written(mostly(['1', '2', '0.5', '1.25'], ['0,5', '0', '-1', '', ' 2 ', '1e3', '1.371', '1,371', 'x'])),
    items: fc.array(written(mostly(answers, ['7', '01', '3.0', ' 3', 'x', '123', '٣', '11'])), { minLength: 4, maxLength: 4 }),
    nps: written(mostly(['', '0', '7', '9', '10'], ['11', '01', 'a', ' 7'])),
    reason: mostly(['', 'hyvä', 'ok', 'Palvelu toimi.', '"sanoi ""hei"""', '"a, b"', 'ääkköset'], ['"kaksi\nriviä"', '"avoin', 'x"y', ' väli ', '"lopussa"x']),
    age: written(mostly(['', ...codes('age')], ['4', ' 1', 'x'])),
    region: written(mostly(['', ...codes('region')], [' muu', 'MUU', 'pääkaupunki'])),
    // A column the study does not use (read past, not read): text, quoted with escaped quotes, over two lines.
    note: mostly(['', 'x', 'huom.', '"sanoi ""hei"""', '"a, b"', '""""'], ['"kaksi\nriviä"', '"avoin', 'x"y', '"""', '"lopussa"x']),
    end: mostlyOf(['\n', '\r\n'], ['\r', '\n\n', '\r\n\r\n', '\n,,,,,,,,,,\n']),
  });
};

const fileArb = (s: Study) =>
  fc.record({
    // Files with few problems too, so that rows after the odd ones are read from the bytes.
    rows: fc.constantFrom(40, 400).chain((rare) => fc.array(rowArb(s, rare), { minLength: 1, maxLength: 25 })),
    semicolon: fc.nat(5).map((n) => n === 0),
    /** With a last column the study does not use. */
    unused: fc.boolean(),
    lastNewline: fc.boolean(),
    pieces: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 6 }),
  });

type File = ReturnType<typeof fileArb> extends fc.Arbitrary<infer T> ? T : never;

/**
 * The file with every third row written again at the end, in turn with its group quoted and ended by a lone CR
 * (a line end the text readers read, so that the copy and the row after it go to them): in a study without ids
 * these are repeated rows, found only if both readers hash a row alike.
 */
const withRepeats = (file: File): File => {
  const rows = file.rows.map((r, i) => ({ ...r, id: r.id ?? `r${i + 1}` }));
  const copies = rows.filter((_, i) => i % 3 === 0).map((r, k) => (k % 2 === 0 ? { ...r, group: r.group.startsWith('"') ? r.group : `"${r.group}"` } : { ...r, end: '\r' }));
  return { ...file, rows: [...rows, ...copies] };
};

const REPEATS = /repeats? an earlier row exactly/;

function fileText({ rows, semicolon, lastNewline, unused }: File): string {
  const d = semicolon ? ';' : ',';
  const lines = rows.map((r, i) => [r.id ?? `r${i + 1}`, r.group, r.weight, ...r.items, r.nps, r.reason, r.age, r.region, ...(unused ? [r.note] : [])].join(d) + r.end);
  let text = (unused ? `${HEADER},note` : HEADER).replaceAll(',', d) + '\n' + lines.join('');
  if (!lastNewline) text = text.replace(/[\r\n]+$/, '');
  return text;
}

/** Windows-1252 bytes of a text of Latin-1 characters and the euro sign. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    if (ch === '€') return 0x80;
    const c = ch.charCodeAt(0);
    if (c > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    return c;
  });
}

/**
 * Parses the bytes cut into pieces of the given sizes, as the file is read:
 * each piece in one buffer that is read into again, so it is scribbled over
 * after each call (the parser must keep nothing of it).
 */
function inBytes(bytes: Uint8Array, s: Study, pieces: number[], encoding: FileEncoding = 'utf-8'): ParseResponsesResult {
  const parser = new ResponsesParser(FILE, 2024, s, { encoding });
  const buffer = new Uint8Array(bytes.length);
  eachPiece(bytes.length, pieces, (from, to) => {
    const piece = buffer.subarray(0, to - from);
    piece.set(bytes.subarray(from, to));
    parser.pushBytes(piece);
    piece.fill(0x3b);
  });
  return parser.end();
}

/** Counts the rows the byte reader takes and declines. */
function countReads() {
  const counts = { taken: 0, declined: 0 };
  const read = ByteRowReader.prototype.read;
  vi.spyOn(ByteRowReader.prototype, 'read').mockImplementation(function (this: ByteRowReader, ...args: Parameters<typeof read>) {
    const taken = read.apply(this, args);
    if (taken) counts.taken++;
    else counts.declined++;
    return taken;
  });
  return counts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the bytes of a file give what its text gives', () => {
  for (const [name, s] of STUDIES) {
    it(`UTF-8: ${name}`, () => {
      const counts = countReads();
      const noIds = s.columns.id === undefined;
      let repeatsFound = 0;
      fc.assert(
        fc.property(fileArb(s), (generated) => {
          const file = noIds ? withRepeats(generated) : generated;
          const text = fileText(file);
          const result = inBytes(Buffer.from(text, 'utf8'), s, file.pieces);
          expect(result).toEqual(parseResponses(text, FILE, 2024, s));
          if (result.issues.some((i) => REPEATS.test(i.message))) repeatsFound++;
        }),
        { seed: SEED, numRuns: 250 },
      );
      // Without ids, repeated rows were found in most files (each has its first row again).
      if (noIds) expect(repeatsFound).toBeGreaterThan(100);
      // Both ways were taken often enough to mean something.
      expect(counts.taken).toBeGreaterThan(250);
      expect(counts.declined).toBeGreaterThan(25);
    });
  }

  it('Windows-1252: the same, read with the encoding the file turned out to have', () => {
    const counts = countReads();
    fc.assert(
      fc.property(
        fc.constantFrom(study, quoting, nonAscii, STUDIES[3]![1]).chain((s) => fc.tuple(fc.constant(s), fileArb(s))),
        ([s, generated]) => {
          const file = s.columns.id === undefined ? withRepeats(generated) : generated;
          // Only what Windows-1252 can hold; ÿ (0xFF) at the start of a field too.
          const text = fileText(file).replaceAll('Palvelu', 'Palvelu €').replaceAll('٣', '3').replaceAll('ääkköset', 'ÿääkköset');
          expect(inBytes(windows1252(text), s, file.pieces, 'windows-1252')).toEqual(parseResponses(text, FILE, 2024, s));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
    expect(counts.taken).toBeGreaterThan(300);
  });

  it('takes the common row, and the rows after a declined one', () => {
    const counts = countReads();
    // Row 2 quoted in its fields, as some tools write every field; row 3's id has an escaped quote, which only the text readers take.
    const text = `${HEADER}\nr1,A,1,3,4,5,2,8,hyvä,1,muu\n"r2","B","1","3","4","5","2","8","","1","muu"\r\n"r""3",C,0.5,1,6,,5,9,"a, b",2,uusimaa\nr4,C,0.5,1,6,,5,9,"a, b",2,uusimaa\n`;
    const result = inBytes(Buffer.from(text, 'utf8'), quoting, [1000]);
    expect(result).toEqual(parseResponses(text, FILE, 2024, quoting));
    expect(result.rows).toEqual({ read: 4, used: 4, rejected: 0 });
    expect(counts).toEqual({ taken: 3, declined: 1 });
    expect([...result.data!.items.get('int1')!.codes]).toEqual([3, 3, 1, 1]);
    expect(
      result
        .data!.quoteCandidates?.flat()
        .map((q) => q.text)
        .sort(),
    ).toEqual(['a, b', 'a, b', 'hyvä']);
  });

  it('reads past a column the study does not use, its quoted text with escaped quotes and delimiters in it', () => {
    const counts = countReads();
    const text = `${HEADER},note\nr1,A,1,3,4,5,2,8,hyvä,1,muu,"sanoi ""hei"", ja meni"\nr2,B,1,3,4,5,2,8,,1,muu,""""\nr3,C,0.5,1,6,,5,9,ok,2,uusimaa,\n`;
    const result = inBytes(Buffer.from(text, 'utf8'), quoting, [1000]);
    expect(result).toEqual(parseResponses(text, FILE, 2024, quoting));
    expect(result.rows).toEqual({ read: 3, used: 3, rejected: 0 });
    expect(counts).toEqual({ taken: 3, declined: 0 });
  });

  it('without ids, finds a row repeated when one copy is read from the bytes and the other as text, in either encoding', () => {
    const noIds: Study = { ...study, columns: { group: 'group', weight: 'weight' } };
    // Rows twice. The first, its open answer not ASCII, plain and then quoted: both copies read from the bytes. The
    // second, its open answer quoted with an escaped quote, and the third, in ASCII: one copy of each on a line that
    // holds a lone CR as a line end, which the text readers read.
    const text = [
      HEADER,
      'r1,A,1,3,4,5,2,8,hyvä palvelu,1,muu',
      'r2,B,1,3,4,5,2,8,"sanoi ""hei"", ja meni",1,muu',
      'r1,A,1,3,4,5,2,8,"hyvä palvelu",1,muu',
      'r2,"B",1,3,4,5,2,8,"sanoi ""hei"", ja meni",1,muu\rr3,C,0.5,1,6,,5,9,"a, b",2,uusimaa',
      'r3,"C",0.5,1,6,,5,9,"a, b",2,uusimaa',
      '',
    ].join('\n');
    for (const [bytes, encoding] of [
      [Buffer.from(text, 'utf8'), 'utf-8'],
      [windows1252(text), 'windows-1252'],
    ] as const) {
      const counts = countReads();
      const result = inBytes(bytes, noIds, [1000], encoding);
      expect(result, encoding).toEqual(parseResponses(text, FILE, 2024, noIds));
      expect(counts, encoding).toEqual({ taken: 4, declined: 0 });
      expect(result.issues.map((i) => i.message).join('\n'), encoding).toContain('line 4 repeats line 2, line 5 repeats line 3, line 7 repeats line 6');
      vi.restoreAllMocks();
    }
  });

  it('leaves a row with no value to the text readers, which take a row of blanks for an empty line (a study without id, group or weight columns)', () => {
    const bare: Study = { ...study, columns: {}, groups: [] };
    for (const blank of [',,,,,,,,,,', '"",,,,,,,,,,', '"","","","","","","","","","",""', ',,,,,,,,"  ",,']) {
      const text = `${HEADER}\n,,,3,4,5,2,8,,1,muu\n${blank}\n,,,1,6,,5,9,ok,2,uusimaa\n`;
      expect(inBytes(Buffer.from(text, 'utf8'), bare, [1000]), blank).toEqual(parseResponses(text, FILE, 2024, bare));
    }
  });

  it('refuses bytes that are not UTF-8, in a whole line and in the last line alike', () => {
    const bad = (tail: string) => Buffer.concat([Buffer.from(`${HEADER}\nr1,A,1,3,4,5,2,8,`), Buffer.from([0xe4]), Buffer.from(`,1,muu${tail}`)]);
    expect(() => inBytes(bad('\n'), study, [7])).toThrow(NotUtf8Error);
    expect(() => inBytes(bad(''), study, [7])).toThrow(NotUtf8Error);
  });
});
