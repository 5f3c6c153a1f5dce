// The flat CSV of the report model. Expected values: the constructed edition of
// test/model (group A, weights 1: q1 2, 4, 4, 5, 5 → mean 4, SE √0.3 = s/√n).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { indicatorsCsv } from '../../src/export/index.ts';
import { editionFigures } from '../../src/publish/index.ts';
import { Z975 } from '../../src/estimate/index.ts';
import { edition, report, testStudy, type Row } from '../model/build.ts';

describe('indicatorsCsv', () => {
  const study = testStudy({ drivers: undefined });
  const rows: Row[] = [2, 4, 4, 5, 5].map((v) => ({ group: 'A', a: { q1: v } }));
  const m = report(study, [edition(study, 2025, rows)]);
  const csv = indicatorsCsv(m);
  const lines = csv.split('\n');

  it('has the documented header and one figure per line', () => {
    expect(lines[0]).toBe('edition,breakdown,domain,indicator,kind,statistic,value');
    expect(csv.endsWith('\n')).toBe(true);
    for (const line of lines.slice(1, -1)) expect(line.split(',')).toHaveLength(7);
  });

  it("writes a shown mean's estimate, se, interval, n, effective n and band", () => {
    const se = Math.sqrt(0.3);
    const mean = lines.filter((l) => l.startsWith('2025,total,total,q1,item,mean.'));
    expect(mean[0]).toBe('2025,total,total,q1,item,mean.estimate,4');
    expect(Number(mean[1]!.split(',')[6])).toBeCloseTo(se, 15);
    expect(mean.map((l) => l.split(',')[5])).toEqual(['mean.estimate', 'mean.se', 'mean.ci_low', 'mean.ci_high', 'mean.n', 'mean.effective_n', 'mean.band']);
    expect(Number(mean[2]!.split(',')[6])).toBeCloseTo(4 - Z975 * se, 14);
    expect(Number(mean[3]!.split(',')[6])).toBeCloseTo(4 + Z975 * se, 14);
    expect(mean.slice(4)).toEqual(['2025,total,total,q1,item,mean.n,5', '2025,total,total,q1,item,mean.effective_n,5', '2025,total,total,q1,item,mean.band,excellent']);
    // Distribution from scale.min: no 1s or 3s, one 2, two 4s, two 5s.
    expect(lines.filter((l) => /^2025,group,A,q1,item,share_\d\.estimate,/.test(l))).toEqual([
      '2025,group,A,q1,item,share_1.estimate,0',
      '2025,group,A,q1,item,share_2.estimate,0.2',
      '2025,group,A,q1,item,share_3.estimate,0',
      '2025,group,A,q1,item,share_4.estimate,0.4',
      '2025,group,A,q1,item,share_5.estimate,0.4',
    ]);
    expect(lines).toContain('2025,total,total,q1,item,top_box.estimate,0.8');
    expect(lines).toContain('2025,total,total,q1,item,cant_say.estimate,0');
  });

  it('writes comparisons and benchmarks', () => {
    const before = edition(
      study,
      2024,
      [1, 2, 3, 4, 5].map((v) => ({ group: 'A', a: { q1: v } })),
    );
    const two = report(study, [before, edition(study, 2025, rows)], { benchmarks: [{ year: 2025, indicator: 'q1', mean: 3 }] });
    const out = indicatorsCsv(two).split('\n');
    const change = out.filter((l) => l.startsWith('2025,total,total,q1,item,change.'));
    expect(change.map((l) => l.split(',')[5])).toEqual(['change.difference', 'change.z', 'change.p', 'change.significant']);
    expect(change[0]).toBe('2025,total,total,q1,item,change.difference,1');
    expect(change[3]).toBe('2025,total,total,q1,item,change.significant,false');
    const bench = out.filter((l) => l.startsWith('2025,total,total,q1,item,benchmark.'));
    expect(bench.map((l) => l.split(',')[5])).toEqual(['benchmark.mean', 'benchmark.difference', 'benchmark.z', 'benchmark.p', 'benchmark.significant']);
    expect(bench[0]).toBe('2025,total,total,q1,item,benchmark.mean,3');
    // Only the editions asked for.
    expect(
      indicatorsCsv(two, [two.editions[0]!])
        .split('\n')
        .slice(1, -1)
        .every((l) => l.startsWith('2024,')),
    ).toBe(true);
  });

  it('writes a withheld cell only as "suppressed" rows with the reason', () => {
    const s = testStudy({ minBase: 10, drivers: undefined });
    const r = report(s, [
      edition(s, 2025, [
        ...Array.from({ length: 12 }, () => ({ group: 'A', a: { q1: 3 } })),
        ...Array.from({ length: 11 }, () => ({ group: 'B', a: { q1: 4 } })),
        ...Array.from({ length: 6 }, () => ({ group: 'C', a: { q1: 2 } })),
      ]),
    ]);
    const out = indicatorsCsv(r).split('\n');
    expect(out.filter((l) => l.startsWith('2025,group,B,q1,'))).toEqual([
      '2025,group,B,q1,item,mean.suppressed,complementary',
      '2025,group,B,q1,item,top_box.suppressed,complementary',
      ...[1, 2, 3, 4, 5].map((p) => `2025,group,B,q1,item,share_${p}.suppressed,complementary`),
      '2025,group,B,q1,item,cant_say.suppressed,complementary',
    ]);
    expect(out.filter((l) => l.startsWith('2025,group,C,q1,')).every((l) => l.endsWith('.suppressed,base'))).toBe(true);
    // Nobody in D: not even a suppressed row.
    expect(out.some((l) => l.startsWith('2025,group,D,'))).toBe(false);
  });

  it('quotes codes with commas and quotes, so a CSV reader gets them back', () => {
    // A line break cannot be in a group code (it names a commentary file), so none is here.
    const codes = ['a,b', 'say "hi"', 'x, "y"'];
    const s = testStudy({ drivers: undefined, groups: codes.map((code) => ({ code, label: { fi: code, en: code } })) });
    const r = report(s, [
      edition(
        s,
        2025,
        codes.flatMap((group) => Array.from({ length: 5 }, (_, i) => ({ group, a: { q1: 1 + i } }))),
      ),
    ]);
    const text = indicatorsCsv(r);
    expect(text).toContain('\n2025,group,"a,b",q1,item,mean.estimate,3\n');
    expect(text).toContain('\n2025,group,"say ""hi""",q1,item,mean.estimate,3\n');
    expect(text).toContain('\n2025,group,"x, ""y""",q1,item,mean.estimate,3\n');
    const parsed = Papa.parse<string[]>(text.trimEnd()).data;
    const domains = new Set(parsed.filter((row) => row[1] === 'group').map((row) => row[2]));
    expect([...domains]).toEqual(codes);
    expect(parsed.every((row) => row.length === 7)).toBe(true);
  });
});

describe('editionFigures', () => {
  it('gives [breakdown, domain, indicator, kind, statistic, value] rows, the CSV without the edition', () => {
    const study = testStudy({ drivers: undefined });
    const m = report(study, [
      edition(
        study,
        2025,
        Array.from({ length: 10 }, (_, i) => ({ group: 'A', region: i < 5 ? 'n' : 's', a: { q1: 1 + (i % 5) }, nps: 10 - i })),
      ),
    ]);
    const rows = editionFigures(m, m.editions[0]!);
    expect(rows.slice(0, 2)).toEqual([
      // Only q1 and the NPS are answered; indices and dimensions come first but have no figures.
      ['total', 'total', 'q1', 'item', 'mean.estimate', '3'],
      ['total', 'total', 'q1', 'item', 'mean.se', expect.any(String)],
    ]);
    expect(rows).toContainEqual(['region', 'n', 'q1', 'item', 'mean.estimate', '3']);
    expect(rows).toContainEqual(['total', 'total', 'nps', 'nps', 'mean.estimate', '-40']);
    expect(rows).toContainEqual(['total', 'total', 'nps', 'nps', 'promoters.estimate', '0.2']);
    const csvRows = indicatorsCsv(m).trimEnd().split('\n').slice(1);
    expect(csvRows).toEqual(rows.map((r) => ['2025', ...r].join(',')));
  });
});
