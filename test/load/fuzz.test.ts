/**
 * Fuzzing of the loader (issue 8): whatever bytes a responses file or a
 * study.json holds, the loader ends in a valid load or in errors with a clear
 * message naming the file — never an exception, a hang or a silently wrong
 * result. Every property runs with a fixed seed and a bounded number of runs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decode.ts';
import { parseResponses, type ParseResponsesResult } from '../../src/load/parse-responses.ts';
import { readStudy } from '../../src/load/read-study.ts';
import { CANT_SAY, type EditionData, type InputIssue } from '../../src/load/types.ts';
import { parseStudy } from '../../src/study/parse.ts';
import type { Study } from '../../src/study/schema.ts';
import { FIXTURES, HEADER, inPieces, ok, okRows, quoting, study } from './helpers.ts';

const FILE = 'data/2024/responses.csv';
const SEED = 20_240_808;
/** Wall-clock limit for one parse of a small input (generous: the machine is shared). */
const SMALL_MS = 2_000;

const STUDY_TEXT = readFileSync(join(FIXTURES, 'study.json'), 'utf8');
const GOOD_BYTES = new Uint8Array(readFileSync(join(FIXTURES, 'good/2024/responses.csv')));
const GOOD_TEXT = new TextDecoder().decode(GOOD_BYTES);

const tmpRoot = mkdtempSync(join(tmpdir(), 'luotain-fuzz-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
// Helpers

/** Runs a parse and checks that it took less than `ms` of wall-clock time. */
function timed<T>(run: () => T, ms = SMALL_MS): T {
  const t0 = performance.now();
  const out = run();
  const took = performance.now() - t0;
  expect(took, `took ${Math.round(took)} ms`).toBeLessThan(ms);
  return out;
}

const parse = (text: string, s: Study = study) => timed(() => parseResponses(text, FILE, 2024, s));

/** The text's physical lines, the way an editor counts them (LF, CRLF and CR alike). */
const physicalLines = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * The checks every result must pass: rows accounting, issues that are well
 * formed (severity, file, a message; a line that exists; a quoted value only
 * with its line and column), an error whenever there is no data, and data
 * whose columns hold only legal codes.
 */
function expectWellFormed(res: ParseResponsesResult, text: string, s: Study = study, file = FILE): void {
  const { rows, issues, data } = res;
  expect(rows.read).toBe(rows.used + rows.rejected);
  const lineCount = physicalLines(text).length;
  for (const issue of issues) {
    expect(['error', 'warning']).toContain(issue.severity);
    expect(issue.file).toBe(file);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message).not.toMatch(/\n\s+at \S/); // no stack trace
    if (issue.line !== undefined) {
      expect(Number.isInteger(issue.line)).toBe(true);
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.line).toBeLessThanOrEqual(lineCount);
    }
    if (issue.value !== undefined) {
      expect(issue.line).toBeDefined();
      expect(issue.column).toBeDefined();
    }
  }
  const errors = issues.filter((i) => i.severity === 'error');
  if (!data) {
    expect(errors.length).toBeGreaterThan(0);
    return;
  }
  expect(errors).toEqual([]);
  expect(rows.rejected).toBe(0);
  expectLegalData(data, s);
  expect(data.n).toBe(rows.used);
}

function expectLegalData(data: EditionData, s: Study): void {
  const n = data.n;
  const points = s.scale.max - s.scale.min + 1;
  expect(data.group.length).toBe(n);
  expect(data.weight.length).toBe(n);
  for (let r = 0; r < n; r++) {
    expect(data.group[r]).toBeLessThan(s.groups.length);
    expect(Number.isFinite(data.weight[r]) && data.weight[r] > 0, `weight ${data.weight[r]} of row ${r}`).toBe(true);
  }
  for (const item of s.items) {
    const codes = data.items.get(item.id)!.codes;
    expect(codes.length).toBe(n);
    for (const c of codes) expect(c === 0 || c === CANT_SAY || (c >= 1 && c <= points)).toBe(true);
  }
  if (s.nps) {
    expect(data.nps!.length).toBe(n);
    for (const v of data.nps!) expect(v >= -1 && v <= 10).toBe(true);
  }
  for (const [k, b] of s.background.entries()) {
    const col = data.background.get(b.id)!;
    expect(col.length).toBe(n);
    for (const v of col) expect(v >= -1 && v < s.background[k].values.length).toBe(true);
  }
  if (s.nps?.quotes?.publish) {
    const candidates = data.quoteCandidates!;
    expect(candidates).toHaveLength(s.groups.length);
    for (const list of candidates) {
      expect(list.length).toBeLessThanOrEqual(s.nps.quotes.perGroup);
      for (const q of list) expect(q.text !== '' && q.text === q.text.trim()).toBe(true);
    }
  }
}

/** The data's columns as plain arrays, rows [from, to): for comparing loads. */
function columnsOf(data: EditionData, from = 0, to = data.n) {
  const cut = <T extends ArrayLike<number>>(a: T) => Array.from(a).slice(from, to);
  return {
    group: cut(data.group),
    weight: cut(data.weight),
    items: [...data.items].map(([id, a]) => [id, cut(a.codes)]),
    nps: data.nps ? cut(data.nps) : undefined,
    background: [...data.background].map(([id, a]) => [id, cut(a)]),
  };
}

/** The records of a well-quoted CSV text: start and end (after the line end) of each, the header first. */
function records(text: string): { start: number; end: number; body: string }[] {
  const out: { start: number; end: number; body: string }[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      const body = text.slice(start, i);
      if (c === '\r' && text[i + 1] === '\n') i++;
      out.push({ start, end: i + 1, body });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length, body: text.slice(start) });
  return out;
}

/**
 * The truncation oracle. `cut` is a prefix of the well-formed `whole`, whose
 * every data row loads (`full`). Either the cut text is refused with an error
 * naming the file, or it loads exactly the rows that are complete in it: the
 * rows that ended before the cut, plus the row being cut only if what is left
 * of it is the whole row, or the row up to its last delimiter (a blank last
 * field, indistinguishable from a row that leaves it blank).
 */
function expectTruncationOk(cut: string, whole: string, full: EditionData, res: ParseResponsesResult, s: Study, delimiter = ','): void {
  expectWellFormed(res, cut, s);
  if (!res.data) {
    expect(res.issues.some((i) => i.severity === 'error' && i.file === FILE)).toBe(true);
    return;
  }
  const recs = records(whole).slice(1);
  const c = cut.length;
  const k = recs.filter((r) => r.end <= c).length;
  const partial = k < recs.length && c > recs[k].start ? whole.slice(recs[k].start, c) : '';
  const n = res.data.n;
  expect(columnsOf(res.data, 0, k)).toEqual(columnsOf(full, 0, k));
  if (partial.trim() === '') {
    expect(n, `a cut at ${c} loads the ${k} complete rows`).toBe(k);
    return;
  }
  const body = recs[k].body;
  const wholeRow = partial === body || partial === `${body}\r`;
  const lastBlank = partial === body.slice(0, body.lastIndexOf(delimiter) + 1);
  expect(wholeRow || lastBlank, `a cut at ${c} leaves ${JSON.stringify(partial)} of ${JSON.stringify(body)}, yet the file loaded`).toBe(true);
  expect(n).toBe(k + 1);
  const got = columnsOf(res.data, k, k + 1);
  const want = columnsOf(full, k, k + 1);
  if (!wholeRow) {
    // The last column (a background variable in these files) was cut off: blank.
    const last = want.background.length - 1;
    want.background[last] = [want.background[last][0], [-1]];
  }
  expect(got).toEqual(want);
}

// ---------------------------------------------------------------------------
// Generated files for the fuzzers: valid rows of the fixture study, open
// answers with delimiters, quotes, line breaks and multi-byte letters.

const REASON_PIECES = ['hyvä', 'palvelu', ' ', ',', ';', '\t', '"', '\n', 'ä', 'ö', '€', '😀', 'x'];
const reasonArb = fc.array(fc.constantFrom(...REASON_PIECES), { maxLength: 8 }).map((p) => p.join(''));

const rowArb = fc.record({
  group: fc.constantFrom('A', 'B', 'C'),
  weight: fc.constantFrom('1', '0.5', '1.25', '2'),
  items: fc.array(fc.constantFrom('', '1', '2', '3', '4', '5', '6'), { minLength: 4, maxLength: 4 }),
  nps: fc.constantFrom('', '0', '5', '9', '10'),
  reason: reasonArb,
  age: fc.constantFrom('', '1', '2', '3'),
  region: fc.constantFrom('', 'uusimaa', 'muu'),
});
type Row = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

const quoteField = (f: string, d: string) => (/["\n\r]/.test(f) || f.includes(d) ? `"${f.replaceAll('"', '""')}"` : f);
const rowText = (r: Row, i: number, d = ',') => [`r${i + 1}`, r.group, r.weight, ...r.items, r.nps, r.reason, r.age, r.region].map((f) => quoteField(f, d)).join(d);
const fileText = (rows: Row[], eol = '\n', d = ',') => [HEADER.replaceAll(',', d), ...rows.map((r, i) => rowText(r, i, d))].map((l) => l + eol).join('');

// ---------------------------------------------------------------------------

describe('fuzz: random bytes', () => {
  it('decodeText and parseResponses end in a load or errors naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, publish) => {
        const decoded = timed(() => decodeText(bytes, FILE));
        for (const i of decoded.issues) expect(i.file).toBe(FILE);
        if (decoded.text === undefined) {
          expect(decoded.issues.some((i) => i.severity === 'error')).toBe(true);
          return;
        }
        const s = publish ? quoting : study;
        expectWellFormed(parse(decoded.text, s), decoded.text, s);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('CSV-like noise after a valid header (delimiters, quotes, line ends, answers) is loaded or refused cleanly', () => {
    const token = fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '1', '3', '6', '10', '1,5', 'A', 'B', 'C', 'x', 'ä', '😀', 'muu', 'r1', 'r2');
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.array(token, { maxLength: 300 }), fc.boolean(), (d, tokens, publish) => {
        const text = `${HEADER.replaceAll(',', d)}\n${tokens.join('')}`;
        const s = publish ? quoting : study;
        expectWellFormed(parse(text, s), text, s);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('readStudy on a folder with a file of random bytes gives what decodeText and parseResponses give', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.array(fc.constantFrom(...REASON_PIECES, ',', '1', 'A', '\r\n'), { maxLength: 200 }).map((t) => new TextEncoder().encode(`${HEADER}\n${t.join('')}`)),
        ),
        async (bytes) => {
          const dir = join(tmpRoot, `bytes-${run++}`);
          mkdirSync(join(dir, '2024'), { recursive: true });
          writeFileSync(join(dir, 'study.json'), STUDY_TEXT);
          writeFileSync(join(dir, '2024', 'responses.csv'), bytes);
          const file = join(dir, '2024', 'responses.csv');
          const t0 = performance.now();
          const load = await readStudy(dir);
          expect(performance.now() - t0).toBeLessThan(5 * SMALL_MS);
          const decoded = decodeText(bytes, file);
          const whole = decoded.text === undefined ? undefined : parseResponses(decoded.text, file, 2024, study);
          expect(load.issues).toEqual([...decoded.issues, ...(whole?.issues ?? [])]);
          if (whole?.data) expect(load.editions).toEqual([whole.data]);
          else expect(load.editions).toEqual([]);
          if (whole) expect(load.files.map((f) => [f.rows, f.loaded])).toEqual([[whole.rows, whole.data !== undefined]]);
        },
      ),
      { seed: SEED + 2, numRuns: 6 },
    );
  });
});

describe('fuzz: truncation', () => {
  const full = parseResponses(GOOD_TEXT, FILE, 2024, study).data!;

  it('the fixture file cut at every character loads only its complete rows, or is refused', () => {
    expect(full.n).toBe(24);
    for (const eol of ['\n', '\r\n', '\r']) {
      const whole = GOOD_TEXT.replaceAll('\n', eol);
      const fullHere = parse(whole).data!;
      expect(columnsOf(fullHere)).toEqual(columnsOf(full));
      for (let c = 0; c <= whole.length; c++) {
        const cut = whole.slice(0, c);
        expectTruncationOk(cut, whole, full, parse(cut), study);
      }
    }
  });

  it('the fixture file cut at every byte (also inside a multi-byte letter) loads only its complete rows, or is refused', () => {
    for (let b = 0; b <= GOOD_BYTES.length; b++) {
      const bytes = GOOD_BYTES.subarray(0, b);
      const decoded = decodeText(bytes, FILE);
      const text = decoded.text!;
      const res = parse(text);
      expectWellFormed(res, text);
      if (decoded.issues.length > 0) {
        // Cut inside a letter: read as Windows-1252 with a warning. The letters
        // of this file are all in open answers, so the cut row is incomplete.
        expect(decoded.issues.map((i) => i.message)).toEqual(['the file is not valid UTF-8, so it was read as Windows-1252 (Latin-1)']);
        expect(res.data).toBeUndefined();
        expect(res.issues.some((i) => i.severity === 'error' && i.file === FILE && i.line !== undefined)).toBe(true);
      } else {
        expect(GOOD_TEXT.startsWith(text)).toBe(true);
        expectTruncationOk(text, GOOD_TEXT, full, res, study);
      }
    }
  });

  it('generated files cut at random characters and bytes, inside quoted fields and letters', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(',', ';', '\t'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (rows, eol, d, at, byBytes) => {
          const whole = fileText(rows, eol, d);
          const wholeRes = parseResponses(whole, FILE, 2024, quoting);
          expect(wholeRes.issues.filter((i) => i.severity === 'error')).toEqual([]);
          const full = wholeRes.data!;
          if (!byBytes) {
            const cut = whole.slice(0, Math.floor(at * whole.length));
            expectTruncationOk(cut, whole, full, parse(cut, quoting), quoting, d);
            return;
          }
          const bytes = new TextEncoder().encode(whole);
          const decoded = decodeText(bytes.subarray(0, Math.floor(at * bytes.length)), FILE);
          const res = parse(decoded.text!, quoting);
          if (decoded.issues.length > 0) {
            // Cut inside a letter, which only open answers have: the row is incomplete.
            expectWellFormed(res, decoded.text!, quoting);
            expect(res.data).toBeUndefined();
          } else expectTruncationOk(decoded.text!, whole, full, res, quoting, d);
        },
      ),
      { seed: SEED + 3, numRuns: 300 },
    );
  });
});

describe('fuzz: stray quotes, delimiters and line ends', () => {
  const full = parseResponses(GOOD_TEXT, FILE, 2024, study).data!;
  const rowsOf = (text: string) => records(text).slice(1);

  it('one or two stray characters anywhere: the same data, or errors naming the file', () => {
    const stray = fc.record({ at: fc.nat({ max: GOOD_TEXT.length }), c: fc.constantFrom('"', ',', ';', '\t', '\n', '\r', '\r\n', ' ') });
    fc.assert(
      fc.property(fc.array(stray, { minLength: 1, maxLength: 2 }), (inserts) => {
        let text = GOOD_TEXT;
        for (const { at, c } of [...inserts].sort((a, b) => b.at - a.at)) text = text.slice(0, at) + c + text.slice(at);
        const res = parse(text);
        expectWellFormed(res, text);
        // Two stray characters cannot make another valid row of this file, so
        // a load must be the very same data.
        if (res.data) expect(columnsOf(res.data)).toEqual(columnsOf(full));
      }),
      { seed: SEED + 4, numRuns: 400 },
    );
  });

  it('a doubled delimiter is an error on its row', () => {
    const recs = rowsOf(GOOD_TEXT);
    fc.assert(
      fc.property(fc.nat({ max: recs.length - 1 }), fc.nat(), (r, k) => {
        const rec = recs[r];
        // The row's delimiters outside quotes.
        const commas: number[] = [];
        let quoted = false;
        for (let i = rec.start; i < rec.start + rec.body.length; i++) {
          if (GOOD_TEXT[i] === '"') quoted = !quoted;
          else if (!quoted && GOOD_TEXT[i] === ',') commas.push(i);
        }
        const at = commas[k % commas.length];
        const text = `${GOOD_TEXT.slice(0, at)},${GOOD_TEXT.slice(at)}`;
        const res = parse(text);
        expectWellFormed(res, text);
        expect(res.data).toBeUndefined();
        const line = physicalLines(GOOD_TEXT.slice(0, rec.start)).length;
        expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', file: FILE, line, message: 'the row has 12 fields but the header has 11' }));
        expect(res.rows).toEqual({ read: 24, used: 23, rejected: 1 });
      }),
      { seed: SEED + 5, numRuns: 60 },
    );
  });

  it('a quote opened and never closed is an error on the line where it opens', () => {
    fc.assert(
      fc.property(
        fc.array(
          rowArb.map((r) => ({ ...r, reason: r.reason.replace(/["\n\r,]/g, '') })),
          { minLength: 2, maxLength: 20 },
        ),
        fc.nat(),
        fc.nat({ max: 10 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, pick, field, eol) => {
          const r = pick % rows.length;
          const lines = rows.map((row, i) => rowText(row, i));
          const fields = lines[r].split(',');
          if (fields.length !== 11) return; // a reason with a comma is quoted: keep the test simple
          fields[field] = `"${fields[field]}`;
          lines[r] = fields.join(',');
          const text = [HEADER, ...lines].map((l) => l + eol).join('');
          const res = parse(text);
          expectWellFormed(res, text);
          expect(res.data).toBeUndefined();
          expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', file: FILE, line: r + 2, message: expect.stringContaining('closing quote is missing') }));
        },
      ),
      { seed: SEED + 6, numRuns: 100 },
    );
  });

  it('any mix of LF, CRLF and CR line ends gives the same load as LF', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.constantFrom('\n', '\r\n', '\r')), (rows, eols) => {
        const lf = fileText(rows);
        const mixed = records(lf)
          .map((rec) => rec.body.replaceAll('\n', eols.next().value) + eols.next().value)
          .join('');
        const a = parse(lf, quoting);
        const b = parse(mixed, quoting);
        expectWellFormed(b, mixed, quoting);
        expect(b).toEqual(a);
      }),
      { seed: SEED + 7, numRuns: 150 },
    );
  });
});

describe('fuzz: odd shapes', () => {
  it('zero bytes, white space only, a header only', () => {
    for (const text of ['', '\n', ' \r\n\t ', '\uFEFF']) {
      const res = parse(text);
      expectWellFormed(res, text);
      expect(res.issues).toEqual([expect.objectContaining({ severity: 'error', file: FILE, message: 'the file is empty' })]);
    }
    expect(decodeText(new Uint8Array(0), FILE)).toEqual({ text: '', issues: [] });
    for (const text of [HEADER, `${HEADER}\n`, `${HEADER}\r\n\r\n`]) {
      const res = parse(text);
      expectWellFormed(res, text);
      expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', file: FILE, line: 1, message: 'the file has a header but no data rows' }));
      expect(res.rows).toEqual({ read: 0, used: 0, rejected: 0 });
    }
  });

  it('an empty header name is an unused column, or a missing column when it replaces one', () => {
    const extra = `${HEADER},\n${okRows(15)
      .map((r) => `${r},x\n`)
      .join('')}`;
    const a = parse(extra);
    expectWellFormed(a, extra);
    expect(a.data?.n).toBe(15);
    expect(a.issues).toContainEqual(expect.objectContaining({ severity: 'warning', line: 1, message: 'column not used by study.json: "(unnamed field 12)"' }));
    const blanked = `${HEADER.replace('int2', ' ')}\n${okRows(15).join('\n')}\n`;
    const b = parse(blanked);
    expectWellFormed(b, blanked);
    expect(b.data).toBeUndefined();
    expect(b.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 1, column: 'int2', message: expect.stringContaining('is missing from the header') }));
  });

  it('very many columns', () => {
    const extra = 20_000;
    const names = Array.from({ length: extra }, (_, i) => `extra${i}`).join(',');
    const text = `${HEADER},${names}\n${okRows(30)
      .map((r) => `${r}${',7'.repeat(extra)}\n`)
      .join('')}`;
    const res = timed(() => parseResponses(text, FILE, 2024, study), 10_000);
    expectWellFormed(res, text);
    expect(res.data?.n).toBe(30);
    const warning = res.issues.find((i) => i.message.startsWith('columns not used'))!;
    expect(warning.message.length).toBeLessThan(400);
    // Thousands of unnamed columns, and a short row among them.
    const unnamed = `${HEADER}${','.repeat(extra)}\n${okRows(3)
      .map((r) => `${r}${','.repeat(extra)}\n`)
      .join('')}r9,A,1\n`;
    const u = timed(() => parseResponses(unnamed, FILE, 2024, study), 10_000);
    expectWellFormed(u, unnamed);
    expect(u.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 5, message: `the row has 3 fields but the header has ${11 + extra}` }));
  });

  it('a huge open answer (1 and 5 MB) loads whole, in one piece and streamed in pieces', () => {
    for (const mb of [1, 5]) {
      const reason = 'Hyvä, "nopea"\npalvelu. '.repeat(Math.ceil((mb << 20) / 24)).slice(0, mb << 20);
      const text = `${HEADER}\n${okRows(14, 2).join('\n')}\nr1,A,1,3,4,5,2,8,"${reason.replaceAll('"', '""')}",1,muu\n`;
      const res = timed(() => parseResponses(text, FILE, 2024, quoting), 10_000);
      expectWellFormed(res, text, quoting);
      expect(res.data?.n).toBe(15);
      // Loaded whole, but too long to be quoted: one warning says so, without the text.
      expect(res.data!.quoteCandidates![0]).toEqual([]);
      expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'warning', line: 16, message: 'an open answer is longer than 2,000 characters and not considered for quotes (line 16)' }));
      const streamed = timed(() => inPieces(text, [1 << 16, 1 << 20], quoting), 10_000);
      expect(streamed).toEqual(res);
    }
  });

  it('a huge field of letters in an answer column is an error on its line, found quickly', () => {
    const huge = 'x'.repeat(1 << 20);
    const text = `${HEADER}\n${okRows(14, 2).join('\n')}\nr1,A,1,${huge},4,5,2,8,,1,muu\n`;
    const res = timed(() => parseResponses(text, FILE, 2024, study), 5_000);
    expectWellFormed(res, text);
    expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 16, column: 'int1', message: expect.stringContaining('is not a number') }));
  });

  it('a 1 MB quoted field that never closes is one error on the line where it opens', () => {
    const text = `${HEADER}\n${okRows(14, 2).join('\n')}\nr1,A,1,3,4,5,2,8,"${'a,b\n'.repeat(1 << 18)}`;
    const res = timed(() => parseResponses(text, FILE, 2024, study), 5_000);
    expectWellFormed(res, text);
    expect(res.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ line: 16, column: 'nps_why', message: expect.stringContaining('closing quote is missing') })]);
    const streamed = timed(() => inPieces(text, [1 << 16]), 10_000);
    expect(streamed).toEqual(res);
  });
});

// ---------------------------------------------------------------------------
// A parse in a worker thread, stopped after a time limit: for inputs that
// could make a parse run (nearly) forever.

const PARSE_URL = new URL('../../src/load/parse-responses.ts', import.meta.url).href;
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then(({ parseResponses }) => {
  const r = parseResponses(workerData.text, workerData.file, 2024, workerData.study);
  parentPort.postMessage({ n: r.data?.n, rows: r.rows, issues: r.issues });
});`;

type WorkerResult = { done: false } | { done: true; n?: number; rows: ParseResponsesResult['rows']; issues: InputIssue[] };

function parseWithin(text: string, ms: number, s: Study = study): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { url: PARSE_URL, text, file: FILE, study: s } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ done: false });
    }, ms);
    worker.once('message', (m: Omit<Extract<WorkerResult, { done: true }>, 'done'>) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ done: true, ...m });
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('fuzz: parses that must finish (run in a worker with a time limit)', () => {
  it('the worker harness finishes a normal parse', async () => {
    const res = await parseWithin(`${HEADER}\n${okRows(30).join('\n')}\n`, 10_000);
    expect(res).toMatchObject({ done: true, n: 30 });
  });

  it('a 1 MB field of digits in an answer column is an error (not a whole number on the scale)', async () => {
    const text = `${HEADER}\n${okRows(14, 2).join('\n')}\nr1,A,1,${'1'.repeat(1 << 20)},4,5,2,8,,1,muu\n`;
    const res = await parseWithin(text, 10_000);
    expect(res.done).toBe(true);
    if (!res.done) return;
    expect(res.n).toBeUndefined();
    expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 16, column: 'int1' }));
  });
});

describe('a long run of digits followed by another character is refused at once (the number pattern cannot backtrack quadratically)', () => {
  // An ambiguous pattern such as \d+\.?\d* tries every split of the digits on
  // "111…1x": n digits cost ~n²/2 steps (20 000 digits ≈ 0.2 s, 1 MB ≈ minutes).
  it('a 1 MB field "111…1x" in an answer, the weight and the NPS column is an error within 3 s', async () => {
    const long = `${'1'.repeat(1 << 20)}x`;
    const text = `${HEADER}\n${okRows(14, 2).join('\n')}\nr1,A,1,${long},4,5,2,8,,1,muu\nr16,A,${long},3,4,5,2,8,,1,muu\nr17,A,1,3,4,5,2,${long},,1,muu\n`;
    const res = await parseWithin(text, 3_000);
    expect(res.done, 'the parse did not finish within 3 s').toBe(true);
    if (!res.done) return;
    expect(res.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column])).toEqual([
      [16, 'int1'],
      [17, 'weight'],
      [18, 'nps'],
    ]);
  });
});

describe('a weight too large for a double (1e999, 400 digits) is an error, not Infinity', () => {
  // parseNumber gives Infinity, which is neither NaN, zero nor negative; used as a
  // weight it would make every weighted estimate of the edition NaN.
  for (const w of ['1e999', '1'.repeat(400)]) {
    it(`weight "${w.slice(0, 12)}${w.length > 12 ? '…' : ''}" is an error`, () => {
      const text = `${HEADER}\n${okRows(14, 2).join('\n')}\nr1,A,${w},3,4,5,2,8,,1,muu\n`;
      const res = parse(text);
      expect(res.data?.weight[14]).toBeUndefined();
      // Values longer than 80 characters are quoted cut, with their length.
      const shown = w.length > 80 ? `${w.slice(0, 80)}… (${w.length} characters)` : w;
      expect(res.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 16, column: 'weight', value: shown, message: `value "${shown}" is too large to be a weight` }));
    });
  }
});

// ---------------------------------------------------------------------------

describe('fuzz: the chunked parser', () => {
  it('the same text pushed in random pieces gives exactly what parseResponses gives', () => {
    const token = fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '  ', '1', '3', '6', '1.5', '1,5', 'A', 'B', 'x', 'ä', '😀', 'muu', 'r1', 'r2');
    const textArb = fc.oneof(
      fc.array(rowArb, { maxLength: 25 }).chain((rows) => fc.tuple(fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom(',', ';', '\t')).map(([eol, d]) => fileText(rows, eol, d))),
      fc
        .tuple(fc.constantFrom('', ' \n', '\n\n', '\r'), fc.constantFrom(',', ';', '\t'), fc.array(token, { maxLength: 200 }))
        .map(([lead, d, t]) => `${lead}${HEADER.replaceAll(',', d)}\n${t.join('')}`),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    fc.assert(
      fc.property(textArb, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), fc.boolean(), (text, sizes, publish) => {
        const s = publish ? quoting : study;
        const whole = parse(text, s);
        const pieces = timed(() => inPieces(text, sizes, s));
        expect(pieces).toEqual(whole);
      }),
      { seed: SEED + 8, numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------

describe('fuzz: parseStudy', () => {
  const base = JSON.parse(STUDY_TEXT) as Record<string, unknown>;

  const expectProblemsOrStudy = (text: string) => {
    let result: ReturnType<typeof parseStudy> | undefined;
    const t0 = performance.now();
    expect(() => (result = parseStudy(text))).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(SMALL_MS);
    if (result!.ok) return result!;
    expect(result!.problems.length).toBeGreaterThan(0);
    for (const p of result!.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.path.length).toBeGreaterThan(0);
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
    return result!;
  };

  it('random JSON values and random text give problems with paths, never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
          fc.string({ maxLength: 200 }),
          fc.constant('{"__proto__": {"id": 1}}'),
        ),
        (text) => {
          expectProblemsOrStudy(text);
        },
      ),
      { seed: SEED + 9, numRuns: 300 },
    );
  });

  /** Every path (list of keys) in a JSON value. */
  const pathsOf = (v: unknown, at: (string | number)[] = []): (string | number)[][] => {
    const out: (string | number)[][] = [at];
    if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
    return out;
  };
  const allPaths = pathsOf(base).filter((p) => p.length > 0);

  const mutation = fc.record({
    path: fc.constantFrom(...allPaths),
    op: fc.oneof(
      fc.constant({ kind: 'drop' as const }),
      fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'set' as const, value })),
      fc.constantFrom(null, 0, -1, 1.5, 1e308, '', 'x', true, [], {}).map((value) => ({ kind: 'set' as const, value })),
    ),
  });
  /** At most one huge array per definition (nested huge arrays would multiply). */
  const hugeArray = fc.option(fc.record({ path: fc.constantFrom(...allPaths), size: fc.integer({ min: 1000, max: 3000 }) }), { nil: undefined });

  it('random mutations of the sample study.json (dropped keys, wrong types, huge arrays) give a study or problems with paths', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), hugeArray, (mutations, huge) => {
        const s = structuredClone(base) as Record<string | number, unknown>;
        const ops: { path: (string | number)[]; op: { kind: 'drop' } | { kind: 'set'; value: unknown } | { kind: 'huge'; size: number } }[] = [...mutations];
        if (huge) ops.push({ path: huge.path, op: { kind: 'huge', size: huge.size } });
        for (const { path, op } of ops) {
          let parent: Record<string | number, unknown> | undefined = s;
          for (const key of path.slice(0, -1)) {
            const next: unknown = parent?.[key];
            parent = next !== null && typeof next === 'object' ? (next as Record<string | number, unknown>) : undefined;
          }
          if (!parent) continue;
          const key = path[path.length - 1];
          const old = parent[key];
          if (op.kind === 'drop') {
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete parent[key];
          } else if (op.kind === 'set') parent[key] = op.value;
          else parent[key] = Array.from({ length: op.size }, (_, i) => (i % 2 === 0 ? structuredClone(old) : { ...(old as object), id: `x${i}`, code: `c${i}` }));
        }
        const result = expectProblemsOrStudy(JSON.stringify(s));
        if (result.ok) {
          // A definition that validates loads a valid file without throwing.
          const text = `${HEADER}\n${okRows(15).join('\n')}\n`;
          expectWellFormed(parse(text, result.study), text, result.study);
        }
      }),
      { seed: SEED + 10, numRuns: 150 },
    );
  });

  it('a deeply nested or very large study.json is refused with a message', () => {
    for (const text of ['['.repeat(50_000) + ']'.repeat(50_000), `{"id": "${'a'.repeat(1 << 20)}"}`, '{'.repeat(1000), '\uFEFF', '']) {
      const result = expectProblemsOrStudy(text);
      expect(result.ok).toBe(false);
    }
  });
});

// A smoke check of the helpers the fuzzers rely on.
describe('fuzz helpers', () => {
  it('records() splits the fixture into its header and 24 rows, one spanning two lines', () => {
    const recs = records(GOOD_TEXT);
    expect(recs).toHaveLength(25);
    expect(recs.filter((r) => r.body.includes('\n'))).toHaveLength(1);
    expect(ok('r1')).toBe(okRows(1)[0]);
  });
});
