// The logit interval of shares against R's survey package (4.1.1, R 4.2.2):
// test/fixtures/r-survey/share-ci.R writes share-ci.json with
// svyciprop(~I(y), subset(design, domain & answered), method = "logit") for 12
// shares × 8 domains × 3 designs of respondents.csv. Each share is estimated
// here as the report does (DomainMoments over answer codes) and its interval
// made by logitInterval. Tolerances: 1e-9 absolute against svyglm converged to
// 1e-15 (the same svyglm and confint calls as svyciprop's), and 1e-8 against
// svyciprop as called by default, whose glm stops at a relative deviance change
// of 1e-8. The degrees of freedom equal R's degf(subset) exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answerCode,
  DomainMoments,
  itemScores,
  itemVariable,
  logitInterval,
  npsBinScores,
  npsVariable,
  prepareDomains,
  studentTQuantile,
  Z975,
  type Design,
  type Partition,
} from '../../src/estimate/index.ts';
import { fixtureDir, loadRespondents, readCsv } from './fixture.ts';

interface Reference {
  design: 'weighted' | 'unweighted' | 'unstratified';
  share: string;
  by: 'total' | 'group' | 'region';
  level: string | null;
  n: number;
  df: number;
  estimate: number;
  se: number;
  svyciprop: [number, number];
  converged: [number, number];
}

const reference = JSON.parse(readFileSync(`${fixtureDir('r-survey')}share-ci.json`, 'utf8')) as { R: string; survey: string; results: Reference[] };

const d = loadRespondents();
const raw = readCsv(`${fixtureDir('r-survey')}respondents.csv`);
const column = (name: string) => raw.rows.map((r) => r[raw.header.indexOf(name)]);
const codesOf = (name: string) => Uint8Array.from(column(name), (s) => answerCode(s === '' ? undefined : s === '6' ? 'cantSay' : Number(s), 1));
const regions = [...new Set(d.region)].sort();
const regionCodes = Int16Array.from(d.region, (r) => regions.indexOf(r));
const npsAnswers = Int8Array.from(column('nps'), (s) => (s === '' ? -1 : Number(s)));

const designs: Record<Reference['design'], Design> = {
  weighted: d.design,
  unweighted: { ...d.design, weights: new Float64Array(d.weight.length).fill(1) },
  unstratified: { strata: new Uint16Array(d.weight.length), weights: d.weight, strataCount: 1 },
};

const item = itemScores(1, 5, 2);
const nps = npsBinScores();
// Answers 2–5 of 1–5: a share near 1. Bins: 0 blank, 1–5 the answers, 6 can't say.
const notOne = Float64Array.from([NaN, 0, 1, 1, 1, 1, NaN]);
/** Per share: its variable (0 q1, 1 q2, 2 NPS) and its score per bin. */
const shares: Record<string, [number, ArrayLike<number>]> = {
  q1_1: [0, item.points[0]],
  q1_2: [0, item.points[1]],
  q1_3: [0, item.points[2]],
  q1_4: [0, item.points[3]],
  q1_5: [0, item.points[4]],
  top2: [0, item.topBox],
  not1: [0, notOne],
  q2_top2: [1, item.topBox],
  cantsay: [0, item.cantSay],
  promoters: [2, nps.promoters],
  passives: [2, nps.passives],
  detractors: [2, nps.detractors],
};

describe('logitInterval against R svyciprop(method = "logit")', () => {
  it(`matches every share of the fixture (R ${reference.R}, survey ${reference.survey})`, () => {
    let checked = 0;
    let degenerate = 0;
    for (const [name, design] of Object.entries(designs)) {
      const partitions: Partition[] = [{ classes: 1 }, { codes: d.design.strata, classes: d.groups.length }, { codes: regionCodes, classes: regions.length }];
      const moments = DomainMoments.compute(prepareDomains(design, partitions), [itemVariable(codesOf('q1'), 5), itemVariable(codesOf('q2'), 5), npsVariable(npsAnswers)]);
      for (const ref of reference.results.filter((r) => r.design === name)) {
        const domain = ref.by === 'total' ? 0 : ref.by === 'group' ? moments.domain(1, d.groups.indexOf(ref.level!)) : moments.domain(2, regions.indexOf(ref.level!));
        const [variable, score] = shares[ref.share]!;
        const e = moments.codedMean(variable, domain, score)!;
        const what = `${ref.design} ${ref.share} ${ref.by} ${ref.level ?? ''}`;
        expect(e.n, what).toBe(ref.n);
        expect(e.df, what).toBe(ref.df);
        expect(Math.abs(e.estimate - ref.estimate), what).toBeLessThan(1e-12);
        const [low, high] = logitInterval(e.estimate, e.se, e.df);
        if (ref.estimate === 0 || ref.estimate === 1) {
          // R's fit does not converge at a share of 0 or 1 (its interval is around 1e-11 or 1 − 1e-11); ours is the point itself.
          expect([low, high], what).toEqual([ref.estimate, ref.estimate]);
          expect(Math.abs(ref.svyciprop[0] - ref.estimate) + Math.abs(ref.svyciprop[1] - ref.estimate), what).toBeLessThan(1e-9);
          degenerate++;
        } else {
          expect(Math.abs(low - ref.converged[0]), `${what} low`).toBeLessThan(1e-9);
          expect(Math.abs(high - ref.converged[1]), `${what} high`).toBeLessThan(1e-9);
          expect(Math.abs(low - ref.svyciprop[0]), `${what} low (svyciprop)`).toBeLessThan(1e-8);
          expect(Math.abs(high - ref.svyciprop[1]), `${what} high (svyciprop)`).toBeLessThan(1e-8);
          expect(low).toBeGreaterThan(0);
          expect(high).toBeLessThan(1);
        }
        checked++;
      }
    }
    expect(checked).toBe(reference.results.length);
    expect(checked).toBe(3 * 12 * 8);
    // The fixture has shares of 0 or 1 (group D, n = 7), and they are not all of it.
    expect(degenerate).toBeGreaterThan(0);
    expect(degenerate).toBeLessThan(checked / 4);
  });

  it('is the point itself without variance, and all of 0–1 without degrees of freedom', () => {
    expect(logitInterval(0, 0, 10)).toEqual([0, 0]);
    expect(logitInterval(1, 0, 10)).toEqual([1, 1]);
    expect(logitInterval(0.25, 0, 10)).toEqual([0.25, 0.25]);
    expect(logitInterval(0.25, 0.1, 0)).toEqual([0, 1]);
  });

  it('stays within 0–1 where the symmetric interval does not', () => {
    // A share of 1 % with SE 1 %: ± 1.96 SE reaches −0.96 %.
    const [low, high] = logitInterval(0.01, 0.01, 100);
    expect(0.01 - Z975 * 0.01).toBeLessThan(0);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(0.01);
    expect(high).toBeGreaterThan(0.01 + Z975 * 0.01);
    expect(high).toBeLessThan(1);
    // And symmetric shares give symmetric intervals: [1 − high, 1 − low] for 1 − p.
    const [l2, h2] = logitInterval(0.99, 0.01, 100);
    expect(l2).toBeCloseTo(1 - high, 14);
    expect(h2).toBeCloseTo(1 - low, 14);
    expect(studentTQuantile(0.975, 100, Z975)).toBeGreaterThan(Z975);
  });
});
