/** Small fixed inputs for the chart tests. */
import type { Cell, StudyMeta } from '../../src/model/types.ts';
import type { Lang } from '../../src/study/schema.ts';
import type { DistributionBarsInput, GroupProfileInput, ImportancePerformanceInput, NpsBarInput, ScoreBarsInput, TrendLinesInput } from '../../src/charts/index.ts';

export const bands: StudyMeta['bands'] = [
  { id: 'excellent', min: 4.2, label: { fi: 'Erinomainen', sv: 'Utmärkt', en: 'Excellent' }, colour: '#2166ac', textColour: '#ffffff' },
  { id: 'good', min: 3.8, label: { fi: 'Hyvä', sv: 'Bra', en: 'Good' }, colour: '#67a9cf', textColour: '#000000' },
  { id: 'fair', min: 3.4, label: { fi: 'Kohtalainen', sv: 'Måttlig', en: 'Fair' }, colour: '#d9d9d9', textColour: '#000000' },
  { id: 'weak', label: { fi: 'Heikko', sv: 'Svag', en: 'Weak' }, colour: '#ef8a62', textColour: '#000000' },
];

export function cell(estimate: number, band?: string, half = 0.12): Cell {
  return { shown: true, estimate, se: half / 1.96, ci: [estimate - half, estimate + half], n: 200, effectiveN: 180, band };
}

/**
 * A suppressed cell that (wrongly) still carries a distinctive estimate: the
 * charts must never draw it.
 */
export const leakySuppressed = { shown: false, reason: 'base', estimate: 3.777, ci: [3.7, 3.9], n: 12 } as unknown as Cell;

/** 70 characters of Finnish. */
export const LONG_LABEL = 'Yhteiskuntavastuullisuus ja ympäristövaikutusten huomioiminen kaikessa';

export function scoreBarsInput(): ScoreBarsInput {
  return {
    rows: [
      { id: 'products', label: 'Tuotteet ja palvelut', cell: cell(4.05, 'good'), benchmark: 3.9, previous: 3.98 },
      { id: 'finance', label: 'Talous', cell: cell(3.12, 'weak', 0.2), benchmark: 3.5 },
      { id: 'csr', label: LONG_LABEL, cell: cell(3.61, 'fair'), previous: 3.4 },
      { id: 'leadership', label: 'Johtaminen', cell: leakySuppressed },
      { id: 'innovation', label: 'Innovatiivisuus', cell: cell(4.43, 'excellent', 0.3) },
    ],
    bands,
    scale: { min: 1, max: 5 },
    minBase: 30,
  };
}

const share = (e: number): Cell => ({ shown: true, estimate: e, se: 0.01, ci: [e - 0.02, e + 0.02], n: 200, effectiveN: 180 });

export function distributionBarsInput(lang: Lang): DistributionBarsInput {
  return {
    rows: [
      { id: 'q1', label: 'Yritys toimii vastuullisesti', shares: [0.05, 0.1, 0.2, 0.4, 0.25].map(share) },
      { id: 'q2', label: LONG_LABEL, shares: [0.12, 0.18, 0.3, 0.28, 0.12].map(share) },
      { id: 'q3', label: 'Hinta', shares: [0.3, 0.25, 0.15, 0.2, 0.1].map(share) },
      { id: 'q4', label: 'Pieni ryhmä', shares: [share(0.1), leakySuppressed, share(0.3), share(0.3), share(0.2)] },
    ],
    scale: { min: 1, max: 5, topBox: 2 },
    pointLabels: {
      fi: ['Täysin eri mieltä', 'Jokseenkin eri mieltä', 'Ei samaa eikä eri mieltä', 'Jokseenkin samaa mieltä', 'Täysin samaa mieltä'],
      sv: ['Helt av annan åsikt', 'Delvis av annan åsikt', 'Varken av samma eller annan åsikt', 'Delvis av samma åsikt', 'Helt av samma åsikt'],
      en: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
    }[lang],
    minBase: 30,
  };
}

export function importancePerformanceInput(lang: Lang): ImportancePerformanceInput {
  return {
    points: [
      { id: 'products', label: 'Tuotteet ja palvelut', importance: 0.28, performance: 4.05, interval: [0.22, 0.35], stable: true },
      { id: 'finance', label: 'Talous', importance: 0.08, performance: 3.12, interval: [0.05, 0.12], stable: true },
      { id: 'csr', label: LONG_LABEL, importance: 0.22, performance: 3.4, interval: [0.16, 0.29], stable: true },
      { id: 'leadership', label: 'Johtaminen', importance: 0.12, performance: 3.7, interval: [0.08, 0.17], stable: true },
      { id: 'innovation', label: 'Innovatiivisuus', importance: 0.1, performance: 3.68, interval: [0.06, 0.15], stable: true },
      // Near the importance split: the replicates do not settle its quadrant.
      { id: 'workplace', label: 'Työpaikka', importance: 0.2, performance: 3.42, interval: [0.12, 0.27], stable: false },
    ],
    importanceSplit: 1 / 6,
    performanceSplit: 3.6,
    quadrantLabels: {
      fi: { strength: 'Vahvuudet', develop: 'Kehityskohteet', maintain: 'Ylläpidettävät', lower: 'Vähemmän tärkeät', uncertain: 'Epävarma' },
      sv: { strength: 'Styrkor', develop: 'Utvecklingsområden', maintain: 'Att upprätthålla', lower: 'Mindre brådskande', uncertain: 'Osäker' },
      en: { strength: 'Strengths', develop: 'Development areas', maintain: 'Maintain', lower: 'Lower priority', uncertain: 'Uncertain' },
    }[lang],
  };
}

export function trendLinesInput(): TrendLinesInput {
  const years = [2020, 2021, 2022, 2023, 2024];
  return {
    series: [
      { key: 'total', label: 'Kaikki vastaajat', colourIndex: 0, points: years.map((year, i) => ({ year, cell: cell(3.6 + i * 0.05, 'fair', 0.08) })) },
      {
        key: 'customers',
        label: 'Asiakkaat',
        colourIndex: 1,
        points: years.map((year, i) => ({ year, cell: i === 2 ? leakySuppressed : cell(3.55 + i * 0.06, 'fair', 0.15) })),
      },
      { key: 'partners', label: LONG_LABEL, colourIndex: 2, points: [2020, 2022, 2023].map((year, i) => ({ year, cell: cell(3.9 - i * 0.1, 'fair', 0.2) })) },
    ],
    scale: { min: 1, max: 5 },
    years,
    minBase: 30,
  };
}

export function npsTrendInput(): TrendLinesInput {
  return {
    series: [
      {
        key: 'total',
        label: 'NPS',
        colourIndex: 0,
        points: [
          { year: 2022, cell: { ...share(0), estimate: 12, ci: [4, 20] } as Cell },
          { year: 2023, cell: { ...share(0), estimate: -3, ci: [-11, 5] } as Cell },
          { year: 2024, cell: { ...share(0), estimate: 8, ci: [0, 16] } as Cell },
        ],
      },
    ],
    years: [2022, 2023, 2024],
  };
}

export function groupProfileInput(): GroupProfileInput {
  return {
    rows: [
      { id: 'products', label: 'Tuotteet ja palvelut', group: cell(4.2, 'excellent'), total: cell(4.05, 'good') },
      { id: 'finance', label: 'Talous', group: cell(3.0, 'weak'), total: cell(3.12, 'weak') },
      { id: 'csr', label: LONG_LABEL, group: leakySuppressed, total: cell(3.61, 'fair') },
      { id: 'innovation', label: 'Innovatiivisuus', group: cell(4.5, 'excellent'), total: cell(4.43, 'excellent') },
    ],
    groupLabel: 'Asiakkaat',
    totalLabel: 'Kaikki vastaajat',
    scale: { min: 1, max: 5 },
    bands,
    minBase: 30,
  };
}

export function npsBarInput(lang: Lang): NpsBarInput {
  const nps = (v: number): Cell => ({ shown: true, estimate: v, se: 4, ci: [v - 8, v + 8], n: 200, effectiveN: 180 });
  return {
    rows: [
      { id: 'total', label: 'Kaikki vastaajat', promoters: share(0.45), passives: share(0.33), detractors: share(0.22), nps: nps(23) },
      { id: 'customers', label: 'Asiakkaat', promoters: share(0.3), passives: share(0.35), detractors: share(0.35), nps: nps(-5) },
      { id: 'staff', label: LONG_LABEL, promoters: leakySuppressed, passives: leakySuppressed, detractors: leakySuppressed, nps: leakySuppressed },
    ],
    minBase: 30,
    labels: {
      fi: { promoters: 'Suosittelijat', passives: 'Passiiviset', detractors: 'Arvostelijat' },
      sv: { promoters: 'Förespråkare', passives: 'Passiva', detractors: 'Kritiker' },
      en: { promoters: 'Promoters', passives: 'Passives', detractors: 'Detractors' },
    }[lang],
  };
}
