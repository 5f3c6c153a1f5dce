import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/issues/format-issue.ts';
import { IssueList, type Repeat } from '../../src/load/issue-list.ts';

const FILE = 'data/2024/responses.csv';
const NOT_NUMBER: Repeat = { key: 'not-number', many: 'values are not numbers', labels: true };

describe('IssueList', () => {
  it('lists at most 50 problems, then counts the rest', () => {
    const issues = new IssueList(FILE);
    for (let line = 2; line < 62; line++) issues.error({ line, message: `problem ${line}` });
    const all = issues.all().map(formatIssue);
    expect(all).toHaveLength(51);
    expect(all[49]).toBe(`error: ${FILE}:51: problem 51`);
    expect(all[50]).toBe(`error: ${FILE}: … and 10 more problems\n  → Only the first 50 problems are listed; fix these and run the check again to see the rest.`);
  });

  it('says a repeated kind once per column, where it was first found, and counts it whole beyond the cap', () => {
    const issues = new IssueList(FILE, 2);
    issues.error({ line: 2, column: 'q1', value: 'a', message: 'value "a" is not a number' }, NOT_NUMBER);
    issues.error({ line: 3, message: 'other' });
    for (let line = 3; line < 1149; line++) issues.error({ line, column: 'q1', value: 'b', message: 'value "b" is not a number' }, NOT_NUMBER);
    issues.error({ line: 4, column: 'q2', value: 'a', message: 'value "a" is not a number' }, NOT_NUMBER);
    expect(issues.all().map(formatIssue)).toEqual([
      `error: ${FILE}: column "q1": 1,147 values are not numbers: "b" and "a" (lines 2, 3, 4, 5, 6, …)`,
      `error: ${FILE}:3: other`,
      `error: ${FILE}: … and 1 more problem\n  → Only the first 2 problems are listed; fix these and run the check again to see the rest.`,
    ]);
  });

  it('gives a kind that did not repeat as it was', () => {
    const issues = new IssueList(FILE);
    issues.error({ line: 7, column: 'q1', value: 'Good', message: 'value "Good" is not a number', hint: 'Fix it.' }, NOT_NUMBER);
    expect(issues.all().map(formatIssue)).toEqual([`error: ${FILE}:7: column "q1": value "Good" is not a number\n  → Fix it.`]);
  });

  it('names places the way the format does', () => {
    const issues = new IssueList('data/2024/responses.sav');
    issues.grouped = (column, lines, more) => ({ place: `variable "${column}"`, rows: `cases ${lines.join(', ')}${more ? ', …' : ''}`, value: (v) => `"${v}" (labelled "Seven")` });
    issues.error({ line: 5, column: 'q3', value: '7', message: 'value "7" is outside' }, { key: 'outside', many: 'values are outside the scale 1–5' });
    issues.error({ line: 9, column: 'q3', value: '7', message: 'value "7" is outside' }, { key: 'outside', many: 'values are outside the scale 1–5' });
    expect(issues.all().map(formatIssue)).toEqual(['error: data/2024/responses.sav: variable "q3": 2 values are outside the scale 1–5: "7" (labelled "Seven") (cases 5, 9)']);
  });

  it('says labels of an SPSS string variable are to be codes there', () => {
    const issues = new IssueList('data/2024/responses.sav');
    for (const line of [1, 2, 3]) issues.error({ line, column: 'q1', value: 'Hyvä', message: 'value "Hyvä" is not a number' }, NOT_NUMBER);
    expect(issues.all().map(formatIssue)).toEqual([
      'error: data/2024/responses.sav: column "q1": 3 values are text labels: "Hyvä" (lines 1, 2 and 3)\n  → Store the answers as numeric codes with value labels in SPSS, not as text.',
    ]);
  });
});
