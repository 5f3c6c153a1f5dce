/**
 * The scanner's fast path proven against papaparse: on generated texts
 * (quoted fields with delimiters, escaped quotes and newlines inside,
 * unclosed and malformed quotes, empty fields and blank lines, CRLF, every
 * delimiter) cut into random pieces, CsvScanner gives the rows, line numbers,
 * quoting problems and skipped empty lines of one Papa.parse over the whole
 * text, whether its in-place visitor takes the rows it is offered or not.
 * Fixed seeds.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/load/csv-scanner.ts';
import type { Delimiter } from '../../src/load/delimiter.ts';
import { LineEndNormaliser, normaliseLineEnds } from '../../src/load/line-ends.ts';
import type { QuoteProblem } from '../../src/load/quote-problem.ts';

const SEED = 20_261_128;

interface Row {
  fields: string[];
  line: number;
  quote?: QuoteProblem;
}

/** Papa.parse over the whole text: the rows the scanner should give (blank ones left out) and the empty lines between them. */
function papaRows(text: string, delimiter: Delimiter): { rows: Row[]; skipped: number[] } {
  const rows: Row[] = [];
  const blank: number[] = [];
  const skipped: number[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    step: (result) => {
      for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
      counted = start;
      const at = line;
      start = result.meta.cursor;
      let quote: QuoteProblem | undefined;
      for (const e of result.errors) {
        if (e.code === 'InvalidQuotes') quote = 'malformed';
        else if (e.code === 'MissingQuotes' && quote === undefined) quote = 'unclosed';
      }
      const fields = result.data;
      if (quote === undefined && fields.every((f) => f.trim() === '')) {
        blank.push(at);
        return;
      }
      skipped.push(...blank);
      blank.length = 0;
      rows.push({ fields, line: at, ...(quote ? { quote } : {}) });
    },
  });
  return { rows, skipped };
}

/** How the scanner is read: without an in-place visitor, with one taking every row, or one declining every other. */
type Mode = 'strings' | 'in place' | 'declining';

function scannerRows(pieces: string[], delimiter: Delimiter, mode: Mode): { rows: Row[]; skipped: number[] } {
  const rows: Row[] = [];
  const visit = (fields: string[], line: number, quote: QuoteProblem | undefined) => rows.push({ fields, line, ...(quote ? { quote } : {}) });
  let offered = 0;
  const inPlace = (text: string, starts: Int32Array, ends: Int32Array, firsts: Int32Array, count: number, line: number): boolean => {
    if (mode === 'declining' && offered++ % 2 === 0) return false;
    const fields = Array.from({ length: count }, (_, k) => text.slice(starts[k], ends[k]));
    fields.forEach((f, k) => expect(firsts[k]).toBe(f === '' ? -1 : f.charCodeAt(0)));
    rows.push({ fields, line });
    return true;
  };
  const scanner = new CsvScanner(delimiter, visit, mode === 'strings' ? undefined : inPlace);
  const lineEnds = new LineEndNormaliser();
  for (const piece of pieces) scanner.push(lineEnds.push(piece));
  const tail = lineEnds.end();
  if (tail !== '') scanner.push(tail);
  return { rows, skipped: scanner.end().skippedEmptyLines };
}

/** Cuts a text at the given fractions of its length. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

const delimiterArb = fc.constantFrom<Delimiter>(',', ';', '\t');
const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
const modeArb = fc.constantFrom<Mode>('strings', 'in place', 'declining');

/** A field's text: plain, or holding delimiters, quotes, line ends, spaces and letters. */
const textArb = fc.array(fc.constantFrom('a', 'B', '1', '23', ' ', 'ö', '😀', ',', ';', '\t', '"', '\n', '\r\n'), { maxLength: 5 }).map((p) => p.join(''));
/** A field as written: bare (as it comes, which may break the quoting), quoted with its quotes doubled, or empty. */
const fieldArb = fc.oneof(
  textArb.map((t) => t.replace(/[\n\r"]/g, '')),
  textArb,
  textArb.map((t) => `"${t.replace(/"/g, '""')}"`),
  fc.constant(''),
  fc.constant('   '),
);
/** A whole text: rows of fields joined by a delimiter, lines ended by LF or CRLF, perhaps no newline at the end. */
function textOf(rows: string[][], delimiter: Delimiter, crlf: boolean[], lastNewline: boolean): string {
  return rows.map((r, i) => r.join(delimiter) + (i < rows.length - 1 || lastNewline ? (crlf[i % Math.max(1, crlf.length)] ? '\r\n' : '\n') : '')).join('');
}
const tableArb = fc.record({
  rows: fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
  delimiter: delimiterArb,
  crlf: fc.array(fc.boolean(), { maxLength: 4 }),
  lastNewline: fc.boolean(),
  cuts: cutsArb,
  mode: modeArb,
});

describe('CsvScanner gives the rows of Papa.parse', () => {
  it('on generated tables with quoted, empty and broken fields, cut anywhere', () => {
    fc.assert(
      fc.property(tableArb, ({ rows, delimiter, crlf, lastNewline, cuts, mode }) => {
        const text = textOf(rows, delimiter, crlf, lastNewline);
        const expected = papaRows(normaliseLineEnds(text), delimiter);
        expect(scannerRows(cut(text, cuts), delimiter, mode)).toEqual(expected);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('on generated runs of characters that matter to the quoting', () => {
    const charsArb = fc.array(fc.constantFrom('a', ' ', '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', '\n\n', 'x"y'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(charsArb, delimiterArb, cutsArb, modeArb, (text, delimiter, cuts, mode) => {
        const expected = papaRows(normaliseLineEnds(text), delimiter);
        expect(scannerRows(cut(text, cuts), delimiter, mode)).toEqual(expected);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('on a plain table of many rows in small pieces', () => {
    const text = Array.from({ length: 300 }, (_, i) => `r${i},A,1,${i % 5},"x, ""y""",,3\n`).join('');
    for (const mode of ['strings', 'in place', 'declining'] as const) {
      const pieces = text.match(/[\s\S]{1,7}/g)!;
      expect(scannerRows(pieces, ',', mode)).toEqual(papaRows(text, ','));
    }
  });
});
