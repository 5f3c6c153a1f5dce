import { describe, expect, it } from 'vitest';
import { domainKey, groupKey, parseDomainKey, reportDomainKeys, TOTAL } from '../../src/site/domain-key.ts';
import { siteReport } from './fixture.ts';

describe('domain keys', () => {
  it('are the keys the model keeps figures under', () => {
    const model = siteReport();
    const keys = model.editions[0]!.domains.map((d) => d.key);
    expect(keys).toEqual([TOTAL, groupKey('A'), groupKey('B'), groupKey('C'), groupKey('D'), domainKey('region', 'n'), domainKey('region', 's')]);
  });

  it('parse back into breakdown and code; a code may hold a colon', () => {
    expect(parseDomainKey('total')).toEqual({ breakdown: 'total' });
    expect(parseDomainKey(groupKey('A'))).toEqual({ breakdown: 'group', code: 'A' });
    expect(parseDomainKey(groupKey('x:y'))).toEqual({ breakdown: 'group', code: 'x:y' });
    expect(parseDomainKey('region:n')).toEqual({ breakdown: 'region', code: 'n' });
    expect(parseDomainKey('nonsense')).toBeUndefined();
    expect(parseDomainKey(':A')).toBeUndefined();
  });

  it('of the report are the total, then every group', () => {
    expect(reportDomainKeys([{ code: 'A' }, { code: 'B' }])).toEqual(['total', 'group:A', 'group:B']);
    expect(reportDomainKeys([])).toEqual(['total']);
  });
});
