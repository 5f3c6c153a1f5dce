/**
 * Synthetic studies for the benchmark: the sample study's design (five
 * groups, weights, three background variables, eight reputation areas and
 * customer experience, three indices, NPS with open answers, key drivers)
 * with ten more items (40 in all) and any number of respondents.
 *
 * Rows are simulated one at a time with the sample's generator and written
 * as they are made, so a million respondents need no more memory than ten.
 * The same seed and size always give the same bytes.
 */
import { createWriteStream, mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { csvField, inversePropensity, simulateRespondent } from '../scripts/generate-sample.ts';
import { Rng } from '../scripts/sample/prng.ts';
import ExcelJS from 'exceljs';
import { SavCaseWriter, savDictionary, type SavWriterVariable } from '../test/support/sav-writer.ts';
import { AGE_CODES, GENDER_CODES, GROUPS, ITEMS, PROPENSITY, REGION_CODES, REGION_SHARES, type ItemParams } from '../scripts/sample/config.ts';

/** The edition year of every benchmark study. */
export const BENCH_YEAR = 2025;

/** Ten items added to the sample's 30, into the existing areas. */
const EXTRA_ITEMS: (ItemParams & { fi: string; sv: string; en: string })[] = [
  { id: 'gov4', block: 'governance', offset: -0.05, cantSay: 0.12, fi: 'Hallinto 4', sv: 'Förvaltning 4', en: 'Governance 4' },
  { id: 'fin4', block: 'finance', offset: 0.04, cantSay: 0.09, fi: 'Talous 4', sv: 'Ekonomi 4', en: 'Finance 4' },
  { id: 'lead3', block: 'leadership', offset: 0.02, cantSay: 0.08, fi: 'Johtaminen 3', sv: 'Ledarskap 3', en: 'Leadership 3' },
  { id: 'lead4', block: 'leadership', offset: -0.09, cantSay: 0.1, fi: 'Johtaminen 4', sv: 'Ledarskap 4', en: 'Leadership 4' },
  { id: 'ren4', block: 'renewal', offset: 0.03, cantSay: 0.09, fi: 'Uudistuminen 4', sv: 'Förnyelse 4', en: 'Renewal 4' },
  { id: 'int4', block: 'interaction', offset: -0.02, cantSay: 0.06, fi: 'Vuorovaikutus 4', sv: 'Växelverkan 4', en: 'Interaction 4' },
  { id: 'prod4', block: 'products', offset: 0.05, cantSay: 0.05, fi: 'Tuotteet 4', sv: 'Produkter 4', en: 'Products 4' },
  { id: 'work3', block: 'workplace', offset: 0.04, cantSay: 0.1, fi: 'Työpaikka 3', sv: 'Arbetsplats 3', en: 'Workplace 3' },
  { id: 'work4', block: 'workplace', offset: -0.03, cantSay: 0.12, fi: 'Työpaikka 4', sv: 'Arbetsplats 4', en: 'Workplace 4' },
  { id: 'resp4', block: 'responsibility', offset: 0.01, cantSay: 0.08, fi: 'Vastuullisuus 4', sv: 'Ansvarsfullhet 4', en: 'Responsibility 4' },
];

/** The 40 items in file order: the sample's, then the extra ones. */
export const BENCH_ITEMS: readonly ItemParams[] = [...ITEMS, ...EXTRA_ITEMS];

const DIMENSION_OF_BLOCK: Record<string, string> = { responsibility: 'responsibility', cx: 'cx' };

/** The sample's study.json with the extra items added to their areas. */
export function benchStudy(root: string): Record<string, unknown> {
  const study = JSON.parse(readFileSync(join(root, 'data', 'study.json'), 'utf8')) as {
    id: string;
    $schema?: string;
    items: { id: string; label: { fi: string; sv: string; en: string } }[];
    dimensions: { id: string; items: string[] }[];
  };
  delete study.$schema;
  study.id = 'bench';
  for (const x of EXTRA_ITEMS) {
    study.items.push({ id: x.id, label: { fi: x.fi, sv: x.sv, en: x.en } });
    const dim = study.dimensions.find((d) => d.id === (DIMENSION_OF_BLOCK[x.block] ?? x.block));
    if (!dim) throw new Error(`bench: no dimension for block ${x.block}`);
    dim.items.push(x.id);
  }
  return study;
}

/** Product of Σ share × propensity per background factor: scales the public's inverse propensities to mean 1. */
function publicWeightScale(): number {
  const pub = GROUPS.find((g) => g.code === 'public')!;
  const z = (shares: readonly number[], prop: readonly number[]) => shares.reduce((s, x, i) => s + x * prop[i], 0);
  // With cell probabilities ∝ share × propensity, E[1 / propensity] = 1 / Z for each factor.
  return z(pub.age, PROPENSITY.age) * z(pub.gender, PROPENSITY.gender) * z(REGION_SHARES, PROPENSITY.region);
}

/** The responses file's columns. */
export const BENCH_HEADER: readonly string[] = ['resp_id', 'group', 'weight', 'age', 'gender', 'region', ...BENCH_ITEMS.map((i) => i.id), 'nps', 'nps_why'];

/** One simulated respondent per row, as the values of BENCH_HEADER (numbers as numbers, null for not answered). */
export function* benchRows(rows: number, seed: number): Generator<(string | number | null)[]> {
  const rng = new Rng(seed, rows);
  const shares = GROUPS.map((g) => g.sizes[2025]);
  const scale = publicWeightScale();
  const width = String(rows).length;
  for (let i = 0; i < rows; i++) {
    const group = GROUPS[rng.pick(shares)];
    const p = simulateRespondent(rng, group, BENCH_YEAR, BENCH_ITEMS);
    const weight = group.code === 'public' ? Number(Math.min(2.5, Math.max(0.4, inversePropensity(p) * scale)).toFixed(4)) : 1;
    yield [`B-${String(i + 1).padStart(width, '0')}`, p.group, weight, AGE_CODES[p.age], GENDER_CODES[p.gender], REGION_CODES[p.region], ...p.answers, p.nps, p.why];
  }
}

/** Writes study.json into `dir` (without an id column when `ids` is false) and makes its edition folder; returns the responses file's path, or undefined when it is there already. */
function prepare(root: string, dir: string, name: string, ids = true): string | undefined {
  const file = join(dir, String(BENCH_YEAR), name);
  if (existsSync(file)) return undefined;
  mkdirSync(join(dir, String(BENCH_YEAR)), { recursive: true });
  const study = benchStudy(root) as { columns: Record<string, string> };
  if (!ids) delete study.columns.id;
  writeFileSync(join(dir, 'study.json'), JSON.stringify(study, null, 2) + '\n');
  return file;
}

/** Writes pieces to a stream, waiting when it asks to. */
async function writeAll(file: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { highWaterMark: 1 << 20 });
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
}

/**
 * Writes `<dir>/study.json` and `<dir>/<BENCH_YEAR>/responses.csv` with `rows`
 * respondents, unless they are there already (the folder name carries the
 * size and seed); without the id column when `ids` is false (rows are then
 * told apart by their fields). Returns the responses file's path.
 */
export async function generateBenchStudy(root: string, dir: string, rows: number, seed: number, ids = true): Promise<string> {
  const file = prepare(root, dir, 'responses.csv', ids);
  if (!file) return join(dir, String(BENCH_YEAR), 'responses.csv');
  const from = ids ? 0 : 1;
  function* text(): Generator<string> {
    let buffer = BENCH_HEADER.slice(from).join(',') + '\n';
    for (const r of benchRows(rows, seed)) {
      const why = r[r.length - 1] as string;
      buffer += [...r.slice(from, -1).map((v) => (v === null ? '' : String(v))), csvField(why)].join(',') + '\n';
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    yield buffer;
  }
  await writeAll(file, text());
  return file;
}

/**
 * The same study with its responses as an SPSS file (bytecode-compressed, as
 * SPSS saves by default), written with the test writer: the items, weight
 * and NPS numeric with the sample's value labels and a user-missing code
 * (99) that no case uses, the codes and open answers strings.
 */
export async function generateBenchSav(root: string, dir: string, rows: number, seed: number): Promise<string> {
  const file = prepare(root, dir, 'responses.sav');
  if (!file) return join(dir, String(BENCH_YEAR), 'responses.sav');
  const numeric = new Set(['weight', 'nps', ...BENCH_ITEMS.map((i) => i.id)]);
  const scale: [number, string][] = [
    [1, 'Täysin eri mieltä'],
    [2, 'Jokseenkin eri mieltä'],
    [3, 'Ei samaa eikä eri mieltä'],
    [4, 'Jokseenkin samaa mieltä'],
    [5, 'Täysin samaa mieltä'],
    [6, 'En osaa sanoa'],
    [99, 'Ei vastannut'],
  ];
  const widths: Record<string, number> = { resp_id: String(rows).length + 2, group: 12, age: 8, gender: 8, region: 20, nps_why: 255 };
  const variables: SavWriterVariable[] = BENCH_HEADER.map((name) =>
    numeric.has(name) ? { name, width: 0, ...(name === 'weight' ? {} : { missing: { values: [99] }, labels: name === 'nps' ? [] : scale }) } : { name, width: widths[name] ?? 32 },
  );
  const options = { compressed: true, cases: rows };
  const writer = new SavCaseWriter(variables, options);
  function* bytes(): Generator<Uint8Array> {
    yield savDictionary(variables, options);
    const parts: Uint8Array[] = [];
    let size = 0;
    for (const r of benchRows(rows, seed)) {
      const b = writer.case(r);
      parts.push(b);
      size += b.length;
      if (size > 1 << 20) {
        yield Buffer.concat(parts);
        parts.length = 0;
        size = 0;
      }
    }
    parts.push(writer.end());
    yield Buffer.concat(parts);
  }
  await writeAll(file, bytes());
  return file;
}

/** The same study with its responses as an Excel workbook (sheet "Data"), written with ExcelJS's streaming writer. */
export async function generateBenchXlsx(root: string, dir: string, rows: number, seed: number): Promise<string> {
  const file = prepare(root, dir, 'responses.xlsx');
  if (!file) return join(dir, String(BENCH_YEAR), 'responses.xlsx');
  const partial = `${file}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow([...BENCH_HEADER]).commit();
  for (const r of benchRows(rows, seed)) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  renameSync(partial, file);
  return file;
}
