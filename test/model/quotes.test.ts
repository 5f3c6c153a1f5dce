import { describe, expect, it } from 'vitest';
import { quotesOf } from '../../src/model/assemble-edition.ts';
import { edition, repeat, testStudy } from './build.ts';

// Group A has 6 respondents and B has 4; with minBase 5, B is below the base.
const rows = [...repeat(6, { group: 'A' }), ...repeat(4, { group: 'B' })];
const candidates = [
  [
    { id: 'r1', text: 'Hyvä palvelu, soittakaa 040 123 4567' },
    { id: 'r2', text: 'Vastaus: matti@example.com' },
  ],
  [{ id: 'r7', text: 'Ryhmä alle raportointirajan' }],
  [],
  [],
];

describe('quotesOf', () => {
  it('publishes nothing unless the study turns quotes on', () => {
    const study = testStudy({ nps: { column: 'nps', reason: 'why' } });
    expect(quotesOf(study, { ...edition(study, 2025, rows), quoteCandidates: candidates })).toEqual([]);
  });

  it('quotes only groups at or above the reporting base, with personal data removed', () => {
    const study = testStudy({ nps: { column: 'nps', reason: 'why', quotes: { publish: true, perGroup: 5 } } });
    expect(quotesOf(study, { ...edition(study, 2025, rows), quoteCandidates: candidates })).toEqual([{ group: 'A', texts: ['Hyvä palvelu, soittakaa […]', 'Vastaus: […]'] }]);
  });

  it('keeps at most perGroup answers per group', () => {
    const study = testStudy({ nps: { column: 'nps', reason: 'why', quotes: { publish: true, perGroup: 1 } } });
    expect(quotesOf(study, { ...edition(study, 2025, rows), quoteCandidates: candidates })).toEqual([{ group: 'A', texts: ['Hyvä palvelu, soittakaa […]'] }]);
  });
});
