import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { silentEffects } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-compute-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('luotain compute', () => {
  it('writes the model of every edition of the sample study as JSON and as a long CSV', async () => {
    const json = join(scratch, 'model.json');
    const csv = join(scratch, 'indicators.csv');
    const effects = silentEffects({ cwd: ROOT });
    expect(await main(['compute', '--data', 'data', '--reports', 'reports', '--out', json, '--csv', csv], effects)).toBe(0);
    expect(effects.output).toEqual([]);
    expect(effects.errors.at(-1)).toBe(`Computed 4 editions (2022, 2023, 2024, 2025); JSON: ${json}; CSV: ${csv}`);
    expect(effects.errors.filter((l) => l.startsWith('error'))).toEqual([]);
    const model = JSON.parse(readFileSync(json, 'utf8')) as ReportModel;
    expect(model.editions.map((e) => [e.year, e.status])).toEqual([
      [2022, 'published'],
      [2023, 'published'],
      [2024, 'published'],
      [2025, 'published'],
    ]);
    expect(model.latestYear).toBe(2025);
    expect(model.builtOn).toBe('2026-01-15');
    const lines = readFileSync(csv, 'utf8').split('\n');
    expect(lines[0]).toBe('edition,breakdown,domain,indicator,kind,statistic,value');
    expect(new Set(lines.slice(1, -1).map((l) => l.split(',')[0]))).toEqual(new Set(['2022', '2023', '2024', '2025']));
    // The CSV and the JSON carry the same figures.
    const reputation = model.editions[3]!.indicators.find((x) => x.id === 'reputation')!.stats.total!.mean;
    expect(reputation.shown).toBe(true);
    expect(lines).toContain(`2025,total,total,reputation,index,mean.estimate,${reputation.shown ? reputation.estimate : ''}`);
    // 2023's community group (27 respondents, minBase 30) is withheld.
    expect(lines).toContain('2023,group,community,reputation,index,mean.suppressed,base');
  });

  it('prints the JSON without --out and --csv', async () => {
    const effects = silentEffects({ cwd: ROOT });
    expect(await main(['compute', '--data', 'test/fixtures/load/good', '--reports', join(scratch, 'none')], effects)).toBe(0);
    const model = JSON.parse(effects.output.join('\n')) as ReportModel;
    // Years without editorial content are computed too, as drafts.
    expect(model.editions.map((e) => [e.year, e.status])).toEqual([
      [2023, 'draft'],
      [2024, 'draft'],
    ]);
    expect(model.latestYear).toBeUndefined();
  });

  it('on input errors exits 1 and writes nothing', async () => {
    const json = join(scratch, 'bad.json');
    const csv = join(scratch, 'bad.csv');
    const effects = silentEffects({ cwd: ROOT });
    expect(await main(['compute', '--data', 'test/fixtures/load/bad', '--reports', join(scratch, 'none'), '--out', json, '--csv', csv], effects)).toBe(1);
    expect(existsSync(json)).toBe(false);
    expect(existsSync(csv)).toBe(false);
    expect(effects.output).toEqual([]);
    expect(effects.errors[0]).toBe(
      'error: test/fixtures/load/bad/2024/responses.csv:3: column "group": value "X" is not a group code in study.json (the codes are "A", "B", "C")\n  → Correct the code, or add the group to groups in study.json.',
    );
    expect(effects.errors.at(-1)).toBe('\n6 errors, 0 warnings: nothing was written. Fix the errors and run the command again.');
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    const effects = silentEffects({ cwd: ROOT });
    expect(await main(['compute', '--ouput', 'x.json'], effects)).toBe(2);
    expect(effects.errors).toEqual(['luotain compute: unknown option --ouput\nUsage: luotain compute [--data DIR] [--reports DIR] [--out FILE] [--csv FILE]']);
    const missing = silentEffects({ cwd: ROOT });
    expect(await main(['compute', '--out'], missing)).toBe(2);
    expect(missing.errors[0]).toBe('luotain compute: --out needs a value\nUsage: luotain compute [--data DIR] [--reports DIR] [--out FILE] [--csv FILE]');
  });
});
