// No figure about fewer than 5 respondents by subtraction (fast-check, fixed seed): on
// random studies (groups of 0 to 40 respondents, many under 5; blanks, can't say and
// respondents without a background value; weights; two editions), every published table
// that has a total and its parts — the respondents table, each statistic of each indicator
// by group and by background class, and the key-driver analyses — is tried: the total's n
// less the shown parts' n leaves either nothing or at least 5 respondents. Exact counts, no tolerance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, EditionModel, IndicatorStats, ReportModel } from '../../src/model/types.ts';
import { respondentsTable } from '../../src/site/method.ts';
import { edition, report, testStudy, type Answer, type Row } from './build.ts';

const FLOOR = 5;
const items = ['q1', 'q2', 'q3', 'q4', 'q5', 'y1', 'y2'];
const answer: fc.Arbitrary<Answer> = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom<Answer>('cs', '') });
const rowOf = (group: string): fc.Arbitrary<Row> =>
  fc.record({
    group: fc.constant(group),
    weight: fc.double({ min: 0.5, max: 3, noNaN: true }),
    a: fc.record(Object.fromEntries(items.map((id) => [id, answer])) as Record<string, fc.Arbitrary<Answer>>),
    nps: fc.integer({ min: 0, max: 10 }),
    // 'x' is no background value: in no class of the region.
    region: fc.constantFrom('n', 'n', 's', 's', 'x'),
  });
/** A group of 0–6 or 5–40 respondents. */
const groupRows = (group: string) => fc.oneof(fc.array(rowOf(group), { maxLength: 6 }), fc.array(rowOf(group), { minLength: 5, maxLength: 40 }));
const editionRows = fc.tuple(groupRows('A'), groupRows('B'), groupRows('C'), groupRows('D')).map((parts) => parts.flat());

/** Every published (table, total n, parts' shown n) of an edition. */
function tables(model: ReportModel, e: EditionModel): { table: string; total: number; parts: number[] }[] {
  const out: { table: string; total: number; parts: number[] }[] = [];
  const r = e.respondents;
  out.push({ table: 'respondents', total: r.n, parts: r.groups.flatMap((g) => (g.n === undefined ? [] : [g.n])) });
  const breakdowns = [...new Set(e.domains.map((d) => d.breakdown).filter((b) => b !== 'total'))];
  const cellsOf = (s: IndicatorStats): [string, Cell][] => [
    ['mean', s.mean],
    ...(s.topBox ? [['topBox', s.topBox] as [string, Cell]] : []),
    ...(s.cantSay ? [['cantSay', s.cantSay] as [string, Cell]] : []),
    ...(s.promoters ? [['promoters', s.promoters] as [string, Cell]] : []),
    ...(s.distribution ?? []).map((c, k) => [`share${k}`, c] as [string, Cell]),
  ];
  for (const x of e.indicators) {
    const total = x.stats.total;
    if (!total) continue;
    for (const [name, cell] of cellsOf(total)) {
      if (!cell.shown) continue;
      for (const b of breakdowns) {
        const parts = e.domains
          .filter((d) => d.breakdown === b)
          .flatMap((d) => {
            const s = x.stats[d.key];
            const c = s ? cellsOf(s).find(([n]) => n === name)?.[1] : undefined;
            return c?.shown ? [c.n] : [];
          });
        out.push({ table: `${x.id} ${name} by ${b}`, total: cell.n, parts });
      }
    }
  }
  const totalDrivers = e.drivers.find((d) => d.domain === 'total');
  if (totalDrivers) out.push({ table: 'drivers by group', total: totalDrivers.n, parts: e.drivers.filter((d) => d.domain !== 'total').map((d) => d.n) });
  void model;
  return out;
}

describe('disclosure by subtraction', () => {
  it('no published table gives away fewer than 5 respondents as its total less its shown parts', () => {
    let protectedTables = 0;
    fc.assert(
      fc.property(editionRows, editionRows, fc.constantFrom(5, 8, 30), (rows2024, rows2025, minBase) => {
        const study = testStudy({ minBase });
        const model = report(study, [edition(study, 2024, rows2024), edition(study, 2025, rows2025)]);
        for (const e of model.editions) {
          for (const { table, total, parts } of tables(model, e)) {
            // A total under 5 is not a subtraction (an edition of fewer than 5 respondents still gives its n); no part of it may be shown.
            if (total < FLOOR) {
              expect(parts, `${e.year} ${table}`).toEqual([]);
              continue;
            }
            const left = total - parts.reduce((a, b) => a + b, 0);
            expect(left === 0 || left >= FLOOR, `${e.year} ${table}: ${total} − (${parts.join(' + ')}) = ${left}`).toBe(true);
            if (left >= FLOOR) protectedTables++;
          }
        }
      }),
      { seed: 16, numRuns: 150 },
    );
    // The generator does make tables with something withheld.
    expect(protectedTables).toBeGreaterThan(100);
  });
});

describe('the respondents table of a study with a group under 5', () => {
  // Groups of 20, 3, 10 and 30 respondents weighing 1, 2, 3, 1, 2, 3, …: B is under 5, and C, the smallest other group, is withheld with it.
  const study = testStudy({ minBase: 5 });
  const rows = (group: string, k: number): Row[] => Array.from({ length: k }, (_, i) => ({ group, weight: 1 + (i % 3), a: { q1: 1 + (i % 5), y1: 1 + (i % 4), y2: 2 }, nps: i % 11, region: 'n' }));
  const model = report(study, [edition(study, 2025, [...rows('A', 20), ...rows('B', 3), ...rows('C', 10), ...rows('D', 30)])]);
  const e = model.editions[0]!;

  it('withholds the smallest other group too, so that the total less the others leaves 13 respondents', () => {
    expect(e.respondents.n).toBe(63);
    // Σw: A 7·1 + 7·2 + 6·3 = 39, D 10·(1 + 2 + 3) = 60.
    expect(e.respondents.groups.map((g) => [g.code, g.n, g.sumWeights, g.complementary])).toEqual([
      ['A', 20, 39, undefined],
      ['B', undefined, undefined, undefined],
      ['C', undefined, undefined, true],
      ['D', 30, 60, undefined],
    ]);
    expect(respondentsTable(model, e, 'en').rows.map((r) => r[1]!.text)).toEqual(['20', 'n < 5', 'not shown (protects a group under 5)', '30', '63']);
    expect(respondentsTable(model, e, 'fi').rows[2]![1]!.text).toBe('ei näytetä (suojaa alle 5 hengen ryhmää)');
  });
});
