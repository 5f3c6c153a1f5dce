/**
 * `luotain check` reads the editorial folder too: front-matter errors, report
 * folders without data and data without report folders surface before a build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { silentEffects } from '../support/effects.ts';
import { makeStudyFolder, type StudyFolder } from './study-folder.ts';

let study: StudyFolder;
afterEach(() => study?.remove());

async function check() {
  const effects = silentEffects({ cwd: study.dir });
  const code = await main(['check', '--data', 'data', '--reports', 'reports'], effects);
  return { code, errors: effects.errors, output: effects.output };
}

describe('check reads reports/', () => {
  it('unclear: a front-matter error is found by check, not first by build', async () => {
    study = makeStudyFolder({ frontMatter: { status: 'final' } });
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.errors[0]).toBe(`error: ${study.dir}/reports/2024/fi/index.md:3: status "final" is neither "draft" nor "published"\n  → Set status: draft or status: published.`);
  });

  it('silent: a report folder without data, and one not named by a year, are listed', async () => {
    study = makeStudyFolder();
    mkdirSync(join(study.dir, 'reports', '2025', 'fi'), { recursive: true });
    writeFileSync(join(study.dir, 'reports', '2025', 'fi', 'index.md'), '---\ntitle: T\n---\n');
    mkdirSync(join(study.dir, 'reports', '2024-old'));
    const result = await check();
    expect(result.code).toBe(0);
    expect(result.errors).toContain(
      `warning: reports/2024-old: "2024-old" is not a year, so this folder is not an edition of the report\n  → Name each edition's folder by its year alone, e.g. reports/2025.`,
    );
    expect(result.errors).toContain(
      `warning: reports/2025: there is no data/2025/responses.csv, so 2025 is not an edition of the report\n  → Put the 2025 responses in data/2025/responses.csv, or remove the folder.`,
    );
    expect(result.output.at(-1)).toMatch(/ — 1 edition \(2024 draft\) ready to build$/);
  });

  it('silent: data without a report folder is a warning, and check says nothing is ready to build', async () => {
    study = makeStudyFolder();
    const effects = silentEffects({ cwd: study.dir });
    expect(await main(['check', '--data', 'data', '--reports', 'no-reports'], effects)).toBe(0);
    expect(effects.errors).toContain(
      'warning: no-reports/2024: the data of 2024 has no editorial content, so 2024 is not an edition of the report\n  → Run "luotain new-edition 2024" to create no-reports/2024.',
    );
    expect(effects.output.at(-1)).toMatch(/ — no edition to build yet: no year has both data and a folder in no-reports \(see the warnings\)$/);
  });

  it('silent: a record whose interval of shares is changed by hand fails the check, listing only the share bounds', async () => {
    study = makeStudyFolder();
    const effects = silentEffects({ cwd: study.dir });
    expect(await main(['publish', '2024', '--data', 'data', '--reports', 'reports', '--date', '2026-01-15'], effects)).toBe(0);
    const file = join(study.dir, 'reports', '2024', 'publication.json');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"shareInterval": "logit"');
    expect((await check()).code).toBe(0);
    // Without "methods" the record says its shares had symmetric intervals: their bounds no longer match.
    writeFileSync(file, text.replace(/\n {4}"methods": \{\n {6}"shareInterval": "logit"\n {4}\},/, ''));
    const result = await check();
    expect(result.code).toBe(1);
    const error = result.errors.find((l) => l.startsWith('error: reports/2024/publication.json: '))!;
    expect(error).toMatch(/edition 2024 was published as version 1\.0 on 2026-01-15, but \d+ of its figures are now different \(the inputs are unchanged, so the computation changed\):/);
    const listed = error.split('\n').filter((l) => /^ {4}\S+: /.test(l));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((l) => /\|(top_box|share_\d+|cant_say|promoters|passives|detractors)\.ci_(low|high): /.test(l))).toBe(true);
  });
});
