/**
 * The loader's silent and unclear cases of the adversarial run (issue 17):
 * each case asserts the message or the result, by name, so a new case is one
 * more `it` away.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/load/csv-scanner.ts';
import { decodeText } from '../../src/load/decode.ts';
import { parseBenchmarks } from '../../src/load/parse-benchmarks.ts';
import { parseResponses } from '../../src/load/parse-responses.ts';
import { readStudy } from '../../src/load/read-study.ts';
import { RowRegistry } from '../../src/load/row-registry.ts';
import { parseRecord, serialiseRecord, withNewVersion } from '../../src/publish/index.ts';
import { csv, errorsOf, FILE, FIXTURES, inPieces, okRows, parse, shown, study, warningsOf } from '../load/helpers.ts';

/** A fixture row (group A … C round) with the given weight as written in the file. */
const weighted = (id: string, weight: string, group = 'A') => `${id},${group},${weight},3,4,5,2,8,,1,muu`;

const AMBIGUOUS_COMMA = (line: number, value: string, plain: string, decimal: string) =>
  `error: ${FILE}:${line}: column "weight": value "${value}" matches the thousands-separator pattern 1,234 (a comma before the last three digits), so it may mean ${plain} as well as ${decimal}; no other weight in the column shows a decimal comma (like 0,862 or 1,5)\n` +
  `  → Export the weights without thousands separators (${plain}, not ${value}); three digits after a comma are read as decimals only when another weight in the column shows a decimal comma.`;
const GROUPED_HINT = '  → Export the weights without thousands separators (as plain numbers such as 1371 or 1.371), then run the check again.';

describe('adversarial: weights with thousands separators', () => {
  it('silent: weight with thousands separator 1,371 (next to 862) is an error, not 1.371', () => {
    const r = parse(csv(...okRows(15), weighted('r16', '862'), weighted('r17', '"1,371"', 'B')));
    expect(r.data).toBeUndefined();
    expect(errorsOf(r.issues)).toEqual([AMBIGUOUS_COMMA(18, '1,371', '1371', '1.371')]);
  });

  it('silent: weight with thousands separator 1,371 in a semicolon file, every one listed up to the cap', () => {
    const many = Array.from({ length: 60 }, (_, i) => weighted(`r${100 + i}`, '1,371', 'B'));
    const r = parseResponses(
      csv(...okRows(15), weighted('r16', '862'), ...many)
        .replaceAll(',', ';')
        .replaceAll('1;371', '1,371'),
      FILE,
      2024,
      study,
      { maxErrors: 3 },
    );
    expect(errorsOf(r.issues)).toEqual([
      AMBIGUOUS_COMMA(18, '1,371', '1371', '1.371'),
      AMBIGUOUS_COMMA(19, '1,371', '1371', '1.371'),
      AMBIGUOUS_COMMA(20, '1,371', '1371', '1.371'),
      `error: ${FILE}: … and 57 more problems\n  → Only the first 3 problems are listed; fix these and run the check again to see the rest.`,
    ]);
  });

  it('silent: weight with a point before three digits (1.371 next to 862) is an error', () => {
    const r = parse(csv(...okRows(15), weighted('r16', '862'), weighted('r17', '1.371')).replaceAll(',', ';'));
    expect(errorsOf(r.issues)).toEqual([
      `error: ${FILE}:18: column "weight": value "1.371" matches the thousands-separator pattern 1.234 (a point before the last three digits), so it may mean 1371 as well as 1.371; no other weight in the column shows a decimal point (like 0.862 or 1.5)\n` +
        '  → Export the weights without thousands separators (1371, not 1.371); three digits after a point are read as decimals only when another weight in the column shows a decimal point.',
    ]);
  });

  it("silent: weights with thousands separators 1 371, 12,345,678, 1.371.000, 1 371,5 and 1'371 name their pattern", () => {
    const r = parse(csv(...okRows(15), weighted('r16', '"1 371"'), weighted('r17', '"12,345,678"'), weighted('r18', '1.371.000'), weighted('r19', '"1\u00a0371,5"'), weighted('r20', "1'371")));
    expect(errorsOf(r.issues)).toEqual([
      `error: ${FILE}:17: column "weight": value "1 371" is written with thousands separators (the pattern 1 234 567: digits in groups of three between spaces); weights are read without them\n${GROUPED_HINT}`,
      `error: ${FILE}:18: column "weight": value "12,345,678" is written with thousands separators (the pattern 1,234,567: digits in groups of three between commas); weights are read without them\n${GROUPED_HINT}`,
      `error: ${FILE}:19: column "weight": value "1.371.000" is written with thousands separators (the pattern 1.234.567: digits in groups of three between points); weights are read without them\n${GROUPED_HINT}`,
      `error: ${FILE}:20: column "weight": value "1\u00a0371,5" is written with thousands separators (the pattern 1 234 567: digits in groups of three between non-breaking spaces); weights are read without them\n${GROUPED_HINT}`,
      `error: ${FILE}:21: column "weight": value "1'371" is written with thousands separators (the pattern 1'234'567: digits in groups of three between apostrophes); weights are read without them\n${GROUPED_HINT}`,
    ]);
  });

  it('a decimal comma shown by another weight (0,862) makes 1,371 the decimal 1.371, streamed or whole', () => {
    const text = csv(...okRows(15), weighted('r16', '"1,371"'), weighted('r17', '"0,862"', 'B'), weighted('r18', '"1,37"', 'C'));
    const r = parse(text);
    expect(errorsOf(r.issues)).toEqual([]);
    expect([...r.data!.weight].slice(15)).toEqual([1.371, 0.862, 1.37]);
    expect(inPieces(text, [7])).toEqual(r);
  });

  it('every weight written 1,000 (or 1.250): read as decimals, which changes no estimate', () => {
    const rows = okRows(15).map((row) => row.replace(',1,3,', ',"1,000",3,'));
    const r = parse(csv(...rows, weighted('r16', '"1,250"')));
    expect(errorsOf(r.issues)).toEqual([]);
    expect([...r.data!.weight]).toEqual([...Array<number>(15).fill(1), 1.25]);
  });

  it('decimal weights with a point (0.6215, 1.234, 1) load as before', () => {
    const r = parse(csv(...okRows(15), weighted('r16', '0.6215'), weighted('r17', '1.234'), weighted('r18', '2.5')));
    expect(errorsOf(r.issues)).toEqual([]);
    expect([...r.data!.weight].slice(15)).toEqual([0.6215, 1.234, 2.5]);
  });
});

describe('adversarial: rows exported twice without an id column', () => {
  const { id: _id, ...columns } = study.columns;
  const noId = { ...study, columns };
  const H = 'group,weight,int1,int2,int3,q4,nps,nps_why,age,region';
  const row = (i: number) => `${'ABC'[i % 3]},1,${1 + (i % 5)},${1 + ((i >> 2) % 5)},5,2,${i % 11},,1,muu`;
  const distinct = Array.from({ length: 45 }, (_, i) => row(i));

  it('silent: rows exported twice without an id column are a warning with the count and example lines', () => {
    // Lines 2–46 are distinct; 47–91 repeat them; the last repeats line 3 with its region in quotes (the same value).
    const text = [H, ...distinct, ...distinct, row(1).replace(/muu$/, '"muu"')].join('\n') + '\n';
    const r = parse(text, noId);
    expect(r.data!.n).toBe(91);
    expect(warningsOf(r.issues)).toEqual([
      `warning: ${FILE}:47: ` +
        '46 rows repeat an earlier row exactly, e.g. line 47 repeats line 2, line 48 repeats line 3, line 49 repeats line 4; without an id column (columns.id) each counts as another respondent\n' +
        '  → If rows were exported twice, remove the repeats. If they are different respondents who answered alike, nothing needs to be done; an id column would tell them apart.',
    ]);
    expect(inPieces(text, [5, 13], noId).issues).toEqual(r.issues);
  });

  it('one repeated row is named alone; distinct rows and a study with ids give no such warning', () => {
    const one = parseResponses([H, ...distinct, distinct[7]].join('\n'), 'x.csv', 2024, noId);
    expect(warningsOf(one.issues).filter((w) => w.includes('repeat'))).toEqual([
      'warning: x.csv:47: 1 row repeats an earlier row exactly: line 47 repeats line 9; without an id column (columns.id) each counts as another respondent\n' +
        '  → If rows were exported twice, remove the repeats. If they are different respondents who answered alike, nothing needs to be done; an id column would tell them apart.',
    ]);
    expect(shown(parseResponses([H, ...distinct].join('\n'), 'x.csv', 2024, noId).issues).join('\n')).not.toMatch(/repeat/);
    expect(shown(parse(csv(...okRows(30))).issues).join('\n')).not.toMatch(/repeat/);
  });

  it('memory stays bounded: a million distinct rows by hash only, none taken for a repeat, then every repeat found', () => {
    const rows = new RowRegistry();
    const text = 'A,1,3,4,5,2,8,,1,muu';
    for (let i = 0; i < 1_000_000; i++) {
      rows.begin();
      rows.field(String(i));
      rows.fieldAt(text, 0, text.length);
      rows.end(i + 2);
    }
    expect(rows.repeats).toBe(0);
    for (const i of [0, 17, 999_999]) {
      rows.begin();
      rows.field(String(i));
      rows.fieldAt(text, 0, text.length);
      expect(rows.end(1_000_002)).toBe(i + 2);
    }
    // Fields do not run into each other: "1","23" is not "12","3".
    rows.begin();
    rows.field('1');
    rows.field('23');
    rows.end(1);
    rows.begin();
    rows.field('12');
    rows.field('3');
    expect(rows.end(2)).toBeUndefined();
  });
});

describe('adversarial: UTF-16 with and without a byte order mark', () => {
  const text = `${csv(...okRows(15))}`;
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  const hint = '  → Save the file as "CSV UTF-8" (in Excel: File → Save As → CSV UTF-8), not as "Unicode text".';
  const noBom = (which: string) => `error: ${FILE}: the file is in ${which} (every other byte of its start is a NUL byte, as in UTF-16 without a byte order mark); Luotain reads UTF-8\n${hint}`;

  it('unclear: UTF-16 LE and BE without a BOM is one error saying UTF-16, not 50 missing columns', () => {
    expect(shown(decodeText(le, FILE).issues)).toEqual([noBom('UTF-16 LE')]);
    expect(shown(decodeText(be, FILE).issues)).toEqual([noBom('UTF-16 BE')]);
    expect(decodeText(le, FILE).text).toBeUndefined();
  });

  it('unclear: UTF-16 with a BOM keeps its message; UTF-8 with ä and ö is not taken for UTF-16', () => {
    expect(shown(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), FILE).issues)).toEqual([
      `error: ${FILE}: the file is in UTF-16 LE (it starts with a UTF-16 byte order mark); Luotain reads UTF-8\n${hint}`,
    ]);
    expect(decodeText(Buffer.from('ääää,öö\n', 'utf8'), FILE)).toEqual({ text: 'ääää,öö\n', issues: [] });
  });

  it('unclear: a UTF-16 responses file without a BOM read by readStudy gives the one error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luotain-utf16-'));
    try {
      cpSync(join(FIXTURES, 'study.json'), join(dir, 'study.json'));
      mkdirSync(join(dir, '2024'));
      writeFileSync(join(dir, '2024', 'responses.csv'), le);
      const load = await readStudy(dir);
      expect(shown(load.issues)).toEqual([noBom('UTF-16 LE').replace(FILE, join(dir, '2024', 'responses.csv'))]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("adversarial: Excel's sep= first line", () => {
  const rows = [...okRows(15), 'r16,A,1,9,4,5,2,8,,1,muu'];
  const outside = (line: number) =>
    `error: ${FILE}:${line}: column "int1": value "9" is outside the scale 1–5 and is not a can't-say code (6)\n  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`;

  for (const [name, first, delimiter] of [
    ['sep=;', 'sep=;', ';'],
    ['"sep=;"', '"sep=;"', ';'],
    ['sep=,', 'sep=,', ','],
    ['sep= and a tab', 'sep=\t', '\t'],
    ['sep=\\t written out', 'sep=\\t', '\t'],
    ['sep=; with the delimiter repeated', 'sep=;;;;;', ';'],
  ] as const) {
    it(`unclear: Excel's ${name} first line sets the delimiter and is not the header; lines keep their numbers`, () => {
      const text = `${first}\n${csv(...rows).replaceAll(',', delimiter)}`;
      const r = parse(text);
      expect(shown(r.issues)).toEqual([outside(18)]);
      expect(r.rows).toEqual({ read: 16, used: 15, rejected: 1 });
      expect(inPieces(text, [1])).toEqual(r);
      expect(inPieces(text, [3, 8])).toEqual(r);
    });
  }

  it("unclear: Excel's sep= line loads a clean file, with the delimiter it names (not the one the header suggests)", () => {
    // The header alone would look comma-separated (its names have commas in quotes); the sep line says semicolon.
    const r = parse(`sep=;\r\n${csv(...okRows(15)).replaceAll(',', ';')}`);
    expect(shown(r.issues)).toEqual([]);
    expect(r.data!.n).toBe(15);
  });

  it("unclear: Excel's sep= line naming another delimiter is an error on its line", () => {
    const r = parse(`sep=|\n${csv(...okRows(15))}`);
    expect(errorsOf(r.issues)).toEqual([
      `error: ${FILE}:1: the line "sep=|" names the delimiter "|", which Luotain does not read (it reads comma, semicolon or tab); the delimiter was taken from the header\n  → Export the file with comma, semicolon or tab as the delimiter.`,
    ]);
  });

  it("unclear: Excel's sep= line in benchmarks.csv", () => {
    const r = parseBenchmarks('sep=;\nyear;indicator;group;mean\n2024;int1;;3,9\n2024;nope;;3\n', 'data/benchmarks.csv', study);
    expect(errorsOf(r.issues)).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 4, column: 'indicator', value: 'nope' });
    expect(parseBenchmarks('sep=;\nyear;indicator;group;mean\n2024;int1;;3,9\n', 'b.csv', study).rows).toEqual([{ year: 2024, indicator: 'int1', mean: 3.9 }]);
  });
});

describe('adversarial: load time linear in line length', () => {
  /** The work of scanning `text` pushed in pieces of `piece` characters. */
  function work(text: string, piece: number): { work: number; rows: number; longest: number } {
    let rows = 0;
    let longest = 0;
    const scanner = new CsvScanner(',', (fields) => {
      rows++;
      for (const f of fields) longest = Math.max(longest, f.length);
    });
    for (let i = 0; i < text.length; i += piece) scanner.push(text.slice(i, i + piece));
    scanner.end();
    return { work: scanner.work, rows, longest };
  }

  for (const [name, line] of [
    ['one long field', (n: number) => `a,b\n1,${'x'.repeat(n)}\n2,y\n`],
    ['one long quoted field on the line', (n: number) => `a,b\n1,"${'x'.repeat(n)}"\n2,y\n`],
    ['one quoted field spanning many lines', (n: number) => `a,b\n1,"${`${'x'.repeat(99)}\n`.repeat(n / 100)}"\n2,y\n`],
    ['a line of many fields', (n: number) => `a,b\n${'1,'.repeat(n / 2)}\n2,y\n`],
  ] as const) {
    it(`hang: ${name} costs work linear in its length (10 × the line, about 10 × the work)`, () => {
      const small = work(line(100_000), 1000);
      const large = work(line(1_000_000), 1000);
      expect(large.rows).toBe(3);
      expect(large.longest).toBeGreaterThanOrEqual(name === 'a line of many fields' ? 1 : 999_000);
      expect(large.work).toBeLessThanOrEqual(11 * small.work);
      expect(large.work).toBeLessThanOrEqual(8 * 1_000_000);
    });
  }

  it('hang: a 4 MB open answer streamed in 1 KB pieces loads whole', () => {
    const answer = 'hyvä palvelu '.repeat(320_000);
    const text = csv(...okRows(15), `r16,A,1,3,4,5,2,8,"${answer}",1,muu`);
    const r = inPieces(text, [1024]);
    expect(errorsOf(r.issues)).toEqual([]);
    expect(r.data!.n).toBe(16);
  });
});

describe('adversarial: folders and files of the study folder that are not editions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luotain-folders-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(FIXTURES, 'good'), dir, { recursive: true });
  for (const name of ['25', '2025-final', 'FY2026', '0999', '2025 copy', '3000', 'archive', '.git']) mkdirSync(join(dir, name));
  writeFileSync(join(dir, 'responses.csv'), csv(...okRows(15)));
  writeFileSync(join(dir, 'README.md'), 'notes\n');

  it('silent: year folders that are not editions (25, 2025-final, FY2026, 0999, 2025 copy) are listed in a warning; loose data files too', async () => {
    const load = await readStudy(dir);
    expect(load.editions.map((e) => e.year)).toEqual([2023, 2024]);
    expect(shown(load.issues)).toEqual([
      `warning: ${dir}: 6 folders named like a year but not read as editions: "0999", "2025 copy", "2025-final", "25", "3000", "FY2026"\n` +
        "  → An edition's folder is named by its year alone, four digits from 1900 to 2999 (like 2025). Rename a folder that holds an edition; move anything else out of the study folder.",
      `warning: ${dir}: a data file in the study folder itself, not read: "responses.csv"\n` +
        "  → An edition's responses go in <year>/responses.csv, .sav or .xlsx (like 2025/responses.csv); the study folder itself holds study.json and benchmarks.csv.",
    ]);
  });
});

describe('adversarial: publication record', () => {
  it('unclear: a valid publication record saved with a BOM is read', () => {
    const record = withNewVersion(undefined, 2025, {
      version: '1.0',
      published: '2025-03-13',
      toolVersion: '0.1.0',
      inputs: { responses: 'r', study: 's' },
      figures: { 'total|total|q1|mean.estimate': '3.5' },
    });
    expect(parseRecord(`\uFEFF${serialiseRecord(record)}`, 'reports/2025/publication.json', 2025)).toEqual({ record, issues: [] });
  });
});
