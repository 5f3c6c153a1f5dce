// The report model on test/fixtures/r-survey/respondents.csv, checked against R:
// test/fixtures/r-survey/reference.json, computed by reference.R with R 4.2.2 and
// survey 4.1.1 as
//   svymean(~x, subset(svydesign(ids=~1, strata=~group, weights=~weight, data=d), cond), na.rm=TRUE)
// Tolerances: means 1e-9 absolute, standard errors 1e-6 relative (as in test/estimate).
// The EditionData is built here from the CSV, independently of the loader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleEdition } from '../../src/model/assemble-edition.ts';
import type { Cell, IndicatorModel } from '../../src/model/types.ts';
import type { EditionData } from '../../src/load/types.ts';
import { studySchema } from '../../src/study/schema.ts';
import { fixtureDir, readCsv } from '../estimate/fixture.ts';
import { answerCode } from '../../src/estimate/coding.ts';

interface Reference {
  results: { variable: string; by: 'total' | 'group' | 'region'; level: string | null; mean: number; se: number; n: number }[];
}
const reference = JSON.parse(readFileSync(`${fixtureDir('r-survey')}reference.json`, 'utf8')) as Reference;

const label = (s: string) => ({ fi: s, en: s });
const study = studySchema.parse({
  id: 'r-survey',
  title: label('R survey'),
  organisation: label('Org'),
  columns: { id: 'resp_id', group: 'group', weight: 'weight' },
  scale: { min: 1, max: 5, cantSay: [6], topBox: 2 },
  bands: [
    { id: 'high', min: 3, label: label('High'), colour: '#000000' },
    { id: 'low', label: label('Low'), colour: '#ffffff' },
  ],
  groups: ['A', 'B', 'C', 'D'].map((code) => ({ code, label: label(code) })),
  background: [{ id: 'region', column: 'region', label: label('Region'), values: ['east', 'north', 'south'].map((code) => ({ code, label: label(code) })) }],
  items: [
    { id: 'q1', label: label('q1') },
    { id: 'q2', label: label('q2') },
  ],
  // R's qmean: the mean of the answered items of q1, q2 when at least one is answered.
  dimensions: [{ id: 'qmean', label: label('q1 and q2'), items: ['q1', 'q2'] }],
  nps: { column: 'nps' },
  // Every domain of the fixture has at least 7 answers: all are shown.
  minBase: 5,
});

function fromCsv(): EditionData {
  const { header, rows } = readCsv(`${fixtureDir('r-survey')}respondents.csv`);
  const col = (name: string) => rows.map((r) => r[header.indexOf(name)]!);
  // 6 is can't say (scale 1–5).
  const answers = (name: string) => ({ codes: Uint8Array.from(col(name), (s) => answerCode(s === '' ? undefined : s === '6' ? 'cantSay' : Number(s), 1)) });
  const regions = study.background[0]!.values.map((v) => v.code);
  return {
    year: 2025,
    file: 'respondents.csv',
    n: rows.length,
    group: Uint16Array.from(col('group'), (g) => study.groups.findIndex((x) => x.code === g)),
    weight: Float64Array.from(col('weight'), Number),
    items: new Map([
      ['q1', answers('q1')],
      ['q2', answers('q2')],
    ]),
    nps: Int8Array.from(col('nps'), (s) => (s === '' ? -1 : Number(s))),
    background: new Map([['region', Int16Array.from(col('region'), (r) => regions.indexOf(r))]]),
    rows: { read: rows.length, used: rows.length, rejected: 0 },
  };
}

const model = assembleEdition({ study, data: fromCsv(), benchmarks: [], editorial: {}, inputHash: '' });
const indicator = (id: string): IndicatorModel => model.indicators.find((x) => x.id === id)!;
const key = (by: string, level: string | null) => (by === 'total' ? 'total' : `${by}:${level}`);

/** Where each R variable sits in the model. */
const cellOf: Record<string, (domain: string) => Cell | undefined> = {
  q1: (d) => indicator('q1').stats[d]?.mean,
  q2: (d) => indicator('q2').stats[d]?.mean,
  qmean: (d) => indicator('qmean').stats[d]?.mean,
  npsscore: (d) => indicator('nps').stats[d]?.mean,
  top2: (d) => indicator('q1').stats[d]?.topBox,
  ...Object.fromEntries([1, 2, 3, 4, 5].map((k) => [`q1_${k}`, (d: string) => indicator('q1').stats[d]?.distribution?.[k - 1]])),
};

describe('the report model against R survey (respondents.csv)', () => {
  it('checks every reference row', () => {
    expect(reference.results).toHaveLength(10 * 8);
  });

  for (const ref of reference.results) {
    it(`${ref.variable} ${key(ref.by, ref.level)}`, () => {
      const cell = cellOf[ref.variable]!(key(ref.by, ref.level));
      expect(cell?.shown).toBe(true);
      if (!cell?.shown) return;
      expect(Math.abs(cell.estimate - ref.mean)).toBeLessThan(1e-9);
      if (ref.se === 0) expect(cell.se).toBeLessThan(1e-15);
      else expect(Math.abs(cell.se / ref.se - 1)).toBeLessThan(1e-6);
      expect(cell.n).toBe(ref.n);
    });
  }

  it('puts the band of the displayed mean on scale means and none on the NPS', () => {
    // R: q1 total 3.2517630053603699 → band "high" (min 3); group B 2.80 → "low".
    expect((indicator('q1').stats.total!.mean as { band?: string }).band).toBe('high');
    expect((indicator('q1').stats['group:B']!.mean as { band?: string }).band).toBe('low');
    expect(indicator('nps').stats.total!.mean).not.toHaveProperty('band');
  });

  it('reports the NPS parts, which add up to 1 and give the NPS', () => {
    for (const domain of ['total', 'group:A', 'region:east']) {
      const s = indicator('nps').stats[domain]!;
      const [p, q, d] = [s.promoters, s.passives, s.detractors].map((c) => (c?.shown ? c.estimate : Number.NaN));
      expect(p! + q! + d!).toBeCloseTo(1, 14);
      expect(s.mean.shown && s.mean.estimate).toBeCloseTo(100 * (p! - d!), 11);
    }
  });
});

// test/fixtures/r-survey/deff.json, computed by deff.R (R 4.2.2, survey 4.1.1) as
//   svymean(~qmean, subset(design, group == g), na.rm = TRUE, deff = "replace")
// Tolerance 1e-6 relative.
describe('the respondents design effects against R survey (respondents.csv)', () => {
  const deff = JSON.parse(readFileSync(`${fixtureDir('r-survey')}deff.json`, 'utf8')) as { rows: { variable: string; domain: string; deffReplace: number }[] };
  const expected = (domain: string) => deff.rows.find((r) => r.variable === 'qmean' && r.domain === domain)!.deffReplace;
  const close = (actual: number | undefined, value: number) => expect(Math.abs(actual! - value) / value).toBeLessThan(1e-6);
  const r = model.respondents;

  it('gives the design-based design effect of the first area (no index) beside Kish’s, in the total and every group', () => {
    expect(r.designEffectIndicator).toBe('qmean');
    close(r.designBasedDesignEffect, expected('total'));
    expect(r.groups.map((g) => g.code)).toEqual(['A', 'B', 'C', 'D']);
    for (const g of r.groups) close(g.designBasedDesignEffect, expected(g.code));
    // Kish's is the weights' alone: n over (Σw)²/Σw², a different number.
    expect(r.designEffect).toBeCloseTo(r.n / r.effectiveN, 12);
    expect(Math.abs(r.designEffect - r.designBasedDesignEffect!)).toBeGreaterThan(0.01);
  });

  it('gives the margin of error of a 50 % share at n over the design-based design effect', () => {
    // 1.959963984540054 = qnorm(0.975).
    for (const g of [r, ...r.groups]) expect(g.marginOfError).toBeCloseTo(1.959963984540054 * Math.sqrt((0.25 * g.designBasedDesignEffect!) / g.n!), 12);
  });
});
