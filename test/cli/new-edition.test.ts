import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseEditorial } from '../../src/editorial/parse-editorial.ts';
import { silentEffects } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-new-edition-'));
beforeAll(() => {
  mkdirSync(join(scratch, 'data'));
  cpSync(join(ROOT, 'data/study.json'), join(scratch, 'data/study.json'));
  mkdirSync(join(scratch, 'reports/2025'), { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The sample study's report sections: the fixed pages, then its dimensions and groups.
const SECTIONS = [
  'drivers',
  'trends',
  'benchmark',
  'method',
  'tables',
  'governance',
  'finance',
  'leadership',
  'renewal',
  'interaction',
  'products',
  'workplace',
  'responsibility',
  'cx',
  'public',
  'private',
  'business',
  'community',
  'partners',
];

describe('luotain new-edition', () => {
  it('takes only an edition year as init does (1900–2999), creating nothing for another', async () => {
    for (const year of ['1800', '3000', '26', '2026x']) {
      const effects = silentEffects({ cwd: scratch });
      expect(await main(['new-edition', year], effects)).toBe(2);
      expect(effects.errors.join('\n')).toContain('four digits from 1900 to 2999');
      expect(existsSync(join(scratch, 'reports', year))).toBe(false);
    }
  });

  it("creates draft editorial files in each of the study's languages and says where the data goes", async () => {
    const effects = silentEffects({ cwd: scratch });
    expect(await main(['new-edition', '2026'], effects)).toBe(0);
    expect(effects.errors).toEqual([]);
    expect(effects.output).toEqual([
      ...['fi', 'sv', 'en'].flatMap((lang) => ['index', ...SECTIONS].map((s) => `Created ${join('reports', '2026', lang, `${s}.md`)}`)),
      '\nPut the 2026 responses in data/2026/responses.csv (or responses.sav or responses.xlsx, with the same columns as earlier years), then run:\n  npx luotain check --data data\nand, to write the commentary with the figures in view, npx luotain build --no-pdf and npx luotain serve (or npm run dev in a checkout of Luotain)',
    ]);
    for (const lang of ['fi', 'sv', 'en']) {
      const folder = join(scratch, 'reports/2026', lang);
      expect(readdirSync(folder).sort()).toEqual(['index', ...SECTIONS].map((s) => `${s}.md`).sort());
      const files = readdirSync(folder).map((name) => ({ name, path: join(folder, name), text: readFileSync(join(folder, name), 'utf8') }));
      const { editorial, issues } = parseEditorial(files, new Set(SECTIONS));
      expect(issues).toEqual([]);
      expect(editorial!.meta.status).toBe('draft');
    }
    expect(readFileSync(join(scratch, 'reports/2026/fi/index.md'), 'utf8').split('\n').slice(0, 4)).toEqual([
      '---',
      'title: "Maine- ja asiakaskokemustutkimus 2026"',
      'status: draft',
      'version: "0.1"',
    ]);
    expect(readFileSync(join(scratch, 'reports/2026/en/index.md'), 'utf8')).toContain('title: "Reputation and Customer Experience Study 2026"\nstatus: draft\n');
    expect(readFileSync(join(scratch, 'reports/2026/sv/index.md'), 'utf8')).toContain('title: "Undersökning om anseende och kundupplevelse 2026"\nstatus: draft\n');
    expect(readFileSync(join(scratch, 'reports/2026/sv/drivers.md'), 'utf8')).toBe('<!-- Kommentar till avsnittet "drivers" (markdown). Lämna tom om avsnittet inte behöver någon kommentar. -->\n');
  });

  it('refuses when the edition folder exists and changes nothing', async () => {
    const effects = silentEffects({ cwd: scratch });
    expect(await main(['new-edition', '2025'], effects)).toBe(1);
    expect(effects.errors).toEqual(['reports/2025 already exists; nothing was changed.']);
    expect(readdirSync(join(scratch, 'reports/2025'))).toEqual([]);
    const again = silentEffects({ cwd: scratch });
    expect(await main(['new-edition', '2026'], again)).toBe(1);
    expect(again.output).toEqual([]);
  });

  it('needs a study definition and a four-digit year', async () => {
    const elsewhere = silentEffects({ cwd: scratch });
    expect(await main(['new-edition', '2027', '--data', 'nowhere'], elsewhere)).toBe(1);
    expect(elsewhere.errors).toEqual(['nowhere/study.json does not exist: new-edition needs the study definition. Give the study folder with --data.']);
    expect(existsSync(join(scratch, 'reports/2027'))).toBe(false);
    const usage = silentEffects({ cwd: scratch });
    expect(await main(['new-edition', '26'], usage)).toBe(2);
    expect(usage.errors).toEqual([
      'luotain new-edition: give the edition year, four digits from 1900 to 2999, e.g. luotain new-edition 2026\nUsage: luotain new-edition YEAR [--data DIR] [--reports DIR]',
    ]);
  });
});
