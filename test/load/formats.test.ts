import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readStudy } from '../../src/load/read-study.ts';
import { csvToSav, csvToXlsx } from '../support/convert.ts';
import { silentEffects } from '../support/effects.ts';
import { FIXTURES, csv, ok, okRows, shown } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'luotain-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD = join(FIXTURES, 'good');
const YEARS = ['2023', '2024'] as const;

/** The good fixture study with each year's responses.csv replaced as `as` says (csv, sav, sav-compressed or xlsx). */
async function study(name: string, as: Record<(typeof YEARS)[number], 'csv' | 'sav' | 'sav-compressed' | 'xlsx'>): Promise<string> {
  const dir = join(scratch, name);
  cpSync(GOOD, dir, { recursive: true });
  for (const y of YEARS) {
    const path = join(dir, y, 'responses.csv');
    const text = readFileSync(path, 'utf8');
    if (as[y] === 'csv') continue;
    rmSync(path);
    if (as[y] === 'xlsx') writeFileSync(join(dir, y, 'responses.xlsx'), await csvToXlsx(text));
    else writeFileSync(join(dir, y, 'responses.sav'), csvToSav(text, { compressed: as[y] === 'sav-compressed' }));
  }
  return dir;
}

/** What an edition's data holds, as plain arrays, without its file name. */
function columns(e: Awaited<ReturnType<typeof readStudy>>['editions'][number]) {
  return {
    year: e.year,
    n: e.n,
    group: [...e.group],
    weight: [...e.weight],
    items: [...e.items].map(([id, a]) => [id, [...a.codes]]),
    nps: e.nps ? [...e.nps] : undefined,
    background: [...e.background].map(([id, v]) => [id, [...v]]),
    rows: e.rows,
  };
}

/** The model `luotain compute` writes for a study folder, with the data file names made alike. */
async function computed(dir: string): Promise<string> {
  const effects = silentEffects({ cwd: scratch });
  expect(await main(['compute', '--data', dir, '--reports', join(scratch, 'no-reports')], effects)).toBe(0);
  // The input hash is of the files' bytes, which differ by format.
  return effects.output
    .join('\n')
    .replace(/responses\.(csv|sav|xlsx)/g, 'responses.*')
    .replace(/"inputHash": "[0-9a-f]+"/g, '"inputHash": "…"')
    .replaceAll(dir, 'DIR');
}

describe('responses as .csv, .sav and .xlsx', () => {
  it('give the same columns and the same computed figures, an edition in one format and the next in another too', async () => {
    const csvDir = await study('csv', { 2023: 'csv', 2024: 'csv' });
    const reference = await readStudy(csvDir);
    expect(reference.issues).toEqual([]);
    const expected = reference.editions.map(columns);
    const figures = await computed(csvDir);
    for (const [name, as] of [
      ['sav', { 2023: 'sav', 2024: 'sav' }],
      ['sav-compressed', { 2023: 'sav-compressed', 2024: 'sav-compressed' }],
      ['xlsx', { 2023: 'xlsx', 2024: 'xlsx' }],
      ['mixed', { 2023: 'sav', 2024: 'csv' }],
      ['mixed2', { 2023: 'csv', 2024: 'xlsx' }],
    ] as const) {
      const dir = await study(name, as);
      const load = await readStudy(dir);
      expect(shown(load.issues), name).toEqual([]);
      expect(load.editions.map(columns), name).toEqual(expected);
      expect(
        load.files.map((f) => f.file.replace(dir, '')),
        name,
      ).toEqual(YEARS.map((y) => `/${y}/responses.${as[y].replace('-compressed', '')}`));
      expect(await computed(dir), name).toBe(figures);
    }
  });

  it("a workbook written by R (openxlsx 4.2.5.2, test/fixtures/load/xlsx/make-xlsx.R), its sheet named in study.json, gives the CSV's columns", async () => {
    const csvDir = await study('csv-r', { 2023: 'csv', 2024: 'csv' });
    const dir = await study('xlsx-r', { 2023: 'csv', 2024: 'csv' });
    rmSync(join(dir, '2024', 'responses.csv'));
    cpSync(join(FIXTURES, 'xlsx', 'openxlsx.xlsx'), join(dir, '2024', 'responses.xlsx'));
    const definition = JSON.parse(readFileSync(join(dir, 'study.json'), 'utf8'));
    writeFileSync(join(dir, 'study.json'), JSON.stringify({ ...definition, responses: { sheets: { 2024: 'Data' } } }));
    const load = await readStudy(dir);
    expect(shown(load.issues)).toEqual([]);
    expect(load.editions.map(columns)).toEqual((await readStudy(csvDir)).editions.map(columns));
  });

  it('two responses files in one year folder is an error naming both', async () => {
    const dir = await study('two', { 2023: 'csv', 2024: 'sav' });
    writeFileSync(join(dir, '2024', 'responses.xlsx'), await csvToXlsx(csv(...okRows(3))));
    const load = await readStudy(dir);
    expect(shown(load.issues.filter((i) => i.severity === 'error')).map((l) => l.replace(dir, 'DIR'))).toEqual([
      'error: DIR/2024: the edition has more than one responses file: "responses.sav", "responses.xlsx"\n  → Keep the one file the edition is read from and move the other out of the year folder.',
    ]);
    expect(load.editions.map((e) => e.year)).toEqual([2023]);
  });
});

/** A study folder of one edition, 2024, with the given responses file. */
function oneEdition(name: string, file: string, bytes: Uint8Array | string, studyPatch: Record<string, unknown> = {}): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, '2024'), { recursive: true });
  const definition = { ...JSON.parse(readFileSync(join(FIXTURES, 'study.json'), 'utf8')), ...studyPatch };
  writeFileSync(join(dir, 'study.json'), JSON.stringify(definition));
  writeFileSync(join(dir, '2024', file), bytes);
  return dir;
}

const errors = (dir: string, load: Awaited<ReturnType<typeof readStudy>>) => shown(load.issues.filter((i) => i.severity === 'error')).map((l) => l.replaceAll(dir, 'DIR'));

describe('the place of a problem, named the way each format names it', () => {
  // Row 57 of the file (line 57 of the CSV, after the header on line 1) has int3 = 7.
  const rows = okRows(60);
  rows[55] = ok('r56').replace(',3,4,5,2,', ',3,4,7,2,');
  const text = csv(...rows);

  it('CSV: line and column', async () => {
    const dir = oneEdition('place-csv', 'responses.csv', text);
    expect(errors(dir, await readStudy(dir))).toEqual([
      `error: DIR/2024/responses.csv:57: column "int3": value "7" is outside the scale 1–5 and is not a can't-say code (6)\n  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`,
    ]);
  });

  it('.xlsx: sheet and cell, in the first sheet or the one study.json names', async () => {
    const dir = oneEdition('place-xlsx', 'responses.xlsx', await csvToXlsx(text, 'Data'));
    expect(errors(dir, await readStudy(dir))).toEqual([
      `error: DIR/2024/responses.xlsx: sheet "Data" cell F57 (column "int3"): value "7" is outside the scale 1–5 and is not a can't-say code (6)\n  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`,
    ]);
    const named = oneEdition('place-xlsx-named', 'responses.xlsx', await csvToXlsx(text, 'Data', ['Ohje']), { responses: { sheet: 'Ohje', sheets: { 2024: 'Data' } } });
    expect(errors(named, await readStudy(named))).toHaveLength(1);
    const missing = oneEdition('place-xlsx-missing', 'responses.xlsx', await csvToXlsx(text, 'Data', ['Ohje']), { responses: { sheet: 'Vastaukset' } });
    expect(errors(missing, await readStudy(missing))).toEqual([
      'error: DIR/2024/responses.xlsx: the workbook has no sheet "Vastaukset" (its sheets are "Ohje", "Data")\n  → Correct responses.sheet in study.json, or rename the sheet.',
    ]);
  });

  it('.sav: case and variable, quoting the value label', async () => {
    const labels: [number, string][] = [
      [1, 'Täysin eri mieltä'],
      [5, 'Täysin samaa mieltä'],
      [6, 'En osaa sanoa'],
      [7, 'Ei koske minua'],
    ];
    const dir = oneEdition('place-sav', 'responses.sav', csvToSav(text, { compressed: true }, { int3: { labels } }));
    expect(errors(dir, await readStudy(dir))).toEqual([
      `error: DIR/2024/responses.sav: case 56, variable "int3": value "7" (labelled "Ei koske minua") is outside the scale 1–5 and is not a can't-say code (6)\n  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`,
    ]);
  });
});
