// Publication records name their study: another study's editorial folder (as when --data
// names another study and --reports is left at its default) is said once, not as thousands
// of changed figures; a record without a study id (an older Luotain's) is the study's own.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { silentEffects } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-other-study-'));
const at = (...parts: string[]) => join(scratch, ...parts);
const run = async (...argv: string[]) => {
  const effects = silentEffects({ cwd: scratch });
  const code = await main(argv, effects);
  return { code, out: effects.output, err: effects.errors };
};
const YEARS = ['2022', '2023', '2024', '2025'];

beforeAll(() => {
  cpSync(join(ROOT, 'data'), at('data'), { recursive: true });
  cpSync(join(ROOT, 'reports'), at('reports'), { recursive: true });
  // Another study: the sample's data under another id.
  cpSync(join(ROOT, 'data'), at('other', 'data'), { recursive: true });
  const file = at('other', 'data', 'study.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"id": "kaukovesi-maine"', '"id": "other-study"'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('publication records of another study', () => {
  const FOREIGN = [
    'error: reports: the publication records of 2022, 2023, 2024 and 2025 here belong to study "kaukovesi-maine", not to "other-study" (the id in other/data/study.json): this is another study\'s editorial folder',
    '  → Point --reports at the editorial folder of "other-study" (--data other/data --reports other/reports); "luotain new-edition <year>" creates one.',
  ].join('\n');

  it('compute and check say so in one error, naming the folder and both ids, and compare no figure', async () => {
    for (const command of ['compute', 'check']) {
      const { code, err } = await run(command, '--data', 'other/data');
      expect(code).toBe(1);
      expect(err.filter((l) => l.startsWith('error'))).toEqual([FOREIGN]);
      expect(err.some((l) => l.includes('figures are now different'))).toBe(false);
    }
  });

  it('the study of the records verifies; so do records without a study id', async () => {
    expect((await run('compute', '--out', at('model.json'))).code).toBe(0);
    for (const y of YEARS) {
      const file = at('reports', y, 'publication.json');
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('{\n  "study": "kaukovesi-maine",\n  "edition": ')).toBe(true);
      writeFileSync(file, text.replace('\n  "study": "kaukovesi-maine",', ''));
    }
    const { code, err } = await run('compute', '--out', at('model.json'));
    expect(err.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(code).toBe(0);
  });
});
