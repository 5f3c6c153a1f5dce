/**
 * The method text says what is true of the study and the edition, and nothing
 * else: three study shapes, every sentence checked in every language the shape
 * is written in.
 */
import { describe, expect, it } from 'vitest';
import type { BenchmarkRow } from '../../src/load/types.ts';
import type { EditionModel, ReportModel } from '../../src/model/types.ts';
import { studySchema, type Lang, type StudyInput } from '../../src/study/schema.ts';
import { methodParagraphs, respondentsTable } from '../../src/site/method.ts';
import { edition, report, type Row } from '../model/build.ts';

const everyLanguage = (s: string) => ({ fi: `${s} (fi)`, sv: `${s} (sv)`, en: s });
const band = (id: string, min: number | undefined, colour: string) => ({ id, ...(min !== undefined ? { min } : {}), label: everyLanguage(id), colour });

/** A study of items q1–q4 (area d = q1–q3, index idx of d, index sup of q4), changed by `overrides`. */
function study(overrides: Partial<StudyInput>) {
  return studySchema.parse({
    id: 'shape',
    title: everyLanguage('Shape'),
    organisation: everyLanguage('Org'),
    languages: ['fi', 'sv', 'en'],
    columns: {},
    scale: { min: 1, max: 5 },
    bands: [band('high', 3, '#1d4e89'), band('low', undefined, '#b8430f')],
    items: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, label: everyLanguage(id) })),
    dimensions: [{ id: 'd', label: everyLanguage('Area'), items: ['q1', 'q2', 'q3'] }],
    indices: [
      { id: 'idx', label: everyLanguage('Index'), dimensions: ['d'] },
      { id: 'sup', label: everyLanguage('Support'), items: ['q4'] },
    ],
    minBase: 5,
    ...overrides,
  });
}

/** 12 respondents per group, answers spread over the points 1 … top. */
function rows(groups: string[], top: number, extra: (i: number) => Partial<Row> = () => ({})): Row[] {
  return groups.flatMap((group, g) =>
    Array.from({ length: 12 }, (_, i) => ({
      group,
      a: { q1: 1 + ((i + g) % top), q2: 1 + ((i * 3 + g) % top), q3: 1 + ((i * 7) % top), q4: 1 + ((i * 5 + 2) % top) },
      nps: i % 11,
      region: i % 2 ? 's' : 'n',
      ...extra(i),
    })),
  );
}

/** A customer-satisfaction survey: 1–10, the top 3 points positive; no groups, weights, can't say, NPS or background; one edition. */
const csatStudy = study({ scale: { min: 1, max: 10, topBox: 3 } });
const csat = report(csatStudy, [edition(csatStudy, 2024, rows([''], 10))]);

/** Weighted, in groups A and B, 1–5 with can't say 6, an NPS with quotes, a background variable, drivers, benchmarks; two editions. */
const fullStudy = study({
  columns: { id: 'id', group: 'group', weight: 'w' },
  scale: { min: 1, max: 5, cantSay: [6], topBox: 2 },
  groups: [
    { code: 'A', label: everyLanguage('Group A') },
    { code: 'B', label: everyLanguage('Group B') },
  ],
  background: [
    {
      id: 'region',
      column: 'region',
      label: everyLanguage('Region'),
      values: [
        { code: 'n', label: everyLanguage('North') },
        { code: 's', label: everyLanguage('South') },
      ],
    },
  ],
  nps: { column: 'nps', reason: 'why', quotes: { publish: true, perGroup: 3 } },
  drivers: { outcome: 'sup', predictors: ['q1', 'q2', 'q3'] },
  benchmark: { source: everyLanguage('The research bank') },
});
const benchmarks: BenchmarkRow[] = [
  { year: 2025, indicator: 'idx', mean: 3, sd: 1, n: 400 },
  { year: 2025, indicator: 'sup', mean: 3 },
];
const fullRows = rows(['A', 'B'], 5, (i) => ({ weight: 1 + (i % 3) / 2 }));
const full = report(fullStudy, [edition(fullStudy, 2024, fullRows), edition(fullStudy, 2025, fullRows)], { benchmarks });

/** Swedish only: 1–7 with two can't-say codes, two groups, unweighted, a background variable; two editions. */
const svOnly = (s: string) => ({ sv: s });
const swedishStudy = studySchema.parse({
  ...study({}),
  languages: ['sv'],
  title: svOnly('Undersökning'),
  organisation: svOnly('Org'),
  columns: { group: 'group' },
  scale: { min: 1, max: 7, cantSay: [8, 9], topBox: 2 },
  bands: [
    { id: 'high', min: 4, label: svOnly('Hög'), colour: '#1d4e89' },
    { id: 'low', label: svOnly('Låg'), colour: '#b8430f' },
  ],
  groups: [
    { code: 'A', label: svOnly('Kunder') },
    { code: 'B', label: svOnly('Partner') },
  ],
  background: [
    {
      id: 'region',
      column: 'region',
      label: svOnly('Region'),
      values: [
        { code: 'n', label: svOnly('Norr') },
        { code: 's', label: svOnly('Söder') },
      ],
    },
  ],
  items: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, label: svOnly(id) })),
  dimensions: [{ id: 'd', label: svOnly('Område'), items: ['q1', 'q2', 'q3'] }],
  indices: [
    { id: 'idx', label: svOnly('Index'), dimensions: ['d'] },
    { id: 'sup', label: svOnly('Stöd'), items: ['q4'] },
  ],
});
const swedishRows = rows(['A', 'B'], 7);
const swedish = report(swedishStudy, [edition(swedishStudy, 2024, swedishRows), edition(swedishStudy, 2025, swedishRows)]);

const textOf = (model: ReportModel, e: EditionModel, lang: Lang) => {
  const blocks = methodParagraphs(model, e, lang);
  for (const b of blocks) for (const p of b.paragraphs) expect(p.trim()).not.toBe('');
  return blocks.flatMap((b) => [b.heading, ...b.paragraphs]).join('\n');
};
const last = (model: ReportModel) => model.editions[model.editions.length - 1]!;

/** Words that give each subject away, per language. */
const words: Record<string, Record<Lang, RegExp>> = {
  weights: { en: /weight/i, fi: /paino/i, sv: /vikt/i },
  effectiveN: { en: /effective sample size|design effect/i, fi: /efektiivi|asetelmakerroin/i, sv: /effektiv urvalsstorlek|designeffekt/i },
  strata: { en: /strat/i, fi: /osit/i, sv: /strat/i },
  groups: { en: /stakeholder group/i, fi: /sidosryhm/i, sv: /intressentgrupp/i },
  cantSay: { en: /can't say/i, fi: /en osaa sanoa/i, sv: /kan inte säga/i },
  nps: { en: /NPS/, fi: /NPS/, sv: /NPS/ },
  benchmark: { en: /differences from the benchmark|the benchmark has no/i, fi: /ero vertailuarvoon|jos vertailuarvolle/i, sv: /skillnader mot jämförelsevärdet|om jämförelsevärdet/i },
  benchmarkSe: { en: /benchmark's standard error/i, fi: /vertailuarvon keskivirhe/i, sv: /jämförelsevärdets standardfel/i },
  benchmarkFixed: { en: /fixed value/i, fi: /kiinteänä lukuna/i, sv: /fast värde/i },
  background: { en: /broken down by/i, fi: /taustamuuttujien mukaan/i, sv: /enligt bakgrundsvariabler/i },
  drivers: { en: /key.driver/i, fi: /avaintekij/i, sv: /nyckelfaktor/i },
  quotes: { en: /open answer/i, fi: /avoimista vastauksista/i, sv: /öppe?n?a? svar/i },
  change: { en: /(from|with) the previous edition/i, fi: /Muutos edellisestä|verrataan edelliseen/i, sv: /föregående undersökning/i },
  noTests: { en: /No statistical tests/, fi: /ei tehdä tilastollisia testejä/, sv: /görs inga statistiska test/ },
};
const says = (text: string, subject: string, lang: Lang) => words[subject]![lang].test(text);

describe('methodParagraphs', () => {
  it("on a 1–10 survey without groups, weights, can't say, NPS or a second edition, says only what is true of it", () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const text = textOf(csat, last(csat), lang);
      expect(text).toContain('1–10');
      expect(text).toContain('8–10');
      expect(text).not.toContain('4–5');
      expect(text).not.toMatch(/\((code|koodi|kod)\s*\)/);
      for (const absent of ['weights', 'effectiveN', 'strata', 'groups', 'nps', 'benchmark', 'background', 'drivers', 'quotes', 'change']) {
        expect(says(text, absent, lang), `${lang}: ${absent}`).toBe(false);
      }
      // Nothing about can't say (the scale has none), and it says that no tests are made.
      expect(says(text, 'cantSay', lang)).toBe(false);
      expect(says(text, 'noTests', lang)).toBe(true);
    }
    expect(textOf(csat, last(csat), 'en')).toContain('the share of answers 8–10, the 3 highest points of the scale');
    expect(textOf(csat, last(csat), 'fi')).toContain('vastausten 8–10 eli asteikon 3 ylimmän pisteen osuus');
    expect(textOf(csat, last(csat), 'sv')).toContain('andelen svar 8–10, skalans 3 högsta punkter');
  });

  it('on a weighted study in groups with every feature, says each of them, with its benchmark modes', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const text = textOf(full, last(full), lang);
      for (const present of ['weights', 'effectiveN', 'strata', 'groups', 'cantSay', 'nps', 'benchmark', 'benchmarkSe', 'benchmarkFixed', 'background', 'drivers', 'quotes', 'change']) {
        expect(says(text, present, lang), `${lang}: ${present}`).toBe(true);
      }
      expect(says(text, 'noTests', lang)).toBe(false);
      expect(text).toContain('4–5');
      expect(text).toContain(lang === 'en' ? 'Group A and Group B' : lang === 'fi' ? 'Group A (fi) ja Group B (fi)' : 'Group A (sv) och Group B (sv)');
      expect(text).toContain(lang === 'en' ? 'Support' : `Support (${lang})`);
      expect(text).toContain('2024');
    }
    const en = textOf(full, last(full), 'en');
    expect(en).toContain("“Can't say” (code 6)");
    expect(en).toContain('Up to 3 open answers to the recommendation question are published per stakeholder group, for groups of at least 5 respondents.');
    expect(en).toContain('Changes from the previous edition (2024) are tested with a z test for two independent samples');
    expect(en).toContain('Stakeholder groups and background classes are not tested against all respondents');
    // The first edition has nothing to compare with and no benchmark rows of its year.
    const first = textOf(full, full.editions[0]!, 'en');
    expect(says(first, 'change', 'en')).toBe(false);
    expect(says(first, 'benchmark', 'en')).toBe(false);
    expect(says(first, 'noTests', 'en')).toBe(true);
  });

  it("on a Swedish-only study lists its two can't-say codes and its groups, and says nothing of weights", () => {
    const text = textOf(swedish, last(swedish), 'sv');
    expect(text).toContain('(koderna 8 och 9)');
    expect(text).toContain('Undersökningen har 2 intressentgrupper (Kunder och Partner)');
    expect(text).toContain('6–7');
    expect(text).toContain('(Region)');
    for (const absent of ['weights', 'effectiveN', 'nps', 'benchmark', 'drivers', 'quotes']) expect(says(text, absent, 'sv'), absent).toBe(false);
    for (const present of ['strata', 'groups', 'change', 'background']) expect(says(text, present, 'sv'), present).toBe(true);
  });

  it('says which interval the edition gives shares: the logit one, or the symmetric one it was published with', () => {
    const logit = {
      en: /on the logit scale, as R's survey package makes it/,
      fi: /lasketaan logit-asteikolla samoin kuin R:n survey-paketissa/,
      sv: /beräknas på logitskalan så som R-paketet survey/,
    };
    const symmetric = {
      en: /as it was published, the 95% confidence interval of a share is also the share ± 1\.96/,
      fi: /sellaisena kuin se julkaistiin, myös osuuden/,
      sv: /så som den publicerades, är också en andels/,
    };
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(last(full).shareInterval).toBe('logit');
      const text = textOf(full, last(full), lang);
      expect(text).toMatch(logit[lang]);
      expect(text).not.toMatch(symmetric[lang]);
      const published = textOf(full, { ...last(full), shareInterval: 'wald' }, lang);
      expect(published).toMatch(symmetric[lang]);
      expect(published).not.toMatch(logit[lang]);
    }
    // The degrees of freedom are the respondents less their strata, or less one without groups.
    expect(textOf(full, last(full), 'en')).toContain("Student's t distribution at the degrees of freedom of the design (the respondents less the strata they are in)");
    expect(textOf(csat, last(csat), 'en')).toContain('at the degrees of freedom of the design (the respondents less one)');
  });

  it('names the reporting base, and the "n < base" mark only where a base above the floor of 5 can withhold a figure', () => {
    expect(textOf(csat, last(csat), 'en')).not.toContain('n < ');
    expect(textOf(csat, last(csat), 'en')).toContain('Nothing at all is published about a figure resting on fewer than 5 respondents.');
    const higher = study({ scale: { min: 1, max: 10, topBox: 3 }, minBase: 10 });
    const model = report(higher, [edition(higher, 2024, rows([''], 10))]);
    expect(textOf(model, last(model), 'en')).toContain('A figure resting on fewer than 10 respondents is not shown; “n < 10” stands in its place.');
    expect(textOf(model, last(model), 'fi')).toContain('sen tilalla lukee ”n < 10”');
  });
});

describe('the dimension share the method text defines', () => {
  it("is the mean over respondents of each one's share of positive answers, not the pooled share", () => {
    // 3 respondents answer 5 and 5 (share 1 each), 2 answer 1 and leave q2 blank (share 0):
    // per respondent (3 · 1 + 2 · 0) / 5 = 0.6; pooled, 6 positive answers of 8 would be 0.75.
    const s = study({ dimensions: [{ id: 'd', label: everyLanguage('Area'), items: ['q1', 'q2'] }], indices: [] });
    const data = [...Array.from({ length: 3 }, () => ({ group: '', a: { q1: 5, q2: 5 } })), ...Array.from({ length: 2 }, () => ({ group: '', a: { q1: 1 } }))];
    const model = report(s, [edition(s, 2024, data)]);
    const cell = model.editions[0]!.indicators.find((x) => x.id === 'd')!.stats.total!.topBox!;
    expect(cell.shown && cell.estimate).toBeCloseTo(0.6, 12);
  });
});

describe('respondentsTable', () => {
  it('shows the effective sample size and design effect only in a weighted study, and the group header only with groups', () => {
    const plain = respondentsTable(csat, last(csat), 'en');
    expect(plain.head).toEqual(['Sample', 'Respondents', 'Margin of error (50% share)']);
    expect(plain.rows.map((r) => r.map((c) => c.text))).toEqual([['All respondents', '12', '±28.3%']]);
    expect(respondentsTable(csat, last(csat), 'fi').head[0]).toBe('Aineisto');
    const weighted = respondentsTable(full, last(full), 'en');
    // Each design effect named for what it is: Kish's of the weights, and the design-based one of the first headline index's mean.
    expect(weighted.head).toEqual([
      'Stakeholder groups',
      'Respondents',
      'Effective sample size',
      'Design effect of the weights (Kish)',
      'Design effect of Index (design-based)',
      'Margin of error (50% share)',
    ]);
    expect(weighted.rows.map((r) => r[0]!.text)).toEqual(['Group A', 'Group B', 'All respondents']);
    expect(weighted.numeric).toHaveLength(6);
    // The margin of error is 1.96 · √(0.25 · design-based deff / n): 1.96 · √(0.25 · 1.05 / 12) = 29.0 %.
    expect(weighted.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Group A', '12', '11', '1.07', '1.05', '±29.0%'],
      ['Group B', '12', '11', '1.07', '1.11', '±29.8%'],
      ['All respondents', '24', '22', '1.07', '1.12', '±21.1%'],
    ]);
    expect(respondentsTable(full, last(full), 'fi').head[4]).toBe('Asetelmakerroin: Index (fi) (asetelmaperusteinen)');
    expect(respondentsTable(swedish, last(swedish), 'sv').head).toEqual(['Intressentgrupper', 'Svarande', 'Felmarginal (andel 50\u00a0%)']);
  });
});
