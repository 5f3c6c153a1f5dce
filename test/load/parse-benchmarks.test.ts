import { describe, expect, it } from 'vitest';
import { parseBenchmarks } from '../../src/load/parse-benchmarks.ts';
import { shown, study } from './helpers.ts';

const FILE = 'data/benchmarks.csv';
const HEAD = 'year,indicator,group,mean,sd,n';
const parse = (...lines: string[]) => parseBenchmarks(lines.map((l) => `${l}\n`).join(''), FILE, study);

describe('parseBenchmarks', () => {
  it('reads rows; group, sd and n may be blank', () => {
    const result = parse(HEAD, '2024,rep,,3.85,0.9,1200', '2024,int1,A,3.9,,', '2023,nps,,22,,', '2024,trust,B,4,0,5');
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      { year: 2024, indicator: 'rep', mean: 3.85, sd: 0.9, n: 1200 },
      { year: 2024, indicator: 'int1', group: 'A', mean: 3.9 },
      { year: 2023, indicator: 'nps', mean: 22 },
      { year: 2024, indicator: 'trust', group: 'B', mean: 4, sd: 0, n: 5 },
    ]);
  });

  it('reads semicolons, decimal commas and CRLF, without the optional columns', () => {
    const result = parseBenchmarks('year;indicator;mean\r\n2024;rep;3,85\r\n', FILE, study);
    expect(result.rows).toEqual([{ year: 2024, indicator: 'rep', mean: 3.85 }]);
  });

  it('an unknown indicator', () => {
    expect(shown(parse(HEAD, '2024,int9,,3.1,,').issues)).toEqual([
      `error: ${FILE}:2: column "indicator": value "int9" is not an indicator of the study (the ids are "rep", "trust", "service", "int1", "int2", "int3", "q4", "nps")\n  → Use the id of an item, dimension or index in study.json, or "nps".`,
    ]);
  });

  it('an unknown indicator repeated down the column is one message', () => {
    expect(shown(parse(HEAD, '2023,cx,,3.1,,', '2024,cx,,3.2,,', '2025,cx,A,3.3,,', '2025,int9,,3,,').issues)).toEqual([
      `error: ${FILE}: column "indicator": 4 values are not indicators of the study: "cx" and "int9" (lines 2, 3, 4 and 5); the ids are "rep", "trust", "service", "int1", "int2", "int3", "q4", "nps"\n  → Use the id of an item, dimension or index in study.json, or "nps".`,
    ]);
  });

  it('an unknown group', () => {
    expect(shown(parse(HEAD, '2024,rep,D,3.1,,').issues)).toEqual([
      `error: ${FILE}:2: column "group": value "D" is not a group code in study.json (the codes are "A", "B", "C")\n  → Correct the code, or leave the group blank for a benchmark of the total.`,
    ]);
  });

  it('a mean that is not a number, or blank', () => {
    expect(shown(parse(HEAD, '2024,rep,,high,,', '2024,int1,,,,').issues)).toEqual([
      `error: ${FILE}:2: column "mean": value "high" is not a number\n  → Write the benchmark mean as a number, like 3.85.`,
      `error: ${FILE}:3: column "mean": the mean is blank\n  → Write the benchmark mean as a number, like 3.85.`,
    ]);
  });

  it('an invalid sd or n', () => {
    expect(shown(parse(HEAD, '2024,rep,,3.1,-0.2,', '2024,int1,,3.1,x,', '2024,int2,,3.1,,0', '2024,int3,,3.1,,12.5').issues)).toEqual([
      `error: ${FILE}:2: column "sd": value "-0.2" is negative\n  → Write the standard deviation as a number of at least 0, or leave it blank.`,
      `error: ${FILE}:3: column "sd": value "x" is not a number\n  → Write the standard deviation as a number of at least 0, or leave it blank.`,
      `error: ${FILE}:4: column "n": value "0" is not a positive whole number\n  → Write the number of respondents behind the figure, or leave it blank.`,
      `error: ${FILE}:5: column "n": value "12.5" is not a positive whole number\n  → Write the number of respondents behind the figure, or leave it blank.`,
    ]);
  });

  it('a row with only one of sd and n is a warning; the row is kept and compared by its mean alone', () => {
    const result = parse(HEAD, '2024,rep,,3.1,0.9,', '2024,int1,A,3.2,,300', '2024,int2,,3.3,,');
    expect(result.rows).toEqual([
      { year: 2024, indicator: 'rep', mean: 3.1, sd: 0.9 },
      { year: 2024, indicator: 'int1', group: 'A', mean: 3.2, n: 300 },
      { year: 2024, indicator: 'int2', mean: 3.3 },
    ]);
    expect(shown(result.issues)).toEqual([
      `warning: ${FILE}:2: column "n": the row gives sd but not n, so the benchmark has no standard error and the difference is tested against its mean alone, as if that mean were exact\n  → Fill in the number of respondents so that the benchmark's own uncertainty enters the test, or leave both sd and n blank if only the mean is known.`,
      `warning: ${FILE}:3: column "sd": the row gives n but not sd, so the benchmark has no standard error and the difference is tested against its mean alone, as if that mean were exact\n  → Fill in the standard deviation so that the benchmark's own uncertainty enters the test, or leave both sd and n blank if only the mean is known.`,
    ]);
  });

  it('a year that is not four digits', () => {
    expect(shown(parse(HEAD, '24,rep,,3.1,,').issues)).toEqual([`error: ${FILE}:2: column "year": value "24" is not a year (four digits)\n  → Write the year of the benchmark figure, like 2024.`]);
  });

  it('a duplicate (year, indicator, group)', () => {
    expect(shown(parse(HEAD, '2024,rep,,3.1,,', '2024,rep,A,3.2,,', '2024,rep,,3.3,,', '2024,rep,A,3.4,,').issues)).toEqual([
      `error: ${FILE}:4: year 2024, indicator "rep", the total was already given on line 2\n  → Keep one row per year, indicator and group.`,
      `error: ${FILE}:5: year 2024, indicator "rep", group "A" was already given on line 3\n  → Keep one row per year, indicator and group.`,
    ]);
  });

  it('missing columns, wrong field counts and unused columns', () => {
    expect(shown(parse('year,indicator,value,source', '2024,rep,3.1,bank', '2024,rep,3.1').issues)).toEqual([
      `error: ${FILE}:1: column "mean": is missing from the header\n  → The columns of benchmarks.csv are year, indicator, group, mean, sd, n (group, sd and n may be left out).`,
      `error: ${FILE}:3: the row has 3 fields but the header has 4\n  → Look for a missing or extra comma.`,
      `warning: ${FILE}:1: columns not used: "value", "source"\n  → Only year, indicator, group, mean, sd, n are read.`,
    ]);
  });

  it('an unclosed quote', () => {
    expect(shown(parse(HEAD, '2024,rep,"A,3.1,,', '2024,int1,,3.1,,').issues)).toEqual([
      `error: ${FILE}:2: column "group": a quoted field starts on this line but its closing quote is missing, so the rest of the file was read into it\n  → Add the missing closing quote ("); a quote inside a quoted text is written twice ("").`,
    ]);
  });

  it('an empty file and a header only', () => {
    expect(shown(parseBenchmarks('', FILE, study).issues)).toEqual([
      `error: ${FILE}: the file is empty\n  → Write a header row (year,indicator,group,mean,sd,n) and one row per benchmark figure, or remove the file.`,
    ]);
    expect(shown(parse(HEAD).issues)).toEqual([`error: ${FILE}:1: the file has a header but no rows\n  → Add the benchmark rows, or remove the file.`]);
  });

  it('refuses the file on any error, listing every problem', () => {
    const result = parse(HEAD, '2024,rep,,3.1,,', '2024,bogus,Z,x,,');
    expect(result.rows).toBeUndefined();
    expect(result.issues.map((i) => i.column)).toEqual(['indicator', 'group', 'mean']);
  });
});
