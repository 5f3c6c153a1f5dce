import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { silentEffects } from '../support/effects.ts';
import { csvText, ITEM_LABELS, ROWS, savFile, xlsxFile } from '../support/init-fixture.ts';

const scratch = mkdtempSync(join(tmpdir(), 'luotain-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder holding only the responses file, as an analyst gets it. */
async function delivered(name: string, file: string): Promise<string> {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const bytes = file.endsWith('.sav') ? savFile() : file.endsWith('.xlsx') ? await xlsxFile() : csvText();
  writeFileSync(join(dir, file), bytes);
  return dir;
}

/** Runs init there; returns its output, the draft and the effects. */
async function init(dir: string, args: string[]) {
  const effects = silentEffects({ cwd: dir });
  const code = await main(['init', ...args], effects);
  const study = existsSync(join(dir, 'data/study.json')) ? JSON.parse(readFileSync(join(dir, 'data/study.json'), 'utf8')) : undefined;
  return { code, effects, study, out: effects.output.join('\n') };
}

/** `luotain check` on the study in-process: its exit code, errors and warnings. */
async function check(dir: string) {
  const effects = silentEffects({ cwd: dir });
  const code = await main(['check', '--data', 'data', '--reports', 'reports'], effects);
  return { code, errors: effects.errors.filter((l) => l.startsWith('error:')), warnings: effects.errors.filter((l) => l.startsWith('warning:')), out: effects.output.join('\n') };
}

const label = (text: string) => ({ fi: text, en: text });

describe('luotain init', () => {
  it("from an SPSS file: labels, the scale and can't say from the value labels, user-missing as not answered, id, group, weight, background, NPS; check accepts it", async () => {
    const dir = await delivered('sav', 'vastaukset.sav');
    const { code, study, out, effects } = await init(dir, ['--from', 'vastaukset.sav', '--year', '2025']);
    expect(effects.errors).toEqual([]);
    expect(code).toBe(0);
    expect(study.columns).toEqual({ id: 'resp_id', group: 'ryhma', weight: 'paino' });
    expect(study.scale).toEqual({ min: 1, max: 5, cantSay: [6], topBox: 2 });
    expect(study.languages).toEqual(['fi', 'en']);
    expect(study.groups).toEqual([
      { code: '1', label: label('Asiakkaat') },
      { code: '2', label: label('Kumppanit') },
    ]);
    expect(study.items).toEqual(ITEM_LABELS.map((text, i) => ({ id: `q${i + 1}`, label: label(text) })));
    expect(study.background).toEqual([
      {
        id: 'sukupuoli',
        column: 'sukupuoli',
        label: label('Sukupuoli'),
        values: [
          { code: '1', label: label('Nainen') },
          { code: '2', label: label('Mies') },
          { code: '3', label: label('Muu') },
        ],
      },
    ]);
    expect(study.nps).toEqual({ column: 'nps', reason: 'nps_perustelu' });
    expect(study.bands.map((b: { id: string; min?: number }) => [b.id, b.min])).toEqual([
      ['excellent', 4],
      ['good', 3.5],
      ['moderate', 3],
      ['weak', 2.5],
      ['very-weak', undefined],
    ]);
    expect(study.$schema).toMatch(/study\.schema\.json$/);
    expect(readFileSync(join(dir, 'data/2025/responses.sav'))).toEqual(readFileSync(join(dir, 'vastaukset.sav')));
    expect(readdirSync(join(dir, 'reports/2025')).sort()).toEqual(['en', 'fi']);
    expect(readdirSync(join(dir, 'reports/2025/fi')).sort()).toEqual(['1.md', '2.md', 'index.md', 'method.md', 'tables.md']);

    // Every guess is said with its reason.
    expect(out).toContain(`Read vastaukset.sav: ${ROWS} cases, 9 variables.`);
    expect(out).toContain('  - Respondent id: "resp_id" ("Vastaajan tunniste"), named like an id, and its values are on every row and all different.');
    expect(out).toContain('  - Weight: "paino" ("Painokerroin"), named like a weight; its values are positive on every row');
    expect(out).toContain('  - Scale: 1–5, the range of all 3 of the columns that look like ratings (3 by their value labels).');
    expect(out).toMatch(/ {2}- Can't say: 6 \(labelled "En osaa sanoa"; in 3 items, \d+\.\d % of the answers\)\./);
    expect(out).toContain('  - Group: "ryhma" ("Sidosryhmä"), named like a group, with a code on every row: "1", "2", labelled by its value labels.');
    expect(out).toContain('  - NPS: "nps" ("Kuinka todennäköisesti suosittelisit yhtiötä ystävällesi?"), named like a recommendation question, with whole numbers 0–10 only.');
    // Code 9 is labelled, but user-missing: not answered, and the review says so.
    expect(out).not.toMatch(/Can't say: .*9/);
    expect(out).toContain(
      '  - Labelled like can\'t say but declared missing in the file, so counted as not answered: "q1" 9 ("Vet inte"), "q2" 9 ("Vet inte"), "q3" 9 ("Vet inte"). To count it as can\'t say, remove it from the variable\'s missing values in SPSS and add it to scale.cantSay.',
    );

    const checked = await check(dir);
    expect(checked.errors).toEqual([]);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/1 edition \(2025 draft\) ready to build$/);
  });

  it("from a CSV: the scale and a can't-say code from the values (said to be a guess); check accepts it and build makes a site", async () => {
    const dir = await delivered('csv', 'export.csv');
    const { code, study, out } = await init(dir, ['--from', 'export.csv', '--year', '2025', '--languages', 'fi,sv,en']);
    expect(code).toBe(0);
    expect(study.columns).toEqual({ id: 'resp_id', group: 'group', weight: 'weight' });
    expect(study.scale).toEqual({ min: 1, max: 5, cantSay: [6], topBox: 2 });
    expect(study.languages).toEqual(['fi', 'sv', 'en']);
    expect(study.items.map((x: { id: string }) => x.id)).toEqual(['q1', 'q2', 'q3']);
    expect(study.items[0].label).toEqual({ fi: 'q1', sv: 'q1', en: 'q1' });
    expect(study.groups.map((g: { code: string }) => g.code)).toEqual(['customers', 'partners']);
    expect(study.background.map((b: { id: string }) => b.id)).toEqual(['gender']);
    expect(study.nps).toEqual({ column: 'nps', reason: 'nps_reason' });
    expect(study.bands[0].label).toEqual({ fi: 'Erinomainen', sv: 'Utmärkt', en: 'Excellent' });
    expect(out).toMatch(/Can't say: 6 \(a value outside the scale in 3 items, \d+\.\d % of the answers: a guess\)/);
    expect(out).toContain("The can't-say code 6 is guessed from the values alone");

    const checked = await check(dir);
    expect(checked.errors).toEqual([]);
    expect(checked.code).toBe(0);
    // The labels are the file's text in every language: check says so, once.
    expect(checked.warnings.filter((w) => w.includes('placeholders'))).toEqual([
      'warning: data/study.json: title: 10 of the 16 texts are the same in every language (fi, sv, en), as "Export" here: placeholders not translated yet\n  → Translate the labels, the title and the organisation into each language, or publish fewer languages (languages in study.json).',
    ]);

    const effects = silentEffects({ cwd: dir });
    expect(await main(['build', '--data', 'data', '--reports', 'reports', '--out', 'site', '--no-pdf'], effects)).toBe(0);
    for (const lang of ['fi', 'sv', 'en']) expect(existsSync(join(dir, 'site', lang, '2025', 'index.html')), lang).toBe(true);
  });

  it('from a workbook: the first sheet, the same draft as the CSV; check accepts it', async () => {
    const csvDir = await delivered('csv-again', 'export.csv');
    const xlsxDir = await delivered('xlsx', 'export.xlsx');
    const fromCsv = await init(csvDir, ['--from', 'export.csv', '--year', '2025']);
    const fromXlsx = await init(xlsxDir, ['--from', 'export.xlsx', '--year', '2025']);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.study).toEqual(fromCsv.study);
    expect(fromXlsx.out).toContain('Read export.xlsx: 60 rows, 9 columns (the responses are the sheet "Vastaukset").');
    expect(existsSync(join(xlsxDir, 'data/2025/responses.xlsx'))).toBe(true);
    const checked = await check(xlsxDir);
    expect(checked.errors).toEqual([]);
    expect(checked.code).toBe(0);
  });

  it("refuses to overwrite a study, a year's data or its editorial folder, and writes nothing", async () => {
    const dir = await delivered('twice', 'export.csv');
    expect((await init(dir, ['--from', 'export.csv', '--year', '2025'])).code).toBe(0);
    const before = readFileSync(join(dir, 'data/study.json'), 'utf8');
    const again = await init(dir, ['--from', 'export.csv', '--year', '2025']);
    expect(again.code).toBe(1);
    expect(again.effects.errors).toEqual([
      'data/study.json, data/2025/responses.csv, reports/2025 already exist; nothing was written. init starts a new study: give an empty study folder with --data (and --reports), or add a year to this study with luotain new-edition.',
    ]);
    expect(readFileSync(join(dir, 'data/study.json'), 'utf8')).toBe(before);

    // Only a responses file of another format in the year folder: still refused, and no study.json appears.
    const other = await delivered('other', 'export.csv');
    mkdirSync(join(other, 'data/2025'), { recursive: true });
    writeFileSync(join(other, 'data/2025/responses.sav'), 'kept');
    const refused = await init(other, ['--from', 'export.csv', '--year', '2025']);
    expect(refused.code).toBe(1);
    expect(refused.effects.errors[0]).toMatch(/^data\/2025\/responses\.sav already exists; nothing was written\./);
    expect(readdirSync(join(other, 'data'))).toEqual(['2025']);
    expect(readFileSync(join(other, 'data/2025/responses.sav'), 'utf8')).toBe('kept');
  });

  it('usage errors: no file, another format, unknown languages, a year that is not one', async () => {
    const dir = await delivered('usage', 'export.csv');
    const cases: [string[], string][] = [
      [[], 'give the responses file, e.g. luotain init --from responses.sav'],
      [['--from', 'export.ods'], '--from export.ods: init reads a .csv, .sav or .xlsx file'],
      [['--from', 'export.csv', '--languages', 'fi,de'], '--languages fi,de: give languages from fi, sv and en, separated by commas (e.g. fi,sv,en)'],
      [['--from', 'export.csv', '--languages', 'fi,fi'], '--languages fi,fi: "fi" is given twice'],
      [['--from', 'export.csv', '--year', '25'], "--year 25: give the edition's year, four digits from 1900 to 2999"],
    ];
    for (const [args, message] of cases) {
      const r = await init(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.effects.errors[0]!.split('\n')[0]).toBe(`luotain init: ${message}`);
    }
    const missing = await init(dir, ['--from', 'nothing.sav']);
    expect(missing.code).toBe(1);
    expect(missing.effects.errors).toEqual(['nothing.sav: the file does not exist; nothing was written. Give the responses file with --from.']);
    expect(readdirSync(dir)).toEqual(['export.csv']);
  });
});
