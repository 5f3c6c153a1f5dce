// Publication records of a study whose questionnaire grows (test/fixtures/questionnaire):
// publish the early editions, then add a question and a background variable to a later
// edition (and a breakdown to a published one) and rebuild. The published editions
// verify unchanged; figures their records do not have are listed as additions.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import { parseRecord, serialiseRecord } from '../../src/publish/index.ts';
import { silentEffects, TEST_LOAD } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/questionnaire');
const scratch = mkdtempSync(join(tmpdir(), 'luotain-questionnaire-'));
const at = (...parts: string[]) => join(scratch, ...parts);
const run = async (...argv: string[]) => {
  const effects = silentEffects({ cwd: scratch });
  const code = await main(argv, effects);
  return { code, out: effects.output, err: effects.errors };
};
const load = () => loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: scratch, ...TEST_LOAD });
const studyJson = () => JSON.parse(readFileSync(at('data/study.json'), 'utf8'));
const writeStudy = (s: unknown) => writeFileSync(at('data/study.json'), JSON.stringify(s, null, 2));
const label = (fi: string, en: string) => ({ fi, en });

/** Adds a column to an edition's file: its value per row from the row number. */
function addColumn(year: number, name: string, value: (row: number) => string): void {
  const file = at('data', String(year), 'responses.csv');
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(file, `${lines.map((l, i) => `${l},${i === 0 ? name : value(i)}`).join('\n')}\n`);
}

beforeAll(async () => {
  cpSync(join(FIXTURE, 'study.json'), at('data/study.json'));
  for (const year of [2023, 2024, 2025]) cpSync(join(FIXTURE, String(year)), at('data', String(year)), { recursive: true });
  for (const year of [2023, 2024, 2025]) expect((await run('new-edition', String(year))).code).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('publication records of a changing questionnaire', () => {
  it('publishes 2023 and 2024', async () => {
    for (const year of ['2023', '2024']) {
      const { code, err } = await run('publish', year, '--date', '2025-03-13');
      expect(err.filter((l) => l.startsWith('error'))).toEqual([]);
      expect(code).toBe(0);
    }
    const { issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('check lists, per edition, the items not asked, the renamed columns and the breaks', async () => {
    const { code, out } = await run('check');
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('  Not asked in 2023: q4\n');
    expect(text).toContain('  Not asked in 2025: q3\n  Columns renamed in 2025: q5 → Q5_new\n  Breaks in 2025: q2');
    expect(text).not.toContain('Not asked in 2024');
    // Group C, surveyed from 2024 on, is not listed in 2023's table of groups.
    const y2023 = text.slice(text.indexOf('2023  '), text.indexOf('2024  '));
    expect(y2023).not.toMatch(/\n {2}C /);
  });

  it('a question and a background variable added in 2025 leave 2023 and 2024 verified, with no additions', async () => {
    const s = studyJson();
    s.items.push({ id: 'q6', label: label('Uusi', 'New'), from: 2025 });
    s.dimensions[1].items.push('q6');
    s.background.push({
      id: 'region',
      column: 'region',
      label: label('Alue', 'Region'),
      from: 2025,
      values: [
        { code: 'n', label: label('Pohjoinen', 'North') },
        { code: 's', label: label('Etelä', 'South') },
      ],
    });
    writeStudy(s);
    addColumn(2025, 'q6', (r) => String((r % 5) + 1));
    addColumn(2025, 'region', (r) => (r % 3 === 0 ? 'n' : 's'));
    const { model, issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // The study changed; the published figures did not, and nothing was added to them.
    const records = issues.filter((i) => i.file.endsWith('publication.json')).map((i) => `${i.severity}: ${i.message}`);
    expect(records).toEqual([
      'warning: the study of edition 2023 changed since version 1.0 was published, but no published figure did',
      'warning: the study of edition 2024 changed since version 1.0 was published, but no published figure did',
    ]);
    const y2025 = model!.editions.find((e) => e.year === 2025)!;
    expect(y2025.indicators.find((x) => x.id === 'q6')!.stats.total!.mean.shown).toBe(true);
    expect(Object.keys(y2025.indicators.find((x) => x.id === 'q1')!.stats)).toContain('region:n');
    expect(model!.editions.find((e) => e.year === 2024)!.indicators.find((x) => x.id === 'q6')!.notAsked).toBe(true);
  });

  it('a breakdown added to a published edition is listed as additions, and the build goes on', async () => {
    const s = studyJson();
    s.background.push({
      id: 'sector',
      column: 'sector',
      label: label('Sektori', 'Sector'),
      from: 2024,
      values: [
        { code: 'p', label: label('Julkinen', 'Public') },
        { code: 'y', label: label('Yksityinen', 'Private') },
      ],
    });
    writeStudy(s);
    addColumn(2024, 'sector', (r) => (r % 2 === 0 ? 'p' : 'y'));
    addColumn(2025, 'sector', (r) => (r % 2 === 0 ? 'p' : 'y'));
    const { issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const additions = issues.filter((i) => i.file.endsWith('2024/publication.json') && i.message.includes('Additions'));
    expect(additions).toHaveLength(1);
    expect(additions[0]!.severity).toBe('warning');
    expect(additions[0]!.message).toMatch(
      /^edition 2024 \(version 1\.0\) now has \d+ figures its publication record does not have; every recorded figure is unchanged\. Additions:\n {4}by statistic: mean\.band \(\d+\), .*\n {4}sector\|p\|/,
    );
    expect(issues.some((i) => i.file.endsWith('2023/publication.json') && i.message.includes('Additions'))).toBe(false);
  });

  it('a record written by an older Luotain, with fewer statistics, still verifies; a changed recorded figure fails', async () => {
    const file = at('reports/2023/publication.json');
    const original = readFileSync(file, 'utf8');
    const record = parseRecord(original, file, 2023).record!;
    // As if the recording version had no can't-say shares and was 0.0.9.
    const figures = Object.fromEntries(Object.entries(record.current.figures).filter(([k]) => !k.includes('|cant_say')));
    expect(Object.keys(figures).length).toBeLessThan(Object.keys(record.current.figures).length);
    writeFileSync(file, serialiseRecord({ ...record, current: { ...record.current, toolVersion: '0.0.9', figures } }));
    let { issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.some((i) => i.file.endsWith('2023/publication.json') && i.severity === 'warning' && i.message.startsWith('edition 2023 (version 1.0) now has'))).toBe(true);
    const key = 'total|total|q1|mean.estimate';
    writeFileSync(file, serialiseRecord({ ...record, current: { ...record.current, figures: { ...record.current.figures, [key]: '1.5' } } }));
    ({ issues } = await load());
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(`    ${key}: 1.5 → `);
    writeFileSync(file, original);
  });
});
