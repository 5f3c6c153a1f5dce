/**
 * Study shapes for the end-to-end matrix: a deterministic generator that writes a
 * complete study folder (data/study.json, data/<year>/responses.csv, optional
 * data/benchmarks.csv, reports/<year>/<lang>/index.md) for a shape — its scale and
 * top box, can't-say codes, groups, weights, NPS, benchmarks, background variables,
 * drivers, editions and languages. Respondents answer from a latent model (one
 * general attitude, one factor per area, noise), so answers vary plausibly, areas
 * correlate and the driver analysis has something to explain. Randomness is a
 * seeded mulberry32 stream: the same shape always writes the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/i18n/index.ts';

export interface Shape {
  /** Names the shape's folder and its describe block. */
  name: string;
  /** What kind of study this is, in a few words (shown in the test names). */
  about: string;
  scale: { min: number; max: number; topBox: number; cantSay: number[] };
  groups: boolean;
  weights: boolean;
  nps: boolean;
  benchmarks: boolean;
  background: boolean;
  drivers: boolean;
  editions: number[];
  languages: Lang[];
  /** Respondents per edition. */
  rows?: number;
}

/**
 * The matrix. Together the shapes span the scales 1–5, 1–7, 0–10 and 1–10; each
 * feature with and without; one, two and four editions; and the language lists
 * ["fi"], ["en"], ["sv", "fi"] and ["fi", "sv", "en"]. Shapes that use Swedish are
 * marked `sv` in their comment.
 */
export const SHAPES: Shape[] = [
  {
    // The study of issue 12: customer satisfaction, 1–10 with the top 3 positive, nothing else.
    name: 'cx-1to10-bare-en',
    about: '1–10, top 3, no groups/weights/can’t say/NPS/benchmark/background/drivers, 1 edition, en',
    scale: { min: 1, max: 10, topBox: 3, cantSay: [] },
    groups: false,
    weights: false,
    nps: false,
    benchmarks: false,
    background: false,
    drivers: false,
    editions: [2024],
    languages: ['en'],
  },
  {
    // sv: everything on, the sample's design in three languages.
    name: 'reputation-1to5-full-fisven',
    about: '1–5, top 2, can’t say 6, groups, weights, NPS, benchmark, background, drivers, 4 editions, fi+sv+en',
    scale: { min: 1, max: 5, topBox: 2, cantSay: [6] },
    groups: true,
    weights: true,
    nps: true,
    benchmarks: true,
    background: true,
    drivers: true,
    editions: [2022, 2023, 2024, 2025],
    languages: ['fi', 'sv', 'en'],
  },
  {
    name: 'likert7-groups-fi',
    about: '1–7, top 2, can’t say 8, groups, unweighted, no NPS/benchmark, background, drivers, 2 editions, fi',
    scale: { min: 1, max: 7, topBox: 2, cantSay: [8] },
    groups: true,
    weights: false,
    nps: false,
    benchmarks: false,
    background: true,
    drivers: true,
    editions: [2024, 2025],
    languages: ['fi'],
  },
  {
    // sv
    name: 'zero10-weighted-svfi',
    about: '0–10, top 3, can’t say 99, one sample, weights, NPS, benchmark, no background, drivers, 2 editions, sv+fi',
    scale: { min: 0, max: 10, topBox: 3, cantSay: [99] },
    groups: false,
    weights: true,
    nps: true,
    benchmarks: true,
    background: false,
    drivers: true,
    editions: [2023, 2024],
    languages: ['sv', 'fi'],
  },
  {
    name: 'five-topbox1-en',
    about: '1–5, top 1, no can’t say, groups, weights, no NPS/benchmark, background, no drivers, 1 edition, en',
    scale: { min: 1, max: 5, topBox: 1, cantSay: [] },
    groups: true,
    weights: true,
    nps: false,
    benchmarks: false,
    background: true,
    drivers: false,
    editions: [2025],
    languages: ['en'],
  },
  {
    // sv
    name: 'seven-nps-fisven',
    about: '1–7, top 3, can’t say 0, one sample, unweighted, NPS, no benchmark, background, no drivers, 4 editions, fi+sv+en',
    scale: { min: 1, max: 7, topBox: 3, cantSay: [0] },
    groups: false,
    weights: false,
    nps: true,
    benchmarks: false,
    background: true,
    drivers: false,
    editions: [2021, 2022, 2023, 2024],
    languages: ['fi', 'sv', 'en'],
  },
  {
    // sv
    name: 'ten-groups-bench-svfi',
    about: '1–10, top 2, can’t say 11, groups, unweighted, NPS, benchmark, no background, drivers, 1 edition, sv+fi',
    scale: { min: 1, max: 10, topBox: 2, cantSay: [11] },
    groups: true,
    weights: false,
    nps: true,
    benchmarks: true,
    background: false,
    drivers: true,
    editions: [2025],
    languages: ['sv', 'fi'],
  },
  {
    name: 'zero10-bare-fi',
    about: '0–10, top 4, nothing else, 2 editions, fi',
    scale: { min: 0, max: 10, topBox: 4, cantSay: [] },
    groups: false,
    weights: false,
    nps: false,
    benchmarks: false,
    background: false,
    drivers: false,
    editions: [2024, 2025],
    languages: ['fi'],
  },
];

/** mulberry32: a small seeded PRNG giving numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from a uniform stream. */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A seed from a shape's name, so that every shape has its own stream. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

type Text = Partial<Record<Lang, string>>;

/** A label in the shape's languages only (the study requires exactly those). */
function label(shape: Shape, all: Record<Lang, string>): Text {
  return Object.fromEntries(shape.languages.map((l) => [l, all[l]]));
}

const AREAS = [
  {
    id: 'service',
    label: { fi: 'Palvelun laatu', sv: 'Servicens kvalitet', en: 'Quality of service' },
    items: [
      { id: 'q1', label: { fi: 'Asiakaspalvelu on ystävällistä', sv: 'Kundtjänsten är vänlig', en: 'Customer service is friendly' } },
      { id: 'q2', label: { fi: 'Asiani hoituvat nopeasti', sv: 'Mina ärenden sköts snabbt', en: 'My matters are handled quickly' } },
      { id: 'q3', label: { fi: 'Saan tarvitsemani tiedot helposti', sv: 'Jag får lätt den information jag behöver', en: 'I easily get the information I need' } },
    ],
  },
  {
    id: 'trust',
    label: { fi: 'Luotettavuus', sv: 'Tillförlitlighet', en: 'Reliability' },
    items: [
      { id: 'q4', label: { fi: 'Yhtiö pitää lupauksensa', sv: 'Bolaget håller sina löften', en: 'The company keeps its promises' } },
      { id: 'q5', label: { fi: 'Yhtiö toimii rehellisesti', sv: 'Bolaget agerar ärligt', en: 'The company acts honestly' } },
    ],
  },
  {
    id: 'value',
    label: { fi: 'Hinta-laatusuhde', sv: 'Prisvärdhet', en: 'Value for money' },
    items: [
      { id: 'q6', label: { fi: 'Hinnat ovat kohtuulliset', sv: 'Priserna är skäliga', en: 'Prices are reasonable' } },
      { id: 'q7', label: { fi: 'Saan rahalleni vastinetta', sv: 'Jag får valuta för pengarna', en: 'I get my money’s worth' } },
    ],
  },
];
const OUTCOME = { id: 'loyalty', label: { fi: 'Halu jatkaa asiakkuutta', sv: 'Vilja att fortsätta som kund', en: 'Willingness to stay a customer' } };
const GROUPS = [
  { code: 'households', share: 0.5, shift: 0.1, label: { fi: 'Kotitaloudet', sv: 'Hushåll', en: 'Households' } },
  { code: 'companies', share: 0.3, shift: 0.3, label: { fi: 'Yritykset', sv: 'Företag', en: 'Companies' } },
  { code: 'partners', share: 0.2, shift: -0.2, label: { fi: 'Kumppanit', sv: 'Partner', en: 'Partners' } },
];
const AGE = [
  { code: 'young', label: { fi: 'Alle 35-vuotiaat', sv: 'Under 35 år', en: 'Under 35' } },
  { code: 'middle', label: { fi: '35–54-vuotiaat', sv: '35–54 år', en: 'Aged 35 to 54' } },
  { code: 'older', label: { fi: '55 vuotta täyttäneet', sv: '55 år och äldre', en: 'Aged 55 and over' } },
];
const SUMMARY: Record<Lang, string> = {
  fi: 'Asiakkaat arvioivat palvelun laadun edellisvuotta paremmaksi, ja hinnat koetaan edelleen kohtuullisiksi.',
  sv: 'Kunderna bedömer att servicens kvalitet är bättre än förra året, och priserna upplevs fortfarande som skäliga.',
  en: 'Customers rate the quality of service higher than last year, and they still find the prices reasonable.',
};

/** The study definition of a shape (as written in study.json). */
export function studyDefinition(shape: Shape): Record<string, unknown> {
  const { min, max, topBox, cantSay } = shape.scale;
  const span = max - min;
  const items = [...AREAS.flatMap((a) => a.items), OUTCOME];
  return {
    id: shape.name,
    title: label(shape, { fi: 'Asiakastutkimus', sv: 'Kundundersökning', en: 'Customer study' }),
    organisation: label(shape, { fi: 'Esimerkki Oy', sv: 'Exempel Ab', en: 'Example Ltd' }),
    languages: shape.languages,
    columns: { id: 'rid', ...(shape.groups ? { group: 'segment' } : {}), ...(shape.weights ? { weight: 'wt' } : {}) },
    scale: { min, max, cantSay, topBox },
    bands: [
      { id: 'high', min: Math.round((min + 0.7 * span) * 100) / 100, label: label(shape, { fi: 'Korkea', sv: 'Hög', en: 'High' }), colour: '#1d4e89' },
      { id: 'middle', min: Math.round((min + 0.45 * span) * 100) / 100, label: label(shape, { fi: 'Keskitaso', sv: 'Medel', en: 'Middle' }), colour: '#8cbfe6' },
      { id: 'low', label: label(shape, { fi: 'Matala', sv: 'Låg', en: 'Low' }), colour: '#f4a261' },
    ],
    ...(shape.groups ? { groups: GROUPS.map((g) => ({ code: g.code, label: label(shape, g.label) })) } : {}),
    ...(shape.background
      ? {
          background: [
            { id: 'age', column: 'age', label: label(shape, { fi: 'Ikäryhmä', sv: 'Åldersgrupp', en: 'Age group' }), values: AGE.map((v) => ({ code: v.code, label: label(shape, v.label) })) },
          ],
        }
      : {}),
    items: items.map((i) => ({ id: i.id, label: label(shape, i.label) })),
    dimensions: AREAS.map((a) => ({ id: a.id, label: label(shape, a.label), items: a.items.map((i) => i.id) })),
    indices: [{ id: 'overall', label: label(shape, { fi: 'Kokonaistyytyväisyys', sv: 'Helhetsnöjdhet', en: 'Overall satisfaction' }), dimensions: AREAS.map((a) => a.id) }],
    ...(shape.nps ? { nps: { column: 'recommend' } } : {}),
    ...(shape.drivers ? { drivers: { outcome: OUTCOME.id, predictors: AREAS.map((a) => a.id) } } : {}),
    ...(shape.benchmarks
      ? {
          benchmark: {
            source: label(shape, {
              fi: 'Kuvitteellinen vertailuaineisto saman toimialan yhtiöistä',
              sv: 'Fiktiva jämförelsedata från bolag i samma bransch',
              en: 'Fictional reference data from companies in the same industry',
            }),
          },
        }
      : {}),
  };
}

/** One answer on the scale from a latent value around 0 (sd about 1). */
function onScale(shape: Shape, latent: number): number {
  const { min, max } = shape.scale;
  const mid = min + (max - min) * 0.62;
  const v = Math.round(mid + latent * (max - min) * 0.2);
  return Math.min(max, Math.max(min, v));
}

/** The responses of one edition, as CSV text. */
export function responsesCsv(shape: Shape, year: number): string {
  const random = prng(seedOf(`${shape.name}/${year}`));
  const rows = shape.rows ?? 300;
  const drift = (year - shape.editions[0]!) * 0.08;
  const header = ['rid', ...(shape.groups ? ['segment'] : []), ...(shape.weights ? ['wt'] : []), ...(shape.background ? ['age'] : [])];
  const items = AREAS.flatMap((a) => a.items.map((i) => ({ id: i.id, area: a.id })));
  header.push(...items.map((i) => i.id), OUTCOME.id, ...(shape.nps ? ['recommend'] : []));
  const lines = [header.join(',')];
  const cantSay = shape.scale.cantSay;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [`R${year}-${String(r + 1).padStart(4, '0')}`];
    // Groups in fixed shares, so that each stays above the reporting base.
    const share = r / rows;
    const group = shape.groups ? (share < GROUPS[0]!.share ? GROUPS[0]! : share < GROUPS[0]!.share + GROUPS[1]!.share ? GROUPS[1]! : GROUPS[2]!) : undefined;
    if (group) cells.push(group.code);
    if (shape.weights) cells.push((0.5 + random() * 1.5).toFixed(2));
    const ageIndex = Math.floor(random() * AGE.length);
    if (shape.background) cells.push(AGE[ageIndex]!.code);
    const general = normal(random) + drift + (group?.shift ?? 0) + (ageIndex - 1) * 0.15;
    const areaLatent = new Map(AREAS.map((a, k) => [a.id, 0.7 * general + 0.6 * normal(random) + (k - 1) * 0.2]));
    for (const item of items) {
      const x = random();
      if (cantSay.length > 0 && x < 0.05) cells.push(String(cantSay[0]));
      else if (x > 0.98) cells.push('');
      else cells.push(String(onScale(shape, areaLatent.get(item.area)! + 0.5 * normal(random))));
    }
    // The outcome depends on the areas with different strengths, plus noise.
    const outcome = 0.5 * areaLatent.get('service')! + 0.3 * areaLatent.get('trust')! + 0.15 * areaLatent.get('value')! + 0.5 * normal(random);
    cells.push(String(onScale(shape, outcome)));
    if (shape.nps) cells.push(String(Math.min(10, Math.max(0, Math.round(7 + 2 * outcome)))));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Research-bank benchmarks for every edition: the index and the areas, total and per group. */
export function benchmarksCsv(shape: Shape): string {
  const random = prng(seedOf(`${shape.name}/benchmarks`));
  const { min, max } = shape.scale;
  const lines = ['year,indicator,group,mean,sd,n'];
  for (const year of shape.editions) {
    for (const indicator of ['overall', ...AREAS.map((a) => a.id)]) {
      const mean = min + (max - min) * (0.55 + 0.1 * random());
      lines.push(`${year},${indicator},,${mean.toFixed(2)},${((max - min) * 0.2).toFixed(2)},2000`);
      if (shape.groups) for (const g of GROUPS) lines.push(`${year},${indicator},${g.code},${(mean + (random() - 0.5) * 0.3).toFixed(2)},,`);
    }
    if (shape.nps) lines.push(`${year},nps,,${(10 + random() * 20).toFixed(1)},,`);
  }
  return `${lines.join('\n')}\n`;
}

/** The editorial front page of an edition in one language (a draft, as new-edition writes it). */
function editorialIndex(year: number, lang: Lang): string {
  const title = { fi: 'Asiakastutkimus', sv: 'Kundundersökning', en: 'Customer study' }[lang];
  return ['---', `title: ${title} ${year}`, 'status: draft', 'version: "0.1"', '---', '', SUMMARY[lang], ''].join('\n');
}

/** Writes the shape's study into `dir`: data/ and reports/ inside it. Returns their paths. */
export function writeStudyFolder(shape: Shape, dir: string): { dataDir: string; reportsDir: string } {
  const dataDir = join(dir, 'data');
  const reportsDir = join(dir, 'reports');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'study.json'), `${JSON.stringify(studyDefinition(shape), null, 2)}\n`);
  if (shape.benchmarks) writeFileSync(join(dataDir, 'benchmarks.csv'), benchmarksCsv(shape));
  for (const year of shape.editions) {
    mkdirSync(join(dataDir, String(year)), { recursive: true });
    writeFileSync(join(dataDir, String(year), 'responses.csv'), responsesCsv(shape, year));
    for (const lang of shape.languages) {
      mkdirSync(join(reportsDir, String(year), lang), { recursive: true });
      writeFileSync(join(reportsDir, String(year), lang, 'index.md'), editorialIndex(year, lang));
    }
  }
  return { dataDir, reportsDir };
}
