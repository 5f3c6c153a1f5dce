/**
 * Adversarial cases of study.json: mistakes that used to pass silently (a key
 * written twice, two groups on one page, an id taken by a report section, a
 * label long enough to hang the charts) and syntax errors without a place.
 * Each case asserts the message as the analyst reads it: the JSON path, what
 * is wrong, and what to write.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/issues/format-issue.ts';
import { readStudy } from '../../src/load/read-study.ts';
import { parseStudy } from '../../src/study/index.ts';

const SAMPLE = readFileSync('data/study.json', 'utf8');

/** The problems of a study.json text as `path: message`, with the hint on a line of its own. */
function problemsOf(text: string): string[] {
  const result = parseStudy(text);
  if (result.ok) return [];
  return result.problems.map((p) => `${p.path}: ${p.message}${p.hint ? `\n  → ${p.hint}` : ''}`);
}

/** The problems of the sample study changed by `mutate`. */
function problems(mutate: (s: any) => void): string[] {
  const copy = JSON.parse(SAMPLE);
  mutate(copy);
  return problemsOf(JSON.stringify(copy, null, 2));
}

/** The sample's text with one piece replaced (which must be there). */
function edited(from: string, to: string): string {
  expect(SAMPLE).toContain(from);
  return SAMPLE.replace(from, to);
}

describe('silent: a key written twice in study.json', () => {
  it('silent: duplicate key minBase in study.json', () => {
    expect(problemsOf(edited('"highCantSayShare": 0.3', '"highCantSayShare": 0.3,\n  "minBase": 5'))).toEqual([
      'minBase: duplicate key "minBase" on line 145 (also on line 143) in the top-level object; only the last one would count\n  → Keep one "minBase" in the top-level object and delete the other.',
    ]);
  });

  it('silent: duplicate key in a nested object (a group label\'s "fi", once written as an escape)', () => {
    const text = edited(
      '{ "code": "private", "label": { "fi": "Yksityisasiakkaat", "sv": "Privatkunder", "en": "Private customers" } }',
      '{ "code": "private", "label": { "fi": "Yksityisasiakkaat", "sv": "Privatkunder", "en": "Private customers",\n      "\\u0066i": "Kotitaloudet" } }',
    );
    expect(problemsOf(text)).toEqual([
      'groups[1].label.fi: duplicate key "fi" on line 36 (also on line 35) in groups[1].label; only the last one would count\n  → Keep one "fi" in groups[1].label and delete the other.',
    ]);
  });

  it('silent: the same key three times', () => {
    const text = edited('"minBase": 30,', '"minBase": 30,\n  "minBase": 20,\n  "minBase": 5,');
    expect(problemsOf(text)).toEqual([
      'minBase: duplicate key "minBase" on line 144 (also on line 143) in the top-level object; only the last one would count\n  → Keep one "minBase" in the top-level object and delete the other.',
      'minBase: duplicate key "minBase" on line 145 (also on lines 143 and 144) in the top-level object; only the last one would count\n  → Keep one "minBase" in the top-level object and delete the others.',
    ]);
  });

  it('silent: a duplicate key is listed with the other problems of the file', () => {
    const text = edited('"highCantSayShare": 0.3', '"highCantSayShare": 0.3,\n  "minBase": 2');
    expect(problemsOf(text)).toEqual([
      'minBase: duplicate key "minBase" on line 145 (also on line 143) in the top-level object; only the last one would count\n  → Keep one "minBase" in the top-level object and delete the other.',
      'minBase: must be at least 5, not 2',
    ]);
  });

  it('silent: a duplicate key, as check shows it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'luotain-study-'));
    try {
      mkdirSync(join(root, 'data', '2024'), { recursive: true });
      writeFileSync(join(root, 'data', 'study.json'), edited('"highCantSayShare": 0.3', '"highCantSayShare": 0.3,\n  "minBase": 5'));
      writeFileSync(join(root, 'data', '2024', 'responses.csv'), 'x\n');
      const load = await readStudy('data', { cwd: root });
      expect(load.study).toBeUndefined();
      expect(formatIssue(load.issues[0]!)).toMatch(
        /^error: data\/study\.json: minBase: duplicate key "minBase" on line 145 \(also on line 143\) in the top-level object; only the last one would count/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('unclear: syntax errors in study.json name the line and column', () => {
  for (const [name, from, to, expected] of [
    [
      'unclear: a missing comma between entries',
      '"minBase": 30,',
      '"minBase": 30',
      '(file): not valid JSON: line 144, column 3: expected "," or "}" after a value, found """: a comma is missing before it',
    ],
    [
      'unclear: a comma after the last entry of an object',
      '"highCantSayShare": 0.3',
      '"highCantSayShare": 0.3,',
      '(file): not valid JSON: line 145, column 1: a comma after the last entry: JSON allows no comma before "}", remove it',
    ],
    [
      'unclear: a comma after the last entry of a list',
      '"languages": ["fi", "sv", "en"]',
      '"languages": ["fi", "sv", "en",]',
      '(file): not valid JSON: line 14, column 34: a comma after the last entry: JSON allows no comma before "]", remove it',
    ],
    ['unclear: a comment', '"minBase": 30,', '"minBase": 30, // the default', '(file): not valid JSON: line 143, column 18: a comment: JSON has no comments, remove it'],
    ['unclear: a string in single quotes', '"minBase": 30,', '"minBase": \'30\',', '(file): not valid JSON: line 143, column 14: a string in single quotes: JSON strings need double quotes ("…")'],
    ['unclear: a key without quotes', '"minBase": 30,', 'minBase: 30,', '(file): not valid JSON: line 143, column 3: the key "minBase" needs double quotes'],
    [
      'unclear: a decimal comma',
      '"highCantSayShare": 0.3',
      '"highCantSayShare": 0,3',
      '(file): not valid JSON: line 144, column 25: expected a key in double quotes, found "3": JSON numbers take a decimal point (0.3), not a comma',
    ],
    ['unclear: a number with a leading zero', '"minBase": 30,', '"minBase": 030,', '(file): not valid JSON: line 143, column 14: "030" is not a JSON number: write numbers like 30, 0.3 or -1.5e3'],
    [
      'unclear: a line break inside a string',
      '"fi": "Kaukovesi Energia Oy",',
      '"fi": "Kaukovesi\nEnergia Oy",',
      '(file): not valid JSON: line 10, column 11: a string is not closed on its line: a closing " is missing (a line break inside a string is written \\n)',
    ],
    [
      'unclear: a backslash that is no escape',
      '"fi": "Kaukovesi Energia Oy",',
      '"fi": "Kaukovesi\\Energia Oy",',
      '(file): not valid JSON: line 10, column 21: "\\E" is not an escape JSON knows: a backslash is written \\\\',
    ],
    [
      'unclear: a missing closing brace at the end',
      '"highCantSayShare": 0.3\n}',
      '"highCantSayShare": 0.3\n',
      '(file): not valid JSON: line 146, column 1: the file ends before the object opened on line 1 is closed with "}"',
    ],
    [
      'unclear: a closing bracket of the wrong kind',
      '"languages": ["fi", "sv", "en"]',
      '"languages": ["fi", "sv", "en"}',
      '(file): not valid JSON: line 14, column 33: "}" closes nothing here: the list opened on line 14 ends with "]"',
    ],
    [
      'unclear: text after the end',
      '"highCantSayShare": 0.3\n}',
      '"highCantSayShare": 0.3\n}\n}',
      '(file): not valid JSON: line 146, column 1: more text after the end of the JSON, found "}": the file must hold one value, {…}',
    ],
  ] as const) {
    it(name, () => {
      expect(() => JSON.parse(edited(from, to))).toThrow();
      expect(problemsOf(edited(from, to))).toEqual([expected]);
    });
  }

  it('unclear: an empty study.json', () => {
    expect(problemsOf('')).toEqual(['(file): not valid JSON: line 1, column 1: the file is empty: it should hold one JSON object, {…}']);
    expect(problemsOf('\uFEFF \n')).toEqual(['(file): not valid JSON: line 2, column 1: the file is empty: it should hold one JSON object, {…}']);
  });

  it('hang: 200,000 nested lists are an error, not a stack overflow', () => {
    expect(problemsOf('['.repeat(200_000))).toEqual(['(file): not valid JSON: line 1, column 200001: the file ends before the list opened on line 1 is closed with "]"']);
    expect(problemsOf(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toEqual(['(top level): must be an object { … }, not a list']);
  });
});

describe('silent: two pages with one name', () => {
  it('silent: two group codes share a page (koti talous and group-1)', () => {
    expect(
      problems((s) => {
        s.groups[0].code = 'koti talous';
        s.groups[2].code = 'group-1';
      }),
    ).toEqual([
      'groups[2].code: the group code "group-1" would have the same page as groups[0] "koti talous", groups/group-1/ (a code with characters other than letters, digits, "-" and "_" gets a page named by its position), so one of them would be lost\n  → Give the group another code, in study.json and in the data; a code of letters, digits, "-" and "_" is its own page name.',
    ]);
  });

  it('silent: group codes that differ only in case (Public and public)', () => {
    expect(problems((s) => (s.groups[0].code = 'Public') && (s.groups[3].code = 'public'))).toEqual([
      'groups[3].code: the group code "public" differs from groups[0] "Public" only in case: on Windows and macOS, where file names are not case-sensitive, their pages groups/Public/ and groups/public/ are one folder, so one would be lost\n  → Give the group another code, in study.json and in the data; a code of letters, digits, "-" and "_" is its own page name.',
    ]);
  });

  it('silent: dimension ids that differ only in case (governance and Governance)', () => {
    expect(problems((s) => (s.dimensions[8].id = 'Governance'))).toEqual([
      'dimensions[8].id: the dimension id "Governance" differs from dimensions[0] "governance" only in case: on Windows and macOS, where file names are not case-sensitive, their pages areas/governance/ and areas/Governance/ are one folder, so one would be lost\n  → Give the dimension another id (and rename its commentary files); a code of letters, digits, "-" and "_" is its own page name.',
    ]);
  });

  it('silent: a group code equal to a dimension id shares its commentary file', () => {
    expect(problems((s) => (s.groups[1].code = 'finance'))).toEqual([
      'groups[1].code: the group code "finance" is also the id of dimensions[1] "finance", so the commentary in finance.md would show on both pages\n  → Give the group another code, in study.json and in the data.',
    ]);
  });

  it('unsafe: a dimension id that is not URL-safe', () => {
    expect(problems((s) => (s.dimensions[1].id = 'talous ja hallinto'))).toEqual(
      expect.arrayContaining(['dimensions[1].id: must start with a letter and contain only letters, digits, "_" or "-" (it names the area\'s page and its commentary file)']),
    );
  });

  it('traversal: a group code with "/" cannot name a commentary file', () => {
    expect(problems((s) => (s.groups[4].code = '../../../pwned'))).toEqual([
      'groups[4].code: the group code "../../../pwned" has a "/", which cannot be in a file name (the group\'s commentary is <code>.md)\n  → Recode the group, in study.json and in the data, with letters, digits, spaces, "-" or "_".',
    ]);
  });
});

describe('silent: an id taken by a report section', () => {
  it('silent: a dimension id equal to a fixed section (method)', () => {
    expect(problems((s) => (s.dimensions[8].id = 'method'))).toEqual([
      'dimensions[8].id: the dimension id "method" is the name of the method section, so the commentary in method.md would show on both pages\n  → Give the dimension another id (and rename its commentary files); "drivers", "trends", "benchmark", "method", "tables", "index" are the report\'s own sections.',
    ]);
  });

  it('silent: a group code equal to a fixed section (trends)', () => {
    expect(problems((s) => (s.groups[2].code = 'trends'))).toEqual([
      'groups[2].code: the group code "trends" is the name of the trends section, so the commentary in trends.md would show on both pages\n  → Give the group another code, in study.json and in the data; "drivers", "trends", "benchmark", "method", "tables", "index" are the report\'s own sections.',
    ]);
  });

  it('silent: a dimension id "index" is the summary\'s file', () => {
    expect(problems((s) => (s.dimensions[8].id = 'index'))).toEqual([
      'dimensions[8].id: the dimension id "index" is the name of the summary\'s file, index.md, so it could have no commentary of its own\n  → Give the dimension another id (and rename its commentary files); "drivers", "trends", "benchmark", "method", "tables", "index" are the report\'s own sections.',
    ]);
  });

  it('silent: a group code that differs from a section only in case (Tables)', () => {
    expect(problems((s) => (s.groups[2].code = 'Tables'))).toEqual([
      'groups[2].code: the group code "Tables" differs from the name of the tables section only in case: on Windows and macOS, where file names are not case-sensitive, its commentary file Tables.md is tables.md, the tables section\'s\n  → Give the group another code, in study.json and in the data; "drivers", "trends", "benchmark", "method", "tables", "index" are the report\'s own sections.',
    ]);
  });
});

describe('hang: labels too long for the charts', () => {
  it('hang: a 5,000-character item label', () => {
    expect(problems((s) => (s.items[3].label.en = 'Very long '.repeat(500)))).toEqual([
      'items[3].label.en: is 5,000 characters long; a label may have at most 300\n  → Shorten it; a longer explanation belongs in the commentary (reports/<year>/<lang>/<section>.md).',
    ]);
  });

  it('hang: one 3,000-character word as a dimension label and as a group label', () => {
    expect(problems((s) => (s.dimensions[0].label.fi = 'a'.repeat(3000)) && (s.groups[0].label.fi = 'b'.repeat(301)))).toEqual([
      'groups[0].label.fi: is 301 characters long; a label may have at most 300\n  → Shorten it; a longer explanation belongs in the commentary (reports/<year>/<lang>/<section>.md).',
      'dimensions[0].label.fi: is 3,000 characters long; a label may have at most 300\n  → Shorten it; a longer explanation belongs in the commentary (reports/<year>/<lang>/<section>.md).',
    ]);
  });

  it('hang: a title may be longer than a label, but not endless', () => {
    expect(problems((s) => (s.title.fi = 't'.repeat(500)))).toEqual([]);
    expect(problems((s) => (s.title.fi = 't'.repeat(1200)))).toEqual([
      'title.fi: is 1,200 characters long; a title may have at most 500\n  → Shorten it; a longer explanation belongs in the commentary (reports/<year>/<lang>/<section>.md).',
    ]);
  });

  it('long: a 200-character dimension id', () => {
    const id = `d${'x'.repeat(199)}`;
    expect(problems((s) => (s.dimensions[8].id = id))).toEqual(['dimensions[8].id: is 200 characters long; an id may have at most 100']);
  });
});

describe('the sample study', () => {
  it('still loads without problems', () => {
    expect(problemsOf(SAMPLE)).toEqual([]);
  });
});
