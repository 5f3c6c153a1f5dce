/**
 * Builds of the same inputs are byte-identical, and a draft edition is marked as
 * such and never shown as the latest. Builds go inside the working directory
 * (test-output/), where each build keeps its own Astro prerender folder.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { silentEffects } from '../support/effects.ts';

let work: string;

async function build(dataDir: string, reportsDir: string, outDir: string, now = '2026-01-15T12:00:00Z'): Promise<void> {
  const effects = silentEffects({ now: () => new Date(now) });
  const code = await buildSite({ dataDir, reportsDir, cwd: process.cwd(), outDir, pdf: false }, effects);
  if (code !== 0) throw new Error(`build failed:\n${effects.errors.join('\n')}`);
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  work = await mkdtemp(resolve('test-output', 'reproducible-'));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('reproducible builds', () => {
  it('gives byte-identical pages, JSON and CSV for the same inputs, even on another day', async () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    await build('data', 'reports', a, '2026-01-15T12:00:00Z');
    // Every sample edition is published, so the build date appears nowhere.
    await build('data', 'reports', b, '2026-06-30T08:30:00Z');
    const listA = await files(a);
    expect(listA).toEqual(await files(b));
    expect(listA.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(100);
    expect(listA.some((f) => f.endsWith('.csv'))).toBe(true);
    expect(listA.some((f) => f.endsWith('.json'))).toBe(true);
    const differing: string[] = [];
    for (const f of listA) if (!(await readFile(join(a, f))).equals(await readFile(join(b, f)))) differing.push(f);
    expect(differing).toEqual([]);
  }, 240_000);
});

describe('a draft edition', () => {
  it('is marked as a draft on its pages and the landing page shows the latest published edition', async () => {
    const data = join(work, 'draft', 'data');
    const reports = join(work, 'draft', 'reports');
    await cp('data', data, { recursive: true });
    await cp('reports', reports, { recursive: true });
    await rm(join(reports, '2025', 'publication.json'));
    for (const lang of ['fi', 'sv', 'en']) {
      const index = join(reports, '2025', lang, 'index.md');
      await writeFile(index, (await readFile(index, 'utf8')).replace(/^status: published$/m, 'status: draft'));
    }
    const out = join(work, 'draft', 'site');
    await build(data, reports, out);
    const landing = await readFile(join(out, 'index.html'), 'utf8');
    expect(landing).toContain('Keskeiset tunnusluvut 2024');
    expect(landing).not.toContain('Keskeiset tunnusluvut 2025');
    expect(landing).toMatch(/2025 \(LUONNOS\)/);
    const fi = await readFile(join(out, 'fi', '2025', 'index.html'), 'utf8');
    expect(fi).toContain('LUONNOS: Tämä on luonnos, jota ei ole julkaistu.');
    expect(fi).toContain('Koottu 15.1.2026');
    const en = await readFile(join(out, 'en', '2025', 'method', 'index.html'), 'utf8');
    expect(en).toContain('DRAFT: This is an unpublished draft.');
    // A published edition carries no draft notice; its edition switcher names the draft as one.
    const published = await readFile(join(out, 'fi', '2024', 'index.html'), 'utf8');
    expect(published).not.toContain('Tämä on luonnos');
    expect(published).toContain('2025 (LUONNOS)');
  }, 240_000);
});
