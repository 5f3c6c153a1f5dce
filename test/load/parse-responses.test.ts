import { describe, expect, it } from 'vitest';
import { parseResponses } from '../../src/load/parse-responses.ts';
import { answerValues, cantSayFlags, npsValues } from '../../src/load/answers.ts';
import { CANT_SAY } from '../../src/load/types.ts';
import { quoteRank } from '../../src/load/quote-sample.ts';
import type { Study } from '../../src/study/schema.ts';
import { csv, errorsOf, FILE, HEADER, ok, okRows, parse, quoting, shown, study, warningsOf } from './helpers.ts';

const ANSWER_HINT = "  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.";
const NUMBER_HINT = "  → Answers must be whole numbers on the scale 1–5, a can't-say code (6), or blank for not answered.";
const WEIGHT_HINT = '  → Every respondent needs a positive weight; if the data has no weights, remove columns.weight from study.json.';
const NPS_HINT = '  → NPS answers must be whole numbers 0–10, or blank for not answered.';

/** Parses a file of 15 good rows (r1–r15) with `bad` rows appended, and returns its errors. */
function errorsWith(...bad: string[]): string[] {
  const result = parse(csv(...okRows(15), ...bad));
  expect(result.data).toBeUndefined();
  return errorsOf(result.issues);
}

describe('parseResponses: a clean file', () => {
  const text = [HEADER, 'r1,A,1.5,1,5,6,,0,"Hyvä, nopea",1,uusimaa', 'r2,B,0.5,2,,3,4,10,"Kaksi', 'riviä ""lainaus""",,muu', 'r3,C,1,6,6,6,6,,,3,', ''].join('\n');
  const r = parse(text);
  const rq = parse(text, quoting);

  it('fills the columns', () => {
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const d = r.data!;
    expect(d.year).toBe(2024);
    expect(d.file).toBe(FILE);
    expect(d.n).toBe(3);
    expect([...d.group]).toEqual([0, 1, 2]);
    expect([...d.weight]).toEqual([1.5, 0.5, 1]);
    const values = (id: string) => [...answerValues(d.items.get(id)!, study.scale.min)];
    const cantSay = (id: string) => [...cantSayFlags(d.items.get(id)!)];
    expect(values('int1')).toEqual([1, 2, NaN]);
    expect(values('int2')).toEqual([5, NaN, NaN]);
    expect(cantSay('int2')).toEqual([0, 0, 1]);
    expect(values('int3')).toEqual([NaN, 3, NaN]);
    expect(cantSay('int3')).toEqual([1, 0, 1]);
    expect(values('q4')).toEqual([NaN, 4, NaN]);
    expect(cantSay('q4')).toEqual([0, 0, 1]);
    expect([...d.items.get('int2')!.codes]).toEqual([5, 0, CANT_SAY]);
    expect([...d.nps!]).toEqual([0, 10, -1]);
    expect([...npsValues(d.nps!)]).toEqual([0, 10, NaN]);
    expect([...d.background.get('age')!]).toEqual([0, -1, 2]);
    expect([...d.background.get('region')!]).toEqual([0, 1, -1]);
    expect(d.rows).toEqual({ read: 3, used: 3, rejected: 0 });
    expect(r.rows).toEqual({ read: 3, used: 3, rejected: 0 });
  });

  it('keeps the open answers, per group, only when quotes are published, and no ids', () => {
    expect(r.data!.quoteCandidates).toBeUndefined();
    expect(Object.keys(r.data!)).not.toContain('ids');
    const d = rq.data!;
    expect(Object.keys(d)).not.toContain('ids');
    expect(Object.keys(d)).not.toContain('npsReason');
    expect(d.quoteCandidates).toEqual([[{ id: 'r1', text: 'Hyvä, nopea' }], [{ id: 'r2', text: 'Kaksi\nriviä "lainaus"' }], []]);
    // Everything else is the same.
    expect({ ...d, quoteCandidates: undefined }).toEqual({ ...r.data!, quoteCandidates: undefined });
  });

  it('keeps at most perGroup open answers per group: those with the smallest quoteRank, whatever the row order', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `r${i + 1},${'ABC'[i % 3]},1,3,4,5,2,8,${i % 4 === 0 ? '' : ` why ${i + 1} `},1,muu`);
    const forward = parse(csv(...rows), quoting).data!.quoteCandidates!;
    const backward = parse(csv(...[...rows].reverse()), quoting).data!.quoteCandidates!;
    expect(backward).toEqual(forward);
    ['A', 'B', 'C'].forEach((g, k) => {
      // Every non-empty answer of the group, trimmed, with its id; the 8 of smallest rank, then in id order.
      const all = rows
        .map((row) => row.split(','))
        .filter((f) => f[1] === g && f[8].trim() !== '')
        .map((f) => ({ id: f[0], text: f[8].trim() }));
      const expected = all
        .sort((a, b) => quoteRank(a.id) - quoteRank(b.id) || (a.id < b.id ? -1 : 1))
        .slice(0, 8)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(forward[k]).toEqual(expected);
    });
  });

  it('stores the answers in typed arrays of exactly n', () => {
    const d = r.data!;
    expect(d.group).toBeInstanceOf(Uint16Array);
    expect(d.weight).toBeInstanceOf(Float64Array);
    expect(d.items.get('int1')!.codes).toBeInstanceOf(Uint8Array);
    expect(d.items.get('int1')!.codes.length).toBe(3);
    expect(d.nps).toBeInstanceOf(Int8Array);
    expect(d.background.get('age')).toBeInstanceOf(Int16Array);
    expect(d.weight.length).toBe(3);
  });

  it('grows the arrays past their first size', () => {
    const big = parse(csv(...okRows(5000)), quoting);
    expect(big.data!.n).toBe(5000);
    expect(big.data!.weight.length).toBe(5000);
    expect(big.data!.group.length).toBe(5000);
    expect([...big.data!.group.slice(4997)]).toEqual([2, 0, 1]);
    expect(answerValues(big.data!.items.get('int3')!, 1).every((v) => v === 5)).toBe(true);
  });

  it('gives every weight 1 and ignores no column when the study has no weight column', () => {
    const noWeight: Study = { ...study, columns: { id: 'resp_id', group: 'group' } };
    const res = parse(csv(...okRows(15)).replaceAll(',1,3,4,5,', ',7,3,4,5,'), noWeight);
    expect([...res.data!.weight]).toEqual(new Array(15).fill(1));
    expect(warningsOf(res.issues)).toEqual([
      `warning: ${FILE}:1: column not used by study.json: "weight"\n  → Nothing to do if these are meant to be left out of the report; otherwise add them to study.json.`,
    ]);
  });
});

describe('parseResponses: errors', () => {
  it('a missing column, naming its role', () => {
    const text = csv(...okRows(15)).replace(',int3,', ',INT3,');
    expect(errorsOf(parse(text).issues)).toEqual([
      `error: ${FILE}:1: column "int3": is missing from the header; study.json uses it for an item\n  → The header has "INT3": column names are case-sensitive, so rename one to match the other.`,
    ]);
  });

  it('every missing required column', () => {
    const result = parse('resp_id,int1,int2\nr1,3,4\n');
    const fix = '  → Add the column to the file, or correct the column name in study.json.';
    expect(errorsOf(result.issues)).toEqual([
      `error: ${FILE}:1: column "group": is missing from the header; study.json uses it for the group code (columns.group)\n${fix}`,
      `error: ${FILE}:1: column "weight": is missing from the header; study.json uses it for the weight (columns.weight)\n${fix}`,
      `error: ${FILE}:1: column "int3": is missing from the header; study.json uses it for an item\n${fix}`,
      `error: ${FILE}:1: column "q4": is missing from the header; study.json uses it for an item\n${fix}`,
      `error: ${FILE}:1: column "nps": is missing from the header; study.json uses it for the NPS question (nps.column)\n${fix}`,
      `error: ${FILE}:1: column "nps_why": is missing from the header; study.json uses it for the NPS reason (nps.reason)\n${fix}`,
      `error: ${FILE}:1: column "age": is missing from the header; study.json uses it for background variable "age"\n${fix}`,
      `error: ${FILE}:1: column "region": is missing from the header; study.json uses it for background variable "region"\n${fix}`,
    ]);
    expect(result.data).toBeUndefined();
  });

  it('a missing id column', () => {
    const text = csv(...okRows(15)).replace('resp_id,', 'id,');
    expect(errorsOf(parse(text).issues)).toEqual([
      `error: ${FILE}:1: column "resp_id": is missing from the header; study.json uses it for the respondent id (columns.id)\n  → Add the column to the file, or correct the column name in study.json.`,
    ]);
  });

  it('an unknown group code', () => {
    expect(errorsWith('x1,D,1,3,4,5,2,8,,1,muu')).toEqual([
      `error: ${FILE}:17: column "group": value "D" is not a group code in study.json (the codes are "A", "B", "C")\n  → Correct the code, or add the group to groups in study.json.`,
    ]);
  });

  it('a blank group code', () => {
    expect(errorsWith('x1,,1,3,4,5,2,8,,1,muu')).toEqual([`error: ${FILE}:17: column "group": the group code is blank\n  → Every respondent needs a group code from groups in study.json.`]);
  });

  it("an answer outside the scale that is not a can't-say code", () => {
    expect(errorsWith('x1,A,1,3,4,7,2,8,,1,muu', 'x2,A,1,0,4,5,2,8,,1,muu')).toEqual([
      `error: ${FILE}:17: column "int3": value "7" is outside the scale 1–5 and is not a can't-say code (6)\n${ANSWER_HINT}`,
      `error: ${FILE}:18: column "int1": value "0" is outside the scale 1–5 and is not a can't-say code (6)\n${ANSWER_HINT}`,
    ]);
  });

  it("an answer outside the scale when the study has no can't-say codes", () => {
    const noCantSay: Study = { ...study, scale: { ...study.scale, cantSay: [] } };
    const result = parse(csv(...okRows(15), 'x1,A,1,3,4,6,2,8,,1,muu'), noCantSay);
    expect(errorsOf(result.issues)).toEqual([`error: ${FILE}:17: column "int3": value "6" is outside the scale 1–5, and study.json defines no can't-say codes\n${ANSWER_HINT}`]);
  });

  it('a non-numeric answer', () => {
    expect(errorsWith('x1,A,1,3,good,5,2,8,,1,muu')).toEqual([`error: ${FILE}:17: column "int2": value "good" is not a number\n${NUMBER_HINT}`]);
  });

  it('a non-integer answer', () => {
    expect(errorsWith('x1,A,1,3,4,5,2.5,8,,1,muu')).toEqual([`error: ${FILE}:17: column "q4": value "2.5" is not a whole number\n${NUMBER_HINT}`]);
  });

  it('a decimal comma in an answer is not a number in a comma-separated file', () => {
    expect(errorsWith('x1,A,1,3,4,5,"2,0",8,,1,muu')).toEqual([`error: ${FILE}:17: column "q4": value "2,0" is not a number\n${NUMBER_HINT}`]);
  });

  it('an NPS outside 0–10, not whole, or not a number', () => {
    expect(errorsWith('x1,A,1,3,4,5,2,11,,1,muu', 'x2,A,1,3,4,5,2,-1,,1,muu', 'x3,A,1,3,4,5,2,7.5,,1,muu', 'x4,A,1,3,4,5,2,ten,,1,muu')).toEqual([
      `error: ${FILE}: column "nps": 2 values are outside 0–10: "11" and "-1" (lines 17 and 18)\n${NPS_HINT}`,
      `error: ${FILE}:19: column "nps": value "7.5" is not a whole number\n${NPS_HINT}`,
      `error: ${FILE}:20: column "nps": value "ten" is not a number\n${NPS_HINT}`,
    ]);
  });

  it('an unknown background value code', () => {
    expect(errorsWith('x1,A,1,3,4,5,2,8,,4,muu', 'x2,A,1,3,4,5,2,8,,1,Uusimaa')).toEqual([
      `error: ${FILE}:17: column "age": value "4" is not a value code of background variable "age" (the codes are "1", "2", "3")\n  → Correct the value, or add the code to the values of background "age" in study.json; leave it blank if it is not known.`,
      `error: ${FILE}:18: column "region": value "Uusimaa" is not a value code of background variable "region" (the codes are "uusimaa", "muu")\n  → Correct the value, or add the code to the values of background "region" in study.json; leave it blank if it is not known.`,
    ]);
  });

  it('a duplicate respondent id, with the line of the first', () => {
    expect(errorsWith(ok('r3'))).toEqual([
      `error: ${FILE}:17: column "resp_id": value "r3" is the same respondent id as on line 4\n  → Each respondent id must be unique within an edition: remove the duplicate row or correct the id.`,
    ]);
  });

  it('a blank respondent id', () => {
    expect(errorsWith(ok(' '))).toEqual([`error: ${FILE}:17: column "resp_id": the respondent id is blank\n  → Every row needs a respondent id, unique within the edition.`]);
  });

  it('a weight that is blank, zero, negative or not a number', () => {
    expect(errorsWith('x1,A,,3,4,5,2,8,,1,muu', 'x2,A,0,3,4,5,2,8,,1,muu', 'x3,A,-0.5,3,4,5,2,8,,1,muu', 'x4,A,n/a,3,4,5,2,8,,1,muu', 'x5,A,"0,0",3,4,5,2,8,,1,muu')).toEqual([
      `error: ${FILE}:17: column "weight": the weight is blank\n${WEIGHT_HINT}`,
      `error: ${FILE}: column "weight": 2 weights are zero: "0" and "0,0" (lines 18 and 21); weights must be positive\n${WEIGHT_HINT}`,
      `error: ${FILE}:19: column "weight": value "-0.5" is negative; weights must be positive\n${WEIGHT_HINT}`,
      `error: ${FILE}:20: column "weight": value "n/a" is not a number\n${WEIGHT_HINT}`,
    ]);
  });

  it('a row with the wrong number of fields', () => {
    expect(errorsWith('x1,A,1,3,4,5,2,8,,1', 'x2,A,1,3,4,5,2,8,"Hyvä, mutta",kallis,1,muu')).toEqual([
      `error: ${FILE}: 2 rows do not have the header's 11 fields (lines 17 and 18)\n  → Look for a missing or extra comma, or a text answer with a comma that is not in quotes.`,
    ]);
  });

  it('an unclosed quote', () => {
    const result = parse(csv(...okRows(15), 'x1,A,1,3,4,5,2,8,"Hyvä palvelu,1,muu', ok('x2'), ok('x3')));
    expect(errorsOf(result.issues)).toEqual([
      `error: ${FILE}:17: column "nps_why": a quoted field starts on this line but its closing quote is missing, so the rest of the file was read into it\n  → Add the missing closing quote ("); a quote inside a quoted text is written twice ("").`,
    ]);
    expect(result.rows).toEqual({ read: 16, used: 15, rejected: 1 });
  });

  it('text after a closing quote', () => {
    const result = parse(csv(...okRows(15), 'x1,A,1,3,4,5,2,8,"Hyvä" palvelu,1,muu', ok('x2')));
    expect(errorsOf(result.issues)).toEqual([
      `error: ${FILE}:17: column "nps_why": a quoted field has text after its closing quote, so what follows, up to the next quote, was read into it\n  → A quote inside a quoted text is written twice (""), and the whole field is put in quotes: "He said ""yes"" twice".`,
    ]);
    expect(result.rows).toEqual({ read: 16, used: 15, rejected: 1 });
  });

  it('a quote problem in the header', () => {
    const result = parse(csv(...okRows(15)).replace('nps_why', '"nps_why" text'));
    expect(errorsOf(result.issues)[0].split('\n')[0]).toBe(`error: ${FILE}:1: a quoted field has text after its closing quote, so what follows, up to the next quote, was read into it`);
    expect(result.data).toBeUndefined();
  });

  it('an empty file', () => {
    for (const text of ['', '\n\n', '\r\n  \r\n']) {
      const result = parse(text);
      expect(result.data).toBeUndefined();
      expect(shown(result.issues)).toEqual([`error: ${FILE}: the file is empty\n  → Export the responses with a header row of column names and one row per respondent.`]);
    }
  });

  it('a header only', () => {
    const result = parse(`${HEADER}\n\n`);
    expect(result.data).toBeUndefined();
    expect(shown(result.issues)).toEqual([`error: ${FILE}:1: the file has a header but no data rows\n  → Export the responses with one row per respondent below the header.`]);
  });

  it('duplicate column names', () => {
    const text = csv(...okRows(15).map((r) => `${r},x,2`)).replace(HEADER, `${HEADER},note,int1`);
    expect(errorsOf(parse(text).issues)).toEqual([
      `error: ${FILE}:1: column "int1": appears more than once in the header (fields 4 and 13)\n  → Rename or remove the extra columns so that each name appears once.`,
    ]);
  });

  it('counts physical lines across quoted fields that span lines', () => {
    const text = csv(ok('r1'), 'r2,A,1,3,4,5,2,8,"one\ntwo\nthree",1,muu', ok('r3'), 'r4,A,1,3,4,9,2,8,,1,muu');
    expect(errorsOf(parse(text).issues)).toEqual([`error: ${FILE}:7: column "int3": value "9" is outside the scale 1–5 and is not a can't-say code (6)\n${ANSWER_HINT}`]);
  });

  it('lists every problem at once', () => {
    const result = parse(csv(...okRows(15), 'x1,D,1,3,4,5,2,8,,1,muu', 'x2,A,1,3,4,8,2,8,,1,muu', 'x3,A,-1,3,4,5,2,8,,1,muu'));
    expect(result.issues).toHaveLength(3);
    expect(result.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [17, 'group', 'D'],
      [18, 'int3', '8'],
      [19, 'weight', '-1'],
    ]);
  });

  it('lists several problems of one row', () => {
    expect(errorsWith('x1,D,1,3,x,5,2,8,,7,muu').map((m) => m.split('\n')[0])).toEqual([
      `error: ${FILE}:17: column "group": value "D" is not a group code in study.json (the codes are "A", "B", "C")`,
      `error: ${FILE}:17: column "int2": value "x" is not a number`,
      `error: ${FILE}:17: column "age": value "7" is not a value code of background variable "age" (the codes are "1", "2", "3")`,
    ]);
  });

  it('says a problem repeated down a column once, with its count, values and first lines', () => {
    const bad = Array.from({ length: 1146 }, (_, i) => `x${i},A,1,3,4,5,2,8,,1,${i % 3 === 0 ? 'Mars' : 'mars'}`);
    const result = parse(csv(...okRows(15), ...bad));
    expect(errorsOf(result.issues)).toEqual([
      `error: ${FILE}: column "region": 1,146 values are not value codes of background variable "region": "mars" and "Mars" (lines 17, 18, 19, 20, 21, …); the codes are "uusimaa", "muu"\n  → Correct the value, or add the code to the values of background "region" in study.json; leave it blank if it is not known.`,
    ]);
    expect(result.rows).toEqual({ read: 1161, used: 15, rejected: 1146 });
  });

  it('can list fewer problems: the kinds beyond the first are counted', () => {
    const bad = Array.from({ length: 3 }, (_, i) => `x${i},D,1,3,x,5,2,8,,1,mars`);
    const result = parseResponses(csv(...okRows(15), ...bad), FILE, 2024, study, { maxErrors: 2 });
    expect(result.issues.map((i) => i.message)).toEqual([
      '3 values are not group codes in study.json: "D" (lines 17, 18 and 19); the codes are "A", "B", "C"',
      '3 values are not numbers: "x" (lines 17, 18 and 19)',
      '… and 3 more problems',
    ]);
  });

  it('says that an item column holds text labels instead of codes', () => {
    const labels = ['Completely satisfied', 'Fairly satisfied', 'Neither', 'Fairly dissatisfied'];
    const bad = Array.from({ length: 8 }, (_, i) => `x${i},A,1,3,4,"${labels[i % 4]}",2,8,,1,muu`);
    expect(errorsOf(parse(csv(...okRows(15), ...bad)).issues)).toEqual([
      `error: ${FILE}: column "int3": 8 values are text labels such as "Completely satisfied", "Fairly satisfied" and "Neither" (lines 17, 18, 19, 20, 21, …)\n  → Export the values rather than the value labels (the numeric codes), or put the SPSS file itself beside it as responses.sav instead.`,
    ]);
  });

  it('does not call a marker of not answered, or words that do not repeat, labels', () => {
    const bad = ['x1,A,1,3,4,NA,2,8,,1,muu', 'x2,A,1,3,4,NA,2,8,,1,muu', 'x3,A,1,3,4,5,2,8,,1,muu', 'x4,A,1,3,4,5,hyvä,8,,1,muu', 'x5,A,1,3,4,5,huono,8,,1,muu'];
    expect(errorsOf(parse(csv(...okRows(15), ...bad)).issues)).toEqual([
      `error: ${FILE}: column "int3": 2 values are not numbers: "NA" (lines 17 and 18)\n${NUMBER_HINT}`,
      `error: ${FILE}: column "q4": 2 values are not numbers: "hyvä" and "huono" (lines 20 and 21)\n${NUMBER_HINT}`,
    ]);
  });
});

describe('parseResponses: rows accounting', () => {
  it('read = used + rejected, and any rejected row refuses the file', () => {
    const result = parse(csv(...okRows(15), 'x1,A,1,3,4,5,2,8,,1', ok('x2'), 'x3,Q,1,3,4,5,2,8,,1,muu', ok('x4')));
    expect(result.rows).toEqual({ read: 19, used: 17, rejected: 2 });
    expect(result.data).toBeUndefined();
  });

  it('empty lines at the end are not rows', () => {
    const result = parse(csv(...okRows(15)) + '\n\n\n,,,,,,,,,,\n');
    expect(result.rows).toEqual({ read: 15, used: 15, rejected: 0 });
    expect(result.issues).toEqual([]);
  });

  it('skips empty lines between rows with a warning naming them', () => {
    const rows = okRows(15);
    const result = parse(csv(...rows.slice(0, 3), '', ...rows.slice(3, 9), ',,,,,,,,,,', '', ...rows.slice(9)));
    expect(result.rows).toEqual({ read: 15, used: 15, rejected: 0 });
    expect(shown(result.issues)).toEqual([
      `warning: ${FILE}:5: skipped 3 empty lines between the rows (lines 5, 12, 13)\n  → Check that no respondents are missing there; remove the empty lines to silence this warning.`,
    ]);
  });
});

describe('parseResponses: delimiters, line ends and decimal commas', () => {
  const plain = [HEADER, 'r1,A,1.25,1,5,6,,0,"Hyvä, nopea",1,uusimaa', 'r2,B,0.75,2,,3,4,10,"Kaksi\nriviä",,muu', ...okRows(15, 3)].join('\n');
  const base = parse(plain).data!;

  it('reads the plain file', () => {
    expect(base.n).toBe(17);
    expect(parse(plain, quoting).data!.quoteCandidates![1]).toEqual([{ id: 'r2', text: 'Kaksi\nriviä' }]);
  });

  it("semicolons, CRLF and decimal-comma weights give the same data (the BOM is the decoder's)", () => {
    const semi = [HEADER.replaceAll(',', ';'), 'r1;A;1,25;1;5;6;;0;Hyvä, nopea;1;uusimaa', 'r2;B;0,75;2;;3;4;10;"Kaksi\r\nriviä";;muu', ...okRows(15, 3).map((r) => r.replaceAll(',', ';'))].join(
      '\r\n',
    );
    expect(parse(semi)).toEqual(parse(plain));
  });

  it('decimal commas in answers when the delimiter is not a comma', () => {
    const semi = [HEADER, ...okRows(15)].join('\n').replaceAll(',', ';') + '\nx1;A;1;3,0;4;5;2;8,0;;1;muu\nx2;A;1;3,5;4;5;2;8;;1;muu\n';
    expect(errorsOf(parse(semi).issues)).toEqual([`error: ${FILE}:18: column "int1": value "3,5" is not a whole number\n${NUMBER_HINT}`]);
  });

  it('CR line ends and mixed line ends', () => {
    expect(parse(plain.replaceAll('\n', '\r'))).toEqual(parse(plain));
    const lines = plain.split('\n');
    const mixed = lines.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('');
    expect(parse(mixed).data).toEqual(base);
  });

  it('tabs', () => {
    const tab = [
      HEADER.replaceAll(',', '\t'),
      'r1\tA\t1,25\t1\t5\t6\t\t0\tHyvä, nopea\t1\tuusimaa',
      'r2\tB\t0.75\t2\t\t3\t4\t10\t"Kaksi\nriviä"\t\tmuu',
      ...okRows(15, 3).map((r) => r.replaceAll(',', '\t')),
    ].join('\n');
    expect(parse(tab)).toEqual(parse(plain));
  });

  it('spaces around values and names are ignored', () => {
    const spaced = plain.replace('resp_id,group', ' resp_id , group ').replace('r1,A,1.25,1', 'r1, A ,1.25 , 1');
    expect(parse(spaced).data).toEqual(base);
  });

  it('the rows keep their physical lines in every variant', () => {
    const semi = [HEADER, 'r1,A,1,3,4,5,2,8,"a\nb",1,muu', 'r2,A,1,3,4,5,2,8,,1,mars'].join('\r\n').replaceAll(',', ';');
    expect(parse(semi).issues[0].line).toBe(4);
  });
});

describe('parseResponses: warnings', () => {
  it('columns the definition does not use, in one warning', () => {
    const text = csv(...okRows(15).map((r) => `${r},x,`)).replace(HEADER, `${HEADER},comment,`);
    const result = parse(text);
    expect(result.data?.n).toBe(15);
    expect(shown(result.issues)).toEqual([
      `warning: ${FILE}:1: columns not used by study.json: "comment", "(unnamed field 13)"\n  → Nothing to do if these are meant to be left out of the report; otherwise add them to study.json.`,
    ]);
  });

  it("an item with a high can't-say share", () => {
    const rows = okRows(15).map((r, i) => (i < 5 ? r.replace(',3,4,5,2,', ',3,6,5,2,') : i < 8 ? r.replace(',3,4,5,2,', ',3,,5,2,') : r));
    expect(shown(parse(csv(...rows)).issues)).toEqual([
      `warning: ${FILE}: column "int2": the can't-say share is 41.7% (5 of 12 who answered), above highCantSayShare 30%\n  → Check the wording and the coding of the item; a high share can also be genuine.`,
    ]);
  });

  it("a can't-say share at the limit is not high", () => {
    const rows = okRows(10).map((r, i) => (i < 3 ? r.replace(',3,4,5,2,', ',3,6,5,2,') : r));
    const s: Study = { ...study, minBase: 3 };
    expect(parse(csv(...rows), s).issues).toEqual([]);
  });

  it('a group smaller than minBase, and a group with no respondents', () => {
    const rows = [...Array.from({ length: 6 }, (_, i) => ok(`a${i}`, 'A')), ok('b1', 'B'), ok('b2', 'B')];
    const result = parse(csv(...rows));
    expect(result.data?.n).toBe(8);
    expect(shown(result.issues)).toEqual([
      `warning: ${FILE}: column "group": group "B" has 2 respondents, fewer than minBase 5: its figures will be suppressed\n  → Nothing to do if this is expected; the group still counts in the totals.`,
      `warning: ${FILE}: column "group": group "C" has no respondents in this edition\n  → Nothing to do if the group was not surveyed this year; otherwise check the group codes.`,
    ]);
  });

  it('data warnings wait until the errors are fixed; header warnings do not', () => {
    const text = csv(ok('a1'), 'a2,A,1,3,4,9,2,8,,1,muu').replace(HEADER, `${HEADER},extra`).replaceAll('muu\n', 'muu,\n');
    expect(shown(parse(text).issues).map((m) => m.split('\n')[0])).toEqual([
      `error: ${FILE}:3: column "int3": value "9" is outside the scale 1–5 and is not a can't-say code (6)`,
      `warning: ${FILE}:1: column not used by study.json: "extra"`,
    ]);
  });
});
