// `build --no-figure-files --no-office`: a build without the figure files, share images,
// workbooks and decks, whose pages link to none of them; the same study built with
// the defaults has them all (so each assertion can fail).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { silentEffects } from '../support/effects.ts';

const scratch = mkdtempSync(join(tmpdir(), 'luotain-build-outputs-'));
const at = (...parts: string[]) => join(scratch, ...parts);

/** Every file below `dir`, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

const built: Record<'full' | 'lean', { code: number; out: string; files: string[]; html: string }> = {} as never;

beforeAll(async () => {
  // The sample's last edition alone, as a draft (its publication record compares with 2024), with a site address so that pages carry og:image.
  cpSync('data/2025', at('data', '2025'), { recursive: true });
  cpSync('data/benchmarks.csv', at('data', 'benchmarks.csv'));
  const study = JSON.parse(readFileSync('data/study.json', 'utf8'));
  writeFileSync(at('data', 'study.json'), JSON.stringify({ ...study, siteUrl: 'https://example.org/raportit/' }, null, 2));
  cpSync('reports/2025', at('reports', '2025'), { recursive: true, filter: (src) => !src.endsWith('publication.json') });
  for (const [name, extra] of [
    ['full', []],
    ['lean', ['--no-figure-files', '--no-office']],
  ] as const) {
    const effects = silentEffects({ cwd: scratch });
    const code = await main(['build', '--data', 'data', '--reports', 'reports', '--out', name, '--no-pdf', ...extra], effects);
    const list = code === 0 ? files(at(name)) : [];
    const html = list
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(at(name, f), 'utf8'))
      .join('\n');
    built[name] = { code, out: effects.output.join('\n'), files: list, html };
  }
}, 600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('build --no-figure-files --no-office', () => {
  it('builds, and says what it skipped', () => {
    expect(built.full.code).toBe(0);
    expect(built.lean.code).toBe(0);
    expect(built.lean.out).toContain('Figure files skipped (--no-figure-files); the figures do not link to them');
    expect(built.full.out).toMatch(/Drew \d+ figures \(SVG and PNG\) and 3 share images/);
  });

  it('writes no figure file, share image, workbook or deck', () => {
    const extras = (list: string[]) => list.filter((f) => /\/figures\/|\.(xlsx|pptx)$/.test(f));
    expect(extras(built.full.files).length).toBeGreaterThan(100);
    expect(extras(built.full.files).filter((f) => f.endsWith('.xlsx'))).toHaveLength(3);
    expect(extras(built.lean.files)).toEqual([]);
  });

  it('links to none of them: no image links by the figures, no og:image, no Office downloads', () => {
    for (const pattern of [/\/figures\/[\w-]+\.(svg|png)"/, /property="og:image"/, /\.xlsx"/, /\.pptx"/]) {
      expect(built.full.html, String(pattern)).toMatch(pattern);
      expect(built.lean.html, String(pattern)).not.toMatch(pattern);
    }
    // The rest is the same site: the same pages, and the figures keep their anchors.
    expect(built.lean.files.filter((f) => f.endsWith('.html'))).toEqual(built.full.files.filter((f) => f.endsWith('.html')));
    expect(built.lean.html).toContain('id="summary-areas"');
    expect(existsSync(at('lean', 'fi', '2025', 'index.html'))).toBe(true);
  });
});
