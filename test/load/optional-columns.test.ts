import { describe, expect, it } from 'vitest';
import { parseResponses } from '../../src/load/parse-responses.ts';
import { answerValues } from '../../src/load/answers.ts';
import { quoting, study } from './helpers.ts';

// A study whose export has no respondent id and no group column (one sample, no strata).
const { id: _id, group: _group, ...columns } = study.columns;
const plain = { ...study, columns, groups: [] };
const HEADER = 'weight,int1,int2,int3,q4,nps,nps_why,age,region';

describe('a study without id and group columns', () => {
  it('loads every row into one group, without a duplicate-id check', () => {
    const text = `${HEADER}\n1,3,4,5,2,8,,1,muu\n1,3,4,5,2,8,,1,muu\n2,1,2,6,,10,"hyvä",2,muu\n`;
    const r = parseResponses(text, 'plain.csv', 2025, plain);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.data!.n).toBe(3);
    expect([...r.data!.group]).toEqual([0, 0, 0]);
    expect([...r.data!.weight]).toEqual([1, 1, 2]);
    expect([...answerValues(r.data!.items.get('int1')!, 1)]).toEqual([3, 3, 1]);
  });

  it('does not ask for the id and group columns in the header', () => {
    const r = parseResponses(`${HEADER}\n1,3,4,5,2,8,,1,muu\n`, 'plain.csv', 2025, plain);
    expect(r.issues.map((i) => i.message).join('\n')).not.toMatch(/resp_id|columns\.group|columns\.id/);
  });

  it('keeps quote candidates by line when quotes are published', () => {
    const { id: _i, group: _g, ...cols } = quoting.columns;
    const r = parseResponses(`${HEADER}\n1,3,4,5,2,8,ensimmäinen,1,muu\n1,3,4,5,2,9,toinen,1,muu\n`, 'plain.csv', 2025, { ...quoting, columns: cols, groups: [] });
    expect(r.data!.quoteCandidates![0]!.map((c) => c.text).sort()).toEqual(['ensimmäinen', 'toinen']);
  });
});
