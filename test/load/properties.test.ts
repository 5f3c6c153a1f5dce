/**
 * Property tests of the loader (issue 8), on random data generated from the
 * fixture study: the load does not depend on the delimiter, a BOM or the line
 * ends; rows are accounted for; row order only permutes the columns; errors
 * point to the physical line and column of the problem. Fixed seeds.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decode.ts';
import { parseResponses, type ParseResponsesResult } from '../../src/load/parse-responses.ts';
import { readStudy } from '../../src/load/read-study.ts';
import type { EditionData, InputIssue } from '../../src/load/types.ts';
import type { Study } from '../../src/study/schema.ts';
import { FIXTURES, HEADER, quoting, study } from './helpers.ts';

const FILE = 'data/2024/responses.csv';
const SEED = 20_240_909;
const COLUMNS = HEADER.split(',');

// ---------------------------------------------------------------------------
// Random data from the fixture study

/** A cell: its value with a decimal point, whether a non-comma file writes it with a decimal comma, whether it is quoted anyway. */
interface Cell {
  v: string;
  comma: boolean;
  quote: boolean;
}
/** A row: 11 cells in header order, and the problem put into it on purpose (if any). */
interface Row {
  cells: Cell[];
  bad?: { column?: string; value?: string; kind: string };
}

const cell = (v: fc.Arbitrary<string>) => fc.record({ v, comma: fc.boolean(), quote: fc.boolean() });
const REASON_PIECES = ['Hyvä', ' palvelu', ',', ';', '\t', '"', '""', '\n', 'ö', '😀', ' ', 'x'];

const weightArb = fc.oneof(
  fc.constant('1'),
  fc.integer({ min: 1, max: 400 }).map((k) => (k / 100).toString()),
  fc.constant(' 2.50 '),
);
const answerArb = fc.constantFrom('', '', '1', '2', '3', '4', '5', '6', '6', ' 3 ', '3.0', '5.00');
const rowArb = fc.record({
  idTail: fc.array(fc.constantFrom('a', 'ä', '-', ',', ';', '"', ' x'), { maxLength: 3 }).map((p) => p.join('')),
  group: cell(fc.constantFrom('A', 'B', 'C', ' B ')),
  weight: cell(weightArb),
  items: fc.array(cell(answerArb), { minLength: 4, maxLength: 4 }),
  nps: cell(fc.constantFrom('', '0', '3', '7', '9', '10', '10.0')),
  reason: cell(fc.array(fc.constantFrom(...REASON_PIECES), { maxLength: 6 }).map((p) => p.join(''))),
  age: cell(fc.constantFrom('', '1', '2', '3')),
  region: cell(fc.constantFrom('', 'uusimaa', 'muu', ' muu')),
  idQuote: fc.boolean(),
});
type RawRow = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

/** The problems a row may be given: each refuses the row. */
const BAD = ['group', 'weight0', 'weightText', 'weightBlank', 'answer', 'fraction', 'nps', 'age', 'region', 'duplicate', 'short'] as const;

function toRows(raw: RawRow[], bad: ((typeof BAD)[number] | null)[] = []): Row[] {
  const rows: Row[] = raw.map((r, i) => ({
    cells: [{ v: `r${i + 1}${r.idTail}`, comma: false, quote: r.idQuote }, r.group, r.weight, ...r.items, r.nps, r.reason, r.age, r.region].map((c) => ({ ...c })),
  }));
  rows.forEach((row, i) => {
    // The first row stays good: duplicates repeat its id, which a refused row would not register.
    const kind = bad[i];
    if (!kind || i === 0) return;
    // A bad value is written the same in every format (no decimal comma), so its messages are too.
    const set = (column: string, v: string) => {
      const k = COLUMNS.indexOf(column);
      row.cells[k] = { ...row.cells[k], v, comma: false };
      row.bad = { column, value: v.trim() === '' ? undefined : v.trim(), kind };
    };
    if (kind === 'group') set('group', 'D');
    else if (kind === 'weight0') set('weight', '0');
    else if (kind === 'weightText') set('weight', 'paljon');
    else if (kind === 'weightBlank') set('weight', '');
    else if (kind === 'answer') set('int2', '7');
    else if (kind === 'fraction') set('q4', '2.5');
    else if (kind === 'nps') set('nps', '11');
    else if (kind === 'age') set('age', '9');
    else if (kind === 'region') set('region', 'mars');
    else if (kind === 'duplicate') {
      row.cells[0] = { ...rows[0].cells[0] };
      row.bad = { column: 'resp_id', value: rows[0].cells[0].v.trim(), kind };
    } else if (kind === 'short') {
      row.cells.pop();
      row.bad = { kind };
    }
  });
  return rows;
}

const DELIMS = [',', ';', '\t'] as const;
const EOLS = ['\n', '\r\n', '\r'] as const;
type Format = { d: (typeof DELIMS)[number]; eol: (typeof EOLS)[number]; bom: boolean };

/** A written cell: a decimal comma where the row asks for it and the delimiter allows; quoted when needed or asked. */
function written(c: Cell, column: number, f: Format): string {
  let v = c.v;
  const numeric = column >= 2 && column <= 7; // weight, the items, the NPS
  if (numeric && c.comma && f.d !== ',') v = v.replace('.', ',');
  v = v.replaceAll('\n', f.eol);
  return c.quote || v.includes(f.d) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

interface Written {
  text: string;
  bytes: Uint8Array;
  /** Physical line where each data row starts. */
  starts: number[];
  /** Each data row's cells as written. */
  cells: string[][];
}

function write(rows: Row[], f: Format): Written {
  const header = COLUMNS.join(f.d);
  let text = header + f.eol;
  let line = 2;
  const starts: number[] = [];
  const cells: string[][] = [];
  for (const row of rows) {
    const w = row.cells.map((c, k) => written(c, k, f));
    const record = w.join(f.d);
    starts.push(line);
    cells.push(w);
    text += record + f.eol;
    line += record.split(f.eol).length;
  }
  const body = new TextEncoder().encode(text);
  const bytes = f.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  return { text, bytes, starts, cells };
}

/** Reads the bytes the way the loader reads a file: decoded, then parsed. */
function load(bytes: Uint8Array, s: Study = quoting, file = FILE): ParseResponsesResult {
  const decoded = decodeText(bytes, file);
  expect(decoded.issues).toEqual([]);
  return parseResponses(decoded.text!, file, 2024, s);
}

/** The issues with the delimiter's name taken out of their wording. */
const neutral = (issues: InputIssue[]) =>
  issues.map((i) => ({
    ...i,
    message: i.message.replace(/\b(comma|semicolon|tab)\b/g, '<delimiter>'),
    ...(i.hint ? { hint: i.hint.replace(/\b(comma|semicolon|tab)\b/g, '<delimiter>') } : {}),
  }));

const physicalLines = (text: string) => text.split(/\r\n|\r|\n/);

const rawRows = fc.array(rowArb, { minLength: 1, maxLength: 40 });
const withBad = rawRows.chain((raw) => fc.tuple(fc.constant(raw), fc.array(fc.option(fc.constantFrom(...BAD), { freq: 6, nil: null }), { minLength: raw.length, maxLength: raw.length })));

const tmpRoot = mkdtempSync(join(tmpdir(), 'luotain-props-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

// ---------------------------------------------------------------------------

describe('property: the load does not depend on the delimiter, a BOM or the line ends', () => {
  const formats: Format[] = DELIMS.flatMap((d) => EOLS.flatMap((eol) => [false, true].map((bom) => ({ d, eol, bom }))));

  it('every one of the 18 formats of the same data gives the same EditionData and issues', () => {
    fc.assert(
      fc.property(withBad, ([raw, bad]) => {
        const rows = toRows(raw, bad);
        const base = load(write(rows, formats[0]).bytes);
        if (bad.every((b) => b === null)) {
          expect(base.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(base.data?.n).toBe(rows.length);
        }
        for (const f of formats.slice(1)) {
          const other = load(write(rows, f).bytes);
          expect(other.data, JSON.stringify(f)).toEqual(base.data);
          expect(other.rows).toEqual(base.rows);
          expect(neutral(other.issues), JSON.stringify(f)).toEqual(neutral(base.issues));
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('readStudy (streaming from disk) gives the same as the comma, LF, no-BOM text parsed whole', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(withBad, fc.constantFrom(...formats), async ([raw, bad], f) => {
        const rows = toRows(raw, bad);
        const dir = join(tmpRoot, `study-${run++}`);
        mkdirSync(join(dir, '2024'), { recursive: true });
        const definition = JSON.parse(readFileSync(join(FIXTURES, 'study.json'), 'utf8'));
        definition.nps.quotes = { publish: true };
        writeFileSync(join(dir, 'study.json'), JSON.stringify(definition));
        const file = join(dir, '2024', 'responses.csv');
        writeFileSync(file, write(rows, f).bytes);
        const got = await readStudy(dir);
        const want = load(write(rows, formats[0]).bytes, quoting, file);
        expect(got.editions).toEqual(want.data ? [want.data] : []);
        expect(got.files.map((x) => x.rows)).toEqual([want.rows]);
        expect(neutral(got.issues)).toEqual(neutral(want.issues));
      }),
      { seed: SEED + 1, numRuns: 8 },
    );
  });
});

describe('property: rows accounting', () => {
  it('read = used + rejected; every bad row is rejected; any rejected row refuses the file', () => {
    fc.assert(
      fc.property(withBad, fc.constantFrom(...DELIMS), fc.constantFrom(...EOLS), ([raw, bad], d, eol) => {
        const rows = toRows(raw, bad);
        const res = load(write(rows, { d, eol, bom: false }).bytes, study);
        const nBad = rows.filter((r) => r.bad).length;
        expect(res.rows.read).toBe(rows.length);
        expect(res.rows.read).toBe(res.rows.used + res.rows.rejected);
        expect(res.rows.rejected).toBe(nBad);
        if (res.rows.rejected > 0) {
          expect(res.data).toBeUndefined();
          expect(res.issues.some((i) => i.severity === 'error')).toBe(true);
        } else {
          expect(res.data?.n).toBe(rows.length);
          expect(res.data?.rows).toEqual(res.rows);
        }
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
  });
});

describe('property: row order', () => {
  /** Row r of the data as one comparable value. */
  const rowOf = (data: EditionData, r: number) => ({
    group: data.group[r],
    weight: data.weight[r],
    items: [...data.items.values()].map((a) => a.codes[r]),
    nps: data.nps?.[r],
    background: [...data.background.values()].map((a) => a[r]),
  });

  it('permuting the data rows permutes the columns; quotes and warnings stay the same', () => {
    fc.assert(
      fc.property(
        rawRows.chain((raw) => fc.tuple(fc.constant(raw), fc.array(fc.double({ noNaN: true }), { minLength: raw.length, maxLength: raw.length }))),
        fc.constantFrom(...DELIMS),
        ([raw, keys], d) => {
          const rows = toRows(raw);
          const order = rows.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
          const f: Format = { d, eol: '\n', bom: false };
          const a = load(write(rows, f).bytes).data!;
          const b = load(
            write(
              order.map((i) => rows[i]),
              f,
            ).bytes,
          ).data!;
          expect(a.n).toBe(rows.length);
          expect(b.n).toBe(rows.length);
          order.forEach((from, to) => expect(rowOf(b, to)).toEqual(rowOf(a, from)));
          expect(b.quoteCandidates).toEqual(a.quoteCandidates);
          expect(b.rows).toEqual(a.rows);
        },
      ),
      { seed: SEED + 3, numRuns: 100 },
    );
  });

  it('permuting the rows gives the same warnings', () => {
    fc.assert(
      fc.property(rawRows, fc.constantFrom(...DELIMS), (raw, d) => {
        const rows = toRows(raw);
        const f: Format = { d, eol: '\n', bom: false };
        const a = load(write(rows, f).bytes).issues;
        const b = load(write([...rows].reverse(), f).bytes).issues;
        expect(b).toEqual(a);
      }),
      { seed: SEED + 4, numRuns: 60 },
    );
  });
});

/** The lines named by a repeated problem's one message ("… (lines 4, 9 and 12)"), or undefined for a single one. */
function groupedLines(e: InputIssue): { lines: number[]; more: boolean } | undefined {
  const m = /^[\d,]+ .*\(lines ([\d, and]+?)(, …)?\)/.exec(e.message);
  if (!m || e.line !== undefined) return undefined;
  return { lines: m[1].split(/, | and /).map(Number), more: m[2] !== undefined };
}

describe('property: every error points to its file, physical line and column', () => {
  it('cell errors carry line and column; the line is where the row starts and holds the value', () => {
    fc.assert(
      fc.property(withBad, fc.constantFrom(...DELIMS), fc.constantFrom(...EOLS), ([raw, bad], d, eol) => {
        const rows = toRows(raw, bad);
        const w = write(rows, { d, eol, bom: false });
        const lines = physicalLines(w.text);
        const res = load(w.bytes, study);
        const errors = res.issues.filter((i) => i.severity === 'error');
        for (const e of errors) {
          expect(e.file).toBe(FILE);
          if (groupedLines(e)) {
            expect(e.line).toBeUndefined();
            expect(e.value).toBeUndefined();
            continue;
          }
          if (e.value !== undefined || e.column !== undefined) expect(e.line).toBeDefined();
          if (e.value !== undefined) expect(e.column).toBeDefined();
          if (e.line === undefined) continue;
          // The line is the physical line where a data row starts.
          const r = w.starts.indexOf(e.line);
          expect(r, `line ${e.line} of ${JSON.stringify(e)}`).toBeGreaterThanOrEqual(0);
          const physical = lines[e.line - 1];
          expect(physical.startsWith(w.cells[r][0].split(eol)[0])).toBe(true);
          if (e.value === undefined) continue;
          // The value is the cell's, as written, and can be found on that line —
          // or, for a cell after an open answer that spans lines, in the row that starts there.
          const k = COLUMNS.indexOf(e.column!);
          const asWritten = w.cells[r][k];
          expect(asWritten).toContain(asWritten.startsWith('"') ? e.value.replaceAll('"', '""') : e.value);
          const spansBefore = w.cells[r].slice(0, k).some((c) => c.includes(eol));
          if (!spansBefore) expect(physical).toContain(asWritten);
          else expect(lines.slice(e.line - 1).join(eol)).toContain(asWritten);
        }
        // Every bad row has its error on its line, and on its column where it concerns one cell.
        rows.forEach((row, r) => {
          if (!row.bad) return;
          const expected: Partial<InputIssue> = { severity: 'error', file: FILE, line: w.starts[r] };
          if (row.bad.kind !== 'short') expected.column = row.bad.column;
          if (row.bad.value !== undefined) expected.value = row.bad.value;
          expect(
            errors.length >= 50 ||
              errors.some((e) => Object.entries(expected).every(([key, v]) => e[key as keyof InputIssue] === v)) ||
              // Or in the one message of its column's repeated problem, among its lines or beyond the ones listed.
              errors.some((e) => {
                const g = groupedLines(e);
                return g !== undefined && e.column === expected.column && (g.lines.includes(w.starts[r]) || g.more);
              }),
            `${JSON.stringify(expected)} in ${JSON.stringify(errors)}`,
          ).toBe(true);
        });
        // A duplicate id names the line of the first.
        for (const e of errors.filter((x) => x.message.includes('same respondent id'))) expect(e.message).toContain(`as on line ${w.starts[0]}`);
      }),
      { seed: SEED + 5, numRuns: 250 },
    );
  });
});

describe('a white-space-only line before the header does not mislead the delimiter guess', () => {
  // The scanner skips a line of spaces or tabs as empty and reads the header from
  // the next one; the delimiter must be guessed from that same header line.
  const rows = toRows(
    Array.from({ length: 15 }, (_, i) => ({
      idTail: '',
      group: { v: 'ABC'[i % 3], comma: false, quote: false },
      weight: { v: '1.5', comma: true, quote: false },
      items: ['1', '2', '3', '4'].map((v) => ({ v, comma: false, quote: false })),
      nps: { v: '8', comma: false, quote: false },
      reason: { v: 'hyvä', comma: false, quote: false },
      age: { v: '1', comma: false, quote: false },
      region: { v: 'muu', comma: false, quote: false },
      idQuote: false,
    })),
  );
  for (const [name, lead, d] of [
    ['a line of spaces before a semicolon header', '  \n', ';'],
    ['a line with a tab before a comma header', ' \t\n', ','],
    ['a line of spaces before a tab header', ' \r\n', '\t'],
  ] as const) {
    it(`${name} loads like the file without it`, () => {
      const text = lead + write(rows, { d, eol: '\n', bom: false }).text;
      const res = parseResponses(text, FILE, 2024, study);
      expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(res.data?.n).toBe(15);
    });
  }
});
