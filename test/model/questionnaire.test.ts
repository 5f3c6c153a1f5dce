// A three-edition study whose questionnaire changes (test/fixtures/questionnaire):
// q3 is dropped in 2025, q4 and group C are added in 2024, q5's column is renamed
// in 2025, q2 is reworded in 2025 (a break), and the can't-say and missing-value
// codes change. Every estimate is checked against R's survey package
// (reference.R there, which applies the edition rules on its own; R 4.2.2, survey
// 4.1.1); the comparisons against the rules of study.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResponses } from '../../src/load/parse-responses.ts';
import type { EditionData } from '../../src/load/types.ts';
import type { IndicatorStats, ReportModel } from '../../src/model/types.ts';
import { parseStudy } from '../../src/study/parse.ts';
import { report } from './build.ts';
import { assembleReportWithWarnings } from '../../src/model/assemble-report.ts';
import { answerValues } from '../../src/load/answers.ts';
import { lmgByGroup } from '../../src/estimate/index.ts';

const DIR = 'test/fixtures/questionnaire';
const parsed = parseStudy(readFileSync(`${DIR}/study.json`, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const study = parsed.study;
const YEARS = [2023, 2024, 2025];

const loaded = YEARS.map((year) => parseResponses(readFileSync(`${DIR}/${year}/responses.csv`, 'utf8'), `${DIR}/${year}/responses.csv`, year, study));
const editions: EditionData[] = loaded.map((r) => r.data!);
const model: ReportModel = report(study, editions);

type Reference = Record<string, Record<string, Record<string, { mean: string; se: string; n: number }>>>;
const reference = JSON.parse(readFileSync(`${DIR}/reference.json`, 'utf8')) as Reference & { provenance: string };

const stats = (year: number, id: string, domain = 'total'): IndicatorStats | undefined => model.editions.find((e) => e.year === year)!.indicators.find((x) => x.id === id)!.stats[domain];
const indicator = (year: number, id: string) => model.editions.find((e) => e.year === year)!.indicators.find((x) => x.id === id)!;

describe('a three-edition study with a changing questionnaire', () => {
  it('loads every edition with no error and no warning of the variables not asked', () => {
    for (const r of loaded) expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const warnings = loaded.flatMap((r) => r.issues.filter((i) => i.severity === 'warning').map((i) => i.message));
    expect(warnings.filter((w) => /q3|q4|Q5_new|not used|ignored|no valid answer|"C"/.test(w))).toEqual([]);
  });

  it('matches R in every edition, for every indicator asked there, in total and per group', () => {
    let checked = 0;
    for (const year of YEARS) {
      for (const [id, byDomain] of Object.entries(reference[String(year)]!)) {
        for (const [domain, r] of Object.entries(byDomain)) {
          const cell = stats(year, id, domain)?.mean;
          expect(cell?.shown, `${year} ${id} ${domain}`).toBe(true);
          if (!cell?.shown) continue;
          expect(cell.n, `${year} ${id} ${domain} n`).toBe(r.n);
          expect(Math.abs(cell.estimate - Number(r.mean)), `${year} ${id} ${domain} mean`).toBeLessThan(1e-12);
          expect(Math.abs(cell.se - Number(r.se)), `${year} ${id} ${domain} se`).toBeLessThan(1e-12);
          checked++;
        }
      }
    }
    // 2023: 7 indicators × 3 domains; 2024: 8 × 4; 2025: 7 × 4.
    expect(checked).toBe(21 + 32 + 28);
  });

  it('marks what was not asked, with no figures, and the break with its note', () => {
    expect(indicator(2023, 'q4').notAsked).toBe(true);
    expect(indicator(2023, 'q4').stats).toEqual({});
    expect(indicator(2025, 'q3').notAsked).toBe(true);
    expect(indicator(2024, 'q3').notAsked).toBeUndefined();
    expect(indicator(2025, 'q2').break).toEqual({ fi: 'Väittämä muotoiltiin uudelleen.', en: 'The statement was reworded.' });
    expect(indicator(2025, 'dA').components).toEqual(['q1', 'q2']);
    expect(indicator(2024, 'dA').components).toEqual(['q1', 'q2', 'q3']);
    expect(indicator(2023, 'dB').components).toEqual(['q5']);
    // Group C did not exist in 2023: no figures for it, and no warning.
    expect(stats(2023, 'q1', 'group:C')).toBeUndefined();
  });

  it('tests a change only between editions with the same definition: never across a gap, a break or a change of components', () => {
    const changed = (year: number, id: string, domain = 'total') => stats(year, id, domain)?.previous !== undefined;
    // Items asked in both editions, same wording.
    expect(changed(2024, 'q1')).toBe(true);
    expect(changed(2025, 'q1')).toBe(true);
    expect(changed(2025, 'q5')).toBe(true); // renamed column, same question
    // q2 reworded in 2025: a break.
    expect(changed(2024, 'q2')).toBe(true);
    expect(changed(2025, 'q2')).toBe(false);
    // q4 first asked in 2024; q3 not asked in 2025.
    expect(changed(2024, 'q4')).toBe(false);
    expect(changed(2025, 'q4')).toBe(true);
    // dB gains q4 in 2024 (not compared), keeps q4 and q5 in 2025 (compared); dA loses q3 and q2 breaks in 2025.
    expect(changed(2024, 'dB')).toBe(false);
    expect(changed(2025, 'dB')).toBe(true);
    expect(changed(2024, 'dA')).toBe(true);
    expect(changed(2025, 'dA')).toBe(false);
    expect(changed(2024, 'idx')).toBe(false);
    expect(changed(2025, 'idx')).toBe(false);
    // Group C is new in 2024: its first change is in 2025.
    expect(changed(2024, 'q1', 'group:C')).toBe(false);
    expect(changed(2025, 'q1', 'group:C')).toBe(true);
  });

  it('an index declared comparable is compared although its components differ (but not across a break of its own)', () => {
    const declared = parseStudy(
      JSON.stringify({
        ...JSON.parse(readFileSync(`${DIR}/study.json`, 'utf8')),
        editions: { ...JSON.parse(readFileSync(`${DIR}/study.json`, 'utf8')).editions, 2024: { missing: ['NA'], comparable: ['idx', 'dB'] } },
      }),
    );
    if (!declared.ok) throw new Error(JSON.stringify(declared.problems));
    const m = report(declared.study, editions);
    const s = (id: string) => m.editions.find((e) => e.year === 2024)!.indicators.find((x) => x.id === id)!.stats.total!;
    expect(s('idx').previous).toBeDefined();
    expect(s('dB').previous).toBeDefined();
    expect(m.editions.find((e) => e.year === 2025)!.indicators.find((x) => x.id === 'idx')!.stats.total!.previous).toBeUndefined();
  });

  it('trends: a point without a figure where the item was not asked, the break on its point', () => {
    const q3 = model.trends.find((t) => t.indicator === 'q3' && t.domain === 'total')!;
    expect(q3.points.map((p) => [p.year, p.cell?.shown ?? null, p.notAsked ?? false])).toEqual([
      [2023, true, false],
      [2024, true, false],
      [2025, null, true],
    ]);
    const q4 = model.trends.find((t) => t.indicator === 'q4' && t.domain === 'total')!;
    expect(q4.points[0]).toEqual({ year: 2023, notAsked: true });
    const q2 = model.trends.find((t) => t.indicator === 'q2' && t.domain === 'total')!;
    expect(q2.points[2]!.break?.en).toBe('The statement was reworded.');
    expect(q2.points[2]!.change).toBeUndefined();
  });

  it('warns of an item asked in an edition with no valid answer (a padded column), never of one not asked', () => {
    const editorials = new Map(YEARS.map((y) => [y, {}]));
    const run = (data: EditionData[]) =>
      assembleReportWithWarnings({ study, editions: data, benchmarks: [], editorials, inputHashes: new Map(), toolVersion: 't', builtOn: '2026-01-01' }).warnings.map((w) => w.message);
    expect(run(editions).filter((m) => m.includes('no valid answer'))).toEqual([]);
    // q1 of 2024 emptied, as a blank column padded in would be.
    const padded = editions.map((e) => (e.year === 2024 ? { ...e, items: new Map([...e.items, ['q1', { codes: new Uint8Array(e.n) }]]) } : e));
    expect(run(padded).filter((m) => m.includes('no valid answer'))).toEqual(['item "q1" has no valid answer in edition 2024: "dA", "idx" are computed without it']);
  });

  it('key drivers use the predictors that exist in each edition, with the figures of an analysis on those alone', () => {
    const withDrivers = { ...study, minBase: 10, drivers: { outcome: 'q5', predictors: ['q1', 'q2', 'q3', 'q4'] } };
    const m = report(withDrivers, editions);
    const total = (year: number) => m.editions.find((e) => e.year === year)!.drivers.find((d) => d.domain === 'total')!;
    expect(
      total(2023)
        .predictors.map((p) => p.id)
        .sort(),
    ).toEqual(['q1', 'q2', 'q3']);
    expect(
      total(2024)
        .predictors.map((p) => p.id)
        .sort(),
    ).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(
      total(2025)
        .predictors.map((p) => p.id)
        .sort(),
    ).toEqual(['q1', 'q2', 'q4']);
    // The same as the analysis run on 2025's predictors alone.
    const e = editions[2]!;
    const x = ['q1', 'q2', 'q4'].map((id) => answerValues(e.items.get(id)!, 1));
    const direct = lmgByGroup(x, answerValues(e.items.get('q5')!, 1), e.weight, e.group, study.groups.length).total;
    if (!direct.available) throw new Error('no analysis');
    expect(total(2025).r2).toBeCloseTo(direct.r2, 12);
    expect(total(2025).n).toBe(direct.n);
    const byId = Object.fromEntries(total(2025).predictors.map((p) => [p.id, p.importance]));
    ['q1', 'q2', 'q4'].forEach((id, j) => expect(byId[id]).toBeCloseTo(direct.share[j]!, 12));
  });
});
