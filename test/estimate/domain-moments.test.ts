// DomainMoments against surveyMean (itself checked against R's survey package)
// to 1e-12 relative, on the R fixture and on random data; and against the R
// reference values directly with the R tolerances (means 1e-9, SE 1e-6 relative).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerCode,
  BLANK,
  CANT_SAY,
  DomainMoments,
  domainWeightShares,
  indicator,
  isAnswerCode,
  itemScores,
  itemVariable,
  kishEffectiveN,
  npsBinScores,
  npsScores,
  npsVariable,
  prepareDomains,
  respondentMeans,
  surveyMean,
  type Design,
  type MeanEstimate,
  type Partition,
} from '../../src/estimate/index.ts';
import { fixtureDir, loadRespondents, readCsv } from './fixture.ts';

const REL = 1e-12;

function close(a: number, b: number, tiny = 1e-14): boolean {
  return Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) || (Math.abs(a) < tiny && Math.abs(b) < tiny);
}

/**
 * SEs agree to 1e-12 relative, or to 1e-14 of the estimate's size when the SE is
 * tiny beside the values (then both algorithms are at double precision's floor).
 */
function seClose(a: MeanEstimate, b: MeanEstimate): boolean {
  return Math.abs(a.se - b.se) <= REL * Math.max(a.se, b.se) + 1e-14 * (Math.abs(b.estimate) + 1);
}

/** The interval ends differ from the estimate by 1.96 SE; compare them on the scale of |estimate| + 2 SE. */
function ciClose(a: MeanEstimate, b: MeanEstimate): boolean {
  const scale = Math.abs(b.estimate) + 2 * b.se;
  return Math.abs(a.ci[0] - b.ci[0]) <= REL * scale && Math.abs(a.ci[1] - b.ci[1]) <= REL * scale;
}

/** The fast estimate equals surveyMean's in every field (to 1e-12 relative; counts exactly). */
function expectSame(fast: MeanEstimate | undefined, slow: MeanEstimate | undefined, what: string): void {
  if (slow === undefined) {
    expect(fast, what).toBeUndefined();
    return;
  }
  expect(fast, what).toBeDefined();
  const f = fast!;
  const ok =
    close(f.estimate, slow.estimate) && seClose(f, slow) && close(f.effectiveN, slow.effectiveN) && close(f.sumWeights, slow.sumWeights) && f.n === slow.n && f.df === slow.df && ciClose(f, slow);
  if (!ok) expect({ what, ...f }).toEqual({ what, ...slow });
}

/** Per partition and class, the 0/1 domain mask surveyMean takes (undefined for the total). */
function masks(partitions: Partition[], rows: number): { p: number; c: number; mask?: Uint8Array }[] {
  const out: { p: number; c: number; mask?: Uint8Array }[] = [];
  partitions.forEach((part, p) => {
    for (let c = 0; c < part.classes; c++) {
      if (!part.codes) out.push({ p, c });
      else out.push({ p, c, mask: Uint8Array.from({ length: rows }, (_, i) => (part.codes![i] === c ? 1 : 0)) });
    }
  });
  return out;
}

// --- The R fixture -----------------------------------------------------------

const d = loadRespondents();
const raw = readCsv(`${fixtureDir('r-survey')}respondents.csv`);
const column = (name: string) => raw.rows.map((r) => r[raw.header.indexOf(name)]);
/** Answer codes as the loader stores them (6 is can't say, the scale 1–5). */
const codesOf = (name: string) => Uint8Array.from(column(name), (s) => answerCode(s === '' ? undefined : s === '6' ? 'cantSay' : Number(s), 1));
const regions = [...new Set(d.region)].sort();
const regionCodes = Int16Array.from(d.region, (r) => regions.indexOf(r));
const npsAnswers = Int8Array.from(column('nps'), (s) => (s === '' ? -1 : Number(s)));
const partitions: Partition[] = [{ classes: 1 }, { codes: d.design.strata, classes: d.groups.length }, { codes: regionCodes, classes: regions.length }];
const qmean = respondentMeans([d.q1, d.q2]);
const moments = DomainMoments.compute(prepareDomains(d.design, partitions), [
  itemVariable(codesOf('q1'), 5),
  itemVariable(codesOf('q2'), 5),
  npsVariable(npsAnswers),
  { kind: 'numeric', values: qmean, centre: 3 },
]);
const item = itemScores(1, 5, 2);
const nps = npsBinScores();
const cantSayColumn = (codes: Uint8Array) => Float64Array.from(codes, (c) => (c === CANT_SAY ? 1 : c === BLANK ? NaN : 0));

describe('DomainMoments on the R fixture', () => {
  const domains = masks(partitions, d.weight.length);

  it('has a domain per class of each partition', () => {
    expect(moments.domainCount).toBe(1 + d.groups.length + regions.length);
    expect(moments.domain(2, 1)).toBe(1 + d.groups.length + 1);
  });

  for (const [k, name, values] of [
    [0, 'q1', d.q1],
    [1, 'q2', d.q2],
  ] as const) {
    it(`${name}: mean, top-2 box, each point and can't say equal surveyMean in every domain`, () => {
      for (const { p, c, mask } of domains) {
        const at = moments.domain(p, c);
        const where = `${name} partition ${p} class ${c}`;
        expectSame(moments.codedMean(k, at, item.mean), surveyMean(d.design, values, mask), `${where} mean`);
        expectSame(
          moments.codedMean(k, at, item.topBox),
          surveyMean(
            d.design,
            indicator(values, (v) => v >= 4),
            mask,
          ),
          `${where} top box`,
        );
        for (let point = 1; point <= 5; point++) {
          expectSame(
            moments.codedMean(k, at, item.points[point - 1]),
            surveyMean(
              d.design,
              indicator(values, (v) => v === point),
              mask,
            ),
            `${where} point ${point}`,
          );
        }
        expectSame(moments.codedMean(k, at, item.cantSay), surveyMean(d.design, cantSayColumn(codesOf(name)), mask), `${where} can't say`);
      }
    });
  }

  it('NPS and its shares, and a numeric score, equal surveyMean in every domain', () => {
    const answers = Float64Array.from(npsAnswers, (a) => (a < 0 ? NaN : a));
    for (const { p, c, mask } of domains) {
      const at = moments.domain(p, c);
      expectSame(moments.codedMean(2, at, nps.score), surveyMean(d.design, npsScores(answers), mask), 'nps');
      expectSame(
        moments.codedMean(2, at, nps.promoters),
        surveyMean(
          d.design,
          indicator(answers, (v) => v >= 9),
          mask,
        ),
        'promoters',
      );
      expectSame(
        moments.codedMean(2, at, nps.passives),
        surveyMean(
          d.design,
          indicator(answers, (v) => v >= 7 && v <= 8),
          mask,
        ),
        'passives',
      );
      expectSame(
        moments.codedMean(2, at, nps.detractors),
        surveyMean(
          d.design,
          indicator(answers, (v) => v <= 6),
          mask,
        ),
        'detractors',
      );
      expectSame(moments.mean(3, at), surveyMean(d.design, qmean, mask), 'qmean');
    }
  });

  it('matches the R reference values with the R tolerances', () => {
    const reference = JSON.parse(readFileSync(`${fixtureDir('r-survey')}reference.json`, 'utf8')) as {
      results: { variable: string; by: 'total' | 'group' | 'region'; level: string | null; mean: number; se: number; n: number }[];
    };
    const fast = (variable: string, domain: number): MeanEstimate | undefined => {
      if (variable === 'q1' || variable === 'q2') return moments.codedMean(variable === 'q1' ? 0 : 1, domain, item.mean);
      if (variable === 'qmean') return moments.mean(3, domain);
      if (variable === 'npsscore') return moments.codedMean(2, domain, nps.score);
      if (variable === 'top2') return moments.codedMean(0, domain, item.topBox);
      const point = /^q1_(\d)$/.exec(variable);
      if (point) return moments.codedMean(0, domain, item.points[Number(point[1]) - 1]);
      throw new Error(`unknown variable ${variable}`);
    };
    let checked = 0;
    for (const ref of reference.results) {
      const domain = ref.by === 'total' ? 0 : ref.by === 'group' ? moments.domain(1, d.groups.indexOf(ref.level!)) : moments.domain(2, regions.indexOf(ref.level!));
      const e = fast(ref.variable, domain)!;
      expect(Math.abs(e.estimate - ref.mean)).toBeLessThan(1e-9);
      if (ref.se === 0) expect(e.se).toBeLessThan(1e-15);
      else expect(Math.abs(e.se / ref.se - 1)).toBeLessThan(1e-6);
      expect(e.n).toBe(ref.n);
      checked++;
    }
    expect(checked).toBe(reference.results.length);
  });

  it('numbers the domains as domainWeightShares does, which gives each its respondents and weights', () => {
    const shares = domainWeightShares(d.weight, partitions);
    expect(shares.length).toBe(moments.domainCount);
    const all = shares[0];
    expect(all.n).toBe(d.weight.length);
    expect(
      close(
        all.sumWeights,
        d.weight.reduce((s, w) => s + w, 0),
      ),
    ).toBe(true);
    expect(
      close(
        all.effectiveN,
        kishEffectiveN(
          all.sumWeights,
          d.weight.reduce((s, w) => s + w * w, 0),
        ),
      ),
    ).toBe(true);
    const g = shares[moments.domain(1, 0)];
    expect(g.n).toBe(d.group.filter((x) => x === d.groups[0]).length);
  });
});

// --- Random data -------------------------------------------------------------

interface Random {
  strata: number[];
  weights: number[];
  answers: number[];
  values: number[];
  background: number[];
  strataCount: number;
  classes: number;
}

const randomData = fc.record({ strataCount: fc.integer({ min: 1, max: 4 }), classes: fc.integer({ min: 1, max: 3 }), rows: fc.integer({ min: 1, max: 120 }) }).chain(({ strataCount, classes, rows }) =>
  fc.record({
    strataCount: fc.constant(strataCount),
    classes: fc.constant(classes),
    strata: fc.array(fc.integer({ min: 0, max: strataCount - 1 }), { minLength: rows, maxLength: rows }),
    weights: fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: rows, maxLength: rows }),
    // Codes as stored: blank, 1–5 answers, can't say (weighted towards answers).
    answers: fc.array(fc.constantFrom(BLANK, 1, 2, 3, 3, 4, 4, 5, 5, CANT_SAY), { minLength: rows, maxLength: rows }),
    values: fc.array(fc.oneof(fc.double({ min: 1, max: 5, noNaN: true }), fc.constant(NaN)), { minLength: rows, maxLength: rows }),
    background: fc.array(fc.integer({ min: -1, max: classes - 1 }), { minLength: rows, maxLength: rows }),
  }),
);

describe('DomainMoments on random data', () => {
  it('equals surveyMean for every statistic and domain (1e-12 relative)', () => {
    fc.assert(
      fc.property(randomData, (r: Random) => {
        const design: Design = { strata: Uint16Array.from(r.strata), weights: Float64Array.from(r.weights), strataCount: r.strataCount };
        const codes = Uint8Array.from(r.answers);
        const values = Float64Array.from(codes, (c) => (isAnswerCode(c) ? c : NaN));
        const numeric = Float64Array.from(r.values);
        const parts: Partition[] = [{ classes: 1 }, { codes: design.strata, classes: r.strataCount }, { codes: Int16Array.from(r.background), classes: r.classes }];
        const m = DomainMoments.compute(prepareDomains(design, parts), [itemVariable(codes, 5), { kind: 'numeric', values: numeric, centre: 3 }]);
        for (const { p, c, mask } of masks(parts, r.strata.length)) {
          const at = m.domain(p, c);
          expectSame(m.codedMean(0, at, item.mean), surveyMean(design, values, mask), 'mean');
          expectSame(
            m.codedMean(0, at, item.topBox),
            surveyMean(
              design,
              indicator(values, (v) => v >= 4),
              mask,
            ),
            'top box',
          );
          expectSame(
            m.codedMean(0, at, item.points[2]),
            surveyMean(
              design,
              indicator(values, (v) => v === 3),
              mask,
            ),
            'point 3',
          );
          expectSame(m.codedMean(0, at, item.cantSay), surveyMean(design, cantSayColumn(codes), mask), "can't say");
          expectSame(m.mean(1, at), surveyMean(design, numeric, mask), 'numeric');
        }
      }),
      { seed: 20251107, numRuns: 300 },
    );
  });

  it('multiplying every weight by a constant changes no estimate or SE', () => {
    fc.assert(
      fc.property(randomData, fc.double({ min: 0.01, max: 100, noNaN: true }), (r: Random, k: number) => {
        const make = (scale: number) =>
          DomainMoments.compute(prepareDomains({ strata: Uint16Array.from(r.strata), weights: Float64Array.from(r.weights, (w) => w * scale), strataCount: r.strataCount }, [{ classes: 1 }]), [
            itemVariable(Uint8Array.from(r.answers), 5),
            { kind: 'numeric', values: Float64Array.from(r.values), centre: 3 },
          ]);
        const a = make(1);
        const b = make(k);
        const pairs = [
          [a.codedMean(0, 0, item.mean), b.codedMean(0, 0, item.mean)],
          [a.mean(1, 0), b.mean(1, 0)],
        ];
        for (const [x, y] of pairs) {
          if (x === undefined || y === undefined) return x === y;
          if (!(Math.abs(x.estimate - y.estimate) <= 1e-12 * Math.abs(x.estimate) + 1e-14 && Math.abs(x.se - y.se) <= 1e-9 * x.se + 1e-14)) return false;
        }
        return true;
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
