import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { commands } from '../../src/cli/commands.ts';
import { OUTPUT_MARKER } from '../../src/cli/output-folder.ts';
import { silentEffects } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('luotain build with input errors', () => {
  it('exits 1, prints the errors and leaves the previous output untouched', async () => {
    const out = join(scratch, 'site');
    mkdirSync(out);
    // The output of an earlier build: only such a folder may be replaced.
    writeFileSync(join(out, OUTPUT_MARKER), '');
    writeFileSync(join(out, 'marker.txt'), 'previous build');
    const effects = silentEffects({ cwd: ROOT });
    const cwdBefore = process.cwd();
    expect(await main(['build', '--data', 'test/fixtures/load/bad', '--reports', join(scratch, 'reports'), '--out', out, '--no-pdf'], effects)).toBe(1);
    expect(effects.errors.filter((l) => l.startsWith('error: '))).toHaveLength(6);
    expect(effects.errors[0]).toBe(
      'error: test/fixtures/load/bad/2024/responses.csv:3: column "group": value "X" is not a group code in study.json (the codes are "A", "B", "C")\n  → Correct the code, or add the group to groups in study.json.',
    );
    expect(effects.errors.at(-1)).toBe('\n6 errors, 0 warnings: nothing was written. Fix the errors and run the command again.');
    expect(effects.output).toEqual([]);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'marker.txt']);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous build');
    // No staging folder is left beside the output, and no work folder of the rendering that started beside the loading.
    expect(readdirSync(scratch)).toEqual(['site']);
    expect(readdirSync(join(ROOT, '.astro')).filter((n) => n.startsWith(`build-${process.pid}-`))).toEqual([]);
    // The working folder is the caller's again.
    expect(process.cwd()).toBe(cwdBefore);
  });

  it('an error in the editorial content stops the build the same way', async () => {
    const data = join(scratch, 'data');
    const reports = join(scratch, 'reports-bad');
    mkdirSync(join(data, '2024'), { recursive: true });
    mkdirSync(join(reports, '2024/fi'), { recursive: true });
    writeFileSync(join(data, 'study.json'), readFileSync(join(ROOT, 'test/fixtures/load/good/study.json')));
    writeFileSync(join(data, '2024/responses.csv'), readFileSync(join(ROOT, 'test/fixtures/load/good/2024/responses.csv')));
    writeFileSync(join(reports, '2024/fi/index.md'), '---\ntitle: T\nstatus: final\n---\n');
    const out = join(scratch, 'site2');
    mkdirSync(out);
    writeFileSync(join(out, OUTPUT_MARKER), '');
    writeFileSync(join(out, 'marker.txt'), 'kept');
    const effects = silentEffects({ cwd: scratch });
    expect(await main(['build', '--data', 'data', '--reports', 'reports-bad', '--out', 'site2', '--no-pdf'], effects)).toBe(1);
    expect(effects.errors[0]).toBe(`error: ${join(reports, '2024/fi/index.md')}:3: status "final" is neither "draft" nor "published"\n  → Set status: draft or status: published.`);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'marker.txt']);
    expect(readdirSync(scratch).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('usage', () => {
  for (const c of commands) {
    it(`luotain ${c.name} --help exits 0 with its usage`, async () => {
      const effects = silentEffects({ cwd: scratch });
      expect(await main([c.name, '--help'], effects)).toBe(0);
      expect(effects.errors).toEqual([]);
      expect(effects.output).toHaveLength(1);
      expect(effects.output[0]!.startsWith(`Usage: luotain ${c.usage}\n\n`)).toBe(true);
    });
  }

  it('luotain --help exits 0; no command exits 2', async () => {
    const help = silentEffects();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.output[0]).toMatch(/^luotain — report generator/);
    const none = silentEffects();
    expect(await main([], none)).toBe(2);
  });

  it('a --base that is not a plain path is a usage error in words, before anything is read or written', async () => {
    for (const [base, why] of [
      ['/reports/../admin/', 'must not contain "." or ".." folders'],
      ['/reports/?v=2', 'must be a path only: no "?" query or "#" fragment'],
      ['https://example.fi/reports/', 'must be a path such as "/reports/kaukovesi/", not an address with a scheme or host'],
    ]) {
      for (const name of ['build', 'serve']) {
        const effects = silentEffects({ cwd: scratch });
        expect(await main([name, '--base', base!, '--out', 'never'], effects)).toBe(2);
        expect(effects.errors[0]!.split('\n')[0]).toBe(`luotain ${name}: --base ${JSON.stringify(base)} ${why}. Give the path the site is served under, e.g. --base /reports/kaukovesi/`);
      }
    }
    expect(readdirSync(scratch)).not.toContain('never');
  });

  it('an unknown option or command exits 2', async () => {
    for (const name of ['compute', 'build', 'publish', 'new-edition', 'check']) {
      const effects = silentEffects({ cwd: scratch });
      expect(await main([name, '--frobnicate'], effects)).toBe(2);
      expect(effects.errors[0]).toMatch(new RegExp(`^luotain ${name}: unknown option --frobnicate\\nUsage: luotain ${name}`));
    }
    const effects = silentEffects();
    expect(await main(['compile'], effects)).toBe(2);
    expect(effects.errors).toEqual(['luotain: unknown command "compile". Run "luotain --help" for the list.']);
  });
});
