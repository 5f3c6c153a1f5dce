/**
 * Generates the fictional sample study's data: data/<year>/responses.csv for
 * 2022–2025 and data/benchmarks.csv. data/study.json is written by hand.
 *
 *   node scripts/generate-sample.ts [--seed N] [--out DIR]
 *
 * The data are simulated from a latent model: every respondent has a general
 * attitude towards the company plus an own factor per reputation area, so the
 * areas correlate; stakeholder support depends clearly on products and
 * services, interaction and responsibility and hardly on finance or the
 * workplace; the answers are the continuous latent thresholded to the 1–5
 * scale. The same seed always gives byte-identical files (see prng.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './sample/prng.ts';
import {
  AGE_CODES,
  AREAS,
  BACKGROUND_SHIFT,
  CANT_SAY,
  CANT_SAY_YEAR,
  CX,
  DEFAULT_SEED,
  GENDER_CODES,
  GENERAL_LOADING,
  GROUPS,
  ITEMS,
  PROPENSITY,
  REGION_CODES,
  REGION_SHARES,
  SUPPORT,
  YEARS,
  type AreaId,
  type GroupParams,
  type ItemParams,
  type Year,
} from './sample/config.ts';
import { CONTACT_REASONS, DETRACTOR_REASONS, PASSIVE_REASONS, PROMOTER_REASONS } from './sample/texts.ts';

/** One simulated respondent; answers use CANT_SAY for can't say and null for blank. */
export interface SampleRespondent {
  group: string;
  weight: number;
  age: number;
  gender: number;
  region: number;
  answers: (number | null)[];
  nps: number | null;
  why: string;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
const OWN_LOADING = Math.sqrt(1 - GENERAL_LOADING * GENERAL_LOADING);

/** Per-item share of blank answers (1–4 %), fixed by the item's position. */
const blankRate = (index: number) => 0.01 + (0.025 * ((index * 7) % 11)) / 10;

function drawBackground(rng: Rng, group: GroupParams): { age: number; gender: number; region: number } {
  if (group.code !== 'public') {
    return { age: rng.pick(group.age), gender: rng.pick(group.gender), region: rng.pick(REGION_SHARES) };
  }
  // The general-public panel over-represents the groups that answer more readily.
  return {
    age: rng.pick(group.age.map((s, i) => s * PROPENSITY.age[i])),
    gender: rng.pick(group.gender.map((s, i) => s * PROPENSITY.gender[i])),
    region: rng.pick(REGION_SHARES.map((s, i) => s * PROPENSITY.region[i])),
  };
}

function reasonFor(rng: Rng, nps: number): string {
  const promoter = nps >= 9;
  const detractor = nps <= 6;
  if (!rng.chance(promoter ? 0.5 : detractor ? 0.66 : 0.45)) return '';
  if (rng.chance(0.008)) return CONTACT_REASONS[rng.int(CONTACT_REASONS.length)];
  const list = promoter ? PROMOTER_REASONS : detractor ? DETRACTOR_REASONS : PASSIVE_REASONS;
  return list[rng.int(list.length)];
}

const DRIVE_NORM = Math.sqrt(0.25 + AREAS.reduce((s, a) => s + a.drive * a.drive, 0) + 0.45 * 0.45);
const CX_NORM = Math.sqrt(0.55 * 0.55 + 0.4 * 0.4 + 0.3 * 0.3 + 0.6 * 0.6);
const AREA_INDEX = new Map<AreaId, number>(AREAS.map((a, i) => [a.id, i]));

/**
 * Simulates one respondent of a group (weight 1; the design weights are set
 * afterwards). `items` defaults to the sample's items; the benchmark passes a
 * longer list. Draws from `rng` in a fixed order, so the sample stays
 * byte-identical.
 */
export function simulateRespondent(rng: Rng, group: GroupParams, year: Year, items: readonly ItemParams[] = ITEMS): SampleRespondent {
  const t = year - YEARS[0];
  const bg = drawBackground(rng, group);
  const bgShift = BACKGROUND_SHIFT.age[bg.age] + BACKGROUND_SHIFT.gender[bg.gender] + BACKGROUND_SHIFT.region[bg.region];
  const general = rng.normal();
  const own = AREAS.map(() => rng.normal());
  const ownCx = rng.normal();
  const areaLatent = own.map((f) => GENERAL_LOADING * general + OWN_LOADING * f);
  let support = 0.5 * general + 0.45 * rng.normal();
  AREAS.forEach((a, i) => (support += a.drive * own[i]));
  support /= DRIVE_NORM;
  const cx = (0.55 * general + 0.4 * own[AREA_INDEX.get('products')!] + 0.3 * own[AREA_INDEX.get('interaction')!] + 0.6 * ownCx) / CX_NORM;

  const answers = items.map((item: ItemParams, k) => {
    let latent: number;
    let mean: number;
    let corporate = false;
    if (item.block === 'cx') {
      latent = cx;
      mean = CX.base + CX.trend * t;
    } else if (item.block === 'support') {
      latent = support;
      mean = SUPPORT.base + SUPPORT.trend * t;
    } else {
      const a = AREA_INDEX.get(item.block)!;
      latent = areaLatent[a];
      mean = AREAS[a].base + AREAS[a].trend * t;
      corporate = AREAS[a].corporate;
    }
    mean += group.shift + bgShift + item.offset;
    const x = mean + group.spread * (0.85 * latent + 0.527 * rng.normal());

    let pCantSay = item.cantSay * group.cantSay * CANT_SAY_YEAR[year];
    if (corporate) pCantSay *= group.cantSayCorporate;
    if (item.block === 'cx' && group.code === 'public') pCantSay *= 2.2; // not everyone is a customer
    pCantSay *= Math.abs(latent) < 0.7 ? 1.3 : 0.75; // the indifferent say "can't say" more often
    const u = rng.uniform();
    if (u < blankRate(k)) return null;
    if (u < blankRate(k) + clamp(pCantSay, 0, 0.7)) return CANT_SAY;
    return clamp(Math.round(x), 1, 5);
  });

  const npsCont = group.npsMean + 0.1 * t + bgShift + 1.9 * (0.88 * support + 0.475 * rng.normal());
  const nps = rng.chance(0.02) ? null : clamp(Math.round(npsCont), 0, 10);
  const why = nps === null ? '' : reasonFor(rng, nps);
  return { group: group.code, weight: 1, ...bg, answers, nps, why };
}

/**
 * The general public's design weight before scaling: the inverse of the
 * cell's response propensity.
 */
export const inversePropensity = (p: { age: number; gender: number; region: number }) => 1 / (PROPENSITY.age[p.age] * PROPENSITY.gender[p.gender] * PROPENSITY.region[p.region]);

/** Simulates one edition's respondents, in the order they are written. */
export function simulateEdition(seed: number, year: Year): SampleRespondent[] {
  const rng = new Rng(seed, year);
  const out: SampleRespondent[] = [];
  for (const group of GROUPS) {
    for (let r = 0; r < group.sizes[year]; r++) out.push(simulateRespondent(rng, group, year));
  }

  // Post-stratification-like design weights for the general public: the
  // inverse of the cell's response propensity, scaled to the sample size.
  const pub = out.filter((p) => p.group === 'public');
  const inv = pub.map(inversePropensity);
  const scale = pub.length / inv.reduce((s, x) => s + x, 0);
  pub.forEach((p, i) => (p.weight = Number(clamp(inv[i] * scale, 0.4, 2.5).toFixed(4))));

  return rng.shuffle(out);
}

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function responsesCsv(year: Year, respondents: SampleRespondent[]): string {
  const header = ['resp_id', 'group', 'weight', 'age', 'gender', 'region', ...ITEMS.map((i) => i.id), 'nps', 'nps_why'];
  const lines = [header.join(',')];
  respondents.forEach((p, i) => {
    const cells = [
      `R${year}-${String(i + 1).padStart(5, '0')}`,
      p.group,
      String(p.weight),
      p.age < 0 ? '' : AGE_CODES[p.age],
      p.gender < 0 ? '' : GENDER_CODES[p.gender],
      p.region < 0 ? '' : REGION_CODES[p.region],
      ...p.answers.map((a) => (a === null ? '' : String(a))),
      p.nps === null ? '' : String(p.nps),
      csvField(p.why),
    ];
    lines.push(cells.join(','));
  });
  return lines.join('\n') + '\n';
}

/** Scores of one respondent per block: mean of the valid answers, at least half of the items. */
function blockScores(p: SampleRespondent): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number; items: number }>();
  ITEMS.forEach((item, k) => {
    const s = sums.get(item.block) ?? { sum: 0, n: 0, items: 0 };
    s.items++;
    const a = p.answers[k];
    if (a !== null && a !== CANT_SAY) {
      s.sum += a;
      s.n++;
    }
    sums.set(item.block, s);
  });
  const out = new Map<string, number>();
  for (const [block, s] of sums) if (s.n > 0 && s.n * 2 >= s.items) out.set(block, s.sum / s.n);
  return out;
}

const BENCH_INDICATORS = ['reputation', 'cx_index', 'support', ...AREAS.map((a) => a.id), 'cx', 'nps'];
const BENCH_GROUPS = ['', 'public', 'private', 'business'];

/**
 * The fictional research-bank benchmark: the sample's own (unweighted) means
 * moved by a fixed, indicator-specific offset, as if other energy companies
 * had been measured with the same questions.
 */
function benchmarksCsv(seed: number, editions: Map<Year, SampleRespondent[]>): string {
  const rng = new Rng(seed, 0xbe7c4);
  const offset = new Map(BENCH_INDICATORS.map((id) => [id, id === 'nps' ? 6 * rng.normal() : 0.1 * rng.normal()]));
  const lines = ['year,indicator,group,mean,sd,n'];
  for (const year of YEARS) {
    const people = editions.get(year)!;
    const scored = people.map(blockScores);
    for (const indicator of BENCH_INDICATORS) {
      for (const group of BENCH_GROUPS) {
        const members = people.map((_, i) => i).filter((i) => group === '' || people[i].group === group);
        let mean: number;
        let sd = 0;
        if (indicator === 'nps') {
          const valid = members.map((i) => people[i].nps).filter((v): v is number => v !== null);
          mean = (100 * (valid.filter((v) => v >= 9).length - valid.filter((v) => v <= 6).length)) / valid.length;
        } else {
          const blocks = indicator === 'reputation' ? AREAS.map((a) => a.id as string) : [indicator === 'cx_index' ? 'cx' : indicator];
          const values = members
            .map((i) => {
              const vs = blocks.map((b) => scored[i].get(b)).filter((v): v is number => v !== undefined);
              return vs.length * 2 >= blocks.length ? vs.reduce((s, v) => s + v, 0) / vs.length : undefined;
            })
            .filter((v): v is number => v !== undefined);
          mean = values.reduce((s, v) => s + v, 0) / values.length;
          sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (values.length - 1));
        }
        const benchMean = mean + offset.get(indicator)! + (indicator === 'nps' ? 2 : 0.03) * rng.normal();
        const benchN = Math.round((group === '' ? 9000 : group === 'public' ? 4200 : group === 'private' ? 2600 : 1300) * (0.8 + 0.4 * rng.uniform()));
        const benchSd = sd * (0.95 + 0.1 * rng.uniform());
        // The research bank gives only means for NPS and, in its first year, for the groups.
        const meanOnly = indicator === 'nps' || (year === YEARS[0] && group !== '');
        const meanText = indicator === 'nps' ? String(Math.round(benchMean)) : benchMean.toFixed(2);
        lines.push([year, indicator, group, meanText, meanOnly ? '' : benchSd.toFixed(2), meanOnly ? '' : benchN].join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** The generated files by path relative to the data directory, without writing anything. */
export function generateSample(seed: number = DEFAULT_SEED): Map<string, string> {
  const files = new Map<string, string>();
  const editions = new Map<Year, SampleRespondent[]>();
  for (const year of YEARS) {
    const respondents = simulateEdition(seed, year);
    editions.set(year, respondents);
    files.set(`${year}/responses.csv`, responsesCsv(year, respondents));
  }
  files.set('benchmarks.csv', benchmarksCsv(seed, editions));
  return files;
}

function parseArgs(argv: string[]): { seed: number; out: string } {
  let seed = DEFAULT_SEED;
  let out = 'data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--seed') {
      seed = Number(value());
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('--seed must be an integer between 0 and 4294967295');
    } else if (arg === '--out') out = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node scripts/generate-sample.ts [--seed N] [--out DIR]   (defaults: --seed 20251 --out data)');
      process.exit(0);
    } else throw new Error(`unknown option "${arg}"`);
  }
  return { seed, out };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { seed, out } = parseArgs(process.argv.slice(2));
    for (const [path, text] of generateSample(seed)) {
      const target = join(out, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      console.log(`wrote ${target}`);
    }
  } catch (error) {
    console.error(`generate-sample: ${(error as Error).message}`);
    process.exit(2);
  }
}
