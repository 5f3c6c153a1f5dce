import { describe, expect, it } from 'vitest';
import type { Study } from '../../src/study/schema.ts';
import { parseResponses } from '../../src/load/parse-responses.ts';
import { XlsxResponsesParser } from '../../src/load/xlsx-responses.ts';
import { CANT_SAY } from '../../src/load/types.ts';
import { errorsOf, study, warningsOf } from './helpers.ts';

/** The fixture study with int3 asked until 2023, q5 from 2025 and region until 2024; in 2025 int1 is "INT_1", can't say is 9, "NA" and 99 mean not answered. */
const changing: Study = {
  ...study,
  items: [...study.items.map((x) => (x.id === 'int3' ? { ...x, until: 2023 } : x)), { id: 'q5', label: { fi: 'Uusi', en: 'New' } as Study['items'][number]['label'], from: 2025 }],
  background: study.background.map((b) => (b.id === 'region' ? { ...b, until: 2024 } : { ...b, values: b.values.map((v) => (v.code === '3' ? { ...v, until: 2024 } : v)) })),
  groups: study.groups.map((g) => (g.code === 'C' ? { ...g, from: 2025 } : g)),
  editions: { 2025: { columns: { int1: 'INT_1', nps: 'suositus' }, cantSay: [9], missing: ['NA', '99'] } },
};

const file = (year: number) => `data/${year}/responses.csv`;
const read = (year: number, text: string) => parseResponses(text, file(year), year, changing);
const lines = (...rows: string[]) => rows.map((r) => `${r}\n`).join('');

describe('loading an edition of a changing questionnaire', () => {
  it('does not require the column of an item not asked in the edition, and keeps the item all blank', () => {
    const r = read(2024, lines('resp_id,group,weight,int1,int2,q4,nps,nps_why,age,region', 'r1,A,1,3,4,2,8,,1,muu', 'r2,B,2,6,5,1,,,2,'));
    expect(errorsOf(r.issues)).toEqual([]);
    // No word of int3 nor q5, nor of group C (surveyed from 2025 on): only the small groups and a can't-say share.
    expect(warningsOf(r.issues).filter((w) => !w.includes('fewer than minBase') && !w.includes("can't-say share"))).toEqual([]);
    const d = r.data!;
    expect([...d.items.keys()]).toEqual(['int1', 'int2', 'int3', 'q4', 'q5']);
    expect([...d.items.get('int3')!.codes]).toEqual([0, 0]);
    expect([...d.items.get('q5')!.codes]).toEqual([0, 0]);
    expect([...d.items.get('int1')!.codes]).toEqual([3, CANT_SAY]);
    expect([...d.background.get('region')!]).toEqual([1, -1]);
  });

  it('ignores, with one warning, the column of a variable that does not exist in the edition', () => {
    const r = read(2024, lines('resp_id,group,weight,int1,int2,int3,q4,q5,nps,nps_why,age,region', 'r1,A,1,3,4,5,2,4,8,,1,muu'));
    expect(warningsOf(r.issues).some((w) => w.includes('not used by study.json'))).toBe(false);
    expect(errorsOf(r.issues)).toEqual([]);
    expect(warningsOf(r.issues).filter((w) => w.includes('ignored'))).toEqual([
      'warning: data/2024/responses.csv:1: columns "int3", "q5" ignored: item "int3", item "q5" do not exist in 2024 (see from, until or years in study.json)\n  → Nothing to do if the question was not asked in 2024; if it was, correct its from, until or years in study.json.',
    ]);
    expect([...r.data!.items.get('q5')!.codes]).toEqual([0]);
  });

  it('still refuses a file without the column of a variable that exists in the edition', () => {
    const r = read(2025, lines('resp_id,group,weight,INT_1,int2,q4,suositus,nps_why,age', 'r1,A,1,3,4,2,8,,1'));
    expect(errorsOf(r.issues)).toEqual([
      'error: data/2025/responses.csv:1: column "q5": is missing from the header; study.json uses it for an item\n  → Add the column to the file, or correct the column name in study.json.',
    ]);
  });

  it("reads renamed columns, the edition's can't-say code and its missing-value codes", () => {
    const r = read(2025, lines('resp_id,group,weight,INT_1,int2,q4,q5,suositus,nps_why,age', 'r1,A,1,9,NA,99,4,99,,1', 'r2,C,1,2, NA ,6,9,NA,,NA', 'r3,B,1,5,3,1,2,10,,2'));
    expect(errorsOf(r.issues)).toEqual([
      // 6 was can't say until 2024; in 2025 it is off the scale.
      'error: data/2025/responses.csv:3: column "q4": value "6" is outside the scale 1–5 and is not a can\'t-say code (9)\n  → Correct the value, or add the code to scale.cantSay in study.json if it means can\'t say.',
    ]);
    const ok = read(2025, lines('resp_id,group,weight,INT_1,int2,q4,q5,suositus,nps_why,age', 'r1,A,1,9,NA,99,4,99,,1', 'r2,C,1,2, NA ,5,9,NA,,NA', 'r3,B,1,5,3,1,2,10,,2'));
    expect(errorsOf(ok.issues)).toEqual([]);
    const d = ok.data!;
    expect([...d.items.get('int1')!.codes]).toEqual([CANT_SAY, 2, 5]);
    expect([...d.items.get('int2')!.codes]).toEqual([0, 0, 3]);
    expect([...d.items.get('q4')!.codes]).toEqual([0, 5, 1]);
    expect([...d.items.get('q5')!.codes]).toEqual([4, CANT_SAY, 2]);
    expect([...d.nps!]).toEqual([-1, -1, 10]);
    expect([...d.background.get('age')!]).toEqual([0, -1, 1]);
    expect([...d.group]).toEqual([0, 2, 1]);
  });

  it('refuses a group or a background value that does not exist in the edition, naming the edition', () => {
    const r = read(2024, lines('resp_id,group,weight,int1,int2,q4,nps,nps_why,age,region', 'r1,C,1,3,4,2,8,,1,muu', 'r2,A,1,3,4,2,8,,3,muu', 'r3,A,1,3,4,2,8,,2,muu'));
    expect(errorsOf(r.issues)).toEqual([
      'error: data/2024/responses.csv:2: column "group": value "C" is a group that does not exist in 2024 (see its from, until or years in study.json)\n  → Correct the code, or include 2024 in the group\'s editions in study.json.',
    ]);
    const v = read(2025, lines('resp_id,group,weight,INT_1,int2,q4,q5,suositus,nps_why,age', 'r1,A,1,3,4,2,1,8,,3'));
    expect(errorsOf(v.issues)).toEqual([
      'error: data/2025/responses.csv:2: column "age": value "3" of background variable "age" does not exist in 2025 (see its from, until or years in study.json)\n  → Correct the value, or include 2025 in the value\'s editions in study.json; leave it blank if it is not known.',
    ]);
  });

  it('warns of a background variable and an NPS that exist but have no valid answer', () => {
    const r = read(2024, lines('resp_id,group,weight,int1,int2,q4,nps,nps_why,age,region', 'r1,A,1,3,4,2,,,1,', 'r2,B,1,3,4,2,,,2,'));
    expect(errorsOf(r.issues)).toEqual([]);
    expect(warningsOf(r.issues).filter((w) => !w.includes('fewer than minBase'))).toEqual([
      'warning: data/2024/responses.csv: column "region": background variable "region" has no valid answer in 2024: no breakdown by it\n  → Check that the column holds the answers of this edition; if the question was not asked, give the variable\'s editions (from, until or years) in study.json.',
      'warning: data/2024/responses.csv: column "nps": the NPS question has no valid answer in 2024\n  → Check that the column holds the answers of this edition (a renamed column goes in editions.<year>.columns of study.json).',
    ]);
  });

  it('reads a file with the same rows alike in place and field by field (a missing code sends a row to the checked reader)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `r${i},${'AB'[i % 2]},1,${(i % 5) + 1},${i % 7 === 0 ? 'NA' : (i % 5) + 1},${i % 3 === 0 ? '99' : 3},${(i % 5) + 1},${i % 11},,${(i % 2) + 1}`);
    const r = read(2025, lines('resp_id,group,weight,INT_1,int2,q4,q5,suositus,nps_why,age', ...rows));
    expect(errorsOf(r.issues)).toEqual([]);
    const q4 = [...r.data!.items.get('q4')!.codes];
    expect(q4).toEqual(Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 0 : 3)));
    expect([...r.data!.items.get('int2')!.codes]).toEqual(Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? 0 : (i % 5) + 1)));
  });

  it('a column renamed to the name of an item not asked that year is read for the renamed item, without a warning', () => {
    const swapped: Study = { ...changing, editions: { 2025: { columns: { q5: 'int3' } } } };
    const r = parseResponses(lines('resp_id,group,weight,int1,int2,q4,int3,nps,nps_why,age', 'r1,A,1,3,4,2,5,8,,1'), file(2025), 2025, swapped);
    expect(errorsOf(r.issues)).toEqual([]);
    expect(warningsOf(r.issues).filter((w) => w.includes('ignored') || w.includes('not used'))).toEqual([]);
    expect([...r.data!.items.get('q5')!.codes]).toEqual([5]);
    expect([...r.data!.items.get('int3')!.codes]).toEqual([0]);
  });

  it('a workbook is read by the same edition plan: renamed columns, codes and variables not asked', () => {
    const parser = new XlsxResponsesParser('data/2025/responses.xlsx', 2025, changing, 'Data');
    // Index 1 is column A.
    parser.row(1, [undefined, 'resp_id', 'group', 'weight', 'INT_1', 'int2', 'int3', 'q4', 'q5', 'suositus', 'nps_why', 'age']);
    parser.row(2, [undefined, 'r1', 'A', 1, 9, 'NA', 4, 99, 3, 8, '', 1]);
    const r = parser.end();
    expect(errorsOf(r.issues)).toEqual([]);
    expect(warningsOf(r.issues).filter((w) => w.includes('ignored'))).toHaveLength(1);
    const d = r.data!;
    expect([...d.items.get('int1')!.codes]).toEqual([CANT_SAY]);
    expect([...d.items.get('int2')!.codes]).toEqual([0]);
    expect([...d.items.get('int3')!.codes]).toEqual([0]);
    expect([...d.items.get('q4')!.codes]).toEqual([0]);
    expect([...d.items.get('q5')!.codes]).toEqual([3]);
    expect([...d.nps!]).toEqual([8]);
  });
});
