import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseStudy } from '../../src/study/parse.ts';
import type { Study } from '../../src/study/schema.ts';
import { parseResponses, ResponsesParser, type ParseResponsesResult } from '../../src/load/parse-responses.ts';
import { formatIssue } from '../../src/issues/format-issue.ts';
import type { InputIssue } from '../../src/load/types.ts';

/** The folder of the loader fixtures, as an absolute path. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/load/', import.meta.url));

function loadStudy(): Study {
  const parsed = parseStudy(readFileSync(`${FIXTURES}study.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.study;
}

/** The fixture study: groups A, B, C; scale 1–5 with can't-say 6; items int1, int2, int3, q4; NPS with reason; background age, region. */
export const study: Study = loadStudy();

/** The fixture study with quotes published: the loader then keeps the ids and the open answers. */
export const quoting: Study = { ...study, nps: { ...study.nps!, quotes: { publish: true, perGroup: 8 } } };

export const HEADER = 'resp_id,group,weight,int1,int2,int3,q4,nps,nps_why,age,region';
/** A valid row with the given id and group. */
export const ok = (id: string, group = 'A') => `${id},${group},1,3,4,5,2,8,,1,muu`;

/** A file: the header, then the rows, each ending in a newline. */
export const csv = (...rows: string[]) => [HEADER, ...rows].map((r) => `${r}\n`).join('');

/** A valid file with n rows, ids r1…rn, spread over the groups A, B, C so each has at least minBase. */
export const okRows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ok(`r${from + i}`, 'ABC'[i % 3]));

export const FILE = 'data/2024/responses.csv';

export function parse(text: string, s: Study = study): ParseResponsesResult {
  return parseResponses(text, FILE, 2024, s);
}

/** The issues as `luotain check` prints them. */
export const shown = (issues: InputIssue[]) => issues.map(formatIssue);
export const errorsOf = (issues: InputIssue[]) => shown(issues.filter((i) => i.severity === 'error'));
export const warningsOf = (issues: InputIssue[]) => shown(issues.filter((i) => i.severity === 'warning'));

/** Calls `take` with the ranges [from, to) that cut `length` into pieces of the given sizes (repeating the list). */
export function eachPiece(length: number, sizes: number[], take: (from: number, to: number) => void): void {
  let at = 0;
  let k = 0;
  while (at < length) {
    const size = sizes[k++ % sizes.length];
    take(at, Math.min(length, at + size));
    at += size;
  }
}

/** Parses the text cut into pieces of the given sizes (repeating the list), as the file stream delivers it. */
export function inPieces(text: string, sizes: number[], s: Study = study): ParseResponsesResult {
  const parser = new ResponsesParser(FILE, 2024, s);
  eachPiece(text.length, sizes, (from, to) => parser.push(text.slice(from, to)));
  return parser.end();
}
